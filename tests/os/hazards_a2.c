// RUN: qemu sysenter=0
/*
 * hazards_a2.c - the trap flag across a system call entry. A program sets
 * TF itself (popf) and enters the kernel. The int $0x80 gate clears TF, so
 * the kernel must post the step trap itself on the way out and keep the
 * program's TF for the instructions after; a SIGTRAP must arrive in user
 * mode after the call, never as a #DB in ring 0; the call's result must be
 * right; and once the program clears TF, no trap follows.
 *
 * The sequence (tf_call below): popf sets TF, int $0x80, then pushf, pop,
 * pushf, andl, popf. A trap follows every instruction that began with TF
 * set: exactly six, at tf_t1..tf_t6, and the flags the program pushed show
 * TF. Each case checks that list of trap addresses exactly, for a call that
 * returns at once, one that fails (ENOSYS), one that sleeps (context
 * switches with TF saved), one that delivers a signal on its way out, fork
 * (the child starts without TF, as on FreeBSD), and the same under a tracer
 * that only continues and passes SIGTRAP through.
 *
 * SYSENTER does not clear TF: the CPU single-steps the kernel's entry
 * stub in ring 0, which the kernel must recognise and ignore, and post the
 * step trap as the call returns, as for int $0x80. Where the kernel enters
 * by SYSENTER (the first run), the doc's (a) is libc's entry sequence with
 * TF set: one trap after each of its instructions, the one after sysenter
 * right behind it, in ring 3; (c) is a raw sysenter with ebp 0 and TF,
 * which is SIGSEGV with TF kept in the context and %eip 0 (the kernel
 * cannot know where it came from; a tracer sees it: there is no stack for
 * a handler); (d) is the getpid without TF at the end of each case. With
 * sysenter=0 (the second run) there is no SYSENTER entry (SYSENTER_CS is
 * 0) and libc does not use it: sysenter with TF set is SIGSEGV in ring 3,
 * with TF still set in the saved context, and the traps go on after it.
 */
#include <time.h>
#include <sys/syscall.h>
#include "hazards_lib.h"

int	tf_call(int nr, int ebx, int ecx);
void	tf_t1(void), tf_t2(void), tf_t3(void), tf_t4(void), tf_t5(void);
void	tf_t6(void);
int	tf_sysenter(void);
void	tf_sysenter_insn(void), tf_s2(void), tf_s3(void), tf_s4(void);
int	tf_stub(int nr);
void	tf_v1(void), tf_v2(void), tf_v3(void), tf_v4(void);
void	tf_u1(void), tf_u2(void), tf_u3(void), tf_u4(void), tf_u5(void);
void	tf_u6(void);
uint32_t tf_flags;

__asm__(".text\n"
	".globl tf_call, tf_t1, tf_t2, tf_t3, tf_t4, tf_t5, tf_t6\n"
	"tf_call:\n"
	"	pushl %ebx\n"
	"	movl 8(%esp), %eax\n"
	"	movl 12(%esp), %ebx\n"
	"	movl 16(%esp), %ecx\n"
	"	pushfl\n"
	"	orl $0x100, (%esp)\n"
	"	popfl\n"
	"	int $0x80\n"
	"tf_t1:	pushfl\n"
	"tf_t2:	popl tf_flags\n"
	"tf_t3:	pushfl\n"
	"tf_t4:	andl $~0x100, (%esp)\n"
	"tf_t5:	popfl\n"
	"tf_t6:	popl %ebx\n"
	"	ret\n"
	".globl tf_sysenter, tf_sysenter_insn, tf_s2, tf_s3, tf_s4\n"
	"tf_sysenter:\n"
	"	pushl %ebp\n"
	"	xorl %ebp, %ebp\n"
	"	pushfl\n"
	"	orl $0x100, (%esp)\n"
	"	popfl\n"
	"tf_sysenter_insn:\n"
	"	sysenter\n"
	"	pushfl\n"
	"tf_s2:	andl $~0x100, (%esp)\n"
	"tf_s3:	popfl\n"
	"tf_s4:	popl %ebp\n"
	"	ret\n"
	".globl tf_stub, tf_v1, tf_v2, tf_v3, tf_v4\n"
	".globl tf_u1, tf_u2, tf_u3, tf_u4, tf_u5, tf_u6\n"
	"tf_stub:\n"
	"	movl 4(%esp), %eax\n"
	"	pushfl\n"
	"	orl $0x100, (%esp)\n"
	"	popfl\n"
	"	pushl $tf_u1\n"
	"tf_v1:	pushl %ebp\n"
	"tf_v2:	movl %esp, %ebp\n"
	"tf_v3:	pushl %ecx\n"
	"tf_v4:	sysenter\n"
	"tf_u1:	pushfl\n"
	"tf_u2:	popl tf_flags\n"
	"tf_u3:	pushfl\n"
	"tf_u4:	andl $~0x100, (%esp)\n"
	"tf_u5:	popfl\n"
	"tf_u6:	ret\n");

