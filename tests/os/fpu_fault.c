// RUN: qemu fpu=lazy
// RUN: qemu | -cpu pentium
// RUN: qemu fpu=lazy | -cpu pentium
// RUN: bochs
// RUN: bochs fpu=lazy
// TIMEOUT: 120
/*
 * fpu_fault.c - floating-point exceptions and the FPU part of signal
 * frames. An unmasked x87 exception (#MF) is SIGFPE for the process that
 * caused it, with the si_code of its kind, even when another process uses
 * the FPU before the faulting one reaches its next waiting instruction; the
 * same for an unmasked SIMD exception (#XM). A signal frame whose FPU image
 * has reserved MXCSR bits, an unknown format or owner, is refused by
 * sigreturn (EINVAL, nothing loaded; returning from a handler into one is
 * SIGSEGV), and an unmasked exception left pending in a frame raises
 * SIGFPE at the next waiting instruction after context switches, never #MF
 * in the kernel.
 *
 * Emulators (docs/fpu.md): QEMU raises #MF only at FWAIT, never raises #XM
 * and lets LDMXCSR take reserved bits. Cases that need the real behaviour
 * run under Bochs and are skipped, by name, under QEMU.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>
#include "fpu_lib.h"

#define USED	__attribute__((used))

void	ff_fwait(void);
void	ff_fld1(void);
void	ff_divps(void);
extern char ff_fwait_at[], ff_fld1_at[], ff_divps_at[];

static const float USED ff_zero = 0.0f, ff_three = 3.0f;
static const uint32_t USED ff_nan = 0x7fc00000;
static const uint8_t USED ff_huge[10] = {	/* the largest finite value */
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe, 0x7f };
static const uint8_t USED ff_tiny[10] = {	/* the smallest normal value */
	0, 0, 0, 0, 0, 0, 0, 0x80, 0x01, 0x00 };
static const float USED ff_ones[4] __attribute__((aligned(16))) =
    { 1, 1, 1, 1 };

/* The instructions a pending exception surfaces at, one label each. */
__asm__(
	".text\n"
	".globl ff_fwait, ff_fwait_at, ff_fld1, ff_fld1_at\n"
	"ff_fwait:\n"
	"ff_fwait_at:\n"
	"	fwait\n"
	"	ret\n"
	"ff_fld1:\n"
	"ff_fld1_at:\n"
	"	fld1\n"
	"	fstp %st(0)\n"
	"	ret\n"
	".globl ff_divps, ff_divps_at\n"
	"ff_divps:\n"
	"	movaps ff_ones, %xmm0\n"
	"	xorps %xmm1, %xmm1\n"
	"ff_divps_at:\n"
	"	divps %xmm1, %xmm0\n"
	"	ret\n");

static volatile int fpe_count, fpe_code;
static volatile uint32_t fpe_addr;

static void
on_fpe(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	fpe_count++;
	fpe_code = si->si_code;
	fpe_addr = (uint32_t)si->si_addr;
}

/* For #XM: returning would run the faulting divps again. */
static void
on_fpe_exit(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	_exit(si->si_code == FPE_FLTDIV &&
	    (uint32_t)si->si_addr == (uint32_t)ff_divps_at ? 0 : 1);
}

static int
catch_fpe(void (*fn)(int, siginfo_t *, void *))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fn;
	sa.sa_flags = SA_SIGINFO;
	return sigaction(SIGFPE, &sa, NULL);
}

static void
await(int fd)
{
	char c;

	while (read(fd, &c, 1) < 0 && errno == EINTR)
		;
}

/* FP code of another process, waiting instructions included. */
static void
bystander(int sse)
{
	static const uint16_t cw = 0x037f;

	__asm__ volatile("fninit\n\tfldcw %0\n\tfld1\n\tfwait\n\tfld1\n\t"
	    "faddp\n\tfwait\n\tfstp %%st(0)\n\tfwait" : : "m"(cw));
	if (sse)
		__asm__ volatile("movaps ff_ones, %xmm0\n\txorps %xmm1, %xmm1\n\t"
		    "divps %xmm1, %xmm0");
}

/*
 * A makes an exception pending (prepare), lets B run FP code (B must get
 * no signal), then runs `insn`: SIGFPE there with `code`, in A only.
 */
