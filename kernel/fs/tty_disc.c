/*
 * tty_disc.c - the line discipline: what happens to each byte typed at the
 * terminal and to each byte written to it, as POSIX's General Terminal
 * Interface describes it, with FreeBSD's defaults.
 *
 * Typed bytes go into a ring (struct tty). In canonical mode (ICANON) they
 * form lines: a line is readable once it ends (NL, EOL, EOL2, or EOF, which
 * is not itself data, so ^D on an empty line reads as end of file and ^D
 * after text hands over the text without a newline), and until then it can
 * be edited: ERASE, ERASE2, WERASE and KILL take bytes back and take their
 * echo off the screen, REPRINT types the line again. A line longer than
 * TTY_MAXLINE is refused byte by byte with a bell, keeping room for the
 * byte that ends it. With ICANON off every byte is readable at once. ISIG
 * turns INTR, QUIT, SUSP and STATUS into signals for the foreground process
 * group (the caller, kernel/fs/tty.c, sends them).
 *
 * Output processing (OPOST) turns NL into CR NL (ONLCR) and a few rarer
 * things; the column it tracks lets a tab be erased exactly.
 *
 * Nothing here sleeps or knows about processes, so tests/host/test_tty_disc.c
 * runs this file on the host. The kernel calls it with interrupts off.
 */
#include <string.h>
#include <sys/signal.h>
#include "kernel/fs/tty.h"

#define CTRL(c)		((c) & 0x1f)
#define DEL		0x7f

static int
lflag(const struct tty *tp, tcflag_t f)
{
	return (tp->t_termios.c_lflag & f) != 0;
}

/* Is c the special character cc[i] (which may be disabled)? */
static int
is_cc(const struct tty *tp, int i, int c)
{
	cc_t v = tp->t_termios.c_cc[i];

	return v != _POSIX_VDISABLE && v == c;
}

static int
is_blank(int c)
{
	return c == ' ' || c == '\t';
}

static int
is_wordchar(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_';
}

void
ttydisc_init(struct tty *tp, void (*oproc)(int c))
{
	static const cc_t defaults[NCCS] = {
		[VEOF] = CTRL('d'), [VEOL] = _POSIX_VDISABLE,
		[VEOL2] = _POSIX_VDISABLE, [VERASE] = DEL,
		[VWERASE] = CTRL('w'), [VKILL] = CTRL('u'),
		[VREPRINT] = CTRL('r'), [VERASE2] = CTRL('h'),
		[VINTR] = CTRL('c'), [VQUIT] = CTRL('\\'), [VSUSP] = CTRL('z'),
		[VDSUSP] = CTRL('y'), [VSTART] = CTRL('q'), [VSTOP] = CTRL('s'),
		[VLNEXT] = CTRL('v'), [VDISCARD] = CTRL('o'), [VMIN] = 1,
		[VTIME] = 0, [VSTATUS] = CTRL('t'), [19] = _POSIX_VDISABLE,
	};
	struct termios *t = &tp->t_termios;

	memset(tp, 0, sizeof(*tp));
	t->c_iflag = ICRNL | IMAXBEL;
	t->c_oflag = OPOST | ONLCR;
	t->c_cflag = CREAD | CS8 | HUPCL;
	t->c_lflag = ECHOKE | ECHOE | ECHOK | ECHO | ECHOCTL | ISIG | ICANON |
	    IEXTEN;
	memcpy(t->c_cc, defaults, sizeof(defaults));
	t->c_ispeed = t->c_ospeed = B115200;
	tp->t_winsize.ws_row = 25;
	tp->t_winsize.ws_col = 80;
	tp->t_oproc = oproc;
}

/* ---------------------------------------------------------------- output */

/* One byte to the device, keeping track of the cursor's column. */
static void
put(struct tty *tp, int c)
{
	switch (c) {
	case '\b':
		if (tp->t_column > 0)
			tp->t_column--;
		break;
	case '\r':
		tp->t_column = 0;
		break;
	case '\t':
		tp->t_column = (tp->t_column | 7) + 1;
		break;
	default:
		if (c >= ' ' && c != DEL)
			tp->t_column++;
		break;
	}
	tp->t_oproc(c);
}

void
ttydisc_output(struct tty *tp, int c)
{
	tcflag_t o = tp->t_termios.c_oflag;

	if (!(o & OPOST)) {
		put(tp, c);
		return;
	}
	switch (c) {
	case '\n':
		if (o & ONLCR)
			put(tp, '\r');
		put(tp, '\n');
		if (o & ONLRET)
			tp->t_column = 0;
		return;
	case '\r':
		if ((o & ONOCR) && tp->t_column == 0)
			return;
		if (o & OCRNL) {
			put(tp, '\n');
			if (o & ONLRET)
				tp->t_column = 0;
			return;
		}
		break;
	case '\t':
		if ((o & TABDLY) == TAB3) {
			do
				put(tp, ' ');
			while (tp->t_column % 8 != 0);
			return;
		}
		break;
	case CTRL('d'):
		if (o & ONOEOT)
			return;
		break;
	}
	put(tp, c);
}

