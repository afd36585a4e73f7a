// RUN: bochs
// RUN: qemu sysenter=0
/*
 * hazards_a1.c - MOV SS / POP SS with a watched source, right before an
 * instruction that enters the kernel (CVE-2018-8897, FreeBSD-SA-18:06).
 *
 * `ssv' holds the user data selector and a read/write watchpoint covers it
 * (DR0, DR7 0x00070001: L0, RW=11, two bytes). MOV SS and POP SS hold back
 * the #DB of their own memory operand until the next instruction is done.
 * If that instruction is int $0x80, int3, icebp, into, int $0x0e or
 * sysenter, a real CPU delivers the #DB in ring 0 on the first instruction
 * of the kernel's entry stub, with the user's %ds still loaded. Each case is
 * one child running one such pair once; then the kernel keeps running, the
 * pair's own outcome is exact (getpid's value, ENOSYS, one SIGTRAP, SIGFPE
 * or SIGSEGV as from user mode), the watchpoint is reported at most once
 * with DR6 naming slot 0 alone, and an unrelated process (hz_alive) takes no
 * trap. The TF cases set the trap flag with popf instead of a watchpoint.
 *
 * Emulators (docs/debug-registers.md): neither models the ring-0 delivery.
 * QEMU delivers the held-back #DB in ring 3 before the next instruction, so
 * a case sees exactly one watchpoint stop there; Bochs loses it, so a case
 * sees none. Both are checked as such. What each still tests for real: the
 * pair's own trap taken right after a deferring instruction, DR6 kept per
 * process, and the kernel's entry paths with a watchpoint armed. QEMU
 * also has no ICEBP: 0xf1 is #UD there (SIGILL), #DB (SIGTRAP) on Bochs
 * and real CPUs; the case expects each emulator's own. The
 * ring-0 path itself (kernel/i386/dbreg.c, dbreg_trap_kernel) runs only in
 * the sysenter case under Bochs (below). Not expressible: the doc's LDT
 * variants (Kestrel has no set_ldt).
 * sysenter: where the kernel enters by SYSENTER, the pair is libc's entry
 * sequence with the mov ss right before its sysenter, and getpid's value
 * comes back; Bochs delivers this #DB in ring 0 on the first instruction
 * of Xsysenter, as the CPU does, so there the real path runs. With
 * sysenter=0 (the second run) SYSENTER_CS is 0, so it is #GP in ring 3
 * (ebp 0 as the doc says): SIGSEGV, never a kernel entry.
 */
#include <sys/syscall.h>
#include "hazards_lib.h"

uint16_t ssv __attribute__((aligned(4)));
/* The stack pop ss reads from: its top word, with room below for signal frames. */
#define POPSTACK	4096
uint32_t ssv_stack[POPSTACK] __attribute__((aligned(16)));
uint32_t saved_esp, saved_ebp;

/* Each takes the syscall number (used by the int $0x80 ones) and returns eax. */
int	movss_int80(int), popss_int80(int), movss_int3(int), popss_int3(int);
int	movss_icebp(int), popss_icebp(int), movss_into(int), popss_into(int);
int	movss_int0e(int), popss_int0e(int), movss_sysenter(int);
int	popss_sysenter(int), tf_movss_int80(int), tf_popss_int80(int);
int	movss_sysenter_stub(int), popss_sysenter_stub(int);

#define PAIR(name, pre, post, insn)					\
	".globl movss_" name "\nmovss_" name ":\n"			\
	"	movl 4(%esp), %eax\n" pre				\
	"	movw ssv, %ss\n" insn "\n" post "	ret\n"		\
	".globl popss_" name "\npopss_" name ":\n"			\
	"	movl 4(%esp), %eax\n" pre				\
	"	movl %esp, saved_esp\n"					\
	"	movl $ssv_stack+16380, %esp\n"				\
	"	popl %ss\n" insn "\n"					\
	"	movl saved_esp, %esp\n" post "	ret\n"

#define OVERFLOW	"	movb $0x7f, %al\n	addb $1, %al\n"
#define EBP0		"	movl %ebp, saved_ebp\n	xorl %ebp, %ebp\n"
#define EBP_BACK	"	movl saved_ebp, %ebp\n"
#define TF_ON		"	pushfl\n	orl $0x100, (%esp)\n	popfl\n"
#define TF_OFF		"	pushfl\n	andl $~0x100, (%esp)\n	popfl\n"

