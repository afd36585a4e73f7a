/*
 * ptrace_wait.c - the life of a tracee as wait4 shows it: the stops of
 * PT_TRACE_ME and exec, attach and detach, who collects the exit (tracer
 * first, then the original parent), the signal a resume delivers, replaces
 * or suppresses, PT_KILL, blocked signals, and what becomes of tracees when
 * their tracer dies.
 *
 * The program runs itself as a helper: "/test/ptrace_wait usr2-exit N"
 * raises SIGUSR2 and exits with N.
 */
#include <stdlib.h>
#include "ptrace_lib.h"

#define SELF	"/test/ptrace_wait"

static int
exit_7(void)
{
	return 7;
}

static int
run_helper(void)
{
	char *argv[] = { SELF, "usr2-exit", "5", NULL };

	execv(SELF, argv);
	return 127;
}

/* PT_TRACE_ME, SIGSTOP, exec (SIGTRAP), a signal, exit: exactly these stops. */
PT_CASE(trace_me_exec_sequence)
{
	struct ptrace_lwpinfo pl;
	pid_t pid = pt_traced(run_helper);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	PT_OK(PT_LWPINFO, pid, &pl, sizeof(pl));
	KT_CHECK(pl.pl_flags & PL_FLAG_EXEC, "exec stop without PL_FLAG_EXEC");
	KT_CHECK(strcmp(pl.pl_tdname, "ptrace_wait") == 0, "name %s",
	    pl.pl_tdname);
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGUSR2);
	PT_OK(PT_LWPINFO, pid, &pl, sizeof(pl));
	KT_CHECK(!(pl.pl_flags & PL_FLAG_EXEC), "PL_FLAG_EXEC at a later stop");
	KT_CHECK((pl.pl_flags & PL_FLAG_SI) && pl.pl_siginfo.si_signo == SIGUSR2,
	    "siginfo of the SIGUSR2 stop: flags %#x signo %d", pl.pl_flags,
	    pl.pl_siginfo.si_signo);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 5);
	PT_NOCHILD();
	return 0;
}

/* Without the SIGSTOP, the exec's SIGTRAP is the first stop; even blocked. */
PT_CASE(exec_stop_with_sigtrap_blocked)
{
	sigset_t set;
	pid_t pid = pt_track(fork());

	if (pid == 0) {
		sigemptyset(&set);
		sigaddset(&set, SIGTRAP);
		sigprocmask(SIG_BLOCK, &set, NULL);
		ptrace(PT_TRACE_ME, 0, NULL, 0);
		_exit(run_helper());
	}
	PT_STOP(pid, SIGTRAP);
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGUSR2);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 5);
	return 0;
}

/* Each stop is reported once; the exit once; then ECHILD. */
PT_CASE(stop_reported_once)
{
	int st;
	pid_t pid = pt_traced(exit_7);

	KT_CHECK(pid > 0, "no tracee");
	KT_CHECK(waitpid(pid, &st, WNOHANG) == 0, "the stop reported twice");
	KT_CHECK(waitpid(-1, &st, WNOHANG) == 0, "the stop reported twice");
	PT_CONT(pid, 0);
	KT_CHECK(waitpid(-1, &st, 0) == pid && WIFEXITED(st) &&
	    WEXITSTATUS(st) == 7, "exit: %s", pt_str(st));
	PT_NOCHILD();
	return 0;
}

/* Attach to a running process, detach: it runs on and exits normally. */
PT_CASE(attach_detach_running)
{
	int wfd, st;
	pid_t s = pt_sleeper(&wfd);

	KT_CHECK(pt_await_state(s, KP_SLEEP) == 0, "sleeper not asleep");
	PT_OK(PT_ATTACH, s, 0, 0);
	PT_STOP(s, SIGSTOP);
	PT_OK(PT_DETACH, s, 1, 0);
	KT_CHECK(pt_await_state(s, KP_SLEEP) == 0, "detached process not running");
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

	KT_CHECK(pt_await_state(s, KP_SLEEP) == 0, "sleeper not asleep");
	PT_OK(PT_ATTACH, s, 0, 0);
	PT_STOP(s, SIGSTOP);
	PT_CONT(s, 0);
	KT_CHECK(pt_await_state(s, KP_SLEEP) == 0, "tracee not back in read");
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

	KT_CHECK(pt_await_state(s, KP_SLEEP) == 0, "sleeper not asleep");
	kill(s, SIGSTOP);
	KT_CHECK(waitpid(s, &st, WUNTRACED) == s && WIFSTOPPED(st),
	    "job stop: %s", pt_str(st));
	PT_OK(PT_ATTACH, s, 0, 0);
	PT_STOP(s, SIGSTOP);
	KT_CHECK(waitpid(s, &st, WNOHANG) == 0, "a second stop: %s", pt_str(st));
	PT_CONT(s, 0);
	KT_CHECK(pt_await_state(s, KP_SLEEP) == 0, "tracee not running again");
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
	KT_CHECK(pt_await_state(c, KP_ZOMBIE) == 0, "child did not exit");
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
	KT_CHECK(pt_await_state(c, KP_ZOMBIE) == 0, "child did not exit");
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

static volatile int usr1_count;

static void
count_usr1(int sig)
{
	(void)sig;
	usr1_count++;
}

static int
install_then_stop(void)
{
	signal(SIGUSR1, count_usr1);
	kill(getpid(), SIGUSR2);
	return 10 + usr1_count;
}

/* PT_CONTINUE with a signal delivers it: the handler runs, once, unreported. */
PT_CASE(continue_delivers_signal)
{
	pid_t pid = pt_traced(install_then_stop);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGUSR2);
	PT_CONT(pid, SIGUSR1);
	PT_EXITS(pid, 11);
	return 0;
}

