/*
 * ptrace_lifecycle.c - attaching and letting go: PT_ATTACH to a running or
 * job-stopped process and PT_DETACH (it runs on), who collects the exit
 * (the tracer first, then the original parent, whose getppid() never
 * changed), and what becomes of tracees when their tracer exits or is
 * killed: attached ones run on, PT_TRACE_ME children die, none is left
 * stopped; and a traced zombie whose parent keeps no zombies is released
 * as soon as the tracer is done with it.
 */
#include "ptrace_lib.h"

/* Attach to a running process, detach: it runs on and exits normally. */
PT_CASE(attach_detach_running)
{
	int wfd, st;
	pid_t s = pt_sleeper(&wfd);

	KT_CHECK(pt_await_state(s, SSLEEP) == 0, "sleeper not asleep");
	PT_OK(PT_ATTACH, s, 0, 0);
	PT_STOP(s, SIGSTOP);
	PT_OK(PT_DETACH, s, 1, 0);
	KT_CHECK(pt_await_state(s, SSLEEP) == 0, "detached process not running");
	KT_CHECK(waitpid(s, &st, WNOHANG) == 0, "status after detach: %s",
	    pt_str(st));
	pt_release(wfd, 33);
	PT_EXITS(s, 33);
	PT_NOCHILD();
	return 0;
}

/* Attach, continue, detach later from a later stop. */
PT_CASE(attach_continue_detach)
{
	int wfd;
	pid_t s = pt_sleeper(&wfd);

	KT_CHECK(pt_await_state(s, SSLEEP) == 0, "sleeper not asleep");
	PT_OK(PT_ATTACH, s, 0, 0);
	PT_STOP(s, SIGSTOP);
	PT_CONT(s, 0);
	KT_CHECK(pt_await_state(s, SSLEEP) == 0, "tracee not back in read");
	kill(s, SIGUSR1);
	PT_STOP(s, SIGUSR1);
	PT_OK(PT_DETACH, s, 1, 0);	/* SIGUSR1 dropped */
	pt_release(wfd, 34);
	PT_EXITS(s, 34);
	return 0;
}

/* Attach to a process already stopped by job control: one SIGSTOP stop. */
PT_CASE(attach_job_stopped)
{
	int wfd, st;
	pid_t s = pt_sleeper(&wfd);

	KT_CHECK(pt_await_state(s, SSLEEP) == 0, "sleeper not asleep");
	kill(s, SIGSTOP);
	KT_CHECK(waitpid(s, &st, WUNTRACED) == s && WIFSTOPPED(st),
	    "job stop: %s", pt_str(st));
	PT_OK(PT_ATTACH, s, 0, 0);
	PT_STOP(s, SIGSTOP);
	KT_CHECK(waitpid(s, &st, WNOHANG) == 0, "a second stop: %s", pt_str(st));
	PT_CONT(s, 0);
	KT_CHECK(pt_await_state(s, SSLEEP) == 0, "tracee not running again");
	KT_CHECK(waitpid(s, &st, WNOHANG) == 0, "a second stop: %s", pt_str(st));
	pt_release(wfd, 35);
	PT_EXITS(s, 35);
	return 0;
}

/*
 * The original parent while someone else traces its child (FreeBSD's
 * parent_sees_exit_after_child_debugger and getppid): the child's getppid()
 * still names the parent; the parent's wait4 with WNOHANG returns 0 while
 * the child lives and while its exit waits for the debugger; once the
 * debugger has collected the exit, the parent gets the same status.
 */
