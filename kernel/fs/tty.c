/*
 * tty.c - the console as a terminal device: reading and writing through
 * the line discipline (kernel/fs/tty_disc.c), its ioctls, and the rules of
 * job control.
 *
 * Sessions. The console is the controlling terminal of at most one session
 * (t_sid): a session leader takes it with TIOCSCTTY when no other session
 * holds it (init does this for the shell it starts), and it is free again
 * when that leader exits, at which point the foreground group gets SIGHUP.
 * A process has the console as its controlling terminal when it belongs to
 * that session and has not given it up (P_CONTROLT).
 *
 * Job control, for the processes of that session: only the foreground
 * process group (t_pgrp) reads; a background reader gets SIGTTIN and the
 * read runs again once it is continued, or fails with EIO if SIGTTIN is
 * ignored or blocked or its group is orphaned (nobody could continue it).
 * A background writer gets SIGTTOU under TOSTOP, and so does a background
 * process that changes the terminal's modes or foreground group. TIOCSPGRP
 * names only a group of the caller's own session (EPERM) on its own
 * controlling terminal (ENOTTY). The signals typed at the console go to the
 * members of the foreground group that are in the session.
 *
 * One rule is Kestrel's own: while a session holds the console, a process
 * outside it cannot read the console at all (EIO). FreeBSD revokes a
 * terminal's descriptors when its user logs out; Kestrel has one console
 * that every process inherits, and this keeps one user's typing away from
 * another's processes.
 *
 * Input arrives in interrupt context; every look at the ring is made with
 * interrupts disabled, and readers sleep on the tty until input comes.
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/ioctl.h>
#include <sys/signal.h>
#include "kernel/cmdline.h"
#include "kernel/dev/clock.h"
#include "kernel/dev/console.h"
#include "kernel/fs/file.h"
#include "kernel/fs/tty.h"
#include "kernel/i386/x86.h"
#include "proc/proc.h"

struct tty console_tty;

void
tty_init(struct tty *tp)
{
	ttydisc_init(tp, cons_output);
	/* echo=off: input that nobody types (run-prog's piped stdin) is not
	 * shown back. */
	if (kopt("echo") != NULL && strcmp(kopt("echo"), "off") == 0)
		tp->t_termios.c_lflag &= ~(ECHO | ECHOE);
}

/* The signal goes to the foreground group's members in the session. */
static void
signal_fg(struct tty *tp, int sig)
{
	struct proc *p;

	if (tp->t_pgrp == 0)
		return;
	FOREACH_PROC(p)
		if (p->p_state == PRS_NORMAL && p->p_pgid == tp->t_pgrp &&
		    p->p_sid == tp->t_sid)
			psignal(p, sig);
}

void
tty_input(struct tty *tp, int c)
{
	uint32_t ef = intr_disable();
	int sig = ttydisc_input(tp, c);

	if (sig != 0)
		signal_fg(tp, sig);
	wakeup(tp);
	selwakeup();
	intr_restore(ef);
}

static int
is_ctty(const struct tty *tp, const struct proc *p)
{
	return tp->t_sid != 0 && p->p_sid == tp->t_sid &&
	    (p->p_flag & P_CONTROLT);
}

static int
sig_ignored_or_blocked(struct thread *td, int sig)
{
	return td->td_proc->p_sigacts.ps_handler[sig] == SIG_IGN ||
	    (td->td_sigmask & SIGMASK(sig));
}

/*
 * May the current process use the terminal now, as job control sees it?
 * sig is SIGTTIN (reading) or SIGTTOU (writing, changing the terminal).
 * 0: yes. EIO: never. Otherwise the process's group has been sent sig and
 * the error is what the interrupted call returns (ERESTART: it runs again
 * when the process is continued).
 */
static int
tty_background(struct tty *tp, int sig)
{
	struct thread *td = curthread;
	struct proc *p = td->td_proc;
	int error;

	if (!is_ctty(tp, p))
		return sig == SIGTTIN && tp->t_sid != 0 ? EIO : 0;
	if (p->p_pgid == tp->t_pgrp)
		return 0;
	if (sig_ignored_or_blocked(td, sig))
		return sig == SIGTTIN ? EIO : 0;
	if (pgrp_orphaned(p->p_pgid))
		return EIO;
	pgsignal(p->p_pgid, sig);
	error = sig_pending_unmasked(td);
	return error != 0 ? error : EIO;
}

