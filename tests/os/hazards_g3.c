/*
 * hazards_g3.c - the tracer goes away, attach meets a stopped process, the
 * tracee's exit is collected by a tracer that is not its parent, and
 * SIGKILL arrives while the tracer is busy with the tracee's state
 * (SerenityOS PR #5521, FreeBSD-EN-18:16, CVE-2013-0871).
 *
 * Kestrel's rules (docs/ptrace.md, "When the tracer goes away"): an
 * attached process is detached and runs on when its tracer exits, and is
 * then an ordinary process (EPERM for requests, attachable afresh); a
 * PT_TRACE_ME child dies with its tracer. PID reuse cannot be forced here
 * (pids wrap only at 99,999), so "a new process with the old tracer's pid"
 * is played by another process: what matters is that nobody inherits the
 * right to trace.
 */
#include "hazards_lib.h"

/* T attaches to target, collects the stop, tells us, and exits. */
static pid_t
tracer_that_exits(pid_t target)
{
	int p[2], st;
	char c;
	pid_t t;

	if (pipe(p) < 0)
		return -1;
	t = fork();
	if (t == 0) {
		if (ptrace(PT_ATTACH, target, NULL, 0) < 0 ||
		    waitpid(target, &st, 0) != target || !WIFSTOPPED(st))
			_exit(2);
		write(p[1], "a", 1);
		_exit(0);
	}
	close(p[1]);
	if (read(p[0], &c, 1) != 1)
		t = -1;
	close(p[0]);
	return pt_track(t);
}

HZ_CASE(test_tracer_exits)
{
	struct reg r;
	int wfd;
	pid_t c = pt_sleeper(&wfd), t;

	KT_CHECK(c > 0 && pt_await_state(c, SSLEEP) == 0, "no sleeper");
	KT_CHECK((t = tracer_that_exits(c)) > 0, "the tracer did not attach");
	PT_EXITS(t, 0);
	KT_CHECK(pt_await_state(c, SSLEEP) == 0, "C is not running on");
	PT_ERR(EPERM, PT_GETREGS, c, &r, 0);
	PT_ERR(EPERM, PT_CONTINUE, c, 1, 0);
	PT_OK(PT_ATTACH, c, 0, 0);		/* an ordinary attach */
	PT_STOP(c, SIGSTOP);
	PT_OK(PT_DETACH, c, 1, 0);
	pt_release(wfd, 7);
	PT_EXITS(c, 7);
	return 0;
}

/* A PT_TRACE_ME child of a tracer that exits: killed, reaped by init. */
HZ_CASE(test_traceme_tracer_exits)
{
	int p[2], i;
	pid_t t, c = 0;

	KT_CHECK(pipe(p) == 0, "pipe");
	t = fork();
	if (t == 0) {
		pid_t k = pt_traced(hz_exit0);

		write(p[1], &k, sizeof(k));
		_exit(k > 0 ? 0 : 2);
	}
	pt_track(t);
	KT_CHECK(read(p[0], &c, sizeof(c)) == sizeof(c) && c > 0, "no child");
	PT_EXITS(t, 0);
	for (i = 0; i < 400 && pt_state(c) != 0; i++)
		usleep(5000);
	KT_CHECK(pt_state(c) == 0, "the child lives on in state %d",
	    pt_state(c));
	return 0;
}

/* Attach to a job-stopped process: one SIGSTOP; detach: it runs on. */
HZ_CASE(test_attach_stopped)
{
	int wfd, st;
	pid_t c = pt_sleeper(&wfd);

	KT_CHECK(c > 0 && pt_await_state(c, SSLEEP) == 0, "no sleeper");
	kill(c, SIGSTOP);
	KT_CHECK(waitpid(c, &st, WUNTRACED) == c && WIFSTOPPED(st),
	    "job stop: %s", pt_str(st));
	PT_OK(PT_ATTACH, c, 0, 0);
	PT_STOP(c, SIGSTOP);
	KT_CHECK(waitpid(c, &st, WNOHANG) == 0, "a second stop");
	PT_OK(PT_DETACH, c, 1, 0);
	KT_CHECK(pt_await_state(c, SSLEEP) == 0, "not running after detach");
	pt_release(wfd, 8);
	PT_EXITS(c, 8);
	return 0;
}

/*
 * T (not the parent) attaches and continues C; C exits. exit_first: T
 * collects the exit, then the parent gets the same status; otherwise T
 * exits first and the parent still reaps C.
 */
