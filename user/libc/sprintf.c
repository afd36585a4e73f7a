/* sprintf.c - formatted output into memory. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include "format.h"

struct mem {
	char	*p;
	size_t	room;		/* bytes that may still be stored, NUL excluded */
};

static void
put(int c, void *arg)
{
	struct mem *m = arg;

	if (m->room > 0) {
		*m->p++ = (char)c;
		m->room--;
	}
}

/* Stores at most size - 1 characters and a NUL; returns the full length. */
int
vsnprintf(char *__restrict buf, size_t size, const char *__restrict fmt,
    va_list ap)
{
	struct mem m = { buf, size > 0 ? size - 1 : 0 };
	int n = __format(put, &m, fmt, ap);

	if (size > 0)
		*m.p = '\0';
	return n;
}

int
vsprintf(char *__restrict buf, const char *__restrict fmt, va_list ap)
{
	return vsnprintf(buf, INT_MAX, fmt, ap);
}

int
snprintf(char *__restrict buf, size_t size, const char *__restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int
sprintf(char *__restrict buf, const char *__restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, INT_MAX, fmt, ap);
	va_end(ap);
	return n;
}
