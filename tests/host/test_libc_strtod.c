// SOURCES: user/libc/strtod.c user/libc/bignum.c
// CFLAGS: -fno-builtin -Dstrtod=k_strtod -Dstrtof=k_strtof -Dstrtold=k_strtold -Datof=k_atof
/*
 * test_libc_strtod.c - strtod, strtof, strtold and atof of user/libc
 * (renamed k_*) against the host's, bit for bit, with the same end pointer
 * and errno: a table of hard cases (halfway points, the edges of the
 * subnormal range, overflow by rounding, hexadecimal floats, inf and nan,
 * very long inputs), then many random numbers printed by the host at
 * random precisions.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The renames apply here too: the host's functions get their names back. */
#undef strtod
#undef strtof
#undef strtold
double	strtod(const char *, char **);
float	strtof(const char *, char **);
long double	strtold(const char *, char **);

static int failures;

static const char *const hard[] = {
	"0", "-0", "+0.0e10", "1", "-1", "0.1", "0.3", "1e23", "8.5", "3.14159",
	"  \t\n 42", "1e", "1e+", "1e-", "1.5e+x", ".5", "5.", ".", "-.", "+",
	"", "abc", "e5", "0x", "0x.", "0x.8", "0X1P-2", "0x1p", "0x1.8p+1x",
	"1.7976931348623157e308", "1.7976931348623158e308",
	"1.7976931348623159e308", "1.797693134862315807e308",
	"1.797693134862315708145274237317043567981e+308",
	"1.797693134862315708145274237317043567980e+308",
	"1e309", "-1e309", "1e999999999999", "1e-999999999999",
	"2.2250738585072011e-308", "2.2250738585072012e-308",
	"2.2250738585072014e-308", "2.225073858507201e-308",
	"4.9406564584124654e-324", "2.4703282292062327e-324",
	"2.4703282292062328e-324", "2.47032822920623272e-324",
	"7.4109846876186982e-324", "1e-310", "1e-320", "1e-400",
	"9007199254740992", "9007199254740993", "9007199254740994",
	"9007199254740995", "9007199254740993.0000000000000000000001",
	"1.00000000000000011102230246251565404236316680908203125",
	"1.000000000000000111022302462515654042363166809082031250000001",
	"1.00000000000000011102230246251565404236316680908203124999999",
	"0.500000000000000166533453693773481063544750213623046875",
	"3.0517578125e-05", "123456789012345678901234567890",
	"0.000000000000000000000000000000000000000000001234",
	"0x1.fffffffffffffp1023", "0x1.fffffffffffff8p1023",
	"0x1.fffffffffffff7ffffffp1023", "0x1p-1074", "0x1p-1075",
	"0x1.0000000000001p-1075", "0x1.8p-1074", "0x0.0000000000001p-1022",
	"0x1.00000000000008p0", "0x1.00000000000018p0",
	"0x1.000000000000080000000000001p0", "0x123456789abcdef0123456789p-40",
	"inf", "-INF", "infinity", "Infinityx", "infinit", "in", "nan",
	"-NaN", "nan(123)", "nan(abc_9)x", "nan(", "nan(a b)",
	"3.4028234663852886e38", "3.4028235677973366e38", "3.40282357e38",
	"1.1754943508222875e-38", "1.4012984643248171e-45",
	"7.006492321624085e-46", "7.006492321624086e-46",
	"1.18973149535723176502e+4932", "1.18973149535723176508e+4932",
	"3.64519953188247460253e-4951", "1.82259976594123730126e-4951",
	"1.82259976594123730127e-4951", "6.5e-4951", "1e-4960", "1e4933",
};

#define CHECK(name, cond, ...) do {					\
	if (!(cond)) {							\
		failures++;						\
		printf("FAIL %s: ", name);				\
		printf(__VA_ARGS__);					\
		printf("\n");						\
		return 1;						\
	}								\
} while (0)

