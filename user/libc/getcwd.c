/*
 * getcwd.c - getcwd(3) over the kernel's __getcwd: with buf NULL, a buffer
 * of size bytes (or as many as the path needs, for size 0) is allocated,
 * as FreeBSD's does.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int	__getcwd(char *, size_t);

char *
getcwd(char *buf, size_t size)
{
	char path[PATH_MAX];

	if (buf != NULL) {
		if (size == 0) {
			errno = EINVAL;
			return NULL;
		}
		return __getcwd(buf, size) == 0 ? buf : NULL;
	}
	if (__getcwd(path, sizeof(path)) != 0)
		return NULL;
	if (size != 0 && size < strlen(path) + 1) {
		errno = ERANGE;
		return NULL;
	}
	if ((buf = malloc(size != 0 ? size : strlen(path) + 1)) == NULL)
		return NULL;
	return strcpy(buf, path);
}
