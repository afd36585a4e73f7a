/*
 * lex.c - splitting a command line into tokens: words and the operators
 * | & ; && || < > >> <& >& (a newline counts as ';'). A redirection may be
 * preceded by the number of the descriptor it applies to, written against
 * it ("2>&1", "2>err"). A word runs to unquoted white space or an
 * operator; quotes ('...', "...") and backslashes are kept in the word for
 * expand() to interpret later. An unquoted '#' that starts a word begins a
 * comment.
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

/*
 * Copies the word at *p into out; returns the end of the copy, or NULL if
 * a quote is not closed.
 */
static char *
word(const char **p, char *out)
{
	const char *s = *p;
	char q;

	while (*s != '\0' && !is_blank(*s) && !is_operator(*s)) {
		if (*s == '\\' && s[1] != '\0') {
			*out++ = *s++;
			*out++ = *s++;
		} else if (*s == '\'' || *s == '"') {
			q = *s;
			*out++ = *s++;
			while (*s != q) {
				if (*s == '\0')
					return NULL;
				if (q == '"' && *s == '\\' && s[1] != '\0')
					*out++ = *s++;
				*out++ = *s++;
			}
			*out++ = *s++;
		} else
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
			fprintf(stderr, "sh: unterminated quote\n");
			return -1;
		}
		n++;
	}
	toks[n].type = T_END;
	toks[n].word = NULL;
	toks[n].fd = -1;
	return n + 1;
}
