/*
 * strsep.c - BSD's strsep: the next field of *sp up to any byte of delim.
 * Unlike strtok it keeps empty fields ("a,,b" gives "a", "", "b") and keeps
 * its place in the caller's pointer.
 */
#include <string.h>

char *
strsep(char **sp, const char *delim)
{
	char *field = *sp, *end;

	if (field == NULL)
		return NULL;
	end = field + strcspn(field, delim);
	if (*end == '\0')
		*sp = NULL;
	else {
		*end = '\0';
		*sp = end + 1;
	}
	return field;
}
