/*
 * hazards_d2.c - a step into a signal handler, and a SIGTRAP handler under
 * the program's own TF. A handler run in the middle of a step must not
 * inherit the debugger's TF: its saved context would show a TF the program
 * never set, and a SIGTRAP handler would re-enter itself forever (Linux's
 * handle_signal, FreeBSD's sendsig). Kestrel runs the handler unstepped,
 * with TF clear in its own flags and in its ucontext, and resumes the step
 * when sigreturn puts the interrupted context back: the next stop is one
 * instruction further (docs/ptrace.md, "Signal handlers"). An untraced
 * program with its own TF gets one SIGTRAP per instruction and its
 * handler runs with TF clear.
 */
#include "hazards_regs.h"

void	d2_site(void), d2_next(void);

__asm__(".text\n"
	".globl d2_site, d2_next\n"
	"d2_site:\n"
	"	nop\n"
	"d2_next:\n"
	"	ret\n");

static volatile int alarms;
static volatile uint32_t seen_uc_flags, seen_own_flags;

static void
on_alrm(int sig, siginfo_t *si, void *ctx)
{
	uint32_t ef;

	(void)sig, (void)si;
	__asm__ volatile("pushfl; popl %0" : "=r"(ef));
	seen_own_flags |= ef;
	seen_uc_flags |= ((ucontext_t *)ctx)->uc_mcontext.mc_eflags;
	alarms++;
}

static int
alrm_body(void)
{
	hz_handler(SIGALRM, on_alrm);
	d2_site();
	if (alarms != 1)
		return 2;
	return (seen_own_flags | seen_uc_flags) & PSL_T ? 3 : 0;
}

/*
 * At d2_site, SIGALRM is posted; PT_STEP reports it; PT_STEP with it runs
 * the handler (no stop inside), then the nop: the stop is at d2_next.
 */
HZ_CASE(test_step_into_handler)
{
	struct reg r;
	pid_t pid = pt_traced(alrm_body);

	KT_CHECK(pid > 0 && hz_run_to(pid, d2_site) == 0, "not at the site");
	KT_CHECK(kill(pid, SIGALRM) == 0, "kill: errno %d", errno);
	PT_OK(PT_STEP, pid, 1, 0);
	PT_STOP(pid, SIGALRM);
	KT_CHECK(pt_getregs(pid, &r) == 0 && r.r_eip == (uint32_t)d2_site,
	    "SIGALRM stop at %#x", r.r_eip);
	PT_OK(PT_STEP, pid, 1, SIGALRM);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK(pt_getregs(pid, &r) == 0 && r.r_eip == (uint32_t)d2_next,
	    "step ended at %#x", r.r_eip);
	KT_CHECK(hz_dr6(pid) == HZ_DR6_BS, "dr6 %#x", hz_dr6(pid));
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

/* The same SIGALRM delivered with PT_CONTINUE after a step: no TF anywhere. */
HZ_CASE(test_continue_after_step)
{
	pid_t pid = pt_traced(alrm_body);

	KT_CHECK(pid > 0 && hz_run_to(pid, d2_site) == 0, "not at the site");
	PT_OK(PT_STEP, pid, 1, 0);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK(kill(pid, SIGALRM) == 0, "kill: errno %d", errno);
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGALRM);
	PT_CONT(pid, SIGALRM);
	PT_EXITS(pid, 0);
	return 0;
}

/* Untraced, the program's own TF: five traps, none with TF in the handler. */
HZ_CASE(test_own_tf_untraced)
{
	pid_t pid = hz_child(hz_own_tf);

	PT_EXITS(pid, 0);
	return 0;
}

int
main(void)
{
	kt_suite("hazards_d2");
	kt_run("step_into_handler", test_step_into_handler);
	kt_run("continue_after_step", test_continue_after_step);
	kt_run("own_tf_untraced", test_own_tf_untraced);
	return kt_finish();
}
