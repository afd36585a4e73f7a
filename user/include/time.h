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

#ifndef _KERNEL
int	clock_gettime(clockid_t, struct timespec *);
int	nanosleep(const struct timespec *, struct timespec *);
time_t	time(time_t *);
#endif

#endif
