/*
 * strtonum.c - BSD's strtonum: a decimal number in [minval, maxval], or 0
 * with *errstr saying why not ("invalid", "too small", "too large") and
 * errno EINVAL or ERANGE. Unlike strtoll, trailing junk is an error.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

long long
strtonum(const char *s, long long minval, long long maxval,
    const char **errstr)
{
	const char *why = NULL;
	long long v = 0;
	char *end;
	int saved = errno;

	errno = 0;
	if (minval > maxval)
		why = "invalid";
	else {
		v = strtoll(s, &end, 10);
		if (end == s || *end != '\0')
			why = "invalid";
		else if ((v == LLONG_MIN && errno == ERANGE) || v < minval)
			why = "too small";
		else if ((v == LLONG_MAX && errno == ERANGE) || v > maxval)
			why = "too large";
	}
	if (errstr != NULL)
		*errstr = why;
	if (why == NULL) {
		errno = saved;
		return v;
	}
	errno = why[0] == 'i' ? EINVAL : ERANGE;
	return 0;
}
