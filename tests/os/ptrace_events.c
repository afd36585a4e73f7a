/*
 * ptrace_events.c - the event mask (PT_GET_EVENT_MASK, PT_SET_EVENT_MASK,
 * PT_FOLLOW_FORK, PT_LWP_EVENTS) as FreeBSD's ptrace(2) defines it: its
 * default (exec stops only), stops that stay armed until the mask is
 * changed or the tracer lets go, what each request does to it, and the
 * errors of each request; PT_LWPINFO's flags at every kind of stop; and
 * the siginfo a signal stop reports. Fork and vfork events are in
 * ptrace_fork.c and ptrace_vfork.c.
 *
 * The program runs itself as a helper: "/test/ptrace_events exit N" exits
 * with N.
 */
#include <stdlib.h>
#include <sys/syscall.h>
#include "ptrace_lib.h"

#define SELF	"/test/ptrace_events"

static int pfd_child;		/* the read end a child blocks on */

static int
exit_0(void)
{
	return 0;
}

static int
exec_self(void)
{
	char *argv[] = { SELF, "exit", "9", NULL };

	execv(SELF, argv);
	return 127;
}

/* PT_TRACE_ME and PT_ATTACH start with FreeBSD's default: exec stops. */
PT_CASE(default_mask)
{
	int fd;
	pid_t pid = pt_traced(exit_0), s;

	KT_CHECK(pid > 0, "no tracee");
	KT_CHECK(pt_events(pid) == PTRACE_DEFAULT && PTRACE_DEFAULT ==
	    PTRACE_EXEC, "mask %#x after PT_TRACE_ME", pt_events(pid));
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	s = pt_sleeper(&fd);
	KT_CHECK(s > 0 && pt_await_state(s, SSLEEP) == 0, "no sleeper");
	PT_OK(PT_ATTACH, s, 0, 0);
	PT_STOP(s, SIGSTOP);
	KT_CHECK(pt_events(s) == PTRACE_EXEC, "mask %#x after PT_ATTACH",
	    pt_events(s));
	PT_OK(PT_DETACH, s, 1, 0);
	pt_release(fd, 4);
	KT_CHECK(kt_wait_status(s, &fd) == s && WIFEXITED(fd) &&
	    WEXITSTATUS(fd) == 4, "sleeper status %#x", fd);
	return 0;
}

