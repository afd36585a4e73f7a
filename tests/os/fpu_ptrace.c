// RUN: qemu sysenter=0
// RUN: qemu hz=1000
// RUN: qemu fpu=lazy
// RUN: qemu | -cpu pentium
// RUN: qemu fpu=lazy | -cpu pentium
// RUN: qemu | -cpu 486
// RUN: bochs
// TIMEOUT: 120
/*
 * fpu_ptrace.c - a tracer and the FPU of its tracee: PT_GETFPREGS shows the
 * x87 stack (control and status words, the full tag word rebuilt for valid,
 * zero, special and empty registers, every st(i), FIP and FDP of the last
 * instruction) and PT_GETXMMREGS the FXSAVE image (XMM registers, MXCSR and
 * its mask); PT_SETFPREGS/PT_SETXMMREGS values are what the tracee computes
 * with; none of it touches the tracer's own registers, also in a loop of
 * hundreds of round trips. A reserved MXCSR bit is EINVAL and changes
 * nothing. An unmasked exception left pending by the tracer raises SIGFPE
 * at the tracee's next waiting FP instruction, after context switches, and
 * never #MF in the kernel. Without FXSR (-cpu pentium, -cpu 486) struct
 * fpreg still works and PT_GETXMMREGS/PT_SETXMMREGS are EINVAL.
 *
 * Emulators (docs/fpu.md): QEMU's FXSAVE stores no FIP/FDP, and QEMU
 * raises #MF only at FWAIT; those checks run under Bochs (and FNSAVE) and
 * are skipped, by name, where the emulator cannot show them.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>
#include "fpu_lib.h"

#define LOOPS	300

void	fpt_stack(void);
void	fpt_compute(void);
void	fpt_pending_fwait(void);
void	fpt_pending_fld1(void);
extern char fpt_fcom[], fpt_fwait[], fpt_fld1[];

/*
 * The x87 stack the tracee builds: pushed in this order, then 1.0. These
 * and the other fpt_ data are used by the assembly below ("used").
 */
#define USED	__attribute__((used))
struct x87val {
	uint64_t	mant;
	uint16_t	se;
} __attribute__((packed));
static const struct x87val USED fpt_vals[6] = {
	{ 0x8000000000000000ull, 0x4000 },	/* 2.0 (valid) */
	{ 0x0000000000000001ull, 0x0000 },	/* denormal (special) */
	{ 0, 0x0000 },				/* +0 (zero) */
	{ 0, 0x8000 },				/* -0 (zero) */
	{ 0x8000000000000000ull, 0x7fff },	/* +infinity (special) */
	{ 0xc000000000000000ull, 0xffff },	/* quiet NaN (special) */
};
static const uint32_t USED fpt_nan = 0x7fc00000;	/* a quiet NaN */
static const uint16_t USED fpt_cw = 0x037a;		/* only IE unmasked */
static const uint32_t fpt_mxcsr = 0x3f80;	/* round down */
static uint8_t fpt_xmm[8][16] __attribute__((aligned(16)));
static uint8_t USED fpt_st0[10];
static uint32_t fpt_sum[4] __attribute__((aligned(16)));
static int fpt_cvt;
static uint32_t fpt_mxcsr_out;
static uint16_t USED fpt_cw_out;

/*
 * fpt_stack: six pushes, fld1, then a compare with a NaN with IE unmasked
 * (an exception left pending, by an instruction that writes no register,
 * so that no emulator's idea of an unmasked result matters), the XMM
 * registers and MXCSR, and int3. The tracer clears the pending exception
 * before the tracee runs FP code again.
 * fpt_compute: st(1)*st(0) and xmm0+xmm1 (packed single), xmm2's low
 * float to an integer under MXCSR's rounding, then MXCSR and FCW.
 */
__asm__(
	".text\n"
	".globl fpt_stack, fpt_fcom, fpt_compute\n"
	"fpt_stack:\n"
	"	fninit\n"
	"	fldcw fpt_cw\n"
	"	fldt fpt_vals\n"
	"	fldt fpt_vals+10\n"
	"	fldt fpt_vals+20\n"
	"	fldt fpt_vals+30\n"
	"	fldt fpt_vals+40\n"
	"	fldt fpt_vals+50\n"
	"	fld1\n"
	"fpt_fcom:\n"
	"	fcoms fpt_nan\n"
	"	call fpt_load_sse\n"
	"	int3\n"
	"	ret\n"
	"fpt_compute:\n"
	"	fmulp\n"
	"	fstpt fpt_st0\n"
	"	fnstcw fpt_cw_out\n"
	"	call fpt_sse_compute\n"
	"	ret\n"
	".globl fpt_pending_fwait, fpt_fwait, fpt_pending_fld1, fpt_fld1\n"
	"fpt_pending_fwait:\n"
	"fpt_fwait:\n"
	"	fwait\n"
	"	ret\n"
	"fpt_pending_fld1:\n"
	"fpt_fld1:\n"
	"	fld1\n"
	"	fstp %st(0)\n"
	"	ret\n");

