// RUN: qemu sysenter=0
// RUN: bochs
/*
 * dbreg_hits.c - hardware breakpoints and watchpoints as a tracer sees
 * them: execution breakpoints in DR0-DR3 are resumable (EFLAGS.RF) and hit
 * once per arrival; write and read/write watchpoints of 1, 2 and 4 bytes
 * fire on exactly the accesses that touch their range; DR6 names the slot
 * that fired, a single step shows BS alone, and a tracer may clear DR6's
 * status bits but set nothing; a step and a breakpoint on one instruction
 * are two ordered stops; a breakpoint on a signal handler fires at every
 * delivery; a ring-3 MOV to or from a debug register is SIGSEGV.
 *
 * The tracees run code written in assembly below, so that a breakpoint
 * address is one known instruction and every memory access is one mov.
 * Nothing here relies on what only one emulator does (see
 * docs/debug-registers.md): each watchpoint test arms one slot at a time.
 */
#include <stdint.h>
#include <stdio.h>
#include <sys/syscall.h>
#include "dbreg_lib.h"

void	bp_fn0(void);
void	bp_fn1(void);
void	bp_fn2(void);
void	bp_fn3(void);
void	step_site(void);
void	step_w(void);
void	step_x(void);
void	store_g(void);
void	store_g_next(void);
int	getpid_bp(void);
void	getpid_after(void);
void	sig_site(void);

volatile uint32_t g;

__asm__(
	".text\n"
	".p2align 4\n"
	".globl bp_fn0, bp_fn1, bp_fn2, bp_fn3\n"
	"bp_fn0: nop\n ret\n"
	"bp_fn1: nop\n ret\n"
	"bp_fn2: nop\n ret\n"
	"bp_fn3: nop\n ret\n"
	".globl step_site, step_w, step_x\n"
	"step_site: int3\n"
	"step_w: nop\n"
	"step_x: nop\n"
	"	nop\n"
	"	ret\n"
	".globl store_g, store_g_next\n"
	"store_g: movl $1, g\n"
	"store_g_next: nop\n"
	"	nop\n"
	"	ret\n"
	".globl getpid_bp, getpid_after\n"
	"getpid_bp: movl $20, %eax\n"
	"	int $0x80\n"
	"getpid_after: ret\n"
	".globl sig_site\n"
	"sig_site: nop\n ret\n");

static void (*const bp_fns[4])(void) = { bp_fn0, bp_fn1, bp_fn2, bp_fn3 };

/* An enable bit for slot i: local for even slots, global for odd ones. */
static uint32_t
enable(int i)
{
	return (i & 1) ? DR7_G(i) : DR7_L(i);
}

/*
 * Run pid to its exit, counting the SIGTRAP stops; each must be at eip
 * with DR6 naming exactly `slot`. Returns the count, or -1.
 */
static int
count_hits(pid_t pid, uint32_t eip, int slot, int code)
{
	int n = 0, sig, status;

	for (;;) {
		if (dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
		    dbt_wait(pid, &sig, &status) < 0)
			return -1;
		if (sig < 0)
			break;
		if (sig != SIGTRAP)
			return DBT_FAIL("stop with signal %d", sig);
		if (dbt_eip(pid) != eip || dbt_dr6(pid) != (1u << slot))
			return DBT_FAIL("hit %d: eip %#x dr6 %#x, expected %#x "
			    "and B%d", n, dbt_eip(pid), dbt_dr6(pid), eip,
			    slot);
		n++;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != code)
		return DBT_FAIL("exit status %#x", status);
	return n;
}


static int tracee_arg;		/* set before dbt_start(): the child's copy */

static int
call_fn_10(void)
{
	int i;

	for (i = 0; i < 10; i++)
		bp_fns[tracee_arg]();
	return 7;
}

/* An execution breakpoint, never disabled, hits once per call. */
static int
exec_bp(int slot)
{
	pid_t pid;
	int n;

	tracee_arg = slot;
	if ((pid = dbt_start(call_fn_10)) < 0 ||
	    dbt_set1(pid, slot, (uint32_t)bp_fns[slot],
	    enable(slot) | DR7_RWLEN(slot, RW_EXEC, LEN1)) < 0)
		return 1;
	n = count_hits(pid, (uint32_t)bp_fns[slot], slot, 7);
	KT_CHECK(n == 10, "%d hits in DR%d, expected 10", n, slot);
	return 0;
}

static int test_exec_dr0(void) { return exec_bp(0); }
static int test_exec_dr1(void) { return exec_bp(1); }
static int test_exec_dr2(void) { return exec_bp(2); }
static int test_exec_dr3(void) { return exec_bp(3); }

