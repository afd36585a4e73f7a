/*
 * proc_procctl.c - procctl(2) as FreeBSD's manual describes it: a reaper
 * (PROC_REAP_ACQUIRE) adopts what is orphaned below it instead of init,
 * PROC_REAP_STATUS tells who reaps and how many, PROC_REAP_RELEASE and the
 * reaper's exit hand the descendants up; PROC_TRACE_CTL forbids ptrace
 * attach until the next exec (or across it), PROC_TRACE_STATUS tells the
 * state; and the errors of each. FreeBSD's ptrace__parent_exits_before_child
 * is here too, since it needs a reaper.
 *
 * The program runs itself as a helper: "/test/proc_procctl status" exits
 * with its PROC_TRACE_STATUS + 1.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/procctl.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>
#include "ptrace_lib.h"

#define SELF	"/test/proc_procctl"

static int
acquire(void)
{
	return procctl(P_PID, getpid(), PROC_REAP_ACQUIRE, NULL);
}

static int
status_of(pid_t pid, struct procctl_reaper_status *rs)
{
	memset(rs, 0xa5, sizeof(*rs));
	return procctl(P_PID, pid, PROC_REAP_STATUS, rs);
}

/*
 * A forks B and exits 1; B waits until released, then exits 4. The pipe
 * carries both ways, so the two messages never meet: B's pid comes to
 * fds[1] (A writes it into fds[0]), the release goes to B through fds[0]
 * (written into fds[1]).
 */
static pid_t
make_orphan(int fds[2], pid_t *b)
{
	pid_t a;
	int st;

	if (pipe(fds) < 0)
		return -1;
	if ((a = fork()) == 0) {
		pid_t g = fork();

		if (g == 0) {
			char c;

			read(fds[0], &c, 1);
			_exit(4);
		}
		write(fds[0], &g, sizeof(g));
		_exit(1);
	}
	if (kt_wait_status(a, &st) != a || read(fds[1], b, sizeof(*b)) !=
	    sizeof(*b))
		return -1;
	return a;
}

/* The reaper adopts the orphan: its parent is us, and we collect it. */
static int
test_reaper_adopts(void)
{
	struct kinfo_proc kp;
	int fds[2], st, mib[4] = { CTL_KERN, KERN_PROC, KERN_PROC_PID, 0 };
	size_t len = sizeof(kp);
	pid_t b;

	KT_CHECK(acquire() == 0, "acquire: errno %d", errno);
	KT_CHECK(make_orphan(fds, &b) > 0, "orphan");
	mib[3] = b;
	KT_CHECK(sysctl(mib, 4, &kp, &len, NULL, 0) == 0 &&
	    kp.ki_ppid == getpid(), "the orphan's parent is %d", kp.ki_ppid);
	write(fds[1], "x", 1);
	KT_CHECK(kt_wait_status(b, &st) == b && WIFEXITED(st) &&
	    WEXITSTATUS(st) == 4, "orphan status %#x", st);
	KT_CHECK(waitpid(-1, &st, WNOHANG) == -1 && errno == ECHILD, "more");
	return 0;
}

/* Not a reaper: orphans go to init, as ever. */
static int
test_no_reaper_init_adopts(void)
{
	int fds[2];
	pid_t b;

	KT_CHECK(make_orphan(fds, &b) > 0, "orphan");
	KT_CHECK(waitpid(b, NULL, WNOHANG) == -1 && errno == ECHILD,
	    "the orphan is ours without a reaper");
	write(fds[1], "x", 1);
	KT_CHECK(pt_await_state(b, 0) == 0, "init did not reap it");
	return 0;
}