/* The echo of a typed byte: under ECHOCTL, control characters as ^X. */
static void
echo(struct tty *tp, int c)
{
	if (lflag(tp, ECHOCTL) && ((c < ' ' && c != '\t' && c != '\n') ||
	    c == DEL)) {
		ttydisc_output(tp, '^');
		ttydisc_output(tp, c == DEL ? '?' : c + '@');
	} else
		ttydisc_output(tp, c);
}

/* Columns the echo of c takes when it starts at column col. */
static int
echo_width(const struct tty *tp, int c, int col)
{
	if (c == '\t')
		return ((col | 7) + 1) - col;
	if (lflag(tp, ECHOCTL) && (c < ' ' || c == DEL))
		return 2;
	return 1;
}

/* Input refused: ring the bell (IMAXBEL) instead of losing a byte silently. */
static void
bell(struct tty *tp)
{
	if (tp->t_termios.c_iflag & IMAXBEL)
		put(tp, '\a');
}

/* ---------------------------------------------------------------- the ring */

static unsigned
slot(const struct tty *tp, unsigned i)
{
	return (tp->t_head + i) % TTY_BUFSIZE;
}

static int
last_byte(const struct tty *tp)
{
	return tp->t_buf[slot(tp, tp->t_count - 1)];
}

static void
append(struct tty *tp, int c, uint8_t flags)
{
	unsigned s = slot(tp, tp->t_count++);

	tp->t_buf[s] = c;
	tp->t_flags[s] = flags;
	if (flags != 0)
		tp->t_lines = tp->t_count;
}

void
ttydisc_flush(struct tty *tp)
{
	tp->t_head = tp->t_count = tp->t_lines = 0;
	tp->t_lnext = 0;
}

size_t
ttydisc_readable(const struct tty *tp)
{
	return lflag(tp, ICANON) ? tp->t_lines : tp->t_count;
}

/*
 * Take up to n bytes for a reader: in canonical mode no more than one line
 * (up to and with its NL), and an EOF that ends a line is used up without
 * being data; *eof says the read met an EOF before any byte (end of file).
 */
size_t
ttydisc_take(struct tty *tp, char *buf, size_t n, int *eof)
{
	int canon = lflag(tp, ICANON);
	size_t i = 0;

	*eof = 0;
	while (i < n && tp->t_count > 0 && (!canon || tp->t_lines > 0)) {
		unsigned s = tp->t_head;
		uint8_t f = tp->t_flags[s];

		tp->t_head = (s + 1) % TTY_BUFSIZE;
		tp->t_count--;
		if (tp->t_lines > 0)
			tp->t_lines--;
		if (f & TTYF_EOF) {
			if (!canon)
				continue;	/* typed in canonical mode, read raw */
			*eof = i == 0;
			break;
		}
		buf[i++] = tp->t_buf[s];
		if (canon && (f & TTYF_DELIM))
			break;
	}
	return i;
}

/* Switching ICANON either way makes what was typed so far readable as it is. */
void
ttydisc_setattr(struct tty *tp, const struct termios *t)
{
	if ((t->c_lflag ^ tp->t_termios.c_lflag) & ICANON)
		tp->t_lines = tp->t_count;
	tp->t_termios = *t;
}

/* ---------------------------------------------------------------- editing */

/* Take back the last byte of the line being typed, and its echo. 0: none. */
static int
rubout(struct tty *tp, int erasechar)
{
	unsigned i;
	int c, col, w;

	if (tp->t_count == tp->t_lines)
		return 0;
	c = last_byte(tp);
	tp->t_count--;
	if (!lflag(tp, ECHO))
		return 1;
	if (!lflag(tp, ECHOE)) {
		echo(tp, erasechar);
		return 1;
	}
	for (col = tp->t_startcol, i = tp->t_lines; i < tp->t_count; i++)
		col += echo_width(tp, tp->t_buf[slot(tp, i)], col);
	for (w = echo_width(tp, c, col); w > 0; w--) {
		ttydisc_output(tp, '\b');
		if (c != '\t') {
			ttydisc_output(tp, ' ');
			ttydisc_output(tp, '\b');
		}
	}
	return 1;
}

/* ^W: the blanks before the cursor, then the word before them. */
static void
word_erase(struct tty *tp, int c)
{
	int alt = lflag(tp, ALTWERASE), word;

	while (tp->t_count > tp->t_lines && is_blank(last_byte(tp)))
		rubout(tp, c);
	if (tp->t_count == tp->t_lines)
		return;
	word = !alt || is_wordchar(last_byte(tp));
	while (tp->t_count > tp->t_lines && !is_blank(last_byte(tp)) &&
	    (!alt || is_wordchar(last_byte(tp)) == word))
		rubout(tp, c);
}

