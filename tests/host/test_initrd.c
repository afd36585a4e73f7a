// SOURCES: kernel/fs/initrd_parse.c
/*
 * test_initrd.c - the initrd's pure helpers: path normalisation (the
 * kernel's only path walk, so every odd path a program can pass) and the
 * ustar octal fields.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "kernel/fs/initrd.h"

static int failures;

static void
norm(const char *in, const char *want)
{
	char out[INITRD_PATHMAX];
	int r = initrd_normalize(in, out, sizeof(out));

	if (r == 0 && strcmp(out, want) == 0) {
		printf("PASS normalize:%s\n", in[0] ? in : "(empty)");
	} else {
		printf("FAIL normalize:%s: got \"%s\" (%d), want \"%s\"\n", in,
		    out, r, want);
		failures++;
	}
}

int
main(void)
{
	char out[8];

	norm("/", "");
	norm("", "");
	norm("/bin/sh", "bin/sh");
	norm("bin/sh", "bin/sh");
	norm("//bin///sh/", "bin/sh");
	norm("/bin/./sh", "bin/sh");
	norm("/bin/../test/x", "test/x");
	norm("/../../etc", "etc");
	norm("/a/b/c/../../d", "a/d");
	norm("/dev/ttyu1", "dev/ttyu1");
	if (initrd_normalize("/abcdefghijkl", out, sizeof(out)) == ENAMETOOLONG)
		printf("PASS normalize_too_long\n");
	else {
		printf("FAIL normalize_too_long\n");
		failures++;
	}
	if (initrd_octal("0000755\0", 8) == 0755 &&
	    initrd_octal("  1234 ", 7) == 01234 &&
	    initrd_octal("00000000017", 12) == 017 &&
	    initrd_octal("", 0) == 0)
		printf("PASS octal_fields\n");
	else {
		printf("FAIL octal_fields\n");
		failures++;
	}
	return failures != 0;
}
