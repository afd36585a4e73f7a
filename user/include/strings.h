/* strings.h - the BSD string functions: case-blind comparison, old names. */
#ifndef _STRINGS_H_
#define _STRINGS_H_

#include <stddef.h>

int	strcasecmp(const char *, const char *);
int	strncasecmp(const char *, const char *, size_t);
void	bzero(void *, size_t);
void	bcopy(const void *, void *, size_t);
char	*index(const char *, int);
char	*rindex(const char *, int);
int	ffs(int);

#endif