static int
wait_for_signal(void)
{
	int fds[2];
	char c;

	pipe(fds);
	read(fds[0], &c, 1);	/* nobody writes: only a signal ends this */
	return 0;
}

/* PT_CONTINUE with another signal replaces the one that stopped it. */
PT_CASE(continue_replaces_signal)
{
	pid_t pid = pt_traced(wait_for_signal);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	kill(pid, SIGINT);
	PT_STOP(pid, SIGINT);
	PT_CONT(pid, SIGTERM);
	PT_KILLED(pid, SIGTERM);
	return 0;
}

static int
raise_term(void)
{
	kill(getpid(), SIGTERM);
	return 12;
}

/* PT_CONTINUE with 0 suppresses it. */
PT_CASE(continue_zero_suppresses)
{
	pid_t pid = pt_traced(raise_term);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTERM);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 12);
	return 0;
}

/* Even an ignored signal stops a traced process first. */
PT_CASE(ignored_signal_still_stops)
{
	pid_t pid = pt_traced(wait_for_signal);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	kill(pid, SIGURG);		/* ignored by default */
	PT_STOP(pid, SIGURG);
	PT_CONT(pid, SIGURG);		/* delivered: ignored, runs on */
	KT_CHECK(pt_await_state(pid, KP_SLEEP) == 0, "tracee not running");
	PT_ERR(EBUSY, PT_GETREGS, pid, 0, 0);
	return 0;
}

static void __attribute__((noreturn, used))
jump_target(void)
{
	_exit(42);
}

/* addr == (caddr_t)1 resumes where it stopped; any other addr is the new EIP. */
PT_CASE(continue_at_address)
{
	struct reg r;
	pid_t pid = pt_traced(raise_term);

	KT_CHECK(pid > 0, "no tracee");
	PT_OK(PT_GETREGS, pid, &r, 0);
	PT_CONT(pid, 0);			/* addr 1: on from the stop */
	PT_STOP(pid, SIGTERM);
	PT_OK(PT_CONTINUE, pid, jump_target, 0);
	PT_EXITS(pid, 42);
	return 0;
}

/* PT_DETACH with a signal delivers it as it lets go. */
PT_CASE(detach_with_signal)
{
	pid_t pid = pt_traced(install_then_stop);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGUSR2);
	PT_OK(PT_DETACH, pid, 1, SIGUSR1);
	PT_EXITS(pid, 11);
	return 0;
}

static int
breakpoint(void)
{
	__asm__ volatile("int3");
	return 1;
}

/* PT_KILL from a stop: WIFSIGNALED(SIGKILL), nothing reported before. */
PT_CASE(kill_from_breakpoint)
{
	pid_t pid = pt_traced(breakpoint);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	PT_OK(PT_KILL, pid, 0, 0);
	PT_KILLED(pid, SIGKILL);
	PT_NOCHILD();
	return 0;
}

static void
exit_2(int sig)
{
	(void)sig;
	_exit(2);
}

static int
handlers_then_stop(void)
{
	signal(SIGHUP, exit_2);
	signal(SIGUSR1, exit_2);
	kill(getpid(), SIGUSR2);
	return 1;
}

/* PT_KILL with other signals pending: still straight to SIGKILL. */
PT_CASE(kill_with_signals_pending)
{
	pid_t pid = pt_traced(handlers_then_stop);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGUSR2);
	kill(pid, SIGHUP);
	kill(pid, SIGUSR1);
	PT_OK(PT_KILL, pid, 0, 0);
	PT_KILLED(pid, SIGKILL);
	return 0;
}

/* kill(SIGKILL) from anyone ends a stopped tracee too. */
PT_CASE(sigkill_ends_stopped_tracee)
{
	pid_t pid = pt_traced(exit_7);

	KT_CHECK(pid > 0, "no tracee");
	kill(pid, SIGKILL);
	PT_KILLED(pid, SIGKILL);
	return 0;
}

static int
block_usr1_then_unblock(void)
{
	sigset_t set;

	signal(SIGUSR1, count_usr1);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	kill(getpid(), SIGUSR2);	/* the tracer posts SIGUSR1 here */
	kill(getpid(), SIGUSR2);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	return 20 + usr1_count;
}

