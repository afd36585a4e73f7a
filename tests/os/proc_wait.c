/*
 * proc_wait.c - fork, exit and wait: every kind of status a child can
 * leave (exit codes, death by each terminating signal, signals that are
 * ignored by default), WNOHANG, ECHILD, waiting for one pid, for any child
 * and for a process group, zombies, and orphans that init adopts and reaps.
 *
 * Stops and continues (WUNTRACED, WCONTINUED) are in proc_stop.c.
 */
// RUN: qemu | -m 24
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/kinfo.h>
#include <sys/sysctl.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/ktest.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* Signals whose default action ends the process. */
static const int killers[] = {
	SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGEMT, SIGFPE,
	SIGKILL, SIGBUS, SIGSEGV, SIGSYS, SIGPIPE, SIGALRM, SIGTERM, SIGXCPU,
	SIGXFSZ, SIGVTALRM, SIGPROF, SIGUSR1, SIGUSR2,
};

/* Sleep until a signal ends the process. */
static void __attribute__((noreturn))
wait_forever(void)
{
	sigset_t none;

	sigemptyset(&none);
	for (;;)
		sigsuspend(&none);
}

/* The state of pid (SRUN, SSLEEP, SSTOP, SZOMB), or 0 if there is none. */
static int
proc_state(pid_t pid, pid_t *ppid)
{
	struct kinfo_proc kp;

	if (kt_kinfo(pid, &kp) != 0)
		return 0;
	if (ppid != NULL)
		*ppid = kp.ki_ppid;
	return kp.ki_stat;
}

/* Poll (up to ~2 s) until pid is in state want (0: gone). */
static int
await_state(pid_t pid, int want)
{
	int i;

	for (i = 0; i < 200; i++) {
		if (proc_state(pid, NULL) == want)
			return 1;
		usleep(10000);
	}
	return 0;
}

static int
test_exit_codes(void)
{
	static const int codes[] = { 0, 1, 3, 42, 127, 128, 200, 255, 256 + 7 };
	unsigned i;
	int status;

	for (i = 0; i < NELEM(codes); i++) {
		pid_t pid = fork();

		if (pid == 0)
			_exit(codes[i]);
		KT_CHECK(pid > 0, "fork: errno %d", errno);
		KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid: errno %d",
		    errno);
		KT_CHECK(WIFEXITED(status) && !WIFSIGNALED(status) &&
		    !WIFSTOPPED(status) && !WIFCONTINUED(status),
		    "exit(%d): status %#x is not an exit", codes[i], status);
		KT_CHECK(WEXITSTATUS(status) == (codes[i] & 0xff),
		    "exit(%d): WEXITSTATUS %d", codes[i], WEXITSTATUS(status));
	}
	return 0;
}

static int
test_killed_by_signal(void)
{
	unsigned i;
	int status;

	for (i = 0; i < NELEM(killers); i++) {
		pid_t pid = fork();

		if (pid == 0)
			wait_forever();
		KT_CHECK(pid > 0, "fork: errno %d", errno);
		KT_CHECK(kill(pid, killers[i]) == 0, "kill: errno %d", errno);
		KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid: errno %d",
		    errno);
		KT_CHECK(WIFSIGNALED(status) && !WIFEXITED(status) &&
		    !WIFSTOPPED(status), "signal %d: status %#x", killers[i],
		    status);
		KT_CHECK(WTERMSIG(status) == killers[i],
		    "signal %d: WTERMSIG %d", killers[i], WTERMSIG(status));
	}
	return 0;
}

static int
test_raise_self(void)
{
	unsigned i;
	int status;

	for (i = 0; i < NELEM(killers); i++) {
		pid_t pid = fork();

		if (pid == 0) {
			raise(killers[i]);
			_exit(99);
		}
		KT_CHECK(pid > 0, "fork: errno %d", errno);
		KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
		KT_CHECK(WIFSIGNALED(status) && WTERMSIG(status) == killers[i],
		    "raise(%d): status %#x", killers[i], status);
	}
	return 0;
}

