/* ctype_class.h - [:name:] classes for regcomp.c and fnmatch.c. */
#ifndef _LIBC_CTYPE_CLASS_H_
#define _LIBC_CTYPE_CLASS_H_

#include <stddef.h>

int	(*__ctype_class(const char *name, size_t len))(int);

#endif
