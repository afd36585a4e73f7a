// RUN: qemu sysenter=0
/*
 * ptrace_syscall.c - system call stops: PT_TO_SCE, PT_TO_SCX and PT_SYSCALL
 * stop with SIGTRAP before and after a call; the tracer reads the number
 * and arguments (registers, PT_GET_SC_ARGS, PT_LWPINFO) and changes an
 * argument at the entry and the result at the exit; an out-of-range number
 * set at the entry is ENOSYS; PT_KILL at the entry never runs the call;
 * register edits at the exit stop go back through iret (a kernel EIP or ESP
 * is a user SIGSEGV); a step from the entry stop ends right after the int;
 * an exec under PT_SYSCALL is one stop.
 *
 * The stops stay armed, as FreeBSD keeps them in the event mask: after
 * PT_TO_SCE and kin, PT_CONTINUE stops at the next call too, until the
 * tracer takes them out of the mask (PT_CONT_FREE); ptrace_events.c has
 * the rules of the mask itself.
 */
#include <stdint.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include "ptrace_lib.h"

#define SELF	"/test/ptrace_syscall"
#define PSL_T	0x100

static int pfd[2];		/* a pipe made before the fork */
extern char sc_after[], sc_resume[];

/* Collect a syscall stop; 0 and *pl if it is one of kind (PL_FLAG_SCE/SCX). */
static int
sc_stop(pid_t pid, int kind, int code, struct ptrace_lwpinfo *pl)
{
	int st = pt_wait(pid);

	if (st == -1 || !WIFSTOPPED(st) || WSTOPSIG(st) != SIGTRAP) {
		kt_fail(__FILE__, __LINE__, "expected a syscall stop, got %s",
		    pt_str(st));
		return -1;
	}
	if (ptrace(PT_LWPINFO, pid, (caddr_t)pl, sizeof(*pl)) < 0 ||
	    !(pl->pl_flags & kind) || (pl->pl_flags & PL_FLAG_SI) ||
	    (int)pl->pl_syscall_code != code) {
		kt_fail(__FILE__, __LINE__, "stop flags %#x code %u, expected "
		    "%#x code %d", pl->pl_flags, pl->pl_syscall_code, kind, code);
		return -1;
	}
	return 0;
}

#define SC_STOP(pid, kind, code, pl)					\
	KT_CHECK(sc_stop((pid), (kind), (code), (pl)) == 0, "syscall stop")

static int
write_hello(void)
{
	return write(pfd[1], "hello", 5);
}

/* The entry stop: number and arguments; a changed length is what runs. */
PT_CASE(entry_stop_change_argument)
{
	struct ptrace_lwpinfo pl;
	uint32_t args[6];
	struct reg r;
	char buf[8];
	pid_t pid;

	KT_CHECK(pipe(pfd) == 0, "pipe");
	pid = pt_traced(write_hello);
	KT_CHECK(pid > 0, "no tracee");
	PT_OK(PT_TO_SCE, pid, 1, 0);
	SC_STOP(pid, PL_FLAG_SCE, SYS_write, &pl);
	KT_CHECK(pl.pl_syscall_narg == 3, "narg %u", pl.pl_syscall_narg);
	memset(args, 0xa5, sizeof(args));
	PT_OK(PT_GET_SC_ARGS, pid, args, sizeof(args));
	KT_CHECK(args[0] == (uint32_t)pfd[1] && args[2] == 5, "args %u %#x %u",
	    args[0], args[1], args[2]);
	PT_OK(PT_GETREGS, pid, &r, 0);
	KT_CHECK(r.r_eax == SYS_write && r.r_ebx == args[0] &&
	    r.r_ecx == args[1] && r.r_edx == args[2], "registers disagree");
	r.r_edx = 3;
	PT_OK(PT_SETREGS, pid, &r, 0);
	PT_CONT_FREE(pid, 0);
	PT_EXITS(pid, 3);		/* write() returned 3 */
	close(pfd[1]);
	KT_CHECK(read(pfd[0], buf, sizeof(buf)) == 3 &&
	    memcmp(buf, "hel", 3) == 0, "the pipe did not get \"hel\"");
	return 0;
}

