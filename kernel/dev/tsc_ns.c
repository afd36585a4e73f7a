/*
 * tsc_ns.c - TSC counts as nanoseconds, exactly and for any frequency.
 *
 * The uptime is floor(d * 10^9 / freq) for d TSC ticks since boot. d * 10^9
 * does not fit 64 bits after a few seconds, so the whole seconds are taken
 * first (d / freq) and the remainder r < freq is divided out in three steps
 * of 1000: each step multiplies a value below freq by 1000, which fits 64
 * bits for any frequency below 18 PHz. (The old single step r * 10^9
 * overflowed once freq passed 18.4 GHz - a TSC calibrated on a busy host
 * can measure that much - and the clock then jumped back by up to a second.)
 * Being exact, the result never decreases as d grows.
 */
#include "kernel/dev/tsc_ns.h"

uint64_t
tsc_ns(uint64_t d, uint64_t freq)
{
	uint64_t ns = d / freq * 1000000000u, r = d % freq, frac = 0;
	int i;

	for (i = 0; i < 3; i++) {
		r *= 1000;
		frac = frac * 1000 + r / freq;
		r %= freq;
	}
	return ns + frac;
}
