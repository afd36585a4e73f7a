/*
 * wc - count lines, words and bytes: wc [-clmw] [file ...]
 *
 * With no option, lines, words and bytes; the counts come in that order
 * whatever the order of the options, each right-aligned in 8 columns as
 * FreeBSD prints them, then the file name, and a "total" line for more
 * than one file. -m counts characters, which in Kestrel's C locale are
 * bytes. A word is a run of characters between white space.
 */
#include <ctype.h>
#include <err.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

struct counts {
	unsigned long long	lines, words, bytes;
};

static int do_lines, do_words, do_bytes;

/* Counts what fd holds; returns -1 after a read error. */
static int
count(int fd, struct counts *c)
{
	static char buf[4096];
	int in_word = 0;
	ssize_t n, i;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		c->bytes += (unsigned long long)n;
		for (i = 0; i < n; i++) {
			if (buf[i] == '\n')
				c->lines++;
			if (isspace((unsigned char)buf[i]))
				in_word = 0;
			else if (!in_word) {
				in_word = 1;
				c->words++;
			}
		}
	}
	return n < 0 ? -1 : 0;
}

static void
show(const struct counts *c, const char *name)
{
	if (do_lines)
		printf(" %7llu", c->lines);
	if (do_words)
		printf(" %7llu", c->words);
	if (do_bytes)
		printf(" %7llu", c->bytes);
	if (name != NULL)
		printf(" %s", name);
	putchar('\n');
}

int
main(int argc, char *argv[])
{
	struct counts c, total = { 0, 0, 0 };
	int ch, fd, status = 0, i;

	while ((ch = getopt(argc, argv, "clmw")) != -1)
		switch (ch) {
		case 'l':
			do_lines = 1;
			break;
		case 'w':
			do_words = 1;
			break;
		case 'c':
		case 'm':
			do_bytes = 1;
			break;
		default:
			fprintf(stderr, "usage: wc [-clmw] [file ...]\n");
			return 1;
		}
	argc -= optind;
	argv += optind;
	if (!do_lines && !do_words && !do_bytes)
		do_lines = do_words = do_bytes = 1;
	if (argc == 0) {
		c = total;
		if (count(STDIN_FILENO, &c) == -1)
			err(1, "stdin");
		show(&c, NULL);
		return 0;
	}
	for (i = 0; i < argc; i++) {
		if ((fd = open(argv[i], O_RDONLY)) == -1) {
			warn("%s", argv[i]);
			status = 1;
			continue;
		}
		c.lines = c.words = c.bytes = 0;
		if (count(fd, &c) == -1) {
			warn("%s", argv[i]);
			status = 1;
		}
		close(fd);
		show(&c, argv[i]);
		total.lines += c.lines;
		total.words += c.words;
		total.bytes += c.bytes;
	}
	if (argc > 1)
		show(&total, "total");
	return status;
}
