/*
 * parse.c - the grammar, one and-or list at a time:
 *
 *	andor     := pipeline (("&&" | "||") pipeline)* [";" | "&"]
 *	pipeline  := command ("|" command)*
 *	command   := (word | redirection)+
 *	redirection := [n] ("<" | ">" | ">>" | "<&" | ">&") word
 *
 * main.c calls parse_andor repeatedly over a line's tokens and runs each
 * list before parsing the next, so "false; echo $?" sees the new status.
 */
#include <stdio.h>
#include <string.h>
#include "sh.h"

static int
syntax_error(const struct token *t)
{
	static const char *const names[] = { "word", "|", "&", ";", "&&",
	    "||", "<", ">", ">>", "<&", ">&", "newline" };

	fprintf(stderr, "sh: syntax error near unexpected %s\n",
	    names[t->type]);
	return -1;
}

/* Appends s to the job text, keeping it NUL-terminated and in bounds. */
static void
text_add(char *text, const char *s)
{
	size_t len = strlen(text);

	if (len > 0 && len < CMDTEXT - 1) {
		text[len++] = ' ';
		text[len] = '\0';
	}
	strncat(text, s, CMDTEXT - 1 - len);
}

static int
is_redirection(enum token_type t)
{
	return t == T_LT || t == T_GT || t == T_GTGT || t == T_LTAND ||
	    t == T_GTAND;
}

/* A redirection at toks[*pos]; *pos ends on its word. */
static int
parse_redirection(struct token *toks, int *pos, struct command *c, char *text)
{
	static const char *const ops[] = { [T_LT] = "<", [T_GT] = ">",
	    [T_GTGT] = ">>", [T_LTAND] = "<&", [T_GTAND] = ">&" };
	struct token *t = &toks[*pos];
	struct redir *r;
	char op[16];

	if (toks[*pos + 1].type != T_WORD)
		return syntax_error(&toks[*pos + 1]);
	if (c->nredir == MAXREDIR) {
		fprintf(stderr, "sh: too many redirections\n");
		return -1;
	}
	r = &c->redir[c->nredir++];
	r->op = t->type;
	r->fd = t->fd >= 0 ? t->fd : t->type == T_LT || t->type == T_LTAND ?
	    0 : 1;
	r->word = toks[++*pos].word;
	if (t->fd >= 0)
		snprintf(op, sizeof(op), "%d%s", t->fd, ops[t->type]);
	else
		snprintf(op, sizeof(op), "%s", ops[t->type]);
	text_add(text, op);
	text_add(text, r->word);
	return 0;
}

static int
parse_command(struct token *toks, int *pos, struct command *c, char *text)
{
	struct token *t;

	memset(c, 0, sizeof(*c));
	for (;; (*pos)++) {
		t = &toks[*pos];
		if (t->type == T_WORD) {
			if (c->argc == MAXARGS) {
				fprintf(stderr, "sh: too many arguments\n");
				return -1;
			}
			c->argv[c->argc++] = t->word;
			text_add(text, t->word);
		} else if (is_redirection(t->type)) {
			if (parse_redirection(toks, pos, c, text) == -1)
				return -1;
		} else
			break;
	}
	if (c->argc == 0 && c->nredir == 0)
		return syntax_error(t);
	return 0;
}

static int
parse_pipeline(struct token *toks, int *pos, struct pipeline *pl, char *text)
{
	pl->ncmd = 0;
	for (;;) {
		if (pl->ncmd == MAXPIPE) {
			fprintf(stderr, "sh: pipeline too long\n");
			return -1;
		}
		if (parse_command(toks, pos, &pl->cmd[pl->ncmd++], text) == -1)
			return -1;
		if (toks[*pos].type != T_PIPE)
			return 0;
		text_add(text, "|");
		(*pos)++;
	}
}

/*
 * Parses the and-or list at toks[*pos] into ao and moves *pos past its
 * terminator. Returns 0, 1 when there is nothing left, or -1 on an error.
 */
int
parse_andor(struct token *toks, int *pos, struct andor *ao)
{
	enum token_type t;

	ao->npl = 0;
	ao->background = 0;
	ao->text[0] = '\0';
	if (toks[*pos].type == T_END)
		return 1;
	for (;;) {
		if (ao->npl == MAXANDOR) {
			fprintf(stderr, "sh: too many && and ||\n");
			return -1;
		}
		if (parse_pipeline(toks, pos, &ao->pl[ao->npl], ao->text) == -1)
			return -1;
		t = toks[*pos].type;
		if (t != T_AND && t != T_OR)
			break;
		text_add(ao->text, t == T_AND ? "&&" : "||");
		ao->op[ao->npl++] = t;
		(*pos)++;
	}
	ao->npl++;
	if (t == T_AMP || t == T_SEMI) {
		ao->background = t == T_AMP;
		(*pos)++;
	} else if (t != T_END)
		return syntax_error(&toks[*pos]);
	return 0;
}
