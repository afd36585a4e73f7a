/*
 * proc_trap.c - CPU exceptions in user mode become signals: #DE and INTO
 * SIGFPE, #UD SIGILL, #GP (privileged instructions, I/O, a gate user mode
 * may not use, a kernel selector) SIGSEGV, #PF SIGSEGV with the faulting
 * address, int3 SIGTRAP, and a single-step trap (#DB after popf sets TF)
 * SIGTRAP. Each is checked twice: with the default action (the process is
 * killed by the signal) and with an SA_SIGINFO handler, which checks
 * si_signo, si_code and si_addr, then moves mc_eip past the instruction so
 * that the program carries on. Bochs runs it too: it models the single-step
 * and fault details the way a CPU does, where QEMU may differ.
 */
// RUN: bochs
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>
#include "lib/ktest.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define PSL_T		0x100

/* Set by each trigger just before its instruction: where it is, where to resume. */
static volatile uint32_t fault_eip, resume_eip;

/*
 * Runs setup, then insn between labels 1 (the instruction) and 2 (the one
 * after). The addresses are stored before insn runs, so the handler knows
 * them; storing changes no register or flag that setup prepared.
 */
#define TRIGGER(setup, insn, ...)					\
	__asm__ volatile(setup "\n\tmovl $1f, %0\n\tmovl $2f, %1\n"	\
	    "1:\t" insn "\n2:\n"					\
	    : "=m"(fault_eip), "=m"(resume_eip) : : "memory", "cc",	\
	    ##__VA_ARGS__)

static void t_divide(void) { TRIGGER("movl $1, %%eax; xorl %%edx, %%edx; xorl %%ecx, %%ecx", "divl %%ecx", "eax", "ecx", "edx"); }
static void t_idiv_overflow(void) { TRIGGER("movl $0x80000000, %%eax; cltd; movl $-1, %%ecx", "idivl %%ecx", "eax", "ecx", "edx"); }
static void t_ud2(void) { TRIGGER("", "ud2"); }
static void t_cli(void) { TRIGGER("", "cli"); }
static void t_hlt(void) { TRIGGER("", "hlt"); }
static void t_in(void) { TRIGGER("", "inb $0x60, %%al", "eax"); }
static void t_out(void) { TRIGGER("movw $0x80, %%dx; xorl %%eax, %%eax", "outb %%al, %%dx", "eax", "edx"); }
static void t_int0e(void) { TRIGGER("", "int $0x0e"); }
static void t_int_irq(void) { TRIGGER("", "int $0x20"); }
static void t_mov_cr0(void) { TRIGGER("", "movl %%cr0, %%eax", "eax"); }
static void t_kernel_selector(void) { TRIGGER("movw $0x10, %%ax", "movw %%ax, %%ds", "eax"); }
static void t_read_null(void) { TRIGGER("", "movl 0, %%eax", "eax"); }
static void t_read_kernel(void) { TRIGGER("", "movl 0xc0000000, %%eax", "eax"); }
static void t_read_top(void) { TRIGGER("", "movl 0xfffffff0, %%eax", "eax"); }
static void t_read_unmapped(void) { TRIGGER("", "movl 0x40000000, %%eax", "eax"); }
static void t_write_text(void) { TRIGGER("", "movl $0, t_ud2"); }
static void t_int3(void) { TRIGGER("", "int3"); }
static void t_int_3(void) { TRIGGER("", ".byte 0xcd, 0x03"); }
static void t_into(void) { TRIGGER("movl $0x7fffffff, %%eax; addl $1, %%eax", "into", "eax"); }
/* TF set by popf traps after the instruction that follows popf. */
static void t_popf_tf(void) { TRIGGER("pushfl; orl $0x100, (%%esp)", "popfl; nop"); }

enum addr_kind { AT_INSN, AT_NEXT, AT_DATA };

static const struct trapcase {
	const char	*name;
	void		(*trigger)(void);
	int		sig;
	int		code;		/* 0: not checked */
	enum addr_kind	kind;		/* what si_addr must be */
	uint32_t	data;		/* AT_DATA: the faulting address */
	int		resumes_after;	/* a trap: mc_eip is already past it */
} cases[] = {
	{ "divide_by_zero", t_divide, SIGFPE, FPE_INTDIV, AT_INSN, 0, 0 },
	{ "idiv_overflow", t_idiv_overflow, SIGFPE, FPE_INTDIV, AT_INSN, 0, 0 },
	{ "ud2", t_ud2, SIGILL, ILL_ILLOPC, AT_INSN, 0, 0 },
	{ "cli", t_cli, SIGSEGV, 0, AT_INSN, 0, 0 },
	{ "hlt", t_hlt, SIGSEGV, 0, AT_INSN, 0, 0 },
	{ "in", t_in, SIGSEGV, 0, AT_INSN, 0, 0 },
	{ "out", t_out, SIGSEGV, 0, AT_INSN, 0, 0 },
	{ "int_0x0e", t_int0e, SIGSEGV, 0, AT_INSN, 0, 0 },
	{ "int_irq_vector", t_int_irq, SIGSEGV, 0, AT_INSN, 0, 0 },
	{ "mov_from_cr0", t_mov_cr0, SIGSEGV, 0, AT_INSN, 0, 0 },
	{ "kernel_selector", t_kernel_selector, SIGSEGV, 0, AT_INSN, 0, 0 },
	{ "read_null", t_read_null, SIGSEGV, SEGV_MAPERR, AT_DATA, 0, 0 },
	{ "read_kernel", t_read_kernel, SIGSEGV, 0, AT_DATA, 0xc0000000, 0 },
	{ "read_top", t_read_top, SIGSEGV, 0, AT_DATA, 0xfffffff0, 0 },
	{ "read_unmapped", t_read_unmapped, SIGSEGV, SEGV_MAPERR, AT_DATA,
	    0x40000000, 0 },
	{ "write_text", t_write_text, SIGSEGV, SEGV_ACCERR, AT_DATA,
	    (uint32_t)t_ud2, 0 },
	{ "int3", t_int3, SIGTRAP, TRAP_BRKPT, AT_NEXT, 0, 1 },
	{ "int_3", t_int_3, SIGTRAP, TRAP_BRKPT, AT_NEXT, 0, 1 },
	{ "into", t_into, SIGFPE, FPE_INTOVF, AT_NEXT, 0, 1 },
	{ "popf_tf", t_popf_tf, SIGTRAP, TRAP_TRACE, AT_NEXT, 0, 1 },
};

/* What the handler saw. */
static volatile int got_sig, got_signo, got_code, handled;
static volatile uint32_t got_addr, got_eip, got_eflags;

static void
handler(int sig, siginfo_t *si, void *ctx)
{
	mcontext_t *mc = &((ucontext_t *)ctx)->uc_mcontext;

	handled++;
	got_sig = sig;
	got_signo = si->si_signo;
	got_code = si->si_code;
	got_addr = (uint32_t)si->si_addr;
	got_eip = mc->mc_eip;
	got_eflags = mc->mc_eflags;
	mc->mc_eip = resume_eip;
	mc->mc_eflags &= ~PSL_T;
	if (handled > 1)
		_exit(70);		/* the fault repeats: give up */
}

static int
check_default(const struct trapcase *tc)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		tc->trigger();
		_exit(0);
	}
	KT_CHECK(pid > 0, "fork");
	KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
	KT_CHECK(WIFSIGNALED(status) && WTERMSIG(status) == tc->sig,
	    "%s, default action: status %#x, expected death by signal %d",
	    tc->name, status, tc->sig);
	return 0;
}

