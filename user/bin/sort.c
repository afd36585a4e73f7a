/*
 * sort - sort lines of text: sort [-fnru] [-k field] [-t char] [-o output]
 * [file ...]. Lines compare bytewise; -f folds lower case to upper, -n
 * compares the numbers at the start of the key (an optional '-', digits,
 * a decimal point; no number counts as zero), -r reverses, -u keeps one
 * line of each run of equal keys. -k N sorts on field N to the end of the
 * line, fields being separated by -t's character or else by the blanks
 * before them. Lines with equal keys fall back to a comparison of whole
 * lines (POSIX's last resort), except with -u. The input is read whole
 * into memory.
 */
#include <ctype.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static int fflag, nflag, rflag, uflag, field, sep = -1;

static void
usage(void)
{
	fprintf(stderr, "usage: sort [-fnru] [-k field] [-t char] [-o output] "
	    "[file ...]\n");
	exit(2);
}

/* Where the key of line starts (the whole line without -k). */
static const char *
key(const char *line)
{
	const char *p = line;
	int f;

	for (f = 1; f < field && *p != '\0'; f++) {
		if (sep >= 0) {
			while (*p != '\0' && *p != sep)
				p++;
			if (*p != '\0')
				p++;
		} else {
			while (isblank((unsigned char)*p))
				p++;
			while (*p != '\0' && !isblank((unsigned char)*p))
				p++;
		}
	}
	return p;
}

static int
compare_keys(const char *a, const char *b)
{
	double x, y;

	if (nflag) {
		x = strtod(a, NULL);
		y = strtod(b, NULL);
		return x < y ? -1 : x > y;
	}
	return fflag ? strcasecmp(a, b) : strcmp(a, b);
}

static int
compare(const void *pa, const void *pb)
{
	const char *a = *(char *const *)pa, *b = *(char *const *)pb;
	int r = compare_keys(key(a), key(b));

	if (r == 0 && !uflag)
		r = strcmp(a, b);
	return rflag ? -r : r;
}

/* Adds every line of f (without its newline) to *lines. */
static void
read_lines(FILE *f, char ***lines, size_t *n, size_t *cap)
{
	char *line = NULL, **grown;
	size_t lcap = 0;
	ssize_t len;

	while ((len = getline(&line, &lcap, f)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			line[len - 1] = '\0';
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 256;
			if ((grown = realloc(*lines, *cap * sizeof(char *))) == NULL)
				err(2, "realloc");
			*lines = grown;
		}
		if (((*lines)[(*n)++] = strdup(line)) == NULL)
			err(2, "strdup");
	}
	free(line);
}

int
main(int argc, char *argv[])
{
	char **lines = NULL, *end;
	size_t n = 0, cap = 0, i;
	const char *output = NULL;
	FILE *f, *out = stdout;
	int ch, status = 0;

	while ((ch = getopt(argc, argv, "fnruk:t:o:")) != -1)
		switch (ch) {
		case 'f':
			fflag = 1;
			break;
		case 'n':
			nflag = 1;
			break;
		case 'r':
			rflag = 1;
			break;
		case 'u':
			uflag = 1;
			break;
		case 'k':
			field = (int)strtol(optarg, &end, 10);
			if (field < 1 || (*end != '\0' && *end != ','))
				errx(2, "invalid field: %s", optarg);
			break;
		case 't':
			if (optarg[0] == '\0' || optarg[1] != '\0')
				errx(2, "the separator must be one character");
			sep = (unsigned char)optarg[0];
			break;
		case 'o':
			output = optarg;
			break;
		default:
			usage();
		}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		read_lines(stdin, &lines, &n, &cap);
	for (; argc > 0; argc--, argv++) {
		if (strcmp(argv[0], "-") == 0)
			f = stdin;
		else if ((f = fopen(argv[0], "r")) == NULL) {
			warn("%s", argv[0]);
			status = 2;
			continue;
		}
		read_lines(f, &lines, &n, &cap);
		if (f != stdin)
			fclose(f);
	}
	if (n > 0)
		qsort(lines, n, sizeof(char *), compare);
	/* Only now: "sort -o f f" must read f before it is rewritten. */
	if (output != NULL && (out = fopen(output, "w")) == NULL)
		err(2, "%s", output);
	for (i = 0; i < n; i++) {
		if (!uflag || i == 0 || compare_keys(key(lines[i - 1]),
		    key(lines[i])) != 0)
			fprintf(out, "%s\n", lines[i]);
	}
	return status;
}
