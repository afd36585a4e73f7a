/* sys/time.h - struct timeval (from <time.h>), gettimeofday and utimes. */
#ifndef _SYS_TIME_H_
#define _SYS_TIME_H_

#include <sys/types.h>
#include <time.h>

struct timezone {
	int	tz_minuteswest;
	int	tz_dsttime;
};

int	gettimeofday(struct timeval *, struct timezone *);
int	utimes(const char *, const struct timeval *);

#endif
