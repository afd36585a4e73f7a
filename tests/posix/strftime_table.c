/*
 * strftime_table.c - calendar arithmetic written only against POSIX:
 * localtime (with TZ=UTC, so the zone is called "UTC" everywhere), mktime
 * on fields out of range, and strftime with every conversion of C and
 * POSIX, for dates from 1901 to 2038 (the range of a 32-bit time_t).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const formats[] = {
	"%a %A %b %B %h", "%c", "%C %y %Y %G %g", "%d %e %j", "%D %F %T %R",
	"%H %I %M %S %p", "%m %n %t|", "%u %w %U %V %W", "%x %X", "%z %Z",
	"%r", "%%",
};

static const long long times[] = {
	0, 1, -1, 86399, 951782400, 978307200, 1000000000, 1230768000,
	1293753600, 1609459199, 1700000000, 2147483647, -2147483647 - 1,
};

int
main(void)
{
	char buf[256];
	struct tm tm;
	time_t t;
	unsigned i, k;

	setenv("TZ", "UTC", 1);
	tzset();
	for (i = 0; i < sizeof(times) / sizeof(times[0]); i++) {
		t = (time_t)times[i];
		tm = *localtime(&t);
		printf("%lld:\n", times[i]);
		for (k = 0; k < sizeof(formats) / sizeof(formats[0]); k++) {
			strftime(buf, sizeof(buf), formats[k], &tm);
			printf("  %-16s %s\n", formats[k], buf);
		}
		printf("  asctime          %s", asctime(localtime(&t)));
	}
	/* mktime normalises: the 0th of March, minute 90, month 14. */
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = 100;
	tm.tm_mon = 2;
	tm.tm_mday = 0;
	tm.tm_min = 90;
	t = mktime(&tm);
	strftime(buf, sizeof(buf), "%F %T %a yday %j", &tm);
	printf("mktime: %lld %s\n", (long long)t, buf);
	tm.tm_mon = 14;
	tm.tm_mday = 31;
	t = mktime(&tm);
	strftime(buf, sizeof(buf), "%F %T %a", &tm);
	printf("mktime: %lld %s\n", (long long)t, buf);
	return 0;
}