/* PROC_REAP_STATUS for a reaper, for a process below it, and for init. */
static int
test_reap_status(void)
{
	struct procctl_reaper_status rs;
	int fds[2], st;
	pid_t b, c;

	KT_CHECK(status_of(0, &rs) == 0 && rs.rs_flags == REAPER_STATUS_REALINIT
	    && rs.rs_reaper == 1, "before: flags %#x reaper %d", rs.rs_flags,
	    rs.rs_reaper);
	KT_CHECK(acquire() == 0, "acquire");
	KT_CHECK(status_of(getpid(), &rs) == 0 &&
	    rs.rs_flags == REAPER_STATUS_OWNED && rs.rs_reaper == getpid() &&
	    rs.rs_descendants == 0 && rs.rs_children == 0 && rs.rs_pid == -1,
	    "empty: flags %#x reaper %d desc %u pid %d", rs.rs_flags,
	    rs.rs_reaper, rs.rs_descendants, rs.rs_pid);
	KT_CHECK(make_orphan(fds, &b) > 0, "orphan");
	if ((c = fork()) == 0) {
		for (;;)
			sleep(1000);
	}
	KT_CHECK(status_of(0, &rs) == 0 && rs.rs_descendants == 2 &&
	    rs.rs_children == 2 && (rs.rs_pid == b || rs.rs_pid == c),
	    "desc %u children %u pid %d", rs.rs_descendants, rs.rs_children,
	    rs.rs_pid);
	KT_CHECK(status_of(c, &rs) == 0 && rs.rs_flags == 0 &&
	    rs.rs_reaper == getpid(), "below: flags %#x reaper %d",
	    rs.rs_flags, rs.rs_reaper);
	KT_CHECK(status_of(1, &rs) == 0 && rs.rs_flags ==
	    (REAPER_STATUS_OWNED | REAPER_STATUS_REALINIT) && rs.rs_reaper == 1,
	    "init: flags %#x", rs.rs_flags);
	kill(c, SIGKILL);
	write(fds[1], "x", 1);
	kt_wait_status(c, &st);
	kt_wait_status(b, &st);
	return 0;
}

/* Release, and a reaper's exit, hand the descendants to the reaper above. */
static int
test_release_and_exit(void)
{
	struct procctl_reaper_status rs;
	int fds[2], st;
	pid_t mid, b;

	KT_CHECK(acquire() == 0, "acquire");
	KT_CHECK(acquire() == -1 && errno == EBUSY, "twice: errno %d", errno);
	KT_CHECK(procctl(P_PID, 0, PROC_REAP_RELEASE, NULL) == 0, "release");
	KT_CHECK(procctl(P_PID, 0, PROC_REAP_RELEASE, NULL) == -1 &&
	    errno == EINVAL, "released twice: errno %d", errno);
	KT_CHECK(status_of(0, &rs) == 0 && rs.rs_reaper == 1, "reaper %d",
	    rs.rs_reaper);
	KT_CHECK(acquire() == 0, "acquire again");
	KT_CHECK(pipe(fds) == 0, "pipe");
	if ((mid = fork()) == 0) {	/* a reaper below us, with an orphan */
		int f2[2];

		if (acquire() != 0 || make_orphan(f2, &b) <= 0)
			_exit(20);
		write(fds[1], &b, sizeof(b));
		read(fds[1], &st, 1);
		write(f2[1], "x", 1);	/* the orphan may exit: who collects? */
		_exit(0);
	}
	KT_CHECK(read(fds[0], &b, sizeof(b)) == sizeof(b), "orphan's pid");
	KT_CHECK(waitpid(b, NULL, WNOHANG) == -1 && errno == ECHILD,
	    "mid's orphan is ours already");
	write(fds[0], "g", 1);
	KT_CHECK(kt_wait_status(mid, &st) == mid && WEXITSTATUS(st) == 0,
	    "mid %#x", st);
	KT_CHECK(kt_wait_status(b, &st) == b && WIFEXITED(st), "the orphan did "
	    "not come up to us: %#x", st);
	close(fds[0]);
	close(fds[1]);
	return 0;
}

