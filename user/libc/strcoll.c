/*
 * strcoll.c - collation in the only locale Kestrel has, "C" (POSIX):
 * strings sort by their bytes, so strcoll is strcmp and strxfrm a copy.
 */
#include <string.h>

int
strcoll(const char *s1, const char *s2)
{
	return strcmp(s1, s2);
}

/* Copies src when it fits in n bytes; the length it needs, either way. */
size_t
strxfrm(char *__restrict dst, const char *__restrict src, size_t n)
{
	size_t len = strlen(src);

	if (len < n)
		memcpy(dst, src, len + 1);
	return len;
}