/* Ticks to wait for VTIME tenths of a second, at least one. */
static uint32_t
vtime_ticks(const struct tty *tp)
{
	uint32_t t = tp->t_termios.c_cc[VTIME] * (uint32_t)hz / 10;

	return t > 0 ? t : 1;
}

/*
 * Is a read of n bytes satisfied by what the ring holds? Canonical: a line
 * (or an EOF). Otherwise POSIX's MIN: at least min(VMIN, n) bytes.
 */
static int
enough(const struct tty *tp, size_t n)
{
	size_t have = ttydisc_readable(tp), min = tp->t_termios.c_cc[VMIN];

	if (tp->t_termios.c_lflag & ICANON)
		return have > 0;
	return have > 0 && have >= (min < n ? min : n);
}

/*
 * Take up to n bytes into buf. Canonical mode: one line at most; 0 bytes
 * means end of file. Otherwise VMIN and VTIME decide how long to wait:
 * MIN > 0, TIME 0: until MIN bytes; MIN > 0, TIME > 0: TIME after each
 * byte, once the first came; MIN 0, TIME > 0: TIME at most; both 0: not at
 * all. A signal ends the wait (EINTR/ERESTART) if nothing was read.
 */
int
tty_read(struct tty *tp, char *buf, size_t n, size_t *done, int nonblock)
{
	uint32_t ef, timo, deadline = 0;
	int error = 0, eof, canon, min, t;

	*done = 0;
	ef = intr_disable();
	for (;;) {
		if ((error = tty_background(tp, SIGTTIN)) != 0 || n == 0)
			break;
		canon = (tp->t_termios.c_lflag & ICANON) != 0;
		min = tp->t_termios.c_cc[VMIN];
		t = tp->t_termios.c_cc[VTIME];
		if (enough(tp, n) || (!canon && min == 0 && t == 0)) {
			*done = ttydisc_take(tp, buf, n, &eof);
			if (*done > 0 || eof || (!canon && min == 0))
				break;
			continue;	/* only EOFs typed in canonical mode */
		}
		if (nonblock) {
			error = EAGAIN;
			break;
		}
		timo = 0;
		if (!canon && t > 0 && min == 0) {
			if (deadline == 0)
				deadline = ticks + vtime_ticks(tp);
			if ((int32_t)(deadline - ticks) <= 0)
				break;		/* MIN 0: the time is up, 0 bytes */
			timo = deadline - ticks;
		} else if (!canon && t > 0 && ttydisc_readable(tp) > 0)
			timo = vtime_ticks(tp);
		error = tsleep(tp, 1, "ttyin", timo);
		if (error == EWOULDBLOCK) {
			error = 0;
			if (min > 0) {		/* the gap after a byte: done */
				*done = ttydisc_take(tp, buf, n, &eof);
				break;
			}
		} else if (error != 0)
			break;
	}
	intr_restore(ef);
	return error;
}

/* Job control first, then each byte through output processing. */
int
tty_write(struct tty *tp, const char *buf, size_t n)
{
	uint32_t ef;
	int error = 0;
	size_t i;

	if (tp->t_termios.c_lflag & TOSTOP)
		error = tty_background(tp, SIGTTOU);
	if (error != 0)
		return error;
	for (i = 0; i < n; i++) {
		ef = intr_disable();
		ttydisc_output(tp, buf[i]);
		intr_restore(ef);
	}
	return 0;
}

/* Is there a group pgid in session sid? */
static int
pgrp_in_session(pid_t pgid, pid_t sid)
{
	struct proc *p;

	FOREACH_PROC(p)
		if (p->p_state == PRS_NORMAL && p->p_pgid == pgid &&
		    p->p_sid == sid)
			return 1;
	return 0;
}

static int
set_pgrp(struct tty *tp, pid_t pgid)
{
	struct proc *p = curproc;
	int error;

	if (!is_ctty(tp, p))
		return ENOTTY;
	if ((error = tty_background(tp, SIGTTOU)) != 0)
		return error;
	if (pgid <= 0 || !pgrp_in_session(pgid, p->p_sid))
		return EPERM;
	tp->t_pgrp = pgid;
	return 0;
}

