// RUN: qemu hz=1000
// RUN: qemu hz=1000 sysenter=0
// RUN: qemu hz=1000 fpu=lazy
// RUN: qemu hz=1000 | -cpu pentium
/*
 * thread_md.c - the machine state each thread has of its own: the %gs base
 * of its thread-local storage (sysarch, thr_new's tls_base, the same base
 * set again after the program nulled %gs, through a signal handler, and the
 * TLS selector loaded into %fs as well), errno, and
 * the FPU (two threads with different MXCSR under preemption; a thread
 * that never used the FPU owns no FPU state and costs no FPU image at a
 * switch while its sibling owns the registers). A switch between threads
 * of one process writes no CR3. Both system-call entries (sysenter=0),
 * eager and lazy FPU switching, FXSAVE and FNSAVE (-cpu pentium).
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/kinfo.h>
#include <sys/thr.h>
#include <sys/umtx.h>
#include <unistd.h>
#include <machine/sysarch.h>
#include "lib/ktest.h"

#define STK		16384
#define GUGS_SEL	0x3b	/* the TLS selector (docs/threads.md) */

static char stacks[2][STK] __attribute__((aligned(16)));
static volatile long state;

static int
read_gs0(void)
{
	int v;

	__asm__ volatile("movl %%gs:0, %0" : "=r"(v));
	return v;
}

static int tls_a = 0x1234, tls_b = 0x5678;
static volatile int tls_seen;

static void
start_tls(void *arg)
{
	(void)arg;
	tls_seen = read_gs0();
	thr_exit((long *)&state);
}

/*
 * sysarch's %gs base: set, read back, used by %gs:0; a kernel address is
 * refused. A thread's own base (thr_new's tls_base) is its alone.
 */
static int
test_tls(void)
{
	struct thr_param p;
	void *base = NULL;

	KT_CHECK(i386_set_gsbase(&tls_a) == 0, "set: errno %d", errno);
	KT_CHECK(i386_get_gsbase(&base) == 0 && base == &tls_a, "get %p", base);
	KT_CHECK(read_gs0() == 0x1234, "%%gs:0 is %#x", read_gs0());
	KT_CHECK(i386_set_gsbase((void *)0xc0000000) == -1 && errno == EINVAL,
	    "kernel base: errno %d", errno);
	KT_CHECK(sysarch(I386_GET_GSBASE, (void *)0xc0000000) == -1 &&
	    errno == EFAULT, "get into the kernel: errno %d", errno);
	KT_CHECK(sysarch(3, &base) == -1 && errno == EINVAL, "op 3: %d", errno);
	memset(&p, 0, sizeof(p));
	p.start_func = start_tls;
	p.stack_base = stacks[1];
	p.stack_size = STK;
	p.tls_base = (char *)&tls_b;
	state = 0;
	KT_CHECK(thr_new(&p, sizeof(p)) == 0, "thr_new: errno %d", errno);
	while (state == 0)
		_umtx_op((void *)&state, UMTX_OP_WAIT, 0, NULL, NULL);
	KT_CHECK(tls_seen == 0x5678, "the thread saw %#x", tls_seen);
	KT_CHECK(read_gs0() == 0x1234, "ours became %#x", read_gs0());
	return 0;
}

static unsigned
gs_selector(void)
{
	unsigned sel;

	__asm__ volatile("movl %%gs, %0" : "=r"(sel));
	return sel & 0xffff;
}

/*
 * Setting the base the descriptor already has still gives %gs the TLS
 * selector: the call's way out must load it although nothing else about
 * the segments changed (a program that nulled %gs itself, here).
 */
static int
test_tls_same_base(void)
{
	KT_CHECK(i386_set_gsbase(&tls_a) == 0, "set: errno %d", errno);
	__asm__ volatile("movl %0, %%gs" : : "r"(0));
	KT_CHECK(gs_selector() == 0, "%%gs is %#x", gs_selector());
	KT_CHECK(i386_set_gsbase(&tls_a) == 0, "set again: errno %d", errno);
	KT_CHECK(gs_selector() == GUGS_SEL, "%%gs is %#x after the call",
	    gs_selector());
	KT_CHECK(read_gs0() == 0x1234, "%%gs:0 is %#x", read_gs0());
	return 0;
}

