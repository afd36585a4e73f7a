/*
 * random.c - random() and srandom(): the additive feedback generator of
 * 4.3BSD, r[i] = r[i-3] + r[i-31] (mod 2^32), returning the top 31 bits.
 * srandom fills the 31 words of state from the seed with the "minimal
 * standard" generator (x * 16807 mod 2^31 - 1, by Schrage's method) and
 * then runs the generator 310 times so the seed's pattern is gone. This is
 * the generator glibc keeps too, so the sequences can be compared on a host.
 */
#include <stdint.h>
#include <stdlib.h>

#define DEG	31	/* words of state */
#define SEP	3	/* distance between the two taps */

static uint32_t state[DEG];
static int front = SEP, rear;	/* the taps, as indices into state */
static int seeded;

long
random(void)
{
	uint32_t v;

	if (!seeded)
		srandom(1);
	v = state[front] += state[rear];
	front = (front + 1) % DEG;
	rear = (rear + 1) % DEG;
	return (long)(v >> 1);
}

void
srandom(unsigned seed)
{
	int32_t word = seed != 0 ? (int32_t)seed : 1;
	int32_t hi, lo;
	int i;

	seeded = 1;
	state[0] = (uint32_t)word;
	for (i = 1; i < DEG; i++) {
		hi = word / 127773;
		lo = word % 127773;
		word = 16807 * lo - 2836 * hi;
		if (word < 0)
			word += 2147483647;
		state[i] = (uint32_t)word;
	}
	front = SEP;
	rear = 0;
	for (i = 0; i < 10 * DEG; i++)
		random();
}
