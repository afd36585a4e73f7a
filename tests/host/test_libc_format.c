// SOURCES: user/libc/format.c user/libc/format_float.c
/*
 * test_libc_format.c - the printf engine (user/libc/format.c and
 * format_float.c) against the host's snprintf: fixed cases for every flag,
 * width, precision, length and conversion, then random integer and double
 * conversions built at run time; %a too, except on subnormal numbers,
 * which Kestrel shows normalised as FreeBSD does (0x1p-1074) and glibc
 * does not.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "libc/format.h"

static int failures;

struct sink {
	char	*buf;
	size_t	size;
	size_t	len;
};

static void
put(int c, void *arg)
{
	struct sink *s = arg;

	if (s->len + 1 < s->size)
		s->buf[s->len] = (char)c;
	s->len++;
}

static int
k_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct sink s = { buf, size, 0 };
	int n = __format(put, &s, fmt, ap);

	buf[s.len < size ? s.len : size - 1] = '\0';
	return n;
}

static void __attribute__((format(printf, 2, 3)))
check(const char *name, const char *fmt, ...)
{
	char want[4096], got[4096];
	int nwant, ngot;
	va_list ap, aq;

	va_start(ap, fmt);
	va_copy(aq, ap);
	nwant = vsnprintf(want, sizeof(want), fmt, ap);
	ngot = k_vsnprintf(got, sizeof(got), fmt, aq);
	va_end(aq);
	va_end(ap);
	if (nwant != ngot || strcmp(want, got) != 0) {
		failures++;
		printf("FAIL %s: format \"%s\": want \"%s\" (%d), got \"%s\" (%d)\n",
		    name, fmt, want, nwant, got, ngot);
	}
}

/* For formats gcc rightly warns about (ignored flags), which must still work. */
static void (*const check_odd)(const char *, const char *, ...) = check;

/* Runs a group of checks and reports it as one case. */
#define GROUP(name, body) do {						\
	int before = failures;						\
	body;								\
	if (failures == before)						\
		printf("PASS %s\n", name);				\
} while (0)

static void
test_integers(void)
{
	GROUP("format_int_basic", {
		check("d", "%d %i %u", 42, -42, 42u);
		check("d0", "%d|%d|%u", 0, -1, 0u);
		check("dmin", "%d %d", INT32_MIN, INT32_MAX);
		check("umax", "%u %x %X %o", UINT32_MAX, UINT32_MAX, 0xabcdefu, 8u);
		check("plain", "no conversions at all");
		check("percent", "100%% sure %c", 'x');
	});
	GROUP("format_int_flags", {
		check("width", "[%5d][%-5d][%05d][%+d][% d]", 42, 42, 42, 42, 42);
		check("neg", "[%5d][%-5d][%05d][%+d][% d]", -42, -42, -42, -42, -42);
		check_odd("plusspace", "[%+ d][% +d]", 7, 7);
		check("alt", "[%#x][%#X][%#o][%#x][%#o]", 255u, 255u, 8u, 0u, 0u);
		check("altwidth", "[%#10x][%#-10x][%#010x]", 0x1fu, 0x1fu, 0x1fu);
		check_odd("zerominus", "[%-05d]", 3);
	});
	GROUP("format_int_precision", {
		check("prec", "[%.5d][%.0d][%.0d][%.3x][%8.3d]", 42, 0, 1, 5u, -7);
		check("precz", "[%.0u][%5.0u][%#.0o][%#.0x]", 0u, 0u, 0u, 0u);
		check_odd("preczero", "[%08.3d][%-8.3d]", 12, 12);
		check("star", "[%*d][%-*d][%.*d][%*.*d]", 6, 1, 6, 2, 4, 3, 7, 3, 4);
		check("negstar", "[%*d][%.*d]", -6, 1, -3, 5);
		check("octalalt", "[%#.3o][%#5o]", 8u, 8u);
	});
	GROUP("format_int_length", {
		check("hh", "%hhd %hhu %hhx", 300, 300, 511);
		check("h", "%hd %hu %hx", 70000, 70000, 0x12345);
		check("l", "%ld %lu %lx", -123456789L, 123456789UL, 0xdeadUL);
		check("ll", "%lld %llu %llx %llo", (long long)INT64_MIN,
		    (unsigned long long)UINT64_MAX,
		    0x123456789abcdefULL, 01234567012345670123ULL);
		check("llmax", "%lld %+lld %20lld", (long long)INT64_MAX, 5LL, -9LL);
		check("z", "%zu %zd %zx", (size_t)12345, (ssize_t)-5, (size_t)255);
		check("j", "%jd %ju", (intmax_t)-1, (uintmax_t)UINT64_MAX);
		check("t", "%td", (ptrdiff_t)-77);
	});
}