static const uint8_t call_order[] = { 0, 1, 2, 3, 2, 0, 3, 3, 1, 0 };

static int
call_mixed(void)
{
	unsigned i;

	for (i = 0; i < sizeof(call_order); i++)
		bp_fns[call_order[i]]();
	return 0;
}

/* All four armed at once: each stop's DR6 names the slot of that call. */
static int
test_exec_all_dr6(void)
{
	struct dbreg d;
	pid_t pid;
	unsigned i;
	int s;

	if ((pid = dbt_start(call_mixed)) < 0)
		return 1;
	memset(&d, 0, sizeof(d));
	for (s = 0; s < 4; s++) {
		d.dr[s] = (uint32_t)bp_fns[s];
		d.dr[7] |= enable(s) | DR7_RWLEN(s, RW_EXEC, LEN1);
	}
	if (dbt_set(pid, &d) < 0)
		return 1;
	for (i = 0; i < sizeof(call_order); i++) {
		s = call_order[i];
		if (dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
		    dbt_expect(pid, SIGTRAP, 1u << s, "mixed call") < 0)
			return 1;
		KT_CHECK(dbt_eip(pid) == (uint32_t)bp_fns[s],
		    "call %u: eip %#x, expected bp_fn%d", i, dbt_eip(pid), s);
	}
	return dbt_finish(pid, 0) < 0;
}

/*
 * Watchpoints: one slot watches wbuf[4..4+len). The tracee performs the
 * accesses below one by one, each a single mov, and counts them in
 * `done`; a data breakpoint traps after the access, so at a stop `done`
 * is the index of the access that fired. Misaligned accesses appear only
 * where they overlap the range: QEMU also fires for one that crosses a
 * dword boundary next to it (wbuf[7..8] against wbuf[4]), Bochs does not.
 */
static volatile uint8_t wbuf[16] __attribute__((aligned(16)));
static volatile int done;

static const struct access {
	uint8_t	off, size, write;
} accesses[] = {
	{ 0, 1, 1 }, { 1, 1, 1 }, { 2, 1, 1 }, { 3, 1, 1 }, { 4, 1, 1 },
	{ 5, 1, 1 }, { 6, 1, 1 }, { 7, 1, 1 }, { 8, 1, 1 }, { 9, 1, 1 },
	{ 10, 1, 1 }, { 11, 1, 1 },
	{ 0, 2, 1 }, { 2, 2, 1 }, { 4, 2, 1 }, { 6, 2, 1 }, { 8, 2, 1 },
	{ 0, 4, 1 }, { 4, 4, 1 }, { 8, 4, 1 },
	{ 3, 2, 1 }, { 1, 4, 1 },
	{ 0, 1, 0 }, { 3, 1, 0 }, { 4, 1, 0 }, { 5, 1, 0 }, { 6, 1, 0 },
	{ 7, 1, 0 }, { 8, 1, 0 },
	{ 2, 2, 0 }, { 4, 2, 0 }, { 6, 2, 0 }, { 0, 4, 0 }, { 4, 4, 0 },
	{ 8, 4, 0 }, { 3, 2, 0 },
};
#define NACCESS	(int)(sizeof(accesses) / sizeof(accesses[0]))

static int
do_accesses(void)
{
	int i;

	for (i = 0; i < NACCESS; i++) {
		const struct access *a = &accesses[i];
		volatile uint8_t *p = wbuf + a->off;

		if (a->write) {
			if (a->size == 1)
				*p = 0x5a;
			else if (a->size == 2)
				*(volatile uint16_t *)p = 0x5a5a;
			else
				*(volatile uint32_t *)p = 0x5a5a5a5a;
		} else {
			if (a->size == 1)
				(void)*p;
			else if (a->size == 2)
				(void)*(volatile uint16_t *)p;
			else
				(void)*(volatile uint32_t *)p;
		}
		done = i + 1;
	}
	return 0;
}

static int
should_fire(const struct access *a, uint32_t rw, unsigned len)
{
	int overlap = a->off < 4 + len && a->off + a->size > 4;

	return overlap && (a->write || rw == RW_RDWR);
}

