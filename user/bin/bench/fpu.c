/*
 * fpu.c - the cost of a context switch between two processes that both use
 * the FPU: they hand the CPU to each other with sched_yield, touching x87
 * and SSE state in between, so every switch must move FPU state (at once
 * with eager switching, at the first FP instruction with lazy switching).
 * tools/bench.py runs it once per switching mode.
 */
#include <sched.h>
#include <sys/kinfo.h>
#include <sys/wait.h>
#include <unistd.h>
#include "bench.h"

static void
use_fpu(double *x)
{
	*x = *x * 1.0000001 + 0.5;
}

void
bench_fpu(void)
{
	const int n = 2000;
	uint64_t t0, t1;
	double x = 1.0;
	int i, status;
	pid_t pid = fork();

	if (pid == 0) {
		for (i = 0; i < n + 10; i++) {
			use_fpu(&x);
			sched_yield();
		}
		_exit(x > 0 ? 0 : 1);
	}
	sched_yield();
	t0 = rdtsc();
	for (i = 0; i < n; i++) {
		use_fpu(&x);
		sched_yield();
	}
	t1 = rdtsc();
	waitpid(pid, &status, 0);
	/* Each iteration is two switches: to the other process and back. */
	bench_report(kinfo(KINFO_FPUMODE) ? "fpu_switch_lazy" : "fpu_switch_eager",
	    t1 - t0, 2 * n, "ticks/op");
}
