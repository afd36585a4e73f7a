// RUN: qemu sysenter=0
/*
 * ptrace_step.c - PT_STEP, one instruction at a time: exactly one user
 * instruction per step, int $0x80 and sysenter each stepped as one
 * instruction, pushf and popf as on hardware, the debugger's TF never left
 * behind nor visible to the program, a program's own TF kept, int3 under a
 * step, PT_SETSTEP and the step's siginfo. A step that meets a signal
 * handler or an exec is in ptrace_step_signal.c.
 *
 * The code under test is inline assembly between int3 instructions, with
 * global labels, so the tracer (the same program, forked) knows every
 * address it should see.
 */
#include <stdint.h>
#include <ucontext.h>
#include <sys/syscall.h>
#include "ptrace_lib.h"
#include "signal_lib.h"

#define PSL_T	0x100

extern char loop_begin[], loop_end[];
extern char sc_begin[], sc_int[], sc_after[], sc_end[];
extern char se_seq[], se_sysenter[], se_after[], se_end[];
extern int __sysenter_ok;	/* libc enters by SYSENTER */
extern char pf_begin[], pf_end[];
extern char st_begin[], st_set[], st_end[];
extern char b3_first[], b3_second[], b3_third[];

static int __attribute__((noinline))
loop_body(void)
{
	__asm__ volatile(
	    "int3\n"
	    ".globl loop_begin\nloop_begin:\n"
	    "mov $5, %%ecx\n"
	    "1: dec %%ecx\n"
	    "jnz 1b\n"
	    ".globl loop_end\nloop_end:\n"
	    "int3\n" ::: "ecx", "cc");
	return 3;
}

/* mov, then 5 x (dec, jnz): exactly 11 steps from loop_begin to loop_end. */
PT_CASE(loop_of_k_instructions)
{
	struct reg r;
	uint32_t eip;
	pid_t pid = pt_traced(loop_body);
	int n = 0;

	PT_TO_INT3(pid);
	KT_CHECK((eip = pt_eip(pid)) == (uint32_t)loop_begin,
	    "int3 stop at %#x, expected %p", eip, loop_begin);
	while (eip != (uint32_t)loop_end && n < 50) {
		PT_OK(PT_STEP, pid, 1, 0);
		PT_STOP(pid, SIGTRAP);
		PT_OK(PT_GETREGS, pid, &r, 0);
		KT_CHECK(!(r.r_eflags & PSL_T), "TF left set after step %d", n);
		KT_CHECK(r.r_eip >= (uint32_t)loop_begin &&
		    r.r_eip <= (uint32_t)loop_end, "stepped out to %#x", r.r_eip);
		eip = r.r_eip;
		n++;
	}
	KT_CHECK(n == 11, "%d steps, expected 11", n);
	KT_CHECK(r.r_ecx == 0, "ecx %u at the end", r.r_ecx);
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK((eip = pt_eip(pid)) == (uint32_t)loop_end + 1,
	    "stop at %#x, not the closing int3", eip);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 3);
	return 0;
}

static int __attribute__((noinline))
syscall_body(void)
{
	__asm__ volatile(
	    "int3\n"
	    ".globl sc_begin\nsc_begin:\n"
	    "mov %0, %%eax\n"
	    ".globl sc_int\nsc_int:\n"
	    "int $0x80\n"
	    ".globl sc_after\nsc_after:\n"
	    "nop\n"
	    ".globl sc_end\nsc_end:\n"
	    "int3\n" : : "i"(SYS_getpid) : "eax", "edx", "cc", "memory");
	return 4;
}

/* Stepping int $0x80 runs the call and stops once, at the next instruction. */
PT_CASE(step_over_int80)
{
	struct reg r;
	pid_t pid = pt_traced(syscall_body);
	int st;

	PT_TO_INT3(pid);
	PT_OK(PT_STEP, pid, 1, 0);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK(pt_eip(pid) == (uint32_t)sc_int, "not at the int");
	PT_OK(PT_STEP, pid, 1, 0);
	PT_STOP(pid, SIGTRAP);
	PT_OK(PT_GETREGS, pid, &r, 0);
	KT_CHECK(r.r_eip == (uint32_t)sc_after, "step over int $0x80 stopped at "
	    "%#x, expected %p", r.r_eip, sc_after);
	KT_CHECK(r.r_eax == (uint32_t)pid, "eax %u, expected the pid %d",
	    r.r_eax, pid);
	KT_CHECK(!(r.r_eflags & PSL_T), "TF left set");
	KT_CHECK(waitpid(pid, &st, WNOHANG) == 0, "a second stop: %s",
	    pt_str(st));
	PT_OK(PT_STEP, pid, 1, 0);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK(pt_eip(pid) == (uint32_t)sc_end, "nop not stepped");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK(pt_eip(pid) == (uint32_t)sc_end + 1, "not the closing int3");
	PT_CONT(pid, 0);
	PT_EXITS(pid, 4);
	return 0;
}

