/*
 * readline.c - readline(3) and its history on Kestrel's console.
 *
 * The terminal is put in non-canonical mode without echo and without
 * signal characters (the tty's ICANON, ECHO and ISIG off, one byte at a
 * time) for as long as the line is being edited, so that every key
 * reaches the editor (edit.c), which also draws the line; ^C then
 * abandons the line instead of sending SIGINT. The terminal's modes are
 * restored before readline returns. When standard input is not a
 * terminal, the prompt is written and a line is read as it is.
 */
#include <errno.h>
#include <readline/readline.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "edit_impl.h"

#define DEFAULT_COLUMNS	80	/* both consoles are 80 columns wide */

static struct history history;

int
add_history(const char *line)
{
	return hist_add(&history, line);
}

void
clear_history(void)
{
	hist_clear(&history);
}

static size_t
columns(void)
{
	const char *s = getenv("COLUMNS");
	long n = s != NULL ? strtol(s, NULL, 10) : 0;

	return n >= 20 && n <= 1000 ? (size_t)n : DEFAULT_COLUMNS;
}

/* Writes what the editor drew and empties its buffer. */
static void
flush(struct line *l)
{
	size_t done = 0;
	ssize_t w;

	while (done < l->out.len) {
		w = write(STDOUT_FILENO, l->out.p + done, l->out.len - done);
		if (w <= 0 && errno != EINTR)
			break;
		if (w > 0)
			done += (size_t)w;
	}
	l->out.len = 0;
}

/* Not a terminal: the prompt, then a plain line. */
static char *
read_plain(const char *prompt)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	fputs(prompt, stdout);
	fflush(stdout);
	if ((n = getline(&line, &cap, stdin)) == -1) {
		free(line);
		return NULL;
	}
	if (n > 0 && line[n - 1] == '\n')
		line[n - 1] = '\0';
	return line;
}

char *
readline(const char *prompt)
{
	struct termios saved, raw;
	enum edit_result r = EDIT_MORE;
	struct editor e;
	unsigned char c;
	char *line = NULL;
	ssize_t n;

	if (prompt == NULL)
		prompt = "";
	if (tcgetattr(STDIN_FILENO, &saved) == -1)
		return read_plain(prompt);
	raw = saved;
	raw.c_lflag &= ~(ICANON | ECHO | ISIG);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	fflush(stdout);
	if (tcsetattr(STDIN_FILENO, TCSANOW, &raw) == -1)
		return read_plain(prompt);
	if (edit_begin(&e, prompt, columns(), &history) == -1) {
		tcsetattr(STDIN_FILENO, TCSANOW, &saved);
		return read_plain(prompt);
	}
	flush(&e.line);
	/*
	 * One byte at a time: what is typed after Enter must stay in the tty
	 * for the command the line runs (cat reads it) or the next line.
	 */
	while (r == EDIT_MORE) {
		n = read(STDIN_FILENO, &c, 1);
		if (n == -1 && errno == EINTR)
			continue;
		r = n == 1 ? edit_feed(&e, c) : EDIT_EOF;
		flush(&e.line);
	}
	tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	if (r == EDIT_DONE && (line = strdup(e.line.buf)) == NULL)
		errno = ENOMEM;
	edit_end(&e);
	return line;
}
