/*
 * lstat.c - lstat(2) for a file system without symbolic links: a path
 * never names a link, so lstat is stat.
 */
#include <sys/stat.h>

int
lstat(const char *__restrict path, struct stat *__restrict st)
{
	return stat(path, st);
}