/* What is set is what is read back; bits FreeBSD does not define are EINVAL. */
PT_CASE(set_and_get)
{
	static const int masks[] = {
		0, PTRACE_EXEC, PTRACE_SCE, PTRACE_SCX, PTRACE_SYSCALL,
		PTRACE_FORK, PTRACE_LWP, PTRACE_VFORK,
		PTRACE_EXEC | PTRACE_SYSCALL | PTRACE_FORK | PTRACE_LWP |
		    PTRACE_VFORK,
	};
	int ev, bad;
	unsigned i;
	pid_t pid = pt_traced(exit_0);

	KT_CHECK(pid > 0, "no tracee");
	for (i = 0; i < sizeof(masks) / sizeof(masks[0]); i++) {
		ev = masks[i];
		PT_OK(PT_SET_EVENT_MASK, pid, &ev, sizeof(ev));
		KT_CHECK(pt_events(pid) == masks[i], "set %#x, read %#x",
		    masks[i], pt_events(pid));
	}
	for (bad = 0x40; bad != 0; bad <<= 1) {
		ev = bad | PTRACE_EXEC;
		PT_ERR(EINVAL, PT_SET_EVENT_MASK, pid, &ev, sizeof(ev));
	}
	KT_CHECK(pt_events(pid) == masks[i - 1], "a refused mask changed it "
	    "to %#x", pt_events(pid));
	ev = 0;
	PT_OK(PT_SET_EVENT_MASK, pid, &ev, sizeof(ev));
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

/* PT_FOLLOW_FORK and PT_LWP_EVENTS turn one bit on and off (FreeBSD's event_mask). */
PT_CASE(follow_fork_and_lwp_toggle)
{
	pid_t pid = pt_traced(exit_0);

	KT_CHECK(pid > 0, "no tracee");
	PT_OK(PT_FOLLOW_FORK, pid, 0, 1);
	KT_CHECK(pt_events(pid) == (PTRACE_EXEC | PTRACE_FORK), "mask %#x",
	    pt_events(pid));
	PT_OK(PT_FOLLOW_FORK, pid, 0, 0);
	KT_CHECK(pt_events(pid) == PTRACE_EXEC, "mask %#x", pt_events(pid));
	PT_OK(PT_LWP_EVENTS, pid, 0, 7);
	KT_CHECK(pt_events(pid) == (PTRACE_EXEC | PTRACE_LWP), "mask %#x",
	    pt_events(pid));
	PT_OK(PT_LWP_EVENTS, pid, 0, 0);
	KT_CHECK(pt_events(pid) == PTRACE_EXEC, "mask %#x", pt_events(pid));
	PT_OK(PT_LWP_EVENTS, pid, 0, 1);	/* no threads: no events follow */
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	PT_NOCHILD();
	return 0;
}

/* Without PTRACE_EXEC an exec makes no stop (ptrace__ptrace_exec_disable). */
PT_CASE(exec_disabled)
{
	int ev = 0;
	pid_t pid = pt_traced(exec_self);

	KT_CHECK(pid > 0, "no tracee");
	PT_OK(PT_SET_EVENT_MASK, pid, &ev, sizeof(ev));
	PT_CONT(pid, 0);
	PT_EXITS(pid, 9);
	PT_NOCHILD();
	return 0;
}

/* The exec stop is execve's exit stop: SIGTRAP, EXEC and SCX, no siginfo. */
PT_CASE(exec_stop_flags)
{
	struct ptrace_lwpinfo pl;
	struct ptrace_sc_ret sr;
	pid_t pid = pt_traced(exec_self);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	PT_OK(PT_LWPINFO, pid, &pl, sizeof(pl));
	KT_CHECK((pl.pl_flags & (PL_FLAG_EXEC | PL_FLAG_SCX | PL_FLAG_SI |
	    PL_FLAG_SCE)) == (PL_FLAG_EXEC | PL_FLAG_SCX), "flags %#x",
	    pl.pl_flags);
	KT_CHECK(pl.pl_syscall_code == SYS_execve && pl.pl_syscall_narg == 3,
	    "code %u narg %u", pl.pl_syscall_code, pl.pl_syscall_narg);
	PT_OK(PT_GET_SC_RET, pid, &sr, sizeof(sr));
	KT_CHECK(sr.sr_error == -2, "sr_error %d, expected EJUSTRETURN",
	    sr.sr_error);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 9);
	return 0;
}

static int
three_calls(void)
{
	getpid();
	getppid();
	getuid();
	return 5;
}

/* PT_TO_SCE, PT_TO_SCX, PT_SYSCALL add their bits; PT_CONTINUE and PT_STEP leave the mask. */
PT_CASE(resume_requests_set_mask)
{
	struct ptrace_lwpinfo pl;
	pid_t pid = pt_traced(three_calls);

	KT_CHECK(pid > 0, "no tracee");
	PT_OK(PT_TO_SCE, pid, 1, 0);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK(pt_events(pid) == (PTRACE_EXEC | PTRACE_SCE), "after "
	    "PT_TO_SCE %#x", pt_events(pid));
	PT_OK(PT_TO_SCX, pid, 1, 0);
	PT_STOP(pid, SIGTRAP);
	PT_OK(PT_LWPINFO, pid, &pl, sizeof(pl));
	KT_CHECK((pl.pl_flags & PL_FLAG_SCX) && pl.pl_syscall_code ==
	    SYS_getpid, "flags %#x code %u", pl.pl_flags, pl.pl_syscall_code);
	KT_CHECK(pt_events(pid) == (PTRACE_EXEC | PTRACE_SYSCALL), "after "
	    "PT_TO_SCX %#x", pt_events(pid));
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	PT_OK(PT_LWPINFO, pid, &pl, sizeof(pl));
	KT_CHECK((pl.pl_flags & PL_FLAG_SCE) && pl.pl_syscall_code ==
	    SYS_getppid, "PT_CONTINUE did not stop at the next entry: %#x %u",
	    pl.pl_flags, pl.pl_syscall_code);
	KT_CHECK(pt_events(pid) == (PTRACE_EXEC | PTRACE_SYSCALL),
	    "PT_CONTINUE changed the mask to %#x", pt_events(pid));
	PT_OK(PT_STEP, pid, 1, 0);
	PT_STOP(pid, SIGTRAP);
	PT_OK(PT_LWPINFO, pid, &pl, sizeof(pl));
	KT_CHECK((pl.pl_flags & PL_FLAG_SCX) && pl.pl_syscall_code ==
	    SYS_getppid, "a step from the entry stopped at %#x %u",
	    pl.pl_flags, pl.pl_syscall_code);
	PT_CONT_FREE(pid, 0);
	PT_EXITS(pid, 5);
	return 0;
}