void	fpt_load_sse(void);
void	fpt_sse_compute(void);

/* No SSE instruction may run on a CPU without it: these check first. */
void
fpt_load_sse(void)
{
	if (!fpu_sse())
		return;
	__asm__ volatile("ldmxcsr %0" : : "m"(fpt_mxcsr));
	__asm__ volatile(
	    "movaps 0(%0), %%xmm0\n\tmovaps 16(%0), %%xmm1\n\t"
	    "movaps 32(%0), %%xmm2\n\tmovaps 48(%0), %%xmm3\n\t"
	    "movaps 64(%0), %%xmm4\n\tmovaps 80(%0), %%xmm5\n\t"
	    "movaps 96(%0), %%xmm6\n\tmovaps 112(%0), %%xmm7"
	    : : "r"(fpt_xmm) : "memory");
}

void
fpt_sse_compute(void)
{
	if (!fpu_sse())
		return;
	__asm__ volatile("addps %%xmm1, %%xmm0\n\tmovaps %%xmm0, %0\n\t"
	    "cvtss2si %%xmm2, %%eax\n\tmovl %%eax, %1\n\tstmxcsr %2"
	    : "=m"(fpt_sum), "=m"(fpt_cvt), "=m"(fpt_mxcsr_out) : : "eax");
}

static void
put80(uint8_t *r, uint16_t se, uint64_t mant)
{
	memcpy(r, &mant, 8);
	memcpy(r + 8, &se, 2);
}

static uint32_t
f32(float f)
{
	uint32_t u;

	memcpy(&u, &f, 4);
	return u;
}

/* A child that is traced by us, stopped at SIGSTOP before body() runs. */
static pid_t
start(int (*body)(void))
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		if (ptrace(PT_TRACE_ME, 0, NULL, 0) < 0)
			_exit(120);
		kill(getpid(), SIGSTOP);
		_exit(body());
	}
	if (pid < 0 || kt_wait_status(pid, &status) != pid ||
	    !WIFSTOPPED(status) || WSTOPSIG(status) != SIGSTOP)
		return -1;
	return pid;
}

/* Continue pid with sig and wait for its next stop (its signal) or exit (-1). */
static int
cont_wait(pid_t pid, int sig, int *status)
{
	if (ptrace(PT_CONTINUE, pid, (caddr_t)1, sig) < 0)
		return -2;
	if (kt_wait_status(pid, status) != pid)
		return -2;
	return WIFSTOPPED(*status) ? WSTOPSIG(*status) : -1;
}

static int
tracee_stack(void)
{
	int i;

	for (i = 0; i < 8 * 16; i++)
		fpt_xmm[i / 16][i % 16] = (uint8_t)(0xa0 + i);
	fpt_stack();
	fpt_compute();
	/* 3.0 * 4.0, as the tracer set them */
	if (memcmp(fpt_st0, "\0\0\0\0\0\0\0\xc0\x02\x40", 10) != 0)
		return 2;
	if (fpt_cw_out != 0x0f7f)
		return 3;
	if (!fpu_sse())
		return 0;
	if (fpt_sum[0] != f32(11) || fpt_sum[1] != f32(22) ||
	    fpt_sum[2] != f32(33) || fpt_sum[3] != f32(44))
		return 4;
	if (fpt_cvt != -2 || (fpt_mxcsr_out & ~0x3fu) != 0x7f80)
		return 5;
	return 0;
}

/* The tracer's own registers, loaded before and checked after the requests. */
static const struct fppattern *
own_pattern(void)
{
	static struct fppattern own;

	fpu_pattern(&own, 77);
	return &own;
}

static int
check_own(const char *when)
{
	struct fpview v;
	char why[120];

	fpu_snapshot(&v);
	KT_CHECK(fpu_holds(own_pattern(), &v, why, sizeof(why)),
	    "the tracer's own FPU changed %s: %s", when, why);
	return 0;
}