__asm__(".text\n"
	PAIR("int80", "", "", "	int $0x80")
	PAIR("int3", "", "", "	int3")
	PAIR("icebp", "", "", "	.byte 0xf1")
	PAIR("into", OVERFLOW, "", "	into")
	PAIR("int0e", "", "", "	int $0x0e")
	PAIR("sysenter", EBP0, EBP_BACK, "	sysenter")
	".globl movss_sysenter_stub\nmovss_sysenter_stub:\n"
	"	movl 4(%esp), %eax\n" HZ_SYSENTER_PUSH
	"	movw ssv, %ss\n	sysenter\n1:	ret\n"
	".globl popss_sysenter_stub\npopss_sysenter_stub:\n"
	"	movl 4(%esp), %eax\n" HZ_SYSENTER_PUSH
	"	movl $ssv_stack+16380, %esp\n	popl %ss\n	sysenter\n1:	ret\n"
	".globl tf_movss_int80\ntf_movss_int80:\n"
	"	movl 4(%esp), %eax\n" TF_ON
	"	movw ssv, %ss\n	int $0x80\n" TF_OFF "	ret\n"
	".globl tf_popss_int80\ntf_popss_int80:\n"
	"	movl 4(%esp), %eax\n" TF_ON
	"	movl %esp, saved_esp\n	movl $ssv_stack+16380, %esp\n"
	"	popl %ss\n	int $0x80\n"
	"	movl saved_esp, %esp\n" TF_OFF "	ret\n");

/* One pair: the instruction after the held-back #DB, and its own outcome. */
struct pair {
	int	(*fn)(int);
	int	nr;		/* eax going in */
	int	expect;		/* eax coming back, 0: not checked, -1: getpid */
	int	own_sig;	/* the stop the instruction itself causes, or 0 */
	int	skip;		/* bytes the tracer skips at that stop (a fault) */
	int	ud_on_qemu;	/* QEMU decodes it as #UD (SIGILL, skip 1) */
	int	db_on_bochs;	/* Bochs keeps the #DB (SYSENTER) */
};

static const struct pair *pair;

static void
load_selector(void)
{
	uint32_t ss;

	__asm__ volatile("movl %%ss, %0" : "=r"(ss));
	ssv = ss;
	ssv_stack[POPSTACK - 1] = ss;
}

static int
pair_body(void)
{
	int r = pair->fn(pair->nr);

	if (pair->expect == -1 && r != getpid())
		return 2;
	if (pair->expect != 0 && pair->expect != -1 && r != pair->expect)
		return 2;
	return 0;
}

static int
run_pair(const struct pair *p, int popss)
{
	struct dbreg d;
	struct reg r;
	int st, wp = 0, own = 0, n = 0, own_sig = p->own_sig, skip = p->skip;
	pid_t pid;

	if (p->ud_on_qemu && !kt_is_bochs()) {
		own_sig = SIGILL;	/* QEMU: icebp is #UD, a fault */
		skip = 1;
	}
	pair = p;
	load_selector();
	KT_CHECK((pid = pt_traced(pair_body)) > 0, "no tracee");
	memset(&d, 0, sizeof(d));
	d.dr[0] = popss ? (uint32_t)&ssv_stack[POPSTACK - 1] : (uint32_t)&ssv;
	d.dr[7] = 0x00070001;
	PT_OK(PT_SETDBREGS, pid, &d, 0);
	for (;;) {
		PT_CONT(pid, 0);
		st = pt_wait(pid);
		if (st == -1 || !WIFSTOPPED(st))
			break;
		KT_CHECK(++n < 10, "a storm of stops");
		KT_CHECK(pt_getregs(pid, &r) == 0, "GETREGS: errno %d", errno);
		KT_CHECK(r.r_cs == HZ_UCODE, "stop in cs %#x", r.r_cs);
		if (WSTOPSIG(st) == SIGTRAP && hz_dr6(pid) == HZ_DR6_B(0)) {
			wp++;
		} else {
			KT_CHECK(WSTOPSIG(st) == own_sig && own++ == 0,
			    "stop %s at %#x (dr6 %#x)", pt_str(st), r.r_eip,
			    hz_dr6(pid));
			KT_CHECK(hz_dr6(pid) == 0, "dr6 %#x at the pair's own stop",
			    hz_dr6(pid));
			r.r_eip += skip;
			PT_OK(PT_SETREGS, pid, &r, 0);
		}
		KT_CHECK(hz_clear_dr6(pid) == 0, "clear dr6: errno %d", errno);
	}
	KT_CHECK(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	    "tracee: %s (2: the system call's value was wrong)", pt_str(st));
	KT_CHECK(own == (own_sig != 0), "%d stops of its own", own);
	/*
	 * QEMU: the #DB arrives in ring 3 after the mov. Bochs loses it before
	 * an int, but before SYSENTER delivers it as a real CPU does, in ring
	 * 0 on Xsysenter's first instruction, and the kernel reports it on
	 * the way out.
	 */
	KT_CHECK(wp == (kt_is_bochs() && !p->db_on_bochs ? 0 : 1),
	    "%d watchpoint stops", wp);
	return 0;
}

static const struct pair p_getpid = { .fn = movss_int80, .nr = SYS_getpid,
    .expect = -1 };
static const struct pair p_badnr = { .fn = movss_int80, .nr = 9999,
    .expect = -ENOSYS };
static const struct pair p_int3 = { .fn = movss_int3, .own_sig = SIGTRAP };
static const struct pair p_icebp = { .fn = movss_icebp, .own_sig = SIGTRAP,
    .ud_on_qemu = 1 };
static const struct pair p_into = { .fn = movss_into, .own_sig = SIGFPE };
static const struct pair p_int0e = { .fn = movss_int0e, .own_sig = SIGSEGV,
    .skip = 2 };