#define MAXTRAPS	16

static volatile uint32_t trap_eip[MAXTRAPS];
static volatile int ntraps, tf_in_handler, usr1;
static volatile uint32_t segv_eip, segv_flags;

static void
on_trap(int sig, siginfo_t *si, void *ctx)
{
	uint32_t ef;

	(void)sig, (void)si;
	__asm__ volatile("pushfl; popl %0" : "=r"(ef));
	tf_in_handler |= (ef & PSL_T) != 0;
	if (ntraps < MAXTRAPS)
		trap_eip[ntraps] = ((ucontext_t *)ctx)->uc_mcontext.mc_eip;
	ntraps++;
}

static void
on_usr1(int sig)
{
	(void)sig;
	usr1++;
}

static void
on_segv(int sig, siginfo_t *si, void *ctx)
{
	mcontext_t *mc = &((ucontext_t *)ctx)->uc_mcontext;

	(void)sig, (void)si;
	segv_eip = mc->mc_eip;
	segv_flags = mc->mc_eflags;
	mc->mc_eip += 2;	/* over sysenter */
}

/* 0 if the traps were exactly `want' (n addresses); else a code >= 20. */
static int
traps_are(void (*const *want)(void), int n)
{
	int i;

	if (tf_in_handler)
		return 20;
	if (ntraps != n)
		return 30 + ntraps;
	for (i = 0; i < n; i++)
		if (trap_eip[i] != (uint32_t)want[i])
			return 21 + i;
	return 0;
}

static void (*const six[])(void) = { tf_t1, tf_t2, tf_t3, tf_t4, tf_t5, tf_t6 };

/* Run tf_call(nr, ebx, ecx); check its value and the six traps. */
static int
tf_run(int nr, int ebx, int ecx, int expect)
{
	int r, bad;

	hz_handler(SIGTRAP, on_trap);
	signal(SIGUSR1, on_usr1);
	r = tf_call(nr, ebx, ecx);
	if (r != expect)
		return 2;
	if (!(tf_flags & PSL_T))
		return 3;
	if ((bad = traps_are(six, 6)) != 0)
		return bad;
	getpid();			/* TF is off: no trap any more */
	return ntraps == 6 ? 0 : 4;
}

static int getpid_body(void) { return tf_run(SYS_getpid, 0, 0, getpid()); }
static int badnr_body(void) { return tf_run(9999, 0, 0, -ENOSYS); }
static int yield_body(void) { return tf_run(SYS_sched_yield, 0, 0, 0); }
static int kill_body(void) { return tf_run(SYS_kill, getpid(), 0, 0); }

static struct timespec nap = { 0, 30 * 1000 * 1000 };

static int
sleep_body(void)
{
	int t0 = kinfo(KINFO_TICKS), r = tf_run(SYS_nanosleep, (int)&nap, 0, 0);

	if (r == 0 && kinfo(KINFO_TICKS) == t0)
		return 5;		/* it did not sleep */
	return r;
}

