/* sleep - wait for a number of seconds, which may have a fraction ("0.5"). */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <time.h>

/* Parses "S", "S.F" or ".F" into ts; returns -1 if s is not such a number. */
static int
parse(const char *s, struct timespec *ts)
{
	long scale = 100000000;

	ts->tv_sec = 0;
	ts->tv_nsec = 0;
	if (*s == '\0')
		return -1;
	for (; isdigit((unsigned char)*s); s++) {
		if (ts->tv_sec > 100000000)
			return -1;
		ts->tv_sec = ts->tv_sec * 10 + (*s - '0');
	}
	if (*s == '.')
		for (s++; isdigit((unsigned char)*s); s++, scale /= 10)
			ts->tv_nsec += (*s - '0') * scale;
	return *s == '\0' ? 0 : -1;
}

int
main(int argc, char *argv[])
{
	struct timespec ts;

	if (argc != 2 || parse(argv[1], &ts) == -1) {
		fprintf(stderr, "usage: sleep seconds\n");
		return 1;
	}
	while (nanosleep(&ts, &ts) == -1)
		if (errno != EINTR)
			return 1;
	return 0;
}