static const struct pair p_sysenter = { .fn = movss_sysenter,
    .own_sig = SIGSEGV, .skip = 2 };
static const struct pair p_sysenter_stub = { .fn = movss_sysenter_stub,
    .nr = SYS_getpid, .expect = -1, .db_on_bochs = 1 };

/* The pop ss twin of p: the same instruction after popl %ss. */
static struct pair
popped(const struct pair *p, int (*fn)(int))
{
	struct pair q = *p;

	q.fn = fn;
	return q;
}

HZ_CASE(test_movss_int80_getpid) { return run_pair(&p_getpid, 0); }
HZ_CASE(test_movss_int80_badnr) { return run_pair(&p_badnr, 0); }
HZ_CASE(test_movss_int3) { return run_pair(&p_int3, 0); }
HZ_CASE(test_movss_icebp) { return run_pair(&p_icebp, 0); }
HZ_CASE(test_movss_into) { return run_pair(&p_into, 0); }
HZ_CASE(test_movss_int0e) { return run_pair(&p_int0e, 0); }
HZ_CASE(test_movss_sysenter)
{
	if (kinfo(KINFO_SYSENTER))
		return run_pair(&p_sysenter_stub, 0);
	return run_pair(&p_sysenter, 0);
}

#define POPPED(p, fn)	do {						\
		struct pair q_ = popped(&(p), (fn));			\
		return run_pair(&q_, 1);				\
	} while (0)

HZ_CASE(test_popss_int80_getpid) { POPPED(p_getpid, popss_int80); }
HZ_CASE(test_popss_int80_badnr) { POPPED(p_badnr, popss_int80); }
HZ_CASE(test_popss_int3) { POPPED(p_int3, popss_int3); }
HZ_CASE(test_popss_icebp) { POPPED(p_icebp, popss_icebp); }
HZ_CASE(test_popss_into) { POPPED(p_into, popss_into); }
HZ_CASE(test_popss_int0e) { POPPED(p_int0e, popss_int0e); }
HZ_CASE(test_popss_sysenter)
{
	if (kinfo(KINFO_SYSENTER))
		POPPED(p_sysenter_stub, popss_sysenter_stub);
	POPPED(p_sysenter, popss_sysenter);
}

static volatile int traps, tf_in_handler;

static void
on_trap(int sig, siginfo_t *si, void *ctx)
{
	uint32_t ef;

	(void)sig, (void)si, (void)ctx;
	__asm__ volatile("pushfl; popl %0" : "=r"(ef));
	tf_in_handler |= (ef & PSL_T) != 0;
	traps++;
}

/*
 * The program's own TF, no watchpoint: the step trap after mov/pop ss is
 * held back over int $0x80 (on a real CPU it lands on the entry stub, where
 * the kernel drops it; the call itself then posts the program's trap). The
 * call returns getpid, the handler runs with TF clear, and once the program
 * has cleared TF no trap follows. Exactly one trap per instruction run with
 * TF, the mov/pop ss and the int counting as one: 4 for the mov ss
 * sequence (the pair, pushf, andl, popf), 7 for pop ss (two movs to
 * switch the stack, the pair, the mov back, pushf, andl, popf).
 */
static int
tf_body(int (*fn)(int), int expect)
{
	int r, after;

	load_selector();
	hz_handler(SIGTRAP, on_trap);
	r = fn(SYS_getpid);
	after = traps;
	getpid();
	__asm__ volatile("nop; nop" ::: "memory");
	if (r != getpid())
		return 2;
	if (tf_in_handler)
		return 3;
	if (after != expect || traps != after)
		return 10 + traps;
	return 0;
}

static int tf_mov(void) { return tf_body(tf_movss_int80, 4); }
static int tf_pop(void) { return tf_body(tf_popss_int80, 7); }

HZ_CASE(test_tf_movss_int80)
{
	pid_t pid = hz_child(tf_mov);

	PT_EXITS(pid, 0);
	return 0;
}

HZ_CASE(test_tf_popss_int80)
{
	pid_t pid = hz_child(tf_pop);

	PT_EXITS(pid, 0);
	return 0;
}

int
main(void)
{
	kt_suite("hazards_a1");
	kt_run("movss_int80_getpid", test_movss_int80_getpid);
	kt_run("movss_int80_badnr", test_movss_int80_badnr);
	kt_run("movss_int3", test_movss_int3);
	kt_run("movss_icebp", test_movss_icebp);
	kt_run("movss_into", test_movss_into);
	kt_run("movss_int0e", test_movss_int0e);
	kt_run("movss_sysenter", test_movss_sysenter);
	kt_run("popss_int80_getpid", test_popss_int80_getpid);
	kt_run("popss_int80_badnr", test_popss_int80_badnr);
	kt_run("popss_int3", test_popss_int3);
	kt_run("popss_icebp", test_popss_icebp);
	kt_run("popss_into", test_popss_into);
	kt_run("popss_int0e", test_popss_int0e);
	kt_run("popss_sysenter", test_popss_sysenter);
	kt_run("tf_movss_int80", test_tf_movss_int80);
	kt_run("tf_popss_int80", test_tf_popss_int80);
	return kt_finish();
}