/* Another fd set at the entry: the call writes there instead. */
PT_CASE(entry_stop_change_fd)
{
	struct ptrace_lwpinfo pl;
	struct reg r;
	char buf[8];
	int other[2];
	pid_t pid;

	KT_CHECK(pipe(pfd) == 0 && pipe(other) == 0, "pipe");
	pid = pt_traced(write_hello);
	KT_CHECK(pid > 0, "no tracee");
	PT_OK(PT_TO_SCE, pid, 1, 0);
	SC_STOP(pid, PL_FLAG_SCE, SYS_write, &pl);
	PT_OK(PT_GETREGS, pid, &r, 0);
	r.r_ebx = other[1];
	PT_OK(PT_SETREGS, pid, &r, 0);
	PT_CONT_FREE(pid, 0);
	PT_EXITS(pid, 5);
	close(other[1]);
	KT_CHECK(read(other[0], buf, sizeof(buf)) == 5, "nothing on the other pipe");
	return 0;
}

static int
getpid_is_12345(void)
{
	return getpid() == 12345 ? 0 : 1;
}

/* The exit stop: the result (PT_GET_SC_RET, eax); a changed one is returned. */
PT_CASE(exit_stop_change_result)
{
	struct ptrace_lwpinfo pl;
	struct ptrace_sc_ret sr;
	uint32_t args[6];
	struct reg r;
	pid_t pid = pt_traced(getpid_is_12345);

	KT_CHECK(pid > 0, "no tracee");
	PT_OK(PT_TO_SCX, pid, 1, 0);
	SC_STOP(pid, PL_FLAG_SCX, SYS_getpid, &pl);
	memset(&sr, 0xa5, sizeof(sr));
	PT_OK(PT_GET_SC_RET, pid, &sr, sizeof(sr));
	KT_CHECK(sr.sr_error == 0 && sr.sr_retval[0] == pid, "sc_ret %d %d",
	    sr.sr_error, (int)sr.sr_retval[0]);
	PT_OK(PT_GET_SC_ARGS, pid, args, sizeof(args));	/* valid at exit too */
	PT_OK(PT_GETREGS, pid, &r, 0);
	KT_CHECK(r.r_eax == (uint32_t)pid, "eax %u", r.r_eax);
	r.r_eax = 12345;
	PT_OK(PT_SETREGS, pid, &r, 0);
	PT_CONT_FREE(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

static int
kill0_close_exit(void)
{
	kill(getpid(), 0);
	close(12345);
	return 1;
}

/* FreeBSD's ptrace__syscall_args, with PT_SYSCALL before each resume. */
PT_CASE(syscall_args_and_errors)
{
	struct ptrace_lwpinfo pl;
	struct ptrace_sc_ret sr;
	uint32_t args[2];
	pid_t pid = pt_traced(kill0_close_exit);

	KT_CHECK(pid > 0, "no tracee");
	PT_OK(PT_SYSCALL, pid, 1, 0);
	SC_STOP(pid, PL_FLAG_SCE, SYS_getpid, &pl);
	KT_CHECK(pl.pl_syscall_narg == 0, "narg %u", pl.pl_syscall_narg);
	PT_OK(PT_SYSCALL, pid, 1, 0);
	SC_STOP(pid, PL_FLAG_SCX, SYS_getpid, &pl);
	PT_OK(PT_GET_SC_RET, pid, &sr, sizeof(sr));
	KT_CHECK(sr.sr_error == 0 && sr.sr_retval[0] == pid, "getpid result");
	PT_OK(PT_SYSCALL, pid, 1, 0);
	SC_STOP(pid, PL_FLAG_SCE, SYS_kill, &pl);
	KT_CHECK(pl.pl_syscall_narg == 2, "narg %u", pl.pl_syscall_narg);
	PT_OK(PT_GET_SC_ARGS, pid, args, sizeof(args));
	KT_CHECK(args[0] == (uint32_t)pid && args[1] == 0, "kill args");
	PT_OK(PT_SYSCALL, pid, 1, 0);
	SC_STOP(pid, PL_FLAG_SCX, SYS_kill, &pl);
	PT_OK(PT_GET_SC_RET, pid, &sr, sizeof(sr));
	KT_CHECK(sr.sr_error == 0, "kill error %d", sr.sr_error);
	PT_OK(PT_SYSCALL, pid, 1, 0);
	SC_STOP(pid, PL_FLAG_SCE, SYS_close, &pl);
	PT_OK(PT_SYSCALL, pid, 1, 0);
	SC_STOP(pid, PL_FLAG_SCX, SYS_close, &pl);
	PT_OK(PT_GET_SC_RET, pid, &sr, sizeof(sr));
	KT_CHECK(sr.sr_error == EBADF, "close error %d", sr.sr_error);
	PT_OK(PT_SYSCALL, pid, 1, 0);
	SC_STOP(pid, PL_FLAG_SCE, SYS_exit, &pl);
	PT_OK(PT_GET_SC_ARGS, pid, args, sizeof(args));
	KT_CHECK(args[0] == 1, "exit status argument %u", args[0]);
	PT_OK(PT_SYSCALL, pid, 1, 0);
	PT_EXITS(pid, 1);
	PT_NOCHILD();
	return 0;
}

/* PT_CONTINUE from a syscall stop stops at the next one: the stops stay. */
PT_CASE(continue_keeps_syscall_stops)
{
	struct ptrace_lwpinfo pl;
	pid_t pid = pt_traced(kill0_close_exit);

	KT_CHECK(pid > 0, "no tracee");
	PT_OK(PT_SYSCALL, pid, 1, 0);
	SC_STOP(pid, PL_FLAG_SCE, SYS_getpid, &pl);
	PT_CONT(pid, 0);
	SC_STOP(pid, PL_FLAG_SCX, SYS_getpid, &pl);
	PT_CONT(pid, 0);
	SC_STOP(pid, PL_FLAG_SCE, SYS_kill, &pl);
	PT_CONT_FREE(pid, 0);
	PT_EXITS(pid, 1);
	return 0;
}

static int
getpid_enosys(void)
{
	int i, ok = 0;

	for (i = 0; i < 5; i++) {
		errno = 0;
		if (getpid() == -1 && errno == ENOSYS)
			ok++;
	}
	return ok;
}

/* An out-of-range number set at the entry stop: ENOSYS, nothing else. */
PT_CASE(out_of_range_number_enosys)
{
	static const uint32_t bad[] = {
		0xffffffff, 0x80000000, SYS_MAXSYSCALL, SYS_MAXSYSCALL + 1,
		0x7fffffff,
	};
	struct ptrace_lwpinfo pl;
	struct ptrace_sc_ret sr;
	struct reg r;
	unsigned i;
	pid_t pid = pt_traced(getpid_enosys);

	KT_CHECK(pid > 0, "no tracee");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		PT_OK(PT_TO_SCE, pid, 1, 0);
		SC_STOP(pid, PL_FLAG_SCE, SYS_getpid, &pl);
		PT_OK(PT_GETREGS, pid, &r, 0);
		r.r_eax = bad[i];
		PT_OK(PT_SETREGS, pid, &r, 0);
		PT_OK(PT_TO_SCX, pid, 1, 0);
		SC_STOP(pid, PL_FLAG_SCX, (int)bad[i], &pl);
		KT_CHECK(pl.pl_syscall_narg == 0, "narg %u", pl.pl_syscall_narg);
		PT_OK(PT_GET_SC_RET, pid, &sr, sizeof(sr));
		KT_CHECK(sr.sr_error == ENOSYS, "number %#x: error %d", bad[i],
		    sr.sr_error);
	}
	PT_CONT_FREE(pid, 0);
	PT_EXITS(pid, 5);
	return 0;
}

/* A number in range that names no call is ENOSYS too (no tracer needed). */
PT_CASE(unused_number_enosys)
{
	errno = 0;
	KT_CHECK(syscall(300) == -1 && errno == ENOSYS, "errno %d", errno);
	KT_CHECK(syscall(SYS_MAXSYSCALL) == -1 && errno == ENOSYS, "errno %d",
	    errno);
	return 0;
}

/* PT_KILL at an entry stop: the call never runs, no exit stop, SIGKILL. */
PT_CASE(kill_at_entry_stop)
{
	struct ptrace_lwpinfo pl;
	char c;
	pid_t pid;

	KT_CHECK(pipe(pfd) == 0, "pipe");
	pid = pt_traced(write_hello);
	KT_CHECK(pid > 0, "no tracee");
	PT_OK(PT_SYSCALL, pid, 1, 0);
	SC_STOP(pid, PL_FLAG_SCE, SYS_write, &pl);
	PT_OK(PT_KILL, pid, 0, 0);
	PT_KILLED(pid, SIGKILL);
	close(pfd[1]);
	KT_CHECK(read(pfd[0], &c, 1) == 0, "the write ran after PT_KILL");
	return 0;
}

static void
exit_2(int sig)
{
	(void)sig;
	_exit(2);
}

static int
handler_then_getpid(void)
{
	signal(SIGUSR1, exit_2);
	getpid();
	return 1;
}

/* A signal given at the entry stop is delivered after the call (FreeBSD). */
PT_CASE(signal_at_entry_stop)
{
	struct ptrace_lwpinfo pl;
	pid_t pid = pt_traced(handler_then_getpid);

	KT_CHECK(pid > 0, "no tracee");
	PT_OK(PT_TO_SCE, pid, 1, 0);
	SC_STOP(pid, PL_FLAG_SCE, SYS_sigaction, &pl);
	PT_OK(PT_TO_SCE, pid, 1, 0);
	SC_STOP(pid, PL_FLAG_SCE, SYS_getpid, &pl);
	PT_CONT_FREE(pid, SIGUSR1);
	PT_EXITS(pid, 2);
	return 0;
}

/* PT_DETACH with a signal at a syscall stop: the signal is not lost. */
PT_CASE(detach_with_signal_at_syscall_stop)
{
	struct ptrace_lwpinfo pl;
	pid_t pid = pt_traced(handler_then_getpid);

	KT_CHECK(pid > 0, "no tracee");
	PT_OK(PT_TO_SCE, pid, 1, 0);
	SC_STOP(pid, PL_FLAG_SCE, SYS_sigaction, &pl);
	PT_OK(PT_TO_SCX, pid, 1, 0);
	SC_STOP(pid, PL_FLAG_SCX, SYS_sigaction, &pl);
	PT_OK(PT_DETACH, pid, 1, SIGUSR1);
	PT_EXITS(pid, 2);
	return 0;
}

/* GET_SC_ARGS and GET_SC_RET need a syscall stop; SC_RET an exit stop. */
PT_CASE(sc_requests_need_syscall_stop)
{
	struct ptrace_lwpinfo pl;
	struct ptrace_sc_ret sr;
	uint32_t args[6];
	pid_t pid = pt_traced(kill0_close_exit);

	KT_CHECK(pid > 0, "no tracee");
	PT_OK(PT_LWPINFO, pid, &pl, sizeof(pl));
	KT_CHECK((pl.pl_flags & PL_FLAG_SI) && !(pl.pl_flags &
	    (PL_FLAG_SCE | PL_FLAG_SCX)), "SIGSTOP stop flags %#x", pl.pl_flags);
	PT_ERR(EINVAL, PT_GET_SC_ARGS, pid, args, sizeof(args));
	PT_ERR(EINVAL, PT_GET_SC_RET, pid, &sr, sizeof(sr));
	PT_OK(PT_TO_SCE, pid, 1, 0);
	SC_STOP(pid, PL_FLAG_SCE, SYS_getpid, &pl);
	KT_CHECK(pl.pl_siginfo.si_signo == 0, "siginfo at a syscall stop");
	PT_ERR(EINVAL, PT_GET_SC_RET, pid, &sr, sizeof(sr));
	PT_CONT_FREE(pid, 0);
	PT_EXITS(pid, 1);
	return 0;
}

/* Only the exit stop asked for: its arguments are still this call's. */
PT_CASE(exit_stop_alone_has_arguments)
{
	struct ptrace_lwpinfo pl;
	uint32_t args[6];
	pid_t pid = pt_traced(kill0_close_exit);

	KT_CHECK(pid > 0, "no tracee");
	PT_OK(PT_TO_SCX, pid, 1, 0);
	SC_STOP(pid, PL_FLAG_SCX, SYS_getpid, &pl);
	PT_OK(PT_TO_SCX, pid, 1, 0);
	SC_STOP(pid, PL_FLAG_SCX, SYS_kill, &pl);
	PT_OK(PT_TO_SCX, pid, 1, 0);
	SC_STOP(pid, PL_FLAG_SCX, SYS_close, &pl);
	PT_OK(PT_GET_SC_ARGS, pid, args, sizeof(args));
	KT_CHECK(args[0] == 12345, "close's argument %u at its exit stop",
	    args[0]);
	PT_CONT_FREE(pid, 0);
	PT_EXITS(pid, 1);
	return 0;
}

static int __attribute__((noinline))
int80_body(void)
{
	int r;

	__asm__ volatile(
	    "int3\n"
	    "mov %1, %%eax\n"
	    "int $0x80\n"
	    ".globl sc_after\nsc_after:\n"
	    "nop\n"
	    "nop\n"
	    ".globl sc_resume\nsc_resume:\n"
	    "nop\n"
	    : "=a"(r) : "i"(SYS_getpid) : "edx", "cc", "memory");
	return r == getpid() ? 7 : 8;
}

/* A step from the entry stop ends right after int $0x80, with the result. */
PT_CASE(step_from_entry_stop)
{
	struct ptrace_lwpinfo pl;
	struct reg r;
	pid_t pid = pt_traced(int80_body);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	PT_OK(PT_TO_SCE, pid, 1, 0);
	SC_STOP(pid, PL_FLAG_SCE, SYS_getpid, &pl);
	PT_OK(PT_STEP, pid, 1, 0);
	PT_STOP(pid, SIGTRAP);
	PT_OK(PT_GETREGS, pid, &r, 0);
	KT_CHECK(r.r_eip == (uint32_t)sc_after, "step ended at %#x, expected %p",
	    r.r_eip, sc_after);
	KT_CHECK(r.r_eax == (uint32_t)pid, "eax %u", r.r_eax);
	PT_CONT_FREE(pid, 0);
	PT_EXITS(pid, 7);
	return 0;
}

/*
 * Register edits at the exit stop go back through iret: a new EIP in user
 * space is where it goes on; TF traps after one instruction; an EIP or ESP
 * in the kernel is a user-mode SIGSEGV.
 */
PT_CASE(exit_stop_register_edits)
{
	struct ptrace_lwpinfo pl;
	struct reg r;
	int k;

	for (k = 0; k < 4; k++) {
		pid_t pid = pt_traced(int80_body);

		KT_CHECK(pid > 0, "no tracee");
		PT_CONT(pid, 0);
		PT_STOP(pid, SIGTRAP);
		PT_OK(PT_TO_SCX, pid, 1, 0);
		SC_STOP(pid, PL_FLAG_SCX, SYS_getpid, &pl);
		PT_OK(PT_GETREGS, pid, &r, 0);
		KT_CHECK(r.r_eip == (uint32_t)sc_after, "exit stop at %#x",
		    r.r_eip);
		if (k == 0) {
			r.r_eip = (uint32_t)sc_resume;
			r.r_eflags |= PSL_T;
		} else if (k == 1) {
			r.r_eflags |= PSL_T;
		} else if (k == 2) {
			r.r_eip = 0xc0001000;
		} else {
			r.r_esp = 0xc0001000;
		}
		PT_OK(PT_SETREGS, pid, &r, 0);
		PT_CONT_FREE(pid, 0);
		if (k < 2) {
			uint32_t at = (uint32_t)(k == 0 ? sc_resume : sc_after) + 1;

			PT_STOP(pid, SIGTRAP);
			PT_OK(PT_GETREGS, pid, &r, 0);
			KT_CHECK(r.r_eip == at, "TF trap at %#x, expected %#x",
			    r.r_eip, at);
			r.r_eflags &= ~PSL_T;
			PT_OK(PT_SETREGS, pid, &r, 0);
			PT_CONT(pid, 0);
			PT_EXITS(pid, 7);
		} else {
			PT_STOP(pid, SIGSEGV);
			PT_CONT(pid, SIGSEGV);
			PT_KILLED(pid, SIGSEGV);
		}
	}
	return 0;
}

static int
exec_helper(void)
{
	char *argv[] = { SELF, "getpid-exit", NULL };

	execv(SELF, argv);
	return 127;
}

/* Under PT_SYSCALL an exec makes one stop: its exit stop, PL_FLAG_EXEC. */
PT_CASE(exec_under_pt_syscall)
{
	struct ptrace_lwpinfo pl;
	pid_t pid = pt_traced(exec_helper);

	KT_CHECK(pid > 0, "no tracee");
	PT_OK(PT_SYSCALL, pid, 1, 0);
	SC_STOP(pid, PL_FLAG_SCE, SYS_execve, &pl);
	PT_OK(PT_SYSCALL, pid, 1, 0);
	SC_STOP(pid, PL_FLAG_SCX, SYS_execve, &pl);
	KT_CHECK(pl.pl_flags & PL_FLAG_EXEC, "no PL_FLAG_EXEC: %#x", pl.pl_flags);
	KT_CHECK(strcmp(pl.pl_tdname, "ptrace_syscall") == 0, "name %s",
	    pl.pl_tdname);
	PT_OK(PT_SYSCALL, pid, 1, 0);
	SC_STOP(pid, PL_FLAG_SCE, SYS_getpid, &pl);	/* not a second SIGTRAP */
	KT_CHECK(!(pl.pl_flags & PL_FLAG_EXEC), "PL_FLAG_EXEC again");
	PT_CONT_FREE(pid, 0);
	PT_EXITS(pid, 44);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "getpid-exit") == 0) {
		getpid();
		return 44;
	}
	kt_suite("ptrace_syscall");
	kt_run("entry_stop_change_argument", entry_stop_change_argument);
	kt_run("entry_stop_change_fd", entry_stop_change_fd);
	kt_run("exit_stop_change_result", exit_stop_change_result);
	kt_run("syscall_args_and_errors", syscall_args_and_errors);
	kt_run("continue_keeps_syscall_stops", continue_keeps_syscall_stops);
	kt_run("out_of_range_number_enosys", out_of_range_number_enosys);
	kt_run("unused_number_enosys", unused_number_enosys);
	kt_run("kill_at_entry_stop", kill_at_entry_stop);
	kt_run("signal_at_entry_stop", signal_at_entry_stop);
	kt_run("detach_with_signal_at_syscall_stop",
	    detach_with_signal_at_syscall_stop);
	kt_run("sc_requests_need_syscall_stop", sc_requests_need_syscall_stop);
	kt_run("exit_stop_alone_has_arguments", exit_stop_alone_has_arguments);
	kt_run("step_from_entry_stop", step_from_entry_stop);
	kt_run("exit_stop_register_edits", exit_stop_register_edits);
	kt_run("exec_under_pt_syscall", exec_under_pt_syscall);
	return kt_finish();
}
