/*
 * rand.c - the pseudo-random sequence: the Park-Miller "minimal standard"
 * generator (x = x * 16807 mod (2^31 - 1)) that FreeBSD's rand also uses,
 * computed with Schrage's method so nothing overflows 32 bits.
 */
#include <stdlib.h>

static unsigned long next = 1;

int
rand(void)
{
	long hi, lo, x;

	/* The state must lie in [1, 2^31 - 2]; 0 would stay 0 forever. */
	x = (long)(next % 0x7ffffffe) + 1;
	hi = x / 127773;
	lo = x % 127773;
	x = 16807 * lo - 2836 * hi;
	if (x < 0)
		x += 0x7fffffff;
	next = (unsigned long)x - 1;
	return (int)(x - 1);
}

void
srand(unsigned seed)
{
	next = seed;
}