static int
run_child(int (*body)(void))
{
	pid_t pid = hz_child(body);

	PT_EXITS(pid, 0);
	return 0;
}

HZ_CASE(test_int80_getpid) { return run_child(getpid_body); }
HZ_CASE(test_int80_enosys) { return run_child(badnr_body); }
HZ_CASE(test_int80_yield) { return run_child(yield_body); }
HZ_CASE(test_int80_sleep) { return run_child(sleep_body); }
HZ_CASE(test_int80_kill0) { return run_child(kill_body); }

/*
 * kill(self, SIGUSR1) with TF: the handler runs before the step trap is
 * taken, with TF clear; the program's TF is back after its sigreturn.
 */
static int
usr1_body(void)
{
	int bad;

	hz_handler(SIGTRAP, on_trap);
	signal(SIGUSR1, on_usr1);
	if (tf_call(SYS_kill, getpid(), SIGUSR1) != 0)
		return 2;
	if (usr1 != 1)
		return 6;
	if ((bad = traps_are(six, 6)) != 0)
		return bad;
	return 0;
}

HZ_CASE(test_int80_signal) { return run_child(usr1_body); }

static int
fork_body(void)
{
	int r, st;

	hz_handler(SIGTRAP, on_trap);
	r = tf_call(SYS_fork, 0, 0);
	if (r == 0)
		_exit(ntraps == 0 && !(tf_flags & PSL_T) ? 0 : 7);
	if (r < 0)
		return 8;
	if (traps_are(six, 6) != 0)
		return 9;
	if (kt_wait_status(r, &st) != r || !WIFEXITED(st))
		return 10;
	return WEXITSTATUS(st);		/* 7: the child inherited TF */
}

HZ_CASE(test_int80_fork) { return run_child(fork_body); }

/* The same program traced: every trap is a stop, then reaches the handler. */
HZ_CASE(test_int80_traced)
{
	struct hz_stop s[8];
	pid_t pid = pt_traced(getpid_body);
	int st, n, i;

	KT_CHECK(pid > 0, "no tracee");
	st = hz_collect(pid, s, 8, &n, HZ_SIGBIT(SIGTRAP));
	KT_CHECK(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	    "tracee: %s", pt_str(st));
	KT_CHECK(n == 6, "%d stops", n);
	for (i = 0; i < n; i++)
		KT_CHECK(s[i].sig == SIGTRAP && s[i].eip == (uint32_t)six[i],
		    "stop %d: signal %d at %#x", i, s[i].sig, s[i].eip);
	return 0;
}

/* sigreturn irets with TF set: the first trap follows the first instruction. */
static void (*const three[])(void) = { tf_s2, tf_s3, tf_s4 };

static int
sysenter_body(void)
{
	int bad;

	hz_handler(SIGTRAP, on_trap);
	hz_handler(SIGSEGV, on_segv);
	tf_sysenter();
	if (segv_eip != (uint32_t)tf_sysenter_insn)
		return 2;
	if (!(segv_flags & PSL_T))
		return 3;
	if ((bad = traps_are(three, 3)) != 0)
		return bad;
	getpid();
	return ntraps == 3 ? 0 : 4;
}

/* SYSENTER off: the instruction is #GP, SIGSEGV with TF kept. */
static int
test_sysenter_gp(void)
{
	return run_child(sysenter_body);
}

/*
 * SYSENTER on, raw with ebp 0 and TF (the doc's c): SIGSEGV, no call
 * made, TF in the context, %esp 0 and %eip 0; no trap before it, as the
 * sysenter is the first instruction after the popf.
 */
