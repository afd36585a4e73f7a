/*
 * tee - copy standard input to standard output and to files:
 * tee [-ai] [file ...]. -a appends instead of truncating, -i ignores
 * SIGINT. A file that cannot be opened or written is reported and the
 * copying goes on to the others; the exit status is then 1.
 */
#include <err.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define MAXFILES	32

struct out {
	int		fd;
	const char	*name;
};

/* Writes all of buf; returns -1 on an error. */
static int
write_all(int fd, const char *buf, ssize_t n)
{
	ssize_t w;

	for (; n > 0; buf += w, n -= w)
		if ((w = write(fd, buf, (size_t)n)) <= 0)
			return -1;
	return 0;
}

int
main(int argc, char *argv[])
{
	struct out outs[MAXFILES + 1];
	int ch, flags = O_WRONLY | O_CREAT | O_TRUNC, nout = 0, status = 0, i;
	static char buf[4096];
	ssize_t n;

	while ((ch = getopt(argc, argv, "ai")) != -1)
		switch (ch) {
		case 'a':
			flags = O_WRONLY | O_CREAT | O_APPEND;
			break;
		case 'i':
			signal(SIGINT, SIG_IGN);
			break;
		default:
			fprintf(stderr, "usage: tee [-ai] [file ...]\n");
			return 1;
		}
	outs[nout].fd = STDOUT_FILENO;
	outs[nout++].name = "stdout";
	for (i = optind; i < argc; i++) {
		if (nout > MAXFILES)
			errx(1, "too many files");
		if ((outs[nout].fd = open(argv[i], flags, 0666)) == -1) {
			warn("%s", argv[i]);
			status = 1;
			continue;
		}
		outs[nout++].name = argv[i];
	}
	while ((n = read(STDIN_FILENO, buf, sizeof(buf))) > 0)
		for (i = 0; i < nout; i++)
			if (outs[i].fd != -1 && write_all(outs[i].fd, buf, n) == -1) {
				warn("%s", outs[i].name);
				outs[i].fd = -1;
				status = 1;
			}
	if (n < 0) {
		warn("read");
		status = 1;
	}
	return status;
}
