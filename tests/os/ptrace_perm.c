/*
 * ptrace_perm.c - the permission and state table of ptrace (docs/ptrace.md
 * has the table; each row names its case here). Every case checks the exact
 * errno, and that the target is unharmed afterwards where that matters.
 */
#include <stdlib.h>
#include "ptrace_lib.h"

#define NO_SUCH_PID	99990

static int
exit_7(void)
{
	return 7;
}

/* A request number no kernel knows. */
#define PT_BOGUS	99

PT_CASE(esrch_no_such_pid)
{
	PT_ERR(ESRCH, PT_ATTACH, NO_SUCH_PID, 0, 0);
	PT_ERR(ESRCH, PT_GETREGS, NO_SUCH_PID, 0, 0);
	PT_ERR(ESRCH, PT_CONTINUE, NO_SUCH_PID, 1, 0);
	PT_ERR(ESRCH, PT_KILL, NO_SUCH_PID, 0, 0);
	PT_ERR(ESRCH, PT_BOGUS, NO_SUCH_PID, 0, 0);	/* the pid first */
	PT_ERR(ESRCH, PT_CONTINUE, NO_SUCH_PID, 1, NSIG);
	return 0;
}

/* A zombie is no process for ptrace, whatever the request. */
PT_CASE(esrch_zombie)
{
	pid_t pid = pt_track(fork());

	if (pid == 0)
		_exit(3);
	KT_CHECK(pt_await_state(pid, SZOMB) == 0, "child not a zombie");
	PT_ERR(ESRCH, PT_ATTACH, pid, 0, 0);
	PT_ERR(ESRCH, PT_GETREGS, pid, 0, 0);
	PT_ERR(ESRCH, PT_READ_D, pid, 0x8048000, 0);
	PT_ERR(ESRCH, PT_KILL, pid, 0, 0);
	PT_ERR(ESRCH, PT_BOGUS, pid, 0, 0);
	PT_EXITS(pid, 3);
	return 0;
}

/* A traced zombie the tracer has not collected yet: still ESRCH. */
PT_CASE(esrch_traced_zombie)
{
	pid_t pid = pt_traced(exit_7);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	KT_CHECK(pt_await_state(pid, SZOMB) == 0, "tracee not a zombie");
	PT_ERR(ESRCH, PT_GETREGS, pid, 0, 0);
	PT_ERR(ESRCH, PT_CONTINUE, pid, 1, 0);
	PT_ERR(ESRCH, PT_DETACH, pid, 1, 0);
	PT_EXITS(pid, 7);
	return 0;
}

PT_CASE(eperm_init)
{
	struct reg r;

	PT_ERR(EPERM, PT_ATTACH, 1, 0, 0);
	PT_ERR(EPERM, PT_GETREGS, 1, &r, 0);
	PT_ERR(EPERM, PT_KILL, 1, 0, 0);
	return 0;
}

/* pid 0 is the kernel's idle process: EINVAL for every request. */
PT_CASE(einval_kernel_process)
{
	struct reg r;

	PT_ERR(EINVAL, PT_ATTACH, 0, 0, 0);
	PT_ERR(EINVAL, PT_GETREGS, 0, &r, 0);
	PT_ERR(EINVAL, PT_KILL, 0, 0, 0);
	return 0;
}

PT_CASE(einval_attach_self)
{
	PT_ERR(EINVAL, PT_ATTACH, getpid(), 0, 0);
	return 0;
}

/*
 * Run fn in a child traced by us (PT_TRACE_ME, no stop) and return its
 * exit status, the errno fn saw (or 0).
 */
static int
in_traced_child(int (*fn)(void))
{
	pid_t pid = pt_track(fork());
	int st;

	if (pid == 0) {
		if (ptrace(PT_TRACE_ME, 0, NULL, 0) < 0)
			_exit(120);
		_exit(fn());
	}
	st = pt_wait(pid);
	return st != -1 && WIFEXITED(st) ? WEXITSTATUS(st) : 200;
}

static pid_t grandparent;

static int
attach_grandparent(void)
{
	return ptrace(PT_ATTACH, grandparent, NULL, 0) < 0 ? errno : 0;
}

