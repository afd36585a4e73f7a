/*
 * gmtime.c - calendar time: gmtime, localtime, mktime, timegm, difftime.
 *
 * Kestrel keeps its clock in UTC and has no time zone database, so local
 * time is UTC: localtime is gmtime, mktime is timegm, tm_zone is "UTC" and
 * there is no daylight saving time. The conversions count days from
 * 1970-01-01 with the Gregorian leap rule; time_t is 32 bits on i386, so
 * the years run from December 1901 to January 2038, and mktime says
 * EOVERFLOW outside them.
 */
#include <errno.h>
#include <stdint.h>
#include <time.h>

#define SECS_PER_DAY	86400
#define EPOCH_WDAY	4	/* 1970-01-01 was a Thursday */

char *tzname[2] = { "UTC", "UTC" };

static const short days_before_month[2][13] = {
	{ 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365 },
	{ 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366 },
};

static int
is_leap(long long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* a / b and a mod b rounded towards minus infinity (b > 0). */
static long long
floordiv(long long a, long long b)
{
	return a / b - (a % b < 0);
}

static long long
floormod(long long a, long long b)
{
	return a - floordiv(a, b) * b;
}

/* Days from 1970-01-01 to January 1st of year y. */
static long long
days_before_year(long long y)
{
	long long p = y - 1;

	return 365 * (y - 1970) + floordiv(p, 4) - floordiv(p, 100) +
	    floordiv(p, 400) - (492 - 19 + 4);	/* the leap days before 1970 */
}

struct tm *
gmtime_r(const time_t *__restrict t, struct tm *__restrict tm)
{
	long long days = floordiv(*t, SECS_PER_DAY), y;
	int secs = (int)floormod(*t, SECS_PER_DAY), yday, leap, m;

	y = 1970 + floordiv(days, 365);
	while (days_before_year(y) > days)
		y--;
	while (days_before_year(y + 1) <= days)
		y++;
	yday = (int)(days - days_before_year(y));
	leap = is_leap(y);
	for (m = 0; days_before_month[leap][m + 1] <= yday; m++)
		;
	tm->tm_year = (int)(y - 1900);
	tm->tm_mon = m;
	tm->tm_mday = yday - days_before_month[leap][m] + 1;
	tm->tm_yday = yday;
	tm->tm_wday = (int)floormod(days + EPOCH_WDAY, 7);
	tm->tm_hour = secs / 3600;
	tm->tm_min = secs / 60 % 60;
	tm->tm_sec = secs % 60;
	tm->tm_isdst = 0;
	tm->tm_gmtoff = 0;
	tm->tm_zone = "UTC";
	return tm;
}

struct tm *
gmtime(const time_t *t)
{
	static struct tm tm;

	return gmtime_r(t, &tm);
}

struct tm *
localtime_r(const time_t *__restrict t, struct tm *__restrict tm)
{
	return gmtime_r(t, tm);
}

struct tm *
localtime(const time_t *t)
{
	return gmtime(t);
}

/*
 * The time tm stands for, its fields normalised first (the 32nd of January
 * is the 1st of February, second 60 the next minute); tm is rewritten with
 * the normalised values, wday and yday. -1 with EOVERFLOW if the time does
 * not fit in time_t.
 */
time_t
timegm(struct tm *tm)
{
	long long y, mon, days, secs;
	time_t t;

	mon = tm->tm_mon;
	y = 1900LL + tm->tm_year + floordiv(mon, 12);
	mon = floormod(mon, 12);
	if (y < 1800 || y > 2200) {	/* far outside time_t: no arithmetic */
		errno = EOVERFLOW;
		return -1;
	}
	days = days_before_year(y) + days_before_month[is_leap(y)][mon] +
	    tm->tm_mday - 1;
	secs = days * SECS_PER_DAY + tm->tm_hour * 3600LL + tm->tm_min * 60LL +
	    tm->tm_sec;
	if (secs < INT32_MIN || secs > INT32_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	t = (time_t)secs;
	gmtime_r(&t, tm);
	return t;
}

time_t
mktime(struct tm *tm)
{
	return timegm(tm);
}

double
difftime(time_t a, time_t b)
{
	return (double)a - (double)b;
}

/* There is only UTC: nothing to read. */
void
tzset(void)
{
}
