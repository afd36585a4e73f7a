// RUN: qemu fpu=lazy
// RUN: qemu | -cpu pentium
// RUN: bochs
/*
 * hazards_e3.c - a pending unmasked x87 exception in an image from user
 * space. FCW 0 unmasks everything and FSW 0x8081 (B, ES, IE) says an
 * invalid-operation exception is pending: after FRSTOR/FXRSTOR the next
 * waiting FP instruction raises #MF. If that instruction were the
 * kernel's, the kernel would take #MF (CVE-2004-0554, CVE-2014-1438).
 * Kestrel never runs a waiting FP instruction (docs/fpu.md): the state
 * goes in through PT_SETFPREGS (387 image), PT_SETXMMREGS (FXSAVE image)
 * or sigreturn, the process sleeps through context switches, and the #MF
 * comes at its own next waiting instruction: SIGFPE (FPE_FLTINV) there,
 * in ring 3.
 *
 * Emulators (docs/fpu.md): QEMU raises #MF only at FWAIT, Bochs (like real
 * CPUs) at any waiting FP instruction; the tracee uses fwait on QEMU and
 * fld1 on Bochs.
 */
#include "hazards_lib.h"

void	e3_fwait(void), e3_fld1(void);

__asm__(".text\n"
	".globl e3_fwait\ne3_fwait:\n"
	"	fwait\n"
	"	ret\n"
	".globl e3_fld1\ne3_fld1:\n"
	"	fld1\n"
	"	ret\n");

static void (*
site(void))(void)
{
	return kt_is_bochs() ? e3_fld1 : e3_fwait;
}

/* Sleep through a few switches, then the waiting instruction. */
static int
pending_body(void)
{
	int i;

	for (i = 0; i < 3; i++)
		usleep(10000);
	site()();
	return 2;			/* no exception */
}

static int
set_fpreg(pid_t pid)
{
	struct fpreg f;

	if (ptrace(PT_GETFPREGS, pid, (caddr_t)&f, 0) < 0)
		return -1;
	f.fpr_env[0] = 0x0000;
	f.fpr_env[1] = 0x8081;
	return ptrace(PT_SETFPREGS, pid, (caddr_t)&f, 0);
}

static int
set_xmm(pid_t pid)
{
	struct xmmreg x;

	if (ptrace(PT_GETXMMREGS, pid, (caddr_t)&x, 0) < 0)
		return -1;
	x.xmm_env[0] = 0x8081u << 16;
	return ptrace(PT_SETXMMREGS, pid, (caddr_t)&x, 0);
}

/* The image goes in at the first stop; SIGFPE must stop the tracee at the site. */
static int
traced_case(int (*set)(pid_t))
{
	struct reg r;
	siginfo_t si;
	pid_t pid = pt_traced(pending_body);

	KT_CHECK(pid > 0, "no tracee");
	KT_CHECK(set(pid) == 0, "writing the image: errno %d", errno);
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGFPE);
	KT_CHECK(pt_getregs(pid, &r) == 0 && r.r_eip == (uint32_t)site() &&
	    r.r_cs == HZ_UCODE, "SIGFPE at %#x (cs %#x), expected %p", r.r_eip,
	    r.r_cs, (void *)site());
	KT_CHECK(hz_siginfo(pid, &si) == 0 && si.si_code == FPE_FLTINV,
	    "si_code %d", si.si_code);
	PT_CONT(pid, SIGFPE);
	PT_KILLED(pid, SIGFPE);
	return 0;
}

HZ_CASE(test_setfpregs) { return traced_case(set_fpreg); }

HZ_CASE(test_setxmmregs)
{
	if (!fpu_fxsr())
		kt_skip("no FXSR: no FXSAVE image");
	return traced_case(set_xmm);
}

static void
make_pending(int sig, siginfo_t *si, void *ctx)
{
	mcontext_t *mc = &((ucontext_t *)ctx)->uc_mcontext;

	(void)sig, (void)si;
	if (mc->mc_fpformat == _MC_FPFMT_XMM) {
		((struct xmmreg *)mc->mc_fpstate)->xmm_env[0] = 0x8081u << 16;
	} else {
		((struct fpreg *)mc->mc_fpstate)->fpr_env[0] = 0;
		((struct fpreg *)mc->mc_fpstate)->fpr_env[1] = 0x8081;
	}
	mc->mc_ownedfp = _MC_FPOWNED_PCB;
}

static int
sigreturn_body(void)
{
	hz_handler(SIGUSR1, make_pending);
	raise(SIGUSR1);
	return pending_body();
}

/* The same state from a handler's ucontext: death by SIGFPE at the site. */
HZ_CASE(test_sigreturn)
{
	pid_t pid = hz_child(sigreturn_body);

	PT_KILLED(pid, SIGFPE);
	return 0;
}

int
main(void)
{
	kt_suite("hazards_e3");
	kt_run("setfpregs", test_setfpregs);
	kt_run("setxmmregs", test_setxmmregs);
	kt_run("sigreturn", test_sigreturn);
	return kt_finish();
}
