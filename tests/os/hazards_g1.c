/*
 * hazards_g1.c - the attach permission and state matrix (FreeBSD's
 * kern_ptrace order of checks; CVE-2005-3783; ToaruOS's early attach). One
 * call per case, each with exactly the errno in the table of
 * docs/ptrace.md, the target's state unchanged afterwards (still running,
 * not traced) and no deadlock. Kestrel has no threads, so the doc's
 * "sibling thread" row does not exist; pid 0 is the idle process, a system
 * process.
 */
#include "hazards_lib.h"

/* A sleeper that must still be untraced and asleep after a refused call. */
#define UNTOUCHED(pid)	do {						\
		struct kinfo_proc kp_;					\
		KT_CHECK(kt_kinfo((pid), &kp_) == 0,			\
		    "target %d gone", (int)(pid));			\
		KT_CHECK(kp_.ki_tracer == 0 && kp_.ki_stat != SSTOP,	\
		    "target traced by %d, state %d",			\
		    kp_.ki_tracer, kp_.ki_stat);			\
	} while (0)

HZ_CASE(test_attach_self) { PT_ERR(EINVAL, PT_ATTACH, getpid(), 0, 0); return 0; }
HZ_CASE(test_attach_init) { PT_ERR(EPERM, PT_ATTACH, 1, 0, 0); return 0; }
HZ_CASE(test_attach_system) { PT_ERR(EINVAL, PT_ATTACH, 0, 0, 0); return 0; }

HZ_CASE(test_attach_nonexistent)
{
	pid_t pid = fork();
	int st;

	if (pid == 0)
		_exit(0);
	KT_CHECK(pid > 0 && kt_wait_status(pid, &st) == pid, "fork");
	PT_ERR(ESRCH, PT_ATTACH, pid, 0, 0);	/* reaped: no such pid now */
	return 0;
}

HZ_CASE(test_attach_zombie)
{
	pid_t pid = pt_track(fork());

	if (pid == 0)
		_exit(0);
	KT_CHECK(pt_await_state(pid, SZOMB) == 0, "no zombie");
	PT_ERR(ESRCH, PT_ATTACH, pid, 0, 0);
	PT_EXITS(pid, 0);
	return 0;
}

/* uid 1000 attaching to a process of uid 1001: EPERM. */
HZ_CASE(test_attach_other_uid)
{
	pid_t target, a;

	target = fork();
	if (target == 0) {
		setuid(1001);
		sleep(1000);
		_exit(0);
	}
	pt_track(target);
	KT_CHECK(pt_await_state(target, SSLEEP) == 0, "target not asleep");
	a = fork();
	if (a == 0) {
		setuid(1000);
		_exit(ptrace(PT_ATTACH, target, NULL, 0) == -1 && errno == EPERM ?
		    0 : 2);
	}
	pt_track(a);
	PT_EXITS(a, 0);
	UNTOUCHED(target);
	return 0;
}

