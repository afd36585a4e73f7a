/*
 * proc_mem.c - address spaces: copy-on-write after fork (each side sees
 * only its own writes, also when the kernel writes into a shared page for
 * read()), demand-zero bss, heap and stack, the break moving both ways, and
 * the books balancing: 1,000 fork+exit cycles, a fork bomb and running out
 * of memory all end with the free-page count where it started.
 */
// RUN: qemu | -m 24
// TIMEOUT: 120
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/kinfo.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/ktest.h"
#include "lib/pressure.h"

#define PAGE		4096
#define USRSTACK	0xbfc00000u

static int gval = 1;			/* .data */
static char zeroes[8 * PAGE];		/* .bss, never written before the test */
static char shared_buf[2 * PAGE];

static int
xread(int fd, void *buf, size_t n)
{
	return read(fd, buf, n) == (ssize_t)n ? 0 : -1;
}

/*
 * Parent and child write the same data, heap and stack variables in turn;
 * each must keep seeing its own values.
 */
static int
test_cow_private_writes(void)
{
	int up[2], down[2], status, stackval = 10;
	char *heap = malloc(3 * PAGE), c;
	pid_t pid;

	KT_CHECK(heap != NULL && pipe(up) == 0 && pipe(down) == 0, "setup");
	memset(heap, 'p', 3 * PAGE);
	pid = fork();
	if (pid == 0) {
		gval = 2;
		stackval = 20;
		memset(heap, 'c', 3 * PAGE);
		write(up[1], "w", 1);		/* I wrote; now you write */
		xread(down[0], &c, 1);
		c = gval == 2 && stackval == 20 && heap[0] == 'c' &&
		    heap[3 * PAGE - 1] == 'c' ? 'y' : 'n';
		write(up[1], &c, 1);
		_exit(0);
	}
	KT_CHECK(xread(up[0], &c, 1) == 0, "child did not write");
	KT_CHECK(gval == 1 && stackval == 10 && heap[0] == 'p' &&
	    heap[3 * PAGE - 1] == 'p', "the child's writes showed in the parent: "
	    "gval %d stack %d heap %c", gval, stackval, heap[0]);
	gval = 3;
	stackval = 30;
	memset(heap, 'P', 3 * PAGE);
	write(down[1], "w", 1);
	KT_CHECK(xread(up[0], &c, 1) == 0 && c == 'y',
	    "the parent's writes showed in the child");
	KT_CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status), "wait");
	KT_CHECK(gval == 3 && heap[PAGE] == 'P', "parent lost its own writes");
	free(heap);
	return 0;
}

/* The kernel writing into a copy-on-write page (read()) breaks the sharing too. */
static int
test_cow_kernel_write(void)
{
	int fds[2], back[2], go2[2], status;
	char c;
	pid_t pid, pid2;

	KT_CHECK(pipe(fds) == 0 && pipe(back) == 0 && pipe(go2) == 0, "pipe");
	memset(shared_buf, 'o', sizeof(shared_buf));
	pid = fork();
	if (pid == 0) {
		/* Straddle the page boundary: two COW pages in one copyout. */
		if (xread(fds[0], shared_buf + PAGE - 8, 16) != 0)
			_exit(1);
		c = memcmp(shared_buf + PAGE - 8, "0123456789abcdef", 16) == 0 &&
		    shared_buf[0] == 'o' ? 'y' : 'n';
		write(back[1], &c, 1);
		_exit(0);
	}
	pid2 = fork();		/* a second sharer: the page has three users */
	if (pid2 == 0) {
		xread(go2[0], &c, 1);
		_exit(shared_buf[PAGE] == 'o' ? 0 : 1);
	}
	KT_CHECK(write(fds[1], "0123456789abcdef", 16) == 16, "write");
	KT_CHECK(xread(back[0], &c, 1) == 0 && c == 'y',
	    "the child did not see what read() put in its page");
	KT_CHECK(shared_buf[PAGE - 8] == 'o' && shared_buf[PAGE] == 'o',
	    "read() in the child changed the parent's page");
	write(go2[1], "x", 1);
	KT_CHECK(waitpid(pid2, &status, 0) == pid2 && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0, "the second child saw the write");
	KT_CHECK(waitpid(pid, &status, 0) == pid, "wait");

	/* And the other way round: the parent reads, the child must not see it. */
	pid = fork();
	if (pid == 0) {
		xread(fds[0], &c, 1);
		_exit(shared_buf[10] == 'o' ? 0 : 1);
	}
	write(back[1], "PARENT", 6);
	KT_CHECK(xread(back[0], shared_buf + 8, 6) == 0, "read");
	KT_CHECK(memcmp(shared_buf + 8, "PARENT", 6) == 0, "parent's read");
	write(fds[1], "g", 1);
	KT_CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0, "the parent's read() showed in the child");
	close(fds[0]);
	close(fds[1]);
	close(back[0]);
	close(back[1]);
	close(go2[0]);
	close(go2[1]);
	return 0;
}

