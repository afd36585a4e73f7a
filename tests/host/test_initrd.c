// SOURCES: kernel/fs/initrd_parse.c
/*
 * test_initrd.c - the initrd's pure helpers: path normalisation (the
 * kernel's only path walk, so every odd path a program can pass), the
 * ustar octal fields, and the header checksum, which must accept exactly
 * the headers whose byte sum is right (checked against that sum, taken a
 * byte at a time, on headers full of bytes above 127) and refuse every
 * header with one byte changed.
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

/* A header of pseudo-random bytes with its checksum written by the book. */
static void
make_header(unsigned char *h, unsigned seed)
{
	unsigned sum = 0, i;

	for (i = 0; i < INITRD_BLOCK; i++) {
		seed = seed * 1103515245u + 12345u;
		h[i] = seed >> 16;
	}
	for (i = 0; i < INITRD_BLOCK; i++)
		sum += i >= INITRD_CHKSUM && i < INITRD_CHKSUM + 8 ? ' ' : h[i];
	snprintf((char *)h + INITRD_CHKSUM, 8, "%06o", sum);
	h[INITRD_CHKSUM + 7] = ' ';
}

static void
checksums(void)
{
	unsigned char h[INITRD_BLOCK], all_ff[INITRD_BLOCK];
	unsigned seed, i, accepted = 0, refused = 0;

	for (seed = 1; seed <= 64; seed++) {
		make_header(h, seed);
		accepted += initrd_checksum_ok(h);
		for (i = 0; i < INITRD_BLOCK; i++) {
			if (i >= INITRD_CHKSUM && i < INITRD_CHKSUM + 8)
				continue;
			h[i] ^= 1u << (i % 8);
			refused += !initrd_checksum_ok(h);
			h[i] ^= 1u << (i % 8);
		}
	}
	/* The largest sum a header can have: every half of the word sum full. */
	memset(all_ff, 0xff, sizeof(all_ff));
	snprintf((char *)all_ff + INITRD_CHKSUM, 8, "%06o",
	    (INITRD_BLOCK - 8) * 0xff + 8 * ' ');
	all_ff[INITRD_CHKSUM + 7] = ' ';
	if (accepted == 64 && refused == 64 * (INITRD_BLOCK - 8) &&
	    initrd_checksum_ok(all_ff))
		printf("PASS checksum\n");
	else {
		printf("FAIL checksum: %u of 64 right headers accepted, %u of "
		    "%u changed ones refused, all-0xff %s\n", accepted, refused,
		    64 * (INITRD_BLOCK - 8),
		    initrd_checksum_ok(all_ff) ? "accepted" : "refused");
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
	checksums();
	return failures != 0;
}
