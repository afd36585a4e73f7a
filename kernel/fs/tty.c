/*
 * tty.c - the line discipline of the console terminal.
 *
 * In canonical mode (the default) typed bytes collect in a ring until a
 * newline (or ^D) completes the line; only then can read() take them, and
 * until then Backspace and ^U edit the line. ^C, ^Z and ^\ send SIGINT,
 * SIGTSTP and SIGQUIT to the foreground process group. With ICANON off
 * (TIOCSETA) every byte is readable at once, which is what the GDB stub and
 * full-screen programs need. Input arrives in interrupt context, so the ring
 * is only touched with interrupts disabled.
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/ioctl.h>
#include <sys/signal.h>
#include "kernel/cmdline.h"
#include "kernel/fs/tty.h"
#include "kernel/dev/console.h"
#include "kernel/i386/x86.h"
#include "proc/proc.h"

#define CTRL(c)	((c) & 0x1f)

struct tty console_tty;

void
tty_init(struct tty *tp)
{
	memset(tp, 0, sizeof(*tp));
	tp->t_termios.c_lflag = ICANON | ECHO | ECHOE | ISIG;
	tp->t_termios.c_iflag = ICRNL;
	tp->t_termios.c_oflag = OPOST | ONLCR;
	tp->t_termios.c_cc[VEOF] = CTRL('d');
	tp->t_termios.c_cc[VERASE] = 0x7f;
	tp->t_termios.c_cc[VKILL] = CTRL('u');
	tp->t_termios.c_cc[VINTR] = CTRL('c');
	tp->t_termios.c_cc[VSUSP] = CTRL('z');
	tp->t_termios.c_cc[VMIN] = 1;
	/* echo=off: input that nobody types (run-prog's piped stdin) is not
	 * shown back. */
	if (kopt("echo") != NULL && strcmp(kopt("echo"), "off") == 0)
		tp->t_termios.c_lflag &= ~(ECHO | ECHOE);
}

static void
echo(struct tty *tp, int c)
{
	if (tp->t_termios.c_lflag & ECHO)
		cons_putc(c);
}

static void
put(struct tty *tp, int c)
{
	if (tp->t_count == TTY_BUFSIZE)
		return;			/* full: drop, like a real terminal */
	tp->t_buf[(tp->t_head + tp->t_count++) % TTY_BUFSIZE] = c;
}

/* Remove the last byte of the line being edited, if there is one. */
static int
unput(struct tty *tp)
{
	if (tp->t_count == tp->t_ready)
		return 0;
	tp->t_count--;
	return 1;
}

static void
line_done(struct tty *tp)
{
	tp->t_ready = tp->t_count;
	wakeup(tp);
}

static int
handle_signal_char(struct tty *tp, int c)
{
	int sig = 0;

	if (c == CTRL('c'))
		sig = SIGINT;
	else if (c == CTRL('z'))
		sig = SIGTSTP;
	else if (c == CTRL('\\'))
		sig = SIGQUIT;
	if (sig == 0)
		return 0;
	if (tp->t_termios.c_lflag & ECHO) {
		cons_putc('^');
		cons_putc(c + '@');
		cons_putc('\n');
	}
	tp->t_count = tp->t_ready;	/* discard the half-typed line */
	if (tp->t_pgrp != 0)
		pgsignal(tp->t_pgrp, sig);
	return 1;
}

void
tty_input(struct tty *tp, int c)
{
	struct termios *t = &tp->t_termios;
	uint32_t ef = intr_disable();

	if ((t->c_lflag & ISIG) && handle_signal_char(tp, c))
		goto out;
	if (!(t->c_lflag & ICANON)) {
		put(tp, c);
		echo(tp, c);
		line_done(tp);
		goto out;
	}
	if (c == t->c_cc[VERASE] || c == '\b') {
		if (unput(tp) && (t->c_lflag & ECHO))
			cons_write("\b \b", 3);
	} else if (c == t->c_cc[VKILL]) {
		while (unput(tp))
			if (t->c_lflag & ECHO)
				cons_write("\b \b", 3);
	} else if (c == t->c_cc[VEOF]) {
		if (tp->t_count == tp->t_ready)
			tp->t_eof = 1;	/* ^D on an empty line: end of file */
		line_done(tp);
	} else {
		put(tp, c);
		echo(tp, c);
		if (c == '\n')
			line_done(tp);
	}
out:
	intr_restore(ef);
}

/*
 * Take up to n bytes: at most one line in canonical mode. Sleeps until
 * something is ready; EINTR if a signal arrives first.
 */
int
tty_read(struct tty *tp, char *buf, size_t n, size_t *done)
{
	uint32_t ef = intr_disable();
	size_t i = 0;
	int error = 0;

	while (tp->t_ready == 0 && !tp->t_eof) {
		error = tsleep(tp, 1, "ttyin", 0);
		if (error)
			goto out;
	}
	if (tp->t_ready == 0) {		/* the EOF: read returns 0 once */
		tp->t_eof = 0;
		goto out;
	}
	while (i < n && tp->t_ready > 0) {
		char c = tp->t_buf[tp->t_head];

		tp->t_head = (tp->t_head + 1) % TTY_BUFSIZE;
		tp->t_count--;
		tp->t_ready--;
		buf[i++] = c;
		if (c == '\n' && (tp->t_termios.c_lflag & ICANON))
			break;
	}
out:
	intr_restore(ef);
	*done = i;
	return error;
}

void
tty_write(struct tty *tp, const char *buf, size_t n)
{
	(void)tp;
	cons_write(buf, n);
}

int
tty_ioctl(struct tty *tp, unsigned long cmd, void *data)
{
	switch (cmd) {
	case TIOCGPGRP:
		*(pid_t *)data = tp->t_pgrp;
		return 0;
	case TIOCSPGRP:
		tp->t_pgrp = *(pid_t *)data;
		return 0;
	case TIOCGETA:
		memcpy(data, &tp->t_termios, sizeof(tp->t_termios));
		return 0;
	case TIOCSETA:
		memcpy(&tp->t_termios, data, sizeof(tp->t_termios));
		return 0;
	}
	return ENOTTY;
}
