/*
 * head - the first lines or bytes of files: head [-n count | -c bytes]
 * [file ...]. The default is 10 lines; the old form "head -5" is "-n 5". With several files each is
 * introduced by "==> name <==" and separated from the one before by an
 * empty line.
 */
#include <ctype.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void
usage(void)
{
	fprintf(stderr, "usage: head [-n lines | -c bytes] [file ...]\n");
	exit(1);
}

static long
number(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || n < 0)
		errx(1, "illegal count -- %s", s);
	return n;
}

/* Copies the first n lines (or bytes) of f to stdout. */
static void
head(FILE *f, long n, int bytes)
{
	int c;

	while (n > 0 && (c = getc(f)) != EOF) {
		putchar(c);
		if (bytes || c == '\n')
			n--;
	}
}

int
main(int argc, char *argv[])
{
	long n = 10;
	int ch, bytes = 0, status = 0, i;
	FILE *f;

	if (argc > 1 && argv[1][0] == '-' && isdigit((unsigned char)argv[1][1])) {
		n = number(argv[1] + 1);
		argc--;
		argv++;
	}
	while ((ch = getopt(argc, argv, "n:c:")) != -1)
		switch (ch) {
		case 'n':
			n = number(optarg);
			bytes = 0;
			break;
		case 'c':
			n = number(optarg);
			bytes = 1;
			break;
		default:
			usage();
		}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		head(stdin, n, bytes);
		return 0;
	}
	for (i = 0; i < argc; i++) {
		if ((f = fopen(argv[i], "r")) == NULL) {
			warn("%s", argv[i]);
			status = 1;
			continue;
		}
		if (argc > 1)
			printf("%s==> %s <==\n", i > 0 ? "\n" : "", argv[i]);
		head(f, n, bytes);
		fclose(f);
	}
	return status;
}
