/* bsearch.c - binary search of a sorted array. */
#include <stddef.h>
#include <stdlib.h>

void *
bsearch(const void *key, const void *array, size_t n, size_t size,
    int (*cmp)(const void *, const void *))
{
	const char *base = array, *mid;
	int c;

	while (n > 0) {
		mid = base + n / 2 * size;
		c = cmp(key, mid);
		if (c == 0)
			return (void *)mid;
		if (c > 0) {
			base = mid + size;
			n -= n / 2 + 1;
		} else
			n /= 2;
	}
	return NULL;
}
