/*
 * edit.c - the line editor: what each key does to the line (see
 * edit_impl.h for the pieces). edit_feed takes the bytes the terminal
 * sends, one at a time, and leaves what should appear on the screen in
 * the line's output buffer; readline.c writes it out.
 *
 *	<- ->  ^B ^F		move one character	Home End ^A ^E	to the ends
 *	Meta-b Meta-f		move one word		Ctrl-<- Ctrl->	the same
 *	Backspace ^H, Delete	delete before / under the cursor
 *	^D			delete under the cursor; on an empty line: end of input
 *	^K ^U ^W		delete to the end, to the start, the word before
 *	Up Down ^P ^N		older and newer lines from the history
 *	^R			search the history backwards as you type
 *	Tab			complete a command name or a path; twice: list
 *	^L			clear the screen	^C	abandon the line
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "edit_impl.h"

int
edit_begin(struct editor *e, const char *prompt, size_t cols,
    struct history *h)
{
	memset(e, 0, sizeof(*e));
	if (line_init(&e->line, prompt, cols) == -1)
		return -1;
	e->prompt = prompt;
	e->hist = h;
	e->hist_pos = h != NULL ? h->n : 0;
	e->found = -1;
	line_puts(&e->line, prompt);
	e->line.shown = strlen(prompt);
	return 0;
}

void
edit_end(struct editor *e)
{
	line_free(&e->line);
	free(e->saved);
	e->saved = NULL;
}

/*
 * Whether the screen shows the line from l->first to its end with the
 * cursor after it: then typing or erasing at the end needs no redraw.
 */
static int
at_shown_end(const struct line *l)
{
	return l->pos == l->len && l->shown == strlen(l->prompt) + l->len -
	    l->first;
}

/* A typed character; at the end of the line, usually no redraw needed. */
static void
insert_char(struct editor *e, int c)
{
	struct line *l = &e->line;
	char ch = (char)c;
	int simple = at_shown_end(l) && l->len - l->first < line_width(l);

	if (line_insert(l, &ch, 1) == -1)
		return;
	if (simple) {
		line_put(l, &ch, 1);
		l->shown++;
	} else
		line_refresh(l);
}

static void
backspace(struct editor *e)
{
	struct line *l = &e->line;

	if (l->pos == 0)
		return;
	if (at_shown_end(l) && l->len > l->first) {
		line_delete(l, l->pos - 1, l->pos);
		line_puts(l, "\b \b");
		l->shown--;
		return;
	}
	line_delete(l, l->pos - 1, l->pos);
	line_refresh(l);
}

/* Shows history entry i (e->hist->n: the line being typed). */
static void
show_history(struct editor *e, int i)
{
	struct history *h = e->hist;

	if (h == NULL || i < 0 || i > h->n || i == e->hist_pos)
		return;
	if (e->hist_pos == h->n) {
		free(e->saved);
		e->saved = strdup(e->line.buf);
	}
	e->hist_pos = i;
	line_set(&e->line, i < h->n ? h->entry[i] : e->saved != NULL ?
	    e->saved : "");
	line_refresh(&e->line);
}

/* Tab: completes the word, or lists the candidates on a second Tab. */
static void
tab(struct editor *e)
{
	struct line *l = &e->line;
	struct completion c;
	size_t common, have;
	int i;

	if (complete(l->buf, l->pos, &c) == 0) {
		completion_free(&c);
		return;
	}
	have = l->pos - c.word;
	common = common_prefix(c.match, c.n);
	if (common > have || c.n == 1) {
		line_delete(l, c.word, l->pos);
		line_insert(l, c.match[0], common);
		if (c.n == 1 && c.match[0][common - 1] != '/')
			line_insert(l, " ", 1);
		line_refresh(l);
	} else if (e->tabs++ > 0) {
		line_put(l, "\n", 1);
		for (i = 0; i < c.n; i++) {
			line_puts(l, c.match[i]);
			line_puts(l, i + 1 < c.n ? "  " : "\n");
		}
		l->shown = 0;
		line_refresh(l);
	}
	completion_free(&c);
}

/* The ^R prompt: "(reverse-i-search)`query': " and the entry found. */
static void
show_search(struct editor *e)
{
	static char prompt[96];

	snprintf(prompt, sizeof(prompt), "(reverse-i-search)`%s': ", e->query);
	e->line.prompt = prompt;
	if (e->found >= 0)
		line_set(&e->line, e->hist->entry[e->found]);
	line_refresh(&e->line);
}