static volatile int handled;

static void
on_usr1(int sig)
{
	(void)sig;
	handled = read_gs0();
}

/* A signal handler and sigreturn keep the thread's %gs selector and base. */
static int
test_tls_signal(void)
{
	KT_CHECK(i386_set_gsbase(&tls_b) == 0, "set: errno %d", errno);
	signal(SIGUSR1, on_usr1);
	raise(SIGUSR1);
	KT_CHECK(handled == 0x5678, "handler saw %#x", handled);
	KT_CHECK(read_gs0() == 0x5678, "after sigreturn %#x", read_gs0());
	return 0;
}

static void *
bad_call(void *arg)
{
	(void)arg;
	close(-1);			/* errno EBADF, this thread's */
	return (void *)errno;
}

/* Every thread has its own errno. */
static int
test_errno(void)
{
	pthread_t t;
	void *r;

	errno = 0;
	KT_CHECK(pthread_create(&t, NULL, bad_call, NULL) == 0, "create");
	KT_CHECK(pthread_join(t, &r) == 0, "join");
	KT_CHECK((int)r == EBADF && errno == 0, "thread's %d, ours %d", (int)r,
	    errno);
	return 0;
}

static volatile int mx_stop;

static unsigned
get_mxcsr(void)
{
	unsigned v;

	__asm__ volatile("stmxcsr %0" : "=m"(v));
	return v;
}

static void *
mx_spin(void *arg)
{
	unsigned want = (unsigned)arg, bad = 0;

	__asm__ volatile("ldmxcsr %0" : : "m"(want));
	while (!mx_stop)
		if (get_mxcsr() != want)
			bad++;
	return (void *)(bad + (get_mxcsr() != want));
}

/* Two threads with different MXCSR, preempted many times, keep their own. */
static int
test_fpu_mxcsr(void)
{
	pthread_t a, b;
	void *ra, *rb;
	int sw0 = kinfo(KINFO_CTXSWITCHES), i;

	if (!kt_has(KCPU_SSE))
		kt_skip("no SSE");
	KT_CHECK(pthread_create(&a, NULL, mx_spin, (void *)0x1f80) == 0, "a");
	KT_CHECK(pthread_create(&b, NULL, mx_spin, (void *)0x9fc0) == 0, "b");
	for (i = 0; i < 200 && kinfo(KINFO_CTXSWITCHES) - sw0 < 100; i++)
		usleep(10000);
	mx_stop = 1;
	pthread_join(a, &ra);
	pthread_join(b, &rb);
	KT_CHECK(kinfo(KINFO_CTXSWITCHES) - sw0 >= 100, "only %d switches",
	    kinfo(KINFO_CTXSWITCHES) - sw0);
	KT_CHECK(ra == NULL && rb == NULL, "wrong MXCSR seen %d and %d times",
	    (int)ra, (int)rb);
	KT_CHECK(get_mxcsr() == 0x1f80, "main's MXCSR %#x", get_mxcsr());
	return 0;
}

static int
read_fs0(void)
{
	int v;

	__asm__ volatile("movl %%fs:0, %0" : "=r"(v));
	return v;
}

static void
load_fs(unsigned sel)
{
	__asm__ volatile("movw %w0, %%fs" : : "r"(sel) : "memory");
}

static void
start_fs(void *arg)
{
	(void)arg;
	tls_seen = read_fs0();
	thr_exit((long *)&state);
}

/*
 * The TLS selector in %fs follows the running thread's base like %gs: a
 * new thread inherits the selector and must see its own base through it,
 * and the creator sees its own again after the switches back.
 */
