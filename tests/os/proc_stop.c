/*
 * proc_stop.c - job control and the signals nobody can refuse: SIGSTOP,
 * SIGTSTP, SIGTTIN and SIGTTOU stop a process, waitpid(WUNTRACED) reports
 * the stop once, SIGCONT continues it and waitpid(WCONTINUED) reports that;
 * a stopped process does not run, and only SIGKILL or SIGCONT get it
 * moving; the parent gets SIGCHLD for a stop unless SA_NOCLDSTOP. SIGKILL
 * and SIGSTOP cannot be caught, ignored or blocked.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/kinfo.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/ktest.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static pid_t kids[8];
static unsigned nkids;

/* fork, remembering the child for finish(). */
static pid_t
tracked_fork(void)
{
	pid_t pid = fork();

	if (pid > 0 && nkids < NELEM(kids))
		kids[nkids++] = pid;
	return pid;
}

/*
 * Kill and reap what a case leaves behind: after a failed check a child
 * may still be stopped or looping, holding the harness's pipe open.
 */
static int
finish(int r)
{
	unsigned i;
	int status;

	for (i = 0; i < nkids; i++) {
		kill(kids[i], SIGKILL);
		waitpid(kids[i], &status, 0);
	}
	nkids = 0;
	return r;
}

#define CASE(fn)	static int fn##_case(void) { return finish(fn()); }

/* A child that writes a byte to fd every 5 ms until it is killed. */
static pid_t
spawn_ticker(int fd)
{
	pid_t pid = tracked_fork();

	if (pid == 0) {
		for (;;) {
			write(fd, "t", 1);
			usleep(5000);
		}
	}
	return pid;
}

/* Bytes waiting in a pipe (fstat's st_size). */
static long
pipe_bytes(int fd)
{
	struct stat st;

	return fstat(fd, &st) == 0 ? (long)st.st_size : -1;
}

static void
drain(int fd)
{
	char buf[256];
	long n;

	while ((n = pipe_bytes(fd)) > 0)
		read(fd, buf, n < (long)sizeof(buf) ? n : (long)sizeof(buf));
}

static int
test_stop_continue_status(void)
{
	int fds[2], status;
	pid_t pid;

	KT_CHECK(pipe(fds) == 0, "pipe");
	pid = spawn_ticker(fds[1]);
	KT_CHECK(kill(pid, SIGSTOP) == 0, "kill SIGSTOP");
	KT_CHECK(waitpid(pid, &status, WUNTRACED) == pid, "waitpid WUNTRACED");
	KT_CHECK(WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP &&
	    !WIFEXITED(status) && !WIFSIGNALED(status) && !WIFCONTINUED(status),
	    "status %#x, expected stopped by SIGSTOP", status);
	KT_CHECK(waitpid(pid, &status, WUNTRACED | WNOHANG) == 0,
	    "the same stop was reported twice");

	/* Stopped means not running. */
	drain(fds[0]);
	usleep(60000);
	KT_CHECK(pipe_bytes(fds[0]) == 0, "a stopped process wrote %ld bytes",
	    pipe_bytes(fds[0]));

	KT_CHECK(kill(pid, SIGCONT) == 0, "kill SIGCONT");
	KT_CHECK(waitpid(pid, &status, WCONTINUED) == pid, "waitpid WCONTINUED");
	KT_CHECK(WIFCONTINUED(status) && !WIFSTOPPED(status) &&
	    !WIFSIGNALED(status) && !WIFEXITED(status),
	    "status %#x, expected continued", status);
	KT_CHECK(waitpid(pid, &status, WCONTINUED | WNOHANG) == 0,
	    "the same continue was reported twice");
	usleep(60000);
	KT_CHECK(pipe_bytes(fds[0]) > 0, "the continued process did not run");

	KT_CHECK(kill(pid, SIGTERM) == 0, "kill SIGTERM");
	KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
	KT_CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM,
	    "status %#x", status);
	close(fds[0]);
	close(fds[1]);
	return 0;
}

/* Without WUNTRACED a stop is not reported; with WNOHANG wait returns 0. */
static int
test_stop_needs_wuntraced(void)
{
	int fds[2], status;
	pid_t pid;

	KT_CHECK(pipe(fds) == 0, "pipe");
	pid = spawn_ticker(fds[1]);
	kill(pid, SIGSTOP);
	KT_CHECK(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status),
	    "no stop");
	kill(pid, SIGCONT);
	kill(pid, SIGSTOP);
	usleep(20000);
	KT_CHECK(waitpid(pid, &status, WNOHANG) == 0,
	    "waitpid without WUNTRACED reported status %#x", status);
	KT_CHECK(waitpid(pid, &status, WNOHANG | WUNTRACED) == pid &&
	    WIFSTOPPED(status), "the second stop was not reported");
	kill(pid, SIGKILL);
	KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
	KT_CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	    "SIGKILL to a stopped process: status %#x", status);
	close(fds[0]);
	close(fds[1]);
	return 0;
}

