/* time.c - time, gettimeofday, sleep and usleep, on clock_gettime and nanosleep. */
#include <sys/time.h>
#include <errno.h>
#include <limits.h>
#include <time.h>
#include <unistd.h>

time_t
time(time_t *t)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_REALTIME, &ts) == -1)
		return -1;
	if (t != NULL)
		*t = ts.tv_sec;
	return ts.tv_sec;
}

int
gettimeofday(struct timeval *tv, struct timezone *tz)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_REALTIME, &ts) == -1)
		return -1;
	tv->tv_sec = ts.tv_sec;
	tv->tv_usec = ts.tv_nsec / 1000;
	if (tz != NULL)
		tz->tz_minuteswest = tz->tz_dsttime = 0;
	return 0;
}

/*
 * Returns the seconds not slept when a signal cut the sleep short. time_t
 * is 32 bits: more than INT_MAX seconds are slept in two goes.
 */
unsigned
sleep(unsigned seconds)
{
	struct timespec req = { 0, 0 }, rem;
	unsigned later = 0;

	if (seconds > INT_MAX) {
		later = seconds - INT_MAX;
		seconds = INT_MAX;
	}
	req.tv_sec = (time_t)seconds;
	if (nanosleep(&req, &rem) == -1 && errno == EINTR)
		return rem.tv_sec + (rem.tv_nsec > 0) + later;
	return later != 0 ? sleep(later) : 0;
}

int
usleep(useconds_t usec)
{
	struct timespec req = { (time_t)(usec / 1000000),
	    (long)(usec % 1000000) * 1000 };

	return nanosleep(&req, NULL);
}