static int
check_handler(const struct trapcase *tc)
{
	struct sigaction sa;
	uint32_t want;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO;
	KT_CHECK(sigaction(tc->sig, &sa, NULL) == 0, "sigaction");
	handled = 0;
	tc->trigger();
	KT_CHECK(handled == 1, "%s: handler ran %d times", tc->name, handled);
	KT_CHECK(got_sig == tc->sig && got_signo == tc->sig,
	    "%s: signal %d (si_signo %d), expected %d", tc->name, got_sig,
	    got_signo, tc->sig);
	KT_CHECK(tc->code == 0 || got_code == tc->code,
	    "%s: si_code %d, expected %d", tc->name, got_code, tc->code);
	want = tc->kind == AT_DATA ? tc->data :
	    tc->kind == AT_NEXT ? resume_eip : fault_eip;
	KT_CHECK(got_addr == want, "%s: si_addr %#x, expected %#x", tc->name,
	    got_addr, want);
	want = tc->resumes_after ? resume_eip : fault_eip;
	KT_CHECK(got_eip == want, "%s: mc_eip %#x, expected %#x", tc->name,
	    got_eip, want);
	sa.sa_handler = SIG_DFL;
	sa.sa_flags = 0;
	sigaction(tc->sig, &sa, NULL);
	return 0;
}

