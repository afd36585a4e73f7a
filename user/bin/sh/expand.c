/*
 * expand.c - what a raw word becomes, in the order POSIX gives:
 *
 *  1. tilde expansion: an unquoted ~ or ~name at the start of the word
 *     (up to the first /) is $HOME or that user's home directory;
 *  2. parameter expansion: $? (last status), $$ (the shell's pid), $!
 *     (last background pid), $# $0..$9 $@ $* (the arguments), $NAME and
 *     ${NAME} (the environment); and command substitution: $(command)
 *     and `command` become what the command printed, without its last
 *     newlines; inside '...' nothing is special, inside "..." only $, `
 *     and \ are;
 *  3. field splitting: what an unquoted expansion gave is cut into
 *     separate words at the characters of $IFS (space, tab and newline
 *     when it is unset); a word that came out empty and had no quotes
 *     disappears ($UNSET is no argument at all, "" is an empty one);
 *  4. pathname expansion: a field with an unquoted * ? or [ becomes the
 *     sorted list of the paths it matches (glob(3)), or stays as it is
 *     when none does. To keep quoted characters literal, each field is
 *     built twice at once: its text, and a glob pattern in which every
 *     quoted character is escaped with a backslash.
 *
 * expand() does steps 1 and 2 only (and quote removal), for the words
 * where POSIX does no splitting: assignments and redirection targets.
 */
#include <ctype.h>
#include <glob.h>
#include <pwd.h>
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

	if (b->p == NULL || b->len + n + 1 > b->cap) {
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

/*
 * A word being expanded. cur is the field being built, as text and as a
 * glob pattern; a finished field goes to *list (globbed when glob is set).
 */
struct exp {
	struct buf	text;
	struct buf	pat;
	int		magic;		/* cur has an unquoted * ? or [ */
	int		keep;		/* cur stays even when empty (quotes) */
	int		split;		/* do field splitting and globbing */
	int		ws_ended;	/* IFS white space just ended a field */
	char		***list;
	int		*n;
};

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

/* Starts a new, empty field. */
static void
field_begin(struct exp *e)
{
	e->text.p = e->pat.p = NULL;
	e->text.len = e->pat.len = e->text.cap = e->pat.cap = 0;
	add(&e->text, "", 0);
	add(&e->pat, "", 0);
	e->magic = e->keep = 0;
}

/* Hands the field on (globbed if it has to be) and starts the next one. */
static void
field_end(struct exp *e)
{
	glob_t g;
	size_t i;

	if (e->text.len == 0 && !e->keep) {
		free(e->text.p);
	} else if (e->magic && glob(e->pat.p, 0, NULL, &g) == 0) {
		for (i = 0; i < g.gl_pathc; i++)
			push(e->list, e->n, strdup(g.gl_pathv[i]));
		globfree(&g);
		free(e->text.p);
	} else
		push(e->list, e->n, e->text.p);
	free(e->pat.p);
	field_begin(e);
}

/* Adds n bytes of s, which were quoted or not, to the field. */
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
	if (n > 0)
		e->ws_ended = 0;
}

/*
 * Adds a parameter's value. Quoted, or where nothing is split, it is
 * text like any other; else each IFS character delimits a field, a run
 * of IFS white space counting once (and not at all at the edges), as
 * POSIX's field splitting says.
 */
static void
emit_value(struct exp *e, const char *s, int quoted)
{
	const char *ifs = getenv("IFS");

	if (ifs == NULL)
		ifs = " \t\n";
	if (quoted || !e->split || *ifs == '\0') {
		emit(e, s, strlen(s), quoted);
		return;
	}
	for (; *s != '\0'; s++) {
		if (strchr(ifs, *s) == NULL) {
			emit(e, s, 1, 0);
		} else if (isspace((unsigned char)*s)) {
			if (e->text.len > 0 || e->keep) {
				field_end(e);
				e->ws_ended = 1;
			}
		} else if (e->ws_ended) {
			e->ws_ended = 0;	/* "a :b": one delimiter */
		} else {
			e->keep = 1;		/* "a::b": an empty field */
			field_end(e);
		}
	}
}

static void
emit_int(struct exp *e, long v, int quoted)
{
	char num[24];

	snprintf(num, sizeof(num), "%ld", v);
	emit_value(e, num, quoted);
}

/*
 * $@ and $*: the arguments $1 ... "$@" makes each one a field of its own
 * (and no field at all when there are none); anywhere else they are
 * joined by spaces and split like any value.
 */
