/*
 * rtc.h - the CMOS real-time clock: the wall-clock time that CLOCK_REALTIME,
 * time() and file times are.
 */
#ifndef KERNEL_DEV_RTC_H
#define KERNEL_DEV_RTC_H

#include <stdint.h>

/* A calendar date and time as the RTC keeps it (UTC on a PC running Kestrel). */
struct rtc_time {
	int	year;		/* e.g. 2024 */
	int	month;		/* 1-12 */
	int	day;		/* 1-31 */
	int	hour;		/* 0-23 */
	int	min;
	int	sec;
};

void		rtc_init(void);
uint64_t	realtime_ns(void);	/* nanoseconds since 1970-01-01 00:00 UTC */
uint32_t	realtime_sec(void);
const char	*rtc_selftest(void);	/* NULL, or how far the uptime's rate is off */

/* kernel/dev/rtc_calendar.c: the pure part, shared with the host tests. */
int		rtc_bcd(int v);			/* 0x59 -> 59 */
int64_t		rtc_to_epoch(const struct rtc_time *t);	/* -1 if invalid */

#endif