PT_CASE(parent_sees_exit_after_child_debugger)
{
	int cmd[2], ans[2], ready[2], go[2], st;
	pid_t c, d, ppid = 0;
	char k;

	KT_CHECK(pipe(cmd) == 0 && pipe(ans) == 0 && pipe(ready) == 0 &&
	    pipe(go) == 0, "pipe");
	c = pt_track(fork());
	if (c == 0) {
		for (;;) {
			if (read(cmd[0], &k, 1) != 1)
				continue;	/* interrupted by the attach */
			if (k == 'x')
				_exit(1);
			ppid = getppid();
			write(ans[1], &ppid, sizeof(ppid));
		}
	}
	d = pt_track(fork());
	if (d == 0) {
		if (ptrace(PT_ATTACH, c, NULL, 0) < 0)
			_exit(101);
		if (waitpid(c, &st, 0) != c || !WIFSTOPPED(st))
			_exit(102);
		if (ptrace(PT_CONTINUE, c, (caddr_t)1, 0) < 0)
			_exit(103);
		write(ready[1], "r", 1);
		read(go[0], &k, 1);
		if (waitpid(c, &st, 0) != c || !WIFEXITED(st) ||
		    WEXITSTATUS(st) != 1)
			_exit(104);
		if (waitpid(c, &st, WNOHANG) != -1 || errno != ECHILD)
			_exit(105);
		_exit(0);
	}
	KT_CHECK(read(ready[0], &k, 1) == 1, "debugger did not attach");
	KT_CHECK(waitpid(c, &st, WNOHANG) == 0, "status while traced: %s",
	    pt_str(st));
	write(cmd[1], "p", 1);
	KT_CHECK(read(ans[0], &ppid, sizeof(ppid)) == sizeof(ppid), "no answer");
	KT_CHECK(ppid == getpid(), "getppid() in the tracee = %d, parent %d",
	    ppid, getpid());
	write(cmd[1], "x", 1);
	KT_CHECK(pt_await_state(c, SZOMB) == 0, "child did not exit");
	KT_CHECK(waitpid(c, &st, WNOHANG) == 0,
	    "parent saw the exit before the debugger: %s", pt_str(st));
	write(go[1], "g", 1);
	PT_EXITS(d, 0);
	PT_EXITS(c, 1);
	PT_NOCHILD();
	return 0;
}

/* The same with a debugger that is no child of ours (a grandchild). */
PT_CASE(parent_sees_exit_after_unrelated_debugger)
{
	int cmd[2], ready[2], go[2], st;
	pid_t c, d;
	char k;

	KT_CHECK(pipe(cmd) == 0 && pipe(ready) == 0 && pipe(go) == 0, "pipe");
	c = pt_track(fork());
	if (c == 0) {
		while (read(cmd[0], &k, 1) != 1)
			;
		_exit(1);
	}
	d = pt_track(fork());
	if (d == 0) {
		if (fork() != 0)
			_exit(2);
		if (ptrace(PT_ATTACH, c, NULL, 0) < 0)
			_exit(101);
		if (waitpid(c, &st, 0) != c || !WIFSTOPPED(st))
			_exit(102);
		ptrace(PT_CONTINUE, c, (caddr_t)1, 0);
		write(ready[1], "r", 1);
		read(go[0], &k, 1);
		if (waitpid(c, &st, 0) != c || !WIFEXITED(st))
			_exit(104);
		write(ready[1], "c", 1);
		_exit(0);
	}
	PT_EXITS(d, 2);
	KT_CHECK(read(ready[0], &k, 1) == 1, "debugger did not attach");
	KT_CHECK(waitpid(c, &st, WNOHANG) == 0, "status while traced");
	write(cmd[1], "x", 1);
	KT_CHECK(pt_await_state(c, SZOMB) == 0, "child did not exit");
	KT_CHECK(waitpid(c, &st, WNOHANG) == 0,
	    "parent saw the exit before the debugger: %s", pt_str(st));
	write(go[1], "g", 1);
	KT_CHECK(read(ready[0], &k, 1) == 1 && k == 'c',
	    "debugger did not collect the exit");
	PT_EXITS(c, 1);
	PT_NOCHILD();
	usleep(20000);		/* init reaps the debugger */
	return 0;
}

/*
 * The tracer dies (SIGKILL) while its tracees are stopped: the one it
 * PT_ATTACHed to is detached and runs on; its PT_TRACE_ME child is killed.
 */
PT_CASE(tracer_killed_attached_survives)
{
	int wfd, sync[2];
	pid_t s, t;
	char k;

	KT_CHECK(pipe(sync) == 0, "pipe");
	s = pt_sleeper(&wfd);
	KT_CHECK(pt_await_state(s, SSLEEP) == 0, "sleeper not asleep");
	t = pt_track(fork());
	if (t == 0) {
		int st;

		if (ptrace(PT_ATTACH, s, NULL, 0) < 0 ||
		    waitpid(s, &st, 0) != s || !WIFSTOPPED(st))
			_exit(1);
		write(sync[1], "a", 1);
		for (;;)
			sleep(10);
	}
	KT_CHECK(read(sync[0], &k, 1) == 1, "tracer did not attach");
	KT_CHECK(pt_state(s) == SSTOP, "tracee not stopped");
	kill(t, SIGKILL);
	PT_KILLED(t, SIGKILL);
	KT_CHECK(pt_await_state(s, SSLEEP) == 0,
	    "tracee left stopped (state %d)", pt_state(s));
	PT_OK(PT_ATTACH, s, 0, 0);	/* not traced any more: attachable */
	PT_STOP(s, SIGSTOP);
	PT_OK(PT_DETACH, s, 1, 0);
	pt_release(wfd, 36);
	PT_EXITS(s, 36);
	return 0;
}

