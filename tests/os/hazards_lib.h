/*
 * hazards_lib.h - what the hazards_* suites share. Each suite is one class
 * of known kernel bugs in ptrace, debug registers, FPU state and kernel
 * entry (docs/hazards.md maps every class to its suite and says which
 * classes Kestrel cannot express, and why). A case feeds the kernel one bad
 * input and checks the outcome a safe kernel gives: an exact errno with the
 * state unchanged, or a signal for the process as if from user mode.
 *
 * Every case is written HZ_CASE(name) { ... }. Whatever way the body ends,
 * the processes it registered with pt_track() (ptrace_lib.h) are killed and
 * reaped, and then hz_alive_since() checks that the kernel keeps running:
 *   1. a fresh process can fork, exec /bin/true and be reaped (exit 0, so
 *      no stray SIGTRAP or fault reached it);
 *   2. the clock still ticks (interrupts were not left off);
 *   3. a freshly exec'd traced process has clean debug registers (DR0-DR3
 *      zero, DR7 without enable bits) and a clean FPU (FCW 0x037f, MXCSR
 *      0x1f80, every tag empty, FIP, FDP and FOP zero);
 *   4. no process the case started is left in the process table.
 * The harness (lib/ktest.c) then compares the free-page count. A panic ends
 * the boot, which the test driver reports as a failure of the suite.
 *
 * Classes Kestrel cannot express, and why (docs/hazards.md has the list):
 * LDT selectors and a thread deleting an LDT entry (no set_ldt, no
 * threads); SYSENTER as an entry (Kestrel enters by int $0x80 only; the
 * sysenter instruction is tested as the #GP it is); a nested indirect
 * syscall(2) (none exists); writes through a read-only MAP_SHARED mapping
 * (no mmap); attach racing a setuid exec (no set-id executables); races
 * between CPUs (one CPU, a kernel that is not preempted); the CR0.TS
 * self-test (not visible from user space). The signal frame's FPU format
 * fields and zeroed ptrace padding are tested by fpu_fault and ptrace_regs.
 */
#ifndef HAZARDS_LIB_H
#define HAZARDS_LIB_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <ucontext.h>
#include "fpu_lib.h"
#include "ptrace_lib.h"

#define HZ_UCODE	0x1bu		/* user code selector */
#define HZ_UDATA	0x23u		/* user data selector */
#define HZ_USER_TOP	0xbfc00000u	/* VM_MAXUSER_ADDRESS */
#define PSL_C		0x00000001u
#define PSL_Z		0x00000040u
#define PSL_T		0x00000100u
#define PSL_I		0x00000200u
#define PSL_D		0x00000400u
#define PSL_IOPL	0x00003000u
#define PSL_NT		0x00004000u
#define PSL_RF		0x00010000u
#define PSL_VM		0x00020000u
#define PSL_AC		0x00040000u
#define PSL_VIF		0x00080000u
#define PSL_VIP		0x00100000u
#define HZ_NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define HZ_DR6_BS	0x4000u
#define HZ_DR6_B(i)	(1u << (i))

#define HZ_CASE(name)							\
	static int name##_body(void);					\
	static int name(void)						\
	{								\
		int hz_procs_ = kinfo(KINFO_NPROCS);			\
		int hz_r_ = name##_body();				\
		pt_reap_all();						\
		return hz_r_ != 0 ? hz_r_ : hz_alive_since(hz_procs_);	\
	}								\
	static int name##_body(void)

/* A tracee body that does nothing more (pt_traced(hz_exit0)). */
static inline int
hz_exit0(void)
{
	return 0;
}

/* An untraced child running body(), registered for reaping. */
static inline pid_t
hz_child(int (*body)(void))
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(body());
	return pt_track(pid);
}

/* Clear the DR6 status of a stopped tracee, as a debugger does after a stop. */
static inline int
hz_clear_dr6(pid_t pid)
{
	struct dbreg d;

	if (ptrace(PT_GETDBREGS, pid, (caddr_t)&d, 0) < 0)
		return -1;
	d.dr[6] = 0;
	return ptrace(PT_SETDBREGS, pid, (caddr_t)&d, 0);
}

/* The DR6 status bits (B0-B3, BS) of a stopped tracee's last debug trap. */
static inline uint32_t
hz_dr6(pid_t pid)
{
	struct dbreg d;

	if (ptrace(PT_GETDBREGS, pid, (caddr_t)&d, 0) < 0)
		return 0xdead;
	return d.dr[6] & (HZ_DR6_BS | 0xfu);
}

/* The siginfo of a tracee's current stop (PT_LWPINFO). */
static inline int
hz_siginfo(pid_t pid, siginfo_t *si)
{
	struct ptrace_lwpinfo pl;

	memset(si, 0, sizeof(*si));
	if (ptrace(PT_LWPINFO, pid, (caddr_t)&pl, sizeof(pl)) < 0)
		return -1;
	*si = pl.pl_siginfo;
	return 0;
}

/* One stop of a tracee as hz_collect() saw it. */
struct hz_stop {
	int		sig;
	uint32_t	eip;
	uint32_t	dr6;
};

/*
 * Resume pid (a stopped tracee) until it exits or dies, recording its stops
 * in s[0..max) (*n counts them all). At each stop DR6 is read and cleared;
 * a stop's signal is delivered on resume if it is in the mask `deliver'
 * (SIGMASK-style bits), else suppressed. Returns the final wait status, or
 * -1 after reporting why (more than 1000 stops counts as a trap storm).
 */
