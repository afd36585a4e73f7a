// SOURCES: user/libc/gmtime.c user/libc/strftime.c
// CFLAGS: -fno-builtin -Dgmtime=k_gmtime -Dgmtime_r=k_gmtime_r -Dlocaltime=k_localtime -Dlocaltime_r=k_localtime_r -Dmktime=k_mktime -Dtimegm=k_timegm -Ddifftime=k_difftime -Dtzset=k_tzset -Dtzname=k_tzname -Dstrftime=k_strftime -Dasctime=k_asctime -Dasctime_r=k_asctime_r -Dctime=k_ctime -Dctime_r=k_ctime_r
/*
 * test_libc_time.c - the calendar functions of user/libc (renamed k_*)
 * against glibc's with TZ=UTC (Kestrel's local time is UTC): gmtime and
 * localtime over the whole 32-bit time_t range and its edges, mktime and
 * timegm on out-of-range fields that must be normalised, every strftime
 * conversion, asctime and ctime.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#undef gmtime_r
#undef mktime
#undef strftime
#undef asctime_r
#undef ctime_r
#undef tzset
struct tm	*gmtime_r(const time_t *, struct tm *);
time_t	mktime(struct tm *);
size_t	strftime(char *, size_t, const char *, const struct tm *);
char	*asctime_r(const struct tm *, char *);
char	*ctime_r(const time_t *, char *);
void	tzset(void);

static int failures;

static uint64_t rng = 0x2545f4914f6cdd1dULL;

static uint64_t
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* The fields C defines (tm_zone differs: "UTC" here, "GMT" in glibc). */
static int
same_tm(const struct tm *a, const struct tm *b)
{
	return a->tm_sec == b->tm_sec && a->tm_min == b->tm_min &&
	    a->tm_hour == b->tm_hour && a->tm_mday == b->tm_mday &&
	    a->tm_mon == b->tm_mon && a->tm_year == b->tm_year &&
	    a->tm_wday == b->tm_wday && a->tm_yday == b->tm_yday &&
	    a->tm_isdst == b->tm_isdst && a->tm_gmtoff == b->tm_gmtoff;
}

static void
test_gmtime(void)
{
	static const int64_t edges[] = { 0, -1, 1, 86399, 86400, -86400,
		INT32_MIN, INT32_MAX, 951782400, 951868800, 946684799,
		978307200, 1078012800, -2208988800LL + 86400 * 366 };
	struct tm a, b, c;
	time_t t;
	unsigned i;
	int bad = 0;

	for (i = 0; i < 200000 && !bad; i++) {
		t = i < sizeof(edges) / sizeof(edges[0]) ? (time_t)edges[i] :
		    (time_t)(int32_t)next();
		k_gmtime_r(&t, &a);
		k_localtime_r(&t, &c);
		gmtime_r(&t, &b);
		if (!same_tm(&a, &b) || !same_tm(&c, &b) ||
		    strcmp(a.tm_zone, "UTC") != 0) {
			printf("FAIL time_gmtime: %lld: %d-%d-%d %d:%d:%d wday %d "
			    "yday %d, host %d-%d-%d %d:%d:%d wday %d yday %d\n",
			    (long long)t, a.tm_year, a.tm_mon, a.tm_mday,
			    a.tm_hour, a.tm_min, a.tm_sec, a.tm_wday, a.tm_yday,
			    b.tm_year, b.tm_mon, b.tm_mday, b.tm_hour, b.tm_min,
			    b.tm_sec, b.tm_wday, b.tm_yday);
			bad = 1;
		}
	}
	failures += bad;
	if (!bad)
		printf("PASS time_gmtime\n");
}

static int
rand_range(int lo, int hi)
{
	return lo + (int)(next() % (uint64_t)(hi - lo + 1));
}

