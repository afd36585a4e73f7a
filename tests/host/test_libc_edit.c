// SOURCES: user/libc/edit.c user/libc/edit_keys.c user/libc/edit_line.c user/libc/edit_hist.c user/libc/edit_complete.c
/*
 * test_libc_edit.c - the line editor behind readline (user/libc/edit*.c)
 * driven with the bytes a terminal sends: the escape sequences of the
 * arrows, Home, End and Delete; editing in the middle of a line; ^K ^U ^W
 * and word moves; history with Up and Down; ^R search; Tab completion of
 * commands (from PATH) and paths (in a scratch directory); ^C, ^D and ^L.
 * Everything the editor writes is played on two model screens, one whose
 * backspace only moves the cursor (a serial terminal) and one whose
 * backspace erases (Kestrel's VGA console): after every key both must
 * show the prompt and the line, with the cursor on the right character.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "libc/edit_impl.h"

static int failures;
static const char *current;

#define CHECK(cond, ...) do {						\
	if (!(cond)) {							\
		failures++;						\
		printf("FAIL %s: line %d: ", current, __LINE__);	\
		printf(__VA_ARGS__);					\
		printf("\n");						\
		return;							\
	}								\
} while (0)

/* A one-row screen, 80 columns and more (the editor scrolls sideways). */
struct screen {
	char	row[512];
	int	col;
	int	erasing_bs;	/* the VGA console's backspace */
};

static void
play(struct screen *s, const char *p, size_t n)
{
	for (; n > 0; p++, n--) {
		if (*p == '\r')
			s->col = 0;
		else if (*p == '\n') {
			memset(s->row, 0, sizeof(s->row));
			s->col = 0;
		} else if (*p == '\b') {
			if (s->col > 0)
				s->col--;
			if (s->erasing_bs)
				s->row[s->col] = ' ';
		} else if (*p == '\033') {	/* only ^L's ESC [ H ESC [ 2 J */
			memset(s->row, 0, sizeof(s->row));
			s->col = 0;
			p += 2;
			n -= 2;
		} else if (s->col < (int)sizeof(s->row) - 1)
			s->row[s->col++] = *p;
	}
}

/* The row without trailing blanks. */
static const char *
text(struct screen *s)
{
	static char buf[512];
	int n;

	memcpy(buf, s->row, sizeof(buf));
	buf[sizeof(buf) - 1] = '\0';
	for (n = 0; n < (int)sizeof(buf) && buf[n] != '\0'; n++)
		;
	while (n > 0 && (buf[n - 1] == ' ' || buf[n - 1] == '\0'))
		n--;
	buf[n] = '\0';
	return buf;
}

struct term {
	struct editor	e;
	struct screen	serial, vga;
	enum edit_result last;
};

static void
start(struct term *t, const char *prompt, size_t cols, struct history *h)
{
	memset(t, 0, sizeof(*t));
	t->vga.erasing_bs = 1;
	edit_begin(&t->e, prompt, cols, h);
	t->last = EDIT_MORE;
}

/* Feeds bytes; after each key the screens must show the line. */
static int
type(struct term *t, const char *bytes, size_t n)
{
	struct line *l = &t->e.line;
	char want[512];
	size_t plen, vis;

	for (; n > 0 && t->last == EDIT_MORE; bytes++, n--) {
		t->last = edit_feed(&t->e, (unsigned char)*bytes);
		play(&t->serial, l->out.p, l->out.len);
		play(&t->vga, l->out.p, l->out.len);
		l->out.len = 0;
		if (t->last != EDIT_MORE || t->e.keys.n > 0)
			continue;
		plen = strlen(l->prompt);
		vis = l->len - l->first;
		if (vis > l->cols - plen - 1)
			vis = l->cols - plen - 1;
		snprintf(want, sizeof(want), "%s%.*s", l->prompt, (int)vis,
		    l->buf + l->first);
		while (strlen(want) > 0 && want[strlen(want) - 1] == ' ')
			want[strlen(want) - 1] = '\0';
		if (strcmp(text(&t->serial), want) != 0 ||
		    strcmp(text(&t->vga), want) != 0 ||
		    t->serial.col != (int)(plen + l->pos - l->first) ||
		    t->vga.col != t->serial.col) {
			failures++;
			printf("FAIL %s: screen \"%s\" / \"%s\" col %d/%d, want "
			    "\"%s\" col %d\n", current, text(&t->serial),
			    text(&t->vga), t->serial.col, t->vga.col, want,
			    (int)(plen + l->pos - l->first));
			return -1;
		}
	}
	return 0;
}

