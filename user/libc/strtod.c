/*
 * strtod.c - text to floating point, correctly rounded: strtod, strtof,
 * strtold and atof.
 *
 * The text is a ratio of integers times a power of two: decimal digits D
 * with exponent E are D * 5^E * 2^E (or D / 5^-E * 2^E), hexadecimal digits
 * H with binary exponent P are H * 2^P. round_ratio divides the two big
 * integers (bignum.c) just far enough to get the result's bits, one more
 * (the round bit) and whether anything is left (the sticky bit), then
 * rounds to nearest, ties to even. No floating-point arithmetic is used, so
 * the result is the same on every machine, and exactly the one IEEE 754
 * asks for. Results that overflow are +-HUGE_VAL with ERANGE; results
 * below the smallest normal number that are inexact set ERANGE too.
 *
 * Digits after the first MAXDIGITS significant ones only count as "more
 * than nothing": no halfway point between two doubles has that many
 * significant digits, so a double is always rounded right (a long double
 * halfway point can have more; strtold is exact up to that many digits).
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include "bignum.h"

#define MAXDIGITS	800	/* significant decimal digits used exactly */
#define MAXHEXDIGITS	40	/* significant hex digits used exactly */
#define EXP_CLAMP	100000	/* exponents beyond this are all the same */

/* An IEEE binary format: precision, exponent range, decimal range. */
struct fltfmt {
	int	mant;		/* significand bits, the leading one included */
	int	emin;		/* exponent of the smallest normal number */
	int	emax;		/* exponent of the largest finite number */
	int	maxdec;		/* 10^(maxdec+1) overflows */
	int	mindec;		/* below 10^mindec everything rounds to zero */
};

static const struct fltfmt fmt_float = { 24, -126, 127, 38, -46 };
static const struct fltfmt fmt_double = { 53, -1022, 1023, 308, -324 };
static const struct fltfmt fmt_ldouble = { 64, -16382, 16383, 4932, -4951 };

enum kind { K_ZERO, K_FINITE, K_INF, K_NAN };

/* A parsed and rounded number: (-1)^neg * m * 2^e when finite. */
struct fltval {
	int		neg;
	enum kind	kind;
	uint64_t	m;
	int		e;
};

static int
bitlen64(uint64_t m)
{
	int n = 0;

	for (; m != 0; m >>= 1)
		n++;
	return n;
}

/*
 * Rounds the n quotient bits q[0] (the top) .. q[n - 1], with `sticky' for
 * anything below them, to `keep' bits, nearest and ties to even. Returns
 * the kept bits; *inexact says whether anything was dropped and *carry
 * whether rounding up overflowed them (they are then 2^keep).
 */
static uint64_t
round_bits(const unsigned char *q, int n, int keep, int sticky, int *inexact,
    int *carry)
{
	uint64_t m = 0;
	int i, round = 0;

	for (i = 0; i < n; i++) {
		if (i < keep)
			m = m << 1 | q[i];
		else if (i == keep)
			round = q[i];
		else
			sticky |= q[i];
	}
	*inexact = round | sticky;
	*carry = 0;
	if (round && (sticky || (m & 1))) {
		m++;
		*carry = m == 0 || (keep < 64 && (m >> keep) != 0);
	}
	return m;
}

/*
 * v = a / b * 2^e2, rounded to f; sticky says the true value is a little
 * more than a / b. a and b are clobbered.
 */
