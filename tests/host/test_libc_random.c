// SOURCES: user/libc/random.c
// CFLAGS: -fno-builtin -Drandom=k_random -Dsrandom=k_srandom
/*
 * test_libc_random.c - random and srandom of user/libc (renamed k_*):
 * the same additive generator as glibc's (TYPE_3), so the sequences from
 * the same seeds must be identical; the first values without a seed are
 * those of seed 1, and every value fits in 31 bits.
 */
#include <stdio.h>
#include <stdlib.h>

#undef random
#undef srandom
long	random(void);
void	srandom(unsigned);

static int failures;

int
main(void)
{
	static const unsigned seeds[] = { 1, 0, 2, 42, 12345, 0x7fffffff };
	unsigned i;
	int k, bad = 0;
	long a, b;

	/* Unseeded: as if srandom(1). */
	srandom(1);
	for (k = 0; k < 100 && !bad; k++)
		if ((a = k_random()) != (b = random())) {
			printf("FAIL random_unseeded: value %d is %ld, host %ld\n",
			    k, a, b);
			bad = 1;
		}
	for (i = 0; i < sizeof(seeds) / sizeof(seeds[0]) && !bad; i++) {
		k_srandom(seeds[i]);
		srandom(seeds[i]);
		for (k = 0; k < 10000 && !bad; k++) {
			a = k_random();
			b = random();
			if (a != b || a < 0 || a > 0x7fffffff) {
				printf("FAIL random_seeded: seed %u value %d is %ld,"
				    " host %ld\n", seeds[i], k, a, b);
				bad = 1;
			}
		}
	}
	failures += bad;
	if (!bad)
		printf("PASS random\n");
	return failures != 0;
}
