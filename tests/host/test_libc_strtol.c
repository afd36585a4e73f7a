// SOURCES: user/libc/strtol.c
// CFLAGS: -fno-builtin -Dstrtol=k_strtol -Dstrtoul=k_strtoul -Dstrtoll=k_strtoll -Dstrtoull=k_strtoull -Datoi=k_atoi -Datol=k_atol -Datoll=k_atoll -Dstrtoimax=k_strtoimax -Dstrtoumax=k_strtoumax
/*
 * test_libc_strtol.c - user/libc/strtol.c (renamed k_*) against known
 * answers and, for random strings in every base, against the host's own
 * strtol family: same value, same end pointer, same errno.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The host's functions, for reference (their names were renamed above). */
#undef strtol
#undef strtoul
#undef strtoll
#undef strtoull
long	strtol(const char *, char **, int);
unsigned long	strtoul(const char *, char **, int);
long long	strtoll(const char *, char **, int);
unsigned long long	strtoull(const char *, char **, int);

static int failures;

static void
fail(const char *name, const char *fmt, const char *s, int base)
{
	failures++;
	printf("FAIL %s: \"%s\" base %d: %s\n", name, s, base, fmt);
}

struct known {
	const char	*s;
	int		base;
	long long	value;
	int		used;		/* characters consumed */
	int		err;
};

static const struct known cases[] = {
	{ "0", 10, 0, 1, 0 },
	{ "  42xyz", 10, 42, 4, 0 },
	{ "-17", 10, -17, 3, 0 },
	{ "+17", 10, 17, 3, 0 },
	{ "0x1F", 0, 31, 4, 0 },
	{ "0X1f", 16, 31, 4, 0 },
	{ "1f", 16, 31, 2, 0 },
	{ "0x", 16, 0, 1, 0 },		/* "0x" without digits: just the 0 */
	{ "0xg", 0, 0, 1, 0 },
	{ "017", 0, 15, 3, 0 },
	{ "019", 0, 1, 2, 0 },
	{ "101", 2, 5, 3, 0 },
	{ "zz", 36, 1295, 2, 0 },
	{ "", 10, 0, 0, 0 },
	{ "   ", 10, 0, 0, 0 },
	{ "-", 10, 0, 0, 0 },
	{ "+ 1", 10, 0, 0, 0 },
	{ "9223372036854775807", 10, LLONG_MAX, 19, 0 },
	{ "9223372036854775808", 10, LLONG_MAX, 19, ERANGE },
	{ "-9223372036854775808", 10, LLONG_MIN, 20, 0 },
	{ "-9223372036854775809", 10, LLONG_MIN, 20, ERANGE },
	{ "99999999999999999999999999", 10, LLONG_MAX, 26, ERANGE },
};

static void
test_known(void)
{
	const struct known *k;
	char *end;
	long long v;
	size_t i;
	int before = failures;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		k = &cases[i];
		errno = 0;
		v = k_strtoll(k->s, &end, k->base);
		if (v != k->value || end - k->s != k->used || errno != k->err)
			fail("strtoll_known", "wrong value, end or errno", k->s,
			    k->base);
	}
	errno = 0;
	if (k_strtol("12", &end, 1) != 0 || errno != EINVAL)
		fail("strtol_badbase", "base 1 must be EINVAL", "12", 1);
	errno = 0;
	if (k_strtol("12", &end, 37) != 0 || errno != EINVAL)
		fail("strtol_badbase", "base 37 must be EINVAL", "12", 37);
	if (k_atoi("  -123abc") != -123 || k_atol("77") != 77 ||
	    k_atoll("-9000000000") != -9000000000LL)
		fail("atoi", "atoi/atol/atoll", "", 10);
	if (k_strtoull("-1", NULL, 10) != ULLONG_MAX)
		fail("strtoull_neg", "-1 must wrap to ULLONG_MAX", "-1", 10);
	if (k_strtoimax("-5", NULL, 10) != -5 || k_strtoumax("5", NULL, 10) != 5)
		fail("strtoimax", "wrappers", "5", 10);
	if (failures == before)
		printf("PASS strtol_known\n");
}

static uint64_t state = 88172645463325252ULL;

static unsigned
rnd(unsigned n)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (unsigned)(state % n);
}

/* A random string that is often, but not always, a number. */
static void
random_string(char *s, size_t max)
{
	static const char alphabet[] = " \t+-0123456789abcdefxXzZ019";
	size_t n = rnd(max), i = 0;

	if (rnd(3) == 0)
		s[i++] = ' ';
	if (rnd(3) == 0 && i < n)
		s[i++] = "+-"[rnd(2)];
	if (rnd(3) == 0 && i + 1 < n) {
		s[i++] = '0';
		s[i++] = "xX"[rnd(2)];
	}
	for (; i < n; i++)
		s[i] = rnd(4) ? "0123456789abcdef"[rnd(16)] :
		    alphabet[rnd(sizeof(alphabet) - 1)];
	s[n] = '\0';
}

#define COMPARE(name, type, mine, theirs) do {				\
	char *e1, *e2;							\
	type v1, v2;							\
	int err1, err2;							\
									\
	errno = 0;							\
	v1 = mine(s, &e1, base);					\
	err1 = errno;							\
	errno = 0;							\
	v2 = theirs(s, &e2, base);					\
	err2 = errno;							\
	if (v1 != v2 || e1 != e2 || err1 != err2)			\
		fail(name, "differs from the host", s, base);		\
} while (0)

static void
test_random(void)
{
	static const int bases[] = { 0, 2, 8, 10, 16, 36 };
	char s[48];
	int i, base, before = failures;

	for (i = 0; i < 200000 && failures - before < 10; i++) {
		random_string(s, rnd(4) == 0 ? 40 : 12);
		base = rnd(4) ? bases[rnd(6)] : 2 + (int)rnd(35);
		COMPARE("strtol_random", long, k_strtol, strtol);
		COMPARE("strtoul_random", unsigned long, k_strtoul, strtoul);
		COMPARE("strtoll_random", long long, k_strtoll, strtoll);
		COMPARE("strtoull_random", unsigned long long, k_strtoull,
		    strtoull);
	}
	if (failures == before)
		printf("PASS strtol_random\n");
}

int
main(void)
{
	test_known();
	test_random();
	return failures != 0;
}
