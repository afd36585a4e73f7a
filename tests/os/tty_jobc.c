/*
 * tty_jobc.c - the console's job-control rules. The suite runs as init's
 * job: a session leader whose controlling terminal is the console, in the
 * foreground process group. Each case makes the processes it needs: a
 * background group (setpgid), another session (setsid), another user
 * (setuid 1000), and checks what POSIX and FreeBSD say they may do with the
 * terminal: background reads stop with SIGTTIN (EIO when SIGTTIN is ignored
 * or blocked, or the group is orphaned), background writes stop with
 * SIGTTOU only under TOSTOP, TIOCSPGRP names only a group of the caller's
 * own session on its own controlling terminal, the keyboard's signals reach
 * the foreground group only. Keystrokes are typed with TIOCSTI (root's;
 * tty_session.c has sessions and init's immunity).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include "lib/jobc.h"
#include "lib/ktest.h"

#define CTRL(c)		((c) & 0x1f)

static int
bg_read(int fd)
{
	char c;

	return read(fd, &c, 1) == -1 && errno == EIO ? 0 : 1;
}

static int
test_bg_read_stops(void)
{
	int fd = jc_open_tty(), status;
	pid_t pid;

	KT_CHECK(fd >= 0, "open /dev/tty: %s", strerror(errno));
	pid = jc_spawn_bg(bg_read, fd);
	KT_CHECK(pid > 0, "fork");
	if (jc_wait_stop(pid, &status) != 0) {
		jc_kill_reap(pid);
		KT_CHECK(0, "a background read neither stopped nor failed");
	}
	jc_kill_reap(pid);
	KT_CHECK(WIFSTOPPED(status) && WSTOPSIG(status) == SIGTTIN,
	    "status %#x, not stopped by SIGTTIN", status);
	return 0;
}

static int
ignore_then_read(int fd)
{
	signal(SIGTTIN, SIG_IGN);
	return bg_read(fd);
}

static int
block_then_read(int fd)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGTTIN);
	sigprocmask(SIG_BLOCK, &set, NULL);
	return bg_read(fd);
}

/* EIO instead of a stop that nothing would end. */
static int
test_bg_read_eio(void)
{
	int (*fns[])(int) = { ignore_then_read, block_then_read };
	int fd = jc_open_tty(), status;
	unsigned i;
	pid_t pid;

	KT_CHECK(fd >= 0, "open /dev/tty");
	for (i = 0; i < 2; i++) {
		pid = jc_spawn_bg(fns[i], fd);
		if (jc_wait_stop(pid, &status) != 0) {
			jc_kill_reap(pid);
			status = -1;
		}
		KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		    "%s SIGTTIN: status %#x, not EIO", i ? "blocked" : "ignored",
		    status);
	}
	return 0;
}

static volatile sig_atomic_t got;

static void
catch(int sig)
{
	got = sig;
}

/* Reads n bytes from fd, giving up after secs seconds (-1). */
static ssize_t
read_within(int fd, void *buf, size_t n, unsigned secs)
{
	struct sigaction sa;
	ssize_t r;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = catch;
	sigaction(SIGALRM, &sa, NULL);
	alarm(secs);
	r = read(fd, buf, n);
	alarm(0);
	return r;
}

/*
 * An orphaned group (no member has a parent in another group of the same
 * session) reads EIO, and the terminal's stop signals do not stop it. The
 * orphan reports its pid, then its verdict.
 */
static int
test_orphaned_group(void)
{
	int fd = jc_open_tty(), p[2], status;
	char verdict[2] = "??";
	pid_t mid, orphan = 0;

	KT_CHECK(fd >= 0 && pipe(p) == 0, "open, pipe");
	if ((mid = fork()) == 0) {
		if ((orphan = fork()) == 0) {
			char c;

			setpgid(0, 0);
			orphan = getpid();
			write(p[1], &orphan, sizeof(orphan));
			while (getppid() != 1)
				usleep(5000);
			verdict[0] = read(fd, &c, 1) == -1 && errno == EIO ?
			    'E' : 'r';
			kill(getpid(), SIGTSTP);	/* discarded: no stop */
			verdict[1] = 'T';
			write(p[1], verdict, 2);
			_exit(0);
		}
		setpgid(orphan, orphan);
		_exit(0);
	}
	close(p[1]);
	kt_wait_status(mid, &status);
	KT_CHECK(read_within(p[0], &orphan, sizeof(orphan), 5) ==
	    sizeof(orphan), "no orphan");
	if (read_within(p[0], verdict, 2, 3) != 2) {
		jc_kill_reap(orphan);
		KT_CHECK(0, "the orphan is stuck (in its read, or stopped by "
		    "SIGTSTP)");
	}
	KT_CHECK(verdict[0] == 'E', "an orphaned group's read did not fail "
	    "with EIO");
	return 0;
}

static int
bg_write(int fd)
{
	return write(fd, "\r", 1) == 1 ? 0 : 1;
}