/* Signals ignored by default, and any signal set to SIG_IGN, change nothing. */
static int
test_ignored_signals(void)
{
	static const int ignored[] = { SIGURG, SIGCHLD, SIGWINCH, SIGINFO, SIGCONT };
	int status;
	unsigned i;
	pid_t pid = fork();

	if (pid == 0) {
		for (i = 0; i < NELEM(ignored); i++)
			raise(ignored[i]);
		signal(SIGTERM, SIG_IGN);
		signal(SIGUSR1, SIG_IGN);
		raise(SIGTERM);
		kill(getpid(), SIGUSR1);
		_exit(5);
	}
	KT_CHECK(pid > 0, "fork");
	KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 5,
	    "status %#x, expected exit 5", status);
	return 0;
}

static int
test_wnohang(void)
{
	int fds[2], status = 0x5a5a;
	char c;
	pid_t pid;

	KT_CHECK(pipe(fds) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		close(fds[1]);
		read(fds[0], &c, 1);
		_exit(9);
	}
	close(fds[0]);
	KT_CHECK(waitpid(pid, &status, WNOHANG) == 0,
	    "WNOHANG on a running child did not return 0");
	KT_CHECK(waitpid(-1, &status, WNOHANG) == 0,
	    "WNOHANG (any) on a running child did not return 0");
	close(fds[1]);		/* the child's read sees EOF and it exits */
	KT_CHECK(await_state(pid, SZOMB), "child never became a zombie");
	KT_CHECK(waitpid(pid, &status, WNOHANG) == pid,
	    "WNOHANG on a zombie did not return its pid");
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 9,
	    "status %#x", status);
	return 0;
}

static int
test_echild(void)
{
	int status;
	pid_t pid;

	errno = 0;
	KT_CHECK(wait(&status) == -1 && errno == ECHILD,
	    "wait without children: errno %d", errno);
	errno = 0;
	KT_CHECK(waitpid(-1, &status, WNOHANG) == -1 && errno == ECHILD,
	    "waitpid(-1, WNOHANG) without children: errno %d", errno);
	errno = 0;
	KT_CHECK(waitpid(1, &status, 0) == -1 && errno == ECHILD,
	    "waitpid(init): errno %d", errno);
	errno = 0;
	KT_CHECK(waitpid(getpid(), &status, 0) == -1 && errno == ECHILD,
	    "waitpid(self): errno %d", errno);
	errno = 0;
	KT_CHECK(waitpid(99998, &status, 0) == -1 && errno == ECHILD,
	    "waitpid(no such pid): errno %d", errno);

	pid = fork();
	if (pid == 0)
		_exit(0);
	KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
	errno = 0;
	KT_CHECK(waitpid(pid, &status, 0) == -1 && errno == ECHILD,
	    "second waitpid of a reaped child: errno %d", errno);
	return 0;
}

/* A grandchild is not ours to wait for. */
static int
test_grandchild_not_waitable(void)
{
	int up[2], down[2], status;
	pid_t pid, gc;
	char c;

	KT_CHECK(pipe(up) == 0 && pipe(down) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		gc = fork();
		if (gc == 0) {
			read(down[0], &c, 1);
			_exit(0);
		}
		write(up[1], &gc, sizeof(gc));
		waitpid(gc, &status, 0);
		_exit(WIFEXITED(status) ? 0 : 1);
	}
	KT_CHECK(read(up[0], &gc, sizeof(gc)) == sizeof(gc), "read pid");
	errno = 0;
	KT_CHECK(waitpid(gc, &status, WNOHANG) == -1 && errno == ECHILD,
	    "waitpid(grandchild): errno %d", errno);
	write(down[1], "x", 1);
	KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid child");
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "child status %#x", status);
	close(up[0]);
	close(up[1]);
	close(down[0]);
	close(down[1]);
	return 0;
}

/* waitpid(pid) returns that child even when others finished first. */
static int
test_wait_specific(void)
{
	pid_t pids[3], got;
	int i, status, seen = 0;

	for (i = 0; i < 3; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			usleep(i == 1 ? 60000 : 0);
			_exit(11 + i);
		}
		KT_CHECK(pids[i] > 0, "fork");
	}
	KT_CHECK(await_state(pids[0], SZOMB) &&
	    await_state(pids[2], SZOMB), "children did not exit");
	KT_CHECK(waitpid(pids[1], &status, 0) == pids[1], "waitpid(pid 1)");
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 12,
	    "status of the middle child %#x", status);
	for (i = 0; i < 2; i++) {
		got = waitpid(-1, &status, 0);
		KT_CHECK(got == pids[0] || got == pids[2], "waitpid(-1) = %d", got);
		KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) ==
		    (got == pids[0] ? 11 : 13), "status %#x of %d", status, got);
		seen |= got == pids[0] ? 1 : 2;
	}
	KT_CHECK(seen == 3, "the same child was returned twice");
	KT_CHECK(waitpid(-1, &status, WNOHANG) == -1 && errno == ECHILD,
	    "a fourth child appeared");
	return 0;
}

