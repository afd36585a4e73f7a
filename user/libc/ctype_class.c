/*
 * ctype_class.c - the character classes that bracket expressions name
 * ([:alpha:], [:digit:], ...), shared by regcomp and fnmatch.
 */
#include <ctype.h>
#include <string.h>
#include "ctype_class.h"

/* The test for the class called name[0..len), or NULL if there is none. */
int
(*__ctype_class(const char *name, size_t len))(int)
{
	static const struct {
		const char	*name;
		int		(*is)(int);
	} classes[] = {
		{ "alpha", isalpha }, { "digit", isdigit }, { "alnum", isalnum },
		{ "upper", isupper }, { "lower", islower }, { "space", isspace },
		{ "blank", isblank }, { "punct", ispunct }, { "print", isprint },
		{ "graph", isgraph }, { "cntrl", iscntrl },
		{ "xdigit", isxdigit },
	};
	size_t i;

	for (i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if (strlen(classes[i].name) == len &&
		    strncmp(classes[i].name, name, len) == 0)
			return classes[i].is;
	return NULL;
}
