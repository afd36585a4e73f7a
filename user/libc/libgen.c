/*
 * libgen.c - basename and dirname as POSIX defines them: trailing slashes
 * do not count ("/usr/lib/" is "lib" in "/usr"), a path without a slash is
 * in ".", and "/" is its own base and directory. Both may write into the
 * path they are given (POSIX allows it; FreeBSD does it too) and return a
 * pointer into it, or to a constant string for "." and "/".
 */
#include <libgen.h>
#include <string.h>

char *
basename(char *path)
{
	char *end, *start;

	if (path == NULL || *path == '\0')
		return ".";
	end = path + strlen(path) - 1;
	while (end > path && *end == '/')
		end--;
	if (end == path && *end == '/')
		return "/";
	end[1] = '\0';
	for (start = end; start > path && start[-1] != '/'; start--)
		;
	return start;
}

char *
dirname(char *path)
{
	char *end;

	if (path == NULL || *path == '\0')
		return ".";
	end = path + strlen(path) - 1;
	while (end > path && *end == '/')	/* trailing slashes */
		end--;
	while (end > path && *end != '/')	/* the last component */
		end--;
	if (*end != '/')
		return ".";
	while (end > path && *end == '/')	/* the slashes before it */
		end--;
	end[1] = '\0';
	return path;
}