/* Clearing PTRACE_SCX keeps the entry stops only. */
PT_CASE(clear_one_direction)
{
	struct ptrace_lwpinfo pl;
	int ev;
	pid_t pid = pt_traced(three_calls);

	KT_CHECK(pid > 0, "no tracee");
	PT_OK(PT_SYSCALL, pid, 1, 0);
	PT_STOP(pid, SIGTRAP);
	ev = PTRACE_EXEC | PTRACE_SCE;
	PT_OK(PT_SET_EVENT_MASK, pid, &ev, sizeof(ev));
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	PT_OK(PT_LWPINFO, pid, &pl, sizeof(pl));
	KT_CHECK((pl.pl_flags & PL_FLAG_SCE) && pl.pl_syscall_code ==
	    SYS_getppid, "expected getppid's entry: %#x %u", pl.pl_flags,
	    pl.pl_syscall_code);
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	PT_OK(PT_LWPINFO, pid, &pl, sizeof(pl));
	KT_CHECK((pl.pl_flags & PL_FLAG_SCE) && pl.pl_syscall_code ==
	    SYS_getuid, "expected getuid's entry: %#x %u", pl.pl_flags,
	    pl.pl_syscall_code);
	PT_CONT_FREE(pid, 0);
	PT_EXITS(pid, 5);
	return 0;
}

/* Detaching clears the mask: attach again and it is the default. */
PT_CASE(detach_clears_mask)
{
	int fd, ev = PTRACE_SYSCALL | PTRACE_FORK, st;
	pid_t s = pt_sleeper(&fd);

	KT_CHECK(s > 0 && pt_await_state(s, SSLEEP) == 0, "no sleeper");
	PT_OK(PT_ATTACH, s, 0, 0);
	PT_STOP(s, SIGSTOP);
	PT_OK(PT_SET_EVENT_MASK, s, &ev, sizeof(ev));
	PT_OK(PT_DETACH, s, 1, 0);
	KT_CHECK(pt_await_state(s, SSLEEP) == 0, "not back in read");
	PT_OK(PT_ATTACH, s, 0, 0);
	PT_STOP(s, SIGSTOP);
	KT_CHECK(pt_events(s) == PTRACE_EXEC, "mask %#x on a new attach",
	    pt_events(s));
	PT_OK(PT_DETACH, s, 1, 0);
	pt_release(fd, 6);
	KT_CHECK(kt_wait_status(s, &st) == s && WIFEXITED(st) &&
	    WEXITSTATUS(st) == 6, "status %#x: a stale mask stopped it", st);
	return 0;
}

