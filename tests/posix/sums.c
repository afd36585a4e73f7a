/*
 * sums.c - the numbers in a column, written only against POSIX: getline
 * reads the lines, strtod takes the number that starts each one (lines
 * without one are skipped), ftell remembers where the largest was and
 * fseek goes back to print it whole, fseek and ftell measure the file;
 * time says whether the clock is set. Without a file it sums a table of
 * its own, written to a tmpfile() first.
 *
 *	sums [file ...]
 *
 * tests/client/test_posix_progs.py runs it on the host and with `make
 * run-prog`; tests/client/test_shell.py runs it at Kestrel's prompt on a
 * file written there with >.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char table[] = "# readings\n12.5\n0.1\n-3e2 below zero\n"
    "0x1.8p3\n7\nnot a number\n1e3 kg\n  +42.25\n";

static int
sum(FILE *f, const char *name)
{
	char *line = NULL, *end;
	size_t cap = 0;
	long at, max_at = -1, bytes;
	double v, total = 0, max = 0;
	int count = 0;

	while (at = ftell(f), getline(&line, &cap, f) != -1) {
		errno = 0;
		v = strtod(line, &end);
		if (end == line || errno == ERANGE)
			continue;
		total += v;
		if (count++ == 0 || v > max) {
			max = v;
			max_at = at;
		}
	}
	printf("%s: %d numbers, sum %.10g, mean %.10g\n", name, count, total,
	    count > 0 ? total / count : 0.0);
	if (max_at >= 0 && fseek(f, max_at, SEEK_SET) == 0 &&
	    getline(&line, &cap, f) != -1)
		printf("%s: the largest, %g, at byte %ld: %s", name, max, max_at,
		    line);
	if (fseek(f, 0, SEEK_END) != 0 || (bytes = ftell(f)) < 0) {
		perror(name);
		free(line);
		return 1;
	}
	printf("%s: %ld bytes\n", name, bytes);
	free(line);
	return 0;
}

int
main(int argc, char **argv)
{
	time_t start = time(NULL);
	FILE *f;
	int i, status = 0;

	if (argc < 2) {
		if ((f = tmpfile()) == NULL || fputs(table, f) == EOF) {
			perror("tmpfile");
			return 1;
		}
		rewind(f);
		status |= sum(f, "table");
		fclose(f);
	}
	for (i = 1; i < argc; i++) {
		if ((f = fopen(argv[i], "r")) == NULL) {
			perror(argv[i]);
			status = 1;
			continue;
		}
		status |= sum(f, argv[i]);
		fclose(f);
	}
	/* 2020-09-13: a clock that says earlier was never set. */
	printf("clock %s\n", start > 1600000000 &&
	    difftime(time(NULL), start) >= 0 ? "set" : "not set");
	return status;
}