static int
right_process(void (*prepare)(void), void (*insn)(void), uint32_t where,
    int code, int sse)
{
	int to_b[2], to_a[2], status_a, status_b;
	pid_t a, b;

	KT_CHECK(pipe(to_b) == 0 && pipe(to_a) == 0, "pipe");
	if ((a = fork()) == 0) {
		alarm(20);	/* a SIGFPE loop must not outlive the case */
		catch_fpe(sse ? on_fpe_exit : on_fpe);
		prepare();
		write(to_b[1], "a", 1);
		await(to_a[0]);
		insn();
		_exit(fpe_count == 1 && fpe_code == code && fpe_addr == where ?
		    0 : 10 + fpe_count);
	}
	KT_CHECK(a > 0, "fork A");
	close(to_b[1]);
	close(to_a[0]);
	await(to_b[0]);
	if ((b = fork()) == 0) {
		bystander(sse);
		_exit(0);
	}
	KT_CHECK(b > 0, "fork B");
	KT_CHECK(kt_wait_status(b, &status_b) == b, "wait B");
	write(to_a[1], "b", 1);
	KT_CHECK(kt_wait_status(a, &status_a) == a, "wait A");
	KT_CHECK(WIFEXITED(status_b) && WEXITSTATUS(status_b) == 0,
	    "the bystander got A's exception: status %#x", status_b);
	KT_CHECK(WIFEXITED(status_a) && WEXITSTATUS(status_a) == 0,
	    "A: status %#x (10: no SIGFPE, 11: wrong code or address)",
	    status_a);
	return 0;
}

/* 1/0 with ZE unmasked: pending until the next waiting instruction. */
static void
pending_zerodiv(void)
{
	static const uint16_t cw = 0x037b;

	__asm__ volatile("fninit\n\tfldcw %0\n\tfld1\n\tfdivs ff_zero"
	    : : "m"(cw));
}

static int
test_mf_fwait(void)
{
	return right_process(pending_zerodiv, ff_fwait, (uint32_t)ff_fwait_at,
	    FPE_FLTDIV, 0);
}

static int
test_mf_fld1(void)
{
	if (!kt_is_bochs())
		kt_skip("QEMU raises #MF only at FWAIT (runs under Bochs)");
	return right_process(pending_zerodiv, ff_fld1, (uint32_t)ff_fld1_at,
	    FPE_FLTDIV, 0);
}

/* ZM unmasked in MXCSR; the divps itself faults. */
static void
unmask_zm(void)
{
	static const uint32_t mxcsr = 0x1d80;

	__asm__ volatile("ldmxcsr %0" : : "m"(mxcsr));
}

static int
test_xm(void)
{
	if (!fpu_sse())
		kt_skip("no SSE on this CPU");
	if (!kt_is_bochs())
		kt_skip("QEMU does not raise #XM (runs under Bochs)");
	return right_process(unmask_zm, ff_divps, (uint32_t)ff_divps_at,
	    FPE_FLTDIV, 1);
}

/* One kind of x87 exception: unmask it (cw), cause it (ops), then FWAIT. */
static int
si_code_of(uint16_t cw, int which)
{
	fpe_count = 0;
	__asm__ volatile("fninit\n\tfldcw %0" : : "m"(cw));
	switch (which) {
	case FPE_FLTINV:
		__asm__ volatile("fld1\n\tfcoms ff_nan");
		break;
	case FPE_FLTSUB:
		__asm__ volatile("fadd %st(1), %st(0)");	/* empty stack */
		break;
	case FPE_FLTDIV:
		__asm__ volatile("fld1\n\tfdivs ff_zero");
		break;
	case FPE_FLTOVF:
		__asm__ volatile("fldt ff_huge\n\tfadd %st(0), %st(0)");
		break;
	case FPE_FLTUND:
		__asm__ volatile("fldt ff_tiny\n\tfdivs ff_three");
		break;
	case FPE_FLTRES:
		__asm__ volatile("fld1\n\tfdivs ff_three");
		break;
	}
	ff_fwait();
	return fpe_count == 1 && fpe_addr == (uint32_t)ff_fwait_at ?
	    fpe_code : -fpe_count;
}

/* Each unmasked x87 exception gives its own si_code (FreeBSD's values). */
static int
test_mf_si_codes(void)
{
	static const struct {
		uint16_t	cw;	/* 0x037f less the unmasked bit */
		int		code;
		const char	*what;
	} kinds[] = {
		{ 0x037e, FPE_FLTINV, "invalid (NaN compare)" },
		{ 0x037b, FPE_FLTDIV, "divide by zero" },
		{ 0x0377, FPE_FLTOVF, "overflow" },
		{ 0x036f, FPE_FLTUND, "underflow" },
		{ 0x035f, FPE_FLTRES, "inexact" },
	};
	size_t i;
	int got;

	KT_CHECK(catch_fpe(on_fpe) == 0, "sigaction");
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		got = si_code_of(kinds[i].cw, kinds[i].code);
		KT_CHECK(got == kinds[i].code, "%s: si_code %d, expected %d "
		    "(negative: that many signals at the FWAIT)", kinds[i].what,
		    got, kinds[i].code);
	}
	return 0;
}