/* waitpid(0) and waitpid(-pgid) select by process group. */
static int
test_wait_pgrp(void)
{
	int fds[2], status;
	pid_t pid;
	char c;

	KT_CHECK(pipe(fds) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		setpgid(0, 0);
		write(fds[1], "r", 1);
		_exit(21);
	}
	KT_CHECK(read(fds[0], &c, 1) == 1, "child did not start");
	KT_CHECK(await_state(pid, SZOMB), "child did not exit");
	errno = 0;
	KT_CHECK(waitpid(0, &status, WNOHANG) == -1 && errno == ECHILD,
	    "waitpid(0) matched a child in another group (errno %d)", errno);
	KT_CHECK(waitpid(-getpgrp(), &status, WNOHANG) == -1 &&
	    errno == ECHILD, "waitpid(-mygroup) matched it");
	KT_CHECK(waitpid(-pid, &status, 0) == pid, "waitpid(-childgroup)");
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 21,
	    "status %#x", status);

	pid = fork();
	if (pid == 0)
		_exit(22);
	KT_CHECK(waitpid(0, &status, 0) == pid, "waitpid(0) on own group");
	KT_CHECK(WEXITSTATUS(status) == 22, "status %#x", status);
	close(fds[0]);
	close(fds[1]);
	return 0;
}

static int
test_zombie(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(4);
	KT_CHECK(await_state(pid, SZOMB), "no zombie (state %d)",
	    proc_state(pid, NULL));
	KT_CHECK(kill(pid, 0) == 0, "kill(zombie, 0): errno %d", errno);
	KT_CHECK(kill(pid, SIGKILL) == 0, "kill(zombie, SIGKILL): errno %d",
	    errno);
	KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 4,
	    "a zombie's status changed: %#x", status);
	KT_CHECK(proc_state(pid, NULL) == 0, "reaped zombie still in the table");
	errno = 0;
	KT_CHECK(kill(pid, 0) == -1 && errno == ESRCH,
	    "kill(reaped, 0): errno %d", errno);
	return 0;
}

static int
test_status_null(void)
{
	struct {
		char	ru[72];
	} ru;
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(1);
	KT_CHECK(waitpid(pid, NULL, 0) == pid, "waitpid(NULL status)");
	pid = fork();
	if (pid == 0)
		_exit(2);
	memset(&ru, 0xff, sizeof(ru));
	KT_CHECK(wait4(pid, &status, 0, (struct rusage *)&ru) == pid, "wait4");
	KT_CHECK(WEXITSTATUS(status) == 2, "status %#x", status);
	errno = 0;
	KT_CHECK(waitpid(-1, &status, 0x400) == -1 && errno == EINVAL,
	    "an unknown option: errno %d", errno);
	return 0;
}

static volatile int chld_count;

static void
on_chld(int sig)
{
	(void)sig;
	chld_count++;
}

static int
test_sigchld_on_exit(void)
{
	int status;
	pid_t pid;

	signal(SIGCHLD, on_chld);
	pid = fork();
	if (pid == 0)
		_exit(0);
	KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
	KT_CHECK(chld_count == 1, "SIGCHLD handler ran %d times", chld_count);
	return 0;
}

/* The parent dies; its child gets init (pid 1) as its parent. */
static int
test_orphan_reparented(void)
{
	int up[2], down[2], status;
	pid_t pid, gc, ppid = 0;
	char c = 0;

	KT_CHECK(pipe(up) == 0 && pipe(down) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		gc = fork();
		if (gc == 0) {
			read(down[0], &c, 1);	/* wait until the parent is gone */
			c = getppid() == 1 ? 'y' : 'n';
			write(up[1], &c, 1);
			_exit(0);
		}
		write(up[1], &gc, sizeof(gc));
		_exit(0);
	}
	KT_CHECK(read(up[0], &gc, sizeof(gc)) == sizeof(gc), "grandchild pid");
	KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
	KT_CHECK(proc_state(gc, &ppid) != 0 && ppid == 1,
	    "orphan's parent is %d, not init", ppid);
	write(down[1], "g", 1);
	KT_CHECK(read(up[0], &c, 1) == 1 && c == 'y',
	    "getppid() in the orphan was not 1");
	KT_CHECK(await_state(gc, 0), "init did not reap the orphan (state %d)",
	    proc_state(gc, NULL));
	close(up[0]);
	close(up[1]);
	close(down[0]);
	close(down[1]);
	return 0;
}

