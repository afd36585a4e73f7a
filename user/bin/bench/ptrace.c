/*
 * ptrace.c - benchmarks of the debugging interface, each against a traced
 * child stopped by PT_TRACE_ME + SIGSTOP: a single-step round trip (PT_STEP
 * and waitpid), an int3 breakpoint round trip (PT_CONTINUE to the next int3
 * and waitpid), PT_READ_D of one word, PT_GETREGS, PT_IO of 1 MiB, and a
 * hardware watchpoint round trip.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>
#include <machine/reg.h>
#include "bench.h"

#define IO_SIZE		(1 << 20)

static volatile int watched;
static char io_buf[IO_SIZE];

/* A child spinning in a two-instruction loop (stepping target). */
static void
spin(void)
{
	for (;;)
		__asm__ volatile("nop");
}

static void
int3_loop(void)
{
	for (;;)
		__asm__ volatile("int3");
}

static void
write_loop(void)
{
	for (;;)
		watched++;
}

static pid_t
traced_child(void (*body)(void))
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		memset(io_buf, 'k', sizeof(io_buf));
		ptrace(PT_TRACE_ME, 0, 0, 0);
		raise(SIGSTOP);
		body();
		_exit(0);
	}
	waitpid(pid, &status, 0);
	return pid;
}

static void
finish(pid_t pid)
{
	int status;

	ptrace(PT_KILL, pid, 0, 0);
	waitpid(pid, &status, 0);
}

/*
 * n resumes with req, each followed by the tracer's waitpid for the next
 * stop of a child running body; setup (if any) prepares the child first.
 */
static void
round_trips(const char *name, void (*body)(void), int (*setup)(pid_t),
    int req)
{
	const int n = 2000;
	pid_t pid = traced_child(body);
	struct bench_mark m;
	int i, status;

	if (setup != NULL && setup(pid) != 0) {
		finish(pid);
		return;
	}
	bench_start(&m);
	for (i = 0; i < n; i++) {
		ptrace(req, pid, (caddr_t)1, 0);
		waitpid(pid, &status, 0);
	}
	bench_end(name, &m, n, "ticks/op");
	finish(pid);
}

static void
read_and_getregs(void)
{
	const int n = 5000;
	pid_t pid = traced_child(spin);
	struct reg r;
	uint64_t t0, t1;
	int i;

	t0 = rdtsc();
	for (i = 0; i < n; i++)
		ptrace(PT_READ_D, pid, (caddr_t)&watched, 0);
	t1 = rdtsc();
	bench_report("ptrace_read_d", t1 - t0, n, "ticks/op");
	t0 = rdtsc();
	for (i = 0; i < n; i++)
		ptrace(PT_GETREGS, pid, (caddr_t)&r, 0);
	t1 = rdtsc();
	bench_report("ptrace_getregs", t1 - t0, n, "ticks/op");
	finish(pid);
}

static void
io_mib(void)
{
	const int n = 4;
	pid_t pid = traced_child(spin);
	char *dst = malloc(IO_SIZE);
	struct ptrace_io_desc piod;
	uint64_t t0, t1;
	int i;

	memset(dst, 0, IO_SIZE);	/* fault the tracer's pages in first */
	t0 = rdtsc();
	for (i = 0; i < n; i++) {
		piod.piod_op = PIOD_READ_D;
		piod.piod_offs = io_buf;
		piod.piod_addr = dst;
		piod.piod_len = IO_SIZE;
		ptrace(PT_IO, pid, (caddr_t)&piod, 0);
	}
	t1 = rdtsc();
	finish(pid);
	free(dst);
	bench_report("ptrace_io_per_byte", t1 - t0, (uint64_t)n * IO_SIZE,
	    "ticks/byte");
}

/* A 4-byte write watchpoint on `watched`. */
static int
arm_watchpoint(pid_t pid)
{
	struct dbreg d;

	memset(&d, 0, sizeof(d));
	d.dr[0] = (unsigned)&watched;
	d.dr[7] = DBREG_DR7_SET(0, DBREG_DR7_LEN_4, DBREG_DR7_WRONLY,
	    DBREG_DR7_LOCAL_ENABLE);
	return ptrace(PT_SETDBREGS, pid, (caddr_t)&d, 0);
}

void
bench_ptrace(void)
{
	round_trips("ptrace_step", spin, NULL, PT_STEP);
	round_trips("int3_round_trip", int3_loop, NULL, PT_CONTINUE);
	read_and_getregs();
	io_mib();
	round_trips("watchpoint_round_trip", write_loop, arm_watchpoint,
	    PT_CONTINUE);
}