static int
test_bg_write_tostop(void)
{
	struct termios saved, t;
	int fd = jc_open_tty(), status, r = 0;
	pid_t pid;

	KT_CHECK(fd >= 0 && tcgetattr(fd, &saved) == 0, "tcgetattr");
	pid = jc_spawn_bg(bg_write, fd);
	if (jc_wait_stop(pid, &status) != 0) {
		jc_kill_reap(pid);
		status = -1;
	}
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "without TOSTOP a background write must work: status %#x", status);
	t = saved;
	t.c_lflag |= TOSTOP;
	KT_CHECK(tcsetattr(fd, TCSANOW, &t) == 0, "tcsetattr TOSTOP");
	pid = jc_spawn_bg(bg_write, fd);
	if (jc_wait_stop(pid, &status) != 0)
		status = -1;
	jc_kill_reap(pid);
	if (!WIFSTOPPED(status) || WSTOPSIG(status) != SIGTTOU)
		r = 1;
	tcsetattr(fd, TCSANOW, &saved);
	KT_CHECK(r == 0, "under TOSTOP: status %#x, not stopped by SIGTTOU",
	    status);
	return 0;
}

static int
setpgrp_to_init(int fd)
{
	signal(SIGTTOU, SIG_IGN);
	if (tcsetpgrp(fd, 1) != -1 || errno != EPERM)
		return 1;
	if (tcsetpgrp(fd, 77777) != -1 || errno != EPERM)
		return 2;
	return 0;
}

static int
setpgrp_self(int fd)
{
	return tcsetpgrp(fd, getpgrp()) == 0 ? 0 : 1;
}

static int
other_session(int fd)
{
	if (setsid() != getpid())
		return 1;
	if (tcsetpgrp(fd, getpgrp()) != -1 || errno != ENOTTY)
		return 2;
	if (tcgetpgrp(fd) != -1 || errno != ENOTTY)
		return 3;
	if (ioctl(fd, TIOCSCTTY, 0) != -1 || errno != EPERM)
		return 4;	/* the console is another session's */
	if (ioctl(fd, TIOCNOTTY, 0) != -1 || errno != ENOTTY)
		return 5;
	return 0;
}

/* TIOCSPGRP: only a group of one's own session, on one's own terminal. */
static int
test_tcsetpgrp_rules(void)
{
	int fd = jc_open_tty(), status;
	pid_t pid;

	KT_CHECK(fd >= 0, "open /dev/tty");
	KT_CHECK(tcsetpgrp(fd, 1) == -1 && errno == EPERM,
	    "the foreground group may be set to init's");
	pid = jc_spawn_bg(setpgrp_to_init, fd);
	kt_wait_status(pid, &status);
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "background tcsetpgrp to another session's group: step %d",
	    WEXITSTATUS(status));
	pid = jc_spawn_bg(setpgrp_self, fd);
	if (jc_wait_stop(pid, &status) != 0)
		status = -1;
	jc_kill_reap(pid);
	KT_CHECK(WIFSTOPPED(status) && WSTOPSIG(status) == SIGTTOU,
	    "background tcsetpgrp: status %#x, not stopped by SIGTTOU", status);
	KT_CHECK(tcgetpgrp(fd) == getpgrp(), "the foreground group moved");
	if ((pid = fork()) == 0)
		_exit(other_session(fd));
	kt_wait_status(pid, &status);
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "another session: step %d", WEXITSTATUS(status));
	return 0;
}

/* Keyboard signals go to the foreground group and nowhere else. */
static int
bystander(int fd)
{
	(void)fd;
	signal(SIGINT, catch);
	sleep(2);
	return got == 0 ? 0 : 1;
}

static int
typed_intr(int fd)
{
	pid_t parent_pgrp = getpgid(getppid());

	signal(SIGINT, catch);
	signal(SIGTTOU, SIG_IGN);
	if (tcsetpgrp(fd, getpgrp()) != 0)
		return 1;
	if (jc_type(fd, CTRL('c')) != 0)
		return 2;
	while (got == 0)
		usleep(5000);
	tcsetpgrp(fd, parent_pgrp);
	return got == SIGINT ? 0 : 3;
}

static int
test_keyboard_signal_fg_only(void)
{
	struct termios saved, t;
	int fd = jc_open_tty(), s1, s2;
	pid_t b, f;

	KT_CHECK(fd >= 0 && tcgetattr(fd, &saved) == 0, "open /dev/tty");
	t = saved;
	t.c_lflag &= ~ECHO;
	tcsetattr(fd, TCSANOW, &t);
	b = jc_spawn_bg(bystander, fd);
	f = jc_spawn_bg(typed_intr, fd);
	kt_wait_status(f, &s1);
	kt_wait_status(b, &s2);
	tcsetattr(fd, TCSANOW, &saved);
	KT_CHECK(s1 == 0, "^C in the foreground: status %#x", s1);
	KT_CHECK(s2 == 0, "^C reached a background group");
	return 0;
}

/* TIOCSTI is root's: anyone else could type commands into root's shell. */
static int
user_types(int fd)
{
	if (setuid(1000) != 0)
		return 9;
	return jc_type(fd, 'x') == -1 && errno == EPERM ? 0 : 1;
}

static int
test_sti_root_only(void)
{
	int fd = jc_open_tty(), status;
	pid_t pid = jc_spawn_bg(user_types, fd);

	kt_wait_status(pid, &status);
	KT_CHECK(status == 0, "uid 1000 typed on the console");
	return 0;
}

int
main(void)
{
	kt_suite("tty_jobc");
	kt_run("bg_read_stops", test_bg_read_stops);
	kt_run("bg_read_eio", test_bg_read_eio);
	kt_run("orphaned_group", test_orphaned_group);
	kt_run("bg_write_tostop", test_bg_write_tostop);
	kt_run("tcsetpgrp_rules", test_tcsetpgrp_rules);
	kt_run("keyboard_signal_fg_only", test_keyboard_signal_fg_only);
	kt_run("sti_root_only", test_sti_root_only);
	return kt_finish();
}
