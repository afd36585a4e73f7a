/*
 * hazards_d1.c - PT_STEP and the trap flag's owner. PT_STEP sets TF in
 * the tracee's saved EFLAGS; that TF must not leak: into the program's
 * view (a stepped pushf), into a later PT_CONTINUE, or over the program's
 * own TF (Linux's TIF_FORCED_TF, FreeBSD's TDB_STEP). So: a step over
 * pushf leaves the program to compute what it would unstepped (Kestrel
 * hides the debugger's TF in the pushed word) and PT_CONTINUE then runs
 * without a trap; a program that sets TF itself under a tracer that only
 * continues gets exactly its own traps; a step over int $0x80 stops once,
 * after it, with the result in EAX; over int3, one SIGTRAP; over int $0x0e
 * (a DPL-0 gate), a SIGSEGV stop at it; and thousands of steps through a
 * loop of system calls end in the state of an unstepped run. The doc's
 * sysenter variants are in hazards_a2.c and ptrace_step.c.
 */
#include <sys/syscall.h>
#include "hazards_regs.h"

uint32_t d1_flags;
void	d1_pushf(void), d1_int80(void), d1_int80_at(void), d1_int3(void);
void	d1_int0e(void);
void	d1_after_int80(void), d1_after_int3(void);
int	d1_loop(int n);

__asm__(".text\n"
	".globl d1_pushf\nd1_pushf:\n"
	"	pushfl\n"
	"	popl d1_flags\n"
	"	ret\n"
	".globl d1_int80, d1_int80_at, d1_after_int80\nd1_int80:\n"
	"	movl $20, %eax\n"		/* SYS_getpid */
	"d1_int80_at:\n"
	"	int $0x80\n"
	"d1_after_int80:\n"
	"	ret\n"
	".globl d1_int3, d1_after_int3\nd1_int3:\n"
	"	int3\n"
	"d1_after_int3:\n"
	"	ret\n"
	".globl d1_int0e\nd1_int0e:\n"
	"	int $0x0e\n"
	"	ret\n"
	".globl d1_loop\nd1_loop:\n"		/* acc = acc*31 + getuid() + i */
	"	pushl %ebx\n"
	"	movl 8(%esp), %ecx\n"
	"	xorl %ebx, %ebx\n"
	"1:	movl $24, %eax\n"		/* SYS_getuid */
	"	pushl %ecx\n"
	"	int $0x80\n"
	"	popl %ecx\n"
	"	imull $31, %ebx\n"
	"	addl %eax, %ebx\n"
	"	addl %ecx, %ebx\n"
	"	decl %ecx\n"
	"	jnz 1b\n"
	"	movl %ebx, %eax\n"
	"	popl %ebx\n"
	"	ret\n");

static int
pushf_body(void)
{
	d1_pushf();
	return d1_flags & PSL_T ? 2 : 0;
}

/* Step over pushf: the program sees no TF, and continuing runs free. */
HZ_CASE(test_step_pushf)
{
	pid_t pid = pt_traced(pushf_body);

	KT_CHECK(pid > 0 && hz_run_to(pid, d1_pushf) == 0, "not at pushf");
	PT_OK(PT_STEP, pid, 1, 0);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK(hz_dr6(pid) == HZ_DR6_BS, "dr6 %#x", hz_dr6(pid));
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

/* The program's own TF under a tracer that passes SIGTRAP on: 5 traps. */
HZ_CASE(test_program_tf_traced)
{
	struct hz_stop s[8];
	pid_t pid = pt_traced(hz_own_tf);
	int st, n;

	KT_CHECK(pid > 0, "no tracee");
	st = hz_collect(pid, s, 8, &n, HZ_SIGBIT(SIGTRAP));
	KT_CHECK(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	    "tracee: %s (10 + the handler's count)", pt_str(st));
	KT_CHECK(n == 5, "%d stops", n);
	return 0;
}

static int int80_body(void) { d1_int80(); return 0; }
static int int3_body(void) { d1_int3(); return 0; }
static int int0e_body(void) { d1_int0e(); return 0; }

/* One PT_STEP from the start of fn: one stop of sig at stop_eip (0: fn). */
static int
step_over(int (*body)(void), void (*fn)(void), int sig, uint32_t stop_eip)
{
	struct reg r;
	pid_t pid = pt_traced(body);

	KT_CHECK(pid > 0 && hz_run_to(pid, fn) == 0, "not at %p", (void *)fn);
	PT_OK(PT_STEP, pid, 1, 0);
	PT_STOP(pid, sig);
	KT_CHECK(pt_getregs(pid, &r) == 0, "GETREGS: errno %d", errno);
	KT_CHECK(r.r_eip == (stop_eip ? stop_eip : (uint32_t)fn),
	    "stop at %#x", r.r_eip);
	if (fn == d1_int80_at)
		KT_CHECK(r.r_eax == (uint32_t)pid, "eax %#x", r.r_eax);
	if (sig == SIGSEGV) {
		r.r_eip += 2;
		PT_OK(PT_SETREGS, pid, &r, 0);
	}
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

HZ_CASE(test_step_int80)
{
	return step_over(int80_body, d1_int80_at, SIGTRAP,
	    (uint32_t)d1_after_int80);
}

HZ_CASE(test_step_int3)
{
	return step_over(int3_body, d1_int3, SIGTRAP, (uint32_t)d1_after_int3);
}

HZ_CASE(test_step_int0e)
{
	return step_over(int0e_body, d1_int0e, SIGSEGV, 0);
}

#define LOOPS	5000

static int loop_body(void) { return d1_loop(LOOPS) & 0xff; }

/* Nine steps a round through 5000 system calls: the unstepped result. */
HZ_CASE(test_step_loop)
{
	pid_t pid = pt_traced(loop_body);
	int st, steps = 0;

	KT_CHECK(pid > 0 && hz_run_to(pid, (void (*)(void))d1_loop) == 0,
	    "not at the loop");
	for (;;) {
		PT_OK(PT_STEP, pid, 1, 0);
		st = pt_wait(pid);
		if (st == -1 || !WIFSTOPPED(st))
			break;
		KT_CHECK(WSTOPSIG(st) == SIGTRAP, "stop %s", pt_str(st));
		steps++;
	}
	KT_CHECK(st != -1 && WIFEXITED(st) &&
	    WEXITSTATUS(st) == (d1_loop(LOOPS) & 0xff), "%s after %d steps, "
	    "unstepped %d", pt_str(st), steps, d1_loop(LOOPS) & 0xff);
	KT_CHECK(steps > 9 * LOOPS, "only %d steps", steps);
	return 0;
}

int
main(void)
{
	kt_suite("hazards_d1");
	kt_run("step_pushf", test_step_pushf);
	kt_run("program_tf_traced", test_program_tf_traced);
	kt_run("step_int80", test_step_int80);
	kt_run("step_int3", test_step_int3);
	kt_run("step_int0e", test_step_int0e);
	kt_run("step_loop", test_step_loop);
	return kt_finish();
}
