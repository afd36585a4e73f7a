/*
 * hex.c - the protocol's hex: numbers are big-endian digit strings
 * ("8048000"), register and memory contents are byte-by-byte pairs in
 * memory order ("00800408" is 0x08048000 on i386).
 */
#include "gdbstub.h"

static const char digits[] = "0123456789abcdef";

int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * A hex number at p that fits in 32 bits; returns the first character after
 * it, or NULL when there is no digit or the value overflows.
 */
const char *
hex_parse(const char *p, uint32_t *v)
{
	uint32_t x = 0;
	int d, n = 0;

	while ((d = hexval((unsigned char)*p)) >= 0) {
		if (x > 0x0fffffffU)
			return NULL;
		x = x << 4 | d;
		p++;
		n++;
	}
	if (n == 0)
		return NULL;
	*v = x;
	return p;
}

/* nchars digits into nchars/2 bytes; -1 if nchars is odd or a digit is bad. */
int
hex_decode(const char *p, size_t nchars, unsigned char *out)
{
	size_t i;

	if (nchars % 2 != 0)
		return -1;
	for (i = 0; i < nchars; i += 2) {
		int hi = hexval((unsigned char)p[i]);
		int lo = hexval((unsigned char)p[i + 1]);

		if (hi < 0 || lo < 0)
			return -1;
		out[i / 2] = hi << 4 | lo;
	}
	return (int)(nchars / 2);
}

/* n bytes as 2n digits; out needs 2n + 1 characters. */
void
hex_encode(char *out, const unsigned char *in, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		*out++ = digits[in[i] >> 4];
		*out++ = digits[in[i] & 0xf];
	}
	*out = '\0';
}
