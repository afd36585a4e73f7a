/*
 * format_float.c - %f %e %g %a (and upper-case forms) for the printf
 * engine. User space only: the kernel has no floating point.
 *
 * A finite double is m * 2^e with integer m, so its exact decimal value is
 * an integer with at most 767 digits: m * 2^e when e >= 0, or m * 5^-e
 * shifted -e places right when e < 0. We compute that integer with a small
 * bignum (base 10^9 limbs), round the digit string once, to the precision
 * asked for, with round-half-even on exact ties, and print it. No floating-
 * point arithmetic is involved, so the result is exact on every machine.
 */
#include <stdint.h>
#include "format_impl.h"

#define LIMB_BASE	1000000000U
#define MAX_LIMBS	90	/* 810 digits > 767 */

/* value = 0.d[0]d[1]... * 10^point; ndigits == 0 means zero. */
struct decimal {
	char	d[MAX_LIMBS * 9];
	int	ndigits;
	int	point;
};

struct bignum {
	uint32_t	limb[MAX_LIMBS];	/* little-endian, base 10^9 */
	int		n;
};

static void
big_mul_small(struct bignum *b, uint32_t m)
{
	uint64_t carry = 0;
	int i;

	for (i = 0; i < b->n; i++) {
		carry += (uint64_t)b->limb[i] * m;
		b->limb[i] = carry % LIMB_BASE;
		carry /= LIMB_BASE;
	}
	while (carry != 0) {
		b->limb[b->n++] = carry % LIMB_BASE;
		carry /= LIMB_BASE;
	}
}

/* Writes the decimal digits of b, without leading zeros. */
static int
big_digits(const struct bignum *b, char *out)
{
	int i, k, n = 0;
	uint32_t v;
	char tmp[9];

	for (i = b->n - 1; i >= 0; i--) {
		v = b->limb[i];
		for (k = 8; k >= 0; k--, v /= 10)
			tmp[k] = '0' + v % 10;
		for (k = 0; k < 9; k++)
			if (n > 0 || tmp[k] != '0')
				out[n++] = tmp[k];
	}
	return n;
}

/* Exact decimal expansion of the finite, non-negative double m * 2^e. */
static void
decimal_of(struct decimal *dec, uint64_t m, int e)
{
	struct bignum b;
	int shift = e < 0 ? e : 0;

	dec->ndigits = 0;
	dec->point = 1;
	if (m == 0)
		return;
	b.n = 0;
	for (; m != 0; m /= LIMB_BASE)
		b.limb[b.n++] = m % LIMB_BASE;
	for (; e >= 29; e -= 29)
		big_mul_small(&b, 1U << 29);
	if (e > 0)
		big_mul_small(&b, 1U << e);
	/* m * 2^-k == m * 5^k / 10^k; 5^13 is the largest power of 5 in 32 bits. */
	for (; e <= -13; e += 13)
		big_mul_small(&b, 1220703125U);
	for (; e < 0; e++)
		big_mul_small(&b, 5);
	dec->ndigits = big_digits(&b, dec->d);
	dec->point = dec->ndigits + shift;
	while (dec->d[dec->ndigits - 1] == '0')
		dec->ndigits--;
}

/* Rounds to `keep' significant digits (keep may be <= 0), half to even. */
static void
decimal_round(struct decimal *dec, int keep)
{
	int up, i;

	if (keep >= dec->ndigits)
		return;
	if (keep < 0) {
		dec->ndigits = 0;
		return;
	}
	if (dec->d[keep] != '5')
		up = dec->d[keep] > '5';
	else if (keep + 1 < dec->ndigits)
		up = 1;		/* trailing zeros were stripped: more than half */
	else
		up = keep > 0 && (dec->d[keep - 1] - '0') % 2 == 1;
	dec->ndigits = keep;
	if (up) {
		for (i = keep - 1; i >= 0 && dec->d[i] == '9'; i--)
			;
		if (i < 0) {
			dec->d[0] = '1';
			dec->ndigits = 1;
			dec->point++;
		} else {
			dec->d[i]++;
			dec->ndigits = i + 1;
		}
	}
	while (dec->ndigits > 0 && dec->d[dec->ndigits - 1] == '0')
		dec->ndigits--;
}

static int
digit_at(const struct decimal *dec, int i)
{
	return i >= 0 && i < dec->ndigits ? dec->d[i] : '0';
}

/*
 * Pads and prints: sign, then the body of length len that body_fn writes.
 * The '0' flag puts zeros between the sign and the body.
 */
