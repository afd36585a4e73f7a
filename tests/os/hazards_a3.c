// RUN: bochs
// RUN: qemu sysenter=0
/*
 * hazards_a3.c - returning to user mode with state the user chose. The
 * last instructions of the way out (pop %gs .. pop %ds, iret) load
 * selectors and flags from the frame; if a bad one got there, they fault
 * in ring 0 (CVE-2014-9322 and relatives). Kestrel refuses such selectors
 * when they are written (EINVAL from PT_SETREGS and sigreturn, registers
 * unchanged, the process still in ring 3 with IOPL 0): an LDT selector
 * (Kestrel has no LDT), one past the GDT, a code segment as the stack. An ESP the user may choose (0) is accepted
 * and the first push faults in ring 3: SIGSEGV at the push, as a user
 * fault. Each value is tried through PT_SETREGS, through sigreturn called
 * directly, and by a handler returning into it (the process dies of
 * SIGSEGV, the trampoline's answer to a refused context).
 *
 * NT: a program may set EFLAGS.NT itself (popf). An iret with NT set in
 * ring 0 would be a task return (#TS), but the interrupt gates clear NT on
 * entry (Xsysenter clears it itself), so Kestrel keeps the
 * program's NT (Linux's policy) across system calls by int $0x80 and by
 * SYSENTER, the clock interrupt, signal delivery, and a sysenter that
 * faults (sysenter=0, the second run).
 * Bochs runs the suite too: its checks on iret are the CPU's own. Not
 * expressible: EIP beyond the CS limit (Kestrel's segments are flat) and
 * an LDT entry deleted by a sibling thread (no LDT, no threads).
 */
#include <sys/syscall.h>
#include "hazards_regs.h"

void	a3_push(void);
int	nt_call(int nr, int flags);
uint32_t nt_flags;
void	nt_sysenter(void);
void	nt_sysenter_insn(void);
int	nt_sysenter_stub(int nr);

__asm__(".text\n"
	".globl a3_push\na3_push:\n"
	"	pushl $0\n"
	"	hlt\n"
	".globl nt_call\nnt_call:\n"		/* eax = nr; flags |= 2nd arg */
	"	movl 4(%esp), %eax\n"
	"	movl 8(%esp), %ecx\n"
	"	pushfl\n"
	"	orl %ecx, (%esp)\n"
	"	popfl\n"
	"	int $0x80\n"
	"	pushfl\n"
	"	popl nt_flags\n"
	"	pushfl\n"
	"	andl $~0x4100, (%esp)\n"
	"	popfl\n"
	"	ret\n"
	".globl nt_sysenter, nt_sysenter_insn\nnt_sysenter:\n"
	"	pushl %ebp\n"
	"	xorl %ebp, %ebp\n"
	"	pushfl\n"
	"	orl $0x4000, (%esp)\n"
	"	popfl\n"
	"nt_sysenter_insn:\n"
	"	sysenter\n"
	"	pushfl\n"
	"	popl nt_flags\n"
	"	pushfl\n"
	"	andl $~0x4000, (%esp)\n"
	"	popfl\n"
	"	popl %ebp\n"
	"	ret\n"
	".globl nt_sysenter_stub\nnt_sysenter_stub:\n"
	"	movl 4(%esp), %eax\n"
	"	pushfl\n"
	"	orl $0x4000, (%esp)\n"
	"	popfl\n"
	HZ_SYSENTER_PUSH
	"	sysenter\n"
	"1:	pushfl\n"
	"	popl nt_flags\n"
	"	pushfl\n"
	"	andl $~0x4000, (%esp)\n"
	"	popfl\n"
	"	ret\n");

static const struct hz_bad bads[] = {
	HZ_BAD("ss_ldt", r_ss, mc_ss, 0x000f),
	HZ_BAD("ds_ldt", r_ds, mc_ds, 0x000f),
	HZ_BAD("gs_ldt", r_gs, mc_gs, 0x000f),
	HZ_BAD("ds_past_gdt", r_ds, mc_ds, 0xfffb),
	HZ_BAD("ss_code", r_ss, mc_ss, 0x001b),
};

HZ_CASE(test_setregs) { return hz_bad_setregs(); }
HZ_CASE(test_sigreturn) { return hz_bad_sigreturn(); }

/* ESP 0 and EIP at a push: accepted; the push faults in ring 3. */
HZ_CASE(test_esp0_setregs)
{
	struct reg r;
	siginfo_t si;
	pid_t pid = pt_traced(hz_exit0);

	KT_CHECK(pid > 0, "no tracee");
	KT_CHECK(pt_getregs(pid, &r) == 0, "GETREGS: errno %d", errno);
	r.r_esp = 0;
	r.r_eip = (uint32_t)a3_push;
	PT_OK(PT_SETREGS, pid, &r, 0);
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGSEGV);
	KT_CHECK(pt_getregs(pid, &r) == 0 && r.r_eip == (uint32_t)a3_push &&
	    r.r_cs == HZ_UCODE && r.r_esp == 0, "fault at %#x cs %#x esp %#x",
	    r.r_eip, r.r_cs, r.r_esp);
	KT_CHECK(hz_siginfo(pid, &si) == 0 && si.si_code == SEGV_MAPERR &&
	    (uint32_t)si.si_addr == 0xfffffffcu, "si_code %d si_addr %p",
	    si.si_code, si.si_addr);
	PT_CONT(pid, SIGSEGV);
	PT_KILLED(pid, SIGSEGV);
	return 0;
}

