/*
 * expand.c - the value of a raw word: quotes removed, backslash escapes
 * applied and parameters substituted: $? (last status), $$ (the shell's
 * pid), $! (last background pid), $# and $0..$9 (script arguments), and
 * $NAME or ${NAME} (the environment). Inside '...' nothing is special;
 * inside "..." only $ and \ are. Results are not split into fields.
 */
#include <ctype.h>
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

static void
add_int(struct buf *b, long v)
{
	char num[24];

	add(b, num, snprintf(num, sizeof(num), "%ld", v));
}

/* Expands the parameter after a '$' at s; returns the position after it. */
static const char *
parameter(struct buf *b, const char *s)
{
	char name[64];
	const char *value, *end;
	size_t n = 0;
	int braced = *s == '{';

	if (*s == '?' || *s == '$' || *s == '!' || *s == '#') {
		add_int(b, *s == '?' ? last_status : *s == '$' ? getpid() :
		    *s == '!' ? last_bg : npos_args > 0 ? npos_args - 1 : 0);
		return s + 1;
	}
	if (isdigit((unsigned char)*s)) {
		if (*s - '0' < npos_args)
			add(b, pos_args[*s - '0'], strlen(pos_args[*s - '0']));
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
		add(b, "$", 1);		/* not a parameter: a plain '$' */
		return s;
	}
	if ((value = getenv(name)) != NULL)
		add(b, value, strlen(value));
	return end + braced;
}

char *
expand(const char *raw)
{
	struct buf b = { NULL, 0, 0 };
	const char *end;
	int dq = 0;

	add(&b, "", 0);
	while (*raw != '\0') {
		if (*raw == '\'' && !dq) {
			end = strchr(raw + 1, '\'');
			add(&b, raw + 1, end - raw - 1);
			raw = end + 1;
		} else if (*raw == '"') {
			dq = !dq;
			raw++;
		} else if (*raw == '\\' && raw[1] != '\0') {
			/* In "...", a backslash only escapes $ " \ and `. */
			if (dq && strchr("$\"\\`", raw[1]) == NULL)
				add(&b, raw, 1);
			add(&b, raw + 1, 1);
			raw += 2;
		} else if (*raw == '$' && raw[1] != '\0')
			raw = parameter(&b, raw + 1);
		else
			add(&b, raw++, 1);
	}
	return b.p;
}
