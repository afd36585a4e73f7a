/*
 * string_bsd.c - the string functions that came from BSD and POSIX 2008
 * rather than C: stpcpy and stpncpy (copies that return the end, for
 * chaining), memccpy, memrchr, memmem and strcasestr, and <strings.h>'s
 * old names bzero, bcopy, index and rindex, and ffs.
 */
#include <string.h>
#include <strings.h>

/* Copies src with its NUL; returns the position of that NUL in dst. */
char *
stpcpy(char *__restrict dst, const char *__restrict src)
{
	size_t n = strlen(src);

	memcpy(dst, src, n + 1);
	return dst + n;
}

/*
 * strncpy that returns where the copy ends: the first NUL it wrote, or
 * dst + n when src filled all n bytes (and dst is not terminated).
 */
char *
stpncpy(char *__restrict dst, const char *__restrict src, size_t n)
{
	size_t len = strnlen(src, n);

	memcpy(dst, src, len);
	memset(dst + len, 0, n - len);
	return dst + len;
}

/* Copies up to and including the first byte c; the byte after it, or NULL. */
void *
memccpy(void *__restrict dst, const void *__restrict src, int c, size_t n)
{
	const unsigned char *s = src;
	unsigned char *d = dst;
	size_t i;

	for (i = 0; i < n; i++) {
		d[i] = s[i];
		if (s[i] == (unsigned char)c)
			return d + i + 1;
	}
	return NULL;
}

/* The last byte c in the n bytes at s. */
void *
memrchr(const void *s, int c, size_t n)
{
	const unsigned char *p = (const unsigned char *)s + n;

	while (n-- > 0)
		if (*--p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

/* The first place the nlen bytes of needle occur in the hlen bytes of hay. */
void *
memmem(const void *hay, size_t hlen, const void *needle, size_t nlen)
{
	const unsigned char *h = hay, *end;

	if (nlen == 0)
		return (void *)h;
	if (hlen < nlen)
		return NULL;
	for (end = h + hlen - nlen; h <= end; h++)
		if (*h == *(const unsigned char *)needle &&
		    memcmp(h, needle, nlen) == 0)
			return (void *)h;
	return NULL;
}

/* strstr that ignores the case of ASCII letters. */
char *
strcasestr(const char *s, const char *find)
{
	size_t n = strlen(find);

	if (n == 0)
		return (char *)s;
	for (; *s != '\0'; s++)
		if (strncasecmp(s, find, n) == 0)
			return (char *)s;
	return NULL;
}

void
bzero(void *s, size_t n)
{
	memset(s, 0, n);
}

/* memmove with BSD's argument order: source first. */
void
bcopy(const void *src, void *dst, size_t n)
{
	memmove(dst, src, n);
}

char *
index(const char *s, int c)
{
	return strchr(s, c);
}

char *
rindex(const char *s, int c)
{
	return strrchr(s, c);
}

/* The position (from 1) of the lowest bit set in i; 0 if there is none. */
int
ffs(int i)
{
	unsigned int u = (unsigned int)i;
	int bit = 1;

	if (u == 0)
		return 0;
	while ((u & 1) == 0) {
		u >>= 1;
		bit++;
	}
	return bit;
}
