/*
 * strtol.c - text to integers. One parser (parse) reads the optional sign,
 * the base prefix and the digits into an unsigned long long, noting
 * overflow; each public function then clamps to its own range and sets
 * ERANGE as C requires.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>

static int
digit_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

/*
 * Parses s in base (0 or 2..36). Returns the magnitude (ULLONG_MAX on
 * overflow, with *over set); *neg says whether a '-' came first; *end
 * is where parsing stopped (s itself when there was no number).
 */
static unsigned long long
parse(const char *s, char **end, int base, int *neg, int *over)
{
	const char *p = s, *digits;
	unsigned long long v = 0;
	int d;

	*neg = *over = 0;
	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		*end = (char *)s;
		return 0;
	}
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '+' || *p == '-')
		*neg = *p++ == '-';
	/* "0x" counts as a prefix only if a hex digit follows it. */
	if ((base == 0 || base == 16) && p[0] == '0' &&
	    (p[1] == 'x' || p[1] == 'X') && digit_value(p[2]) < 16) {
		p += 2;
		base = 16;
	} else if (base == 0)
		base = p[0] == '0' ? 8 : 10;
	digits = p;
	for (; (d = digit_value(*p)) < base; p++) {
		if (v > (ULLONG_MAX - d) / base)
			*over = 1;
		v = v * base + d;
	}
	*end = (char *)(p == digits ? s : p);
	return *over ? ULLONG_MAX : v;
}

long long
strtoll(const char *__restrict s, char **__restrict end, int base)
{
	char *e;
	int neg, over;
	unsigned long long v = parse(s, &e, base, &neg, &over);

	if (end != NULL)
		*end = e;
	if (over || v > (neg ? -(unsigned long long)LLONG_MIN : LLONG_MAX)) {
		errno = ERANGE;
		return neg ? LLONG_MIN : LLONG_MAX;
	}
	return neg ? (long long)-v : (long long)v;
}

long
strtol(const char *__restrict s, char **__restrict end, int base)
{
	char *e;
	int neg, over;
	unsigned long long v = parse(s, &e, base, &neg, &over);

	if (end != NULL)
		*end = e;
	if (over || v > (neg ? -(unsigned long long)LONG_MIN :
	    (unsigned long long)LONG_MAX)) {
		errno = ERANGE;
		return neg ? LONG_MIN : LONG_MAX;
	}
	return neg ? (long)-v : (long)v;
}

/* The unsigned forms accept a '-' and negate in the unsigned type (C11). */
unsigned long long
strtoull(const char *__restrict s, char **__restrict end, int base)
{
	char *e;
	int neg, over;
	unsigned long long v = parse(s, &e, base, &neg, &over);

	if (end != NULL)
		*end = e;
	if (over) {
		errno = ERANGE;
		return ULLONG_MAX;
	}
	return neg ? -v : v;
}

unsigned long
strtoul(const char *__restrict s, char **__restrict end, int base)
{
	char *e;
	int neg, over;
	unsigned long long v = parse(s, &e, base, &neg, &over);

	if (end != NULL)
		*end = e;
	if (over || v > ULONG_MAX) {
		errno = ERANGE;
		return ULONG_MAX;
	}
	return neg ? -(unsigned long)v : (unsigned long)v;
}

intmax_t
strtoimax(const char *__restrict s, char **__restrict end, int base)
{
	return strtoll(s, end, base);
}

uintmax_t
strtoumax(const char *__restrict s, char **__restrict end, int base)
{
	return strtoull(s, end, base);
}

int
atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

long
atol(const char *s)
{
	return strtol(s, NULL, 10);
}

long long
atoll(const char *s)
{
	return strtoll(s, NULL, 10);
}