static void
test_mktime(void)
{
	struct tm a, b;
	time_t ta, tb;
	int i, bad = 0, overflow = 0, err;

	for (i = 0; i < 100000 && !bad; i++) {
		memset(&a, 0, sizeof(a));
		a.tm_year = rand_range(1, 137);
		a.tm_mon = rand_range(-30, 40);
		a.tm_mday = rand_range(-60, 90);
		a.tm_hour = rand_range(-40, 60);
		a.tm_min = rand_range(-100, 160);
		a.tm_sec = rand_range(-200, 260);
		b = a;
		errno = 0;
		ta = i % 2 ? k_mktime(&a) : k_timegm(&a);
		err = errno;
		tb = mktime(&b);
		if (tb < INT32_MIN || tb > INT32_MAX) {
			/* Beyond a 32-bit time_t: Kestrel must say so. */
			if (ta != -1 || err != EOVERFLOW)
				bad = 1;
			overflow++;
		} else if (ta != tb || !same_tm(&a, &b))
			bad = 1;
		if (bad)
			printf("FAIL time_mktime: got %lld (%d-%d-%d %d:%d:%d), "
			    "host %lld (%d-%d-%d %d:%d:%d)\n", (long long)ta,
			    a.tm_year, a.tm_mon, a.tm_mday, a.tm_hour, a.tm_min,
			    a.tm_sec, (long long)tb, b.tm_year, b.tm_mon,
			    b.tm_mday, b.tm_hour, b.tm_min, b.tm_sec);
	}
	if (!bad && overflow == 0) {
		printf("FAIL time_mktime: no case beyond 2038 was tried\n");
		bad = 1;
	}
	failures += bad;
	if (!bad)
		printf("PASS time_mktime\n");
}

static void
test_strftime(void)
{
	static const char convs[] = "aAbBcCdDeFgGhHIjklmMnpPrRsStTuUVwWxXyYzZ%";
	static const int64_t times[] = { 0, 1, 951782400, 1230768000,
		1293753600, 1104537600, 1136073600, 1609459199, INT32_MAX,
		INT32_MIN, -1, 1700000000 };
	char fmt[8], b1[128], b2[128];
	size_t n1, n2;
	struct tm tm;
	time_t t;
	unsigned i, k;
	int bad = 0;

	for (i = 0; i < sizeof(times) / sizeof(times[0]) + 2000 && !bad; i++) {
		t = i < sizeof(times) / sizeof(times[0]) ? (time_t)times[i] :
		    (time_t)(int32_t)next();
		k_gmtime_r(&t, &tm);
		for (k = 0; convs[k] != '\0' && !bad; k++) {
			snprintf(fmt, sizeof(fmt), "<%%%c>", convs[k]);
			n1 = k_strftime(b1, sizeof(b1), fmt, &tm);
			n2 = strftime(b2, sizeof(b2), fmt, &tm);
			if (n1 != n2 || strcmp(b1, b2) != 0) {
				printf("FAIL time_strftime: %s at %lld: \"%s\", "
				    "host \"%s\"\n", fmt, (long long)t, b1, b2);
				bad = 1;
			}
		}
	}
	/* Too small a buffer gives 0; %E and %O are accepted. */
	t = 0;
	k_gmtime_r(&t, &tm);
	if (k_strftime(b1, 5, "%Y-%m", &tm) != 0 ||
	    k_strftime(b1, sizeof(b1), "%Ey %OH", &tm) != 5 ||
	    strcmp(b1, "70 00") != 0) {
		printf("FAIL time_strftime: short buffer or %%E/%%O\n");
		bad = 1;
	}
	failures += bad;
	if (!bad)
		printf("PASS time_strftime\n");
}

static void
test_asctime(void)
{
	char b1[32], b2[32];
	struct tm tm;
	time_t t;
	int i, bad = 0;

	for (i = 0; i < 1000 && !bad; i++) {
		t = (time_t)(int32_t)next();
		k_gmtime_r(&t, &tm);
		k_asctime_r(&tm, b1);
		asctime_r(&tm, b2);
		if (strcmp(b1, b2) != 0 || strcmp(k_ctime_r(&t, b1),
		    ctime_r(&t, b2)) != 0) {
			printf("FAIL time_asctime: \"%s\", host \"%s\"\n", b1, b2);
			bad = 1;
		}
	}
	if (k_difftime(10, 4) != 6.0) {
		printf("FAIL time_asctime: difftime\n");
		bad = 1;
	}
	failures += bad;
	if (!bad)
		printf("PASS time_asctime\n");
}

int
main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	test_gmtime();
	test_mktime();
	test_strftime();
	test_asctime();
	return failures != 0;
}
