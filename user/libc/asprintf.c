/*
 * asprintf.c - formatted output into a string malloc makes just big
 * enough: asprintf and vasprintf (BSD, POSIX.1-2024). The engine runs twice,
 * once to measure and once to write.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

/* On failure *strp is NULL (as FreeBSD does) and -1 is returned. */
int
vasprintf(char **strp, const char *fmt, va_list ap)
{
	va_list aq;
	int n;

	*strp = NULL;
	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		return -1;
	if ((*strp = malloc((size_t)n + 1)) == NULL) {
		errno = ENOMEM;
		return -1;
	}
	vsnprintf(*strp, (size_t)n + 1, fmt, ap);
	return n;
}

int
asprintf(char **strp, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vasprintf(strp, fmt, ap);
	va_end(ap);
	return n;
}