/* Each request's argument errors, FreeBSD's errno for each. */
PT_CASE(request_errors)
{
	int ev = PTRACE_EXEC, fd;
	pid_t pid = pt_traced(exit_0), s;

	KT_CHECK(pid > 0, "no tracee");
	PT_ERR(EINVAL, PT_SET_EVENT_MASK, 99999, &ev, 2);   /* size before pid */
	PT_ERR(EINVAL, PT_SET_EVENT_MASK, pid, &ev, 8);
	PT_ERR(EFAULT, PT_SET_EVENT_MASK, 99999, 0, sizeof(ev)); /* copyin first */
	PT_ERR(EFAULT, PT_SET_EVENT_MASK, pid, 0xc0000000, sizeof(ev));
	PT_ERR(EINVAL, PT_GET_EVENT_MASK, pid, &ev, 0);
	PT_ERR(EINVAL, PT_GET_EVENT_MASK, pid, &ev, 8);
	PT_ERR(EFAULT, PT_GET_EVENT_MASK, pid, 0, sizeof(ev));
	PT_ERR(ESRCH, PT_GET_EVENT_MASK, 99999, &ev, sizeof(ev));
	PT_ERR(ESRCH, PT_FOLLOW_FORK, 99999, 0, 1);
	PT_ERR(ESRCH, PT_LWP_EVENTS, -5, 0, 1);
	PT_ERR(EINVAL, PT_FOLLOW_FORK, 0, 0, 1);	/* the kernel's process */
	PT_ERR(EPERM, PT_FOLLOW_FORK, 1, 0, 1);	/* init */
	KT_CHECK(pt_events(pid) == PTRACE_EXEC, "a refused request changed "
	    "the mask to %#x", pt_events(pid));
	s = pt_sleeper(&fd);
	KT_CHECK(s > 0, "no sleeper");
	PT_ERR(EPERM, PT_FOLLOW_FORK, s, 0, 1);		/* not traced */
	PT_ERR(EPERM, PT_GET_EVENT_MASK, s, &ev, sizeof(ev));
	PT_ERR(EPERM, PT_SET_EVENT_MASK, s, &ev, sizeof(ev));
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	pt_release(fd, 0);
	return 0;
}

static int
block_in_read(void)
{
	char c;

	return read(pfd_child, &c, 1) == 1 ? c : 100;
}

/* Not stopped, or the stop not yet collected: EBUSY, as for every request. */
PT_CASE(request_needs_collected_stop)
{
	int ev, fds[2];
	pid_t pid;

	KT_CHECK(pipe(fds) == 0, "pipe");
	pfd_child = fds[0];
	pid = pt_traced(block_in_read);
	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	KT_CHECK(pt_await_state(pid, SSLEEP) == 0, "tracee not asleep");
	PT_ERR(EBUSY, PT_GET_EVENT_MASK, pid, &ev, sizeof(ev));
	PT_ERR(EBUSY, PT_SET_EVENT_MASK, pid, &ev, sizeof(ev));
	PT_ERR(EBUSY, PT_FOLLOW_FORK, pid, 0, 1);
	kill(pid, SIGUSR1);
	KT_CHECK(pt_await_state(pid, SSTOP) == 0, "tracee did not stop");
	PT_ERR(EBUSY, PT_GET_EVENT_MASK, pid, &ev, sizeof(ev));	/* uncollected */
	PT_STOP(pid, SIGUSR1);
	PT_OK(PT_GET_EVENT_MASK, pid, &ev, sizeof(ev));
	PT_CONT(pid, 0);
	KT_CHECK(write(fds[1], "\x0b", 1) == 1, "write");
	PT_EXITS(pid, 11);
	close(fds[0]);
	close(fds[1]);
	return 0;
}

static int
abort_then_exit(void)
{
	kill(getpid(), SIGABRT);
	return 1;
}

/* A syscall stop after a signal stop carries no stale siginfo (FreeBSD's test). */
PT_CASE(no_stale_siginfo)
{
	struct ptrace_lwpinfo pl;
	pid_t pid = pt_traced(abort_then_exit);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGABRT);
	PT_OK(PT_LWPINFO, pid, &pl, sizeof(pl));
	KT_CHECK((pl.pl_flags & PL_FLAG_SI) && pl.pl_siginfo.si_signo ==
	    SIGABRT && pl.pl_siginfo.si_code == SI_USER &&
	    pl.pl_siginfo.si_pid == pid, "SIGABRT stop: flags %#x signo %d "
	    "code %#x pid %d", pl.pl_flags, pl.pl_siginfo.si_signo,
	    pl.pl_siginfo.si_code, pl.pl_siginfo.si_pid);
	PT_OK(PT_SYSCALL, pid, 1, 0);
	PT_STOP(pid, SIGTRAP);
	PT_OK(PT_LWPINFO, pid, &pl, sizeof(pl));
	KT_CHECK((pl.pl_flags & PL_FLAG_SCE) && !(pl.pl_flags & PL_FLAG_SI) &&
	    pl.pl_syscall_code == SYS_exit, "exit's entry: flags %#x code %u",
	    pl.pl_flags, pl.pl_syscall_code);
	PT_CONT_FREE(pid, 0);
	PT_EXITS(pid, 1);
	return 0;
}