static int
attach_parent(void)
{
	return ptrace(PT_ATTACH, getppid(), NULL, 0) < 0 ? errno : 0;
}

/*
 * A traced process may not attach to an ancestor: the case process X forks
 * P, P's child C is traced by P and tries to attach to X.
 */
PT_CASE(einval_attach_ancestor_while_traced)
{
	pid_t p;

	grandparent = getpid();
	p = pt_track(fork());
	if (p == 0)
		_exit(in_traced_child(attach_grandparent));
	PT_EXITS(p, EINVAL);
	return 0;
}

/* The traced child attaching to its own tracer: a cycle, EINVAL. */
PT_CASE(einval_attach_own_tracer)
{
	KT_CHECK(in_traced_child(attach_parent) == EINVAL,
	    "traced child attached to its tracer");
	return 0;
}

/* A traces B; B may not attach to A: that would be a cycle (EINVAL). */
PT_CASE(einval_attach_cycle_unrelated)
{
	int to_b[2], from_b[2], from_a[2], e = 0;
	pid_t a, b;
	char c;

	KT_CHECK(pipe(to_b) == 0 && pipe(from_b) == 0 && pipe(from_a) == 0,
	    "pipe");
	b = pt_track(fork());
	if (b == 0) {
		pid_t target;

		while (read(to_b[0], &target, sizeof(target)) < 0)
			;
		e = ptrace(PT_ATTACH, target, NULL, 0) == -1 ? errno : 0;
		write(from_b[1], &e, sizeof(e));
		_exit(0);
	}
	a = pt_track(fork());
	if (a == 0) {
		int st;

		if (ptrace(PT_ATTACH, b, NULL, 0) < 0)
			_exit(101);
		if (waitpid(b, &st, 0) != b || !WIFSTOPPED(st))
			_exit(102);
		if (ptrace(PT_CONTINUE, b, (caddr_t)1, 0) < 0)
			_exit(103);
		write(from_a[1], "a", 1);
		if (waitpid(b, &st, 0) != b || !WIFEXITED(st))
			_exit(104);
		_exit(0);
	}
	KT_CHECK(read(from_a[0], &c, 1) == 1, "pipe read");
	write(to_b[1], &a, sizeof(a));
	KT_CHECK(read(from_b[0], &e, sizeof(e)) == sizeof(e), "pipe read");
	KT_CHECK(e == EINVAL, "tracee attached to its tracer: errno %d", e);
	PT_EXITS(a, 0);
	PT_EXITS(b, 0);
	return 0;
}

/* An untraced child may attach to its parent (and detach again). */
PT_CASE(child_attaches_to_parent)
{
	pid_t p = pt_track(fork());

	if (p == 0) {
		pid_t c = fork();
		int st;

		if (c == 0) {
			pid_t pp = getppid();
			int s2;

			if (ptrace(PT_ATTACH, pp, NULL, 0) < 0)
				_exit(101);
			if (waitpid(pp, &s2, 0) != pp || !WIFSTOPPED(s2) ||
			    WSTOPSIG(s2) != SIGSTOP)
				_exit(102);
			if (ptrace(PT_DETACH, pp, (caddr_t)1, 0) < 0)
				_exit(103);
			_exit(5);
		}
		while (waitpid(c, &st, 0) < 0 && errno == EINTR)
			;
		_exit(WIFEXITED(st) ? WEXITSTATUS(st) : 99);
	}
	PT_EXITS(p, 5);
	return 0;
}

PT_CASE(einval_signal_out_of_range)
{
	static const int reqs[] = {
		PT_CONTINUE, PT_STEP, PT_DETACH, PT_SYSCALL, PT_TO_SCE, PT_TO_SCX,
	};
	static const int bad[] = { NSIG, NSIG + 1, -1, 1000, 0x7fffffff };
	struct reg r;
	unsigned i, j;
	pid_t pid = pt_traced(exit_7);

	KT_CHECK(pid > 0, "no tracee");
	for (i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++)
		for (j = 0; j < sizeof(bad) / sizeof(bad[0]); j++) {
			errno = 0;
			KT_CHECK(ptrace(reqs[i], pid, (caddr_t)1, bad[j]) == -1 &&
			    errno == EINVAL, "request %d data %d: errno %d",
			    reqs[i], bad[j], errno);
		}
	/* Nothing happened to it: still stopped, still ours. */
	PT_OK(PT_GETREGS, pid, &r, 0);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 7);
	return 0;
}