/* A zombie whose parent exits is reaped by init. */
static int
test_orphan_zombie_reaped(void)
{
	int fds[2], status;
	pid_t pid, gc;

	KT_CHECK(pipe(fds) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		gc = fork();
		if (gc == 0)
			_exit(0);
		write(fds[1], &gc, sizeof(gc));
		while (proc_state(gc, NULL) != SZOMB)
			sched_yield();
		_exit(0);
	}
	KT_CHECK(read(fds[0], &gc, sizeof(gc)) == sizeof(gc), "grandchild pid");
	KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
	KT_CHECK(await_state(gc, 0), "the orphaned zombie was not reaped");
	close(fds[0]);
	close(fds[1]);
	return 0;
}

/*
 * With SIGCHLD ignored, or SA_NOCLDWAIT, children leave no zombies: init
 * reaps them, and wait finds no child (ECHILD) once they are gone.
 */
static int
test_no_zombies(void)
{
	struct sigaction sa;
	int status, pass;

	for (pass = 0; pass < 2; pass++) {
		pid_t pid, slow;

		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = pass == 0 ? SIG_IGN : SIG_DFL;
		sa.sa_flags = pass == 0 ? 0 : SA_NOCLDWAIT;
		sigaction(SIGCHLD, &sa, NULL);
		pid = fork();
		if (pid == 0)
			_exit(1);
		KT_CHECK(await_state(pid, 0), "%s: the child stayed (state %d)",
		    pass ? "SA_NOCLDWAIT" : "SIG_IGN", proc_state(pid, NULL));
		errno = 0;
		KT_CHECK(waitpid(pid, &status, 0) == -1 && errno == ECHILD,
		    "waitpid for the vanished child: errno %d", errno);
		slow = fork();
		if (slow == 0) {
			usleep(30000);
			_exit(2);
		}
		errno = 0;
		KT_CHECK(wait(&status) == -1 && errno == ECHILD,
		    "wait while a child ran: errno %d (expected ECHILD once it "
		    "was gone)", errno);
		KT_CHECK(proc_state(slow, NULL) == 0 || await_state(slow, 0),
		    "the second child stayed");
	}
	return 0;
}

/* Many children at once, reaped in any order: every status arrives once. */
static int
test_many_children(void)
{
	pid_t pids[20], got;
	int i, j, status, left = 20;

	for (i = 0; i < 20; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			_exit(100 + i);
		KT_CHECK(pids[i] > 0, "fork %d: errno %d", i, errno);
	}
	while (left > 0) {
		got = wait(&status);
		KT_CHECK(got > 0, "wait: errno %d", errno);
		for (j = 0; j < 20 && pids[j] != got; j++)
			;
		KT_CHECK(j < 20, "wait returned a stranger %d", got);
		KT_CHECK(WEXITSTATUS(status) == 100 + j, "status %#x", status);
		pids[j] = -1;
		left--;
	}
	return 0;
}

int
main(void)
{
	kt_suite("proc_wait");
	kt_run("exit_codes", test_exit_codes);
	kt_run("killed_by_signal", test_killed_by_signal);
	kt_run("raise_self", test_raise_self);
	kt_run("ignored_signals", test_ignored_signals);
	kt_run("wnohang", test_wnohang);
	kt_run("echild", test_echild);
	kt_run("grandchild_not_waitable", test_grandchild_not_waitable);
	kt_run("wait_specific", test_wait_specific);
	kt_run("wait_pgrp", test_wait_pgrp);
	kt_run("zombie", test_zombie);
	kt_run("status_null_and_options", test_status_null);
	kt_run("sigchld_on_exit", test_sigchld_on_exit);
	kt_run("orphan_reparented", test_orphan_reparented);
	kt_run("orphan_zombie_reaped", test_orphan_zombie_reaped);
	kt_run("no_zombies", test_no_zombies);
	kt_run("many_children", test_many_children);
	return kt_finish();
}
