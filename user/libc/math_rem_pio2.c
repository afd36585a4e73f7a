/*
 * math_rem_pio2.c - the argument reduction behind sin, cos and tan: for a
 * finite |x| > pi/4, x = (4k + q) * pi/2 + r with |r| <= pi/4, found with
 * enough precision that r keeps all its bits even when x is very close to
 * a multiple of pi/2 (and for the largest doubles too).
 *
 * x is m * 2^e with an integer m < 2^53, so x * 2/pi mod 4 depends only on
 * a window of the bits of 2/pi: those earlier make multiples of 4, those
 * later are too small to matter. The window (256 bits, chosen so that 170
 * of them lie below the binary point) times m gives the quadrant in its
 * two integer bits and the fraction below them; r is that fraction times
 * pi/2. This is the Payne-Hanek method in its simplest form, with 32-bit
 * words.
 */
#include "math_impl.h"

#define WINDOW	8	/* words of 2/pi used */

/* 2/pi = 0.a2f9836e 4e441529 ... in hexadecimal, to 1,280 bits. */
static const uint32_t two_over_pi[40] = {
	0xa2f9836e, 0x4e441529, 0xfc2757d1, 0xf534ddc0, 0xdb629599,
	0x3c439041, 0xfe5163ab, 0xdebbc561, 0xb7246e3a, 0x424dd2e0,
	0x06492eea, 0x09d1921c, 0xfe1deb1c, 0xb129a73e, 0xe88235f5,
	0x2ebb4484, 0xe99c7026, 0xb45f7e41, 0x3991d639, 0x835339f4,
	0x9c845f8b, 0xbdf9283b, 0x1ff897ff, 0xde05980f, 0xef2f118b,
	0x5a0a6d1f, 0x6d367ecf, 0x27cb09b7, 0x4f463f66, 0x9e5fea2d,
	0x7527bac7, 0xebe5f17b, 0x3d0739f7, 0x8a5292ea, 0x6bfb5fb1,
	0x1f8d5d08, 0x56033046, 0xfc7b6bab, 0xf0cfbc20, 0x9af4361d,
};

#define PIO2	0xc90fdaa22168c235p-63L	/* pi/2 rounded to 64 bits */

static int
bit(const uint32_t *p, int i)
{
	return i >= 0 ? (int)(p[i / 32] >> (i % 32) & 1) : 0;
}

/* The 64 bits of p whose top is bit h (bits below bit 0 count as 0). */
static uint64_t
bits64(const uint32_t *p, int h)
{
	uint64_t m = 0;
	int i;

	for (i = h; i > h - 64; i--)
		m = m << 1 | (uint64_t)bit(p, i);
	return m;
}

/* m * 2^k as a long double; m has its top bit set. */
static long double
make_ld(uint64_t m, int k)
{
	union {
		long double	ld;
		struct {
			uint64_t	m;
			uint16_t	se;
		} p;
	} v = { 0 };

	v.p.m = m;
	v.p.se = (uint16_t)(k + 63 + 16383);
	return v.ld;
}

int
__rem_pio2(double x, long double *r)
{
	uint64_t u = dbits(x) & ~(1ULL << 63), m;
	uint32_t w[WINDOW], p[WINDOW + 2] = { 0 }, carry;
	int e = (int)(u >> 52) - 1075, w0, pp, q, neg, h, i, j;
	uint64_t t;

	m = (u & ((1ULL << 52) - 1)) | 1ULL << 52;
	w0 = e >= 2 ? (e - 2) / 32 : 0;
	for (i = 0; i < WINDOW; i++)		/* little-endian words */
		w[i] = two_over_pi[w0 + WINDOW - 1 - i];
	for (i = 0; i < 2; i++) {		/* p = m * window */
		carry = 0;
		for (j = 0; j < WINDOW; j++) {
			t = (uint64_t)(uint32_t)(m >> (32 * i)) * w[j] +
			    p[i + j] + carry;
			p[i + j] = (uint32_t)t;
			carry = (uint32_t)(t >> 32);
		}
		p[i + WINDOW] += carry;
	}
	pp = 32 * w0 + 32 * WINDOW - e;		/* the binary point in p */
	q = bit(p, pp) | bit(p, pp + 1) << 1;
	for (i = pp; i < 32 * (WINDOW + 2); i++)	/* keep the fraction */
		p[i / 32] &= ~(1U << (i % 32));
	neg = bit(p, pp - 1);
	if (neg) {				/* >= 1/2: r = (frac - 1) * pi/2 */
		q = (q + 1) & 3;
		for (i = 0, carry = 1; i < WINDOW + 2; i++) {
			t = (uint64_t)(uint32_t)~p[i] + carry;
			p[i] = (uint32_t)t;
			carry = (uint32_t)(t >> 32);
		}
		for (i = pp; i < 32 * (WINDOW + 2); i++)
			p[i / 32] &= ~(1U << (i % 32));
	}
	for (h = pp - 1; h >= 0 && !bit(p, h); h--)
		;
	*r = h < 0 ? 0.0L : make_ld(bits64(p, h), h - 63 - pp) * PIO2;
	if (neg)
		*r = -*r;
	return q;
}