PT_CASE(einval_unknown_request)
{
	int wfd;
	pid_t s = pt_sleeper(&wfd);
	pid_t pid = pt_traced(exit_7);

	KT_CHECK(pid > 0, "no tracee");
	PT_ERR(EINVAL, PT_BOGUS, pid, 0, 0);
	PT_ERR(EINVAL, -1, pid, 0, 0);
	PT_ERR(EINVAL, 3, pid, 0, 0);		/* PT_READ_U: not in Kestrel */
	PT_ERR(EINVAL, PT_BOGUS, s, 0, 0);	/* untraced: still EINVAL */
	PT_CONT(pid, 0);
	PT_EXITS(pid, 7);
	pt_release(wfd, 1);
	PT_EXITS(s, 1);
	return 0;
}

PT_CASE(ebusy_already_traced)
{
	pid_t pid = pt_traced(exit_7);

	KT_CHECK(pid > 0, "no tracee");
	PT_ERR(EBUSY, PT_ATTACH, pid, 0, 0);	/* traced by us */
	PT_CONT(pid, 0);
	PT_EXITS(pid, 7);
	return 0;
}

/* Requests on a process someone else traces: EBUSY, and it is unharmed. */
PT_CASE(ebusy_traced_by_someone_else)
{
	int wb, fds[2], back[2];
	struct reg r;
	pid_t a, b;
	char c;

	KT_CHECK(pipe(fds) == 0 && pipe(back) == 0, "pipe");
	b = pt_sleeper(&wb);
	a = pt_track(fork());
	if (a == 0) {
		int st, e = 0;

		if (ptrace(PT_ATTACH, b, NULL, 0) < 0)
			_exit(101);
		if (waitpid(b, &st, 0) != b || !WIFSTOPPED(st))
			_exit(102);
		write(back[1], "s", 1);
		read(fds[0], &c, 1);
		if (ptrace(PT_DETACH, b, (caddr_t)1, 0) < 0)
			e = 103;
		_exit(e);
	}
	KT_CHECK(read(back[0], &c, 1) == 1, "pipe read");
	PT_ERR(EBUSY, PT_GETREGS, b, &r, 0);
	PT_ERR(EBUSY, PT_CONTINUE, b, 1, 0);
	PT_ERR(EBUSY, PT_DETACH, b, 1, 0);
	PT_ERR(EBUSY, PT_KILL, b, 0, 0);
	PT_ERR(EBUSY, PT_READ_D, b, 0x8048000, 0);
	PT_ERR(EBUSY, PT_ATTACH, b, 0, 0);
	write(fds[1], "d", 1);
	PT_EXITS(a, 0);
	pt_release(wb, 4);
	PT_EXITS(b, 4);
	return 0;
}

static int
block_in_read(void)
{
	char c;
	int fds[2];

	pipe(fds);
	read(fds[0], &c, 1);	/* never returns: nobody writes */
	return 0;
}

/* A tracee that runs (here: sleeps in read) is not stopped: EBUSY. */
PT_CASE(ebusy_not_stopped)
{
	struct reg r;
	pid_t pid = pt_traced(block_in_read);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	KT_CHECK(pt_await_state(pid, SSLEEP) == 0, "tracee not asleep");
	PT_ERR(EBUSY, PT_GETREGS, pid, &r, 0);
	PT_ERR(EBUSY, PT_CONTINUE, pid, 1, 0);
	PT_ERR(EBUSY, PT_STEP, pid, 1, 0);
	PT_ERR(EBUSY, PT_WRITE_D, pid, 0x8048000, 0);
	PT_ERR(EBUSY, PT_DETACH, pid, 1, 0);
	/* PT_KILL too: it needs a stop like any other request. */
	PT_ERR(EBUSY, PT_KILL, pid, 0, 0);
	kill(pid, SIGKILL);
	PT_KILLED(pid, SIGKILL);
	return 0;
}

static int
stop_again(void)
{
	kill(getpid(), SIGUSR1);
	return 6;
}