/*
 * Every stop signal stops by default, sent or raised. The child gets a
 * process group of its own, whose parent (this case) is in another group
 * of the session: the suite's own group is orphaned (its leader's parent is
 * init, in another session), and there the terminal's stop signals are
 * discarded (tests/os/tty_jobc.c).
 */
static int
test_stop_signals(void)
{
	static const int stops[] = { SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU };
	unsigned i;
	int status;

	for (i = 0; i < NELEM(stops); i++) {
		pid_t pid = tracked_fork();

		if (pid == 0) {
			setpgid(0, 0);
			signal(stops[i], SIG_DFL);
			raise(stops[i]);
			_exit(7);
		}
		KT_CHECK(waitpid(pid, &status, WUNTRACED) == pid, "waitpid");
		KT_CHECK(WIFSTOPPED(status) && WSTOPSIG(status) == stops[i],
		    "raise(%d): status %#x", stops[i], status);
		kill(pid, SIGCONT);
		KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
		KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 7,
		    "after SIGCONT: status %#x", status);
	}
	return 0;
}

/* A signal sent to a stopped process waits until it is continued. */
static int
test_signal_while_stopped(void)
{
	int fds[2], status;
	pid_t pid;

	KT_CHECK(pipe(fds) == 0, "pipe");
	pid = spawn_ticker(fds[1]);
	kill(pid, SIGSTOP);
	KT_CHECK(waitpid(pid, &status, WUNTRACED) == pid, "waitpid");
	kill(pid, SIGTERM);
	usleep(20000);
	KT_CHECK(waitpid(pid, &status, WNOHANG) == 0,
	    "a stopped process died of SIGTERM (status %#x)", status);
	kill(pid, SIGCONT);
	KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
	KT_CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM,
	    "status %#x, expected death by SIGTERM once continued", status);
	close(fds[0]);
	close(fds[1]);
	return 0;
}

static volatile int hits;

static void
count(int sig)
{
	(void)sig;
	hits++;
}

/* SIGCONT continues even a process that catches it, and runs the handler. */
static int
test_sigcont_handler(void)
{
	int fds[2], status;
	char c = 0;
	pid_t pid;

	KT_CHECK(pipe(fds) == 0, "pipe");
	pid = tracked_fork();
	if (pid == 0) {
		signal(SIGCONT, count);
		raise(SIGSTOP);
		c = hits == 1 ? 'h' : 'n';
		write(fds[1], &c, 1);
		_exit(0);
	}
	KT_CHECK(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status),
	    "no stop");
	kill(pid, SIGCONT);
	KT_CHECK(read(fds[0], &c, 1) == 1 && c == 'h',
	    "SIGCONT handler did not run in the continued process (%c)", c);
	KT_CHECK(waitpid(pid, &status, WCONTINUED) == pid, "waitpid");
	KT_CHECK(WIFCONTINUED(status) || (WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0), "status %#x", status);
	if (WIFCONTINUED(status))
		KT_CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status),
		    "exit status %#x", status);
	close(fds[0]);
	close(fds[1]);
	return 0;
}

/* The parent hears of a stop through SIGCHLD, unless it set SA_NOCLDSTOP. */
static int
test_sigchld_on_stop(void)
{
	struct sigaction sa;
	int status, pass;

	for (pass = 0; pass < 2; pass++) {
		pid_t pid;

		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = count;
		sa.sa_flags = pass == 0 ? 0 : SA_NOCLDSTOP;
		sigaction(SIGCHLD, &sa, NULL);
		hits = 0;
		pid = tracked_fork();
		if (pid == 0) {
			raise(SIGSTOP);
			_exit(0);
		}
		KT_CHECK(waitpid(pid, &status, WUNTRACED) == pid &&
		    WIFSTOPPED(status), "no stop");
		KT_CHECK(hits == (pass == 0 ? 1 : 0),
		    "%s: SIGCHLD for the stop ran the handler %d times",
		    pass == 0 ? "default" : "SA_NOCLDSTOP", hits);
		kill(pid, SIGCONT);
		KT_CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status),
		    "status %#x", status);
	}
	return 0;
}

/* WCONTINUED with pid -1 finds the continued child among others. */
static int
test_wcontinued_any(void)
{
	int status;
	pid_t other, pid;

	other = tracked_fork();
	if (other == 0) {
		usleep(300000);
		_exit(0);
	}
	pid = tracked_fork();
	if (pid == 0) {
		raise(SIGSTOP);
		_exit(0);
	}
	KT_CHECK(waitpid(pid, &status, WUNTRACED) == pid, "waitpid stop");
	kill(pid, SIGCONT);
	KT_CHECK(waitpid(-1, &status, WCONTINUED | WUNTRACED) == pid,
	    "waitpid(-1, WCONTINUED) did not return the continued child");
	KT_CHECK(WIFCONTINUED(status) || WIFEXITED(status), "status %#x",
	    status);
	while (wait(&status) > 0)
		;
	return 0;
}

