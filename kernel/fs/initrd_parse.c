/*
 * initrd_parse.c - the pure parts of the initrd: ustar number fields, the
 * header checksum and path normalisation (tests/host/test_initrd.c runs
 * them on the host).
 */
#include <string.h>
#include <sys/errno.h>
#include "kernel/fs/initrd.h"

/* A ustar numeric field: octal digits, optionally space/NUL padded. */
uint32_t
initrd_octal(const char *s, size_t n)
{
	uint32_t v = 0;
	size_t i = 0;

	while (i < n && s[i] == ' ')
		i++;
	for (; i < n && s[i] >= '0' && s[i] <= '7'; i++)
		v = v * 8 + (s[i] - '0');
	return v;
}

/*
 * Is the 512-byte ustar header's checksum right? It is the sum of the
 * header's bytes with its own 8-byte field counted as spaces. The sum is
 * taken a word at a time in two 16-bit halves, each adding two bytes per
 * word: 128 words of at most 2 * 255 stay below 65536, so no half carries
 * into the other. (A byte at a time, this was most of indexing the
 * initrd at boot.)
 */
int
initrd_checksum_ok(const void *header)
{
	const unsigned char *b = header;
	uint32_t halves = 0, w, sum;
	size_t i;

	for (i = 0; i < INITRD_BLOCK; i += 4) {
		__builtin_memcpy(&w, b + i, 4);	/* a load, even freestanding */
		halves += (w & 0x00ff00ffu) + (w >> 8 & 0x00ff00ffu);
	}
	sum = (halves & 0xffff) + (halves >> 16);
	for (i = INITRD_CHKSUM; i < INITRD_CHKSUM + 8; i++)
		sum += ' ' - b[i];
	return sum == initrd_octal((const char *)b + INITRD_CHKSUM, 8);
}

/*
 * Turn any path into the archive's form: no leading or trailing '/', no
 * empty, "." or ".." components ("/bin/../bin//sh" -> "bin/sh", "/" -> "").
 * There is no current directory, so a relative path starts at the root.
 * 0, or ENAMETOOLONG.
 */
int
initrd_normalize(const char *path, char *out, size_t outsize)
{
	size_t len = 0;
	const char *p = path;

	out[0] = '\0';
	while (*p != '\0') {
		const char *start;
		size_t n;

		while (*p == '/')
			p++;
		start = p;
		while (*p != '\0' && *p != '/')
			p++;
		n = p - start;
		if (n == 0 || (n == 1 && start[0] == '.'))
			continue;
		if (n == 2 && start[0] == '.' && start[1] == '.') {
			while (len > 0 && out[len - 1] != '/')
				len--;
			if (len > 0)
				len--;
			out[len] = '\0';
			continue;
		}
		if (len + (len > 0) + n + 1 > outsize)
			return ENAMETOOLONG;
		if (len > 0)
			out[len++] = '/';
		memcpy(out + len, start, n);
		len += n;
		out[len] = '\0';
	}
	return 0;
}
