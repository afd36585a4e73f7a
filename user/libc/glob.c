/*
 * glob.c - glob(3): the path names that match a pattern, by walking the
 * directories the pattern names one component at a time. A component
 * without * ? or [ is taken as it is (its backslashes removed); one with
 * them is matched against each entry of the directory with fnmatch, where
 * a leading '.' must be matched by a '.'. What is left at the end must
 * exist. The results are sorted with strcmp unless GLOB_NOSORT.
 */
#include <sys/stat.h>
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <glob.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

struct walk {
	glob_t	*g;
	int	flags;
	int	(*errfunc)(const char *, int);
	int	error;		/* GLOB_NOSPACE or GLOB_ABORTED to stop */
	size_t	found;		/* paths added by this call */
};

/* Whether the pattern text p[0..n) has an unquoted * ? or [. */
static int
magic(const char *p, size_t n, int flags)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] == '\\' && !(flags & GLOB_NOESCAPE) && i + 1 < n)
			i++;
		else if (p[i] == '*' || p[i] == '?' || p[i] == '[')
			return 1;
	}
	return 0;
}

/* Appends p[0..n) to path (of length *len) without its backslashes. */
static int
append(char *path, size_t *len, const char *p, size_t n, int flags)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] == '\\' && !(flags & GLOB_NOESCAPE) && i + 1 < n)
			i++;
		if (*len + 1 >= PATH_MAX)
			return -1;
		path[(*len)++] = p[i];
	}
	path[*len] = '\0';
	return 0;
}

static int
add_path(struct walk *w, const char *path)
{
	glob_t *g = w->g;
	size_t n = g->gl_offs + g->gl_pathc;
	char **grown, *copy;
	struct stat st;
	int mark = (w->flags & GLOB_MARK) && stat(path, &st) == 0 &&
	    S_ISDIR(st.st_mode) && path[strlen(path) - 1] != '/';

	if ((copy = malloc(strlen(path) + 1 + mark)) == NULL ||
	    (grown = realloc(g->gl_pathv, (n + 2) * sizeof(char *))) == NULL) {
		free(copy);
		w->error = GLOB_NOSPACE;
		return -1;
	}
	strcpy(copy, path);
	if (mark)
		strcat(copy, "/");
	g->gl_pathv = grown;
	g->gl_pathv[n] = copy;
	g->gl_pathv[n + 1] = NULL;
	g->gl_pathc++;
	w->found++;
	return 0;
}

/*
 * path (len bytes) is matched so far; p is the rest of the pattern. Adds
 * every existing path that matches the whole.
 */
static void
walk(struct walk *w, char *path, size_t len, const char *p)
{
	const char *slash, *end;
	struct dirent *de;
	struct stat st;
	size_t n, keep;
	char comp[NAME_MAX + 1];
	DIR *d;

	/* Plain components go onto the path as they are. */
	for (;;) {
		while (*p == '/') {
			if (len + 1 >= PATH_MAX)
				return;
			path[len++] = '/';
			path[len] = '\0';
			p++;
		}
		if (*p == '\0') {
			if (lstat(path, &st) == 0)
				add_path(w, path);
			return;
		}
		slash = strchr(p, '/');
		end = slash != NULL ? slash : p + strlen(p);
		n = (size_t)(end - p);
		if (magic(p, n, w->flags))
			break;
		if (append(path, &len, p, n, w->flags) == -1)
			return;
		p = end;
	}
	if (n > NAME_MAX)
		return;
	memcpy(comp, p, n);
	comp[n] = '\0';
	if ((d = opendir(len > 0 ? path : ".")) == NULL) {
		if ((w->errfunc != NULL && w->errfunc(len > 0 ? path : ".",
		    errno)) || (w->flags & GLOB_ERR))
			w->error = GLOB_ABORTED;
		return;
	}
	keep = len;
	while (w->error == 0 && (de = readdir(d)) != NULL) {
		if (fnmatch(comp, de->d_name, FNM_PERIOD |
		    ((w->flags & GLOB_NOESCAPE) ? FNM_NOESCAPE : 0)) != 0)
			continue;
		len = keep;
		if (append(path, &len, de->d_name, strlen(de->d_name),
		    GLOB_NOESCAPE) == -1)
			continue;
		if (*end == '\0')
			add_path(w, path);
		else
			walk(w, path, len, end);
	}
	closedir(d);
	path[keep] = '\0';
}

static int
compare(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
glob(const char *__restrict pattern, int flags,
    int (*errfunc)(const char *, int), glob_t *__restrict g)
{
	struct walk w = { g, flags, errfunc, 0, 0 };
	char path[PATH_MAX];
	size_t first;

	if (!(flags & GLOB_APPEND)) {
		g->gl_pathc = 0;
		g->gl_matchc = 0;
		g->gl_pathv = NULL;
		if (!(flags & GLOB_DOOFFS))
			g->gl_offs = 0;
		if (g->gl_offs > 0) {
			if ((g->gl_pathv = calloc(g->gl_offs + 1,
			    sizeof(char *))) == NULL)
				return GLOB_NOSPACE;
		}
	}
	g->gl_flags = flags & ~GLOB_MAGCHAR;
	if (magic(pattern, strlen(pattern), flags))
		g->gl_flags |= GLOB_MAGCHAR;
	first = g->gl_offs + g->gl_pathc;
	path[0] = '\0';
	walk(&w, path, 0, pattern);
	if (w.error != 0)
		return w.error;
	g->gl_matchc += w.found;
	if (w.found == 0) {
		if (!(flags & GLOB_NOCHECK))
			return GLOB_NOMATCH;
		if (add_path(&w, pattern) == -1)
			return GLOB_NOSPACE;
	}
	if (!(flags & GLOB_NOSORT))
		qsort(g->gl_pathv + first, g->gl_offs + g->gl_pathc - first,
		    sizeof(char *), compare);
	return 0;
}

void
globfree(glob_t *g)
{
	size_t i;

	if (g->gl_pathv != NULL)
		for (i = g->gl_offs; i < g->gl_offs + g->gl_pathc; i++)
			free(g->gl_pathv[i]);
	free(g->gl_pathv);
	g->gl_pathv = NULL;
	g->gl_pathc = 0;
}