/*
 * Fork a tracer that forks a PT_TRACE_ME child, collects its SIGSTOP and
 * reports the child's pid through sync, then lingers (or exits at once).
 * Returns the tracer's pid.
 */
static pid_t
tracer_of_stopped_child(int sync[2], int linger)
{
	pid_t t = pt_track(fork());

	if (t == 0) {
		int st;
		pid_t k = fork();

		if (k == 0) {
			ptrace(PT_TRACE_ME, 0, NULL, 0);
			kill(getpid(), SIGSTOP);
			_exit(0);
		}
		if (waitpid(k, &st, 0) != k || !WIFSTOPPED(st))
			_exit(1);
		write(sync[1], &k, sizeof(k));
		while (linger)
			sleep(10);
		_exit(0);
	}
	return t;
}

PT_CASE(tracer_killed_traceme_child_dies)
{
	int sync[2];
	pid_t t, c = 0;

	KT_CHECK(pipe(sync) == 0, "pipe");
	t = tracer_of_stopped_child(sync, 1);
	KT_CHECK(read(sync[0], &c, sizeof(c)) == sizeof(c), "no tracee");
	KT_CHECK(pt_state(c) == SSTOP, "tracee not stopped");
	kill(t, SIGKILL);
	PT_KILLED(t, SIGKILL);
	KT_CHECK(pt_await_state(c, 0) == 0, "the PT_TRACE_ME child lives on "
	    "(state %d)", pt_state(c));
	return 0;
}

/*
 * The tracer exits right after PT_ATTACH, before the tracee took its
 * SIGSTOP: the tracee must not be left stopped (by the attach's SIGSTOP).
 */
PT_CASE(tracer_exits_before_attach_stop)
{
	int wfd;
	pid_t s = pt_sleeper(&wfd), t;

	KT_CHECK(pt_await_state(s, SSLEEP) == 0, "sleeper not asleep");
	t = pt_track(fork());
	if (t == 0)
		_exit(ptrace(PT_ATTACH, s, NULL, 0) == 0 ? 0 : 1);
	PT_EXITS(t, 0);
	KT_CHECK(pt_await_state(s, SSLEEP) == 0,
	    "tracee left stopped (state %d)", pt_state(s));
	pt_release(wfd, 37);
	PT_EXITS(s, 37);
	return 0;
}

/* The tracer exits normally with a stopped PT_TRACE_ME child: it dies. */
PT_CASE(tracer_exits_traceme_child_dies)
{
	int sync[2];
	pid_t t, c = 0;

	KT_CHECK(pipe(sync) == 0, "pipe");
	t = tracer_of_stopped_child(sync, 0);
	KT_CHECK(read(sync[0], &c, sizeof(c)) == sizeof(c), "no tracee");
	PT_EXITS(t, 0);
	KT_CHECK(pt_await_state(c, 0) == 0, "the PT_TRACE_ME child lives on "
	    "(state %d)", pt_state(c));
	return 0;
}

/* A tracer's wait(-1) collects its tracees' stops and exits, like children. */
PT_CASE(tracer_wait_any)
{
	int wfd, st;
	pid_t s = pt_sleeper(&wfd), t;

	KT_CHECK(pt_await_state(s, SSLEEP) == 0, "sleeper not asleep");
	t = pt_track(fork());
	if (t == 0) {
		if (ptrace(PT_ATTACH, s, NULL, 0) < 0)
			_exit(1);
		if (wait(&st) != s || !WIFSTOPPED(st))
			_exit(2);
		if (ptrace(PT_CONTINUE, s, (caddr_t)1, 0) < 0)
			_exit(3);
		if (wait(&st) != s || !WIFEXITED(st) || WEXITSTATUS(st) != 38)
			_exit(4);
		if (wait(&st) != -1 || errno != ECHILD)
			_exit(5);
		_exit(0);
	}
	KT_CHECK(pt_await_state(s, SSLEEP) == 0 ||
	    pt_state(s) == SSTOP, "no tracee");
	usleep(20000);
	pt_release(wfd, 38);
	PT_EXITS(t, 0);
	PT_EXITS(s, 38);
	return 0;
}

