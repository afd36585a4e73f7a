/*
 * bignum.h - unsigned integers of up to BIG_WORDS 32-bit words, for the
 * exact arithmetic of strtod (decimal text to binary floating point). Only
 * what strtod needs: small multiplies, shifts, compare and subtract.
 */
#ifndef _LIBC_BIGNUM_H_
#define _LIBC_BIGNUM_H_

#include <stdint.h>

/*
 * 20,480 bits: the largest number strtold builds is about 5^5751 or
 * 10^800 * 5^4933 shifted by 66 bits, some 16,500 bits (bignum.c).
 */
#define BIG_WORDS	640

struct big {
	uint32_t	w[BIG_WORDS];	/* little-endian words */
	int		n;		/* words in use; w[n - 1] != 0 unless n == 0 */
};

void	big_set(struct big *, uint32_t);
void	big_mul_add(struct big *, uint32_t mul, uint32_t add);
void	big_mul_pow5(struct big *, int);
void	big_shl(struct big *, int bits);
void	big_shr1(struct big *);
int	big_cmp(const struct big *, const struct big *);
void	big_sub(struct big *, const struct big *);
int	big_bitlen(const struct big *);

#endif