static int
test_kill_stop_uncatchable(void)
{
	struct sigaction sa, old;
	static const int sigs[] = { SIGKILL, SIGSTOP };
	sigset_t all, cur;
	unsigned i;

	memset(&sa, 0, sizeof(sa));
	for (i = 0; i < NELEM(sigs); i++) {
		sa.sa_handler = count;
		errno = 0;
		KT_CHECK(sigaction(sigs[i], &sa, NULL) == -1 && errno == EINVAL,
		    "catching signal %d: errno %d", sigs[i], errno);
		sa.sa_handler = SIG_IGN;
		errno = 0;
		KT_CHECK(sigaction(sigs[i], &sa, NULL) == -1 && errno == EINVAL,
		    "ignoring signal %d: errno %d", sigs[i], errno);
		KT_CHECK(sigaction(sigs[i], NULL, &old) == 0 &&
		    old.sa_handler == SIG_DFL, "signal %d changed", sigs[i]);
	}
	sigfillset(&all);
	KT_CHECK(sigprocmask(SIG_SETMASK, &all, NULL) == 0, "sigprocmask");
	KT_CHECK(sigprocmask(SIG_BLOCK, NULL, &cur) == 0, "sigprocmask query");
	KT_CHECK(!sigismember(&cur, SIGKILL) && !sigismember(&cur, SIGSTOP),
	    "SIGKILL or SIGSTOP blocked: mask %#x", cur.__bits[0]);
	KT_CHECK(sigismember(&cur, SIGTERM), "SIGTERM not blocked");
	return 0;
}

/* A process that blocks and ignores everything still stops and dies. */
static int
test_kill_stop_unstoppable(void)
{
	int fds[2], status, sig;
	char c;
	pid_t pid;

	KT_CHECK(pipe(fds) == 0, "pipe");
	pid = tracked_fork();
	if (pid == 0) {
		sigset_t all;

		for (sig = 1; sig < NSIG; sig++)
			signal(sig, SIG_IGN);
		sigfillset(&all);
		sigprocmask(SIG_SETMASK, &all, NULL);
		write(fds[1], "r", 1);
		for (;;)
			usleep(5000);
	}
	KT_CHECK(read(fds[0], &c, 1) == 1, "child not ready");
	kill(pid, SIGTERM);
	kill(pid, SIGSTOP);
	KT_CHECK(waitpid(pid, &status, WUNTRACED) == pid, "waitpid");
	KT_CHECK(WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP,
	    "SIGSTOP with everything blocked: status %#x", status);
	kill(pid, SIGCONT);
	kill(pid, SIGKILL);
	KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
	KT_CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	    "SIGKILL with everything blocked: status %#x", status);
	close(fds[0]);
	close(fds[1]);
	return 0;
}

/* SIGKILL ends a process blocked in a system call. */
static int
test_kill_sleeping(void)
{
	int fds[2], status;
	char c;
	pid_t pid;

	KT_CHECK(pipe(fds) == 0, "pipe");
	pid = tracked_fork();
	if (pid == 0) {
		signal(SIGKILL, SIG_IGN);
		read(fds[0], &c, 1);
		_exit(1);
	}
	usleep(20000);
	kill(pid, SIGKILL);
	KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
	KT_CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	    "status %#x", status);
	close(fds[0]);
	close(fds[1]);
	return 0;
}

CASE(test_stop_continue_status)
CASE(test_stop_needs_wuntraced)
CASE(test_stop_signals)
CASE(test_signal_while_stopped)
CASE(test_sigcont_handler)
CASE(test_sigchld_on_stop)
CASE(test_wcontinued_any)
CASE(test_kill_stop_uncatchable)
CASE(test_kill_stop_unstoppable)
CASE(test_kill_sleeping)

int
main(void)
{
	kt_suite("proc_stop");
	kt_run("stop_continue_status", test_stop_continue_status_case);
	kt_run("stop_needs_wuntraced", test_stop_needs_wuntraced_case);
	kt_run("stop_signals", test_stop_signals_case);
	kt_run("signal_while_stopped", test_signal_while_stopped_case);
	kt_run("sigcont_handler", test_sigcont_handler_case);
	kt_run("sigchld_on_stop", test_sigchld_on_stop_case);
	kt_run("wcontinued_any", test_wcontinued_any_case);
	kt_run("kill_stop_uncatchable", test_kill_stop_uncatchable_case);
	kt_run("kill_stop_unstoppable", test_kill_stop_unstoppable_case);
	kt_run("kill_sleeping", test_kill_sleeping_case);
	return kt_finish();
}
