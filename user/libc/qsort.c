/*
 * qsort.c - sorting: quicksort with a median-of-three pivot, insertion sort
 * for short runs, and a loop on the larger half so the recursion depth stays
 * below log2(n). Elements are swapped byte by byte; qsort is not stable.
 */
#include <stddef.h>
#include <stdlib.h>

#define SHORT_RUN	8

typedef int (*cmp_fn)(const void *, const void *);

static void
swap(char *a, char *b, size_t size)
{
	char t;

	if (a == b)
		return;
	for (; size > 0; size--) {
		t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

static void
insertion_sort(char *base, size_t n, size_t size, cmp_fn cmp)
{
	char *p, *q;

	for (p = base + size; p < base + n * size; p += size)
		for (q = p; q > base && cmp(q - size, q) > 0; q -= size)
			swap(q - size, q, size);
}

/* Moves the median of the first, middle and last element to the front. */
static void
pick_pivot(char *base, size_t n, size_t size, cmp_fn cmp)
{
	char *lo = base, *mid = base + n / 2 * size, *hi = base + (n - 1) * size;

	if (cmp(mid, lo) < 0)
		swap(mid, lo, size);
	if (cmp(hi, mid) < 0) {
		swap(hi, mid, size);
		if (cmp(mid, lo) < 0)
			swap(mid, lo, size);
	}
	swap(base, mid, size);
}

/*
 * Partitions around the pivot at base (Hoare's scheme); returns how many
 * elements end up in the left part, pivot included.
 */
static size_t
partition(char *base, size_t n, size_t size, cmp_fn cmp)
{
	size_t i = 0, j = n;

	for (;;) {
		do
			i++;
		while (i < n && cmp(base + i * size, base) < 0);
		do
			j--;
		while (cmp(base + j * size, base) > 0);
		if (i >= j)
			break;
		swap(base + i * size, base + j * size, size);
	}
	swap(base, base + j * size, size);
	return j + 1;
}

void
qsort(void *array, size_t n, size_t size, cmp_fn cmp)
{
	char *base = array;
	size_t left;

	while (n > SHORT_RUN) {
		pick_pivot(base, n, size, cmp);
		left = partition(base, n, size, cmp);
		/* The pivot (last of the left part) is in place: skip it. */
		if (left - 1 < n - left) {
			qsort(base, left - 1, size, cmp);
			base += left * size;
			n -= left;
		} else {
			qsort(base + left * size, n - left, size, cmp);
			n = left - 1;
		}
	}
	insertion_sort(base, n, size, cmp);
}