static int
foreign_tracer(int t_collects)
{
	int p[2], wfd, st;
	char c;
	pid_t s = pt_sleeper(&wfd), t;

	KT_CHECK(s > 0 && pipe(p) == 0, "setup");
	t = fork();
	if (t == 0) {
		if (ptrace(PT_ATTACH, s, NULL, 0) < 0 ||
		    waitpid(s, &st, 0) != s || !WIFSTOPPED(st) ||
		    ptrace(PT_CONTINUE, s, (caddr_t)1, 0) < 0)
			_exit(2);
		write(p[1], "c", 1);
		if (!t_collects)
			_exit(0);
		_exit(waitpid(s, &st, 0) == s && WIFEXITED(st) &&
		    WEXITSTATUS(st) == 9 ? 0 : 3);
	}
	pt_track(t);
	KT_CHECK(read(p[0], &c, 1) == 1, "T did not attach");
	if (!t_collects)
		PT_EXITS(t, 0);
	pt_release(wfd, 9);
	if (t_collects)
		PT_EXITS(t, 0);
	PT_EXITS(s, 9);
	KT_CHECK(waitpid(s, &st, WNOHANG) == -1 && errno == ECHILD,
	    "C reported twice");
	return 0;
}

HZ_CASE(test_foreign_tracer_collects) { return foreign_tracer(1); }
HZ_CASE(test_foreign_tracer_exits_first) { return foreign_tracer(0); }

/* The tracee stops again and again (SIGUSR1 stops while traced). */
static char iobuf[65536];

static int __attribute__((noreturn))
raise_forever(void)
{
	for (;;)
		raise(SIGUSR1);
}

/*
 * K kills C at some point while T loops SETREGS, 64 KiB of PT_IO and
 * SETFPREGS on C: every call is 0 or ESRCH, and C ends killed.
 */
static int
kill_round(int delay)
{
	struct ptrace_io_desc io;
	struct fpreg f;
	struct reg r;
	pid_t c = pt_traced(raise_forever), k;
	int st, e;

	KT_CHECK(c > 0, "no tracee");
	k = fork();
	if (k == 0) {
		while (delay-- > 0)
			sched_yield();
		_exit(kill(c, SIGKILL) == 0 ? 0 : 2);
	}
	pt_track(k);
	for (;;) {
		st = pt_wait(c);
		if (st == -1 || !WIFSTOPPED(st))
			break;
		io.piod_op = PIOD_READ_D;
		io.piod_offs = iobuf;
		io.piod_addr = iobuf;
		io.piod_len = sizeof(iobuf);
		e = ptrace(PT_GETREGS, c, (caddr_t)&r, 0) < 0 ? errno :
		    ptrace(PT_SETREGS, c, (caddr_t)&r, 0) < 0 ? errno :
		    ptrace(PT_IO, c, (caddr_t)&io, 0) < 0 ? errno :
		    ptrace(PT_GETFPREGS, c, (caddr_t)&f, 0) < 0 ? errno :
		    ptrace(PT_SETFPREGS, c, (caddr_t)&f, 0) < 0 ? errno :
		    ptrace(PT_CONTINUE, c, (caddr_t)1, 0) < 0 ? errno : 0;
		KT_CHECK(e == 0 || e == ESRCH, "a request failed: errno %d", e);
		if (e == ESRCH)
			break;
	}
	if (st != -1 && WIFSTOPPED(st))
		st = pt_wait(c);
	KT_CHECK(st != -1 && WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL,
	    "C: %s", pt_str(st));
	PT_EXITS(k, 0);
	return 0;
}

HZ_CASE(test_kill_during_requests)
{
	int i;

	for (i = 0; i < 30; i++)
		KT_CHECK(kill_round(i * 7) == 0, "round %d", i);
	return 0;
}

int
main(void)
{
	kt_suite("hazards_g3");
	kt_run("tracer_exits", test_tracer_exits);
	kt_run("traceme_tracer_exits", test_traceme_tracer_exits);
	kt_run("attach_stopped", test_attach_stopped);
	kt_run("foreign_tracer_collects", test_foreign_tracer_collects);
	kt_run("foreign_tracer_exits_first", test_foreign_tracer_exits_first);
	kt_run("kill_during_requests", test_kill_during_requests);
	return kt_finish();
}