/* A blocked signal is reported only once the tracee unblocks it. */
PT_CASE(blocked_signal_reported_when_unblocked)
{
	pid_t pid = pt_traced(block_usr1_then_unblock);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGUSR2);
	kill(pid, SIGUSR1);
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGUSR2);		/* not SIGUSR1: still blocked */
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGUSR1);		/* now unblocked */
	PT_CONT(pid, SIGUSR1);
	PT_EXITS(pid, 21);
	return 0;
}

/* A signal given with PT_CONTINUE while blocked: delivered once unblocked. */
PT_CASE(continue_with_blocked_signal)
{
	pid_t pid = pt_traced(block_usr1_then_unblock);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGUSR2);
	PT_CONT(pid, SIGUSR1);
	PT_STOP(pid, SIGUSR2);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 21);
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
	KT_CHECK(pt_await_state(s, KP_SLEEP) == 0, "sleeper not asleep");
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
	KT_CHECK(pt_state(s) == KP_STOP, "tracee not stopped");
	kill(t, SIGKILL);
	PT_KILLED(t, SIGKILL);
	KT_CHECK(pt_await_state(s, KP_SLEEP) == 0,
	    "tracee left stopped (state %d)", pt_state(s));
	PT_OK(PT_ATTACH, s, 0, 0);	/* not traced any more: attachable */
	PT_STOP(s, SIGSTOP);
	PT_OK(PT_DETACH, s, 1, 0);
	pt_release(wfd, 36);
	PT_EXITS(s, 36);
	return 0;
}

PT_CASE(tracer_killed_traceme_child_dies)
{
	int sync[2];
	pid_t t, c = 0;

	KT_CHECK(pipe(sync) == 0, "pipe");
	t = pt_track(fork());
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
		for (;;)
			sleep(10);
	}
	KT_CHECK(read(sync[0], &c, sizeof(c)) == sizeof(c), "no tracee");
	KT_CHECK(pt_state(c) == KP_STOP, "tracee not stopped");
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

	KT_CHECK(pt_await_state(s, KP_SLEEP) == 0, "sleeper not asleep");
	t = pt_track(fork());
	if (t == 0)
		_exit(ptrace(PT_ATTACH, s, NULL, 0) == 0 ? 0 : 1);
	PT_EXITS(t, 0);
	KT_CHECK(pt_await_state(s, KP_SLEEP) == 0,
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
	t = pt_track(fork());
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
		_exit(0);
	}
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

	KT_CHECK(pt_await_state(s, KP_SLEEP) == 0, "sleeper not asleep");
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
	KT_CHECK(pt_await_state(s, KP_SLEEP) == 0 ||
	    pt_state(s) == KP_STOP, "no tracee");
	usleep(20000);
	pt_release(wfd, 38);
	PT_EXITS(t, 0);
	PT_EXITS(s, 38);
	return 0;
}

static int
helper(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "usr2-exit") == 0) {
		kill(getpid(), SIGUSR2);
		return atoi(argv[2]);
	}
	return 127;
}

int
main(int argc, char **argv)
{
	if (argc > 1)
		return helper(argc, argv);
	kt_suite("ptrace_wait");
	kt_run("trace_me_exec_sequence", trace_me_exec_sequence);
	kt_run("exec_stop_with_sigtrap_blocked", exec_stop_with_sigtrap_blocked);
	kt_run("stop_reported_once", stop_reported_once);
	kt_run("attach_detach_running", attach_detach_running);
	kt_run("attach_continue_detach", attach_continue_detach);
	kt_run("attach_job_stopped", attach_job_stopped);
	kt_run("parent_sees_exit_after_child_debugger",
	    parent_sees_exit_after_child_debugger);
	kt_run("parent_sees_exit_after_unrelated_debugger",
	    parent_sees_exit_after_unrelated_debugger);
	kt_run("continue_delivers_signal", continue_delivers_signal);
	kt_run("continue_replaces_signal", continue_replaces_signal);
	kt_run("continue_zero_suppresses", continue_zero_suppresses);
	kt_run("ignored_signal_still_stops", ignored_signal_still_stops);
	kt_run("continue_at_address", continue_at_address);
	kt_run("detach_with_signal", detach_with_signal);
	kt_run("kill_from_breakpoint", kill_from_breakpoint);
	kt_run("kill_with_signals_pending", kill_with_signals_pending);
	kt_run("sigkill_ends_stopped_tracee", sigkill_ends_stopped_tracee);
	kt_run("blocked_signal_reported_when_unblocked",
	    blocked_signal_reported_when_unblocked);
	kt_run("continue_with_blocked_signal", continue_with_blocked_signal);
	kt_run("tracer_killed_attached_survives", tracer_killed_attached_survives);
	kt_run("tracer_killed_traceme_child_dies",
	    tracer_killed_traceme_child_dies);
	kt_run("tracer_exits_before_attach_stop", tracer_exits_before_attach_stop);
	kt_run("tracer_exits_traceme_child_dies", tracer_exits_traceme_child_dies);
	kt_run("tracer_wait_any", tracer_wait_any);
	return kt_finish();
}
