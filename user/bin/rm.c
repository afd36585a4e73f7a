/*
 * rm - remove files: rm [-dfiRrv] file .... -r (-R) removes directories
 * and everything below them; -d removes empty directories; -f neither asks
 * nor complains about missing files; -i asks before each removal; -v names
 * what it removed. "." and ".." are never removed.
 */
#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int dflag, fflag, iflag, rflag, vflag;

/* -i: ask on stderr, read the answer from stdin. */
static int
confirm(const char *what, const char *path)
{
	int c, first;

	fprintf(stderr, "remove %s %s? ", what, path);
	first = c = getchar();
	while (c != '\n' && c != EOF)
		c = getchar();
	return first == 'y' || first == 'Y';
}

static int
removed(const char *path)
{
	if (vflag)
		printf("%s\n", path);
	return 0;
}

static int remove_path(const char *path);

/*
 * The names in directory path (without . and ..), in one malloc'd block of
 * NUL-separated strings; *n counts them. Read whole before anything is
 * removed, since removing changes the listing.
 */
static char *
names_in(const char *path, size_t *n)
{
	char *names = NULL, *grown;
	size_t used = 0, len;
	struct dirent *d;
	DIR *dir;

	*n = 0;
	if ((dir = opendir(path)) == NULL)
		return NULL;
	while ((d = readdir(dir)) != NULL) {
		if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
			continue;
		len = strlen(d->d_name) + 1;
		if ((grown = realloc(names, used + len)) == NULL) {
			free(names);
			closedir(dir);
			return NULL;
		}
		names = grown;
		memcpy(names + used, d->d_name, len);
		used += len;
		(*n)++;
	}
	closedir(dir);
	return names != NULL ? names : strdup("");
}

/* Everything inside directory path, then path itself. */
static int
remove_tree(const char *path)
{
	char child[1024], *names, *name;
	int status = 0;
	size_t n, i;

	if ((names = names_in(path, &n)) == NULL) {
		warn("%s", path);
		return -1;
	}
	for (i = 0, name = names; i < n; i++, name += strlen(name) + 1) {
		if ((size_t)snprintf(child, sizeof(child), "%s/%s", path,
		    name) >= sizeof(child)) {
			warnx("%s/%s: name too long", path, name);
			status = -1;
		} else if (remove_path(child) == -1)
			status = -1;
	}
	free(names);
	if (status != 0 || (iflag && !confirm("directory", path)))
		return status;
	if (rmdir(path) == -1) {
		warn("%s", path);
		return -1;
	}
	return removed(path);
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
		if (rflag)
			return remove_tree(path);
		if (!dflag) {
			warnx("%s: is a directory", path);
			return -1;
		}
		if (iflag && !confirm("directory", path))
			return 0;
		if (rmdir(path) == -1) {
			warn("%s", path);
			return -1;
		}
		return removed(path);
	}
	if (iflag && !confirm("file", path))
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