/* One input through all three widths; returns 1 on a mismatch. */
static int
compare(const char *name, const char *s)
{
	char *e1, *e2;
	int err1, err2;

	errno = 0;
	double d1 = k_strtod(s, &e1);
	err1 = errno;
	errno = 0;
	double d2 = strtod(s, &e2);
	err2 = errno;
	CHECK(name, memcmp(&d1, &d2, sizeof(d1)) == 0 && e1 == e2 &&
	    err1 == err2, "strtod(\"%s\") = %a end %d errno %d, host %a end %d "
	    "errno %d", s, d1, (int)(e1 - s), err1, d2, (int)(e2 - s), err2);

	errno = 0;
	float f1 = k_strtof(s, &e1);
	err1 = errno;
	errno = 0;
	float f2 = strtof(s, &e2);
	err2 = errno;
	CHECK(name, memcmp(&f1, &f2, sizeof(f1)) == 0 && e1 == e2 &&
	    err1 == err2, "strtof(\"%s\") = %a errno %d, host %a errno %d", s,
	    f1, err1, f2, err2);

	errno = 0;
	long double l1 = k_strtold(s, &e1);
	err1 = errno;
	errno = 0;
	long double l2 = strtold(s, &e2);
	err2 = errno;
	/* Only the 10 bytes of the x87 format carry the value. */
	CHECK(name, memcmp(&l1, &l2, 10) == 0 && e1 == e2 && err1 == err2,
	    "strtold(\"%s\") = %La errno %d, host %La errno %d", s, l1, err1,
	    l2, err2);
	return 0;
}

static void
test_table(void)
{
	unsigned i;
	int bad = 0;

	for (i = 0; i < sizeof(hard) / sizeof(hard[0]); i++)
		bad += compare("strtod_table", hard[i]);
	if (bad == 0)
		printf("PASS strtod_table\n");
}

/* 1,000 nines after the point, and a 1,000-digit integer. */
static void
test_long(void)
{
	static char buf[1100];
	int bad = 0;

	memset(buf, '9', sizeof(buf) - 1);
	buf[0] = '0';
	buf[1] = '.';
	bad += compare("strtod_long", buf);
	memset(buf, '7', sizeof(buf) - 1);
	bad += compare("strtod_long", buf);
	strcpy(buf + 700, "e-1000");
	bad += compare("strtod_long", buf);
	if (bad == 0)
		printf("PASS strtod_long\n");
}

static uint64_t rng = 88172645463325252ULL;

static uint64_t
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Random bit patterns printed at random precisions, round trip and not. */
static void
test_random_doubles(void)
{
	char buf[64];
	int i, bad = 0;
	union { double d; uint64_t u; } x;

	for (i = 0; i < 40000 && bad == 0; i++) {
		x.u = next();
		if ((x.u >> 52 & 0x7ff) == 0x7ff)
			continue;
		snprintf(buf, sizeof(buf), i % 2 ? "%.*e" : "%.*g",
		    (int)(next() % 25), x.d);
		bad += compare("strtod_random", buf);
	}
	if (bad == 0)
		printf("PASS strtod_random\n");
}

/* Random digit strings with random exponents, near the halfway points. */
static void
test_random_digits(void)
{
	char buf[80];
	int i, k, n, bad = 0;

	for (i = 0; i < 40000 && bad == 0; i++) {
		n = 1 + next() % 40;
		for (k = 0; k < n; k++)
			buf[k] = "0123456789"[next() % 10];
		if (next() % 2)
			buf[k++] = '5';
		snprintf(buf + k, sizeof(buf) - k, "e%d",
		    (int)(next() % 700) - 350);
		bad += compare("strtod_digits", buf);
	}
	if (bad == 0)
		printf("PASS strtod_digits\n");
}

static void
test_hex_random(void)
{
	char buf[64];
	int i, bad = 0;
	union { double d; uint64_t u; } x;

	for (i = 0; i < 20000 && bad == 0; i++) {
		x.u = next();
		if ((x.u >> 52 & 0x7ff) == 0x7ff)
			continue;
		snprintf(buf, sizeof(buf), "%a", x.d);
		bad += compare("strtod_hex", buf);
		snprintf(buf, sizeof(buf), "0x%llxp%d",
		    (unsigned long long)next(), (int)(next() % 2400) - 1200);
		bad += compare("strtod_hex", buf);
	}
	if (bad == 0)
		printf("PASS strtod_hex\n");
}

static void
test_atof(void)
{
	if (k_atof("2.5e3xyz") == 2500.0 && k_atof("junk") == 0.0)
		printf("PASS strtod_atof\n");
	else {
		failures++;
		printf("FAIL strtod_atof: %g %g\n", k_atof("2.5e3xyz"),
		    k_atof("junk"));
	}
}

int
main(void)
{
	test_table();
	test_long();
	test_random_doubles();
	test_random_digits();
	test_hex_random();
	test_atof();
	return failures != 0;
}