/* Stopped, but the stop not yet collected by wait4: EBUSY (P_WAITED). */
PT_CASE(ebusy_stop_not_collected)
{
	struct reg r;
	pid_t pid = pt_traced(stop_again);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	KT_CHECK(pt_await_state(pid, SSTOP) == 0, "tracee did not stop");
	PT_ERR(EBUSY, PT_GETREGS, pid, &r, 0);
	PT_ERR(EBUSY, PT_CONTINUE, pid, 1, 0);
	PT_ERR(EBUSY, PT_READ_D, pid, 0x8048000, 0);
	PT_STOP(pid, SIGUSR1);
	PT_OK(PT_GETREGS, pid, &r, 0);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 6);
	return 0;
}

/* Requests on a process nobody traces: EPERM. */
PT_CASE(eperm_not_traced)
{
	struct reg r;
	int wfd;
	pid_t s = pt_sleeper(&wfd);

	KT_CHECK(pt_await_state(s, SSLEEP) == 0, "child not asleep");
	PT_ERR(EPERM, PT_GETREGS, s, &r, 0);
	PT_ERR(EPERM, PT_CONTINUE, s, 1, 0);
	PT_ERR(EPERM, PT_DETACH, s, 1, 0);
	PT_ERR(EPERM, PT_KILL, s, 0, 0);
	PT_ERR(EPERM, PT_READ_I, s, 0x8048000, 0);
	PT_ERR(EPERM, PT_STEP, s, 1, 0);
	pt_release(wfd, 2);
	PT_EXITS(s, 2);
	return 0;
}

static int
trace_me_twice(void)
{
	if (ptrace(PT_TRACE_ME, 0, NULL, 0) != -1)
		return 1;
	return errno == EBUSY ? 0 : 2;
}

PT_CASE(ebusy_trace_me_twice)
{
	KT_CHECK(in_traced_child(trace_me_twice) == 0,
	    "second PT_TRACE_ME was not EBUSY");
	return 0;
}

/* An orphan (its parent is init) may not ask to be traced. */
PT_CASE(eperm_trace_me_parent_init)
{
	int fds[2], i;
	char e = 0;
	pid_t p;

	KT_CHECK(pipe(fds) == 0, "pipe");
	p = pt_track(fork());
	if (p == 0) {
		if (fork() == 0) {
			for (i = 0; i < 1000 && getppid() != 1; i++)
				usleep(1000);
			e = ptrace(PT_TRACE_ME, 0, NULL, 0) == -1 ? errno : 0;
			write(fds[1], &e, 1);
			_exit(0);
		}
		_exit(0);
	}
	close(fds[1]);
	PT_EXITS(p, 0);
	KT_CHECK(read(fds[0], &e, 1) == 1, "no answer from the orphan");
	KT_CHECK(e == EPERM, "PT_TRACE_ME with parent init: errno %d", e);
	usleep(20000);		/* let init reap the orphan before the leak check */
	return 0;
}

/* A non-root tracer: only processes with its own real and effective ids. */
PT_CASE(eperm_other_user)
{
	pid_t root_child, p;
	int wr;

	root_child = pt_sleeper(&wr);
	p = pt_track(fork());
	if (p == 0) {
		int w2, w3, st;
		pid_t mine, other;

		if (setuid(1000) < 0)
			_exit(100);
		mine = pt_sleeper(&w2);		/* uid 1000, like us */
		other = fork();
		if (other == 0) {
			char c;
			int fds[2];

			setuid(1000);
			pipe(fds);
			read(fds[0], &c, 1);
			_exit(0);
		}
		(void)w3;
		/* root's process: EPERM, whatever the request */
		if (ptrace(PT_ATTACH, root_child, NULL, 0) != -1 || errno != EPERM)
			_exit(101);
		if (ptrace(PT_GETREGS, root_child, NULL, 0) != -1 || errno != EPERM)
			_exit(102);
		/* our own uid: allowed */
		if (ptrace(PT_ATTACH, mine, NULL, 0) != 0)
			_exit(103);
		if (waitpid(mine, &st, 0) != mine || !WIFSTOPPED(st))
			_exit(104);
		if (ptrace(PT_DETACH, mine, (caddr_t)1, 0) != 0)
			_exit(105);
		pt_release(w2, 0);
		waitpid(mine, &st, 0);
		kill(other, SIGKILL);
		waitpid(other, &st, 0);
		_exit(0);
	}
	PT_EXITS(p, 0);
	pt_release(wr, 8);
	PT_EXITS(root_child, 8);
	return 0;
}

