/*
 * mkdir - make directories: mkdir [-pv] [-m mode] dir .... -p makes the
 * missing parents too and is content when a directory exists already; -m
 * gives the new directories an octal mode (else 0777 less the umask); -v
 * names each directory made.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int vflag;

static int
make(const char *path, mode_t mode, int exists_ok)
{
	struct stat st;

	if (mkdir(path, mode) == 0) {
		if (vflag)
			printf("%s\n", path);
		return 0;
	}
	if (exists_ok && errno == EEXIST && stat(path, &st) == 0 &&
	    S_ISDIR(st.st_mode))
		return 0;
	warn("%s", path);
	return -1;
}

/* -p: every leading directory of path, then path itself. */
static int
make_parents(const char *path, mode_t mode)
{
	char buf[1024];
	char *p;

	if (strlcpy(buf, path, sizeof(buf)) >= sizeof(buf)) {
		warnx("%s: name too long", path);
		return -1;
	}
	for (p = buf + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (make(buf, 0777, 1) == -1)
			return -1;
		*p = '/';
		while (p[1] == '/')
			p++;
	}
	return make(buf, mode, 1);
}

int
main(int argc, char *argv[])
{
	int ch, pflag = 0, mflag = 0, status = 0, i;
	mode_t mode = 0777;
	char *end;

	while ((ch = getopt(argc, argv, "m:pv")) != -1)
		switch (ch) {
		case 'm':
			mode = (mode_t)strtol(optarg, &end, 8);
			if (*optarg == '\0' || *end != '\0' || mode > 07777)
				errx(1, "invalid file mode: %s", optarg);
			mflag = 1;
			break;
		case 'p':
			pflag = 1;
			break;
		case 'v':
			vflag = 1;
			break;
		default:
			fprintf(stderr, "usage: mkdir [-pv] [-m mode] dir ...\n");
			return 1;
		}
	if (optind == argc) {
		fprintf(stderr, "usage: mkdir [-pv] [-m mode] dir ...\n");
		return 1;
	}
	for (i = optind; i < argc; i++) {
		if ((pflag ? make_parents(argv[i], mode) :
		    make(argv[i], mode, 0)) == -1)
			status = 1;
		else if (mflag && chmod(argv[i], mode) == -1) {
			warn("%s", argv[i]);	/* -m: exactly that mode */
			status = 1;
		}
	}
	return status;
}
