/*
 * tmpfile.c - tmpfile(3): a file in $TMPDIR (or /tmp) that nobody else can
 * open, because it is unlinked as soon as it exists; its pages go when
 * the stream is closed or the program ends.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

FILE *
tmpfile(void)
{
	char path[1024];
	const char *dir = getenv("TMPDIR");
	FILE *fp;
	int fd, saved;

	if (dir == NULL || *dir == '\0')
		dir = P_tmpdir;
	if ((size_t)snprintf(path, sizeof(path), "%s%stmp.XXXXXXXXXX", dir,
	    dir[strlen(dir) - 1] == '/' ? "" : "/") >= sizeof(path)) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	if ((fd = mkstemp(path)) == -1)
		return NULL;
	unlink(path);
	if ((fp = fdopen(fd, "w+")) == NULL) {
		saved = errno;
		close(fd);
		errno = saved;
	}
	return fp;
}
