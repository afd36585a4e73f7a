/* remove.c - remove(3): unlink a file, or rmdir a directory. */
#include <sys/stat.h>
#include <stdio.h>
#include <unistd.h>

int
remove(const char *path)
{
	struct stat st;

	if (stat(path, &st) == -1)
		return -1;
	return S_ISDIR(st.st_mode) ? rmdir(path) : unlink(path);
}
