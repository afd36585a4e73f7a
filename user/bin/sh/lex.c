/*
 * lex.c - splitting a command line into tokens: words and the operators
 * | & ; && || < > >> <& >& (a newline counts as ';'). A redirection may be
 * preceded by the number of the descriptor it applies to, written against
 * it ("2>&1", "2>err"). A word runs to unquoted white space or an
 * operator; quotes ('...', "...") and backslashes are kept in the word for
 * expand() to interpret later, and so is a command substitution, $(...)
 * or `...`, whatever blanks, operators and quotes it holds. An unquoted
 * '#' that starts a word begins a comment.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

/* A newline separates commands as ';' does (sh -c "a<newline>b"). */
static int
is_operator(char c)
{
	return c == '|' || c == '&' || c == ';' || c == '<' || c == '>' ||
	    c == '\n';
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Reads an operator at *p; returns its type and moves *p past it. */
static enum token_type
operator(const char **p)
{
	const char *s = *p;

	*p += 1;
	switch (s[0]) {
	case '|':
		if (s[1] == '|') {
			*p += 1;
			return T_OR;
		}
		return T_PIPE;
	case '&':
		if (s[1] == '&') {
			*p += 1;
			return T_AND;
		}
		return T_AMP;
	case ';':
	case '\n':
		return T_SEMI;
	case '<':
		if (s[1] == '&') {
			*p += 1;
			return T_LTAND;
		}
		return T_LT;
	default:
		if (s[1] == '>') {
			*p += 1;
			return T_GTGT;
		}
		if (s[1] == '&') {
			*p += 1;
			return T_GTAND;
		}
		return T_GT;
	}
}

/* "2>" and the like: the digits of a descriptor right before < or >. */
static int
io_number(const char **p)
{
	const char *s = *p;
	int fd = 0;

	while (*s >= '0' && *s <= '9' && fd < 1000)
		fd = fd * 10 + (*s++ - '0');
	if (s == *p || (*s != '<' && *s != '>'))
		return -1;
	*p = s;
	return fd;
}

static const char *dquote_end(const char *s);

/* The end of `...` at s (past the closing backquote), or NULL. */
const char *
backquote_end(const char *s)
{
	for (s++; *s != '`'; s++) {
		if (*s == '\0')
			return NULL;
		if (*s == '\\' && s[1] != '\0')
			s++;
	}
	return s + 1;
}

/*
 * The end of the command substitution "$(...)" at s (past its ")"), or
 * NULL if it is not closed. Parentheses nest; inside quotes, backquotes
 * and further substitutions they do not count.
 */
const char *
subst_end(const char *s)
{
	int depth = 0;

	for (s++; *s != '\0'; s++) {
		if (*s == '\\' && s[1] != '\0')
			s++;
		else if (*s == '\'') {
			if ((s = strchr(s + 1, '\'')) == NULL)
				return NULL;
		} else if (*s == '"' || *s == '`' || (*s == '$' && s[1] == '(')) {
			s = *s == '"' ? dquote_end(s) : *s == '`' ?
			    backquote_end(s) : subst_end(s + 1);
			if (s == NULL)
				return NULL;
			s--;
		} else if (*s == '(')
			depth++;
		else if (*s == ')' && depth-- == 0)
			return s + 1;
	}
	return NULL;
}

/* The end of "..." at s (past the closing quote), or NULL. */
static const char *
dquote_end(const char *s)
{
	for (s++; *s != '"'; s++) {
		if (*s == '\0')
			return NULL;
		if (*s == '\\' && s[1] != '\0')
			s++;
		else if (*s == '`' || (*s == '$' && s[1] == '(')) {
			s = *s == '`' ? backquote_end(s) : subst_end(s + 1);
			if (s == NULL)
				return NULL;
			s--;
		}
	}
	return s + 1;
}

/*
 * Copies the word at *p into out; returns the end of the copy, or NULL if
 * a quote or a substitution is not closed.
 */
static char *
word(const char **p, char *out)
{
	const char *s = *p, *end;

	while (*s != '\0' && !is_blank(*s) && !is_operator(*s)) {
		if (*s == '\\' && s[1] != '\0')
			end = s + 2;
		else if (*s == '\'')
			end = (end = strchr(s + 1, '\'')) != NULL ? end + 1 : NULL;
		else if (*s == '"')
			end = dquote_end(s);
		else if (*s == '`')
			end = backquote_end(s);
		else if (*s == '$' && s[1] == '(')
			end = subst_end(s + 1);
		else
			end = s + 1;
		if (end == NULL)
			return NULL;
		while (s < end)
			*out++ = *s++;
	}
	*out++ = '\0';
	*p = s;
	return out;
}

/*
 * Fills toks (ending with T_END) from line. The words live in *storage,
 * which the caller frees. Returns the number of tokens, or -1 after an
 * error message.
 */
int
lex(const char *line, struct token *toks, char **storage)
{
	char *out;
	int n = 0;

	if ((*storage = out = malloc(strlen(line) + 1 + MAXTOKENS)) == NULL) {
		fprintf(stderr, "sh: out of memory\n");
		return -1;
	}
	for (;;) {
		while (is_blank(*line))
			line++;
		if (*line == '#')
			line += strcspn(line, "\n");
		if (*line == '\0')
			break;
		if (n == MAXTOKENS - 1) {
			fprintf(stderr, "sh: too many words\n");
			return -1;
		}
		toks[n].fd = io_number(&line);
		if (is_operator(*line)) {
			toks[n].word = NULL;
			toks[n++].type = operator(&line);
			continue;
		}
		toks[n].type = T_WORD;
		toks[n].word = out;
		if ((out = word(&line, out)) == NULL) {
			fprintf(stderr, "sh: a quote or a $( is not closed\n");
			return -1;
		}
		n++;
	}
	toks[n].type = T_END;
	toks[n].word = NULL;
	toks[n].fd = -1;
	return n + 1;
}