static void
leave_search(struct editor *e, int keep)
{
	e->searching = 0;
	e->line.prompt = e->prompt;
	if (!keep && e->saved != NULL)
		line_set(&e->line, e->saved);
	else if (keep && e->found >= 0)
		e->hist_pos = e->found;
	line_refresh(&e->line);
}

static enum edit_result key(struct editor *e, int k);

/* A key during a ^R search. */
static enum edit_result
search_key(struct editor *e, int k)
{
	size_t n = strlen(e->query);
	int i;

	if (k == CTRL('r')) {
		if (e->found > 0 && (i = hist_search(e->hist, e->query,
		    e->found)) >= 0)
			e->found = i;
	} else if (k == 0x7f || k == CTRL('h')) {
		if (n > 0)
			e->query[n - 1] = '\0';
		e->found = hist_search(e->hist, e->query, e->hist->n);
	} else if (k >= ' ' && k < 0x7f && n + 1 < sizeof(e->query)) {
		e->query[n] = (char)k;
		e->query[n + 1] = '\0';
		i = hist_search(e->hist, e->query, e->found >= 0 ?
		    e->found + 1 : e->hist->n);
		if (i >= 0)
			e->found = i;
	} else if (k == CTRL('g') || k == CTRL('c')) {
		leave_search(e, 0);
		return EDIT_MORE;
	} else {
		/* Any other key takes the entry found and does its job. */
		leave_search(e, 1);
		return key(e, k);
	}
	show_search(e);
	return EDIT_MORE;
}

static void
start_search(struct editor *e)
{
	if (e->hist == NULL)
		return;
	free(e->saved);
	e->saved = strdup(e->line.buf);
	e->searching = 1;
	e->query[0] = '\0';
	e->found = -1;
	show_search(e);
}

static enum edit_result
key(struct editor *e, int k)
{
	struct line *l = &e->line;

	if (k != '\t')
		e->tabs = 0;
	switch (k) {
	case '\r':
	case '\n':
		if (!at_shown_end(l)) {
			l->pos = l->len;
			line_refresh(l);
		}
		line_put(l, "\n", 1);
		return EDIT_DONE;
	case CTRL('d'):
		if (l->len == 0)
			return EDIT_EOF;
		line_delete(l, l->pos, l->pos + 1);
		break;
	case CTRL('c'):
		line_puts(l, "^C\n");
		line_set(l, "");
		return EDIT_DONE;
	case 0x7f:
	case CTRL('h'):
		backspace(e);
		return EDIT_MORE;
	case K_DELETE:
		line_delete(l, l->pos, l->pos + 1);
		break;
	case K_LEFT:
	case CTRL('b'):
		if (l->pos > 0)
			l->pos--;
		break;
	case K_RIGHT:
	case CTRL('f'):
		if (l->pos < l->len)
			l->pos++;
		break;
	case K_HOME:
	case CTRL('a'):
		l->pos = 0;
		break;
	case K_END:
	case CTRL('e'):
		l->pos = l->len;
		break;
	case K_WORD_LEFT:
		l->pos = line_word_left(l);
		break;
	case K_WORD_RIGHT:
		l->pos = line_word_right(l);
		break;
	case CTRL('k'):
		line_delete(l, l->pos, l->len);
		break;
	case CTRL('u'):
		line_delete(l, 0, l->pos);
		break;
	case CTRL('w'):
		line_delete(l, line_word_left(l), l->pos);
		break;
	case CTRL('l'):
		line_puts(l, "\033[H\033[2J");
		l->shown = 0;
		break;
	case K_UP:
	case CTRL('p'):
		show_history(e, e->hist_pos - 1);
		return EDIT_MORE;
	case K_DOWN:
	case CTRL('n'):
		show_history(e, e->hist_pos + 1);
		return EDIT_MORE;
	case CTRL('r'):
		start_search(e);
		return EDIT_MORE;
	case '\t':
		tab(e);
		return EDIT_MORE;
	default:
		if (k >= ' ' && k < 256 && k != 0x7f)
			insert_char(e, k);
		return EDIT_MORE;	/* other control keys do nothing */
	}
	line_refresh(l);
	return EDIT_MORE;
}

enum edit_result
edit_feed(struct editor *e, int byte)
{
	int k = edit_key(&e->keys, byte);

	if (k == K_NONE)
		return EDIT_MORE;
	return e->searching ? search_key(e, k) : key(e, k);
}
