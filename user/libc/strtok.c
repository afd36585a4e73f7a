/*
 * strtok.c - splitting a string into tokens. strtok_r keeps its place in
 * *last, so two scans can run at once; strtok keeps it in a static.
 */
#include <string.h>

char *
strtok_r(char *s, const char *sep, char **last)
{
	char *tok;

	if (s == NULL && (s = *last) == NULL)
		return NULL;
	s += strspn(s, sep);
	if (*s == '\0') {
		*last = NULL;
		return NULL;
	}
	tok = s;
	s += strcspn(s, sep);
	if (*s != '\0')
		*s++ = '\0';
	*last = s;
	return tok;
}

char *
strtok(char *__restrict s, const char *__restrict sep)
{
	static char *last;

	return strtok_r(s, sep, &last);
}