#define WANT_FIP	1	/* check FIP and FDP */
#define WANT_FOP	2	/* check the opcode */

/* What PT_GETFPREGS must show at fpt_stack's int3. */
static int
check_stack(const struct fpreg *fp, int want)
{
	/* TOP = 1; physical 0 empty, 1 and 7 valid, 4 and 5 zero, rest special */
	static const uint16_t tw = 0x25a3;
	uint8_t r[10];
	int i;

	KT_CHECK((fp->fpr_env[0] & 0xffff) == 0x037a, "cw %#lx", fp->fpr_env[0]);
	KT_CHECK((fp->fpr_env[1] & ~0x4700ul) == 0x8881,
	    "sw %#lx, expected 0x8881 (B, TOP 1, ES, IE)", fp->fpr_env[1]);
	KT_CHECK(fp->fpr_env[2] == tw, "tag word %#lx, expected %#x",
	    fp->fpr_env[2], tw);
	put80(r, 0x3fff, 0x8000000000000000ull);
	KT_CHECK(memcmp(fp->fpr_acc[0], r, 10) == 0, "st(0) is not 1.0");
	for (i = 0; i < 6; i++)
		KT_CHECK(memcmp(fp->fpr_acc[6 - i], &fpt_vals[i], 10) == 0,
		    "st(%d) differs", 6 - i);
	if (want & WANT_FIP)
		KT_CHECK(fp->fpr_env[3] == (unsigned long)fpt_fcom &&
		    fp->fpr_env[5] == (unsigned long)&fpt_nan,
		    "fip %#lx fdp %#lx, expected %p %p", fp->fpr_env[3],
		    fp->fpr_env[5], (void *)fpt_fcom, (const void *)&fpt_nan);
	if (want & WANT_FOP)
		KT_CHECK(((fp->fpr_env[4] >> 16) & 0x7ff) == 0x015,
		    "opcode %#lx, expected 0x015 (fcoms m32)",
		    fp->fpr_env[4] >> 16);
	return 0;
}

/* PT_GETXMMREGS at the same stop: the x87 part agrees, XMM and MXCSR too. */
static int
check_xmm(const struct xmmreg *x)
{
	int i;

	KT_CHECK((x->xmm_env[0] & 0xffff) == 0x037a &&
	    (x->xmm_env[1] & 0xff) == 0xfe, "fcw/ftw %#lx %#lx",
	    x->xmm_env[0], x->xmm_env[1]);
	KT_CHECK(x->xmm_env[6] == fpt_mxcsr, "mxcsr %#lx", x->xmm_env[6]);
	KT_CHECK(x->xmm_env[7] == (unsigned long)kinfo(KINFO_MXCSR_MASK),
	    "mxcsr_mask %#lx", x->xmm_env[7]);
	for (i = 0; i < 8 * 16; i++)
		KT_CHECK(x->xmm_reg[i / 16][i % 16] == (uint8_t)(0xa0 + i),
		    "xmm%d byte %d", i / 16, i % 16);
	return 0;
}

/* New values: st(0) = 3.0, st(1) = 4.0, FCW rounding up; XMM operands. */
static int
set_values(pid_t pid)
{
	struct fpreg fp;
	struct xmmreg x;
	static const float a[4] = { 1, 2, 3, 4 }, b[4] = { 10, 20, 30, 40 };
	static const float c = -2.75f;	/* -2 toward zero, -3 down or nearest */

	memset(&fp, 0, sizeof(fp));
	fp.fpr_env[0] = 0x0f7f;
	fp.fpr_env[1] = 6 << 11;
	fp.fpr_env[2] = 0x0fff;
	put80(fp.fpr_acc[0], 0x4000, 0xc000000000000000ull);
	put80(fp.fpr_acc[1], 0x4001, 0x8000000000000000ull);
	KT_CHECK(ptrace(PT_SETFPREGS, pid, (caddr_t)&fp, 0) == 0,
	    "PT_SETFPREGS: errno %d", errno);
	if (!fpu_fxsr())
		return 0;
	KT_CHECK(ptrace(PT_GETXMMREGS, pid, (caddr_t)&x, 0) == 0, "GETXMMREGS");
	KT_CHECK((x.xmm_env[0] & 0xffff) == 0x0f7f &&
	    (x.xmm_env[1] & 0xff) == 0xc0, "PT_SETFPREGS not seen in the "
	    "FXSAVE image: %#lx %#lx", x.xmm_env[0], x.xmm_env[1]);
	memcpy(x.xmm_reg[0], a, 16);
	memcpy(x.xmm_reg[1], b, 16);
	memcpy(x.xmm_reg[2], &c, 4);
	x.xmm_env[6] = 0x7f80;		/* round toward zero */
	KT_CHECK(ptrace(PT_SETXMMREGS, pid, (caddr_t)&x, 0) == 0,
	    "PT_SETXMMREGS: errno %d", errno);
	return 0;
}

