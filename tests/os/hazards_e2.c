// RUN: qemu fpu=lazy
// RUN: qemu | -cpu pentium
// RUN: qemu fpu=lazy | -cpu pentium
// RUN: bochs fpu=lazy
/*
 * hazards_e2.c - a restore that fails, or an image the kernel cannot load
 * as given, must never leave the previous owner's registers in the FPU
 * (CVE-2017-15537; OpenBSD's semi-eager switch resets and signals on a
 * failed restore). A victim loads a distinctive pattern into every x87 and
 * SSE register and keeps yielding; meanwhile another process is handed
 * every odd image user space can produce: garbage FNSAVE and FXSAVE images
 * through PT_SETFPREGS/PT_SETXMMREGS, an image with a reserved MXCSR bit
 * (refused), and through sigreturn a garbage image, one with no FPU state
 * (the clean state) and one of an unknown format (refused). Whatever that
 * process then finds in its own registers, it is never the victim's, and
 * the victim still holds its own. The lazy runs matter most: there the
 * victim's registers stay loaded while others run.
 *
 * A restore that the CPU itself refuses (FXRSTOR #GP) cannot be caused
 * from user space now that MXCSR is checked; the kernel's self-test
 * (fpu_selftest, the boot.selftest run) injects one and checks the fix-up
 * loads the clean state.
 */
#include "hazards_regs.h"

#define VICTIM_SEED	0x41
#define ROUNDS		150

/* Holds its pattern across ROUNDS yields; exit 3 if it ever lost it. */
static int
victim(void)
{
	struct fppattern p;
	struct fpview v;
	char why[100];
	int i;

	fpu_pattern(&p, VICTIM_SEED);
	fpu_load(&p);
	for (i = 0; i < ROUNDS; i++) {
		sched_yield();
		fpu_snapshot(&v);
		if (!fpu_holds(&p, &v, why, sizeof(why)))
			return 3;
	}
	return 0;
}

/* After yielding to the victim a few times: 0 unless it sees its values. */
static int
no_victim_values(void)
{
	struct fppattern p;
	struct fpview v;
	int i;

	fpu_pattern(&p, VICTIM_SEED);
	for (i = 0; i < 20; i++) {
		sched_yield();
		fpu_snapshot(&v);
		if (fpu_shows(&p, &v))
			return 4;
	}
	return 0;
}

/* A garbage 387 image: every register a pseudo-NaN, unnormal or garbage. */
static void
garbage_fpreg(struct fpreg *f)
{
	int i, j;

	memset(f, 0, sizeof(*f));
	f->fpr_env[0] = 0x037f;
	f->fpr_env[1] = 0x3800;
	f->fpr_env[2] = 0x0000;			/* every tag "valid" */
	f->fpr_env[3] = 0xdeadbeef;
	f->fpr_env[4] = 0x07ff0000 | 0xffff;
	for (i = 0; i < 8; i++)
		for (j = 0; j < 10; j++)
			f->fpr_acc[i][j] = (uint8_t)(0x5a ^ (i * 37 + j * 11));
	f->fpr_acc[0][7] = 0x00;		/* J bit clear: unnormal */
	f->fpr_acc[1][8] = f->fpr_acc[1][9] = 0xff;	/* pseudo-NaN */
}

/* A tracee stopped at its start, its registers written with `how'. */
static int
setregs_case(int (*how)(pid_t))
{
	pid_t v = hz_child(victim), pid = pt_traced(no_victim_values);

	KT_CHECK(v > 0 && pid > 0, "no processes");
	KT_CHECK(how(pid) == 0, "writing the image failed: errno %d", errno);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	PT_EXITS(v, 0);
	return 0;
}

static int
set_fpreg(pid_t pid)
{
	struct fpreg f;

	garbage_fpreg(&f);
	return ptrace(PT_SETFPREGS, pid, (caddr_t)&f, 0);
}

static int
set_xmm(pid_t pid)
{
	union fpimage img;
	int i;

	if (!fpu_fxsr())
		return set_fpreg(pid);
	for (i = 0; i < 512; i++)
		img.raw[i] = (uint8_t)(0xa5 ^ i);
	img.fx.xmm_env[6] = 0x1f80;		/* MXCSR within every mask */
	return ptrace(PT_SETXMMREGS, pid, (caddr_t)&img.fx, 0);
}

