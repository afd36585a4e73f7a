// SOURCES: kernel/fs/tty_disc.c
// CFLAGS: -Itests/host/kinclude -DSIGINFO=29
/*
 * test_tty_disc.c - the console's line discipline on the host: bytes are
 * typed into a struct tty, and what a reader would get and what the
 * terminal would show (the echo, byte for byte) are checked against POSIX's
 * rules and FreeBSD's defaults: editing (erase, word erase, kill, reprint,
 * literal next), end of file and pushed lines, the line limit and its bell,
 * the signal characters, input mapping, non-canonical mode and output
 * processing.
 */
#include <stdio.h>
#include <string.h>
#include <sys/signal.h>
#include "kernel/fs/tty.h"

#define CTRL(c)	((c) & 0x1f)
#define DEL	0x7f

static int failures;
static char out[8192];
static size_t nout;
static struct tty tty;

static void
oproc(int c)
{
	if (nout < sizeof(out) - 1)
		out[nout++] = (char)c;
	out[nout] = '\0';
}

static void
fresh(void)
{
	ttydisc_init(&tty, oproc);
	nout = 0;
	out[0] = '\0';
}

/* Types s; returns the last signal a byte stood for. */
static int
type(const char *s)
{
	int sig = 0, r;

	for (; *s != '\0'; s++)
		if ((r = ttydisc_input(&tty, (unsigned char)*s)) != 0)
			sig = r;
	return sig;
}

static void
typec(int c)
{
	ttydisc_input(&tty, c);
}

static void
check(const char *name, int ok, const char *fmt, const char *detail)
{
	if (ok) {
		printf("PASS %s\n", name);
		return;
	}
	printf("FAIL %s: ", name);
	printf(fmt, detail);
	printf("\n");
	failures++;
}

/* What a read of up to n bytes returns now, as a string ("<EOF>" for end of file). */
static const char *
take(size_t n)
{
	static char buf[2048];
	int eof;
	size_t got;

	if (ttydisc_readable(&tty) == 0)
		return "<nothing>";
	got = ttydisc_take(&tty, buf, n < sizeof(buf) - 1 ? n : sizeof(buf) - 1,
	    &eof);
	buf[got] = '\0';
	return eof ? "<EOF>" : buf;
}

static void
expect_read(const char *name, size_t n, const char *want)
{
	const char *got = take(n);

	check(name, strcmp(got, want) == 0, "read \"%s\"", got);
}

static void
expect_echo(const char *name, const char *want)
{
	check(name, strcmp(out, want) == 0, "echoed \"%s\"", out);
}