static int
test_tls_in_fs(void)
{
	struct thr_param p;

	KT_CHECK(i386_set_gsbase(&tls_a) == 0, "set: errno %d", errno);
	load_fs(GUGS_SEL);
	KT_CHECK(read_fs0() == 0x1234, "%%fs:0 is %#x", read_fs0());
	memset(&p, 0, sizeof(p));
	p.start_func = start_fs;
	p.stack_base = stacks[1];
	p.stack_size = STK;
	p.tls_base = (char *)&tls_b;
	state = 0;
	KT_CHECK(thr_new(&p, sizeof(p)) == 0, "thr_new: errno %d", errno);
	while (state == 0)
		_umtx_op((void *)&state, UMTX_OP_WAIT, 0, NULL, NULL);
	KT_CHECK(tls_seen == 0x5678, "the thread saw %#x through %%fs",
	    tls_seen);
	KT_CHECK(read_fs0() == 0x1234, "ours became %#x", read_fs0());
	load_fs(0);
	return 0;
}

#define ROUNDS		100
#define WARMUP		5

static volatile unsigned turn;		/* 0: main's, 1: the worker's */
static volatile int worker_fpustate;
static volatile unsigned short worker_cw;

static void
hand_over(unsigned to)
{
	turn = to;
	_umtx_op((void *)&turn, UMTX_OP_WAKE_PRIVATE, 1, NULL, NULL);
	while (turn == to)
		_umtx_op((void *)&turn, UMTX_OP_WAIT_UINT_PRIVATE, to, NULL,
		    NULL);
}

/* Never touches the FPU until the last round, then reads its control word. */
static void *
fpu_free_worker(void *arg)
{
	int i;

	(void)arg;
	while (turn == 0)
		_umtx_op((void *)&turn, UMTX_OP_WAIT_UINT_PRIVATE, 0, NULL,
		    NULL);
	for (i = 0; i < ROUNDS; i++) {
		worker_fpustate |= kinfo(KINFO_FPUSTATE);
		hand_over(0);
	}
	__asm__ volatile("fnstcw %0" : "=m"(worker_cw));
	turn = 0;
	_umtx_op((void *)&turn, UMTX_OP_WAKE_PRIVATE, 1, NULL, NULL);
	return NULL;
}

/*
 * Main owns the FPU (its own control word), the worker never used it;
 * they hand the CPU to each other ROUNDS times. No switch writes CR3 (one
 * address space), none saves or loads an FPU image (the worker has none,
 * and main's registers may wait for main behind CR0.TS), the worker owns
 * no FPU state throughout, and its first FP instruction sees the clean
 * state, not main's.
 */
static int
test_switch_costs(void)
{
	pthread_t t;
	unsigned short cw = 0x027f, now;
	int i, cr3 = 0, saves = 0;

	__asm__ volatile("fldcw %0" : : "m"(cw));
	KT_CHECK(kinfo(KINFO_FPUSTATE) == 1, "main owns no FPU state");
	turn = 0;
	KT_CHECK(pthread_create(&t, NULL, fpu_free_worker, NULL) == 0,
	    "create");
	for (i = 0; i < ROUNDS; i++) {
		if (i == WARMUP) {
			cr3 = kinfo(KINFO_CR3WRITES);
			saves = kinfo(KINFO_FPUSAVES);
		}
		hand_over(1);
	}
	cr3 = kinfo(KINFO_CR3WRITES) - cr3;
	saves = kinfo(KINFO_FPUSAVES) - saves;
	hand_over(1);
	pthread_join(t, NULL);
	KT_CHECK(cr3 == 0, "%d CR3 writes in %d rounds", cr3, ROUNDS - WARMUP);
	KT_CHECK(saves == 0, "%d FPU images in %d rounds", saves,
	    ROUNDS - WARMUP);
	KT_CHECK(worker_fpustate == 0, "the worker owned FPU state");
	KT_CHECK(worker_cw == 0x037f, "the worker's first control word %#x",
	    worker_cw);
	__asm__ volatile("fnstcw %0" : "=m"(now));
	KT_CHECK(now == cw, "main's control word became %#x", now);
	return 0;
}

int
main(void)
{
	kt_suite("thread_md");
	kt_run("tls", test_tls);
	kt_run("tls_same_base", test_tls_same_base);
	kt_run("tls_signal", test_tls_signal);
	kt_run("tls_in_fs", test_tls_in_fs);
	kt_run("errno", test_errno);
	kt_run("fpu_mxcsr", test_fpu_mxcsr);
	kt_run("switch_costs", test_switch_costs);
	return kt_finish();
}
