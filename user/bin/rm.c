/*
 * rm - remove files: rm [-dfiRrv] file .... -r (-R) removes directories
 * and everything below them; -d removes empty directories; -f neither asks
 * nor complains about missing files; -i asks before each removal; -v names
 * what it removed. "." and ".." are never removed.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "libutil/fileutil.h"

static int dflag, fflag, iflag, rflag, vflag;

static int
removed(const char *path)
{
	if (vflag)
		printf("%s\n", path);
	return 0;
}

static int remove_path(const char *path);

/* each_entry()'s call: one entry of a directory being removed. */
static int
remove_entry(const char *path, const char *name, void *arg)
{
	(void)name;
	(void)arg;
	return remove_path(path);
}

static int
remove_path(const char *path)
{
	struct stat st;

	if (stat(path, &st) == -1) {
		if (fflag && errno == ENOENT)
			return 0;
		warn("%s", path);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		/* -r: everything inside first. */
		if (rflag && each_entry(path, remove_entry, NULL) != 0)
			return -1;
		if (!rflag && !dflag) {
			warnx("%s: is a directory", path);
			return -1;
		}
		if (iflag && !ask("remove directory %s? ", path))
			return 0;
		if (rmdir(path) == -1) {
			warn("%s", path);
			return -1;
		}
		return removed(path);
	}
	if (iflag && !ask("remove file %s? ", path))
		return 0;
	if (unlink(path) == -1) {
		warn("%s", path);
		return -1;
	}
	return removed(path);
}

/* Is the last name of path "." or ".."? */
static int
is_dot(const char *path)
{
	char buf[1024];
	const char *name;

	strlcpy(buf, path, sizeof(buf));
	while (strlen(buf) > 1 && buf[strlen(buf) - 1] == '/')
		buf[strlen(buf) - 1] = '\0';
	name = strrchr(buf, '/');
	name = name != NULL ? name + 1 : buf;
	return strcmp(name, ".") == 0 || strcmp(name, "..") == 0;
}

int
main(int argc, char *argv[])
{
	int ch, status = 0, i;

	while ((ch = getopt(argc, argv, "dfiRrv")) != -1)
		switch (ch) {
		case 'd':
			dflag = 1;
			break;
		case 'f':
			fflag = 1;
			iflag = 0;
			break;
		case 'i':
			iflag = 1;
			fflag = 0;
			break;
		case 'R':
		case 'r':
			rflag = 1;
			break;
		case 'v':
			vflag = 1;
			break;
		default:
			fprintf(stderr, "usage: rm [-dfiRrv] file ...\n");
			return 1;
		}
	if (optind == argc && !fflag) {
		fprintf(stderr, "usage: rm [-dfiRrv] file ...\n");
		return 1;
	}
	for (i = optind; i < argc; i++) {
		if (is_dot(argv[i])) {
			warnx("\".\" and \"..\" may not be removed");
			status = 1;
		} else if (remove_path(argv[i]) == -1)
			status = 1;
	}
	return status;
}