static int
esp0_body(void)
{
	hz_handler(SIGUSR1, hz_save_context);
	raise(SIGUSR1);
	hz_saved.uc_mcontext.mc_esp = 0;
	hz_saved.uc_mcontext.mc_eip = (int)a3_push;
	sigreturn(&hz_saved);
	return 6;
}

HZ_CASE(test_esp0_sigreturn)
{
	pid_t pid = hz_child(esp0_body);

	PT_KILLED(pid, SIGSEGV);
	return 0;
}

/* NT set by the program survives int $0x80 (with and without TF). */
static volatile int traps;

static void
on_trap(int sig)
{
	(void)sig;
	traps++;
}

static int
nt_body(int flags, int want_traps)
{
	signal(SIGTRAP, on_trap);
	if (nt_call(SYS_getpid, flags) != getpid())
		return 2;
	if ((nt_flags & flags) != (uint32_t)flags)
		return 3;
	if (traps != want_traps)
		return 10 + traps;
	return 0;
}

/* TF too: traps after int, pushf, popl, pushf, andl, popf. */
static int nt_only(void) { return nt_body(PSL_NT, 0); }
static int nt_tf(void) { return nt_body(PSL_NT | PSL_T, 6); }

HZ_CASE(test_nt_int80)
{
	pid_t pid = hz_child(nt_only);

	PT_EXITS(pid, 0);
	return 0;
}

HZ_CASE(test_nt_tf_int80)
{
	pid_t pid = hz_child(nt_tf);

	PT_EXITS(pid, 0);
	return 0;
}

/* NT across clock interrupts taken in user mode, and a signal handler. */
static volatile int usr1;

static void
on_usr1(int sig)
{
	(void)sig;
	usr1++;
}

static int
nt_spin(void)
{
	volatile uint32_t i;
	uint32_t ef;
	int t0;

	signal(SIGUSR1, on_usr1);
	t0 = kinfo(KINFO_TICKS);
	__asm__ volatile("pushfl; orl $0x4000, (%%esp); popfl" ::: "cc");
	while (kinfo(KINFO_TICKS) < t0 + 3)
		for (i = 0; i < 10000; i++)
			;
	kill(getpid(), SIGUSR1);
	__asm__ volatile("pushfl; popl %0" : "=r"(ef));
	__asm__ volatile("pushfl; andl $~0x4000, (%%esp); popfl" ::: "cc");
	if (usr1 != 1)
		return 2;
	return ef & PSL_NT ? 0 : 3;
}

HZ_CASE(test_nt_clock_and_signal)
{
	pid_t pid = hz_child(nt_spin);

	PT_EXITS(pid, 0);
	return 0;
}

static volatile uint32_t segv_flags;

static void
skip_sysenter(int sig, siginfo_t *si, void *ctx)
{
	mcontext_t *mc = &((ucontext_t *)ctx)->uc_mcontext;

	(void)sig, (void)si;
	segv_flags = mc->mc_eflags;
	if (mc->mc_eip == (int)nt_sysenter_insn)
		mc->mc_eip += 2;
}

/* SYSENTER with NT set: the call's value, NT kept (the iret way out). */
static int
nt_stub_body(void)
{
	if (nt_sysenter_stub(SYS_getpid) != getpid())
		return 4;
	return nt_flags & PSL_NT ? 0 : 5;
}

static int
nt_sysenter_body(void)
{
	if (kinfo(KINFO_SYSENTER))
		return nt_stub_body();
	hz_handler(SIGSEGV, skip_sysenter);
	nt_sysenter();
	if (!(segv_flags & PSL_NT))
		return 2;
	return nt_flags & PSL_NT ? 0 : 3;
}

HZ_CASE(test_nt_sysenter)
{
	pid_t pid = hz_child(nt_sysenter_body);

	PT_EXITS(pid, 0);
	return 0;
}

int
main(void)
{
	kt_suite("hazards_a3");
	hz_run_bads(bads, HZ_NELEM(bads), test_setregs, test_sigreturn);
	kt_run("esp0_setregs", test_esp0_setregs);
	kt_run("esp0_sigreturn", test_esp0_sigreturn);
	kt_run("nt_int80", test_nt_int80);
	kt_run("nt_tf_int80", test_nt_tf_int80);
	kt_run("nt_clock_and_signal", test_nt_clock_and_signal);
	kt_run("nt_sysenter", test_nt_sysenter);
	return kt_finish();
}
