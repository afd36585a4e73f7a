/*
 * string.c - the memory and string functions that both the kernel and user
 * space use. Nothing here depends on anything else (no errno, no malloc, no
 * locale), so the kernel compiles this very file with -D_KERNEL.
 *
 * The loops are plain byte loops: simple to read and to single-step in a
 * debugger. memcpy, memmove and memset use the string instructions instead,
 * because gcc at -O2 turns a byte-copy loop back into a call to memcpy, which
 * inside memcpy itself would recurse forever.
 */
#include <stddef.h>
#include <string.h>

/* Words first: a "rep movsl" moves four bytes per iteration. */
void *
memcpy(void *__restrict dst, const void *__restrict src, size_t n)
{
	void *d = dst;
	size_t words = n / 4, tail = n % 4;

	__asm__ volatile("rep movsl"
	    : "+D"(d), "+S"(src), "+c"(words) : : "memory");
	__asm__ volatile("rep movsb"
	    : "+D"(d), "+S"(src), "+c"(tail) : : "memory");
	return dst;
}

/* Copy backwards (direction flag set) when dst overlaps the tail of src. */
void *
memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	d += n - 1;
	s += n - 1;
	__asm__ volatile("std; rep movsb; cld"
	    : "+D"(d), "+S"(s), "+c"(n) : : "memory");
	return dst;
}

void *
memset(void *dst, int c, size_t n)
{
	void *d = dst;
	unsigned int pattern = (unsigned char)c * 0x01010101u;
	size_t words = n / 4, tail = n % 4;

	__asm__ volatile("rep stosl"
	    : "+D"(d), "+c"(words) : "a"(pattern) : "memory");
	__asm__ volatile("rep stosb"
	    : "+D"(d), "+c"(tail) : "a"(pattern) : "memory");
	return dst;
}

int
memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (; n > 0; n--, p++, q++)
		if (*p != *q)
			return *p - *q;
	return 0;
}

void *
memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n > 0; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

size_t
strlen(const char *s)
{
	const char *p = s;

	while (*p != '\0')
		p++;
	return p - s;
}

size_t
strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n] != '\0')
		n++;
	return n;
}

/* Comparisons are of unsigned chars, as C requires. */
int
strcmp(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b) {
		a++;
		b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}

int
strncmp(const char *a, const char *b, size_t n)
{
	for (; n > 0; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (*a == '\0')
			break;
	}
	return 0;
}

char *
strcpy(char *__restrict dst, const char *__restrict src)
{
	char *d = dst;

	while ((*d++ = *src++) != '\0')
		;
	return dst;
}

/* Copies at most n bytes and pads with NULs; the result may lack a NUL. */
char *
strncpy(char *__restrict dst, const char *__restrict src, size_t n)
{
	size_t i;

	for (i = 0; i < n && src[i] != '\0'; i++)
		dst[i] = src[i];
	for (; i < n; i++)
		dst[i] = '\0';
	return dst;
}

/* Always NUL-terminates (if size > 0); returns strlen(src) to detect truncation. */
size_t
strlcpy(char *__restrict dst, const char *__restrict src, size_t size)
{
	size_t len = strlen(src);
	size_t n;

	if (size > 0) {
		n = len < size - 1 ? len : size - 1;
		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

/* Appends within size bytes of dst (NUL-terminated); returns the length it tried for. */
size_t
strlcat(char *__restrict dst, const char *__restrict src, size_t size)
{
	size_t used = strnlen(dst, size);

	if (used == size)
		return size + strlen(src);
	return used + strlcpy(dst + used, src, size - used);
}

char *
strcat(char *__restrict dst, const char *__restrict src)
{
	strcpy(dst + strlen(dst), src);
	return dst;
}

/* Appends at most n bytes of src, then always a NUL. */
char *
strncat(char *__restrict dst, const char *__restrict src, size_t n)
{
	char *d = dst + strlen(dst);

	while (n > 0 && *src != '\0') {
		*d++ = *src++;
		n--;
	}
	*d = '\0';
	return dst;
}

/* The terminating NUL counts as part of the string: strchr(s, 0) finds it. */
char *
strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (*s == '\0')
			return NULL;
	}
}

char *
strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (*s == '\0')
			return (char *)last;
	}
}

char *
strstr(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	if (n == 0)
		return (char *)hay;
	for (; *hay != '\0'; hay++)
		if (*hay == *needle && strncmp(hay, needle, n) == 0)
			return (char *)hay;
	return NULL;
}

size_t
strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] != '\0' && strchr(accept, s[n]) != NULL)
		n++;
	return n;
}

size_t
strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] != '\0' && strchr(reject, s[n]) == NULL)
		n++;
	return n;
}

char *
strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s != '\0' ? (char *)s : NULL;
}