static int
stack_case(int want)
{
	struct fpreg fp;
	struct xmmreg x;
	int status, sig;
	pid_t pid = start(tracee_stack);

	KT_CHECK(pid > 0, "no traced child");
	sig = cont_wait(pid, 0, &status);
	KT_CHECK(sig == SIGTRAP, "expected the int3 stop, got %d (%#x)", sig,
	    status);
	fpu_load(own_pattern());
	KT_CHECK(ptrace(PT_GETFPREGS, pid, (caddr_t)&fp, 0) == 0,
	    "PT_GETFPREGS: errno %d", errno);
	if (check_own("by PT_GETFPREGS") || check_stack(&fp, want))
		return 1;
	if (fpu_fxsr()) {
		KT_CHECK(ptrace(PT_GETXMMREGS, pid, (caddr_t)&x, 0) == 0,
		    "PT_GETXMMREGS: errno %d", errno);
		if (check_own("by PT_GETXMMREGS") || check_xmm(&x))
			return 1;
	}
	if (set_values(pid) || check_own("by the SET requests"))
		return 1;
	sig = cont_wait(pid, 0, &status);
	KT_CHECK(sig == -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "the tracee did not compute with the new values: status %#x "
	    "(2: x87 product, 3: FCW, 4: SSE sum, 5: MXCSR rounding)", status);
	return check_own("at the end");
}

static int
test_stack(void)
{
	return stack_case(0);
}

/* FIP and FDP: QEMU's FXSAVE does not store them (its FNSAVE does). */
static int
test_stack_fip(void)
{
	if (fpu_fxsr() && !kt_is_bochs())
		kt_skip("QEMU's FXSAVE stores no FIP/FDP (runs under Bochs and "
		    "on -cpu pentium)");
	return stack_case(WANT_FIP);
}

/* The last opcode: QEMU does not record it at all. */
static int
test_stack_fop(void)
{
	if (!kt_is_bochs())
		kt_skip("QEMU records no x87 opcode (runs under Bochs)");
	return stack_case(WANT_FIP | WANT_FOP);
}

/* A tracee that stops at int3 and then reports its MXCSR as exit status. */
static int
tracee_mxcsr(void)
{
	uint32_t m;

	__asm__ volatile("int3");
	__asm__ volatile("stmxcsr %0" : "=m"(m));
	return m == (0x1f80 | 0x8000 | 0x6000 | (kinfo(KINFO_MXCSR_MASK) &
	    0x40)) ? 0 : 1;
}

/* Reserved MXCSR bits: EINVAL, nothing changes; a valid value is taken. */
static int
test_mxcsr_reserved(void)
{
	static const uint32_t bad[] = { 0xffffffff, 0x00010000, 0x80000000 };
	uint32_t mask = kinfo(KINFO_MXCSR_MASK);
	struct xmmreg before, x, after;
	int status, sig;
	size_t i;
	pid_t pid;

	if (!fpu_sse())
		kt_skip("no SSE on this CPU (PT_SETXMMREGS is EINVAL there)");
	KT_CHECK((pid = start(tracee_mxcsr)) > 0, "no traced child");
	KT_CHECK(cont_wait(pid, 0, &status) == SIGTRAP, "no int3 stop");
	KT_CHECK(ptrace(PT_GETXMMREGS, pid, (caddr_t)&before, 0) == 0,
	    "GETXMMREGS");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]) + 1; i++) {
		x = before;
		x.xmm_env[6] = i < sizeof(bad) / sizeof(bad[0]) ? bad[i] :
		    0x1f80 | (~mask & 0xffff);
		if (i == sizeof(bad) / sizeof(bad[0]) && (~mask & 0xffff) == 0)
			continue;	/* every low bit is valid on this CPU */
		x.xmm_reg[3][0] ^= 0xff;	/* a change that must not land */
		errno = 0;
		KT_CHECK(ptrace(PT_SETXMMREGS, pid, (caddr_t)&x, 0) == -1 &&
		    errno == EINVAL, "MXCSR %#lx: not EINVAL (errno %d)",
		    x.xmm_env[6], errno);
		KT_CHECK(ptrace(PT_GETXMMREGS, pid, (caddr_t)&after, 0) == 0,
		    "GETXMMREGS");
		KT_CHECK(memcmp(&before, &after, sizeof(after)) == 0,
		    "a refused PT_SETXMMREGS changed the image (MXCSR %#lx)",
		    after.xmm_env[6]);
	}
	x = before;
	x.xmm_env[6] = 0x1f80 | 0x8000 | 0x6000 | (mask & 0x40);
	KT_CHECK(ptrace(PT_SETXMMREGS, pid, (caddr_t)&x, 0) == 0,
	    "a valid MXCSR %#lx refused: errno %d", x.xmm_env[6], errno);
	sig = cont_wait(pid, 0, &status);
	KT_CHECK(sig == -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "the tracee did not run with the valid MXCSR: %#x", status);
	return 0;
}

