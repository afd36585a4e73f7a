/*
 * edit_complete.c - what Tab may complete the word before the cursor to.
 * The first word of the line is a command: the names in the directories
 * of PATH (/bin when PATH is not set) that begin with it, unless it has a
 * '/', which makes it a path. Any other word is a path: the entries of its
 * directory that begin with its last component (names starting with '.'
 * only when that component does). Directories are offered with a '/'
 * after them, so that completing goes on inside them.
 */
#include <sys/stat.h>
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "edit_impl.h"

#define MAXMATCHES	256

static int
compare(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds prefix + name (+ '/' for a directory), if not there already. */
static void
add(struct completion *c, const char *prefix, const char *name, int dir)
{
	size_t n = strlen(prefix) + strlen(name) + 2;
	char *m;
	int i;

	if (c->n == MAXMATCHES || (m = malloc(n)) == NULL)
		return;
	strcpy(m, prefix);
	strcat(m, name);
	if (dir)
		strcat(m, "/");
	for (i = 0; i < c->n; i++)
		if (strcmp(c->match[i], m) == 0) {
			free(m);
			return;
		}
	c->match[c->n++] = m;
}

/*
 * The entries of dir that begin with start; each is offered as prefix
 * followed by its name. Only executable files for commands.
 */
static void
scan(struct completion *c, const char *dir, const char *prefix,
    const char *start, int commands)
{
	char path[PATH_MAX];
	struct dirent *de;
	struct stat st;
	size_t len = strlen(start);
	int ok, isdir;
	DIR *d;

	if ((d = opendir(dir[0] != '\0' ? dir : ".")) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, start, len) != 0 ||
		    (de->d_name[0] == '.' && start[0] != '.') ||
		    strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s%s%s", dir, dir[0] != '\0' &&
		    dir[strlen(dir) - 1] != '/' ? "/" : "", de->d_name);
		ok = stat(path, &st) == 0;
		isdir = ok && S_ISDIR(st.st_mode);
		if (commands && (!ok || isdir || !(st.st_mode & 0111)))
			continue;
		add(c, prefix, de->d_name, isdir && !commands);
	}
	closedir(d);
}

/* The commands in PATH that begin with word. */
static void
commands(struct completion *c, const char *word)
{
	const char *path = getenv("PATH"), *end;
	char dir[PATH_MAX];
	size_t n;

	if (path == NULL)
		path = "/bin";
	for (;; path = end + 1) {
		end = strchr(path, ':');
		n = end != NULL ? (size_t)(end - path) : strlen(path);
		if (n < sizeof(dir)) {
			memcpy(dir, path, n);
			dir[n] = '\0';
			scan(c, n > 0 ? dir : ".", "", word, 1);
		}
		if (end == NULL)
			break;
	}
}

/*
 * Fills c with what the word ending at pos of buf can become (the whole
 * new word each time). Returns the number of candidates.
 */
int
complete(const char *buf, size_t pos, struct completion *c)
{
	char word[PATH_MAX], dir[PATH_MAX];
	const char *slash;
	size_t start = pos, i;

	memset(c, 0, sizeof(*c));
	if ((c->match = calloc(MAXMATCHES, sizeof(char *))) == NULL)
		return 0;
	while (start > 0 && buf[start - 1] != ' ' && buf[start - 1] != '\t' &&
	    buf[start - 1] != '|' && buf[start - 1] != ';' &&
	    buf[start - 1] != '&' && buf[start - 1] != '<' &&
	    buf[start - 1] != '>')
		start--;
	c->word = start;
	if (pos - start >= sizeof(word))
		return 0;
	memcpy(word, buf + start, pos - start);
	word[pos - start] = '\0';
	/* The first word of a command is a command name. */
	for (i = start; i > 0 && (buf[i - 1] == ' ' || buf[i - 1] == '\t'); i--)
		;
	c->command = (i == 0 || strchr("|;&", buf[i - 1]) != NULL) &&
	    strchr(word, '/') == NULL;
	if (c->command)
		commands(c, word);
	else {
		slash = strrchr(word, '/');
		if (slash == NULL)
			scan(c, "", "", word, 0);
		else {
			memcpy(dir, word, (size_t)(slash - word + 1));
			dir[slash - word + 1] = '\0';
			scan(c, slash == word ? "/" : dir, dir, slash + 1, 0);
		}
	}
	qsort(c->match, (size_t)c->n, sizeof(char *), compare);
	return c->n;
}

/* The length of the longest prefix all n words share. */
size_t
common_prefix(char *const *words, int n)
{
	size_t len;
	int i;

	if (n == 0)
		return 0;
	len = strlen(words[0]);
	for (i = 1; i < n; i++)
		while (len > 0 && strncmp(words[0], words[i], len) != 0)
			len--;
	return len;
}

void
completion_free(struct completion *c)
{
	int i;

	for (i = 0; i < c->n; i++)
		free(c->match[i]);
	free(c->match);
	c->match = NULL;
	c->n = 0;
}