/* A reserved MXCSR bit: refused, and nothing of it (or the victim) loaded. */
static int
set_xmm_refused(pid_t pid)
{
	union fpimage img;

	if (!fpu_fxsr())
		return set_fpreg(pid);
	memset(&img, 0, sizeof(img));
	img.fx.xmm_env[0] = 0x037f;
	img.fx.xmm_env[6] = 0xffffffffu;
	if (ptrace(PT_SETXMMREGS, pid, (caddr_t)&img.fx, 0) == 0 ||
	    errno != EINVAL)
		return -1;
	return 0;
}

HZ_CASE(test_setfpregs_garbage) { return setregs_case(set_fpreg); }
HZ_CASE(test_setxmmregs_garbage) { return setregs_case(set_xmm); }
HZ_CASE(test_setxmmregs_refused) { return setregs_case(set_xmm_refused); }

/* What a handler does to its ucontext's FPU part before returning. */
static void (*edit)(mcontext_t *);

static void
on_usr1(int sig, siginfo_t *si, void *ctx)
{
	(void)sig, (void)si;
	edit(&((ucontext_t *)ctx)->uc_mcontext);
}

static void
fp_garbage(mcontext_t *mc)
{
	uint8_t *b = (uint8_t *)mc->mc_fpstate;
	int i;

	for (i = 0; i < 512; i++)
		b[i] = (uint8_t)(0x3c ^ i);
	if (mc->mc_fpformat == _MC_FPFMT_XMM)
		((struct xmmreg *)b)->xmm_env[6] = 0x1f80;
	else
		garbage_fpreg((struct fpreg *)b);
}

static void
fp_none(mcontext_t *mc)
{
	mc->mc_ownedfp = _MC_FPOWNED_NONE;
}

static int
sigreturn_body(void)
{
	struct fppattern mine;
	struct fpview v;
	char why[100];

	hz_handler(SIGUSR1, on_usr1);
	fpu_pattern(&mine, 7);
	fpu_load(&mine);
	raise(SIGUSR1);
	if (edit == fp_none) {
		fpu_snapshot(&v);
		if (!fpu_is_clean(&v, why, sizeof(why)))
			return 5;
	}
	return no_victim_values();
}

static int
sigreturn_case(void (*how)(mcontext_t *))
{
	pid_t v = hz_child(victim), pid;

	edit = how;
	pid = hz_child(sigreturn_body);
	KT_CHECK(v > 0 && pid > 0, "no processes");
	PT_EXITS(pid, 0);
	PT_EXITS(v, 0);
	return 0;
}

HZ_CASE(test_sigreturn_garbage) { return sigreturn_case(fp_garbage); }
HZ_CASE(test_sigreturn_no_fpu_state) { return sigreturn_case(fp_none); }

/* An unknown format, handed to sigreturn directly: EINVAL, own values kept. */
static int
bad_format_body(void)
{
	struct fppattern mine;
	struct fpview v;
	ucontext_t uc;
	char why[100];

	hz_handler(SIGUSR1, hz_save_context);
	fpu_pattern(&mine, 9);
	fpu_load(&mine);
	raise(SIGUSR1);
	uc = hz_saved;
	uc.uc_mcontext.mc_fpformat = 0x7777;
	if (sigreturn(&uc) != -1 || errno != EINVAL)
		return 6;
	if (no_victim_values() != 0)
		return 4;
	fpu_snapshot(&v);
	return fpu_holds(&mine, &v, why, sizeof(why)) ? 0 : 7;
}

HZ_CASE(test_sigreturn_bad_format)
{
	pid_t v = hz_child(victim), pid = hz_child(bad_format_body);

	KT_CHECK(v > 0 && pid > 0, "no processes");
	PT_EXITS(pid, 0);
	PT_EXITS(v, 0);
	return 0;
}

int
main(void)
{
	kt_suite("hazards_e2");
	kt_run("setfpregs_garbage", test_setfpregs_garbage);
	kt_run("setxmmregs_garbage", test_setxmmregs_garbage);
	kt_run("setxmmregs_refused", test_setxmmregs_refused);
	kt_run("sigreturn_garbage", test_sigreturn_garbage);
	kt_run("sigreturn_no_fpu_state", test_sigreturn_no_fpu_state);
	kt_run("sigreturn_bad_format", test_sigreturn_bad_format);
	return kt_finish();
}