/* A different uid (1000 against 1001): EPERM. */
PT_CASE(eperm_different_uid)
{
	int fds[2];
	pid_t victim, p;

	KT_CHECK(pipe(fds) == 0, "pipe");
	victim = pt_track(fork());
	if (victim == 0) {
		char c;

		setuid(1001);
		read(fds[0], &c, 1);
		_exit(0);
	}
	p = pt_track(fork());
	if (p == 0) {
		setuid(1000);
		if (ptrace(PT_ATTACH, victim, NULL, 0) != -1)
			_exit(101);
		_exit(errno == EPERM ? 0 : 102);
	}
	PT_EXITS(p, 0);
	write(fds[1], "x", 1);
	PT_EXITS(victim, 0);
	return 0;
}

/*
 * Permission is checked on every request: a tracer that gives up root
 * after attaching can no longer touch its (root) tracee.
 */
PT_CASE(eperm_checked_every_request)
{
	pid_t t = pt_track(fork());

	if (t == 0) {
		struct reg r;
		pid_t c = fork();
		int st;

		if (c == 0) {
			ptrace(PT_TRACE_ME, 0, NULL, 0);
			kill(getpid(), SIGSTOP);
			_exit(0);
		}
		if (waitpid(c, &st, 0) != c || !WIFSTOPPED(st))
			_exit(100);
		if (ptrace(PT_GETREGS, c, (caddr_t)&r, 0) != 0)
			_exit(101);
		if (setuid(1000) < 0)
			_exit(102);
		if (ptrace(PT_GETREGS, c, (caddr_t)&r, 0) != -1 ||
		    errno != EPERM)
			_exit(103);
		_exit(0);	/* the PT_TRACE_ME child dies with us */
	}
	PT_EXITS(t, 0);
	usleep(20000);		/* init reaps the killed tracee */
	return 0;
}

/* A "set" request copies its buffer in first: EFAULT before the pid. */
PT_CASE(efault_before_esrch)
{
	PT_ERR(EFAULT, PT_SETREGS, NO_SUCH_PID, 0, 0);
	PT_ERR(EFAULT, PT_IO, NO_SUCH_PID, 0xc0000000, 0);
	return 0;
}

int
main(void)
{
	kt_suite("ptrace_perm");
	kt_run("esrch_no_such_pid", esrch_no_such_pid);
	kt_run("esrch_zombie", esrch_zombie);
	kt_run("esrch_traced_zombie", esrch_traced_zombie);
	kt_run("eperm_init", eperm_init);
	kt_run("einval_kernel_process", einval_kernel_process);
	kt_run("einval_attach_self", einval_attach_self);
	kt_run("einval_attach_ancestor_while_traced",
	    einval_attach_ancestor_while_traced);
	kt_run("einval_attach_own_tracer", einval_attach_own_tracer);
	kt_run("einval_attach_cycle_unrelated", einval_attach_cycle_unrelated);
	kt_run("child_attaches_to_parent", child_attaches_to_parent);
	kt_run("einval_signal_out_of_range", einval_signal_out_of_range);
	kt_run("einval_unknown_request", einval_unknown_request);
	kt_run("ebusy_already_traced", ebusy_already_traced);
	kt_run("ebusy_traced_by_someone_else", ebusy_traced_by_someone_else);
	kt_run("ebusy_not_stopped", ebusy_not_stopped);
	kt_run("ebusy_stop_not_collected", ebusy_stop_not_collected);
	kt_run("eperm_not_traced", eperm_not_traced);
	kt_run("ebusy_trace_me_twice", ebusy_trace_me_twice);
	kt_run("eperm_trace_me_parent_init", eperm_trace_me_parent_init);
	kt_run("eperm_other_user", eperm_other_user);
	kt_run("eperm_different_uid", eperm_different_uid);
	kt_run("eperm_checked_every_request", eperm_checked_every_request);
	kt_run("efault_before_esrch", efault_before_esrch);
	return kt_finish();
}