/* TIOCSCTTY: a session leader whose session has no terminal takes this one. */
static int
set_ctty(struct tty *tp)
{
	struct proc *p = curproc;

	if (p->p_pid != p->p_sid)
		return EPERM;
	if (tp->t_sid == p->p_sid) {
		p->p_flag |= P_CONTROLT;
		return 0;
	}
	if (tp->t_sid != 0)
		return EPERM;
	tp->t_sid = p->p_sid;
	tp->t_pgrp = p->p_pgid;
	p->p_flag |= P_CONTROLT;
	return 0;
}

/* TIOCNOTTY, as FreeBSD has it: a member may give the terminal up, its leader not. */
static int
drop_ctty(struct tty *tp)
{
	struct proc *p = curproc;

	if (!is_ctty(tp, p))
		return ENOTTY;
	if (p->p_pid == p->p_sid)
		return EINVAL;
	p->p_flag &= ~P_CONTROLT;
	return 0;
}

/* The session leader sid exits: its terminal goes free, the foreground hangs up. */
void
tty_session_end(pid_t sid)
{
	struct tty *tp = &console_tty;
	uint32_t ef = intr_disable();

	if (tp->t_sid == sid) {
		signal_fg(tp, SIGHUP);
		tp->t_sid = 0;
		tp->t_pgrp = 0;
		ttydisc_flush(tp);
	}
	intr_restore(ef);
}

static int
set_attr(struct tty *tp, unsigned long cmd, const struct termios *t)
{
	uint32_t ef;
	int error;

	if ((error = tty_background(tp, SIGTTOU)) != 0)
		return error;
	ef = intr_disable();
	if (cmd == TIOCSETAF)
		ttydisc_flush(tp);
	ttydisc_setattr(tp, t);
	wakeup(tp);		/* a reader's VMIN or ICANON may now be met */
	intr_restore(ef);
	return 0;
}

static int
flush(struct tty *tp, int what)
{
	uint32_t ef;
	int error;

	if ((error = tty_background(tp, SIGTTOU)) != 0)
		return error;
	if (what == 0)
		what = FREAD | FWRITE;
	if (what & FREAD) {
		ef = intr_disable();
		ttydisc_flush(tp);
		intr_restore(ef);
	}
	return 0;
}

/* TIOCSTI types a byte as if at the keyboard: root only (see the top). */
static int
type_char(struct tty *tp, int c)
{
	if (curproc->p_cred.cr_uid != 0)
		return EPERM;
	tty_input(tp, c);
	return 0;
}

int
tty_can_read(struct tty *tp)
{
	uint32_t ef = intr_disable();
	int r = ttydisc_readable(tp) > 0;

	intr_restore(ef);
	return r;
}

/*
 * Output is written synchronously (the serial line and the screen are
 * polled), so TIOCDRAIN, TCSADRAIN and TCSAFLUSH never have to wait.
 */
int
tty_ioctl(struct tty *tp, unsigned long cmd, void *data)
{
	switch (cmd) {
	case TIOCGETA:
		memcpy(data, &tp->t_termios, sizeof(tp->t_termios));
		return 0;
	case TIOCSETA:
	case TIOCSETAW:
	case TIOCSETAF:
		return set_attr(tp, cmd, data);
	case TIOCDRAIN:
		return 0;
	case TIOCFLUSH:
		return flush(tp, *(int *)data);
	case TIOCGPGRP:
		if (!is_ctty(tp, curproc))
			return ENOTTY;
		*(pid_t *)data = tp->t_pgrp;
		return 0;
	case TIOCSPGRP:
		return set_pgrp(tp, *(pid_t *)data);
	case TIOCGSID:
		if (!is_ctty(tp, curproc))
			return ENOTTY;
		*(pid_t *)data = tp->t_sid;
		return 0;
	case TIOCSCTTY:
		return set_ctty(tp);
	case TIOCNOTTY:
		return drop_ctty(tp);
	case TIOCGWINSZ:
		memcpy(data, &tp->t_winsize, sizeof(tp->t_winsize));
		return 0;
	case TIOCSWINSZ:
		memcpy(&tp->t_winsize, data, sizeof(tp->t_winsize));
		return 0;
	case TIOCSTI:
		return type_char(tp, *(unsigned char *)data);
	case FIONREAD: {
		uint32_t ef = intr_disable();

		*(int *)data = (int)ttydisc_readable(tp);
		intr_restore(ef);
		return 0;
	}
	}
	return ENOTTY;
}
