// SOURCES: kernel/dev/rtc_calendar.c
/*
 * test_rtc_calendar.c - the RTC's calendar arithmetic against the host's
 * timegm(): every day from 1900 to 2200 at a few times of day, the leap
 * days of 1900, 2000 and 2100, BCD decoding, and dates the RTC could hold
 * but no calendar has (31 April, 29 February 2023, hour 24).
 */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "kernel/dev/rtc.h"
#include "check.h"

static int64_t
host(const struct rtc_time *t)
{
	struct tm tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = t->year - 1900;
	tm.tm_mon = t->month - 1;
	tm.tm_mday = t->day;
	tm.tm_hour = t->hour;
	tm.tm_min = t->min;
	tm.tm_sec = t->sec;
	return (int64_t)timegm(&tm);
}

static void
every_day(void)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	struct rtc_time t;
	char why[100] = "";
	int ok = 1, n = 0;

	for (t.year = 1900; ok && t.year <= 2200; t.year++)
		for (t.month = 1; ok && t.month <= 12; t.month++)
			for (t.day = 1; ok && t.day <= mdays[t.month - 1];
			    t.day++) {
				int leap = (t.year % 4 == 0 &&
				    t.year % 100 != 0) || t.year % 400 == 0;

				if (t.month == 2 && t.day == 29 && !leap)
					continue;
				t.hour = n % 24;
				t.min = (n * 7) % 60;
				t.sec = (n * 13) % 60;
				n++;
				if (rtc_to_epoch(&t) != host(&t)) {
					ok = 0;
					snprintf(why, sizeof(why),
					    "%04d-%02d-%02d: %lld, timegm %lld",
					    t.year, t.month, t.day,
					    (long long)rtc_to_epoch(&t),
					    (long long)host(&t));
				}
			}
	check("calendar.every_day_1900_2200", ok, why);
}

static void
invalid(void)
{
	struct rtc_time april31 = { 2024, 4, 31, 0, 0, 0 };
	struct rtc_time feb29 = { 2023, 2, 29, 0, 0, 0 };
	struct rtc_time leap2000 = { 2000, 2, 29, 12, 0, 0 };
	struct rtc_time no1900 = { 1900, 2, 29, 0, 0, 0 };
	struct rtc_time hour24 = { 2024, 1, 1, 24, 0, 0 };
	struct rtc_time month0 = { 2024, 0, 1, 0, 0, 0 };

	check("calendar.april_31", rtc_to_epoch(&april31) == -1, "accepted");
	check("calendar.feb_29_2023", rtc_to_epoch(&feb29) == -1, "accepted");
	check("calendar.feb_29_2000", rtc_to_epoch(&leap2000) == 951825600,
	    "wrong");
	check("calendar.feb_29_1900", rtc_to_epoch(&no1900) == -1, "accepted");
	check("calendar.hour_24", rtc_to_epoch(&hour24) == -1, "accepted");
	check("calendar.month_0", rtc_to_epoch(&month0) == -1, "accepted");
}

int
main(void)
{
	check("bcd", rtc_bcd(0x59) == 59 && rtc_bcd(0x00) == 0 &&
	    rtc_bcd(0x12) == 12 && rtc_bcd(0x99) == 99, "wrong digits");
	every_day();
	invalid();
	return failures != 0;
}
