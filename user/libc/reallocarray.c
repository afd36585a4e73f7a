/*
 * reallocarray.c - realloc for n elements of a size, which fails with
 * ENOMEM instead of wrapping around when n * size does not fit a size_t
 * (the multiplication that so often becomes a short buffer).
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

void *
reallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	return realloc(p, n * size);
}
