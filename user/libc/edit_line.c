/*
 * edit_line.c - the line being edited: its text and cursor, the edits on
 * them, and drawing it after the prompt.
 *
 * Drawing needs only what every console understands (see edit_impl.h):
 * line_refresh writes a carriage return, the prompt, the visible part of
 * the text, blanks over what was drawn before beyond it, then a carriage
 * return and the prompt and text again up to the cursor, which leaves the
 * cursor in place. When prompt and text are wider than the screen, the
 * visible part is a window that follows the cursor, moving half a screen
 * at a time.
 */
#include <stdlib.h>
#include <string.h>
#include "edit_impl.h"

void
line_put(struct line *l, const char *s, size_t n)
{
	char *grown;
	size_t cap;

	if (l->out.len + n > l->out.cap) {
		cap = (l->out.len + n) * 2;
		if ((grown = realloc(l->out.p, cap)) == NULL)
			return;		/* the screen misses a redraw */
		l->out.p = grown;
		l->out.cap = cap;
	}
	memcpy(l->out.p + l->out.len, s, n);
	l->out.len += n;
}

void
line_puts(struct line *l, const char *s)
{
	line_put(l, s, strlen(s));
}

static int
reserve(struct line *l, size_t need)
{
	char *grown;
	size_t cap = l->cap;

	if (need + 1 <= cap)
		return 0;
	while (cap < need + 1)
		cap = cap ? cap * 2 : 128;
	if ((grown = realloc(l->buf, cap)) == NULL)
		return -1;
	l->buf = grown;
	l->cap = cap;
	return 0;
}

int
line_init(struct line *l, const char *prompt, size_t cols)
{
	memset(l, 0, sizeof(*l));
	l->prompt = prompt;
	l->cols = cols;
	if (reserve(l, 0) == -1)
		return -1;
	l->buf[0] = '\0';
	return 0;
}

void
line_free(struct line *l)
{
	free(l->buf);
	free(l->out.p);
	l->buf = l->out.p = NULL;
}

/* Replaces the text (history, completion); the cursor goes to its end. */
int
line_set(struct line *l, const char *text)
{
	size_t n = strlen(text);

	if (reserve(l, n) == -1)
		return -1;
	memcpy(l->buf, text, n + 1);
	l->len = l->pos = n;
	return 0;
}

int
line_insert(struct line *l, const char *s, size_t n)
{
	if (reserve(l, l->len + n) == -1)
		return -1;
	memmove(l->buf + l->pos + n, l->buf + l->pos, l->len - l->pos + 1);
	memcpy(l->buf + l->pos, s, n);
	l->len += n;
	l->pos += n;
	return 0;
}

/* Removes buf[from, to); the cursor stays on the same character. */
void
line_delete(struct line *l, size_t from, size_t to)
{
	if (to > l->len)
		to = l->len;
	if (from >= to)
		return;
	memmove(l->buf + from, l->buf + to, l->len - to + 1);
	l->len -= to - from;
	if (l->pos >= to)
		l->pos -= to - from;
	else if (l->pos > from)
		l->pos = from;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* The start of the word before the cursor (skipping blanks first). */
size_t
line_word_left(const struct line *l)
{
	size_t p = l->pos;

	while (p > 0 && is_space(l->buf[p - 1]))
		p--;
	while (p > 0 && !is_space(l->buf[p - 1]))
		p--;
	return p;
}

/* The end of the word at or after the cursor. */
size_t
line_word_right(const struct line *l)
{
	size_t p = l->pos;

	while (p < l->len && is_space(l->buf[p]))
		p++;
	while (p < l->len && !is_space(l->buf[p]))
		p++;
	return p;
}

/* The columns the text may use after the prompt. */
size_t
line_width(const struct line *l)
{
	size_t plen = strlen(l->prompt);

	return l->cols > plen + 1 ? l->cols - plen - 1 : 1;
}

void
line_refresh(struct line *l)
{
	size_t plen = strlen(l->prompt), width, n, old = l->shown;

	/*
	 * Room for the text, with the last column kept free for the cursor.
	 * The window jumps by half its width, so that typing on at the end
	 * of a long line mostly needs no redraw (edit.c).
	 */
	width = line_width(l);
	if (l->pos < l->first)
		l->first = l->pos > width / 2 ? l->pos - width / 2 : 0;
	if (l->pos > l->first + width)
		l->first = l->pos - width / 2;
	n = l->len - l->first;
	if (n > width)
		n = width;
	line_put(l, "\r", 1);
	line_puts(l, l->prompt);
	line_put(l, l->buf + l->first, n);
	for (; old > plen + n; old--)	/* blank what was longer before */
		line_put(l, " ", 1);
	line_put(l, "\r", 1);
	line_puts(l, l->prompt);
	line_put(l, l->buf + l->first, l->pos - l->first);
	l->shown = plen + n;
}