/* ^U: the whole line; erased from the screen (ECHOKE) or left there. */
static void
kill_line(struct tty *tp, int c)
{
	if (lflag(tp, ECHOKE)) {
		while (rubout(tp, c))
			;
		return;
	}
	tp->t_count = tp->t_lines;
	if (lflag(tp, ECHO)) {
		echo(tp, c);
		if (lflag(tp, ECHOK))
			ttydisc_output(tp, '\n');
	}
}

/* ^R: the line again, on a line of its own. */
static void
reprint(struct tty *tp, int c)
{
	unsigned i;

	if (!lflag(tp, ECHO))
		return;
	echo(tp, c);
	ttydisc_output(tp, '\n');
	tp->t_startcol = tp->t_column;
	for (i = tp->t_lines; i < tp->t_count; i++)
		echo(tp, tp->t_buf[slot(tp, i)]);
}

/* A byte that is data (not special): stored if the line has room. */
static void
data(struct tty *tp, int c)
{
	if (tp->t_count - tp->t_lines >= TTY_MAXLINE ||
	    tp->t_count + 1 >= TTY_BUFSIZE) {
		bell(tp);
		return;
	}
	if (tp->t_count == tp->t_lines)
		tp->t_startcol = tp->t_column;
	append(tp, c, 0);
	if (lflag(tp, ECHO))
		echo(tp, c);
}

/* The end of a line (NL, EOL, EOL2) or an EOF. */
static void
line_end(struct tty *tp, int c, uint8_t flag)
{
	if (tp->t_count == TTY_BUFSIZE) {
		bell(tp);
		return;
	}
	append(tp, c, flag);
	if (flag == TTYF_DELIM &&
	    (lflag(tp, ECHO) || (c == '\n' && lflag(tp, ECHONL))))
		echo(tp, c);
}

static void
canonical(struct tty *tp, int c)
{
	if (is_cc(tp, VERASE, c) || is_cc(tp, VERASE2, c))
		rubout(tp, c);
	else if (is_cc(tp, VKILL, c))
		kill_line(tp, c);
	else if (lflag(tp, IEXTEN) && is_cc(tp, VWERASE, c))
		word_erase(tp, c);
	else if (lflag(tp, IEXTEN) && is_cc(tp, VREPRINT, c))
		reprint(tp, c);
	else if (lflag(tp, IEXTEN) && is_cc(tp, VLNEXT, c)) {
		tp->t_lnext = 1;
		if (lflag(tp, ECHO) && lflag(tp, ECHOCTL)) {
			ttydisc_output(tp, '^');
			ttydisc_output(tp, '\b');
		}
	} else if (is_cc(tp, VEOF, c))
		line_end(tp, c, TTYF_EOF);
	else if (c == '\n' || is_cc(tp, VEOL, c) || is_cc(tp, VEOL2, c))
		line_end(tp, c, TTYF_DELIM);
	else
		data(tp, c);
}

/* The signal a typed byte stands for under ISIG, or 0. */
static int
signal_char(const struct tty *tp, int c)
{
	if (is_cc(tp, VINTR, c))
		return SIGINT;
	if (is_cc(tp, VQUIT, c))
		return SIGQUIT;
	if (is_cc(tp, VSUSP, c))
		return SIGTSTP;
	if (lflag(tp, IEXTEN) && is_cc(tp, VSTATUS, c))
		return SIGINFO;
	return 0;
}

/*
 * One typed byte. Returns the signal it stands for (the foreground process
 * group should get it), or 0.
 */
int
ttydisc_input(struct tty *tp, int c)
{
	tcflag_t i = tp->t_termios.c_iflag;
	int sig;

	c &= (i & ISTRIP) ? 0x7f : 0xff;
	if (tp->t_lnext) {
		tp->t_lnext = 0;
		data(tp, c);
		return 0;
	}
	if (c == '\r') {
		if (i & IGNCR)
			return 0;
		if (i & ICRNL)
			c = '\n';
	} else if (c == '\n' && (i & INLCR))
		c = '\r';
	if (lflag(tp, ISIG) && (sig = signal_char(tp, c)) != 0) {
		if (!lflag(tp, NOFLSH))
			ttydisc_flush(tp);
		if (lflag(tp, ECHO))
			echo(tp, c);
		return sig;
	}
	if (lflag(tp, ICANON)) {
		canonical(tp, c);
		return 0;
	}
	if (tp->t_count == TTY_BUFSIZE) {
		bell(tp);
		return 0;
	}
	append(tp, c, 0);
	if (lflag(tp, ECHO) || (c == '\n' && lflag(tp, ECHONL)))
		echo(tp, c);
	return 0;
}
