/*
 * date - show the date and time: date [-u] [-r seconds] [+format]
 *
 * The time is the system's real-time clock (clock_gettime with
 * CLOCK_REALTIME), or with -r the given number of seconds since the
 * epoch, shown in UTC (Kestrel's only time zone, so -u changes nothing)
 * with strftime's format; the default is FreeBSD's "%a %b %e %H:%M:%S %Z
 * %Y". Setting the clock is not possible: the kernel has no call for it.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static void
usage(void)
{
	fprintf(stderr, "usage: date [-u] [-r seconds] [+format]\n");
	exit(1);
}

int
main(int argc, char *argv[])
{
	const char *fmt = "%a %b %e %H:%M:%S %Z %Y";
	struct timespec ts;
	char buf[1024], *end;
	struct tm tm;
	time_t t;
	long long secs;
	int ch, have_r = 0;

	while ((ch = getopt(argc, argv, "ur:")) != -1)
		switch (ch) {
		case 'u':
			break;
		case 'r':
			errno = 0;
			secs = strtoll(optarg, &end, 0);
			if (*optarg == '\0' || *end != '\0' || errno != 0 ||
			    secs != (time_t)secs)
				errx(1, "%s: invalid time", optarg);
			t = (time_t)secs;
			have_r = 1;
			break;
		default:
			usage();
		}
	argc -= optind;
	argv += optind;
	if (argc > 1)
		usage();
	if (argc == 1) {
		if (argv[0][0] != '+')
			errx(1, "cannot set the date: the kernel has no call for "
			    "it");
		fmt = argv[0] + 1;
	}
	if (!have_r) {
		if (clock_gettime(CLOCK_REALTIME, &ts) == -1)
			err(1, "clock_gettime");
		t = ts.tv_sec;
	}
	gmtime_r(&t, &tm);
	if (strftime(buf, sizeof(buf), fmt, &tm) == 0 && fmt[0] != '\0')
		errx(1, "the format gives too long a result");
	printf("%s\n", buf);
	return 0;
}