/* The reaper commands' errors (FreeBSD's manual). */
static int
test_reap_errors(void)
{
	struct procctl_reaper_status rs;

	KT_CHECK(procctl(P_PID, 1, PROC_REAP_ACQUIRE, NULL) == -1 &&
	    errno == EPERM, "for init: errno %d", errno);
	KT_CHECK(procctl(P_PGID, getpgrp(), PROC_REAP_ACQUIRE, NULL) == -1 &&
	    errno == EPERM, "by group: errno %d", errno);
	KT_CHECK(procctl(P_PGID, getpgrp(), PROC_REAP_STATUS, &rs) == -1 &&
	    errno == EINVAL, "status by group: errno %d", errno);
	KT_CHECK(procctl(P_PID, 99999, PROC_REAP_STATUS, &rs) == -1 &&
	    errno == ESRCH, "no such pid: errno %d", errno);
	KT_CHECK(procctl(P_PID, 0, 99, NULL) == -1 && errno == EINVAL,
	    "unknown command: errno %d", errno);
	KT_CHECK(procctl(P_PID, 0, PROC_REAP_KILL, NULL) == -1 &&
	    errno == EINVAL, "PROC_REAP_KILL: errno %d", errno);
	KT_CHECK(procctl(P_ALL, 0, PROC_TRACE_STATUS, &rs) == -1 &&
	    errno == EINVAL, "P_ALL: errno %d", errno);
	return 0;
}

static int
trace_status(pid_t pid)
{
	int v = -2;

	if (procctl(P_PID, pid, PROC_TRACE_STATUS, &v) != 0)
		return -3;
	return v;
}

static int
trace_ctl(pid_t pid, int how)
{
	return procctl(P_PID, pid, PROC_TRACE_CTL, &how);
}

/* A child (uid 1000) forbids tracing; another uid-1000 process cannot attach; root can. */
PT_CASE(trace_ctl_disable)
{
	int fds[2], st;
	pid_t c, t;

	KT_CHECK(pipe(fds) == 0, "pipe");
	if ((c = pt_track(fork())) == 0) {
		char ch;

		setuid(1000);
		if (trace_ctl(0, PROC_TRACE_CTL_DISABLE) != 0)
			_exit(20);
		write(fds[1], "r", 1);
		read(fds[1], &ch, 1);	/* until the parent is done */
		_exit(trace_status(0) == -1 ? 0 : 21);
	}
	KT_CHECK(read(fds[0], &st, 1) == 1, "child not ready");
	KT_CHECK(trace_status(c) == -1, "status %d", trace_status(c));
	if ((t = fork()) == 0) {
		setuid(1000);
		_exit(ptrace(PT_ATTACH, c, NULL, 0) == -1 && errno == EPERM ?
		    0 : 1);
	}
	KT_CHECK(kt_wait_status(t, &st) == t && st == 0, "a user attached");
	PT_OK(PT_ATTACH, c, 0, 0);	/* root may */
	PT_STOP(c, SIGSTOP);
	KT_CHECK(trace_status(c) == getpid(), "status %d while traced",
	    trace_status(c));
	KT_CHECK(trace_ctl(c, PROC_TRACE_CTL_DISABLE) == -1 && errno == EBUSY,
	    "ctl on a traced process: errno %d", errno);
	PT_OK(PT_DETACH, c, 1, 0);
	write(fds[0], "g", 1);
	KT_CHECK(kt_wait_status(c, &st) == c && WEXITSTATUS(st) == 0,
	    "child status %#x", st);
	return 0;
}

