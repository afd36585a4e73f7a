/*
 * check.c - what must hold however the requests went, checked every 1,000
 * requests (and at the end by main.c, with the page and heap counts); a
 * subject's own invariants also after every register write it accepted.
 *
 * A traced subject, stopped: user CS and SS (0x1b, 0x23: RPL 3), IOPL 0,
 * IF set, no VM; debug registers enabled only on user addresses, with no
 * GD, no I/O breakpoint and no undefined length; MXCSR within the CPU's
 * mask. The system: a fresh process forks, execs /bin/true and exits 0,
 * and a freshly exec'd traced process has no debug registers and the clean
 * FPU state.
 */
#include <errno.h>
#include <string.h>
#include <sys/kinfo.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>
#include <machine/reg.h>
#include "ptfuzz.h"

#define PSL_I		0x00000200u
#define PSL_IOPL	0x00003000u
#define PSL_VM		0x00020000u

static void
check_regs(struct fuzz *f, pid_t pid)
{
	struct reg r;

	if (ptrace(PT_GETREGS, pid, (caddr_t)&r, 0) < 0)
		fuzz_fail(f, "subject %d: PT_GETREGS errno %d", pid, errno);
	if (r.r_cs != 0x1b || r.r_ss != 0x23)
		fuzz_fail(f, "subject %d: cs %#x ss %#x", pid, r.r_cs, r.r_ss);
	if ((r.r_eflags & (PSL_IOPL | PSL_VM)) || !(r.r_eflags & PSL_I))
		fuzz_fail(f, "subject %d: eflags %#x", pid, r.r_eflags);
}

static void
check_dbregs(struct fuzz *f, pid_t pid)
{
	struct dbreg d;
	uint32_t len, rw;
	int i;

	if (ptrace(PT_GETDBREGS, pid, (caddr_t)&d, 0) < 0)
		fuzz_fail(f, "subject %d: PT_GETDBREGS errno %d", pid, errno);
	if (d.dr[7] & (DBREG_DR7_GD | 0xd800u))
		fuzz_fail(f, "subject %d: dr7 %#x", pid, d.dr[7]);
	for (i = 0; i < 4; i++) {
		if (!DBREG_DR7_ENABLED(d.dr[7], i))
			continue;
		rw = DBREG_DR7_ACCESS(d.dr[7], i);
		len = DBREG_DR7_LEN(d.dr[7], i);
		if (rw == 2 || len == 2 || d.dr[i] >= USER_TOP ||
		    USER_TOP - d.dr[i] < len + 1)
			fuzz_fail(f, "subject %d: dr%d %#x with dr7 %#x", pid, i,
			    d.dr[i], d.dr[7]);
	}
}

static void
check_mxcsr(struct fuzz *f, pid_t pid)
{
	struct xmmreg x;
	uint32_t mask = kinfo(KINFO_MXCSR_MASK);

	if (!(kinfo(KINFO_CPUFEATURES) & KCPU_FXSR))
		return;
	if (ptrace(PT_GETXMMREGS, pid, (caddr_t)&x, 0) < 0)
		fuzz_fail(f, "subject %d: PT_GETXMMREGS errno %d", pid, errno);
	if (x.xmm_env[6] & ~mask)
		fuzz_fail(f, "subject %d: mxcsr %#lx, mask %#x", pid,
		    x.xmm_env[6], mask);
}

void
check_subject(struct fuzz *f, struct subject *s)
{
	if (s->state != S_STOPPED || subject_died(f, s))
		return;
	check_regs(f, s->pid);
	check_dbregs(f, s->pid);
	check_mxcsr(f, s->pid);
}

void
check_subjects(struct fuzz *f)
{
	int i;

	for (i = 0; i < NSUBJ; i++)
		check_subject(f, &f->subj[i]);
}

/* The fresh image's FPU and debug registers, read by its tracer. */
static void
check_fresh(struct fuzz *f, pid_t pid)
{
	struct xmmreg x;
	struct fpreg fp;
	struct dbreg d;

	if (ptrace(PT_GETDBREGS, pid, (caddr_t)&d, 0) < 0 || d.dr[0] ||
	    d.dr[1] || d.dr[2] || d.dr[3] || (d.dr[7] & 0xff))
		fuzz_fail(f, "a fresh exec has debug registers (dr7 %#x)",
		    d.dr[7]);
	if (kinfo(KINFO_CPUFEATURES) & KCPU_FXSR) {
		if (ptrace(PT_GETXMMREGS, pid, (caddr_t)&x, 0) < 0 ||
		    x.xmm_env[0] != 0x037f || (x.xmm_env[1] & 0x07ff00ffu) ||
		    x.xmm_env[2] || x.xmm_env[4] || x.xmm_env[6] != 0x1f80)
			fuzz_fail(f, "a fresh exec's FXSAVE image is not clean "
			    "(fcw/fsw %#lx mxcsr %#lx)", x.xmm_env[0],
			    x.xmm_env[6]);
	} else if (ptrace(PT_GETFPREGS, pid, (caddr_t)&fp, 0) < 0 ||
	    (fp.fpr_env[0] & 0xffff) != 0x037f ||
	    (fp.fpr_env[2] & 0xffff) != 0xffff) {
		fuzz_fail(f, "a fresh exec's FPU is not clean (cw %#lx tw %#lx)",
		    fp.fpr_env[0], fp.fpr_env[2]);
	}
}

void
check_system(struct fuzz *f)
{
	char *argv[] = { "true", NULL };
	int st = 0;
	pid_t pid = fork();

	if (pid == 0) {
		ptrace(PT_TRACE_ME, 0, NULL, 0);
		execv("/bin/true", argv);
		_exit(127);
	}
	if (pid < 0)
		fuzz_fail(f, "fork: errno %d", errno);
	if (waitpid(pid, &st, 0) != pid || !WIFSTOPPED(st) ||
	    WSTOPSIG(st) != SIGTRAP)
		fuzz_fail(f, "a traced exec of /bin/true: status %#x", st);
	check_fresh(f, pid);
	ptrace(PT_CONTINUE, pid, (caddr_t)1, 0);
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0)
		fuzz_fail(f, "/bin/true: status %#x", st);
	f->gone = pid;
}
