// RUN: qemu sysenter=0
/*
 * ptrace_step_signal.c - a PT_STEP that meets a signal or an exec: a
 * handler run during a step is not stepped and the step goes on after its
 * sigreturn (FreeBSD's PT_STEP_with_signal), a program blocking SIGTRAP is
 * stepped all the same, and nothing of a step survives an exec. Stepping
 * itself, one instruction at a time, is in ptrace_step.c.
 *
 * The code under test is inline assembly between int3 instructions, with
 * global labels, so the tracer (the same program, forked) knows every
 * address it should see.
 */
#include <stdint.h>
#include <stdlib.h>
#include <ucontext.h>
#include "ptrace_lib.h"
#include "signal_lib.h"

#define PSL_T	0x100

extern char sig_nop[], sig_end[];

/* int3, one nop, int3: a body's two stops, one step apart. */
static void __attribute__((noinline))
nop_between_int3s(void)
{
	__asm__ volatile(
	    "int3\n"
	    ".globl sig_nop\nsig_nop:\n"
	    "nop\n"
	    ".globl sig_end\nsig_end:\n"
	    "int3\n" ::: "memory");
}

static volatile uint32_t handler_uc_flags, handler_own_flags;

static void
record_flags(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;
	uint32_t f;

	(void)sig;
	(void)si;
	__asm__ volatile("pushf\npop %0" : "=r"(f));
	handler_own_flags = f;
	handler_uc_flags = uc->uc_mcontext.mc_eflags;
}

static int __attribute__((noinline))
signal_step_body(void)
{
	install_info(SIGUSR1, record_flags, 0);
	nop_between_int3s();
	return ((handler_uc_flags & PSL_T) ? 1 : 0) |
	    ((handler_own_flags & PSL_T) ? 2 : 0) |
	    (handler_uc_flags == 0 ? 4 : 0);
}

/*
 * PT_STEP with a signal: the handler runs (not stepped; neither its flags
 * nor its ucontext show the debugger's TF), then the step goes on.
 */
PT_CASE(step_with_handler_signal)
{
	pid_t pid = pt_traced(signal_step_body);
	uint32_t eip;

	PT_TO_INT3(pid);
	PT_OK(PT_STEP, pid, 1, SIGUSR1);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK((eip = pt_eip(pid)) == (uint32_t)sig_end,
	    "step stopped at %#x, expected %p", eip, sig_end);
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK(pt_eip(pid) == (uint32_t)sig_end + 1, "extra trap");
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

static void
abort_in_handler(int sig)
{
	(void)sig;
	raise(SIGABRT);
}

static int
freebsd_step_with_signal(void)
{
	signal(SIGUSR1, abort_in_handler);
	raise(SIGABRT);
	return 1;
}

/*
 * FreeBSD's ptrace__PT_STEP_with_signal: PT_STEP with SIGUSR1 at a SIGABRT
 * stop runs the handler first (its SIGABRT stops), and after the handler
 * returns, the step stops with SIGTRAP/TRAP_TRACE, even though the debugger
 * continued the handler with PT_CONTINUE.
 */
PT_CASE(freebsd_pt_step_with_signal)
{
	struct ptrace_lwpinfo pl;
	pid_t pid = pt_traced(freebsd_step_with_signal);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGABRT);
	PT_OK(PT_STEP, pid, 1, SIGUSR1);
	PT_STOP(pid, SIGABRT);
	PT_OK(PT_LWPINFO, pid, &pl, sizeof(pl));
	KT_CHECK((pl.pl_flags & PL_FLAG_SI) && pl.pl_siginfo.si_signo == SIGABRT,
	    "siginfo %d", pl.pl_siginfo.si_signo);
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	PT_OK(PT_LWPINFO, pid, &pl, sizeof(pl));
	KT_CHECK((pl.pl_flags & PL_FLAG_SI) && pl.pl_siginfo.si_signo == SIGTRAP &&
	    pl.pl_siginfo.si_code == TRAP_TRACE, "siginfo %d code %d",
	    pl.pl_siginfo.si_signo, pl.pl_siginfo.si_code);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 1);
	PT_NOCHILD();
	return 0;
}

