/* strings.h - the BSD string functions that ignore case. */
#ifndef _STRINGS_H_
#define _STRINGS_H_

#include <stddef.h>

int	strcasecmp(const char *, const char *);
int	strncasecmp(const char *, const char *, size_t);

#endif