/*
 * A parent that ignores SIGCHLD (or set SA_NOCLDWAIT) keeps no zombies,
 * traced children included: once the debugger has collected the exit (or
 * has gone without collecting it), the child's slot is free at once and
 * the parent's wait finds no child.
 */
static int
zombie_released(int how, int debugger_collects)
{
	struct sigaction sa;
	int cmd[2], ready[2], go[2], nprocs = kinfo(KINFO_NPROCS), st;
	pid_t c, d;
	char k;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = how == SA_NOCLDWAIT ? SIG_DFL : SIG_IGN;
	sa.sa_flags = how;
	KT_CHECK(sigaction(SIGCHLD, &sa, NULL) == 0, "sigaction");
	KT_CHECK(pipe(cmd) == 0 && pipe(ready) == 0 && pipe(go) == 0, "pipe");
	c = pt_track(fork());
	if (c == 0) {
		while (read(cmd[0], &k, 1) != 1)
			;
		_exit(1);
	}
	d = pt_track(fork());
	if (d == 0) {
		if (ptrace(PT_ATTACH, c, NULL, 0) < 0)
			_exit(101);
		if (waitpid(c, &st, 0) != c || !WIFSTOPPED(st))
			_exit(102);
		ptrace(PT_CONTINUE, c, (caddr_t)1, 0);
		write(ready[1], "r", 1);
		if (debugger_collects &&
		    (waitpid(c, &st, 0) != c || !WIFEXITED(st)))
			_exit(104);
		write(ready[1], "c", 1);
		read(go[0], &k, 1);
		_exit(0);
	}
	KT_CHECK(read(ready[0], &k, 1) == 1, "debugger did not attach");
	write(cmd[1], "x", 1);
	KT_CHECK(read(ready[0], &k, 1) == 1 && k == 'c',
	    "debugger did not collect the exit");
	if (!debugger_collects) {
		KT_CHECK(pt_await_state(c, SZOMB) == 0, "child did not exit");
		write(go[1], "g", 1);
		KT_CHECK(waitpid(d, &st, 0) == -1 && errno == ECHILD,
		    "wait for the debugger: %s", pt_str(st));
	}
	KT_CHECK(pt_state(c) == 0, "the traced zombie is kept (state %d)",
	    pt_state(c));
	KT_CHECK(waitpid(c, &st, WNOHANG) == -1 && errno == ECHILD,
	    "the parent still has the child: %s", pt_str(st));
	write(go[1], "g", 1);
	KT_CHECK(kt_await_nprocs(nprocs), "processes left behind");
	return 0;
}

PT_CASE(traced_zombie_released_sigchld_ignored)
{
	return zombie_released(0, 1);
}

PT_CASE(traced_zombie_released_nocldwait)
{
	return zombie_released(SA_NOCLDWAIT, 1);
}

PT_CASE(traced_zombie_released_when_tracer_exits)
{
	return zombie_released(0, 0);
}

int
main(void)
{
	kt_suite("ptrace_lifecycle");
	kt_run("attach_detach_running", attach_detach_running);
	kt_run("attach_continue_detach", attach_continue_detach);
	kt_run("attach_job_stopped", attach_job_stopped);
	kt_run("parent_sees_exit_after_child_debugger",
	    parent_sees_exit_after_child_debugger);
	kt_run("parent_sees_exit_after_unrelated_debugger",
	    parent_sees_exit_after_unrelated_debugger);
	kt_run("tracer_killed_attached_survives",
	    tracer_killed_attached_survives);
	kt_run("tracer_killed_traceme_child_dies",
	    tracer_killed_traceme_child_dies);
	kt_run("tracer_exits_before_attach_stop",
	    tracer_exits_before_attach_stop);
	kt_run("tracer_exits_traceme_child_dies",
	    tracer_exits_traceme_child_dies);
	kt_run("tracer_wait_any", tracer_wait_any);
	kt_run("traced_zombie_released_sigchld_ignored",
	    traced_zombie_released_sigchld_ignored);
	kt_run("traced_zombie_released_nocldwait",
	    traced_zombie_released_nocldwait);
	kt_run("traced_zombie_released_when_tracer_exits",
	    traced_zombie_released_when_tracer_exits);
	return kt_finish();
}
