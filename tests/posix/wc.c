// ARGS: /etc/group /etc/passwd
/*
 * wc.c - a word count written only against POSIX: getline to read, fseek
 * and ftell to measure, rewind to read again, basename for the name. The
 * same source builds on a FreeBSD or Linux host and with `make run-prog`;
 * tests/client/test_posix_progs.py checks that both print the same.
 */
#include <ctype.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
count(const char *path)
{
	char *line = NULL, name[256];
	size_t cap = 0;
	ssize_t n;
	long lines = 0, words = 0, bytes, longest = 0;
	FILE *f;
	int i, in;

	if ((f = fopen(path, "r")) == NULL) {
		perror(path);
		return 1;
	}
	if (fseek(f, 0, SEEK_END) != 0 || (bytes = ftell(f)) < 0) {
		perror("fseek");
		return 1;
	}
	rewind(f);
	while ((n = getline(&line, &cap, f)) != -1) {
		lines++;
		if (n > longest)
			longest = n;
		for (i = 0, in = 0; i < n; i++) {
			if (isspace((unsigned char)line[i]))
				in = 0;
			else if (!in) {
				in = 1;
				words++;
			}
		}
	}
	/* Back to the middle: the byte there is the same on any system. */
	fseek(f, bytes / 2, SEEK_SET);
	i = fgetc(f);
	strncpy(name, path, sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	printf("%s: %ld lines, %ld words, %ld bytes, longest %ld, middle '%c'"
	    " at %ld\n", basename(name), lines, words, bytes, longest, i,
	    ftell(f) - 1);
	free(line);
	fclose(f);
	return 0;
}

int
main(int argc, char *argv[])
{
	int i, status = 0;

	for (i = 1; i < argc; i++)
		status |= count(argv[i]);
	return status;
}