static void
test_strings(void)
{
	static char text[] = "hello";

	GROUP("format_string", {
		check("s", "[%s][%10s][%-10s][%.2s][%10.3s]", text, text, text,
		    text, text);
		check("sempty", "[%s][%5s]", "", "");
		check("c", "[%c][%3c][%-3c]", 'a', 'b', 'c');
		check("p", "[%p][%20p][%-20p]", (void *)text, (void *)text,
		    (void *)0x1234);
	});
}

static void
test_doubles(void)
{
	GROUP("format_double_fixed", {
		check("pi", "%f %.10g %.2f %.0f", 3.14159, 3.14159, 3.14159,
		    3.14159);
		check("f", "%f %f %f %f", 0.0, 1.0, -1.5, 1e-7);
		check("fbig", "%f %.3f", 1e300, 123456789012345678.0);
		check("fround", "%.0f %.0f %.0f %.0f %.0f", 0.5, 1.5, 2.5, -0.5,
		    3.5);
		check("fround2", "%.2f %.2f %.1f %.3f", 2.675, 1.005, 0.05, 1e-4);
		check("fwidth", "[%10.3f][%-10.3f][%010.3f][%+.1f][% .1f]", 3.14159,
		    3.14159, -3.14159, 2.0, 2.0);
		check("falt", "[%#.0f][%#.0e][%#g][%#.3g]", 3.0, 3.0, 1.0, 1.0);
		check("negzero", "%f %e %g %.0f", -0.0, -0.0, -0.0, -0.0);
		check("ftiny", "%.20f %.30f", 5e-324, 2.2250738585072014e-308);
		check("fmax", "%f", 1.7976931348623157e308);
		check("fprec", "%.17f %.25f %.60f", 0.1, 1.0 / 3.0, 0.1);
	});
	GROUP("format_double_exp", {
		check("e", "%e %E %.3e %.0e", 12345.678, 0.000123, 9.9995, 15.0);
		check("e0", "%e %.3e", 0.0, 1e-310);
		check("ebig", "%e %e %e", 1e100, 1.7976931348623157e308, 5e-324);
		check("ewidth", "[%15.4e][%-15.4e][%015.4e]", -2.5e-5, 2.5e-5,
		    -2.5e-5);
		check("ecarry", "%.2e %.1e %.0e", 9.999, 0.96, 9.5);
	});
	GROUP("format_double_general", {
		check("g", "%g %g %g %g %g", 100000.0, 1000000.0, 0.0001,
		    0.00001, 123.456);
		check("G", "%G %G %.3G", 1e-10, 1e20, 0.000123456);
		check("gprec", "%.1g %.0g %.2g %.10g %.17g", 0.15, 0.15, 99.5,
		    2.0 / 3.0, 0.1);
		check("gtrim", "%g %g %g", 1.5, 1.25e-5, 2.0);
		check("gwidth", "[%10g][%-10g][%010g][%+g]", 1.5, 1.5, -1.5, 1.5);
	});
	GROUP("format_double_special", {
		check("inf", "%f %e %g %F %E %G", INFINITY, -INFINITY, INFINITY,
		    INFINITY, -INFINITY, INFINITY);
		check("nan", "%f %F %g", NAN, NAN, -NAN);
		check("infwidth", "[%8f][%-8f][%08f][%+f]", INFINITY, INFINITY,
		    -INFINITY, INFINITY);
	});
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t
rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* Builds a random "%[flags][width][.prec]" prefix. */
static void
random_spec(char *p, int allow_alt)
{
	static const char flags[] = "-+ #0";
	int i;

	*p++ = '%';
	for (i = 0; i < 5; i++)
		if (rng() % 4 == 0 && (allow_alt || flags[i] != '#'))
			*p++ = flags[i];
	if (rng() % 2)
		p += sprintf(p, "%d", (int)(rng() % 25));
	if (rng() % 2)
		p += sprintf(p, ".%d", (int)(rng() % 22));
	*p = '\0';
}

static void
test_random(void)
{
	static const char iconv[] = "diouxX";
	static const char fconv[] = "feEgG";
	char fmt[64], name[32];
	union { double d; uint64_t u; } v;
	int i;

	GROUP("format_random_int", {
		for (i = 0; i < 20000; i++) {
			char c = iconv[rng() % 6];
			uint64_t x = rng() >> (rng() % 64);

			random_spec(fmt, c != 'd' && c != 'i');
			snprintf(name, sizeof(name), "rint%d", i);
			if (rng() % 2) {
				strcat(fmt, "ll");
				strncat(fmt, &c, 1);
				check(name, fmt, (long long)x);
			} else {
				strncat(fmt, &c, 1);
				check(name, fmt, (int)x);
			}
		}
	});
	GROUP("format_random_double", {
		for (i = 0; i < 20000; i++) {
			random_spec(fmt, 1);
			strncat(fmt, &fconv[rng() % 5], 1);
			if (i % 3 == 0)
				v.u = rng();		/* any bit pattern */
			else	/* numbers with a few digits, to hit ties */
				v.d = (double)(int64_t)(rng() % 2000001 - 1000000) /
				    (double)(1 << rng() % 12);
			snprintf(name, sizeof(name), "rdbl%d", i);
			check(name, fmt, v.d);
		}
	});
}

static int	format_into(struct sink *s, const char *fmt, ...);

/* %a and %A, against glibc on normal numbers, FreeBSD's form otherwise. */
static void
test_hex(void)
{
	char fmt[64], name[32], got[64];
	union { double d; uint64_t u; } v;
	struct sink s = { got, sizeof(got), 0 };
	int i, n;

	GROUP("format_double_hex", {
		check("a", "[%a][%A][%a][%a][%a]", 1.0, 0.1, -3.0, 0.0, -0.0);
		check("aprec", "[%.0a][%.1a][%.3a][%.20a]", 1.9, 1.96875, 0.1,
		    0.1);
		check("aflags", "[%#.0a][%+a][% a][%12a][%-12a|][%012a]", 1.0,
		    2.5, 2.5, 1.0, 1.0, -1.5);
		check("aspecial", "[%a][%A][%a]", HUGE_VAL, -HUGE_VAL, NAN);
		check("aextremes", "[%a][%a]", 1.7976931348623157e308,
		    2.2250738585072014e-308);
		for (i = 0; i < 20000; i++) {
			random_spec(fmt, 1);
			strcat(fmt, i % 2 ? "a" : "A");
			do
				v.u = rng();
			while ((v.u >> 52 & 0x7ff) == 0);	/* no subnormals */
			snprintf(name, sizeof(name), "rhex%d", i);
			check(name, fmt, v.d);
		}
		n = format_into(&s, "%a %.2a", 4.9406564584124654e-324,
		    1.5e-310);
		got[s.len] = '\0';
		if (n != (int)s.len || strcmp(got, "0x1p-1074 0x1.bap-1030") != 0) {
			failures++;
			printf("FAIL format_double_hex: subnormals gave \"%s\"\n",
			    got);
		}
	});
}

/* The engine returns the full length even when the sink drops characters. */
static int
format_into(struct sink *s, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = __format(put, s, fmt, ap);
	va_end(ap);
	return n;
}

static void
test_count(void)
{
	char small[8];
	struct sink s = { small, sizeof(small), 0 };
	int n = format_into(&s, "%s-%05d", "abcdef", 42);

	if (n == 12 && s.len == 12 && memcmp(small, "abcdef-", 7) == 0)
		printf("PASS format_return_count\n");
	else {
		failures++;
		printf("FAIL format_return_count: returned %d\n", n);
	}
}

int
main(void)
{
	test_integers();
	test_strings();
	test_doubles();
	test_random();
	test_hex();
	test_count();
	return failures != 0;
}
