/* libgen.h - the last component of a path and the directory above it. */
#ifndef _LIBGEN_H_
#define _LIBGEN_H_

char	*basename(char *);
char	*dirname(char *);

#endif
