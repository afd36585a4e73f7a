/*
 * bignum.c - the unsigned big integers of bignum.h. Words are 32 bits and
 * every product is formed in 64 bits, so nothing here needs more than
 * what i386 gives in two registers. A result that would not fit in
 * BIG_WORDS words loses its top words rather than overrunning the array;
 * strtod's range checks keep its numbers well below that size.
 */
#include "bignum.h"

static void
trim(struct big *b)
{
	while (b->n > 0 && b->w[b->n - 1] == 0)
		b->n--;
}

void
big_set(struct big *b, uint32_t v)
{
	b->w[0] = v;
	b->n = v != 0;
}

/* b = b * mul + add. */
void
big_mul_add(struct big *b, uint32_t mul, uint32_t add)
{
	uint64_t carry = add;
	int i;

	for (i = 0; i < b->n; i++) {
		carry += (uint64_t)b->w[i] * mul;
		b->w[i] = (uint32_t)carry;
		carry >>= 32;
	}
	if (carry != 0 && b->n < BIG_WORDS)
		b->w[b->n++] = (uint32_t)carry;
}

/* b = b * 5^e, e >= 0; 5^13 is the largest power of 5 below 2^32. */
void
big_mul_pow5(struct big *b, int e)
{
	for (; e >= 13; e -= 13)
		big_mul_add(b, 1220703125U, 0);
	for (; e > 0; e--)
		big_mul_add(b, 5, 0);
}

void
big_shl(struct big *b, int bits)
{
	int words = bits / 32, r = bits % 32, i;

	if (b->n == 0 || bits <= 0)
		return;
	if (b->n + words + 1 > BIG_WORDS)
		words = BIG_WORDS - b->n - 1;
	b->w[b->n + words] = 0;
	for (i = b->n - 1; i >= 0; i--) {
		if (r != 0)
			b->w[i + words + 1] |= b->w[i] >> (32 - r);
		b->w[i + words] = b->w[i] << r;
	}
	for (i = 0; i < words; i++)
		b->w[i] = 0;
	b->n += words + 1;
	trim(b);
}

void
big_shr1(struct big *b)
{
	int i;

	for (i = 0; i < b->n; i++)
		b->w[i] = b->w[i] >> 1 | (i + 1 < b->n ? b->w[i + 1] << 31 : 0);
	trim(b);
}

int
big_cmp(const struct big *a, const struct big *b)
{
	int i;

	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (i = a->n - 1; i >= 0; i--)
		if (a->w[i] != b->w[i])
			return a->w[i] < b->w[i] ? -1 : 1;
	return 0;
}

/* a = a - b; the caller guarantees a >= b. */
void
big_sub(struct big *a, const struct big *b)
{
	uint64_t d;
	uint32_t borrow = 0;
	int i;

	for (i = 0; i < a->n; i++) {
		d = (uint64_t)a->w[i] - (i < b->n ? b->w[i] : 0) - borrow;
		a->w[i] = (uint32_t)d;
		borrow = (uint32_t)(d >> 63);
	}
	trim(a);
}

int
big_bitlen(const struct big *b)
{
	uint32_t top;
	int bits;

	if (b->n == 0)
		return 0;
	top = b->w[b->n - 1];
	for (bits = 0; top != 0; top >>= 1)
		bits++;
	return (b->n - 1) * 32 + bits;
}
