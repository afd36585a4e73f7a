/*
 * touch - make files exist and set their times to now: touch [-acm]
 * [-r file] file .... A missing file is created empty (unless -c); -a and
 * -m change only the access or the modification time; -r takes the times
 * of another file instead of now.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

static void
to_timeval(const struct timespec *ts, struct timeval *tv)
{
	tv->tv_sec = ts->tv_sec;
	tv->tv_usec = ts->tv_nsec / 1000;
}

int
main(int argc, char *argv[])
{
	int ch, aflag = 0, mflag = 0, cflag = 0, status = 0, fd, i;
	struct timeval tv[2];
	const char *ref = NULL;
	struct stat st;

	while ((ch = getopt(argc, argv, "acmr:")) != -1)
		switch (ch) {
		case 'a':
			aflag = 1;
			break;
		case 'c':
			cflag = 1;
			break;
		case 'm':
			mflag = 1;
			break;
		case 'r':
			ref = optarg;
			break;
		default:
			fprintf(stderr, "usage: touch [-acm] [-r file] file ...\n");
			return 1;
		}
	if (optind == argc) {
		fprintf(stderr, "usage: touch [-acm] [-r file] file ...\n");
		return 1;
	}
	if (!aflag && !mflag)
		aflag = mflag = 1;
	gettimeofday(&tv[0], NULL);
	tv[1] = tv[0];
	if (ref != NULL) {
		if (stat(ref, &st) == -1)
			err(1, "%s", ref);
		to_timeval(&st.st_atim, &tv[0]);
		to_timeval(&st.st_mtim, &tv[1]);
	}
	for (i = optind; i < argc; i++) {
		struct timeval t[2] = { tv[0], tv[1] };

		if (stat(argv[i], &st) == -1) {
			if (errno != ENOENT || cflag) {
				if (!cflag)
					warn("%s", argv[i]);
				status = !cflag;
				continue;
			}
			if ((fd = open(argv[i], O_WRONLY | O_CREAT, 0666)) == -1) {
				warn("%s", argv[i]);
				status = 1;
				continue;
			}
			close(fd);
			if (ref == NULL)
				continue;	/* new: its times are now already */
			stat(argv[i], &st);
		}
		if (!aflag)
			to_timeval(&st.st_atim, &t[0]);
		if (!mflag)
			to_timeval(&st.st_mtim, &t[1]);
		if (utimes(argv[i], t) == -1) {
			warn("%s", argv[i]);
			status = 1;
		}
	}
	return status;
}