/* Without FXSR: no FXSAVE image to move, EINVAL; struct fpreg still works. */
static int
test_xmmregs_without_fxsr(void)
{
	struct xmmreg x;
	struct fpreg fp;
	int status;
	pid_t pid;

	if (fpu_fxsr())
		kt_skip("this CPU has FXSR (the case runs on -cpu pentium/486)");
	KT_CHECK((pid = start(tracee_mxcsr)) > 0, "no traced child");
	KT_CHECK(cont_wait(pid, 0, &status) == SIGTRAP, "no int3 stop");
	memset(&x, 0, sizeof(x));
	errno = 0;
	KT_CHECK(ptrace(PT_GETXMMREGS, pid, (caddr_t)&x, 0) == -1 &&
	    errno == EINVAL, "PT_GETXMMREGS: not EINVAL (errno %d)", errno);
	errno = 0;
	KT_CHECK(ptrace(PT_SETXMMREGS, pid, (caddr_t)&x, 0) == -1 &&
	    errno == EINVAL, "PT_SETXMMREGS: not EINVAL (errno %d)", errno);
	KT_CHECK(ptrace(PT_GETFPREGS, pid, (caddr_t)&fp, 0) == 0 &&
	    (fp.fpr_env[0] & 0xffff) == FCW_DEFAULT, "PT_GETFPREGS");
	KT_CHECK(ptrace(PT_KILL, pid, NULL, 0) == 0, "PT_KILL");
	kt_wait_status(pid, &status);
	return 0;
}

static volatile int fpe_code;
static volatile uint32_t fpe_addr;

static void
on_fpe(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	fpe_code = si->si_code;
	fpe_addr = (uint32_t)si->si_addr;
}

/*
 * Sleep a few times (context switches with the pending exception in the
 * image), then the waiting instruction: SIGFPE there, FPE_FLTINV. The
 * handler returns and the instruction runs again without the exception.
 */
static int
tracee_pending(void (*insn)(void), uint32_t where)
{
	struct sigaction sa;
	int i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_fpe;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGFPE, &sa, NULL);
	__asm__ volatile("int3");
	for (i = 0; i < 3; i++)
		usleep(10000);
	insn();
	return fpe_code == FPE_FLTINV && fpe_addr == where ? 0 : 1;
}

static int
tracee_pending_fwait(void)
{
	return tracee_pending(fpt_pending_fwait, (uint32_t)fpt_fwait);
}

static int
tracee_pending_fld1(void)
{
	return tracee_pending(fpt_pending_fld1, (uint32_t)fpt_fld1);
}

/* FCW = 0 (all unmasked), FSW = 0x8081 (B, ES, IE): pending invalid op. */
static int
pending_case(int (*body)(void), uint32_t where)
{
	struct fpreg fp;
	struct reg r;
	int status, sig;
	pid_t pid;

	KT_CHECK((pid = start(body)) > 0, "no traced child");
	KT_CHECK(cont_wait(pid, 0, &status) == SIGTRAP, "no int3 stop");
	KT_CHECK(ptrace(PT_GETFPREGS, pid, (caddr_t)&fp, 0) == 0, "GETFPREGS");
	fp.fpr_env[0] = 0x0000;
	fp.fpr_env[1] = 0x8081;
	KT_CHECK(ptrace(PT_SETFPREGS, pid, (caddr_t)&fp, 0) == 0,
	    "PT_SETFPREGS: errno %d", errno);
	sig = cont_wait(pid, 0, &status);
	KT_CHECK(sig == SIGFPE, "expected a SIGFPE stop, got %d (%#x)", sig,
	    status);
	KT_CHECK(ptrace(PT_GETREGS, pid, (caddr_t)&r, 0) == 0, "GETREGS");
	KT_CHECK(r.r_eip == where, "SIGFPE at %#x, expected %#x", r.r_eip,
	    where);
	sig = cont_wait(pid, SIGFPE, &status);
	KT_CHECK(sig == -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "the tracee's handler did not see FPE_FLTINV at the instruction: "
	    "%#x", status);
	return 0;
}