static int
watch(int slot, uint32_t rw, uint32_t lenf, unsigned len)
{
	char fired[NACCESS];
	pid_t pid;
	int sig, status, i, bad;

	memset(fired, 0, sizeof(fired));
	if ((pid = dbt_start(do_accesses)) < 0 ||
	    dbt_set1(pid, slot, (uint32_t)(wbuf + 4),
	    enable(slot) | DR7_RWLEN(slot, rw, lenf)) < 0)
		return 1;
	for (;;) {
		if (dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
		    dbt_wait(pid, &sig, &status) < 0)
			return 1;
		if (sig < 0)
			break;
		KT_CHECK(sig == SIGTRAP, "stop with signal %d", sig);
		i = dbt_peek(pid, &done);
		KT_CHECK(i >= 0 && i < NACCESS && !fired[i],
		    "stop after access %d", i);
		KT_CHECK(dbt_dr6(pid) == (1u << slot), "access %d: dr6 %#x", i,
		    dbt_dr6(pid));
		fired[i] = 1;
	}
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "exit status %#x", status);
	for (i = 0, bad = 0; i < NACCESS; i++)
		if (fired[i] != should_fire(&accesses[i], rw, len)) {
			kt_fail(__FILE__, __LINE__, "access %d (offset %d, "
			    "%d bytes, %s) %s; ", i, accesses[i].off,
			    accesses[i].size, accesses[i].write ? "write" :
			    "read", fired[i] ? "fired" : "did not fire");
			bad = 1;
		}
	return bad;
}

static int test_write1(void) { return watch(0, RW_WRITE, LEN1, 1); }
static int test_write2(void) { return watch(1, RW_WRITE, LEN2, 2); }
static int test_write4(void) { return watch(2, RW_WRITE, LEN4, 4); }
static int test_rdwr1(void) { return watch(3, RW_RDWR, LEN1, 1); }
static int test_rdwr2(void) { return watch(0, RW_RDWR, LEN2, 2); }
static int test_rdwr4(void) { return watch(1, RW_RDWR, LEN4, 4); }

static int
store_and_exit(void)
{
	store_g();
	return 0;
}

/*
 * DR6 after a watchpoint names its slot; a step then shows BS alone. The
 * tracer can clear the status bits, and writing ones changes nothing.
 */
static int
test_dr6_status(void)
{
	struct dbreg d, e;
	pid_t pid;

	if ((pid = dbt_start(store_and_exit)) < 0 ||
	    dbt_set1(pid, 2, (uint32_t)&g,
	    DR7_L(2) | DR7_RWLEN(2, RW_WRITE, LEN4)) < 0 ||
	    dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
	    dbt_expect(pid, SIGTRAP, 1u << 2, "watch g") < 0)
		return 1;
	KT_CHECK(dbt_eip(pid) == (uint32_t)store_g_next, "eip %#x",
	    dbt_eip(pid));
	if (dbt_get(pid, &d) < 0)
		return 1;
	e = d;
	e.dr[6] = 0xffffffff;			/* sets nothing */
	if (dbt_set(pid, &e) < 0 || dbt_get(pid, &e) < 0)
		return 1;
	KT_CHECK(memcmp(&d, &e, sizeof(d)) == 0, "dr6 %#x after writing ones",
	    e.dr[6]);
	e.dr[6] = ~(1u << 2);			/* clears B2 only */
	if (dbt_set(pid, &e) < 0 || dbt_get(pid, &e) < 0)
		return 1;
	KT_CHECK(e.dr[6] == 0, "dr6 %#x after clearing B2", e.dr[6]);
	KT_CHECK(e.dr[2] == d.dr[2] && e.dr[7] == d.dr[7], "dr2/dr7 changed");
	if (dbt_cont(pid, PT_STEP, 0) < 0 ||
	    dbt_expect(pid, SIGTRAP, DR6_BS, "step after the watchpoint") < 0)
		return 1;
	KT_CHECK(dbt_eip(pid) == (uint32_t)store_g_next + 1, "eip %#x",
	    dbt_eip(pid));
	e.dr[6] = 0;
	if (dbt_set(pid, &e) < 0)
		return 1;
	KT_CHECK(dbt_dr6(pid) == 0, "dr6 %#x after clearing", dbt_dr6(pid));
	return dbt_finish(pid, 0) < 0;
}

/* A fresh tracee's DR6 is clean and cannot be set. */
static int
test_dr6_unsettable(void)
{
	struct dbreg d;
	pid_t pid;

	if ((pid = dbt_start(store_and_exit)) < 0)
		return 1;
	memset(&d, 0, sizeof(d));
	d.dr[6] = 0xffffffff;
	if (dbt_set(pid, &d) < 0)
		return 1;
	KT_CHECK(dbt_dr6(pid) == 0, "dr6 %#x", dbt_dr6(pid));
	if (dbt_cont(pid, PT_STEP, 0) < 0 ||
	    dbt_expect(pid, SIGTRAP, DR6_BS, "one step") < 0)
		return 1;
	return dbt_finish(pid, 0) < 0;
}