static void
lines_and_editing(void)
{
	fresh();
	type("ab");
	check("line.not_before_newline", ttydisc_readable(&tty) == 0,
	    "%s", "readable");
	type("c\r");
	expect_echo("line.echo", "abc\r\n");
	expect_read("line.read", 100, "abc\n");
	expect_read("line.then_nothing", 100, "<nothing>");

	fresh();
	type("ab\nc\n");
	expect_read("line.one_at_a_time", 100, "ab\n");
	expect_read("line.second", 100, "c\n");

	fresh();
	type("abcdef\n");
	expect_read("line.short_read", 2, "ab");
	expect_read("line.short_read_rest", 100, "cdef\n");

	fresh();
	type("abc\x7f\n");
	expect_echo("erase.echo", "abc\b \b\r\n");
	expect_read("erase.read", 100, "ab\n");

	fresh();
	type("ab\b\b\bc\n");
	expect_echo("erase2.echo_stops_at_line_start", "ab\b \b\b \bc\r\n");
	expect_read("erase2.read", 100, "c\n");

	fresh();
	type("a\x01\x7f\n");
	expect_echo("erase.control_char", "a^A\b \b\b \b\r\n");

	fresh();
	ttydisc_output(&tty, '$');
	ttydisc_output(&tty, ' ');
	type("ab\t\x7f");
	expect_echo("erase.tab_after_prompt", "$ ab\t\b\b\b\b");

	fresh();
	tty.t_termios.c_lflag &= ~ECHOE;
	type("ab\x7f");
	expect_echo("erase.without_echoe", "ab^?");

	fresh();
	type("one two\x15");
	expect_echo("kill.echoke", "one two"
	    "\b \b\b \b\b \b\b \b\b \b\b \b\b \b");
	type("x\n");
	expect_read("kill.read", 100, "x\n");

	fresh();
	tty.t_termios.c_lflag &= ~ECHOKE;
	type("one\x15");
	expect_echo("kill.echok", "one^U\r\n");

	fresh();
	type("echo hello  \x17");
	expect_echo("werase.blanks_and_word",
	    "echo hello  \b \b\b \b\b \b\b \b\b \b\b \b\b \b");
	type("\n");
	expect_read("werase.read", 100, "echo \n");

	fresh();
	type("cd a/b.c\x17\n");
	expect_read("werase.word_is_nonblank", 100, "cd \n");
	fresh();
	tty.t_termios.c_lflag |= ALTWERASE;
	type("cd a/b.c\x17\n");
	expect_read("werase.altwerase", 100, "cd a/b.\n");

	fresh();
	type("abc\x12");
	expect_echo("reprint", "abc^R\r\nabc");
	type("\x7f\n");
	expect_read("reprint.then_erase", 100, "ab\n");

	fresh();
	type("\x16\x03\x16\x7f\n");
	expect_echo("lnext.echo", "^\b^C^\b^?\r\n");
	expect_read("lnext.read", 100, "\x03\x7f\n");
}

static void
end_of_file(void)
{
	fresh();
	type("\x04");
	expect_read("eof.empty_line", 100, "<EOF>");
	expect_read("eof.once", 100, "<nothing>");

	fresh();
	type("ab\x04");
	expect_read("eof.pushes_line", 100, "ab");
	expect_read("eof.pushed_then_nothing", 100, "<nothing>");

	fresh();
	type("\x04\x04x\n");
	expect_read("eof.twice_1", 100, "<EOF>");
	expect_read("eof.twice_2", 100, "<EOF>");
	expect_read("eof.twice_then_line", 100, "x\n");
	expect_echo("eof.not_echoed", "x\r\n");
}

static void
line_limit(void)
{
	char line[TTY_BUFSIZE + 2];
	const char *got;
	int i;

	fresh();
	for (i = 0; i < TTY_MAXLINE + 5; i++)
		typec('x');
	check("limit.bell", strchr(out, '\a') != NULL, "echo \"%s\"",
	    "no bell");
	typec('\r');
	memset(line, 'x', TTY_MAXLINE);
	line[TTY_MAXLINE] = '\n';
	line[TTY_MAXLINE + 1] = '\0';
	got = take(sizeof(line));
	check("limit.newline_kept", strcmp(got, line) == 0, "read %s",
	    strlen(got) == TTY_MAXLINE + 1 ? "a wrong line" : "a wrong length");

	/* A line behind an unread one: room is kept for its newline. */
	fresh();
	type("a\n");
	for (i = 0; i < TTY_BUFSIZE; i++)
		typec('y');
	typec('\n');
	expect_read("limit.pending_first", 100, "a\n");
	got = take(sizeof(line));
	check("limit.pending_newline_kept", strlen(got) > 1 &&
	    got[strlen(got) - 1] == '\n', "read \"%s\"", "no newline");
}