static int __attribute__((noinline))
sysenter_body(void)
{
	__asm__ volatile(
	    "int3\n"
	    "mov %0, %%eax\n"
	    ".globl se_seq\nse_seq:\n"
	    "pushl $se_after\n"
	    "pushl %%ebp\n"
	    "movl %%esp, %%ebp\n"
	    "pushl %%ecx\n"
	    ".globl se_sysenter\nse_sysenter:\n"
	    "sysenter\n"
	    ".globl se_after\nse_after:\n"
	    "nop\n"
	    ".globl se_end\nse_end:\n"
	    "int3\n" : : "i"(SYS_getpid) : "eax", "edx", "cc", "memory");
	return 5;
}

/*
 * libc's SYSENTER sequence (kernel/i386/sysenter.c), one step per
 * instruction: the sysenter runs the call and stops once, right behind it,
 * with the pid in eax, the registers as before the sequence and no TF
 * left. Without SYSENTER (sysenter=0, or a CPU without SEP) libc does not
 * use it: that is checked instead.
 */
PT_CASE(step_over_sysenter)
{
	struct reg r0, r;
	pid_t pid;
	int st, i;

	if (!kinfo(KINFO_SYSENTER)) {
		KT_CHECK(!__sysenter_ok, "libc enters by SYSENTER");
		return 0;
	}
	pid = pt_traced(sysenter_body);
	PT_TO_INT3(pid);
	PT_OK(PT_STEP, pid, 1, 0);
	PT_STOP(pid, SIGTRAP);
	PT_OK(PT_GETREGS, pid, &r0, 0);
	KT_CHECK(r0.r_eip == (uint32_t)se_seq, "not at the sequence");
	for (i = 0; i < 4; i++) {
		PT_OK(PT_STEP, pid, 1, 0);
		PT_STOP(pid, SIGTRAP);
	}
	KT_CHECK(pt_eip(pid) == (uint32_t)se_sysenter, "not at the sysenter");
	PT_OK(PT_STEP, pid, 1, 0);
	PT_STOP(pid, SIGTRAP);
	PT_OK(PT_GETREGS, pid, &r, 0);
	KT_CHECK(r.r_eip == (uint32_t)se_after, "step over sysenter stopped "
	    "at %#x, expected %p", r.r_eip, se_after);
	KT_CHECK(r.r_eax == (uint32_t)pid, "eax %u, expected the pid %d",
	    r.r_eax, pid);
	KT_CHECK(r.r_esp == r0.r_esp && r.r_ebp == r0.r_ebp &&
	    r.r_ecx == r0.r_ecx, "esp %#x ebp %#x ecx %#x, were %#x %#x %#x",
	    r.r_esp, r.r_ebp, r.r_ecx, r0.r_esp, r0.r_ebp, r0.r_ecx);
	KT_CHECK(!(r.r_eflags & PSL_T), "TF left set");
	KT_CHECK(waitpid(pid, &st, WNOHANG) == 0, "a second stop: %s",
	    pt_str(st));
	PT_OK(PT_STEP, pid, 1, 0);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK(pt_eip(pid) == (uint32_t)se_end, "nop not stepped");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK(pt_eip(pid) == (uint32_t)se_end + 1, "not the closing int3");
	PT_CONT(pid, 0);
	PT_EXITS(pid, 5);
	return 0;
}

/* After stepping over int $0x80, PT_CONTINUE runs free: no extra trap. */
PT_CASE(continue_after_int80_step)
{
	pid_t pid = pt_traced(syscall_body);

	PT_TO_INT3(pid);
	PT_OK(PT_STEP, pid, 1, 0);
	PT_STOP(pid, SIGTRAP);
	PT_OK(PT_STEP, pid, 1, 0);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK(pt_eip(pid) == (uint32_t)sc_after, "not after the int");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK(pt_eip(pid) == (uint32_t)sc_end + 1,
	    "stopped at %#x: an extra trap", pt_eip(pid));
	PT_CONT(pid, 0);
	PT_EXITS(pid, 4);
	return 0;
}

