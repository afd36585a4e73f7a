// RUN: bochs
// RUN: qemu | -cpu pentium
/*
 * hazards_e1.c - reserved MXCSR bits. FXRSTOR and LDMXCSR raise #GP for a
 * bit outside the CPU's MXCSR mask; a kernel that loads a user's image
 * unchecked takes that #GP in ring 0 at the next switch or return
 * (CVE-2001-1273; Linux 145e9e0d8c6 and the fixes of the fix; DragonOS
 * #1918). Kestrel checks MXCSR against the mask (KINFO_MXCSR_MASK) when it
 * is written: PT_SETXMMREGS and sigreturn refuse a bad one with EINVAL and
 * change nothing (returning into it from a handler is SIGSEGV); a value
 * within the mask is taken. Either way the tracee's own STMXCSR after an
 * ADDPS shows only bits of the mask.
 *
 * Emulators: QEMU loads reserved bits without a fault (emulators.md), so
 * only the Bochs run would show a #GP from a bad value that got through;
 * both check the refusal. On a CPU without FXSR (-cpu pentium) there is no
 * MXCSR: PT_GETXMMREGS and PT_SETXMMREGS are EINVAL, and the other cases
 * are skipped, by name.
 */
#include "hazards_regs.h"

static const struct {
	const char	*name;
	uint32_t	mxcsr;
} values[] = {
	{ "all_ones", 0xffffffffu },
	{ "bit16", 0x00010000u },
	{ "low_16_bits", 0x0000ffffu },	/* DAZ: valid only if the mask has it */
};
static int cur;

static uint32_t
mask(void)
{
	return (uint32_t)kinfo(KINFO_MXCSR_MASK);
}

/* addps, then stmxcsr: 0 if what the tracee holds is within the mask. */
static int
mxcsr_body(void)
{
	static const uint32_t a[4] __attribute__((aligned(16))) = {
		0x3f800000, 0x40000000, 0x40400000, 0x40800000	/* 1 2 3 4 */
	};
	uint32_t m;

	/* The suite has no SSE code of its own: xmm0/xmm1 are free. */
	__asm__ volatile("movaps %1, %%xmm1\n\taddps %%xmm1, %%xmm0\n\t"
	    "stmxcsr %0" : "=m"(m) : "m"(a));
	return m & ~mask() ? 2 : 0;
}

HZ_CASE(test_setxmmregs)
{
	struct xmmreg was, x, now;
	uint32_t v = values[cur].mxcsr;
	pid_t pid;

	if (!fpu_fxsr())
		kt_skip("no FXSR: no MXCSR");
	KT_CHECK((pid = pt_traced(mxcsr_body)) > 0, "no tracee");
	PT_OK(PT_GETXMMREGS, pid, &was, 0);
	x = was;
	x.xmm_env[6] = v;
	if (v & ~mask()) {
		PT_ERR(EINVAL, PT_SETXMMREGS, pid, &x, 0);
		PT_OK(PT_GETXMMREGS, pid, &now, 0);
		KT_CHECK(!memcmp(&was, &now, sizeof(now)),
		    "a refused image changed the state (mxcsr %#lx)",
		    now.xmm_env[6]);
	} else {
		PT_OK(PT_SETXMMREGS, pid, &x, 0);
		PT_OK(PT_GETXMMREGS, pid, &now, 0);
		KT_CHECK(now.xmm_env[6] == v, "mxcsr %#lx", now.xmm_env[6]);
	}
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

static volatile uint32_t forged;

static void
forge(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;

	(void)sig, (void)si;
	((struct xmmreg *)uc->uc_mcontext.mc_fpstate)->xmm_env[6] = forged;
}

/* A handler's own context with the MXCSR value, handed to sigreturn. */
static int
direct_body(void)
{
	ucontext_t uc;

	hz_handler(SIGUSR1, hz_save_context);
	raise(SIGUSR1);
	uc = hz_saved;
	((struct xmmreg *)uc.uc_mcontext.mc_fpstate)->xmm_env[6] = forged;
	if (sigreturn(&uc) != -1 || errno != EINVAL)
		return 3;
	return mxcsr_body();
}

static int
return_body(void)
{
	hz_handler(SIGUSR1, forge);
	raise(SIGUSR1);
	return mxcsr_body();
}

HZ_CASE(test_sigreturn)
{
	pid_t pid;

	if (!fpu_fxsr())
		kt_skip("no FXSR: no MXCSR");
	forged = values[cur].mxcsr;
	if (forged & ~mask()) {
		pid = hz_child(direct_body);
		PT_EXITS(pid, 0);
		pid = hz_child(return_body);
		PT_KILLED(pid, SIGSEGV);
	} else {
		pid = hz_child(return_body);
		PT_EXITS(pid, 0);
	}
	return 0;
}

/* Without FXSR the FXSAVE requests do not exist. */
HZ_CASE(test_no_fxsr)
{
	struct xmmreg x;
	pid_t pid;

	if (fpu_fxsr())
		kt_skip("the CPU has FXSR");
	KT_CHECK((pid = pt_traced(hz_exit0)) > 0, "no tracee");
	memset(&x, 0, sizeof(x));
	PT_ERR(EINVAL, PT_GETXMMREGS, pid, &x, 0);
	x.xmm_env[6] = 0xffffffffu;
	PT_ERR(EINVAL, PT_SETXMMREGS, pid, &x, 0);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

int
main(void)
{
	char name[48];

	kt_suite("hazards_e1");
	for (cur = 0; cur < (int)HZ_NELEM(values); cur++) {
		snprintf(name, sizeof(name), "setxmmregs_%s", values[cur].name);
		kt_run(name, test_setxmmregs);
		snprintf(name, sizeof(name), "sigreturn_%s", values[cur].name);
		kt_run(name, test_sigreturn);
	}
	kt_run("no_fxsr", test_no_fxsr);
	return kt_finish();
}
