/*
 * ptrace_wait.c - the stops of a tracee as wait4 shows them: the sequence
 * of PT_TRACE_ME, exec and exit, each stop reported once, the signal a
 * resume delivers, replaces or suppresses, PT_KILL, and blocked signals.
 * Attach, detach and the tracer's death are in ptrace_lifecycle.c.
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

/*
 * An ignored signal (SIG_IGN, or ignored by default like SIGURG and
 * SIGCHLD) is dropped as it is posted, traced or not: no stop, as on
 * FreeBSD. A caught one stops.
 */
PT_CASE(ignored_signal_not_reported)
{
	pid_t pid = pt_traced(wait_for_signal);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	KT_CHECK(pt_await_state(pid, SSLEEP) == 0, "tracee not asleep");
	kill(pid, SIGURG);		/* ignored by default */
	kill(pid, SIGCHLD);
	KT_CHECK(pt_await_state(pid, SSLEEP) == 0, "tracee not asleep");
	KT_CHECK(waitpid(pid, NULL, WNOHANG) == 0, "an ignored signal stopped "
	    "the tracee");
	kill(pid, SIGTERM);
	PT_STOP(pid, SIGTERM);
	PT_CONT(pid, SIGTERM);
	PT_KILLED(pid, SIGTERM);
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

/*
 * A signal given with PT_CONTINUE in place of another, while blocked:
 * FreeBSD's order. The tracer's SIGUSR1 is posted as given (no second
 * report) and the reported instance waits too, under the new number; on
 * unblocking that one is reported, and even with it suppressed the
 * handler runs once, for the tracer's.
 */
PT_CASE(continue_with_blocked_signal)
{
	pid_t pid = pt_traced(block_usr1_then_unblock);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGUSR2);
	PT_CONT(pid, SIGUSR1);
	PT_STOP(pid, SIGUSR2);
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGUSR1);		/* now unblocked */
	PT_CONT(pid, 0);
	PT_EXITS(pid, 21);
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
	kt_run("exec_stop_with_sigtrap_blocked",
	    exec_stop_with_sigtrap_blocked);
	kt_run("stop_reported_once", stop_reported_once);
	kt_run("continue_delivers_signal", continue_delivers_signal);
	kt_run("continue_replaces_signal", continue_replaces_signal);
	kt_run("continue_zero_suppresses", continue_zero_suppresses);
	kt_run("ignored_signal_not_reported", ignored_signal_not_reported);
	kt_run("continue_at_address", continue_at_address);
	kt_run("detach_with_signal", detach_with_signal);
	kt_run("kill_from_breakpoint", kill_from_breakpoint);
	kt_run("kill_with_signals_pending", kill_with_signals_pending);
	kt_run("sigkill_ends_stopped_tracee", sigkill_ends_stopped_tracee);
	kt_run("blocked_signal_reported_when_unblocked",
	    blocked_signal_reported_when_unblocked);
	kt_run("continue_with_blocked_signal", continue_with_blocked_signal);
	return kt_finish();
}