static void
round_ratio(struct big *a, struct big *b, int e2, int sticky,
    const struct fltfmt *f, struct fltval *v)
{
	unsigned char q[66];
	struct big bs;
	int s, n, i, keep, low, exp, inexact, carry, eulp;
	uint64_t m;

	/* Scale so that 2^mant <= a / b < 2^(mant + 2): mant + 1 or 2 bits. */
	s = f->mant + 1 - (big_bitlen(a) - big_bitlen(b));
	if (s > 0)
		big_shl(a, s);
	else
		big_shl(b, -s);
	bs = *b;
	big_shl(&bs, f->mant + 1);
	n = f->mant + 2;
	if (big_cmp(a, &bs) < 0) {
		n--;
		big_shr1(&bs);
	}
	for (i = 0; i < n; i++) {
		q[i] = big_cmp(a, &bs) >= 0;
		if (q[i])
			big_sub(a, &bs);
		if (i < n - 1)
			big_shr1(&bs);
	}
	sticky |= a->n != 0;
	low = e2 - s;			/* weight of the last quotient bit */
	eulp = f->emin - (f->mant - 1);	/* weight of the smallest subnormal */
	keep = f->mant;
	if (n - keep + low < eulp)	/* a subnormal has fewer bits */
		keep = n + low - eulp;
	m = round_bits(q, n, keep, sticky, &inexact, &carry);
	exp = low + n - keep;
	if (carry && keep == f->mant) {
		m = 1ULL << (f->mant - 1);
		exp++;
	} else if (carry)
		m = 1ULL << keep;	/* a subnormal grew a bit */
	v->m = m;
	v->e = exp;
	v->kind = m == 0 ? K_ZERO : K_FINITE;
	if (m != 0 && exp + bitlen64(m) - 1 > f->emax) {
		v->kind = K_INF;
		errno = ERANGE;
		return;
	}
	/*
	 * Underflow as x86 and glibc see it: inexact, and below the smallest
	 * normal number even when rounded to full precision.
	 */
	if (inexact && n - 1 + low < f->emin) {
		round_bits(q, n, f->mant, sticky, &i, &carry);
		if (!carry || n - 1 + low + 1 < f->emin)
			errno = ERANGE;
	}
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Case-insensitive prefix test; returns the length matched or 0. */
static int
word(const char *s, const char *w)
{
	int n;

	for (n = 0; w[n] != '\0'; n++)
		if (tolower((unsigned char)s[n]) != w[n])
			return 0;
	return n;
}

/* An optional exponent: [eEpP][+-]digits, only if a digit follows. */
static const char *
exponent(const char *p, int letter, int *exp)
{
	int neg = 0, e = 0;

	*exp = 0;
	if (tolower((unsigned char)*p) != letter)
		return p;
	p++;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if (!isdigit((unsigned char)*p))
		return p - 1 - (p[-1] == '+' || p[-1] == '-');
	for (; isdigit((unsigned char)*p); p++)
		if (e < EXP_CLAMP)
			e = e * 10 + (*p - '0');
	*exp = neg ? -e : e;
	return p;
}

/* "0x" already read at p. Returns the end, or NULL if no digit follows. */
static const char *
parse_hex(const char *p, const struct fltfmt *f, struct fltval *v)
{
	struct big a, b;
	int d, kept = 0, e2 = 0, sticky = 0, seen = 0, point = 0, exp;

	big_set(&a, 0);
	for (;; p++) {
		if (*p == '.' && !point) {
			point = 1;
			continue;
		}
		if ((d = hexval((unsigned char)*p)) < 0)
			break;
		seen = 1;
		if (kept == 0 && d == 0) {
			e2 -= point ? 4 : 0;
			continue;
		}
		if (kept < MAXHEXDIGITS) {
			big_mul_add(&a, 16, d);
			kept++;
			e2 -= point ? 4 : 0;
		} else {
			sticky |= d != 0;
			e2 += point ? 0 : 4;
		}
	}
	if (!seen)
		return NULL;
	p = exponent(p, 'p', &exp);
	v->kind = K_ZERO;
	if (kept == 0)
		return p;
	e2 += exp;
	if (e2 + big_bitlen(&a) - 1 > f->emax) {
		v->kind = K_INF;
		errno = ERANGE;
		return p;
	}
	if (e2 + big_bitlen(&a) < f->emin - f->mant - 1) {
		errno = ERANGE;
		return p;
	}
	big_set(&b, 1);
	round_ratio(&a, &b, e2, sticky, f, v);
	return p;
}

/* Decimal digits at p. Returns the end, or NULL if there is no digit. */
static const char *
parse_dec(const char *p, const struct fltfmt *f, struct fltval *v)
{
	struct big a, b;
	uint32_t chunk = 0, scale = 1;
	int d, kept = 0, dropped = 0, lead = 0, e = 0, sticky = 0, seen = 0,
	    point = 0, exp, dexp;

	big_set(&a, 0);
	for (;; p++) {
		if (*p == '.' && !point) {
			point = 1;
			continue;
		}
		if (!isdigit((unsigned char)*p))
			break;
		d = *p - '0';
		seen = 1;
		if (kept == 0 && d == 0) {
			lead += point;	/* zeros after the point scale down */
			continue;
		}
		if (kept < MAXDIGITS) {
			chunk = chunk * 10 + d;
			scale *= 10;
			if (scale == 1000000000) {
				big_mul_add(&a, scale, chunk);
				chunk = 0;
				scale = 1;
			}
			kept++;
			e -= point;
		} else {
			sticky |= d != 0;
			dropped += !point;
		}
	}
	if (!seen)
		return NULL;
	if (scale > 1)
		big_mul_add(&a, scale, chunk);
	p = exponent(p, 'e', &exp);
	v->kind = K_ZERO;
	if (kept == 0)
		return p;
	e += exp + dropped - lead;
	dexp = e + kept - 1;		/* 10^dexp <= value < 10^(dexp + 1) */
	if (dexp > f->maxdec) {
		v->kind = K_INF;
		errno = ERANGE;
		return p;
	}
	if (dexp < f->mindec) {
		errno = ERANGE;
		return p;
	}
	big_set(&b, 1);
	if (e >= 0)
		big_mul_pow5(&a, e);
	else
		big_mul_pow5(&b, -e);
	round_ratio(&a, &b, e, sticky, f, v);
	return p;
}

/* nan(n-char-sequence): a number there is the NaN's payload (as glibc). */
static uint64_t
payload(const char *s, const char *close)
{
	char *end;
	uint64_t p;
	int saved = errno;

	p = strtoull(s, &end, 0);
	errno = saved;
	return end == close ? p : 0;
}

/* Parses s into v; *end is where the number stops (s if there is none). */
static void
parse(const char *s, char **end, const struct fltfmt *f, struct fltval *v)
{
	const char *p = s, *q;
	int n;

	v->kind = K_ZERO;
	v->neg = 0;
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '+' || *p == '-')
		v->neg = *p++ == '-';
	if ((n = word(p, "infinity")) != 0 || (n = word(p, "inf")) != 0) {
		v->kind = K_INF;
		q = p + n;
	} else if ((n = word(p, "nan")) != 0) {
		v->kind = K_NAN;
		v->m = 0;
		q = p + n;
		if (*q == '(') {
			for (p = q + 1; isalnum((unsigned char)*p) || *p == '_'; p++)
				;
			if (*p == ')') {
				v->m = payload(q + 1, p);
				q = p + 1;
			}
		}
	} else if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
	    (q = parse_hex(p + 2, f, v)) != NULL)
		;
	else if ((q = parse_dec(p, f, v)) == NULL) {
		q = s;			/* no number at all: +0 */
		v->neg = 0;
	}
	if (end != NULL)
		*end = (char *)q;
}

