/*
 * operands.c - to_target() and ask() (fileutil.h): the target directory
 * of cp and mv, and the -i question of cp, mv and rm. Errors are told the
 * way the programs tell their own: warnx and errx, under the program's name.
 */
#include <err.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include "libutil/fileutil.h"

int
to_target(int n, char *operand[], int (*op)(const char *from, const char *to))
{
	char target[1024], name[1024];
	const char *dir = operand[n - 1];
	struct stat st;
	int status = 0, i;

	if (stat(dir, &st) == -1 || !S_ISDIR(st.st_mode)) {
		if (n > 2)
			errx(1, "%s is not a directory", dir);
		return op(operand[0], dir) == 0 ? 0 : 1;
	}
	for (i = 0; i < n - 1; i++) {
		/* basename() may write into its argument: a copy. */
		strlcpy(name, operand[i], sizeof(name));
		if ((size_t)snprintf(target, sizeof(target), "%s/%s", dir,
		    basename(name)) >= sizeof(target)) {
			warnx("%s: name too long", operand[i]);
			status = 1;
		} else if (op(operand[i], target) == -1)
			status = 1;
	}
	return status;
}

/* The whole answer line is read, so the next question gets the next line. */
int
ask(const char *fmt, ...)
{
	va_list ap;
	int c, first;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	first = c = getchar();
	while (c != '\n' && c != EOF)
		c = getchar();
	return first == 'y' || first == 'Y';
}
