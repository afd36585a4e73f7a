/*
 * hexdump - show the bytes of files: hexdump [-Cv] [-n length] [-s skip]
 * [file ...]
 *
 * Without -C, eight 16-bit little-endian words a line after a 7-digit hex
 * offset (FreeBSD's default); with -C, the canonical form: an 8-digit
 * offset, sixteen bytes in hex in two groups of eight, and the same bytes
 * as text between bars, '.' for those that do not print. A line equal to
 * the one before is shown as a single "*" (all of them with -v). The last
 * line holds the offset just past the end. The files are dumped as one
 * stream; -s skips bytes at its start, -n stops after length bytes.
 */
#include <ctype.h>
#include <err.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int canonical, verbose;

static void
usage(void)
{
	fprintf(stderr, "usage: hexdump [-Cv] [-n length] [-s skip] "
	    "[file ...]\n");
	exit(1);
}

static long long
number(const char *s)
{
	char *end;
	long long v = strtoll(s, &end, 0);

	if (*s == '\0' || *end != '\0' || v < 0)
		errx(1, "%s: bad number", s);
	return v;
}

static void
line(unsigned long long off, const unsigned char *b, int n)
{
	int i;

	if (!canonical) {
		printf("%07llx", off);
		for (i = 0; i < n; i += 2)
			printf(i + 1 < n ? " %02x%02x" : " %04x", i + 1 < n ?
			    b[i + 1] : b[i], b[i]);
		putchar('\n');
		return;
	}
	printf("%08llx ", off);
	for (i = 0; i < 16; i++) {
		if (i == 8)
			putchar(' ');
		if (i < n)
			printf(" %02x", b[i]);
		else
			printf("   ");
	}
	printf("  |");
	for (i = 0; i < n; i++)
		putchar(isprint(b[i]) ? b[i] : '.');
	printf("|\n");
}

/* The files as one stream of bytes (stdin if there are none); EOF at the end. */
static char **files;
static int nfiles, status;

static int
next_byte(void)
{
	static unsigned char buf[4096];
	static int fd = -1, pos, len, started;
	ssize_t r;

	while (pos == len) {
		if (fd == -1) {
			if (started && nfiles == 0)
				return EOF;
			if (!started && nfiles == 0)
				fd = STDIN_FILENO;
			else if ((fd = open(*files, O_RDONLY)) == -1) {
				warn("%s", *files);
				status = 1;
			}
			started = 1;
			if (nfiles > 0) {
				files++;
				nfiles--;
			}
			if (fd == -1)
				continue;
		}
		if ((r = read(fd, buf, sizeof(buf))) <= 0) {
			if (r < 0) {
				warn("read");
				status = 1;
			}
			if (fd != STDIN_FILENO)
				close(fd);
			fd = -1;
			continue;
		}
		pos = 0;
		len = (int)r;
	}
	return buf[pos++];
}

int
main(int argc, char *argv[])
{
	unsigned char cur[16], prev[16];
	long long skip = 0, length = -1;
	unsigned long long off = 0;
	int ch, c = 0, n, starred = 0, have_prev = 0;

	while ((ch = getopt(argc, argv, "Cvn:s:")) != -1)
		switch (ch) {
		case 'C':
			canonical = 1;
			break;
		case 'v':
			verbose = 1;
			break;
		case 'n':
			length = number(optarg);
			break;
		case 's':
			skip = number(optarg);
			break;
		default:
			usage();
		}
	files = argv + optind;
	nfiles = argc - optind;
	for (; off < (unsigned long long)skip && next_byte() != EOF; off++)
		;
	while (c != EOF && length != 0) {
		for (n = 0; n < 16 && length != 0 && (c = next_byte()) != EOF;
		    n++, length--)
			cur[n] = (unsigned char)c;
		if (n == 0)
			break;
		if (!verbose && have_prev && n == 16 &&
		    memcmp(cur, prev, 16) == 0) {
			if (!starred)
				printf("*\n");
			starred = 1;
		} else {
			line(off, cur, n);
			starred = 0;
		}
		memcpy(prev, cur, 16);
		have_prev = n == 16;
		off += (unsigned long long)n;
	}
	if (off > (unsigned long long)skip)
		printf(canonical ? "%08llx\n" : "%07llx\n", off);
	return status;
}