static void
all_args(struct exp *e, int at, int dq)
{
	int i, apart = at && dq && e->split;

	if (apart && npos_args <= 1 && e->text.len == 0)
		e->keep = 0;
	for (i = 1; i < npos_args; i++) {
		if (i > 1) {
			if (apart) {
				field_end(e);
				e->keep = 1;
			} else
				emit_value(e, " ", dq);
		}
		emit_value(e, pos_args[i], dq);
	}
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
	if (*s == '@' || *s == '*') {
		all_args(e, *s == '@', dq);
		return s + 1;
	}
	if (isdigit((unsigned char)*s)) {
		if (*s - '0' < npos_args)
			emit_value(e, pos_args[*s - '0'], dq);
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
		emit_value(e, value, dq);
	return end + braced;
}

/*
 * $(...) at s (the "(") or `...` at s: runs the command and adds what it
 * printed, its trailing newlines taken away. Inside backquotes a
 * backslash keeps its meaning only before $ ` and \, as POSIX says.
 * Returns the position after it.
 */
static const char *
substitute(struct exp *e, const char *s, int dq)
{
	const char *end = *s == '(' ? subst_end(s) : backquote_end(s);
	char *cmd, *out, *d;
	size_t len;
	int bq = *s == '`';

	len = (size_t)(end - s) - 2;
	if ((cmd = malloc(len + 1)) == NULL) {
		fprintf(stderr, "sh: out of memory\n");
		sh_exit(2);
	}
	for (s++, d = cmd; s < end - 1; s++) {
		if (bq && *s == '\\' && strchr("$`\\", s[1]) != NULL)
			s++;
		*d++ = *s;
	}
	*d = '\0';
	out = command_output(cmd);
	free(cmd);
	if (out == NULL) {
		fprintf(stderr, "sh: out of memory\n");
		sh_exit(2);
	}
	len = strlen(out);
	while (len > 0 && out[len - 1] == '\n')
		out[--len] = '\0';
	emit_value(e, out, dq);
	free(out);
	return end;
}

/*
 * ~ or ~name at the start of a word, up to a '/' or the end: the home
 * directory, quoted so that nothing in it is split or matched. Returns
 * the position after it, or raw itself when it is no such prefix.
 */
static const char *
tilde(struct exp *e, const char *raw)
{
	char name[64];
	const char *home = NULL;
	struct passwd *pw;
	size_t n = strcspn(raw + 1, "/");

	if (*raw != '~' || n >= sizeof(name) ||
	    strcspn(raw + 1, "'\"\\$") < n)
		return raw;
	memcpy(name, raw + 1, n);
	name[n] = '\0';
	if (n == 0)
		home = getenv("HOME");
	else if ((pw = getpwnam(name)) != NULL)
		home = pw->pw_dir;
	if (home == NULL)
		return raw;
	emit(e, home, strlen(home), 1);
	return raw + 1 + n;
}

static void
expand_word(const char *raw, struct exp *e)
{
	const char *end;
	int dq = 0;

	raw = tilde(e, raw);
	while (*raw != '\0') {
		if (*raw == '\'' && !dq) {
			end = strchr(raw + 1, '\'');
			e->keep = 1;
			emit(e, raw + 1, (size_t)(end - raw - 1), 1);
			raw = end + 1;
		} else if (*raw == '"') {
			if (!dq)
				e->keep = 1;
			dq = !dq;
			raw++;
		} else if (*raw == '\\' && raw[1] != '\0') {
			/* In "...", a backslash only escapes $ " \ and `. */
			if (dq && strchr("$\"\\`", raw[1]) == NULL)
				emit(e, raw, 1, 1);
			emit(e, raw + 1, 1, 1);
			raw += 2;
		} else if (*raw == '`' || (*raw == '$' && raw[1] == '('))
			raw = substitute(e, raw + (*raw == '$'), dq);
		else if (*raw == '$' && raw[1] != '\0')
			raw = parameter(e, raw + 1, dq);
		else
			emit(e, raw++, 1, dq);
	}
}

char *
expand(const char *raw)
{
	struct exp e;

	memset(&e, 0, sizeof(e));
	field_begin(&e);
	expand_word(raw, &e);
	free(e.pat.p);
	return e.text.p;
}

void
expand_fields(const char *raw, char ***list, int *n)
{
	struct exp e;

	memset(&e, 0, sizeof(e));
	e.split = 1;
	e.list = list;
	e.n = n;
	field_begin(&e);
	expand_word(raw, &e);
	field_end(&e);
	free(e.text.p);
	free(e.pat.p);
}