static int
test_default_actions(void)
{
	unsigned i;

	for (i = 0; i < NELEM(cases); i++)
		if (check_default(&cases[i]) != 0)
			return 1;
	return 0;
}

static int
test_handlers(void)
{
	unsigned i;

	for (i = 0; i < NELEM(cases); i++)
		if (check_handler(&cases[i]) != 0)
			return 1;
	return 0;
}

static const struct trapcase *
find_case(const char *name)
{
	unsigned i;

	for (i = 0; i < NELEM(cases); i++)
		if (strcmp(cases[i].name, name) == 0)
			return &cases[i];
	return NULL;
}

/*
 * A kernel address faults like any other bad address: SIGSEGV with that
 * address (whether as "not mapped" or "no access" is the kernel's choice).
 */
static int
test_kernel_address_codes(void)
{
	static const char *const names[] = { "read_kernel", "read_top" };
	unsigned i;

	for (i = 0; i < NELEM(names); i++) {
		const struct trapcase *tc = find_case(names[i]);

		if (check_handler(tc) != 0)
			return 1;
		KT_CHECK(got_code == SEGV_MAPERR || got_code == SEGV_ACCERR,
		    "%s: si_code %d", tc->name, got_code);
	}
	return 0;
}

/* The popf case really left TF set in the interrupted context. */
static int
test_tf_in_context(void)
{
	KT_CHECK(check_handler(find_case("popf_tf")) == 0, "popf case");
	KT_CHECK(got_eflags & PSL_T, "mc_eflags %#x lacks TF", got_eflags);
	return 0;
}

/* A fault whose signal is blocked or ignored kills rather than loops. */
static int
test_blocked_or_ignored_fault(void)
{
	int status, how;

	for (how = 0; how < 2; how++) {
		pid_t pid = fork();

		if (pid == 0) {
			sigset_t set;

			if (how == 0) {
				sigemptyset(&set);
				sigaddset(&set, SIGILL);
				sigprocmask(SIG_BLOCK, &set, NULL);
			} else {
				signal(SIGILL, SIG_IGN);
			}
			t_ud2();
			_exit(0);
		}
		KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
		KT_CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGILL,
		    "ud2 with SIGILL %s: status %#x", how ? "ignored" :
		    "blocked", status);
	}
	return 0;
}

/* The fault is delivered before anything after the instruction runs. */
static int
test_fault_is_precise(void)
{
	volatile int after = 0;
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGSEGV, &sa, NULL);
	handled = 0;
	t_read_null();
	after = handled;
	KT_CHECK(after == 1, "handler count %d after the faulting read", after);
	return 0;
}

int
main(void)
{
	kt_suite("proc_trap");
	kt_run("default_actions", test_default_actions);
	kt_run("handlers_siginfo", test_handlers);
	kt_run("kernel_address_codes", test_kernel_address_codes);
	kt_run("tf_in_context", test_tf_in_context);
	kt_run("blocked_or_ignored_fault", test_blocked_or_ignored_fault);
	kt_run("fault_is_precise", test_fault_is_precise);
	return kt_finish();
}
