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

/* getpid through the raw trap, so only the kernel path is measured. */
static void
null_syscall(void)
{
	const int n = 20000;
	struct bench_mark m;
	int i, r;

	bench_start(&m);
	for (i = 0; i < n; i++)
		__asm__ volatile("int $0x80" : "=a"(r) : "a"(SYS_getpid)
		    : "edx", "memory");
	bench_end("getpid", &m, n, "ticks/op");
	if (!__sysenter_ok)
		return;
	bench_start(&m);
	for (i = 0; i < n; i++)
		__asm__ volatile("pushl $1f\n\tpushl %%ebp\n\tmovl %%esp, %%ebp\n\t"
		    "pushl %%ecx\n\tsysenter\n1:" : "=a"(r) : "0"(SYS_getpid)
		    : "edx", "memory");
	bench_end("getpid_sysenter", &m, n, "ticks/op");
}

/*
 * One CR3 write: writing sysctl debug.cr3_reload against reading it (the
 * same call without the write), the difference per call.
 */
static void
cr3_write(void)
{
	const int n = 2000;
	int mib[4], v = 0, i;
	size_t len = 4, vlen;
	uint64_t t0, t1, t2;

	if (sysctlnametomib("debug.cr3_reload", mib, &len) != 0)
		return;
	t0 = rdtsc();
	for (i = 0; i < n; i++) {
		vlen = sizeof(v);
		sysctl(mib, len, &v, &vlen, NULL, 0);
	}
	t1 = rdtsc();
	for (i = 0; i < n; i++) {
		vlen = sizeof(v);
		sysctl(mib, len, &v, &vlen, &v, sizeof(v));
	}
	t2 = rdtsc();
	bench_report("cr3_write", t2 - t1 > t1 - t0 ? (t2 - t1) - (t1 - t0) : 0,
	    n, "ticks/op");
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
