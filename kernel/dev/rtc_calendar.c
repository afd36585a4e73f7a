/*
 * rtc_calendar.c - from the RTC's calendar fields to seconds since the
 * epoch (1970-01-01 00:00:00 UTC), without tables: the proleptic Gregorian
 * calendar counted in 400-year eras that start on 1 March, so that the leap
 * day is the last day of its year (tests/host/test_rtc_calendar.c checks it
 * against the host's timegm()).
 */
#include "kernel/dev/rtc.h"

int
rtc_bcd(int v)
{
	return (v >> 4) * 10 + (v & 0x0f);
}

/* Days from 1970-01-01 to year-month-day (month 1-12). */
static int64_t
days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	if (m <= 2)
		y--;				/* Jan, Feb: end of the previous year */
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;			/* 0..399 */
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;	/* from 1 March */
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;	/* 0..146096 */
	return era * 146097 + doe - 719468;	/* 719468: 0000-03-01 to 1970-01-01 */
}

static int
days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return days[m - 1] + (m == 2 && leap);
}

int64_t
rtc_to_epoch(const struct rtc_time *t)
{
	if (t->month < 1 || t->month > 12 || t->day < 1 ||
	    t->day > days_in_month(t->year, t->month) || t->hour < 0 ||
	    t->hour > 23 || t->min < 0 || t->min > 59 || t->sec < 0 ||
	    t->sec > 60)
		return -1;
	return days_from_civil(t->year, t->month, t->day) * 86400 +
	    t->hour * 3600 + t->min * 60 + t->sec;
}
