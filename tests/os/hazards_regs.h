/*
 * hazards_regs.h - what the hazard suites on register state share (bad
 * selectors and flags, port I/O, FPU images, debug registers, stepping):
 * a bad value tried through PT_SETREGS and through sigreturn (and a
 * handler's saved context to forge from), the check that a process is
 * still an ordinary ring-3 one, a debug-register set tried on a tracee
 * that then runs through context switches, the program's own TF, and
 * running a tracee to an instruction.
 */
#ifndef HAZARDS_REGS_H
#define HAZARDS_REGS_H

#include "hazards_lib.h"

/*
 * A bad value for one register, the same field in struct reg (PT_SETREGS)
 * and in mcontext_t (sigreturn): HZ_BAD("name", r_ds, mc_ds, 0x10).
 */
struct hz_bad {
	const char	*name;
	size_t		reg_off;
	size_t		mc_off;
	uint32_t	value;
};

#define HZ_BAD(n, r, m, v)	\
	{ n, offsetof(struct reg, r), offsetof(mcontext_t, m), v }
#define HZ_FIELD(base, off)	(*(uint32_t *)((char *)(base) + (off)))

static const struct hz_bad *hz_bad;	/* the one a case is trying */

/* A SIGSEGV handler that skips the faulting instruction (hz_skip bytes). */
static volatile int hz_segvs, hz_skip;

static void
hz_skip_segv(int sig, siginfo_t *si, void *ctx)
{
	(void)sig, (void)si;
	hz_segvs++;
	((ucontext_t *)ctx)->uc_mcontext.mc_eip += hz_skip;
}

/*
 * Still a plain ring-3 process: user CS and SS, IOPL 0, IF set, no VM or
 * NT, and both `in' and `cli' fault. 0, or a code >= 40 naming the check.
 */
static inline int
hz_unprivileged(void)
{
	uint32_t cs, ss, ef;

	__asm__ volatile("movl %%cs, %0; movl %%ss, %1" : "=r"(cs), "=r"(ss));
	__asm__ volatile("pushfl; popl %0" : "=r"(ef));
	if (cs != HZ_UCODE || ss != HZ_UDATA)
		return 40;
	if ((ef & (PSL_IOPL | PSL_VM | PSL_NT)) || !(ef & PSL_I))
		return 41;
	hz_handler(SIGSEGV, hz_skip_segv);
	hz_segvs = 0;
	hz_skip = 2;
	__asm__ volatile("inb $0x60, %%al" ::: "eax", "memory");
	if (hz_segvs != 1)
		return 42;
	hz_skip = 1;
	__asm__ volatile("cli" ::: "memory");
	if (hz_segvs != 2)
		return 43;
	signal(SIGSEGV, SIG_DFL);
	return 0;
}

/*
 * hz_bad through PT_SETREGS on a tracee stopped at its start: EINVAL, the
 * registers unchanged; resumed, the tracee passes hz_unprivileged() (its
 * SIGSEGV stops are handed on) and exits 0.
 */
static inline int
hz_bad_setregs(void)
{
	struct reg r, was, now;
	struct hz_stop s[4];
	pid_t pid = pt_traced(hz_unprivileged);
	int st, n;

	KT_CHECK(pid > 0, "no tracee");
	KT_CHECK(pt_getregs(pid, &was) == 0, "GETREGS: errno %d", errno);
	r = was;
	HZ_FIELD(&r, hz_bad->reg_off) = hz_bad->value;
	PT_ERR(EINVAL, PT_SETREGS, pid, &r, 0);
	KT_CHECK(pt_getregs(pid, &now) == 0 && !memcmp(&was, &now, sizeof(now)),
	    "registers changed by a refused PT_SETREGS");
	st = hz_collect(pid, s, 4, &n, HZ_SIGBIT(SIGSEGV));
	KT_CHECK(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	    "tracee: %s (40-43: hz_unprivileged failed)", pt_str(st));
	KT_CHECK(n == 2, "%d stops, expected the SIGSEGV of in and cli", n);
	return 0;
}

static ucontext_t hz_saved;

static void
hz_save_context(int sig, siginfo_t *si, void *ctx)
{
	(void)sig, (void)si;
	hz_saved = *(ucontext_t *)ctx;
}

static void
hz_forge_on_return(int sig, siginfo_t *si, void *ctx)
{
	(void)sig, (void)si;
	HZ_FIELD(&((ucontext_t *)ctx)->uc_mcontext, hz_bad->mc_off) =
	    hz_bad->value;
}

/* A handler's own context, with hz_bad applied, handed to sigreturn: EINVAL. */
static inline int
hz_direct_body(void)
{
	ucontext_t uc;

	hz_handler(SIGUSR1, hz_save_context);
	raise(SIGUSR1);
	uc = hz_saved;
	HZ_FIELD(&uc.uc_mcontext, hz_bad->mc_off) = hz_bad->value;
	if (sigreturn(&uc) != -1 || errno != EINVAL)
		return 30;
	return hz_unprivileged();
}

static inline int
hz_return_body(void)
{
	hz_handler(SIGUSR1, hz_forge_on_return);
	raise(SIGUSR1);
	return 31;
}

/*
 * hz_bad through sigreturn: called directly it is EINVAL and the caller
 * runs on unprivileged; a handler returning into it kills the process with
 * SIGSEGV (the trampoline's hlt after a refused sigreturn).
 */
static inline int
hz_bad_sigreturn(void)
{
	pid_t pid = hz_child(hz_direct_body);

	PT_EXITS(pid, 0);
	pid = hz_child(hz_return_body);
	PT_KILLED(pid, SIGSEGV);
	return 0;
}

/*
 * Each bad value as two cases, "setregs_NAME" and "sigreturn_NAME"; the
 * suite's HZ_CASEs around hz_bad_setregs() and hz_bad_sigreturn().
 */