/* DISABLE ends at exec, DISABLE_EXEC does not; ENABLE is for oneself only. */
static int
test_trace_ctl_exec(void)
{
	char *argv[] = { SELF, "status", NULL };
	int how, st;
	pid_t c;

	for (how = PROC_TRACE_CTL_DISABLE; how <= PROC_TRACE_CTL_DISABLE_EXEC;
	    how++) {
		if ((c = fork()) == 0) {
			if (trace_ctl(0, how) != 0)
				_exit(30);
			execv(SELF, argv);
			_exit(31);
		}
		KT_CHECK(kt_wait_status(c, &st) == c && WIFEXITED(st),
		    "status %#x", st);
		KT_CHECK(WEXITSTATUS(st) == (how == PROC_TRACE_CTL_DISABLE ?
		    1 : 0), "how %d: status after exec %d", how,
		    WEXITSTATUS(st) - 1);
	}
	if ((c = fork()) == 0) {
		sleep(1000);
		_exit(0);
	}
	KT_CHECK(trace_ctl(c, PROC_TRACE_CTL_DISABLE_EXEC) == 0, "disable");
	KT_CHECK(trace_ctl(c, PROC_TRACE_CTL_ENABLE) == -1 && errno == EPERM,
	    "enable another: errno %d", errno);
	KT_CHECK(trace_ctl(c, PROC_TRACE_CTL_DISABLE) == -1 && errno == EPERM,
	    "end another's DISABLE_EXEC: errno %d", errno);
	KT_CHECK(trace_ctl(c, 7) == -1 && errno == EINVAL, "bad value");
	kill(c, SIGKILL);
	kt_wait_status(c, &st);
	KT_CHECK(trace_ctl(0, PROC_TRACE_CTL_DISABLE) == 0 &&
	    trace_ctl(0, PROC_TRACE_CTL_ENABLE) == 0 && trace_status(0) == 0,
	    "enable oneself");
	return 0;
}

/* PT_TRACE_ME of a process that forbade tracing: EPERM. */
static int
test_trace_me_refused(void)
{
	int st;
	pid_t c;

	if ((c = fork()) == 0) {
		trace_ctl(0, PROC_TRACE_CTL_DISABLE);
		_exit(ptrace(PT_TRACE_ME, 0, NULL, 0) == -1 && errno == EPERM ?
		    0 : 1);
	}
	KT_CHECK(kt_wait_status(c, &st) == c && st == 0, "PT_TRACE_ME %#x", st);
	return 0;
}

/*
 * FreeBSD's ptrace__parent_exits_before_child: we attach to a grandchild,
 * its parent exits, the reaper (us) collects the attach stop, detaches,
 * and collects its exit.
 */
PT_CASE(parent_exits_before_child)
{
	int c1[2], c2[2], g[2], st;
	pid_t child, gchild;

	KT_CHECK(acquire() == 0, "acquire");
	KT_CHECK(pipe(c1) == 0 && pipe(c2) == 0 && pipe(g) == 0, "pipes");
	if ((child = fork()) == 0) {
		if ((gchild = fork()) == 0) {
			st = 1;
			while (read(g[0], &st, sizeof(st)) < 0 && errno == EINTR)
				;
			_exit(st);
		}
		write(c1[1], &gchild, sizeof(gchild));
		read(c2[0], &st, sizeof(st));
		_exit(st);
	}
	KT_CHECK(read(c1[0], &gchild, sizeof(gchild)) == sizeof(gchild), "pid");
	pt_track(gchild);
	PT_OK(PT_ATTACH, gchild, 0, 0);
	st = 0;
	write(c2[1], &st, sizeof(st));
	KT_CHECK(kt_wait_status(child, &st) == child && WIFEXITED(st) &&
	    WEXITSTATUS(st) == 0, "child %s", pt_str(st));
	st = 0;
	write(g[1], &st, sizeof(st));
	KT_CHECK(kt_wait_status(gchild, &st) == gchild && WIFSTOPPED(st),
	    "the attach stop: %s", pt_str(st));
	PT_OK(PT_DETACH, gchild, 1, 0);
	PT_EXITS(gchild, 0);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "status") == 0)
		return trace_status(0) + 1;
	kt_suite("proc_procctl");
	kt_run("reaper_adopts", test_reaper_adopts);
	kt_run("no_reaper_init_adopts", test_no_reaper_init_adopts);
	kt_run("reap_status", test_reap_status);
	kt_run("release_and_exit", test_release_and_exit);
	kt_run("reap_errors", test_reap_errors);
	kt_run("trace_ctl_disable", trace_ctl_disable);
	kt_run("trace_ctl_exec", test_trace_ctl_exec);
	kt_run("trace_me_refused", test_trace_me_refused);
	kt_run("parent_exits_before_child", parent_exits_before_child);
	return kt_finish();
}
