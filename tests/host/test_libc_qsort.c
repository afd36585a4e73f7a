// SOURCES: user/libc/qsort.c user/libc/bsearch.c
// CFLAGS: -fno-builtin -Dqsort=k_qsort -Dbsearch=k_bsearch
/*
 * test_libc_qsort.c - qsort and bsearch of user/libc (renamed k_*): arrays
 * of several element sizes and shapes (random, sorted, reversed, all equal,
 * few distinct values, organ pipe) are sorted and compared with the host's
 * qsort; then every element, and values that are absent, are searched for.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#undef qsort
void	qsort(void *, size_t, size_t, int (*)(const void *, const void *));

struct rec {
	int	key;
	char	pad[8];
};

static int failures;
static uint64_t state = 0x853c49e6748fea9bULL;

static unsigned
rnd(unsigned n)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (unsigned)(state % n);
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static int
cmp_char(const void *a, const void *b)
{
	return *(const unsigned char *)a - *(const unsigned char *)b;
}

static int
cmp_rec(const void *a, const void *b)
{
	return cmp_int(&((const struct rec *)a)->key, &((const struct rec *)b)->key);
}

static void
shape(int *a, int n, int kind)
{
	int i;

	for (i = 0; i < n; i++) {
		switch (kind) {
		case 0:
			a[i] = (int)rnd(1000000) - 500000;
			break;
		case 1:
			a[i] = i;
			break;
		case 2:
			a[i] = n - i;
			break;
		case 3:
			a[i] = 7;
			break;
		case 4:
			a[i] = (int)rnd(3);
			break;
		default:
			a[i] = i < n / 2 ? i : n - i;
			break;
		}
	}
}

static void
test_ints(void)
{
	static int a[3000], b[3000];
	int n, kind, i, before = failures, missing;

	for (n = 0; n <= 3000; n += n < 40 ? 1 : 373)
		for (kind = 0; kind < 6; kind++) {
			shape(a, n, kind);
			memcpy(b, a, n * sizeof(int));
			k_qsort(a, n, sizeof(int), cmp_int);
			qsort(b, n, sizeof(int), cmp_int);
			if (memcmp(a, b, n * sizeof(int)) != 0) {
				failures++;
				printf("FAIL qsort_int: n=%d shape=%d\n", n, kind);
				continue;
			}
			for (i = 0; i < n; i++)
				if (k_bsearch(&a[i], a, n, sizeof(int), cmp_int) == NULL ||
				    *(int *)k_bsearch(&a[i], a, n, sizeof(int),
				    cmp_int) != a[i]) {
					failures++;
					printf("FAIL bsearch_present: n=%d\n", n);
					break;
				}
			missing = 2000000;
			if (k_bsearch(&missing, a, n, sizeof(int), cmp_int) != NULL) {
				failures++;
				printf("FAIL bsearch_absent: n=%d\n", n);
			}
		}
	if (failures == before)
		printf("PASS qsort_int\nPASS bsearch\n");
}

static void
test_sizes(void)
{
	static unsigned char c[1000], d[1000];
	static struct rec r[500];
	int i, before = failures;

	for (i = 0; i < 1000; i++)
		c[i] = d[i] = (unsigned char)rnd(256);
	k_qsort(c, 1000, 1, cmp_char);
	qsort(d, 1000, 1, cmp_char);
	if (memcmp(c, d, 1000) != 0) {
		failures++;
		printf("FAIL qsort_bytes: differs from the host\n");
	}
	for (i = 0; i < 500; i++) {
		r[i].key = (int)rnd(100);
		memset(r[i].pad, r[i].key, sizeof(r[i].pad));
	}
	k_qsort(r, 500, sizeof(r[0]), cmp_rec);
	for (i = 0; i < 500; i++)
		if ((i > 0 && r[i - 1].key > r[i].key) ||
		    r[i].pad[7] != (char)r[i].key) {
			failures++;
			printf("FAIL qsort_struct: element %d out of order or torn\n", i);
			break;
		}
	if (failures == before)
		printf("PASS qsort_sizes\n");
}

int
main(void)
{
	test_ints();
	test_sizes();
	return failures != 0;
}
