/*
 * check.h - the verdict line of a host test: check() prints "PASS name" or
 * "FAIL name: detail" and counts the failures; main returns failures != 0.
 * Shared by the host tests (each one translation unit).
 */
#ifndef HOST_CHECK_H
#define HOST_CHECK_H

#include <stdio.h>

static int failures;

static void
check(const char *name, int ok, const char *detail)
{
	if (ok)
		printf("PASS %s\n", name);
	else {
		failures++;
		printf("FAIL %s: %s\n", name, detail);
	}
}

#endif