static void
signals(void)
{
	fresh();
	type("ab");
	check("isig.intr", type("\x03") == SIGINT, "%s", "no SIGINT");
	expect_echo("isig.echo", "ab^C");
	type("\n");
	expect_read("isig.flushes", 100, "\n");
	check("isig.quit", type("\x1c") == SIGQUIT, "%s", "no SIGQUIT");
	check("isig.susp", type("\x1a") == SIGTSTP, "%s", "no SIGTSTP");
	check("isig.status", type("\x14") == SIGINFO, "%s", "no SIGINFO");

	fresh();
	tty.t_termios.c_lflag |= NOFLSH;
	type("ab\x03\n");
	expect_read("isig.noflsh", 100, "ab\n");

	fresh();
	tty.t_termios.c_lflag &= ~ISIG;
	check("isig.off", type("\x03\n") == 0, "%s", "a signal");
	expect_read("isig.off_is_data", 100, "\x03\n");
}

static void
modes(void)
{
	struct termios t;

	fresh();
	tty.t_termios.c_iflag |= IGNCR;
	type("a\rb\n");
	expect_read("iflag.igncr", 100, "ab\n");
	fresh();
	tty.t_termios.c_iflag &= ~ICRNL;
	type("a\r\n");
	expect_read("iflag.no_icrnl", 100, "a\r\n");
	fresh();
	tty.t_termios.c_iflag |= ISTRIP;
	typec(0xe1);
	typec('\n');
	expect_read("iflag.istrip", 100, "a\n");

	fresh();
	tty.t_termios.c_cc[VEOL] = ';';
	type("a;b");
	expect_read("cc.veol", 100, "a;");
	fresh();
	tty.t_termios.c_cc[VERASE] = _POSIX_VDISABLE;
	tty.t_termios.c_iflag &= ~ISTRIP;
	typec(0xff);
	typec('\n');
	expect_read("cc.disabled", 100, "\xff\n");

	fresh();
	tty.t_termios.c_lflag &= ~ECHO;
	type("secret\n");
	expect_echo("echo.off", "");
	tty.t_termios.c_lflag |= ECHONL;
	type("x\n");
	expect_echo("echo.echonl", "\r\n");

	fresh();
	t = tty.t_termios;
	t.c_lflag &= ~(ICANON | ECHO);
	ttydisc_setattr(&tty, &t);
	type("a\x15");
	expect_read("raw.at_once", 100, "a\x15");
	expect_echo("raw.no_echo", "");

	fresh();
	type("ab");
	t = tty.t_termios;
	t.c_lflag &= ~ICANON;
	ttydisc_setattr(&tty, &t);
	expect_read("raw.partial_line_readable", 100, "ab");

	fresh();
	type("\x04z");
	t = tty.t_termios;
	t.c_lflag &= ~ICANON;
	ttydisc_setattr(&tty, &t);
	expect_read("raw.eof_is_no_data", 100, "z");
}

static void
output(void)
{
	const char *s;

	fresh();
	for (s = "a\nb"; *s; s++)
		ttydisc_output(&tty, *s);
	expect_echo("opost.onlcr", "a\r\nb");

	fresh();
	tty.t_termios.c_oflag &= ~OPOST;
	for (s = "a\nb\t"; *s; s++)
		ttydisc_output(&tty, *s);
	expect_echo("opost.off", "a\nb\t");

	fresh();
	tty.t_termios.c_oflag |= OXTABS;
	for (s = "ab\tc"; *s; s++)
		ttydisc_output(&tty, *s);
	expect_echo("opost.oxtabs", "ab      c");

	fresh();
	tty.t_termios.c_oflag |= OCRNL;
	ttydisc_output(&tty, '\r');
	expect_echo("opost.ocrnl", "\n");

	fresh();
	tty.t_termios.c_oflag |= ONOCR;
	for (s = "\rx\r"; *s; s++)
		ttydisc_output(&tty, *s);
	expect_echo("opost.onocr", "x\r");

	fresh();
	tty.t_termios.c_oflag |= ONOEOT;
	for (s = "a\x04" "b"; *s; s++)
		ttydisc_output(&tty, *s);
	expect_echo("opost.onoeot", "ab");
}

int
main(void)
{
	lines_and_editing();
	end_of_file();
	line_limit();
	signals();
	modes();
	output();
	return failures != 0;
}