static void
pad_and_print(struct fmt_out *out, const struct fmt_spec *sp, int sign,
    int len, int zero_ok, void (*body_fn)(struct fmt_out *, const void *),
    const void *ctx)
{
	int pad = sp->width - len - (sign != 0);

	if (!(sp->flags & FMT_MINUS) && !(zero_ok && (sp->flags & FMT_ZERO)))
		__fmt_repeat(out, ' ', pad);
	if (sign != 0)
		__fmt_putc(out, sign);
	if (!(sp->flags & FMT_MINUS) && zero_ok && (sp->flags & FMT_ZERO))
		__fmt_repeat(out, '0', pad);
	body_fn(out, ctx);
	if (sp->flags & FMT_MINUS)
		__fmt_repeat(out, ' ', pad);
}

/* What the body printers need: the digits and how to lay them out. */
struct layout {
	const struct decimal	*dec;
	int	prec;		/* digits after the point */
	int	dot;		/* print the point */
	int	exp;		/* exponent for e-style */
	int	upper;
};

static void
print_fixed(struct fmt_out *out, const void *ctx)
{
	const struct layout *l = ctx;
	int i;

	if (l->dec->point <= 0)
		__fmt_putc(out, '0');
	for (i = 0; i < l->dec->point; i++)
		__fmt_putc(out, digit_at(l->dec, i));
	if (l->dot)
		__fmt_putc(out, '.');
	for (i = 0; i < l->prec; i++)
		__fmt_putc(out, digit_at(l->dec, l->dec->point + i));
}

static int
exp_digits(int exp)
{
	int n = 1;

	if (exp < 0)
		exp = -exp;
	for (; exp >= 10; exp /= 10)
		n++;
	return n < 2 ? 2 : n;
}

static void
print_exp(struct fmt_out *out, const void *ctx)
{
	const struct layout *l = ctx;
	int i, e = l->exp < 0 ? -l->exp : l->exp, n = exp_digits(l->exp);
	char buf[8];

	__fmt_putc(out, digit_at(l->dec, 0));
	if (l->dot)
		__fmt_putc(out, '.');
	for (i = 1; i <= l->prec; i++)
		__fmt_putc(out, digit_at(l->dec, i));
	__fmt_putc(out, l->upper ? 'E' : 'e');
	__fmt_putc(out, l->exp < 0 ? '-' : '+');
	for (i = n - 1; i >= 0; i--, e /= 10)
		buf[i] = '0' + e % 10;
	for (i = 0; i < n; i++)
		__fmt_putc(out, buf[i]);
}

static void
print_word(struct fmt_out *out, const void *ctx)
{
	const char *s = ctx;

	while (*s != '\0')
		__fmt_putc(out, *s++);
}

/* Lays out a rounded decimal in fixed or exponent style and prints it. */
static void
emit(struct fmt_out *out, const struct fmt_spec *sp, int sign,
    struct layout *l, int fixed)
{
	int len;

	l->dot = l->prec > 0 || (sp->flags & FMT_ALT);
	if (fixed) {
		len = (l->dec->point > 0 ? l->dec->point : 1) + l->dot +
		    l->prec;
		pad_and_print(out, sp, sign, len, 1, print_fixed, l);
	} else {
		len = 1 + l->dot + l->prec + 2 + exp_digits(l->exp);
		pad_and_print(out, sp, sign, len, 1, print_exp, l);
	}
}

/* %g: precision P means P significant digits, style chosen by exponent. */
static void
emit_general(struct fmt_out *out, const struct fmt_spec *sp, int sign,
    struct decimal *dec, struct layout *l)
{
	int p = sp->prec < 0 ? 6 : sp->prec == 0 ? 1 : sp->prec;
	int x, fixed, used;

	decimal_round(dec, p);
	x = dec->ndigits == 0 ? 0 : dec->point - 1;
	fixed = x < p && x >= -4;
	l->prec = fixed ? p - 1 - x : p - 1;
	l->exp = x;
	if (!(sp->flags & FMT_ALT)) {
		/* Drop trailing zeros: only digits that exist are shown. */
		used = fixed ? dec->ndigits - dec->point : dec->ndigits - 1;
		if (used < 0)
			used = 0;
		if (used < l->prec)
			l->prec = used;
	}
	emit(out, sp, sign, l, fixed);
}

/*
 * %a: [-]0xh.hhhp[+-]d, the significand in hexadecimal. A normal number
 * starts with 1; a subnormal one is shifted to start with 1 too, as
 * FreeBSD prints it (0x1p-1074). Without a precision every digit that is
 * not a trailing zero is shown; with one, the digits are rounded half to
 * even (a carry can make the leading digit 2).
 */
