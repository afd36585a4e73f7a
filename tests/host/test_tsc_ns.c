// SOURCES: kernel/dev/tsc_ns.c
/*
 * test_tsc_ns.c - the uptime's TSC-to-nanoseconds step against 128-bit
 * arithmetic: exact for frequencies from 1 MHz to 1 THz (a TSC calibrated
 * on a busy host has measured over 11 GHz for a 2 GHz host), and never
 * decreasing, in particular where remainder * 10^9 passes 2^64 (the clock
 * went back by most of a second there once the frequency passed 18.4 GHz).
 */
#include <stdio.h>
#include <stdint.h>
#include "kernel/dev/tsc_ns.h"
#include "check.h"

static uint64_t
exact(uint64_t d, uint64_t freq)
{
	return (uint64_t)((unsigned __int128)d * 1000000000u / freq);
}

static const uint64_t freqs[] = {
	1000000ull, 33333333ull, 2095710000ull, 6746286000ull, 11242140000ull,
	18446744073ull, 18446744074ull, 25000000000ull, 40000000007ull,
	1000000000000ull,
};
#define NFREQ	(sizeof(freqs) / sizeof(freqs[0]))

/* Every frequency, d from 0 to 30 simulated minutes and past 2^40. */
static void
test_exact(void)
{
	char why[120];
	uint64_t d, f, got;
	unsigned i, k;
	int ok = 1;

	for (i = 0; i < NFREQ && ok; i++) {
		f = freqs[i];
		for (k = 0; k < 20000 && ok; k++) {
			d = (uint64_t)k * k * 7919u + k * (f / 997) + (k & 1 ? f - 1 : 0);
			got = tsc_ns(d, f);
			if (got != exact(d, f)) {
				snprintf(why, sizeof(why), "d %llu f %llu: %llu, not %llu",
				    (unsigned long long)d, (unsigned long long)f,
				    (unsigned long long)got,
				    (unsigned long long)exact(d, f));
				ok = 0;
			}
		}
	}
	check("exact", ok, why);
}

/*
 * Around each d where (d mod f) * 10^9 passes 2^64, and across whole
 * seconds, the uptime never goes down.
 */
static void
test_monotonic(void)
{
	const uint64_t wrap = 18446744074ull;	/* ceil(2^64 / 10^9) */
	char why[120];
	uint64_t f, d, prev, now, base;
	unsigned i, s;
	int ok = 1;

	for (i = 0; i < NFREQ && ok; i++) {
		f = freqs[i];
		for (s = 0; s < 4 && ok; s++) {
			base = s * f;
			d = base + (f > wrap ? wrap : f) - 3;
			prev = tsc_ns(d - 1, f);
			for (; d < base + (f > wrap ? wrap : f) + 3 && ok; d++) {
				now = tsc_ns(d, f);
				if (now < prev) {
					snprintf(why, sizeof(why),
					    "f %llu: %llu ns, then %llu ns",
					    (unsigned long long)f,
					    (unsigned long long)prev,
					    (unsigned long long)now);
					ok = 0;
				}
				prev = now;
			}
		}
	}
	check("never_backwards", ok, why);
}

int
main(void)
{
	test_exact();
	test_monotonic();
	return failures != 0;
}
