/*
 * bench.h - the pieces of /bin/bench: each benchmark runs an operation many
 * times between two RDTSC readings and reports TSC ticks per operation.
 * Under plain QEMU the TSC follows host time (tools/bench.py turns ticks into
 * microseconds with the kernel's calibration); under -icount shift=0 it
 * advances exactly once per guest instruction, so figures repeat exactly.
 */
#ifndef BENCH_H
#define BENCH_H

#include <stdint.h>

static inline uint64_t
rdtsc(void)
{
	uint64_t v;

	__asm__ volatile("rdtsc" : "=A"(v));
	return v;
}

/*
 * Where a measurement started: the TSC and the kernel's count of CR3 loads
 * (kinfo KINFO_CR3WRITES), so each operation's CR3 writes are reported too.
 */
struct bench_mark {
	uint64_t	tsc;
	uint32_t	cr3;
};

void	bench_start(struct bench_mark *m);

/*
 * The result lines of ops operations since m: "BENCH name ticks_per_op
 * unit" and "CR3 name writes_per_op".
 */
void	bench_end(const char *name, const struct bench_mark *m, uint64_t ops,
	    const char *unit);

/* The CR3 line alone: "CR3 name writes_per_op". */
void	bench_cr3(const char *name, const struct bench_mark *m, uint64_t ops);

/* One result line: "BENCH name ticks_per_op unit". */
void	bench_report(const char *name, uint64_t ticks, uint64_t ops,
	    const char *unit);

void	bench_proc(void);	/* proc.c: system calls, fork, exec, pipes, COW */
void	bench_ptrace(void);	/* ptrace.c: stepping, breakpoints, memory, registers */
void	bench_threads(void);	/* threads.c: create+join, mutex handoff, semaphores */

#endif
