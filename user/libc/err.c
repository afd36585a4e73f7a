/* err.c - BSD's err/warn family: "prog: message: error text" on stderr. */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
message(int err, const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", getprogname());
	if (fmt != NULL) {
		vfprintf(stderr, fmt, ap);
		if (err >= 0)
			fputs(": ", stderr);
	}
	if (err >= 0)
		fputs(strerror(err), stderr);
	fputc('\n', stderr);
}

void
vwarn(const char *fmt, va_list ap)
{
	message(errno, fmt, ap);
}

void
vwarnx(const char *fmt, va_list ap)
{
	message(-1, fmt, ap);
}

_Noreturn void
verr(int status, const char *fmt, va_list ap)
{
	message(errno, fmt, ap);
	exit(status);
}

_Noreturn void
verrx(int status, const char *fmt, va_list ap)
{
	message(-1, fmt, ap);
	exit(status);
}

void
warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void
warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
}

_Noreturn void
err(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verr(status, fmt, ap);
}

_Noreturn void
errx(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verrx(status, fmt, ap);
}