static int
two_step_sites(void)
{
	step_site();
	step_site();
	return 0;
}

/*
 * PT_STEP onto an instruction X that has an execution breakpoint: first
 * the step's stop (at X, BS), then the breakpoint's (at X, Bn) when X is
 * about to run, then X runs once. And PT_STEP from a breakpoint stop runs
 * the instruction without hitting the breakpoint again.
 */
static int
test_step_then_bp(void)
{
	uint32_t w = (uint32_t)step_w, x = (uint32_t)step_x;
	pid_t pid;

	if ((pid = dbt_start(two_step_sites)) < 0 ||
	    dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
	    dbt_expect(pid, SIGTRAP, ~0u, "int3") < 0)
		return 1;
	KT_CHECK(dbt_eip(pid) == w, "int3 stop at %#x", dbt_eip(pid));
	if (dbt_set1(pid, 0, x, DR7_L(0)) < 0 ||
	    dbt_cont(pid, PT_STEP, 0) < 0 ||
	    dbt_expect(pid, SIGTRAP, DR6_BS, "step onto X") < 0)
		return 1;
	KT_CHECK(dbt_eip(pid) == x, "step stop at %#x", dbt_eip(pid));
	if (dbt_cont(pid, PT_STEP, 0) < 0 ||
	    dbt_expect(pid, SIGTRAP, 1, "breakpoint at X") < 0)
		return 1;
	KT_CHECK(dbt_eip(pid) == x, "breakpoint stop at %#x", dbt_eip(pid));
	if (dbt_cont(pid, PT_STEP, 0) < 0 ||
	    dbt_expect(pid, SIGTRAP, DR6_BS, "step over X") < 0)
		return 1;
	KT_CHECK(dbt_eip(pid) == x + 1, "step stop at %#x", dbt_eip(pid));

	/* Second call: the breakpoint on W itself, reached by the int3 stop. */
	if (dbt_set1(pid, 1, w, DR7_G(1)) < 0 ||
	    dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
	    dbt_expect(pid, SIGTRAP, ~0u, "second int3") < 0)
		return 1;
	KT_CHECK(dbt_eip(pid) == w, "int3 stop at %#x", dbt_eip(pid));
	if (dbt_cont(pid, PT_STEP, 0) < 0 ||
	    dbt_expect(pid, SIGTRAP, 2, "breakpoint at W") < 0)
		return 1;
	KT_CHECK(dbt_eip(pid) == w, "breakpoint stop at %#x", dbt_eip(pid));
	if (dbt_cont(pid, PT_STEP, 0) < 0 ||
	    dbt_expect(pid, SIGTRAP, DR6_BS, "step over W") < 0)
		return 1;
	KT_CHECK(dbt_eip(pid) == x, "step stop at %#x", dbt_eip(pid));
	return dbt_finish(pid, 0) < 0;
}

static volatile int handled;

static void
on_usr1(int sig)
{
	(void)sig;
	handled++;
}

static int
signal_loop(void)
{
	int i;

	signal(SIGUSR1, on_usr1);
	for (i = 0; i < 4; i++)
		kill(getpid(), SIGUSR1);
	for (i = 0; i < 4; i++)
		sig_site();
	return handled;
}

/*
 * A breakpoint on a handler's first instruction fires at every delivery,
 * also when the signal is delivered from a breakpoint stop (whose frame
 * has RF set); returning from the handler resumes the interrupted
 * breakpoint instruction once without a second hit.
 */
static int
test_handler_bp(void)
{
	uint32_t h = (uint32_t)on_usr1, site = (uint32_t)sig_site;
	struct dbreg d;
	pid_t pid;
	int i;

	if ((pid = dbt_start(signal_loop)) < 0)
		return 1;
	memset(&d, 0, sizeof(d));
	d.dr[0] = h;
	d.dr[1] = site;
	d.dr[7] = DR7_L(0) | DR7_G(1);
	if (dbt_set(pid, &d) < 0)
		return 1;
	for (i = 0; i < 4; i++) {
		if (dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
		    dbt_expect(pid, SIGUSR1, ~0u, "raise") < 0 ||
		    dbt_cont(pid, PT_CONTINUE, SIGUSR1) < 0 ||
		    dbt_expect(pid, SIGTRAP, 1, "handler breakpoint") < 0)
			return 1;
		KT_CHECK(dbt_eip(pid) == h, "eip %#x", dbt_eip(pid));
	}
	for (i = 0; i < 4; i++) {
		if (dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
		    dbt_expect(pid, SIGTRAP, 2, "site breakpoint") < 0)
			return 1;
		KT_CHECK(dbt_eip(pid) == site, "eip %#x", dbt_eip(pid));
		if (dbt_cont(pid, PT_CONTINUE, SIGUSR1) < 0 ||
		    dbt_expect(pid, SIGTRAP, 1, "handler from a breakpoint") < 0)
			return 1;
		KT_CHECK(dbt_eip(pid) == h, "eip %#x", dbt_eip(pid));
	}
	return dbt_finish(pid, 8) < 0;
}