static int
block_trap_then_steps(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGTRAP);
	sigprocmask(SIG_BLOCK, &set, NULL);
	kill(getpid(), SIGSTOP);
	nop_between_int3s();
	sigprocmask(SIG_BLOCK, NULL, &set);
	return 30 + sigismember(&set, SIGTRAP);	/* 31: still blocked */
}

/* A program that blocks SIGTRAP can still be stepped; its mask stays as it was. */
PT_CASE(step_with_sigtrap_blocked)
{
	pid_t pid = pt_traced(block_trap_then_steps);
	int i;

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGSTOP);
	for (i = 0; i < 3; i++) {
		PT_OK(PT_STEP, pid, 1, 0);
		PT_STOP(pid, SIGTRAP);
	}
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);		/* the body's first int3 */
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);		/* its second */
	PT_CONT(pid, 0);
	PT_EXITS(pid, 31);
	return 0;
}

/*
 * exec_forgets_step runs this program as two images, A then B, with
 * argument vectors of the same size so that their stacks lie at the same
 * addresses: argv[1] is "A" or "B", argv[2] the address (8 hex digits) of
 * the ucontext A's handler was given. A stops itself; the tracer steps it
 * with SIGUSR1, and the handler, which a step waits for (it resumes when
 * that ucontext comes back through sigreturn), execs B instead of
 * returning. B takes a SIGUSR1 at the same depth, so its handler returns
 * through a ucontext at the same address: no step may resume there.
 */
#define IMAGE_PATH	"/test/ptrace_step_signal"

static char image_mode;
static uint32_t image_uc;

static void
image_handler(int sig, siginfo_t *si, void *uc)
{
	char hex[9], *argv[] = { IMAGE_PATH, "B", hex, NULL };

	(void)sig, (void)si;
	if (image_mode == 'A') {
		snprintf(hex, sizeof(hex), "%08x", (uint32_t)uc);
		execve(IMAGE_PATH, argv, environ);
		_exit(2);
	}
	if ((uint32_t)uc != image_uc)
		_exit(3);	/* the frames differ: the case tests nothing */
}

/* B inherits the mask of A's handler: SIGUSR1 is unblocked first. */
static int __attribute__((noinline))
image_run(void)
{
	sigset_t set;

	install_info(SIGUSR1, image_handler, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(image_mode == 'A' ? SIGSTOP : SIGUSR1);
	return 0;
}

static int
exec_image_a(void)
{
	char *argv[] = { IMAGE_PATH, "A", "00000000", NULL };

	execve(IMAGE_PATH, argv, environ);
	return 1;
}

PT_CASE(exec_forgets_step)
{
	pid_t pid = pt_traced(exec_image_a);
	int st;

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);		/* image A's exec */
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGSTOP);		/* A stops itself */
	PT_OK(PT_STEP, pid, 1, SIGUSR1);
	PT_STOP(pid, SIGTRAP);		/* the handler execs B mid-step */
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGUSR1);		/* B raises SIGUSR1 */
	PT_CONT(pid, SIGUSR1);
	st = pt_wait(pid);
	KT_CHECK(!(WIFEXITED(st) && WEXITSTATUS(st) == 3),
	    "the two images' signal frames lie apart: nothing was tested");
	KT_CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	    "B %s after its handler: a step from before the exec resumed",
	    pt_str(st));
	return 0;
}


int
main(int argc, char **argv)
{
	if (argc == 3 && (strcmp(argv[1], "A") == 0 ||
	    strcmp(argv[1], "B") == 0)) {
		image_mode = argv[1][0];
		image_uc = strtoul(argv[2], NULL, 16);
		return image_run();
	}
	kt_suite("ptrace_step_signal");
	kt_run("step_with_handler_signal", step_with_handler_signal);
	kt_run("freebsd_pt_step_with_signal", freebsd_pt_step_with_signal);
	kt_run("step_with_sigtrap_blocked", step_with_sigtrap_blocked);
	kt_run("exec_forgets_step", exec_forgets_step);
	return kt_finish();
}