/* An invalid operation that is a stack fault (SF set) is FPE_FLTSUB. */
static int
test_mf_stack_fault(void)
{
	int got;

	if (!kt_is_bochs())
		kt_skip("QEMU does not detect x87 stack faults (runs under "
		    "Bochs)");
	KT_CHECK(catch_fpe(on_fpe) == 0, "sigaction");
	got = si_code_of(0x037e, FPE_FLTSUB);
	KT_CHECK(got == FPE_FLTSUB, "si_code %d, expected %d", got, FPE_FLTSUB);
	return 0;
}

static ucontext_t saved_uc;

static void
save_context(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)si;
	memcpy(&saved_uc, uc, sizeof(saved_uc));
}

static void
landed(void)
{
	_exit(3);		/* a refused context must never be entered */
}

/*
 * sigreturn on a copy of a real context with one FPU field made bad:
 * EINVAL, and the registers of the caller are what they were.
 */
static int
forged_sigreturn(void (*spoil)(mcontext_t *), const char *what)
{
	struct sigaction sa;
	struct fppattern p;
	struct fpview v;
	ucontext_t uc;
	char why[120];
	int r, e;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = save_context;
	sa.sa_flags = SA_SIGINFO;
	KT_CHECK(sigaction(SIGUSR1, &sa, NULL) == 0, "sigaction");
	kill(getpid(), SIGUSR1);
	uc = saved_uc;
	uc.uc_mcontext.mc_eip = (int)landed;
	spoil(&uc.uc_mcontext);
	fpu_pattern(&p, 21);
	fpu_load(&p);
	r = sigreturn(&uc);
	e = errno;
	fpu_snapshot(&v);
	KT_CHECK(r == -1 && e == EINVAL, "%s: sigreturn returned %d, errno %d",
	    what, r, e);
	KT_CHECK(fpu_holds(&p, &v, why, sizeof(why)),
	    "%s: the refused frame changed the FPU: %s", what, why);
	return 0;
}

static uint32_t *
fx_mxcsr(mcontext_t *mc)
{
	return (uint32_t *)((uint8_t *)mc->mc_fpstate + 24);
}

static void
mxcsr_all_ones(mcontext_t *mc)
{
	*fx_mxcsr(mc) = 0xffffffff;
}

static void
mxcsr_bit16(mcontext_t *mc)
{
	*fx_mxcsr(mc) = 0x00011f80;
}

static void
mxcsr_unmasked_bit(mcontext_t *mc)
{
	*fx_mxcsr(mc) = 0x1f80 | (~kinfo(KINFO_MXCSR_MASK) & 0xffff);
}

static void
bad_format(mcontext_t *mc)
{
	mc->mc_fpformat = 0x7777;
}

static void
other_format(mcontext_t *mc)
{
	mc->mc_fpformat = fpu_fxsr() ? _MC_FPFMT_387 : _MC_FPFMT_XMM;
}

static void
bad_owner(mcontext_t *mc)
{
	mc->mc_ownedfp = 0x7777;
}

/* Reserved MXCSR bits in a frame: refused, never loaded. */
static int
test_sigreturn_mxcsr(void)
{
	if (!fpu_fxsr())
		kt_skip("no MXCSR in an FNSAVE frame (this CPU has no FXSR)");
	if (forged_sigreturn(mxcsr_all_ones, "MXCSR 0xffffffff") ||
	    forged_sigreturn(mxcsr_bit16, "MXCSR 0x11f80"))
		return 1;
	if ((kinfo(KINFO_MXCSR_MASK) & 0xffff) != 0xffff)
		return forged_sigreturn(mxcsr_unmasked_bit,
		    "MXCSR with a bit outside the mask");
	return 0;
}

static int
test_sigreturn_format(void)
{
	return forged_sigreturn(bad_format, "mc_fpformat 0x7777") ||
	    forged_sigreturn(other_format, "the other CPU kind's format") ||
	    forged_sigreturn(bad_owner, "mc_ownedfp 0x7777");
}

static void
spoil_own_frame(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)si;
	mxcsr_all_ones(&((ucontext_t *)uc)->uc_mcontext);
}

