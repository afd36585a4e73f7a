/* strdup.c - copies of strings on the heap. */
#include <stdlib.h>
#include <string.h>

char *
strdup(const char *s)
{
	return strndup(s, strlen(s));
}

/* Copies at most n bytes of s and always adds a NUL. */
char *
strndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = malloc(len + 1);

	if (p != NULL) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}
