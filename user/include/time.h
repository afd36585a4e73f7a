/* time.h - time values and clocks. */
#ifndef _TIME_H_
#define _TIME_H_

#include <sys/types.h>

struct timespec {
	time_t	tv_sec;
	long	tv_nsec;
};

struct timeval {
	time_t		tv_sec;
	suseconds_t	tv_usec;
};

#define CLOCK_REALTIME	0
#define CLOCK_MONOTONIC	4

/* Broken-down time, FreeBSD's layout (tm_gmtoff and tm_zone included). */
struct tm {
	int	tm_sec;		/* seconds after the minute [0-60] */
	int	tm_min;		/* minutes after the hour [0-59] */
	int	tm_hour;	/* hours since midnight [0-23] */
	int	tm_mday;	/* day of the month [1-31] */
	int	tm_mon;		/* months since January [0-11] */
	int	tm_year;	/* years since 1900 */
	int	tm_wday;	/* days since Sunday [0-6] */
	int	tm_yday;	/* days since January 1 [0-365] */
	int	tm_isdst;	/* Daylight Savings Time flag */
	long	tm_gmtoff;	/* offset from UTC in seconds */
	char	*tm_zone;	/* time zone abbreviation */
};

#ifndef _KERNEL
extern char *tzname[2];

int	clock_gettime(clockid_t, struct timespec *);
int	nanosleep(const struct timespec *, struct timespec *);
time_t	time(time_t *);

/* Kestrel's local time is UTC (see gmtime.c). */
struct tm	*gmtime(const time_t *);
struct tm	*gmtime_r(const time_t *__restrict, struct tm *__restrict);
struct tm	*localtime(const time_t *);
struct tm	*localtime_r(const time_t *__restrict, struct tm *__restrict);
time_t	mktime(struct tm *);
time_t	timegm(struct tm *);
double	difftime(time_t, time_t);
void	tzset(void);
size_t	strftime(char *__restrict, size_t, const char *__restrict,
	    const struct tm *__restrict);
char	*asctime(const struct tm *);
char	*asctime_r(const struct tm *__restrict, char *__restrict);
char	*ctime(const time_t *);
char	*ctime_r(const time_t *, char *);
#endif

#endif
