// RUN: bochs
/*
 * ptrace_selectors.c - the data selectors ring 3 may hold survive a signal
 * and a debugger.
 *
 * A program may load DS, ES, FS and GS with a null selector (0-3), the user
 * data selector at any RPL (0x20-0x23), the readable user code selector at
 * any RPL (0x18-0x1b) or the TLS selector at any RPL (0x38-0x3b, a user data
 * segment whose base is the running thread's); the CPU allows all of them at
 * CPL 3. A program that
 * loads each one itself and then catches a signal must get its context back
 * through sigreturn (it was once killed with SIGSEGV instead), and a debugger
 * that stops it there must be able to put an unmodified PT_GETREGS image
 * back with PT_SETREGS. Everything else is refused: every selector value up
 * to 0x3f is tried in each data register, CS and SS, and the upper halves
 * of the selector words must be zero. The rule is in docs/ptrace.md.
 */
#include <stdint.h>
#include <stdlib.h>
#include <ucontext.h>
#include <sys/syscall.h>
#include "ptrace_lib.h"

#define UCODE_SEL	0x1b
#define UDATA_SEL	0x23

enum { SEG_DS, SEG_ES, SEG_FS, SEG_GS, NSEG };
static const char *const seg_name[NSEG] = { "ds", "es", "fs", "gs" };

/* Every selector ring 3 may load into a data segment register. */
static const uint16_t legal[] = {
	0x00, 0x01, 0x02, 0x03, 0x18, 0x19, 0x1a, 0x1b, 0x20, 0x21, 0x22, 0x23,
	0x38, 0x39, 0x3a, 0x3b,
};
#define NLEGAL	(sizeof(legal) / sizeof(legal[0]))

/*
 * Load sel into one segment register, send ourselves sig with a bare
 * int $0x80 (nothing may touch memory through DS or ES while they hold a
 * read-only or null selector), read the register back and restore it.
 */
#define SIGNAL_WITH(seg)						\
static uint32_t __attribute__((noinline))				\
signal_with_##seg(uint32_t sel, uint32_t pid, uint32_t sig)		\
{									\
	uint32_t back, num = SYS_kill;					\
									\
	__asm__ volatile(						\
	    "mov %%" #seg ", %%esi\n"					\
	    "mov %4, %%" #seg "\n"					\
	    "int $0x80\n"						\
	    "xor %0, %0\n"						\
	    "mov %%" #seg ", %w0\n"					\
	    "mov %%esi, %%" #seg "\n"					\
	    : "=&d"(back), "+a"(num), "+b"(pid), "+c"(sig)		\
	    : "r"(sel)							\
	    : "esi", "cc", "memory");					\
	return back;							\
}
SIGNAL_WITH(ds)
SIGNAL_WITH(es)
SIGNAL_WITH(fs)
SIGNAL_WITH(gs)

static uint32_t
signal_with(int seg, uint32_t sel, int sig)
{
	static uint32_t (*const fn[NSEG])(uint32_t, uint32_t, uint32_t) = {
		signal_with_ds, signal_with_es, signal_with_fs, signal_with_gs,
	};

	return fn[seg](sel, (uint32_t)getpid(), (uint32_t)sig);
}

/*
 * What iret back to ring 3 may make of it: a non-null selector comes back
 * as it was; a null one may come back as 0 (the CPU clears a null DS or ES
 * whose descriptor is not a ring-3 one on the way out).
 */
static int
same_selector(uint32_t sel, uint32_t back)
{
	if ((sel & ~3u) == 0)
		return (back & ~3u) == 0;
	return back == sel;
}

static volatile uint32_t saved_sel;
static volatile int handler_ran;
static int cur_seg;

static void
on_usr1(int sig, siginfo_t *si, void *ctx)
{
	const mcontext_t *mc = &((ucontext_t *)ctx)->uc_mcontext;
	const uint32_t v[NSEG] = { mc->mc_ds, mc->mc_es, mc->mc_fs, mc->mc_gs };

	(void)sig;
	(void)si;
	saved_sel = v[cur_seg];
	handler_ran = 1;
}

/* Child: each legal selector in seg, a caught signal, its context back. */
static int
own_context_child(int seg)
{
	struct sigaction sa;
	unsigned i;
	uint32_t back;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_usr1;
	sa.sa_flags = SA_SIGINFO;
	if (sigaction(SIGUSR1, &sa, NULL) != 0)
		return 100;
	cur_seg = seg;
	for (i = 0; i < NLEGAL; i++) {
		handler_ran = 0;
		back = signal_with(seg, legal[i], SIGUSR1);
		if (!handler_ran || saved_sel != legal[i] ||
		    !same_selector(legal[i], back))
			return 1 + i;
	}
	return 0;
}

static int
own_context(int seg)
{
	pid_t pid = fork();
	int st;

	if (pid == 0)
		_exit(own_context_child(seg));
	KT_CHECK(kt_wait_status(pid, &st) == pid, "wait: errno %d", errno);
	KT_CHECK(WIFEXITED(st) && WEXITSTATUS(st) != 100, "%s: %s", seg_name[seg],
	    pt_str(st));
	KT_CHECK(WEXITSTATUS(st) == 0, "%s=%#x: context not restored as it was",
	    seg_name[seg], legal[WEXITSTATUS(st) - 1]);
	return 0;
}