/* A page never touched before fork is demand-zero on both sides. */
static int
test_demand_zero(void)
{
	int status;
	unsigned i;
	pid_t pid;
	char *top;

	pid = fork();
	if (pid == 0) {
		for (i = 0; i < sizeof(zeroes); i++)
			if (zeroes[i] != 0)
				_exit(1);
		zeroes[5 * PAGE] = 1;
		_exit(0);
	}
	KT_CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0, "bss not zero in the child (%#x)", status);
	for (i = 0; i < sizeof(zeroes); i++)
		KT_CHECK(zeroes[i] == 0, "bss byte %u is %d", i, zeroes[i]);

	top = sbrk(0);
	KT_CHECK(top != (char *)-1 && sbrk(4 * PAGE) == top, "sbrk");
	for (i = 0; i < 4 * PAGE; i++)
		KT_CHECK(top[i] == 0, "new heap byte %u is %d", i, top[i]);
	memset(top, 0x55, 4 * PAGE);
	KT_CHECK(sbrk(-4 * PAGE) == top + 4 * PAGE, "sbrk shrink");
	KT_CHECK(sbrk(4 * PAGE) == top, "sbrk grow again");
	for (i = PAGE; i < 4 * PAGE; i++)
		KT_CHECK(top[i] == 0, "regrown heap byte %u is %d", i, top[i]);
	KT_CHECK(sbrk(-4 * PAGE) != (void *)-1, "sbrk");
	return 0;
}

/* Memory above the break is not the program's. */
static int
test_beyond_break(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		volatile char *p = (char *)(((uintptr_t)sbrk(0) + 3 * PAGE) &
		    ~(uintptr_t)(PAGE - 1));

		*p = 1;
		_exit(0);
	}
	KT_CHECK(waitpid(pid, &status, 0) == pid, "wait");
	KT_CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	    "touching above the break: status %#x", status);
	return 0;
}

static int
recurse(int n)
{
	volatile char frame[1024];

	frame[0] = (char)n;
	if (n == 0)
		return frame[0];
	return recurse(n - 1) + frame[0];
}

/* The stack grows on demand to its limit, and no further. */
static int
test_stack(void)
{
	int status, before = kt_free_pages();
	pid_t pid = fork();

	if (pid == 0) {
		recurse(1500);
		_exit(0);
	}
	KT_CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status),
	    "1.5 MiB of stack: status %#x", status);
	pid = fork();
	if (pid == 0) {
		volatile char *p = (char *)(USRSTACK - (8u << 20) - PAGE);

		*p = 1;
		_exit(0);
	}
	KT_CHECK(waitpid(pid, &status, 0) == pid, "wait");
	KT_CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	    "below the stack limit: status %#x", status);
	KT_CHECK(kt_free_pages() == before, "free pages %d, %d before",
	    kt_free_pages(), before);
	return 0;
}

static int
test_fork_exit_1000(void)
{
	int i, status, before = kt_free_pages();

	for (i = 0; i < 1000; i++) {
		pid_t pid = fork();

		if (pid == 0)
			_exit(i & 0xff);
		KT_CHECK(pid > 0, "fork %d: errno %d", i, errno);
		KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid %d", i);
		KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == (i & 0xff),
		    "cycle %d: status %#x", i, status);
	}
	KT_CHECK(kt_free_pages() == before, "free pages %d after 1000 cycles, "
	    "%d before", kt_free_pages(), before);
	return 0;
}