static inline int
hz_collect(pid_t pid, struct hz_stop *s, int max, int *n, uint32_t deliver)
{
	struct reg r;
	int st, sig = 0;

	for (*n = 0;; (*n)++) {
		if (ptrace(PT_CONTINUE, pid, (caddr_t)1, sig) < 0) {
			kt_fail(__FILE__, __LINE__, "PT_CONTINUE: errno %d", errno);
			return -1;
		}
		st = pt_wait(pid);
		if (st == -1 || !WIFSTOPPED(st))
			return st;
		if (*n >= 1000) {
			kt_fail(__FILE__, __LINE__, "more than 1000 stops");
			return -1;
		}
		sig = WSTOPSIG(st);
		if (*n < max) {
			s[*n].sig = sig;
			s[*n].eip = pt_getregs(pid, &r) == 0 ? r.r_eip : 0;
			s[*n].dr6 = hz_dr6(pid);
		}
		hz_clear_dr6(pid);
		if (!(deliver & (1u << (sig - 1))))
			sig = 0;
	}
}

#define HZ_SIGBIT(sig)	(1u << ((sig) - 1))

/* 1 if a fresh exec's debug registers and FPU are in the clean state. */
static inline int
hz_clean_exec_state(pid_t pid)
{
	union fpimage img;
	struct fpview v;
	struct dbreg d;
	char why[100];
	int i, r;

	if (ptrace(PT_GETDBREGS, pid, (caddr_t)&d, 0) < 0)
		return kt_fail(__FILE__, __LINE__, "GETDBREGS: errno %d",
		    errno), 0;
	for (i = 0; i < 4; i++)
		if (d.dr[i] != 0)
			return kt_fail(__FILE__, __LINE__, "fresh exec: dr%d %#x",
			    i, d.dr[i]), 0;
	if (d.dr[7] & 0xffu)
		return kt_fail(__FILE__, __LINE__, "fresh exec: dr7 %#x",
		    d.dr[7]), 0;
	if (fpu_fxsr()) {
		r = ptrace(PT_GETXMMREGS, pid, (caddr_t)&img.fx, 0);
		fpu_view_fx(&img.fx, &v);
	} else {
		r = ptrace(PT_GETFPREGS, pid, (caddr_t)&img.fn, 0);
		fpu_view_fn(&img.fn, &v);
	}
	if (r < 0)
		return kt_fail(__FILE__, __LINE__, "GET*FPREGS: errno %d",
		    errno), 0;
	if (!fpu_is_clean(&v, why, sizeof(why)))
		return kt_fail(__FILE__, __LINE__, "fresh exec FPU: %s", why), 0;
	return 1;
}

/* Let init reap what the case orphaned: up to ~2 s for nprocs to drop. */
static inline int
hz_await_nprocs(int nprocs)
{
	int i;

	for (i = 0; i < 400 && kinfo(KINFO_NPROCS) > nprocs; i++)
		usleep(5000);
	return kinfo(KINFO_NPROCS) <= nprocs;
}

/* The "kernel keeps running" check of the header comment; 0 or 1 (failed). */
static inline int
hz_alive_since(int nprocs)
{
	char *argv[] = { "true", NULL };
	int st, i, t0;
	pid_t pid;

	pid = kt_spawn("/bin/true", argv);
	KT_CHECK(pid > 0 && kt_wait_status(pid, &st) == pid &&
	    WIFEXITED(st) && WEXITSTATUS(st) == 0,
	    "alive: fork+exec of /bin/true: %s", pt_str(pid > 0 ? st : -1));
	t0 = kinfo(KINFO_TICKS);
	for (i = 0; i < 100 && kinfo(KINFO_TICKS) == t0; i++)
		usleep(2000);
	KT_CHECK(kinfo(KINFO_TICKS) != t0, "alive: the clock stopped");
	pid = fork();
	if (pid == 0) {
		ptrace(PT_TRACE_ME, 0, NULL, 0);
		execv("/bin/true", argv);
		_exit(127);
	}
	KT_CHECK(pid > 0, "alive: fork: errno %d", errno);
	st = pt_wait(pid);
	if (st == -1 || !WIFSTOPPED(st) || WSTOPSIG(st) != SIGTRAP) {
		kill(pid, SIGKILL);
		kt_wait_status(pid, &st);
		KT_CHECK(0, "alive: traced exec did not stop: %s", pt_str(st));
	}
	i = hz_clean_exec_state(pid);
	ptrace(PT_CONTINUE, pid, (caddr_t)1, 0);
	st = pt_wait(pid);
	KT_CHECK(i, "alive: a fresh exec inherited state");
	KT_CHECK(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	    "alive: traced /bin/true: %s", pt_str(st));
	KT_CHECK(hz_await_nprocs(nprocs), "alive: %d processes, %d before the "
	    "case", kinfo(KINFO_NPROCS), nprocs);
	return 0;
}

/* Install a three-argument handler (SA_SIGINFO). */
static inline int
hz_handler(int sig, void (*fn)(int, siginfo_t *, void *))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fn;
	sa.sa_flags = SA_SIGINFO;
	return sigaction(sig, &sa, NULL);
}

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

static inline int __attribute__((noreturn))
hz_yield_forever(void)
{
	for (;;)
		sched_yield();
}

static inline int
hz_yield100(void)
{
	int i;

	for (i = 0; i < 100; i++)
		sched_yield();
	return 0;
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
