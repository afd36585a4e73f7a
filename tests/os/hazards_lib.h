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
 * threads); a nested indirect
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

/*
 * SYSENTER, when the kernel enters that way (kinfo KINFO_SYSENTER; else it
 * is #GP, SIGSEGV): the hazard suites run once with and once without
 * (// RUN: qemu sysenter=0). HZ_SYSENTER_PUSH is the start of the entry
 * sequence (kernel/i386/sysenter.c): the return address (label 1, right
 * after the sysenter that must follow), ebp, %esp into ebp, ecx. The
 * kernel comes back to label 1 with every register as int $0x80 would
 * leave it. __sysenter_ok is libc's: it enters that way.
 */
#define HZ_SYSENTER_PUSH						\
	"	pushl $1f\n	pushl %ebp\n	movl %esp, %ebp\n	pushl %ecx\n"
extern int __sysenter_ok;
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

#endif
