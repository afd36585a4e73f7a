/*
 * entries.c - each_entry() (fileutil.h): a directory's entries, one call
 * each, for cp -R and rm -r. The listing is read whole first, since what
 * the calls do (removing, or copying into the tree being read) changes it.
 */
#include <dirent.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "libutil/fileutil.h"

/*
 * The names in directory path (without . and ..), in one malloc'd block of
 * NUL-separated strings; *n counts them. NULL (errno set) if path cannot
 * be read or memory runs out.
 */
static char *
names_in(const char *path, size_t *n)
{
	char *names = NULL, *grown;
	size_t used = 0, len;
	struct dirent *d;
	DIR *dir;

	*n = 0;
	if ((dir = opendir(path)) == NULL)
		return NULL;
	while ((d = readdir(dir)) != NULL) {
		if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
			continue;
		len = strlen(d->d_name) + 1;
		if ((grown = realloc(names, used + len)) == NULL) {
			free(names);
			closedir(dir);
			return NULL;
		}
		names = grown;
		memcpy(names + used, d->d_name, len);
		used += len;
		(*n)++;
	}
	closedir(dir);
	return names != NULL ? names : strdup("");
}

int
each_entry(const char *dir,
    int (*fn)(const char *path, const char *name, void *arg), void *arg)
{
	char path[1024], *names, *name;
	int status = 0;
	size_t n, i;

	if ((names = names_in(dir, &n)) == NULL) {
		warn("%s", dir);
		return -1;
	}
	for (i = 0, name = names; i < n; i++, name += strlen(name) + 1) {
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >=
		    sizeof(path)) {
			warnx("%s/%s: name too long", dir, name);
			status = 1;
		} else if (fn(path, name, arg) == -1)
			status = 1;
	}
	free(names);
	return status;
}