static int sigreturn_ds(void) { return own_context(SEG_DS); }
static int sigreturn_es(void) { return own_context(SEG_ES); }
static int sigreturn_fs(void) { return own_context(SEG_FS); }
static int sigreturn_gs(void) { return own_context(SEG_GS); }

static uint32_t *
reg_seg(struct reg *r, int seg)
{
	uint32_t *const p[NSEG] = {
		(uint32_t *)&r->r_ds, (uint32_t *)&r->r_es,
		(uint32_t *)&r->r_fs, (uint32_t *)&r->r_gs,
	};

	return p[seg];
}

static unsigned traced_sel;

/* Tracee: stop with SIGUSR2 while holding traced_sel in cur_seg. */
static int
traced_body(void)
{
	uint32_t back = signal_with(cur_seg, traced_sel, SIGUSR2);

	return same_selector(traced_sel, back) ? 0 : 1;
}

/* Stopped holding each legal selector: GETREGS, then SETREGS of it, works. */
static int
unmodified_image(int seg)
{
	struct reg r;
	unsigned i;
	pid_t pid;

	cur_seg = seg;
	for (i = 0; i < NLEGAL; i++) {
		traced_sel = legal[i];
		pid = pt_traced(traced_body);
		KT_CHECK(pid > 0, "no tracee");
		PT_CONT(pid, 0);
		PT_STOP(pid, SIGUSR2);
		KT_CHECK(pt_getregs(pid, &r) == 0, "PT_GETREGS: errno %d", errno);
		KT_CHECK(*reg_seg(&r, seg) == legal[i], "%s %#x read as %#x",
		    seg_name[seg], legal[i], *reg_seg(&r, seg));
		KT_CHECK(ptrace(PT_SETREGS, pid, (caddr_t)&r, 0) == 0,
		    "PT_SETREGS of the unmodified image (%s=%#x): errno %d",
		    seg_name[seg], legal[i], errno);
		PT_CONT(pid, 0);
		PT_EXITS(pid, 0);
		pt_ntracked = 0;	/* collected */
	}
	return 0;
}

PT_CASE(setregs_ds) { return unmodified_image(SEG_DS); }
PT_CASE(setregs_es) { return unmodified_image(SEG_ES); }
PT_CASE(setregs_fs) { return unmodified_image(SEG_FS); }
PT_CASE(setregs_gs) { return unmodified_image(SEG_GS); }

static int
is_legal(uint32_t sel)
{
	unsigned i;

	for (i = 0; i < NLEGAL; i++)
		if (legal[i] == sel)
			return 1;
	return 0;
}

/* Park the tracee at int3 so its registers can be rewritten at will. */
static int
parked_body(void)
{
	__asm__ volatile("int3");
	return 0;
}

/*
 * Every value 0..0x3f (and a few with the upper half set) in each data
 * register, CS and SS: accepted exactly when the rule says so, and a
 * refusal leaves the registers as they were.
 */
PT_CASE(the_whole_rule)
{
	struct reg good, r, now;
	uint32_t v, *slot;
	int seg, ok;
	pid_t pid = pt_traced(parked_body);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK(pt_getregs(pid, &good) == 0, "PT_GETREGS: errno %d", errno);
	for (seg = 0; seg < NSEG + 2; seg++)
		for (v = 0; v < 0x44; v++) {
			r = good;
			slot = seg == NSEG ? (uint32_t *)&r.r_cs :
			    seg == NSEG + 1 ? (uint32_t *)&r.r_ss : reg_seg(&r, seg);
			if (v < 0x40) {
				*slot = v;
				ok = seg == NSEG ? v == UCODE_SEL :
				    seg == NSEG + 1 ? v == UDATA_SEL : is_legal(v);
			} else {
				*slot = (seg == NSEG ? UCODE_SEL : UDATA_SEL) |
				    (v - 0x3f) << 16;
				ok = 0;
			}
			errno = 0;
			KT_CHECK((ptrace(PT_SETREGS, pid, (caddr_t)&r, 0) == 0) == ok,
			    "register %d = %#x: %s (errno %d)", seg, *slot,
			    ok ? "refused" : "accepted", errno);
			KT_CHECK(pt_getregs(pid, &now) == 0, "PT_GETREGS: errno %d",
			    errno);
			KT_CHECK(memcmp(&now, ok ? &r : &good, sizeof(now)) == 0,
			    "register %d = %#x: registers now differ", seg, *slot);
			KT_CHECK(ptrace(PT_SETREGS, pid, (caddr_t)&good, 0) == 0,
			    "PT_SETREGS back: errno %d", errno);
		}
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

int
main(void)
{
	kt_suite("ptrace_selectors");
	kt_run("sigreturn_ds", sigreturn_ds);
	kt_run("sigreturn_es", sigreturn_es);
	kt_run("sigreturn_fs", sigreturn_fs);
	kt_run("sigreturn_gs", sigreturn_gs);
	kt_run("setregs_ds", setregs_ds);
	kt_run("setregs_es", setregs_es);
	kt_run("setregs_fs", setregs_fs);
	kt_run("setregs_gs", setregs_gs);
	kt_run("the_whole_rule", the_whole_rule);
	return kt_finish();
}