HZ_CASE(test_attach_traced)
{
	pid_t pid = pt_traced(hz_exit0), other;

	KT_CHECK(pid > 0, "no tracee");
	PT_ERR(EBUSY, PT_ATTACH, pid, 0, 0);
	other = fork();
	if (other == 0)
		_exit(ptrace(PT_ATTACH, pid, NULL, 0) == -1 && errno == EBUSY ?
		    0 : 2);
	pt_track(other);
	PT_EXITS(other, 0);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

/* A traced child attaching to its own tracer (the A-B cycle): EINVAL. */
static int
attach_tracer(void)
{
	return ptrace(PT_ATTACH, getppid(), NULL, 0) == -1 && errno == EINVAL ?
	    0 : 2;
}

HZ_CASE(test_attach_own_tracer)
{
	pid_t pid = pt_traced(attach_tracer);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

HZ_CASE(test_getregs_untraced)
{
	struct reg r;
	int wfd;
	pid_t pid = pt_sleeper(&wfd);

	KT_CHECK(pid > 0 && pt_await_state(pid, SSLEEP) == 0, "no sleeper");
	PT_ERR(EPERM, PT_GETREGS, pid, &r, 0);
	UNTOUCHED(pid);
	pt_release(wfd, 0);
	PT_EXITS(pid, 0);
	return 0;
}

/* Traced by a sibling: EBUSY for us. */
HZ_CASE(test_getregs_other_tracer)
{
	int ready[2], go[2], wfd, st;
	struct reg r;
	char c;
	pid_t pid = pt_sleeper(&wfd), t;

	KT_CHECK(pid > 0 && pipe(ready) == 0 && pipe(go) == 0, "setup");
	t = fork();
	if (t == 0) {
		if (ptrace(PT_ATTACH, pid, NULL, 0) < 0 ||
		    waitpid(pid, &st, 0) != pid || !WIFSTOPPED(st))
			_exit(2);
		write(ready[1], "r", 1);
		read(go[0], &c, 1);
		_exit(ptrace(PT_DETACH, pid, (caddr_t)1, 0) == 0 ? 0 : 3);
	}
	pt_track(t);
	KT_CHECK(read(ready[0], &c, 1) == 1, "the other tracer did not attach");
	PT_ERR(EBUSY, PT_GETREGS, pid, &r, 0);
	PT_ERR(EBUSY, PT_CONTINUE, pid, 1, 0);
	write(go[1], "g", 1);
	PT_EXITS(t, 0);
	pt_release(wfd, 0);
	PT_EXITS(pid, 0);
	return 0;
}

HZ_CASE(test_getregs_running)
{
	struct reg r;
	pid_t pid = pt_traced(hz_yield_forever);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_ERR(EBUSY, PT_GETREGS, pid, &r, 0);
	return 0;
}

static int
traceme_twice(void)
{
	if (ptrace(PT_TRACE_ME, 0, NULL, 0) < 0)
		return 2;
	return ptrace(PT_TRACE_ME, 0, NULL, 0) == -1 && errno == EBUSY ? 0 : 3;
}

HZ_CASE(test_traceme_twice)
{
	pid_t pid = hz_child(traceme_twice);

	PT_EXITS(pid, 0);
	return 0;
}

/* An orphan (its parent is init now) asking to be traced: EPERM. */
HZ_CASE(test_traceme_parent_init)
{
	int p[2];
	char res = 9;
	pid_t mid;

	KT_CHECK(pipe(p) == 0, "pipe");
	mid = fork();
	if (mid == 0) {
		if (fork() == 0) {
			while (getppid() != 1)
				usleep(1000);
			res = ptrace(PT_TRACE_ME, 0, NULL, 0) == -1 &&
			    errno == EPERM ? 0 : 2;
			write(p[1], &res, 1);
			_exit(0);
		}
		_exit(0);
	}
	pt_track(mid);
	PT_EXITS(mid, 0);
	close(p[1]);
	KT_CHECK(read(p[0], &res, 1) == 1 && res == 0, "the orphan's "
	    "PT_TRACE_ME: %d", res);
	return 0;
}

int
main(void)
{
	kt_suite("hazards_g1");
	kt_run("attach_self", test_attach_self);
	kt_run("attach_init", test_attach_init);
	kt_run("attach_system", test_attach_system);
	kt_run("attach_nonexistent", test_attach_nonexistent);
	kt_run("attach_zombie", test_attach_zombie);
	kt_run("attach_other_uid", test_attach_other_uid);
	kt_run("attach_traced", test_attach_traced);
	kt_run("attach_own_tracer", test_attach_own_tracer);
	kt_run("getregs_untraced", test_getregs_untraced);
	kt_run("getregs_other_tracer", test_getregs_other_tracer);
	kt_run("getregs_running", test_getregs_running);
	kt_run("traceme_twice", test_traceme_twice);
	kt_run("traceme_parent_init", test_traceme_parent_init);
	return kt_finish();
}
