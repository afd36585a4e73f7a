/*
 * progname.c - BSD's getprogname and setprogname: the name a program goes
 * by in its messages (err(3) uses it), without its directories. crt0
 * stores argv[0] in __progname.
 */
#include <stdlib.h>
#include <string.h>

extern const char *__progname;

const char *
getprogname(void)
{
	const char *slash = strrchr(__progname, '/');

	return slash != NULL ? slash + 1 : __progname;
}

/* Keeps the pointer: name must outlive its use, as BSD requires. */
void
setprogname(const char *name)
{
	__progname = name;
}