static void
nothing(int sig)
{
	(void)sig;
}

static int
raise_siginfo(void)
{
	signal(SIGINFO, nothing);
	raise(SIGINFO);
	return 0;
}

/* raise() is a signal to the thread: si_code SI_LWP, si_pid the caller (FreeBSD's siginfo test). */
PT_CASE(raise_reports_si_lwp)
{
	struct ptrace_lwpinfo pl;
	pid_t pid = pt_traced(raise_siginfo);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGINFO);
	PT_OK(PT_LWPINFO, pid, &pl, sizeof(pl));
	KT_CHECK(pl.pl_event == PL_EVENT_SIGNAL && (pl.pl_flags & PL_FLAG_SI),
	    "event %d flags %#x", pl.pl_event, pl.pl_flags);
	KT_CHECK(pl.pl_siginfo.si_code == SI_LWP && pl.pl_siginfo.si_pid ==
	    pid && pl.pl_siginfo.si_uid == getuid(), "code %#x pid %d uid %u",
	    pl.pl_siginfo.si_code, pl.pl_siginfo.si_pid, pl.pl_siginfo.si_uid);
	KT_CHECK(pl.pl_lwpid > 99999 && pl.pl_syscall_code == 0 &&
	    pl.pl_child_pid == 0, "lwpid %d code %u child %d", pl.pl_lwpid,
	    pl.pl_syscall_code, pl.pl_child_pid);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	PT_NOCHILD();
	return 0;
}

/* kill() from the tracer: si_code SI_USER, si_pid and si_uid the sender's. */
PT_CASE(kill_reports_sender)
{
	struct ptrace_lwpinfo pl;
	int fds[2];
	pid_t pid;

	KT_CHECK(pipe(fds) == 0, "pipe");
	pfd_child = fds[0];
	pid = pt_traced(block_in_read);
	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	KT_CHECK(pt_await_state(pid, SSLEEP) == 0, "tracee not asleep");
	kill(pid, SIGINT);
	PT_STOP(pid, SIGINT);
	PT_OK(PT_LWPINFO, pid, &pl, sizeof(pl));
	KT_CHECK((pl.pl_flags & PL_FLAG_SI) && pl.pl_siginfo.si_signo ==
	    SIGINT && pl.pl_siginfo.si_code == SI_USER &&
	    pl.pl_siginfo.si_pid == getpid() && pl.pl_siginfo.si_uid ==
	    getuid(), "signo %d code %#x pid %d", pl.pl_siginfo.si_signo,
	    pl.pl_siginfo.si_code, pl.pl_siginfo.si_pid);
	PT_CONT(pid, SIGTERM);		/* replaced: FreeBSD's PT_CONTINUE_change_sig */
	PT_KILLED(pid, SIGTERM);
	close(fds[0]);
	close(fds[1]);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "exit") == 0)
		return atoi(argv[2]);
	kt_suite("ptrace_events");
	kt_run("default_mask", default_mask);
	kt_run("set_and_get", set_and_get);
	kt_run("follow_fork_and_lwp_toggle", follow_fork_and_lwp_toggle);
	kt_run("exec_disabled", exec_disabled);
	kt_run("exec_stop_flags", exec_stop_flags);
	kt_run("resume_requests_set_mask", resume_requests_set_mask);
	kt_run("clear_one_direction", clear_one_direction);
	kt_run("detach_clears_mask", detach_clears_mask);
	kt_run("request_errors", request_errors);
	kt_run("request_needs_collected_stop", request_needs_collected_stop);
	kt_run("no_stale_siginfo", no_stale_siginfo);
	kt_run("raise_reports_si_lwp", raise_reports_si_lwp);
	kt_run("kill_reports_sender", kill_reports_sender);
	return kt_finish();
}
