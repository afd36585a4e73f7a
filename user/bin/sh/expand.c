/*
 * expand.c - the value of a raw word: quotes removed, backslash escapes
 * applied and parameters substituted: $? (last status), $$ (the shell's
 * pid), $! (last background pid), $# and $0..$9 (script arguments), and
 * $NAME or ${NAME} (the environment). Inside '...' nothing is special;
 * inside "..." only $ and \ are. Results are not split into fields.
 *
 * Then pathname expansion: a word with an unquoted * ? or [ becomes the
 * sorted list of the paths it matches (glob(3)), or stays as it is when
 * none does, as POSIX says. To keep quoted characters literal, the word is
 * built twice at once: its text, and a glob pattern in which every quoted
 * character is escaped with a backslash.
 */
#include <ctype.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

struct buf {
	char	*p;
	size_t	len;
	size_t	cap;
};

static void
add(struct buf *b, const char *s, size_t n)
{
	char *grown;

	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		if ((grown = realloc(b->p, b->cap)) == NULL) {
			fprintf(stderr, "sh: out of memory\n");
			sh_exit(2);
		}
		b->p = grown;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

/* A word being expanded: its text and the same as a glob pattern. */
struct exp {
	struct buf	text;
	struct buf	pat;
	int		magic;		/* an unquoted * ? or [ */
};

/* Adds n bytes of s, which were quoted or not, to both forms. */
static void
emit(struct exp *e, const char *s, size_t n, int quoted)
{
	size_t i;

	add(&e->text, s, n);
	for (i = 0; i < n; i++) {
		if (quoted && strchr("*?[]\\", s[i]) != NULL)
			add(&e->pat, "\\", 1);
		else if (!quoted && strchr("*?[", s[i]) != NULL)
			e->magic = 1;
		add(&e->pat, s + i, 1);
	}
}

static void
emit_int(struct exp *e, long v, int quoted)
{
	char num[24];

	emit(e, num, (size_t)snprintf(num, sizeof(num), "%ld", v), quoted);
}

/*
 * Expands the parameter after a '$' at s, which stands inside double
 * quotes or not; returns the position after it.
 */
static const char *
parameter(struct exp *e, const char *s, int dq)
{
	char name[64];
	const char *value, *end;
	size_t n = 0;
	int braced = *s == '{';

	if (*s == '?' || *s == '$' || *s == '!' || *s == '#') {
		emit_int(e, *s == '?' ? last_status : *s == '$' ? getpid() :
		    *s == '!' ? last_bg : npos_args > 0 ? npos_args - 1 : 0, dq);
		return s + 1;
	}
	if (isdigit((unsigned char)*s)) {
		if (*s - '0' < npos_args)
			emit(e, pos_args[*s - '0'], strlen(pos_args[*s - '0']),
			    dq);
		return s + 1;
	}
	end = s + braced;
	while (isalnum((unsigned char)*end) || *end == '_') {
		if (n < sizeof(name) - 1)
			name[n++] = *end;
		end++;
	}
	name[n] = '\0';
	if (n == 0 || (braced && *end != '}')) {
		emit(e, "$", 1, 1);	/* not a parameter: a plain '$' */
		return s;
	}
	if ((value = getenv(name)) != NULL)
		emit(e, value, strlen(value), dq);
	return end + braced;
}

static void
expand_word(const char *raw, struct exp *e)
{
	const char *end;
	int dq = 0;

	memset(e, 0, sizeof(*e));
	add(&e->text, "", 0);
	add(&e->pat, "", 0);
	while (*raw != '\0') {
		if (*raw == '\'' && !dq) {
			end = strchr(raw + 1, '\'');
			emit(e, raw + 1, (size_t)(end - raw - 1), 1);
			raw = end + 1;
		} else if (*raw == '"') {
			dq = !dq;
			raw++;
		} else if (*raw == '\\' && raw[1] != '\0') {
			/* In "...", a backslash only escapes $ " \ and `. */
			if (dq && strchr("$\"\\`", raw[1]) == NULL)
				emit(e, raw, 1, 1);
			emit(e, raw + 1, 1, 1);
			raw += 2;
		} else if (*raw == '$' && raw[1] != '\0')
			raw = parameter(e, raw + 1, dq);
		else
			emit(e, raw++, 1, dq);
	}
}

char *
expand(const char *raw)
{
	struct exp e;

	expand_word(raw, &e);
	free(e.pat.p);
	return e.text.p;
}

/* Appends word (which the list now owns) to *list of *n words. */
static void
push(char ***list, int *n, char *word)
{
	char **grown;

	if (word == NULL ||
	    (grown = realloc(*list, (size_t)(*n + 2) * sizeof(char *))) == NULL) {
		fprintf(stderr, "sh: out of memory\n");
		sh_exit(2);
	}
	*list = grown;
	(*list)[(*n)++] = word;
	(*list)[*n] = NULL;
}

void
expand_glob(const char *raw, char ***list, int *n)
{
	struct exp e;
	glob_t g;
	size_t i;

	expand_word(raw, &e);
	if (e.magic && glob(e.pat.p, 0, NULL, &g) == 0) {
		for (i = 0; i < g.gl_pathc; i++)
			push(list, n, strdup(g.gl_pathv[i]));
		globfree(&g);
		free(e.text.p);
	} else
		push(list, n, e.text.p);
	free(e.pat.p);
}