static double
to_double(const struct fltval *v)
{
	union { double d; uint64_t u; } x;

	switch (v->kind) {
	case K_ZERO:
		x.u = 0;
		break;
	case K_INF:
		x.u = 0x7ffULL << 52;
		break;
	case K_NAN:
		x.u = 0x7ff8ULL << 48 | (v->m & ((1ULL << 51) - 1));
		break;
	default:
		x.u = v->m & ((1ULL << 52) - 1);
		if (v->m >> 52)		/* normal: the leading one is implied */
			x.u |= (uint64_t)(v->e + 52 + 1023) << 52;
		break;
	}
	x.u |= (uint64_t)v->neg << 63;
	return x.d;
}

static float
to_float(const struct fltval *v)
{
	union { float f; uint32_t u; } x;

	switch (v->kind) {
	case K_ZERO:
		x.u = 0;
		break;
	case K_INF:
		x.u = 0xffU << 23;
		break;
	case K_NAN:
		x.u = 0x7fcU << 20 | (uint32_t)(v->m & ((1U << 22) - 1));
		break;
	default:
		x.u = (uint32_t)v->m & ((1U << 23) - 1);
		if (v->m >> 23)
			x.u |= (uint32_t)(v->e + 23 + 127) << 23;
		break;
	}
	x.u |= (uint32_t)v->neg << 31;
	return x.f;
}

/* The x87 extended format: an explicit leading bit, 15-bit exponent. */
static long double
to_ldouble(const struct fltval *v)
{
	union {
		long double	ld;
		struct {
			uint64_t	m;
			uint16_t	se;
		} p;
	} x = { 0 };

	switch (v->kind) {
	case K_ZERO:
		break;
	case K_INF:
		x.p.m = 1ULL << 63;
		x.p.se = 0x7fff;
		break;
	case K_NAN:
		x.p.m = 3ULL << 62 | (v->m & ((1ULL << 62) - 1));
		x.p.se = 0x7fff;
		break;
	default:
		x.p.m = v->m;
		if (v->m >> 63)
			x.p.se = (uint16_t)(v->e + 63 + 16383);
		break;
	}
	x.p.se |= (uint16_t)(v->neg << 15);
	return x.ld;
}

double
strtod(const char *__restrict s, char **__restrict end)
{
	struct fltval v;

	parse(s, end, &fmt_double, &v);
	return to_double(&v);
}

float
strtof(const char *__restrict s, char **__restrict end)
{
	struct fltval v;

	parse(s, end, &fmt_float, &v);
	return to_float(&v);
}

long double
strtold(const char *__restrict s, char **__restrict end)
{
	struct fltval v;

	parse(s, end, &fmt_ldouble, &v);
	return to_ldouble(&v);
}

double
atof(const char *s)
{
	return strtod(s, NULL);
}