/* A child that dirtied many pages gives every one back. */
static int
test_big_child(void)
{
	int status, before = kt_free_pages();
	pid_t pid = fork();

	if (pid == 0) {
		char *p = malloc(256 * PAGE);

		if (p == NULL)
			_exit(1);
		memset(p, 1, 256 * PAGE);
		memset(shared_buf, 2, sizeof(shared_buf));	/* COW copies */
		_exit(0);
	}
	KT_CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0, "status %#x", status);
	KT_CHECK(kt_free_pages() == before, "free pages %d, %d before",
	    kt_free_pages(), before);
	return 0;
}

/* Each bomb process forks until fork fails, reports errno, then waits. */
static void __attribute__((noreturn))
bomb(int fd)
{
	sigset_t none;
	int e;

	while (fork() >= 0)
		;
	e = errno;
	write(fd, &e, sizeof(e));
	sigemptyset(&none);
	for (;;)
		sigsuspend(&none);
}

static int
test_fork_bomb(void)
{
	int fds[2], status, e = 0, before = kt_free_pages(), i, stable;
	int nprocs = kinfo(KINFO_NPROCS), last;
	pid_t root, pid;

	KT_CHECK(pipe(fds) == 0, "pipe");
	root = fork();
	if (root == 0) {
		setpgid(0, 0);
		close(fds[0]);
		bomb(fds[1]);
	}
	close(fds[1]);
	KT_CHECK(xread(fds[0], &e, sizeof(e)) == 0, "no bomb process reported");
	KT_CHECK(e == EAGAIN || e == ENOMEM, "fork failed with errno %d", e);
	/* Let it saturate: the process count stops changing. */
	for (i = stable = 0, last = -1; i < 200 && stable < 5; i++) {
		int n = kinfo(KINFO_NPROCS);

		stable = n == last ? stable + 1 : 0;
		last = n;
		usleep(10000);
	}
	KT_CHECK(kill(-root, SIGKILL) == 0, "kill the bomb: errno %d", errno);
	KT_CHECK(waitpid(root, &status, 0) == root, "waitpid root");
	KT_CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	    "root status %#x", status);
	KT_CHECK(kt_await_nprocs(nprocs), "%d processes left, %d before",
	    kinfo(KINFO_NPROCS), nprocs);
	close(fds[0]);
	KT_CHECK(kt_free_pages() == before, "free pages %d after the bomb, %d "
	    "before (peak %d processes)", kt_free_pages(), before, last);
	pid = fork();
	if (pid == 0)
		_exit(0);
	KT_CHECK(pid > 0 && waitpid(pid, &status, 0) == pid,
	    "fork after the bomb failed");
	return 0;
}

/*
 * A child touches memory until the kernel has no page left for it: it dies
 * (the fault cannot be satisfied), the kernel survives, and every page
 * comes back.
 */
static int
test_out_of_memory(void)
{
	int status, before = kt_free_pages();
	pid_t pid = fork();

	if (pid == 0) {
		char *base = sbrk(0), *p;
		uintptr_t want = (uintptr_t)kt_free_pages() * PAGE * 2;

		if (sbrk(want) == (void *)-1)
			_exit(2);
		for (p = base; p < base + want; p += PAGE)
			*p = 1;
		_exit(3);
	}
	KT_CHECK(waitpid(pid, &status, 0) == pid, "wait");
	KT_CHECK(WIFSIGNALED(status), "a child using twice the free memory: "
	    "status %#x", status);
	KT_CHECK(kt_free_pages() == before, "free pages %d, %d before",
	    kt_free_pages(), before);
	pid = fork();
	if (pid == 0)
		_exit(0);
	KT_CHECK(pid > 0 && waitpid(pid, &status, 0) == pid, "fork afterwards");
	return 0;
}

/*
 * The forker: on each byte read, one attempt to fork (or, with exec, to
 * execute /test/badelf/good, which exits 42); it reports the errno (0:
 * success) and the pages a failure lost. A fork that succeeds with almost
 * no memory left may cost the forker its life at its next copy-on-write
 * fault, and a successful exec replaces it: either ends the sweep.
 */
