/*
 * uniq - report or filter out repeated lines: uniq [-c | -d | -u] [-i]
 * [input [output]]. Adjacent equal lines are written once; -c puts the
 * count before each line, -d writes only the lines that were repeated, -u
 * only those that were not, -i compares without regard to case.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static int cflag, dflag, uflag, iflag;

static void
usage(void)
{
	fprintf(stderr, "usage: uniq [-c | -d | -u] [-i] [input [output]]\n");
	exit(1);
}

static void
emit(FILE *out, const char *line, unsigned long n)
{
	if ((dflag && n < 2) || (uflag && n > 1))
		return;
	if (cflag)
		fprintf(out, "%4lu %s", n, line);
	else
		fputs(line, out);
}

int
main(int argc, char *argv[])
{
	char *prev = NULL, *line = NULL, *tmp;
	size_t pcap = 0, lcap = 0, tcap;
	unsigned long n = 0;
	FILE *in = stdin, *out = stdout;
	int ch;

	while ((ch = getopt(argc, argv, "cdui")) != -1)
		switch (ch) {
		case 'c':
			cflag = 1;
			break;
		case 'd':
			dflag = 1;
			break;
		case 'u':
			uflag = 1;
			break;
		case 'i':
			iflag = 1;
			break;
		default:
			usage();
		}
	argc -= optind;
	argv += optind;
	if (argc > 2)
		usage();
	if (argc > 0 && strcmp(argv[0], "-") != 0 &&
	    (in = fopen(argv[0], "r")) == NULL)
		err(1, "%s", argv[0]);
	if (argc > 1 && (out = fopen(argv[1], "w")) == NULL)
		err(1, "%s", argv[1]);
	while (getline(&line, &lcap, in) != -1) {
		if (n > 0 && (iflag ? strcasecmp(line, prev) :
		    strcmp(line, prev)) == 0) {
			n++;
			continue;
		}
		if (n > 0)
			emit(out, prev, n);
		/* The line becomes the one to compare with; reuse the old buffer. */
		tmp = prev;
		prev = line;
		line = tmp;
		tcap = pcap;
		pcap = lcap;
		lcap = tcap;
		n = 1;
	}
	if (n > 0)
		emit(out, prev, n);
	if (ferror(in))
		err(1, "read");
	free(line);
	free(prev);
	return 0;
}