static inline void
hz_run_bads(const struct hz_bad *b, unsigned n, int (*setregs)(void),
    int (*sigret)(void))
{
	char name[48];
	unsigned i;

	for (i = 0; i < n; i++) {
		hz_bad = &b[i];
		snprintf(name, sizeof(name), "setregs_%s", b[i].name);
		kt_run(name, setregs);
		snprintf(name, sizeof(name), "sigreturn_%s", b[i].name);
		kt_run(name, sigret);
	}
}

/*
 * A DR7 value the CPU can hold safely: no GD, no reserved bit, and for
 * every enabled slot no I/O breakpoint, no undefined length and an
 * execution breakpoint of length 1.
 */
static inline int
hz_dr7_safe(uint32_t dr7)
{
	int i;

	if (dr7 & (0x2000u | 0xd800u))
		return 0;
	for (i = 0; i < 4; i++) {
		uint32_t rw = dr7 >> (16 + 4 * i) & 3, len = dr7 >> (18 + 4 * i) & 3;

		if (!(dr7 >> (2 * i) & 3))
			continue;
		if (rw == 2 || len == 2 || (rw == 0 && len != 0))
			return 0;
	}
	return 1;
}

/*
 * PT_SETDBREGS with d on a tracee stopped at its start, which has a valid
 * set `was' loaded: EINVAL leaving `was' in place, or (if may_accept) the
 * set taken as written and safe. Then the tracee yields 100 times beside a
 * yielding CPU hog and must exit 0 without a single stop: nothing unsafe
 * reached the hardware and no trap leaked.
 */
static inline int
hz_dbregs_try(const struct dbreg *was, const struct dbreg *d, int may_accept)
{
	struct dbreg now;
	int r, err, sw;
	pid_t pid = pt_traced(hz_yield100);

	KT_CHECK(pid > 0 && hz_child(hz_yield_forever) > 0, "no processes");
	PT_OK(PT_SETDBREGS, pid, was, 0);
	r = ptrace(PT_SETDBREGS, pid, (caddr_t)d, 0);
	err = errno;
	KT_CHECK(ptrace(PT_GETDBREGS, pid, (caddr_t)&now, 0) == 0,
	    "GETDBREGS: errno %d", errno);
	if (r == -1) {
		KT_CHECK(err == EINVAL, "errno %d", err);
		KT_CHECK(!memcmp(now.dr, was->dr, 4 * sizeof(now.dr[0])) &&
		    now.dr[7] == was->dr[7], "refused, yet the registers "
		    "changed: dr0 %#x dr7 %#x", now.dr[0], now.dr[7]);
	} else {
		KT_CHECK(may_accept, "accepted dr0-3 %#x %#x %#x %#x dr7 %#x",
		    d->dr[0], d->dr[1], d->dr[2], d->dr[3], d->dr[7]);
		KT_CHECK(hz_dr7_safe(now.dr[7]), "accepted, dr7 now %#x",
		    now.dr[7]);
	}
	sw = kinfo(KINFO_CTXSWITCHES);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	KT_CHECK(kinfo(KINFO_CTXSWITCHES) - sw >= 100, "only %d switches",
	    kinfo(KINFO_CTXSWITCHES) - sw);
	return 0;
}

/* Counts SIGTRAPs, and whether the handler itself ever ran with TF set. */
static volatile int hz_traps, hz_tf_in_handler;

static void
hz_count_trap(int sig, siginfo_t *si, void *ctx)
{
	uint32_t ef;

	(void)sig, (void)si, (void)ctx;
	__asm__ volatile("pushfl; popl %0" : "=r"(ef));
	hz_tf_in_handler |= (ef & PSL_T) != 0;
	hz_traps++;
}

/*
 * The program's own TF: popf sets it, then nop, nop, pushf, andl, popf.
 * A trap follows each instruction that began with TF set, five in all;
 * the handler must run with TF clear (no recursion). 0, or 10 + traps.
 */
static inline int
hz_own_tf(void)
{
	hz_handler(SIGTRAP, hz_count_trap);
	hz_traps = hz_tf_in_handler = 0;
	__asm__ volatile(
	    "pushfl\n"
	    "orl $0x100, (%%esp)\n"
	    "popfl\n"
	    "nop\n"
	    "nop\n"
	    "pushfl\n"
	    "andl $~0x100, (%%esp)\n"
	    "popfl\n" ::: "cc", "memory");
	return hz_traps == 5 && !hz_tf_in_handler ? 0 : 10 + hz_traps;
}

/* Run a stopped tracee to the instruction at pc (an execution breakpoint). */
static inline int
hz_run_to(pid_t pid, void (*pc)(void))
{
	struct dbreg d;
	struct reg r;
	int st;

	memset(&d, 0, sizeof(d));
	d.dr[0] = (uint32_t)pc;
	d.dr[7] = 0x1;
	if (ptrace(PT_SETDBREGS, pid, (caddr_t)&d, 0) < 0 ||
	    ptrace(PT_CONTINUE, pid, (caddr_t)1, 0) < 0)
		return kt_fail(__FILE__, __LINE__, "run to: errno %d", errno), -1;
	st = pt_wait(pid);
	if (st == -1 || !WIFSTOPPED(st) || WSTOPSIG(st) != SIGTRAP ||
	    pt_getregs(pid, &r) < 0 || r.r_eip != (uint32_t)pc)
		return kt_fail(__FILE__, __LINE__, "run to %p: %s", (void *)pc,
		    pt_str(st)), -1;
	d.dr[0] = d.dr[6] = d.dr[7] = 0;
	return ptrace(PT_SETDBREGS, pid, (caddr_t)&d, 0);
}

#endif