static void __attribute__((noreturn))
forker(int cmd, int res, int exec)
{
	char *argv[] = { "/test/badelf/good", NULL };
	int r[2], status;
	char c;

	alarm(20);
	kt_own_pages();
	while (read(cmd, &c, 1) == 1) {
		int before = kt_free_pages();
		pid_t pid = exec ? -1 : fork();

		if (pid == 0)
			_exit(0);
		if (exec)
			execve(argv[0], argv, NULL);
		r[0] = pid < 0 ? errno : 0;
		r[1] = pid < 0 ? before - kt_free_pages() : 0;
		if (pid > 0)
			waitpid(pid, &status, 0);
		write(res, r, sizeof(r));
	}
	_exit(0);
}

/*
 * A hog (lib/pressure.c) holds all but a few pages and gives them back one
 * at a time; after each, another process tries to fork (or exec). Wherever
 * it runs out of memory (kernel stack, argument buffer, page directory,
 * page tables, pages), it must fail cleanly: EAGAIN or ENOMEM, no page
 * lost, and the caller keeps running, until the call succeeds.
 */
static int
under_pressure(int exec)
{
	int fcmd[2], fres[2], r[2], status, i, failures = 0;
	int nprocs = kinfo(KINFO_NPROCS);
	const char *what = exec ? "exec" : "fork";
	struct hog hog;
	pid_t forker_pid;

	kt_own_pages();
	KT_CHECK(pipe(fcmd) == 0 && pipe(fres) == 0, "pipe");
	forker_pid = fork();
	if (forker_pid == 0) {
		close(fcmd[1]), close(fres[0]);
		forker(fcmd[0], fres[1], exec);
	}
	close(fcmd[0]), close(fres[1]);
	kt_own_pages();
	KT_CHECK(kt_hog_start(&hog, 4) == 0, "the hog did not report");
	for (i = 0; i < 400; i++) {
		write(fcmd[1], "f", 1);
		if (read(fres[0], r, sizeof(r)) != sizeof(r))
			break;		/* the exec worked, or a COW fault killed */
		if (r[0] == 0)
			break;
		KT_CHECK(r[0] == EAGAIN || r[0] == ENOMEM,
		    "%s failed with errno %d", what, r[0]);
		KT_CHECK(r[1] == 0, "a failed %s lost %d pages", what, r[1]);
		failures++;
		KT_CHECK(kt_hog_give(&hog) == 0, "the hog died");
	}
	status = kt_hog_stop(&hog);
	close(fcmd[1]);
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "the hog's status %#x", status);
	KT_CHECK(waitpid(forker_pid, &status, 0) == forker_pid, "waitpid");
	KT_CHECK(!exec || (WIFEXITED(status) && WEXITSTATUS(status) == 42),
	    "the exec never worked: status %#x", status);
	KT_CHECK(failures > 0, "%s never failed: the test did not press", what);
	KT_CHECK(i < 400, "%s did not recover after 400 pages", what);
	/* If the forker died, init reaps the child it left. */
	KT_CHECK(kt_await_nprocs(nprocs), "processes left behind");
	close(fres[0]);
	return 0;
}

static int
test_fork_under_pressure(void)
{
	return under_pressure(0);
}

static int
test_exec_under_pressure(void)
{
	return under_pressure(1);
}

int
main(void)
{
	kt_suite("proc_mem");
	kt_run("cow_private_writes", test_cow_private_writes);
	kt_run("cow_kernel_write", test_cow_kernel_write);
	kt_run("demand_zero", test_demand_zero);
	kt_run("beyond_break", test_beyond_break);
	kt_run("stack", test_stack);
	kt_run("fork_exit_1000", test_fork_exit_1000);
	kt_run("big_child", test_big_child);
	kt_run("fork_bomb", test_fork_bomb);
	kt_run("out_of_memory", test_out_of_memory);
	kt_run("fork_under_pressure", test_fork_under_pressure);
	kt_run("exec_under_pressure", test_exec_under_pressure);
	return kt_finish();
}
