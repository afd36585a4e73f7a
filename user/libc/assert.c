/* assert.c - what a failed assert() prints before it aborts (BSD's wording). */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

_Noreturn void
__assert(const char *func, const char *file, int line, const char *expr)
{
	fprintf(stderr, "Assertion failed: (%s), function %s, file %s, line %d.\n",
	    expr, func, file, line);
	abort();
}