static int __attribute__((noinline))
pushf_body(void)
{
	uint32_t flags;

	__asm__ volatile(
	    "int3\n"
	    ".globl pf_begin\npf_begin:\n"
	    "pushf\n"
	    "pop %0\n"
	    "push %0\n"
	    "popf\n"
	    ".globl pf_end\npf_end:\n"
	    "int3\n" : "=r"(flags) : : "cc", "memory");
	return (flags & PSL_T) ? 1 : 0;
}

/*
 * pushf under the debugger's step stores the flags the program would see
 * unstepped (no TF), so its popf does not turn the debugger's TF into its own.
 */
PT_CASE(step_pushf_popf)
{
	struct reg r;
	uint32_t word;
	int i;
	pid_t pid = pt_traced(pushf_body);

	PT_TO_INT3(pid);
	KT_CHECK(pt_eip(pid) == (uint32_t)pf_begin, "not at pushf");
	PT_OK(PT_STEP, pid, 1, 0);
	PT_STOP(pid, SIGTRAP);
	PT_OK(PT_GETREGS, pid, &r, 0);
	KT_CHECK(r.r_eip == (uint32_t)pf_begin + 1, "pushf not stepped");
	errno = 0;
	word = ptrace(PT_READ_D, pid, (caddr_t)r.r_esp, 0);
	KT_CHECK(errno == 0, "PT_READ_D of the stack: errno %d", errno);
	KT_CHECK(!(word & PSL_T), "pushf stored the debugger's TF: %#x", word);
	KT_CHECK(word & 0x200, "pushf stored %#x (no IF)", word);
	for (i = 0; i < 3; i++) {
		PT_OK(PT_STEP, pid, 1, 0);
		PT_STOP(pid, SIGTRAP);
	}
	PT_OK(PT_GETREGS, pid, &r, 0);
	KT_CHECK(r.r_eip == (uint32_t)pf_end, "at %#x after 4 steps", r.r_eip);
	KT_CHECK(!(r.r_eflags & PSL_T), "TF set after the popf");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK(pt_eip(pid) == (uint32_t)pf_end + 1, "an extra trap at %#x",
	    pt_eip(pid));
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

static volatile int traps, traps_with_tf;

static void
on_trap(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;

	(void)sig;
	(void)si;
	traps++;
	if (uc->uc_mcontext.mc_eflags & PSL_T)
		traps_with_tf++;
}

/*
 * The program traces itself: popf sets TF, which traps after each of the
 * next five instructions (nop, nop, pushf, andl, and the popf that clears
 * it), each a SIGTRAP whose ucontext shows the program's TF (but the last:
 * that popf has just cleared it).
 */
static int __attribute__((noinline))
self_trace_body(void)
{
	install_info(SIGTRAP, on_trap, 0);
	__asm__ volatile(
	    "int3\n"
	    ".globl st_begin\nst_begin:\n"
	    "pushf\n"
	    "orl $0x100, (%%esp)\n"
	    "popf\n"
	    ".globl st_set\nst_set:\n"
	    "nop\n"
	    "nop\n"
	    "pushf\n"
	    "andl $~0x100, (%%esp)\n"
	    "popf\n"
	    ".globl st_end\nst_end:\n"
	    "int3\n" ::: "cc", "memory");
	return traps * 10 + traps_with_tf;
}

/*
 * Without a debugger, as on hardware (the control for the next case): the
 * two int3 and the five TF traps reach the handler, four showing TF.
 */
PT_CASE(program_tf_untraced)
{
	pid_t pid = pt_track(fork());

	if (pid == 0)
		_exit(self_trace_body());
	PT_EXITS(pid, 74);
	return 0;
}

/*
 * A debugger steps the program's own popf that sets TF: the TF is the
 * program's and survives; the program then gets exactly its own traps.
 */
PT_CASE(program_tf_survives_debugger_step)
{
	struct reg r;
	int i, stops = 0;
	pid_t pid = pt_traced(self_trace_body);

	PT_TO_INT3(pid);
	for (i = 0; i < 3; i++) {
		PT_OK(PT_STEP, pid, 1, 0);
		PT_STOP(pid, SIGTRAP);
	}
	PT_OK(PT_GETREGS, pid, &r, 0);
	KT_CHECK(r.r_eip == (uint32_t)st_set, "at %#x after 3 steps", r.r_eip);
	KT_CHECK(r.r_eflags & PSL_T, "the program's TF was taken away");
	PT_CONT(pid, 0);
	for (;;) {
		PT_STOP(pid, SIGTRAP);
		if (pt_eip(pid) == (uint32_t)st_end + 1)
			break;
		KT_CHECK(++stops <= 5, "more than 5 traps");
		PT_CONT(pid, SIGTRAP);		/* the program's: deliver */
	}
	KT_CHECK(stops == 5, "%d traps, expected 5", stops);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 54);
	return 0;
}