/* A handler returning into a frame with a bad MXCSR: SIGSEGV, as FreeBSD. */
static int
test_handler_return_mxcsr(void)
{
	struct sigaction sa;
	int status;
	pid_t pid;

	if (!fpu_fxsr())
		kt_skip("no MXCSR in an FNSAVE frame (this CPU has no FXSR)");
	if ((pid = fork()) == 0) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_sigaction = spoil_own_frame;
		sa.sa_flags = SA_SIGINFO;
		sigaction(SIGUSR1, &sa, NULL);
		kill(getpid(), SIGUSR1);
		_exit(0);
	}
	KT_CHECK(pid > 0, "fork");
	KT_CHECK(kt_wait_status(pid, &status) == pid, "wait");
	KT_CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	    "status %#x, expected death by SIGSEGV", status);
	return 0;
}

static void
pend_in_frame(int sig, siginfo_t *si, void *uc)
{
	uint8_t *img = (uint8_t *)((ucontext_t *)uc)->uc_mcontext.mc_fpstate;

	(void)sig;
	(void)si;
	if (fpu_fxsr()) {		/* FXSAVE: FCW at 0, FSW at 2 */
		img[0] = img[1] = 0;
		img[2] = 0x81;
		img[3] = 0x80;
	} else {			/* FNSAVE: 32-bit cw and sw words */
		memset(img, 0, 8);
		img[4] = 0x81;
		img[5] = 0x80;
	}
}

/*
 * The handler leaves FCW = 0, FSW = 0x8081 in its frame; after sigreturn
 * and a few sleeps, insn raises SIGFPE (FPE_FLTINV) right there.
 */
static int
frame_pending(void (*insn)(void), uint32_t where)
{
	struct sigaction sa;
	int i;

	KT_CHECK(catch_fpe(on_fpe) == 0, "sigaction SIGFPE");
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = pend_in_frame;
	sa.sa_flags = SA_SIGINFO;
	KT_CHECK(sigaction(SIGUSR1, &sa, NULL) == 0, "sigaction SIGUSR1");
	kill(getpid(), SIGUSR1);
	for (i = 0; i < 3; i++)
		usleep(10000);
	KT_CHECK(fpe_count == 0, "SIGFPE before the FP instruction");
	insn();
	KT_CHECK(fpe_count == 1 && fpe_code == FPE_FLTINV && fpe_addr == where,
	    "%d SIGFPE, code %d at %#x; expected one, %d at %#x", fpe_count,
	    fpe_code, fpe_addr, FPE_FLTINV, where);
	return 0;
}

static int
test_frame_pending_fwait(void)
{
	return frame_pending(ff_fwait, (uint32_t)ff_fwait_at);
}

static int
test_frame_pending_fld1(void)
{
	if (!kt_is_bochs())
		kt_skip("QEMU raises #MF only at FWAIT (runs under Bochs)");
	return frame_pending(ff_fld1, (uint32_t)ff_fld1_at);
}

/* The CPU's own rule the kernel mirrors: LDMXCSR with a reserved bit #GPs. */
static int
test_ldmxcsr_gp(void)
{
	static const uint32_t bad = 0x00011f80;
	int status;
	pid_t pid;

	if (!fpu_sse())
		kt_skip("no SSE on this CPU");
	if (!kt_is_bochs())
		kt_skip("QEMU's LDMXCSR takes reserved bits (runs under Bochs)");
	if ((pid = fork()) == 0) {
		__asm__ volatile("ldmxcsr %0" : : "m"(bad));
		_exit(0);
	}
	KT_CHECK(pid > 0, "fork");
	KT_CHECK(kt_wait_status(pid, &status) == pid, "wait");
	KT_CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	    "status %#x, expected SIGSEGV from #GP", status);
	return 0;
}

int
main(void)
{
	kt_suite("fpu_fault");
	kt_run("mf_fwait", test_mf_fwait);
	kt_run("mf_fld1", test_mf_fld1);
	kt_run("mf_si_codes", test_mf_si_codes);
	kt_run("mf_stack_fault", test_mf_stack_fault);
	kt_run("xm", test_xm);
	kt_run("sigreturn_mxcsr", test_sigreturn_mxcsr);
	kt_run("sigreturn_format", test_sigreturn_format);
	kt_run("handler_return_mxcsr", test_handler_return_mxcsr);
	kt_run("frame_pending_fwait", test_frame_pending_fwait);
	kt_run("frame_pending_fld1", test_frame_pending_fld1);
	kt_run("ldmxcsr_gp", test_ldmxcsr_gp);
	return kt_finish();
}