static int
test_pending_fwait(void)
{
	return pending_case(tracee_pending_fwait, (uint32_t)fpt_fwait);
}

/* QEMU raises #MF only at FWAIT; real CPUs and Bochs at any waiting one. */
static int
test_pending_fld1(void)
{
	if (!kt_is_bochs())
		kt_skip("QEMU raises #MF only at FWAIT (runs under Bochs)");
	return pending_case(tracee_pending_fld1, (uint32_t)fpt_fld1);
}

/* Each round: the tracee holds pattern 2k and stops; the tracer reads it and
 * gives it pattern 2k+1, which the tracee checks. */
static int
tracee_loop(void)
{
	struct fppattern p;
	struct fpview v;
	char why[120];
	int k;

	for (k = 0; k < LOOPS; k++) {
		fpu_pattern(&p, 1000 + 2 * k);
		fpu_load(&p);
		__asm__ volatile("int3");
		fpu_pattern(&p, 1001 + 2 * k);
		fpu_snapshot(&v);
		if (!fpu_holds(&p, &v, why, sizeof(why)))
			return 10 + k % 100;
	}
	return 0;
}

static int
loop_round(pid_t pid, int k)
{
	struct fppattern p;
	struct fpview v;
	struct fpreg fp;
	struct xmmreg x;
	char why[120];

	fpu_pattern(&p, 1000 + 2 * k);
	KT_CHECK(ptrace(PT_GETFPREGS, pid, (caddr_t)&fp, 0) == 0, "GETFPREGS");
	fpu_view_fn(&fp, &v);
	if (fpu_fxsr()) {
		KT_CHECK(ptrace(PT_GETXMMREGS, pid, (caddr_t)&x, 0) == 0,
		    "GETXMMREGS");
		v.mxcsr = x.xmm_env[6];
		memcpy(v.xmm, x.xmm_reg, sizeof(v.xmm));
	}
	KT_CHECK(fpu_holds(&p, &v, why, sizeof(why)), "round %d: %s", k, why);
	fpu_pattern(&p, 1001 + 2 * k);
	if (fpu_fxsr()) {
		fpu_pattern_xmm(&p, &x);
		KT_CHECK(ptrace(PT_SETXMMREGS, pid, (caddr_t)&x, 0) == 0,
		    "SETXMMREGS: errno %d", errno);
	} else {
		fpu_pattern_fpreg(&p, &fp);
		KT_CHECK(ptrace(PT_SETFPREGS, pid, (caddr_t)&fp, 0) == 0,
		    "SETFPREGS: errno %d", errno);
	}
	return 0;
}

/* Hundreds of get/set round trips while the tracer keeps its own values. */
static int
test_loop(void)
{
	int status, sig, k;
	pid_t pid;

	KT_CHECK((pid = start(tracee_loop)) > 0, "no traced child");
	fpu_load(own_pattern());
	sig = cont_wait(pid, 0, &status);
	for (k = 0; k < LOOPS && sig == SIGTRAP; k++) {
		if (loop_round(pid, k) || check_own("in the loop"))
			return 1;
		sig = cont_wait(pid, 0, &status);
	}
	KT_CHECK(k == LOOPS && sig == -1 && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0, "after %d rounds: status %#x", k, status);
	return check_own("after the loop");
}

int
main(void)
{
	kt_suite("fpu_ptrace");
	kt_run("stack", test_stack);
	kt_run("stack_fip", test_stack_fip);
	kt_run("stack_fop", test_stack_fop);
	kt_run("mxcsr_reserved", test_mxcsr_reserved);
	kt_run("xmmregs_without_fxsr", test_xmmregs_without_fxsr);
	kt_run("pending_fwait", test_pending_fwait);
	kt_run("pending_fld1", test_pending_fld1);
	kt_run("loop", test_loop);
	return kt_finish();
}