static void
fmt_hex(struct fmt_out *out, const struct fmt_spec *sp, int sign,
    uint64_t m, int bexp)
{
	const char *digits = sp->conv == 'A' ? "0123456789ABCDEF" :
	    "0123456789abcdef";
	char body[40], expo[8];
	int exp, prec = sp->prec, n = 0, i, len, pad, elen;
	uint64_t half, rest;

	if (m == 0 && bexp == 0)
		exp = 0;
	else if (bexp == 0) {		/* subnormal: normalise */
		exp = -1022;
		while (!(m & (1ULL << 52))) {
			m <<= 1;
			exp--;
		}
	} else {
		exp = bexp - 1023;
		m |= 1ULL << 52;
	}
	if (prec < 0)
		for (prec = 13; prec > 0 && (m >> (4 * (13 - prec)) & 0xf) == 0;
		    prec--)
			;
	else if (prec < 13) {
		half = 1ULL << (4 * (13 - prec) - 1);
		rest = m & ((half << 1) - 1);
		m >>= 4 * (13 - prec);
		if (rest > half || (rest == half && (m & 1)))
			m++;
		m <<= 4 * (13 - prec);
	}
	body[n++] = digits[m >> 52];
	if (prec > 0 || (sp->flags & FMT_ALT))
		body[n++] = '.';
	for (i = 1; i <= prec; i++)
		body[n++] = i <= 13 ? digits[m >> (4 * (13 - i)) & 0xf] : '0';
	elen = 0;
	expo[elen++] = sp->conv == 'A' ? 'P' : 'p';
	expo[elen++] = exp < 0 ? '-' : '+';
	if (exp < 0)
		exp = -exp;
	for (i = exp >= 1000 ? 1000 : exp >= 100 ? 100 : exp >= 10 ? 10 : 1;
	    i > 0; i /= 10)
		expo[elen++] = (char)('0' + exp / i % 10);
	len = (sign != 0) + 2 + n + elen;
	pad = sp->width > len ? sp->width - len : 0;
	if (!(sp->flags & (FMT_MINUS | FMT_ZERO)))
		__fmt_repeat(out, ' ', pad);
	if (sign != 0)
		__fmt_putc(out, sign);
	__fmt_putc(out, '0');
	__fmt_putc(out, sp->conv == 'A' ? 'X' : 'x');
	if ((sp->flags & (FMT_MINUS | FMT_ZERO)) == FMT_ZERO)
		__fmt_repeat(out, '0', pad);
	for (i = 0; i < n; i++)
		__fmt_putc(out, body[i]);
	for (i = 0; i < elen; i++)
		__fmt_putc(out, expo[i]);
	if (sp->flags & FMT_MINUS)
		__fmt_repeat(out, ' ', pad);
}

void
__fmt_double(struct fmt_out *out, const struct fmt_spec *sp, double v)
{
	union { double d; uint64_t u; } bits = { .d = v };
	uint64_t m = bits.u & ((1ULL << 52) - 1);
	int bexp = (int)(bits.u >> 52 & 0x7ff);
	int upper = sp->conv == 'F' || sp->conv == 'E' || sp->conv == 'G' ||
	    sp->conv == 'A';
	int sign = 0, conv = sp->conv | 0x20;	/* lower case */
	struct decimal dec;
	struct layout l = { &dec, 0, 0, 0, upper };

	if (bits.u >> 63)
		sign = '-';
	else if (sp->flags & FMT_PLUS)
		sign = '+';
	else if (sp->flags & FMT_SPACE)
		sign = ' ';
	if (bexp == 0x7ff) {
		pad_and_print(out, sp, sign, 3, 0, print_word,
		    m != 0 ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
		return;
	}
	if (conv == 'a') {
		fmt_hex(out, sp, sign, m, bexp);
		return;
	}
	if (bexp == 0)
		decimal_of(&dec, m, -1074);		/* subnormal or zero */
	else
		decimal_of(&dec, m | 1ULL << 52, bexp - 1075);

	l.prec = sp->prec < 0 ? 6 : sp->prec;
	if (conv == 'f') {
		decimal_round(&dec, dec.point + l.prec);
		emit(out, sp, sign, &l, 1);
	} else if (conv == 'e') {
		decimal_round(&dec, l.prec + 1);
		l.exp = dec.ndigits == 0 ? 0 : dec.point - 1;
		emit(out, sp, sign, &l, 0);
	} else
		emit_general(out, sp, sign, &dec, &l);
}
