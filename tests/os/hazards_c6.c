// RUN: bochs
/*
 * hazards_c6.c - execution breakpoints and RF. An execution breakpoint is a
 * fault: the #DB comes before the instruction runs, and only EFLAGS.RF in
 * the iret frame lets it run once instead of trapping forever (Linux's
 * hw_breakpoint_handler; FreeBSD psl.h on RF). Kestrel sets RF itself when
 * it resumes from a breakpoint and clears it for a signal handler. So: a
 * breakpoint in a 10-round loop stops exactly 10 times; one on a handler's
 * first instruction at every delivery; one right after int $0x80 once per
 * call; a step onto a breakpoint gives two ordered stops (step, then the
 * breakpoint); and RF written by the tracer where there is no breakpoint
 * is accepted and costs no later stop.
 *
 * Bochs runs the suite too: QEMU leaves RF clear in every other fault
 * frame, Bochs sets it, so a kernel relying on the saved value would
 * behave differently on the two.
 */
#include <sys/syscall.h>
#include "hazards_lib.h"

void	c6_loop(void), c6_x(void), c6_sys(void), c6_after_int(void);
void	c6_pair(void), c6_s0(void), c6_s1(void);

__asm__(".text\n"
	".globl c6_loop, c6_x\n"
	"c6_loop:\n"
	"	movl $10, %ecx\n"
	"c6_x:	nop\n"
	"	decl %ecx\n"
	"	jnz c6_x\n"
	"	ret\n"
	".globl c6_sys, c6_after_int\n"
	"c6_sys:\n"
	"	movl $20, %eax\n"		/* SYS_getpid */
	"	int $0x80\n"
	"c6_after_int:\n"
	"	ret\n"
	".globl c6_pair, c6_s0, c6_s1\n"
	"c6_pair:\n"
	"c6_s0:	nop\n"
	"c6_s1:	nop\n"
	"	ret\n");

static int loop_body(void) { c6_loop(); return 0; }

static volatile int handled;

static void
on_usr1(int sig)
{
	(void)sig;
	handled++;
}

static int
handler_body(void)
{
	int i;

	signal(SIGUSR1, on_usr1);
	for (i = 0; i < 5; i++)
		raise(SIGUSR1);
	return handled == 5 ? 0 : 2;
}

static int
sys_body(void)
{
	int i;

	for (i = 0; i < 5; i++)
		c6_sys();
	return 0;
}

static int pair_body(void) { c6_pair(); return 0; }

/* Arm execution breakpoints at a0 (DR0) and, unless 0, a1 (DR1). */
static int
arm(pid_t pid, void (*a0)(void), void (*a1)(void))
{
	struct dbreg d;

	memset(&d, 0, sizeof(d));
	d.dr[0] = (uint32_t)a0;
	d.dr[1] = (uint32_t)a1;
	d.dr[7] = a1 ? 0x5 : 0x1;
	return ptrace(PT_SETDBREGS, pid, (caddr_t)&d, 0);
}

/* Run to the end: exactly n stops with signal sig at eip, the rest `other'. */
static int
count_stops(pid_t pid, int n, uint32_t eip, int other)
{
	struct hz_stop s[32];
	int st, k, i, hits = 0;

	st = hz_collect(pid, s, 32, &k, other ? HZ_SIGBIT(other) : 0);
	KT_CHECK(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	    "tracee: %s", pt_str(st));
	for (i = 0; i < k && i < 32; i++) {
		if (s[i].sig == other)
			continue;
		KT_CHECK(s[i].sig == SIGTRAP && s[i].eip == eip &&
		    s[i].dr6 == HZ_DR6_B(0), "stop %d: signal %d at %#x dr6 %#x",
		    i, s[i].sig, s[i].eip, s[i].dr6);
		hits++;
	}
	KT_CHECK(hits == n, "%d breakpoint stops, expected %d", hits, n);
	return 0;
}

HZ_CASE(test_loop_10)
{
	pid_t pid = pt_traced(loop_body);

	KT_CHECK(pid > 0 && arm(pid, c6_x, NULL) == 0, "arm: errno %d", errno);
	return count_stops(pid, 10, (uint32_t)c6_x, 0);
}

HZ_CASE(test_handler_entry)
{
	pid_t pid = pt_traced(handler_body);

	KT_CHECK(pid > 0 && arm(pid, (void (*)(void))on_usr1, NULL) == 0,
	    "arm: errno %d", errno);
	return count_stops(pid, 5, (uint32_t)on_usr1, SIGUSR1);
}

HZ_CASE(test_after_int80)
{
	pid_t pid = pt_traced(sys_body);

	KT_CHECK(pid > 0 && arm(pid, c6_after_int, NULL) == 0,
	    "arm: errno %d", errno);
	return count_stops(pid, 5, (uint32_t)c6_after_int, 0);
}

/* At c6_s0 (DR1), step onto c6_s1 (DR0): the step, then the breakpoint. */
HZ_CASE(test_step_onto_breakpoint)
{
	struct reg r;
	pid_t pid = pt_traced(pair_body);

	KT_CHECK(pid > 0 && arm(pid, c6_s1, c6_s0) == 0, "arm: errno %d",
	    errno);
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK(pt_getregs(pid, &r) == 0 && r.r_eip == (uint32_t)c6_s0 &&
	    hz_dr6(pid) == HZ_DR6_B(1), "at %#x dr6 %#x", r.r_eip, hz_dr6(pid));
	PT_OK(PT_STEP, pid, 1, 0);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK(pt_getregs(pid, &r) == 0 && r.r_eip == (uint32_t)c6_s1 &&
	    hz_dr6(pid) == HZ_DR6_BS, "step: at %#x dr6 %#x", r.r_eip,
	    hz_dr6(pid));
	return count_stops(pid, 1, (uint32_t)c6_s1, 0);
}

/* RF written at a stop with no breakpoint there: the loop still stops 10 times. */
HZ_CASE(test_rf_elsewhere)
{
	struct reg r;
	pid_t pid = pt_traced(loop_body);

	KT_CHECK(pid > 0 && pt_getregs(pid, &r) == 0, "GETREGS");
	r.r_eflags |= PSL_RF;
	PT_OK(PT_SETREGS, pid, &r, 0);
	KT_CHECK(arm(pid, c6_x, NULL) == 0, "arm: errno %d", errno);
	return count_stops(pid, 10, (uint32_t)c6_x, 0);
}

int
main(void)
{
	kt_suite("hazards_c6");
	kt_run("loop_10", test_loop_10);
	kt_run("handler_entry", test_handler_entry);
	kt_run("after_int80", test_after_int80);
	kt_run("step_onto_breakpoint", test_step_onto_breakpoint);
	kt_run("rf_elsewhere", test_rf_elsewhere);
	return kt_finish();
}
