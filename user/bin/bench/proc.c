/*
 * proc.c - benchmarks of the process machinery: the null system call
 * through int $0x80 and through SYSENTER, one CR3 write, fork+exit+wait,
 * fork+execve+wait, a pipe round trip between two processes and a
 * copy-on-write fault.
 */
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include "bench.h"

extern int __sysenter_ok;	/* libc enters by SYSENTER */

#define COW_PAGES	256

#define ROUNDS	10	/* the quickest round counts: a loaded host only adds */

static void
getpid_int80(int n)
{
	int i, r;

	for (i = 0; i < n; i++)
		__asm__ volatile("int $0x80" : "=a"(r) : "a"(SYS_getpid)
		    : "edx", "memory");
}

/* The entry sequence of libc's syscall_impl.h. */
static void
getpid_sysenter(int n)
{
	int i, r;

	for (i = 0; i < n; i++)
		__asm__ volatile("pushl $1f\n\tpushl %%ebp\n\tmovl %%esp, %%ebp\n\t"
		    "pushl %%ecx\n\tsysenter\n1:" : "=a"(r) : "0"(SYS_getpid)
		    : "edx", "memory");
}

/* The fewest ticks one of ROUNDS calls of fn(n) took. */
static uint64_t
quickest(void (*fn)(int), int n)
{
	uint64_t best = ~0ull, t0, t;
	int r;

	for (r = 0; r < ROUNDS; r++) {
		t0 = rdtsc();
		fn(n);
		t = rdtsc() - t0;
		if (t < best)
			best = t;
	}
	return best;
}

/*
 * getpid through the raw trap and through SYSENTER, so only the kernel
 * path is measured; rounds of each, alternating, the quickest counting.
 */
static void
null_syscall(void)
{
	const int n = 2000;
	struct bench_mark m;

	bench_start(&m);
	bench_report("getpid", quickest(getpid_int80, n), n, "ticks/op");
	if (__sysenter_ok)
		bench_report("getpid_sysenter", quickest(getpid_sysenter, n), n,
		    "ticks/op");
	bench_cr3("getpid", &m, ROUNDS * n);
}

static int cr3_mib[4];
static size_t cr3_miblen = 4;

static void
cr3_read(int n)
{
	size_t vlen;
	int i, v;

	for (i = 0; i < n; i++) {
		vlen = sizeof(v);
		sysctl(cr3_mib, cr3_miblen, &v, &vlen, NULL, 0);
	}
}

static void
cr3_reload(int n)
{
	size_t vlen;
	int i, v = 0;

	for (i = 0; i < n; i++) {
		vlen = sizeof(v);
		sysctl(cr3_mib, cr3_miblen, &v, &vlen, &v, sizeof(v));
	}
}

/*
 * One CR3 write: writing sysctl debug.cr3_reload against reading it (the
 * same call without the write), the difference per call.
 */
static void
cr3_write(void)
{
	const int n = 200;
	uint64_t rd, wr;

	if (sysctlnametomib("debug.cr3_reload", cr3_mib, &cr3_miblen) != 0)
		return;
	rd = quickest(cr3_read, n);
	wr = quickest(cr3_reload, n);
	bench_report("cr3_write", wr > rd ? wr - rd : 0, n, "ticks/op");
}

static void
fork_exit_wait(void)
{
	const int n = 200;
	struct bench_mark m;
	int i, status;

	bench_start(&m);
	for (i = 0; i < n; i++) {
		pid_t pid = fork();

		if (pid == 0)
			_exit(0);
		waitpid(pid, &status, 0);
	}
	bench_end("fork_exit_wait", &m, n, "ticks/op");
}

static void
fork_exec_wait(void)
{
	const int n = 50;
	char *argv[] = { "/bin/true", NULL };
	struct bench_mark m;
	int i, status;

	bench_start(&m);
	for (i = 0; i < n; i++) {
		pid_t pid = fork();

		if (pid == 0) {
			execv(argv[0], argv);
			_exit(127);
		}
		waitpid(pid, &status, 0);
	}
	bench_end("fork_exec_wait", &m, n, "ticks/op");
}

/* One byte there and back between two processes. */
static void
pipe_round_trip(void)
{
	const int n = 2000;
	int there[2], back[2], i, status;
	struct bench_mark m;
	char c = 'x';
	pid_t pid;

	pipe(there);
	pipe(back);
	pid = fork();
	if (pid == 0) {
		close(there[1]);	/* or the read below never sees EOF */
		close(back[0]);
		while (read(there[0], &c, 1) == 1)
			write(back[1], &c, 1);
		_exit(0);
	}
	close(there[0]);
	close(back[1]);
	bench_start(&m);
	for (i = 0; i < n; i++) {
		write(there[1], &c, 1);
		read(back[0], &c, 1);
	}
	bench_end("pipe_round_trip", &m, n, "ticks/op");
	close(there[1]);
	waitpid(pid, &status, 0);
	close(back[0]);
}

/* The child writes one byte into each of COW_PAGES shared pages. */
static void
cow_fault(void)
{
	char *buf = malloc(COW_PAGES * 4096);
	int i, status, p[2];
	uint64_t ticks;
	pid_t pid;

	for (i = 0; i < COW_PAGES; i++)
		buf[i * 4096] = 1;
	pipe(p);
	pid = fork();
	if (pid == 0) {
		uint64_t t0 = rdtsc(), t1;

		for (i = 0; i < COW_PAGES; i++)
			buf[i * 4096] = 2;
		t1 = rdtsc();
		ticks = t1 - t0;
		write(p[1], &ticks, sizeof(ticks));
		_exit(0);
	}
	read(p[0], &ticks, sizeof(ticks));
	waitpid(pid, &status, 0);
	close(p[0]);
	close(p[1]);
	free(buf);
	bench_report("cow_fault", ticks, COW_PAGES, "ticks/op");
}

void
bench_proc(void)
{
	null_syscall();
	cr3_write();
	fork_exit_wait();
	fork_exec_wait();
	pipe_round_trip();
	cow_fault();
}