#define TYPE(t, s)	do {						\
	if (type(t, s, sizeof(s) - 1) == -1)				\
		return;							\
} while (0)

static void
pass(void)
{
	printf("PASS %s\n", current);
}

static void
test_keys(void)
{
	static const struct {
		const char	*seq;
		int		key;
	} seqs[] = {
		{ "\033[A", K_UP }, { "\033[B", K_DOWN }, { "\033[C", K_RIGHT },
		{ "\033[D", K_LEFT }, { "\033OA", K_UP }, { "\033OD", K_LEFT },
		{ "\033[H", K_HOME }, { "\033[F", K_END }, { "\033OH", K_HOME },
		{ "\033OF", K_END }, { "\033[1~", K_HOME }, { "\033[4~", K_END },
		{ "\033[7~", K_HOME }, { "\033[8~", K_END },
		{ "\033[3~", K_DELETE }, { "\033[1;5C", K_WORD_RIGHT },
		{ "\033[1;5D", K_WORD_LEFT }, { "\033b", K_WORD_LEFT },
		{ "\033f", K_WORD_RIGHT }, { "\033x", 'x' }, { "a", 'a' },
		{ "\033[2~", K_NONE }, { "\033[15;2~", K_NONE },
	};
	struct keys k = { { 0 }, 0 };
	unsigned i;
	size_t j;
	int key;

	current = "edit_keys";
	for (i = 0; i < sizeof(seqs) / sizeof(seqs[0]); i++) {
		key = K_NONE;
		for (j = 0; seqs[i].seq[j] != '\0'; j++) {
			key = edit_key(&k, (unsigned char)seqs[i].seq[j]);
			CHECK(seqs[i].seq[j + 1] == '\0' || key == K_NONE,
			    "sequence %u ended early", i);
		}
		CHECK(key == seqs[i].key && k.n == 0, "sequence %u gave %d, want "
		    "%d", i, key, seqs[i].key);
	}
	pass();
}

static void
test_editing(void)
{
	struct term t;

	current = "edit_editing";
	start(&t, "$ ", 80, NULL);
	TYPE(&t, "echo ab\033[DZ");		/* <- then insert */
	CHECK(strcmp(t.e.line.buf, "echo aZb") == 0, "\"%s\"", t.e.line.buf);
	TYPE(&t, "\033[H\033[3~\033OF!");	/* Home, Delete, End */
	CHECK(strcmp(t.e.line.buf, "cho aZb!") == 0, "\"%s\"", t.e.line.buf);
	TYPE(&t, "\001e\005\b\b");		/* ^A, ^E, two backspaces */
	CHECK(strcmp(t.e.line.buf, "echo aZ") == 0, "\"%s\"", t.e.line.buf);
	TYPE(&t, "\033[D\033[D\177");		/* backspace mid-line */
	CHECK(strcmp(t.e.line.buf, "echoaZ") == 0 && t.e.line.pos == 4,
	    "\"%s\" at %zu", t.e.line.buf, t.e.line.pos);
	TYPE(&t, " one two\027");		/* ^W */
	CHECK(strcmp(t.e.line.buf, "echo one aZ") == 0, "\"%s\"",
	    t.e.line.buf);
	TYPE(&t, "\033b\013");		/* a word back, ^K */
	CHECK(strcmp(t.e.line.buf, "echo ") == 0, "\"%s\"", t.e.line.buf);
	TYPE(&t, "x y\033[1;5D\025");		/* word back, ^U */
	CHECK(strcmp(t.e.line.buf, "y") == 0 && t.e.line.pos == 0, "\"%s\"",
	    t.e.line.buf);
	TYPE(&t, "\004\004");			/* ^D deletes, then: end of input */
	CHECK(t.last == EDIT_EOF, "^D on an empty line gave %d", t.last);
	edit_end(&t.e);
	start(&t, "$ ", 80, NULL);
	TYPE(&t, "abc\003");
	CHECK(t.last == EDIT_DONE && t.e.line.buf[0] == '\0', "^C");
	edit_end(&t.e);
	start(&t, "$ ", 80, NULL);
	TYPE(&t, "ab\014cd\r");			/* ^L keeps the line */
	CHECK(t.last == EDIT_DONE && strcmp(t.e.line.buf, "abcd") == 0,
	    "\"%s\"", t.e.line.buf);
	edit_end(&t.e);
	pass();
}

