/*
 * tty_session.c - sessions and what no process may do to init. The suite
 * runs as init's job: a session leader whose controlling terminal is the
 * console. setsid, getsid, tcgetsid and TIOCSCTTY by the rules FreeBSD
 * has; init takes no default action of any signal (root's kill succeeds
 * and init goes on, a user's is EPERM); and the failure that once brought
 * the system down, step by step: a uid-1000 background process of root's
 * job reading root's next line, making init the foreground group, then ^\
 * typed at the console (TIOCSTI).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/kinfo.h>
#include <sys/proc.h>
#include <sys/sysctl.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include "lib/jobc.h"
#include "lib/ktest.h"

#define CTRL(c)		((c) & 0x1f)

static volatile sig_atomic_t got;

static void
catch(int sig)
{
	got = sig;
}

static int
test_sessions(void)
{
	int fd = jc_open_tty(), status;
	pid_t sid = getsid(0), pid;

	KT_CHECK(fd >= 0, "open /dev/tty");
	KT_CHECK(sid > 1 && getsid(getpid()) == sid, "getsid %d", (int)sid);
	KT_CHECK(tcgetsid(fd) == sid, "tcgetsid %d, getsid %d",
	    (int)tcgetsid(fd), (int)sid);
	KT_CHECK(getsid(1) == 1, "init's session %d", (int)getsid(1));
	KT_CHECK(getsid(77777) == -1 && errno == ESRCH, "getsid of nobody");
	KT_CHECK(ioctl(fd, TIOCSCTTY, 0) == -1 && errno == EPERM,
	    "TIOCSCTTY by a process that leads no session");
	if ((pid = fork()) == 0) {
		setpgid(0, 0);
		_exit(setsid() == -1 && errno == EPERM ? 0 : 1);
	}
	kt_wait_status(pid, &status);
	KT_CHECK(status == 0, "a group leader may start a session");
	if ((pid = fork()) == 0) {
		if (setsid() != getpid() || getsid(0) != getpid() ||
		    getpgrp() != getpid())
			_exit(1);
		_exit(setsid() == -1 && errno == EPERM ? 0 : 2);
	}
	kt_wait_status(pid, &status);
	KT_CHECK(status == 0, "setsid: step %d", WEXITSTATUS(status));
	return 0;
}

/* ki_stat of pid (SRUN, SSTOP, ...), or -1 if there is no such process. */
static int
state_of(pid_t pid)
{
	struct kinfo_proc kp;

	return kt_kinfo(pid, &kp) == 0 ? kp.ki_stat : -1;
}

/* init still adopts and reaps: an orphan's zombie goes away. */
static int
init_reaps(void)
{
	int p[2], status, i;
	pid_t mid, orphan = 0;

	if (pipe(p) != 0)
		return 0;
	if ((mid = fork()) == 0) {
		orphan = fork();
		if (orphan == 0) {
			usleep(20000);
			_exit(0);
		}
		write(p[1], &orphan, sizeof(orphan));
		_exit(0);
	}
	kt_wait_status(mid, &status);
	read(p[0], &orphan, sizeof(orphan));
	close(p[0]);
	close(p[1]);
	for (i = 0; i < 300; i++) {
		if (state_of(orphan) == -1)
			return 1;
		usleep(10000);
	}
	return 0;
}

static int
user_kills_init(int fd)
{
	(void)fd;
	if (setuid(1000) != 0)
		return 1;
	return kill(1, SIGKILL) == -1 && errno == EPERM &&
	    kill(1, SIGQUIT) == -1 && errno == EPERM ? 0 : 2;
}

/*
 * FreeBSD takes no default action of a signal for process 1: root's
 * kill(1, sig) succeeds and init goes on; anyone else gets EPERM.
 */
static int
test_init_immune(void)
{
	static const int sigs[] = { SIGINT, SIGQUIT, SIGTSTP, SIGSTOP,
	    SIGTTIN, SIGHUP, SIGTERM, SIGUSR1, SIGSEGV, SIGKILL };
	unsigned i;
	int status;
	pid_t pid;

	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		KT_CHECK(kill(1, sigs[i]) == 0, "root's kill(1, %d): %s",
		    sigs[i], strerror(errno));
	usleep(50000);
	KT_CHECK(kill(1, 0) == 0, "init is gone");
	KT_CHECK(state_of(1) != SSTOP, "init is stopped");
	KT_CHECK(init_reaps(), "init no longer reaps orphans");
	pid = jc_spawn_bg(user_kills_init, -1);
	kt_wait_status(pid, &status);
	KT_CHECK(status == 0, "uid 1000's kill(1, ...): step %d",
	    WEXITSTATUS(status));
	return 0;
}

/*
 * The reported failure, step by step: a uid-1000 background process of
 * root's job tries to read root's next line and to make init the
 * foreground group; then ^\ is typed.
 */
static int
user_reads(int fd)
{
	char c;

	if (setuid(1000) != 0)
		return 9;
	return read(fd, &c, 1) == 1 ? 1 : 2;
}

static int
user_steals_fg(int fd)
{
	if (setuid(1000) != 0)
		return 9;
	signal(SIGTTOU, SIG_IGN);
	return tcsetpgrp(fd, 1) == -1 && errno == EPERM ? 0 : 1;
}

static int
typed_quit(int fd)
{
	struct sigaction sa;
	pid_t parent_pgrp = getpgid(getppid());

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = catch;
	sigaction(SIGQUIT, &sa, NULL);
	signal(SIGTTOU, SIG_IGN);
	if (tcsetpgrp(fd, getpgrp()) != 0)
		return 1;
	if (jc_type(fd, CTRL('\\')) != 0)
		return 2;
	while (got == 0)
		usleep(5000);
	tcsetpgrp(fd, parent_pgrp);
	return got == SIGQUIT ? 0 : 3;
}

static int
test_reported_scenario(void)
{
	struct termios saved, t;
	int fd = jc_open_tty(), status;
	pid_t pid;

	KT_CHECK(fd >= 0 && tcgetattr(fd, &saved) == 0, "open /dev/tty");
	pid = jc_spawn_bg(user_reads, fd);
	if (jc_wait_stop(pid, &status) != 0)
		status = -1;
	jc_kill_reap(pid);
	KT_CHECK(WIFSTOPPED(status) && WSTOPSIG(status) == SIGTTIN,
	    "uid 1000 in the background reads the console: status %#x",
	    status);
	pid = jc_spawn_bg(user_steals_fg, fd);
	kt_wait_status(pid, &status);
	KT_CHECK(status == 0, "uid 1000 made init the foreground group");
	KT_CHECK(tcgetpgrp(fd) == getpgrp(), "the foreground group moved");
	t = saved;
	t.c_lflag &= ~ECHO;
	tcsetattr(fd, TCSANOW, &t);
	pid = jc_spawn_bg(typed_quit, fd);
	if (jc_wait_stop(pid, &status) != 0) {
		jc_kill_reap(pid);
		status = -1;
	}
	tcsetattr(fd, TCSANOW, &saved);
	KT_CHECK(status == 0, "^\\ did not reach the foreground group: "
	    "status %#x", status);
	KT_CHECK(kill(1, SIGQUIT) == 0 && kill(1, 0) == 0, "init after ^\\");
	return 0;
}

int
main(void)
{
	kt_suite("tty_session");
	kt_run("sessions", test_sessions);
	kt_run("init_immune", test_init_immune);
	kt_run("reported_scenario", test_reported_scenario);
	return kt_finish();
}