static int
getpid_5(void)
{
	int i;

	for (i = 0; i < 5; i++)
		if (getpid_bp() != getpid())
			return 1;
	return 0;
}

/* A breakpoint on the instruction after int $0x80: one hit per call. */
static int
test_after_syscall(void)
{
	struct reg r;
	pid_t pid;
	int i;

	if ((pid = dbt_start(getpid_5)) < 0 ||
	    dbt_set1(pid, 3, (uint32_t)getpid_after, DR7_L(3)) < 0)
		return 1;
	for (i = 0; i < 5; i++) {
		if (dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
		    dbt_expect(pid, SIGTRAP, 8, "after int $0x80") < 0 ||
		    dbt_regs(pid, &r) < 0)
			return 1;
		KT_CHECK(r.r_eip == (uint32_t)getpid_after && r.r_eax ==
		    (uint32_t)pid, "eip %#x eax %d", r.r_eip, r.r_eax);
	}
	return dbt_finish(pid, 0) < 0;
}

/* RF set by the tracer where no breakpoint is: accepted, costs nothing. */
static int
test_rf_by_tracer(void)
{
	struct reg r;
	pid_t pid;
	int n;

	tracee_arg = 1;
	if ((pid = dbt_start(call_fn_10)) < 0 || dbt_regs(pid, &r) < 0)
		return 1;
	r.r_eflags |= 0x10000;
	KT_CHECK(ptrace(PT_SETREGS, pid, (caddr_t)&r, 0) == 0,
	    "PT_SETREGS with RF: errno %d", errno);
	if (dbt_set1(pid, 1, (uint32_t)bp_fn1, DR7_L(1)) < 0)
		return 1;
	n = count_hits(pid, (uint32_t)bp_fn1, 1, 7);
	KT_CHECK(n == 10, "%d hits, expected 10", n);
	return 0;
}

/* MOV to or from a debug register in ring 3 is #GP: SIGSEGV. */
static int
test_ring3_mov_dr(void)
{
	int i, status;
	pid_t pid;

	for (i = 0; i < 4; i++) {
		if ((pid = fork()) == 0) {
			uint32_t v = 0;

			if (i == 0)
				__asm__ volatile("movl %%dr7, %0" : "=r"(v));
			else if (i == 1)
				__asm__ volatile("movl %0, %%dr7" : : "r"(v | 1));
			else if (i == 2)
				__asm__ volatile("movl %%dr6, %0" : "=r"(v));
			else
				__asm__ volatile("movl %0, %%dr0" : : "r"(v));
			_exit(0);
		}
		KT_CHECK(pid > 0 && kt_wait_status(pid, &status) == pid,
		    "fork/wait");
		KT_CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
		    "variant %d: status %#x", i, status);
	}
	return 0;
}

int
main(void)
{
	kt_suite("dbreg_hits");
	kt_run("exec_dr0", test_exec_dr0);
	kt_run("exec_dr1", test_exec_dr1);
	kt_run("exec_dr2", test_exec_dr2);
	kt_run("exec_dr3", test_exec_dr3);
	kt_run("exec_all_dr6", test_exec_all_dr6);
	kt_run("write1", test_write1);
	kt_run("write2", test_write2);
	kt_run("write4", test_write4);
	kt_run("rdwr1", test_rdwr1);
	kt_run("rdwr2", test_rdwr2);
	kt_run("rdwr4", test_rdwr4);
	kt_run("dr6_status", test_dr6_status);
	kt_run("dr6_unsettable", test_dr6_unsettable);
	kt_run("step_then_bp", test_step_then_bp);
	kt_run("handler_bp", test_handler_bp);
	kt_run("after_syscall", test_after_syscall);
	kt_run("rf_by_tracer", test_rf_by_tracer);
	kt_run("ring3_mov_dr", test_ring3_mov_dr);
	return kt_finish();
}