/* A line much wider than a 20-column screen: a window follows the cursor. */
static void
test_scrolling(void)
{
	struct term t;
	int i;

	current = "edit_scrolling";
	start(&t, "> ", 20, NULL);
	TYPE(&t, "0123456789abcdefghijklmnopqrstuvwxyz");
	CHECK(t.e.line.first > 0, "did not scroll");
	for (i = 0; i < 30; i++)
		TYPE(&t, "\033[D");
	TYPE(&t, "\001X\005Y");
	CHECK(strcmp(t.e.line.buf, "X0123456789abcdefghijklmnopqrstuvwxyzY") ==
	    0, "\"%s\"", t.e.line.buf);
	edit_end(&t.e);
	pass();
}

static void
test_history(void)
{
	struct history h;
	struct term t;
	int i;

	current = "edit_history";
	memset(&h, 0, sizeof(h));
	hist_add(&h, "first");
	hist_add(&h, "second");
	hist_add(&h, "second");		/* a repeat is not kept */
	hist_add(&h, "");
	CHECK(h.n == 2, "%d entries", h.n);
	start(&t, "$ ", 80, &h);
	TYPE(&t, "new\033[A");
	CHECK(strcmp(t.e.line.buf, "second") == 0, "\"%s\"", t.e.line.buf);
	TYPE(&t, "\033[A\033[A");	/* stays at the oldest */
	CHECK(strcmp(t.e.line.buf, "first") == 0, "\"%s\"", t.e.line.buf);
	TYPE(&t, "\016\016");		/* ^N twice: back to what was typed */
	CHECK(strcmp(t.e.line.buf, "new") == 0, "\"%s\"", t.e.line.buf);
	TYPE(&t, "\020!\r");		/* ^P, edit the old line, Enter */
	CHECK(t.last == EDIT_DONE && strcmp(t.e.line.buf, "second!") == 0,
	    "\"%s\"", t.e.line.buf);
	edit_end(&t.e);
	for (i = 0; i < HISTORY_MAX + 10; i++) {
		char s[16];

		snprintf(s, sizeof(s), "line %d", i);
		hist_add(&h, s);
	}
	CHECK(h.n == HISTORY_MAX && strcmp(h.entry[0], "line 10") == 0,
	    "oldest kept \"%s\"", h.entry[0]);
	hist_clear(&h);
	pass();
}

