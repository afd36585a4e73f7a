/*
 * realpath.c - realpath(3): the absolute path of an existing file, with
 * no ".", ".." or repeated slash. Kestrel has no symbolic links, so the
 * path is resolved by its text alone: the current directory in front of a
 * relative one, then component by component, each checked with stat so
 * that a missing one is ENOENT and a file used as a directory ENOTDIR.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Appends component c (n bytes) to the absolute path out, which fits. */
static int
append(char *out, const char *c, size_t n)
{
	size_t len = strlen(out);
	struct stat st;

	if (n == 1 && c[0] == '.')
		return 0;
	if (n == 2 && c[0] == '.' && c[1] == '.') {
		*strrchr(out, '/') = '\0';
		if (out[0] == '\0')
			strcpy(out, "/");
		return 0;
	}
	if (len + (len > 1) + n >= PATH_MAX) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if (len > 1)
		out[len++] = '/';
	memcpy(out + len, c, n);
	out[len + n] = '\0';
	return stat(out, &st);
}

char *
realpath(const char *__restrict path, char *__restrict resolved)
{
	char out[PATH_MAX];
	struct stat st;
	const char *p;
	size_t n;

	if (path == NULL) {
		errno = EINVAL;
		return NULL;
	}
	if (path[0] == '\0') {
		errno = ENOENT;
		return NULL;
	}
	if (path[0] == '/')
		strcpy(out, "/");
	else if (getcwd(out, sizeof(out)) == NULL)
		return NULL;
	for (p = path; *p != '\0'; p += n) {
		while (*p == '/')
			p++;
		n = strcspn(p, "/");
		if (n == 0)
			break;
		/* What comes before another component must be a directory. */
		if (stat(out, &st) == -1)
			return NULL;
		if (!S_ISDIR(st.st_mode)) {
			errno = ENOTDIR;
			return NULL;
		}
		if (append(out, p, n) == -1)
			return NULL;
	}
	/* "file/" names a directory that is not there. */
	if (path[strlen(path) - 1] == '/' &&
	    (stat(out, &st) == -1 || !S_ISDIR(st.st_mode))) {
		errno = ENOTDIR;
		return NULL;
	}
	if (resolved == NULL)
		return strdup(out);
	return strcpy(resolved, out);
}
