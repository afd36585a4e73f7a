/*
 * getline.c - reading a whole line (or up to any delimiter) into a buffer
 * that grows as needed: getdelim and getline (POSIX.1-2008). The caller
 * owns the buffer, may pass NULL to have one made, and frees it.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include "stdio_impl.h"

/* Makes room for `need' bytes in *bufp (of *sizep bytes); -1 if out of memory. */
static int
reserve(char **bufp, size_t *sizep, size_t need)
{
	size_t size = *sizep < 128 ? 128 : *sizep;
	char *grown;

	if (*bufp != NULL && need <= *sizep)
		return 0;
	while (size < need)
		size *= 2;
	if ((grown = realloc(*bufp, size)) == NULL) {
		errno = ENOMEM;
		return -1;
	}
	*bufp = grown;
	*sizep = size;
	return 0;
}

/*
 * Reads up to and including delim, or to the end of the input; the line is
 * NUL-terminated. Returns its length, or -1 at end of file with nothing
 * read or on an error (with errno set).
 */
ssize_t
getdelim(char **__restrict bufp, size_t *__restrict sizep, int delim,
    FILE *__restrict f)
{
	size_t len = 0;
	ssize_t r = 0;
	int c;

	if (bufp == NULL || sizep == NULL) {
		errno = EINVAL;
		return -1;
	}
	if (*bufp == NULL)
		*sizep = 0;	/* the size of no buffer is 0, whatever it says */
	if (reserve(bufp, sizep, 1) == -1)
		return -1;
	__stdio_lock(f);
	while (r == 0 && (c = getc_unlocked(f)) != EOF) {
		if (len + 2 > *sizep && reserve(bufp, sizep, len + 2) == -1) {
			r = -1;
			break;
		}
		(*bufp)[len++] = (char)c;
		if (c == (unsigned char)delim)
			break;
		if (len == SSIZE_MAX) {
			errno = EOVERFLOW;
			r = -1;
		}
	}
	__stdio_unlock(f);
	if (r == -1)
		return -1;
	(*bufp)[len] = '\0';
	if (len == 0)
		return -1;	/* end of file or error: feof/ferror tell */
	return (ssize_t)len;
}

ssize_t
getline(char **__restrict bufp, size_t *__restrict sizep, FILE *__restrict f)
{
	return getdelim(bufp, sizep, '\n', f);
}