static void
test_search(void)
{
	struct history h;
	struct term t;

	current = "edit_search";
	memset(&h, 0, sizeof(h));
	hist_add(&h, "make run");
	hist_add(&h, "grep x file");
	hist_add(&h, "make test");
	start(&t, "$ ", 80, &h);
	TYPE(&t, "typed\022ma");		/* ^R "ma": the newest match */
	CHECK(t.e.found == 2, "found %d", t.e.found);
	TYPE(&t, "\022");			/* ^R again: older */
	CHECK(t.e.found == 0, "found %d", t.e.found);
	TYPE(&t, "\007");			/* ^G: cancelled */
	CHECK(!t.e.searching && strcmp(t.e.line.buf, "typed") == 0 &&
	    strcmp(t.e.line.prompt, "$ ") == 0, "\"%s\"", t.e.line.buf);
	TYPE(&t, "\022rep\033[C!\r");		/* accept with ->, edit, Enter */
	CHECK(t.last == EDIT_DONE && strcmp(t.e.line.buf, "grep x file!") == 0,
	    "\"%s\"", t.e.line.buf);
	edit_end(&t.e);
	start(&t, "$ ", 80, &h);
	TYPE(&t, "\022test\r");
	CHECK(t.last == EDIT_DONE && strcmp(t.e.line.buf, "make test") == 0,
	    "\"%s\"", t.e.line.buf);
	edit_end(&t.e);
	hist_clear(&h);
	pass();
}

static void
touch(const char *path, int mode)
{
	int fd = open(path, O_WRONLY | O_CREAT, mode);

	if (fd >= 0)
		close(fd);
	chmod(path, mode);
}

static void
test_complete(void)
{
	char dir[] = "/tmp/kestrel-edit-XXXXXX", path[96], cmd[96];
	struct term t;

	current = "edit_complete";
	CHECK(mkdtemp(dir) != NULL, "no scratch directory");
	snprintf(path, sizeof(path), "%s/bin", dir);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/bin/alpha", dir);
	touch(path, 0755);
	snprintf(path, sizeof(path), "%s/bin/alpine", dir);
	touch(path, 0755);
	snprintf(path, sizeof(path), "%s/bin/notes", dir);
	touch(path, 0644);			/* not a command */
	snprintf(path, sizeof(path), "%s/bin", dir);
	setenv("PATH", path, 1);

	start(&t, "$ ", 80, NULL);
	TYPE(&t, "al\t");			/* the common part */
	CHECK(strcmp(t.e.line.buf, "alp") == 0, "\"%s\"", t.e.line.buf);
	TYPE(&t, "\t\t");			/* the second Tab lists */
	CHECK(strcmp(t.e.line.buf, "alp") == 0 && t.e.tabs == 2, "list");
	TYPE(&t, "h\t");			/* unique: a space after */
	CHECK(strcmp(t.e.line.buf, "alpha ") == 0, "\"%s\"", t.e.line.buf);
	TYPE(&t, "no\t");			/* not a command, but a path? no */
	CHECK(strcmp(t.e.line.buf, "alpha no") == 0, "\"%s\"", t.e.line.buf);
	edit_end(&t.e);

	start(&t, "$ ", 80, NULL);
	snprintf(cmd, sizeof(cmd), "cat %s/b\t", dir);
	type(&t, cmd, strlen(cmd));		/* a directory: a '/' after */
	snprintf(path, sizeof(path), "cat %s/bin/", dir);
	CHECK(strcmp(t.e.line.buf, path) == 0, "\"%s\"", t.e.line.buf);
	TYPE(&t, "n\t");
	snprintf(path, sizeof(path), "cat %s/bin/notes ", dir);
	CHECK(strcmp(t.e.line.buf, path) == 0, "\"%s\"", t.e.line.buf);
	TYPE(&t, "| alpi\t");			/* a command after a pipe */
	CHECK(strstr(t.e.line.buf, "| alpine ") != NULL, "\"%s\"",
	    t.e.line.buf);
	edit_end(&t.e);
	setenv("PATH", "/bin:/usr/bin", 1);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	CHECK(system(cmd) == 0, "cleaning up");
	pass();
}

int
main(void)
{
	test_keys();
	test_editing();
	test_scrolling();
	test_history();
	test_search();
	test_complete();
	return failures != 0;
}
