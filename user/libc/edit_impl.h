/*
 * edit_impl.h - the line editor behind readline(3), in pieces that know
 * nothing of terminals, so that each can be tested on its own:
 *
 *	edit_keys.c	bytes to keys (escape sequences of arrows, Home, ...)
 *	edit_line.c	the line being edited and how it is drawn
 *	edit_hist.c	the history list and its reverse search
 *	edit_complete.c	Tab: command names and paths
 *	edit.c		the editor: what each key does (edit_feed)
 *	readline.c	the terminal: raw mode, reading keys, readline()
 *
 * Drawing uses only carriage return, backspace and printable characters
 * (plus the ANSI clear-screen sequence for ^L), which the serial console
 * and the VGA console both understand: to move the cursor left the line
 * is redrawn from its start. A line wider than the screen scrolls
 * sideways.
 */
#ifndef _LIBC_EDIT_IMPL_H_
#define _LIBC_EDIT_IMPL_H_

#include <stddef.h>

/* Keys: a byte below 256 stands for itself. */
enum {
	K_NONE = -1,		/* more bytes needed */
	K_UP = 256, K_DOWN, K_LEFT, K_RIGHT, K_HOME, K_END, K_DELETE,
	K_WORD_LEFT, K_WORD_RIGHT,
};

#define CTRL(c)		((c) & 0x1f)

/* edit_keys.c: an escape sequence in progress. */
struct keys {
	unsigned char	seq[8];
	int		n;
};

int	edit_key(struct keys *, int byte);

/* edit_line.c: the text, the cursor, and output gathered for the terminal. */
struct obuf {
	char	*p;
	size_t	len, cap;
};

struct line {
	char		*buf;		/* NUL-terminated */
	size_t		len, cap;
	size_t		pos;		/* the cursor, 0..len */
	const char	*prompt;
	size_t		cols;		/* the screen's width */
	size_t		shown;		/* columns drawn: prompt and text */
	size_t		first;		/* first character of buf on the screen */
	struct obuf	out;
};

int	line_init(struct line *, const char *prompt, size_t cols);
void	line_free(struct line *);
int	line_set(struct line *, const char *text);
int	line_insert(struct line *, const char *s, size_t n);
void	line_delete(struct line *, size_t from, size_t to);
size_t	line_word_left(const struct line *);
size_t	line_word_right(const struct line *);
size_t	line_width(const struct line *);
void	line_refresh(struct line *);
void	line_put(struct line *, const char *s, size_t n);
void	line_puts(struct line *, const char *s);

/* edit_hist.c */
#define HISTORY_MAX	100

struct history {
	char	*entry[HISTORY_MAX];	/* oldest first */
	int	n;
};

int	hist_add(struct history *, const char *line);
int	hist_search(const struct history *, const char *text, int before);
void	hist_clear(struct history *);

/* edit_complete.c */
struct completion {
	char	**match;		/* candidates, sorted */
	int	n;
	size_t	word;			/* where the word being completed starts */
	int	command;		/* it is a command name (first word) */
};

int	complete(const char *buf, size_t pos, struct completion *c);
size_t	common_prefix(char *const *words, int n);
void	completion_free(struct completion *);

/* edit.c: one editor for one line. */
enum edit_result { EDIT_MORE, EDIT_DONE, EDIT_EOF };

struct editor {
	const char	*prompt;
	struct line	line;
	struct keys	keys;
	struct history	*hist;
	int		hist_pos;	/* entry being shown; hist->n: the new line */
	char		*saved;		/* the new line while history is shown */
	int		tabs;		/* Tab pressed twice in a row lists */
	int		searching;	/* in a ^R reverse search */
	char		query[64];
	int		found;		/* history entry that matched */
};

int	edit_begin(struct editor *, const char *prompt, size_t cols,
	    struct history *);
enum edit_result edit_feed(struct editor *, int byte);
void	edit_end(struct editor *);

#endif
