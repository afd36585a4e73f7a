/*
 * rmdir - remove empty directories: rmdir [-pv] dir .... -p removes each
 * leading directory of the path after it, as long as they empty out; -v
 * names each directory removed.
 */
#include <err.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int vflag;

static int
remove_dir(const char *path)
{
	if (rmdir(path) == -1) {
		warn("%s", path);
		return -1;
	}
	if (vflag)
		printf("%s\n", path);
	return 0;
}

int
main(int argc, char *argv[])
{
	int ch, pflag = 0, status = 0, i;
	char buf[1024], *slash;

	while ((ch = getopt(argc, argv, "pv")) != -1)
		switch (ch) {
		case 'p':
			pflag = 1;
			break;
		case 'v':
			vflag = 1;
			break;
		default:
			fprintf(stderr, "usage: rmdir [-pv] dir ...\n");
			return 1;
		}
	if (optind == argc) {
		fprintf(stderr, "usage: rmdir [-pv] dir ...\n");
		return 1;
	}
	for (i = optind; i < argc; i++) {
		if (remove_dir(argv[i]) == -1) {
			status = 1;
			continue;
		}
		if (!pflag)
			continue;
		strlcpy(buf, argv[i], sizeof(buf));
		while (strlen(buf) > 1 && buf[strlen(buf) - 1] == '/')
			buf[strlen(buf) - 1] = '\0';
		while ((slash = strrchr(buf, '/')) != NULL && slash != buf) {
			*slash = '\0';
			if (remove_dir(buf) == -1) {
				status = 1;
				break;
			}
		}
	}
	return status;
}
