// SOURCES: user/libc/string_bsd.c user/libc/strtonum.c user/libc/reallocarray.c
// CFLAGS: -fno-builtin -D_GNU_SOURCE -Dstpcpy=k_stpcpy -Dstpncpy=k_stpncpy -Dmemccpy=k_memccpy -Dmemrchr=k_memrchr -Dmemmem=k_memmem -Dstrcasestr=k_strcasestr -Dbzero=k_bzero -Dbcopy=k_bcopy -Dindex=k_index -Drindex=k_rindex -Dffs=k_ffs -Dstrtonum=k_strtonum -Dreallocarray=k_reallocarray
/*
 * test_libc_bsd.c - the BSD and POSIX 2008 additions of user/libc
 * (string_bsd.c, strtonum.c, reallocarray.c), renamed k_*, against
 * glibc's functions of the same names on the same inputs: copies that
 * return their end, searches from either side and for byte strings, case
 * blind search, the <strings.h> names, ffs on every bit; strtonum against
 * its manual (glibc has none); reallocarray's overflow check.
 * (strerror_r needs FreeBSD's errno names: tests/os/libc_misc.c has it.)
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* glibc's, under their own names (the renames cover this file). */
#undef stpcpy
#undef stpncpy
#undef memccpy
#undef memrchr
#undef memmem
#undef strcasestr
#undef ffs
char	*stpcpy(char *, const char *);
char	*stpncpy(char *, const char *, size_t);
void	*memccpy(void *, const void *, int, size_t);
void	*memrchr(const void *, int, size_t);
void	*memmem(const void *, size_t, const void *, size_t);
char	*strcasestr(const char *, const char *);
int	ffs(int);
long long	k_strtonum(const char *, long long, long long, const char **);
void	*k_reallocarray(void *, size_t, size_t);

#include "check.h"

static void
test_copies(void)
{
	static const char *const src[] = { "", "a", "hello", "exactly8" };
	char a[16], b[16];
	unsigned i;
	size_t n;
	int ok = 1;

	for (i = 0; i < 4; i++) {
		memset(a, 'x', sizeof(a));
		memset(b, 'x', sizeof(b));
		ok &= k_stpcpy(a, src[i]) - a == stpcpy(b, src[i]) - b &&
		    memcmp(a, b, sizeof(a)) == 0;
		for (n = 0; n <= 10; n++) {
			memset(a, 'x', sizeof(a));
			memset(b, 'x', sizeof(b));
			ok &= k_stpncpy(a, src[i], n) - a ==
			    stpncpy(b, src[i], n) - b &&
			    memcmp(a, b, sizeof(a)) == 0;
			memset(a, 'x', sizeof(a));
			memset(b, 'x', sizeof(b));
			ok &= (k_memccpy(a, src[i], 'l', n) == NULL) ==
			    (memccpy(b, src[i], 'l', n) == NULL) &&
			    memcmp(a, b, sizeof(a)) == 0;
		}
	}
	check("bsd_stpcpy_stpncpy_memccpy", ok, "differs from glibc");
}

static void
test_searches(void)
{
	static const char hay[] = "abcabcABCab\0cab";
	static const char *const needles[] = { "", "a", "abc", "cab", "bca",
	    "CAB", "b\0c", "zzz", "abcabcABCab\0cabx" };
	const char *h = hay;
	size_t hn = sizeof(hay) - 1, nn, k;
	unsigned i;
	int c, ok = 1;

	for (i = 0; i < sizeof(needles) / sizeof(needles[0]); i++)
		for (k = 0; k <= hn; k++) {
			nn = i == 6 ? 3 : i == 8 ? sizeof(hay) : strlen(needles[i]);
			ok &= k_memmem(h, k, needles[i], nn) ==
			    memmem(h, k, needles[i], nn);
		}
	check("bsd_memmem", ok, "differs from glibc");
	ok = 1;
	for (c = 0; c < 256; c++)
		for (k = 0; k <= hn; k++)
			ok &= k_memrchr(h, c, k) == memrchr(h, c, k);
	check("bsd_memrchr", ok, "differs from glibc");
	ok = 1;
	for (i = 0; i < 6; i++)
		for (k = 0; k < 12; k++)
			ok &= k_strcasestr(h + k, needles[i]) ==
			    strcasestr(h + k, needles[i]);
	check("bsd_strcasestr", ok, "differs from glibc");
	check("bsd_index_rindex", k_index(h, 'b') == h + 1 &&
	    k_rindex(h, 'b') == h + 10 && k_index(h, 'z') == NULL &&
	    k_index(h, '\0') == h + 11, "wrong position");
}

static void
test_strings_h(void)
{
	char a[8] = "abcdefg";
	int i, ok = k_ffs(0) == ffs(0);

	for (i = 0; i < 32; i++)
		ok &= k_ffs((int)(1u << i)) == ffs((int)(1u << i)) &&
		    k_ffs((int)(3u << i)) == ffs((int)(3u << i));
	check("bsd_ffs", ok, "differs from glibc");
	k_bcopy(a, a + 2, 4);
	check("bsd_bcopy_overlap", memcmp(a, "ababcdg", 7) == 0, a);
	k_bzero(a + 1, 3);
	check("bsd_bzero", memcmp(a, "a\0\0\0cdg", 7) == 0, "not zeroed");
}

static void
number(const char *name, const char *s, long long lo, long long hi,
    long long want, const char *why)
{
	const char *err = "unset";
	long long v;
	char detail[200];

	errno = 0;
	v = k_strtonum(s, lo, hi, &err);
	snprintf(detail, sizeof(detail), "\"%s\": %lld, %s, errno %d", s, v,
	    err ? err : "NULL", errno);
	check(name, v == want && (why == NULL ? err == NULL && errno == 0 :
	    err != NULL && strcmp(err, why) == 0 &&
	    errno == (why[0] == 'i' ? EINVAL : ERANGE)), detail);
}

static void
test_strtonum(void)
{
	number("strtonum_ok", "42", 0, 100, 42, NULL);
	number("strtonum_negative", "-7", -10, 10, -7, NULL);
	number("strtonum_bounds", "100", 0, 100, 100, NULL);
	number("strtonum_too_large", "101", 0, 100, 0, "too large");
	number("strtonum_too_small", "-1", 0, 100, 0, "too small");
	number("strtonum_junk", "12abc", 0, 100, 0, "invalid");
	number("strtonum_empty", "", 0, 100, 0, "invalid");
	number("strtonum_bad_range", "5", 10, 0, 0, "invalid");
	number("strtonum_overflow", "99999999999999999999", LLONG_MIN,
	    LLONG_MAX, 0, "too large");
	number("strtonum_underflow", "-99999999999999999999", LLONG_MIN,
	    LLONG_MAX, 0, "too small");
	number("strtonum_space", " 5", 0, 10, 5, NULL);
}

static void
test_reallocarray(void)
{
	volatile size_t huge = SIZE_MAX / 2;	/* unknown to the compiler */
	int *p = k_reallocarray(NULL, 10, sizeof(int)), *q;

	check("reallocarray_grows", p != NULL &&
	    (p = k_reallocarray(p, 1000, sizeof(int))) != NULL, "NULL");
	errno = 0;
	q = k_reallocarray(p, huge, sizeof(int));
	check("reallocarray_overflow", q == NULL && errno == ENOMEM,
	    "no ENOMEM");
	free(q == NULL ? p : q);
}

int
main(void)
{
	test_copies();
	test_searches();
	test_strings_h();
	test_strtonum();
	test_reallocarray();
	return failures != 0;
}