static int
test_sysenter_raw(void)
{
	pid_t pid = pt_traced(sysenter_body);
	struct reg r;
	int st;

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	st = pt_wait(pid);
	KT_CHECK(st != -1 && WIFSTOPPED(st) && WSTOPSIG(st) == SIGSEGV,
	    "tracee: %s", pt_str(st));
	KT_CHECK(pt_getregs(pid, &r) == 0, "GETREGS: errno %d", errno);
	KT_CHECK(r.r_eip == 0, "SIGSEGV at %#x, expected 0", r.r_eip);
	KT_CHECK(r.r_eflags & PSL_T, "TF lost: eflags %#x", r.r_eflags);
	KT_CHECK(r.r_esp == 0 && r.r_cs == HZ_UCODE, "esp %#x cs %#x",
	    r.r_esp, r.r_cs);
	PT_OK(PT_KILL, pid, 0, 0);
	KT_CHECK(pt_wait(pid) != -1, "no exit after PT_KILL");
	return 0;
}

HZ_CASE(test_sysenter_tf)
{
	if (kinfo(KINFO_SYSENTER))
		return test_sysenter_raw();
	return test_sysenter_gp();
}

/*
 * The entry sequence with TF set (the doc's a): a trap after each of its
 * instructions, the one after sysenter right behind it, once; TF still
 * set after the call; none once the program clears it (d).
 */
static void (*const ten[])(void) = { tf_v1, tf_v2, tf_v3, tf_v4, tf_u1,
    tf_u2, tf_u3, tf_u4, tf_u5, tf_u6 };

static int
stub_body(int nr, int expect)
{
	int r, bad;

	if (!__sysenter_ok)
		return 11;
	hz_handler(SIGTRAP, on_trap);
	r = tf_stub(nr);
	if (r != expect)
		return 2;
	if (!(tf_flags & PSL_T))
		return 3;
	if ((bad = traps_are(ten, 10)) != 0)
		return bad;
	getpid();
	return ntraps == 10 ? 0 : 4;
}

static int stub_getpid_body(void) { return stub_body(SYS_getpid, getpid()); }
static int stub_yield_body(void) { return stub_body(SYS_sched_yield, 0); }
static int stub_badnr_body(void) { return stub_body(9999, -ENOSYS); }

/* libc enters by SYSENTER exactly when the kernel takes it. */
HZ_CASE(test_libc_entry)
{
	KT_CHECK(__sysenter_ok == (kinfo(KINFO_SYSENTER) != 0),
	    "libc's SYSENTER %d, the kernel's %d", __sysenter_ok,
	    kinfo(KINFO_SYSENTER));
	return 0;
}

HZ_CASE(test_sysenter_stub_getpid)
{
	if (!kinfo(KINFO_SYSENTER))
		return test_sysenter_gp();
	return run_child(stub_getpid_body);
}

HZ_CASE(test_sysenter_stub_yield)
{
	if (!kinfo(KINFO_SYSENTER))
		return test_sysenter_gp();
	return run_child(stub_yield_body);
}

HZ_CASE(test_sysenter_stub_enosys)
{
	if (!kinfo(KINFO_SYSENTER))
		return test_sysenter_gp();
	return run_child(stub_badnr_body);
}

int
main(void)
{
	kt_suite("hazards_a2");
	kt_run("int80_getpid", test_int80_getpid);
	kt_run("int80_enosys", test_int80_enosys);
	kt_run("int80_yield", test_int80_yield);
	kt_run("int80_sleep", test_int80_sleep);
	kt_run("int80_kill0", test_int80_kill0);
	kt_run("int80_signal", test_int80_signal);
	kt_run("int80_fork", test_int80_fork);
	kt_run("int80_traced", test_int80_traced);
	kt_run("sysenter_tf", test_sysenter_tf);
	kt_run("libc_entry", test_libc_entry);
	kt_run("sysenter_stub_getpid", test_sysenter_stub_getpid);
	kt_run("sysenter_stub_yield", test_sysenter_stub_yield);
	kt_run("sysenter_stub_enosys", test_sysenter_stub_enosys);
	return kt_finish();
}