static int __attribute__((noinline))
int3_body(void)
{
	__asm__ volatile(
	    "int3\n"
	    ".globl b3_first\nb3_first:\n"
	    "int3\n"
	    ".globl b3_second\nb3_second:\n"
	    "nop\n"
	    "int3\n"
	    ".globl b3_third\nb3_third:\n" ::: "memory");
	return 5;
}

/* Stepping an int3: one SIGTRAP (the breakpoint's), and no step trap after. */
PT_CASE(step_over_int3)
{
	uint32_t eip;
	pid_t pid = pt_traced(int3_body);

	PT_TO_INT3(pid);
	PT_OK(PT_STEP, pid, 1, 0);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK((eip = pt_eip(pid)) == (uint32_t)b3_second,
	    "stop at %#x, expected %p", eip, b3_second);
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK((eip = pt_eip(pid)) == (uint32_t)b3_third,
	    "stop at %#x: an extra trap", eip);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 5);
	return 0;
}

/* PT_SETSTEP: the next resume, whatever the request, steps; PT_CLEARSTEP undoes. */
PT_CASE(setstep_clearstep)
{
	pid_t pid = pt_traced(loop_body);
	struct reg r;

	PT_TO_INT3(pid);
	PT_OK(PT_SETSTEP, pid, 0, 0);
	PT_OK(PT_GETREGS, pid, &r, 0);
	KT_CHECK(r.r_eflags & PSL_T, "PT_SETSTEP set no TF");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK(pt_eip(pid) == (uint32_t)loop_begin + 5, "not one step: %#x",
	    pt_eip(pid));
	PT_OK(PT_SETSTEP, pid, 0, 0);
	PT_OK(PT_CLEARSTEP, pid, 0, 0);
	PT_OK(PT_GETREGS, pid, &r, 0);
	KT_CHECK(!(r.r_eflags & PSL_T), "PT_CLEARSTEP left TF");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK(pt_eip(pid) == (uint32_t)loop_end + 1, "stopped at %#x",
	    pt_eip(pid));
	PT_CONT(pid, 0);
	PT_EXITS(pid, 3);
	return 0;
}

/* FreeBSD's ptrace__step_siginfo: a step from the first stop is TRAP_TRACE. */
PT_CASE(step_siginfo)
{
	struct ptrace_lwpinfo pl;
	pid_t pid = pt_traced(loop_body);

	KT_CHECK(pid > 0, "no tracee");
	PT_OK(PT_STEP, pid, 1, 0);
	PT_STOP(pid, SIGTRAP);
	PT_OK(PT_LWPINFO, pid, &pl, sizeof(pl));
	KT_CHECK((pl.pl_flags & PL_FLAG_SI) && pl.pl_siginfo.si_code == TRAP_TRACE,
	    "si_code %d", pl.pl_siginfo.si_code);
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	PT_OK(PT_LWPINFO, pid, &pl, sizeof(pl));
	KT_CHECK(pl.pl_siginfo.si_code == TRAP_BRKPT, "int3 si_code %d",
	    pl.pl_siginfo.si_code);
	PT_OK(PT_KILL, pid, 0, 0);
	PT_KILLED(pid, SIGKILL);
	return 0;
}

int
main(void)
{
	kt_suite("ptrace_step");
	kt_run("loop_of_k_instructions", loop_of_k_instructions);
	kt_run("step_over_int80", step_over_int80);
	kt_run("continue_after_int80_step", continue_after_int80_step);
	kt_run("step_over_sysenter", step_over_sysenter);
	kt_run("step_pushf_popf", step_pushf_popf);
	kt_run("program_tf_untraced", program_tf_untraced);
	kt_run("program_tf_survives_debugger_step",
	    program_tf_survives_debugger_step);
	kt_run("step_over_int3", step_over_int3);
	kt_run("setstep_clearstep", setstep_clearstep);
	kt_run("step_siginfo", step_siginfo);
	return kt_finish();
}
