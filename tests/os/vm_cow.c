/*
 * vm_cow.c - copy-on-write fork, counted in pages. A parent with NPAGES
 * dirty heap pages forks:
 *
 *   fork_shares_pages       the fork itself costs a few pages (page tables,
 *                           a kernel stack), not a copy of every page;
 *   write_copies_one_page   each page the child then writes costs exactly
 *                           one page, and each side sees only its own data;
 *   last_reference_in_place once the child is gone, the parent's writes
 *                           copy nothing: its pages are its own again;
 *   kernel_write_copies     read() into a shared page (the kernel's copyout
 *                           faulting on a read-only page) copies it too;
 *   exit_frees_everything   after the child exits, the free-page count is
 *                           back where it was before the fork.
 *
 * Every case checks the fork's cost first: an eager fork, which copies
 * everything at once, fails them all.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/kinfo.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/ktest.h"

#define PAGE		4096
#define NPAGES		64
#define NWRITE		8
#define MAXFORK		(NPAGES / 4)	/* what sharing may cost, at most */

static char *heap;
static int go[2], done[2];		/* parent -> child, child -> parent */
static pid_t child;

static int
free_pages(void)
{
	return kinfo(KINFO_FREEPAGES);
}

/* NPAGES heap pages holding 'p', all present. */
static int
dirty_heap(void)
{
	int i;

	heap = sbrk(NPAGES * PAGE);
	if (heap == (char *)-1)
		return -1;
	for (i = 0; i < NPAGES; i++)
		memset(heap + i * PAGE, 'p', PAGE);
	return 0;
}

static void
signal_fd(int fd)
{
	char c = 'x';

	write(fd, &c, 1);
}

static int
await_fd(int fd)
{
	char c;

	return read(fd, &c, 1) == 1 ? 0 : -1;
}

/*
 * Fork a child that runs body() when told to, reports back, then waits to
 * be told to exit. *cost is what the fork took, measured while the child
 * waits. 0, or -1 (the reason given) when the fork copied too much.
 */
static int
fork_child(int (*body)(void), int *cost)
{
	int before;

	if (pipe(go) != 0 || pipe(done) != 0) {
		kt_fail(__FILE__, __LINE__, "pipe: %s", strerror(errno));
		return -1;
	}
	before = free_pages();
	child = fork();
	if (child < 0) {
		kt_fail(__FILE__, __LINE__, "fork: %s", strerror(errno));
		return -1;
	}
	if (child == 0) {
		int r;

		if (await_fd(go[0]) != 0)
			_exit(2);
		r = body();
		signal_fd(done[1]);
		await_fd(go[0]);
		_exit(r);
	}
	*cost = before - free_pages();
	if (*cost > MAXFORK) {
		kt_fail(__FILE__, __LINE__, "fork with %d dirty pages cost %d "
		    "pages: they were copied, not shared", NPAGES, *cost);
		kill(child, SIGKILL);
		kt_wait_status(child, &before);
		return -1;
	}
	return 0;
}

/* Let the child run its body, then exit; its exit status. The pipes go. */
static int
run_child(void)
{
	int status;

	signal_fd(go[1]);
	await_fd(done[0]);
	signal_fd(go[1]);
	if (kt_wait_status(child, &status) != child)
		return -1;
	close(go[0]);
	close(go[1]);
	close(done[0]);
	close(done[1]);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static int
nothing(void)
{
	return 0;
}

static int
test_fork_shares_pages(void)
{
	int cost, i;

	KT_CHECK(dirty_heap() == 0, "sbrk: %s", strerror(errno));
	if (fork_child(nothing, &cost) != 0)
		return 1;
	KT_CHECK(cost >= 1, "a fork that costs no page at all (%d)", cost);
	KT_CHECK(run_child() == 0, "the child failed");
	for (i = 0; i < NPAGES; i++)
		KT_CHECK(heap[i * PAGE] == 'p', "page %d changed", i);
	return 0;
}

/* The child writes NWRITE pages: exactly NWRITE pages are copied. */
static int
write_pages(void)
{
	int before = free_pages(), i, after;

	for (i = 0; i < NWRITE; i++)
		heap[i * 2 * PAGE] = 'c';
	after = free_pages();
	if (before - after != NWRITE)
		return 10 + before - after;
	for (i = 0; i < NPAGES; i++)
		if (heap[i * PAGE] != (i % 2 == 0 && i < 2 * NWRITE ? 'c' : 'p'))
			return 3;
	return 0;
}

static int
test_write_copies_one_page(void)
{
	int cost, r, i;

	KT_CHECK(dirty_heap() == 0, "sbrk: %s", strerror(errno));
	if (fork_child(write_pages, &cost) != 0)
		return 1;
	r = run_child();
	KT_CHECK(r != 3, "the child does not see its own writes");
	KT_CHECK(r == 0, "writing %d shared pages cost %d pages", NWRITE,
	    r - 10);
	for (i = 0; i < NPAGES; i++)
		KT_CHECK(heap[i * PAGE] == 'p', "the child's write to page %d "
		    "shows in the parent", i);
	return 0;
}

static int
test_last_reference_in_place(void)
{
	int cost, before, i;

	KT_CHECK(dirty_heap() == 0, "sbrk: %s", strerror(errno));
	if (fork_child(nothing, &cost) != 0)
		return 1;
	KT_CHECK(run_child() == 0, "the child failed");
	before = free_pages();
	for (i = 0; i < NPAGES; i++)
		heap[i * PAGE] = 'q';
	KT_CHECK(free_pages() == before, "with the child gone, writing %d "
	    "pages cost %d pages", NPAGES, before - free_pages());
	return 0;
}

/* read() from a pipe into NWRITE shared pages: the kernel's copyout copies. */
static int
read_into_pages(void)
{
	static const char msg[] = "written by the kernel";
	char warm[sizeof(msg)];
	int p[2], before, after, i;

	/* A first message into a private page: the pipe has its buffer. */
	if (pipe(p) != 0 || write(p[1], msg, sizeof(msg)) != sizeof(msg) ||
	    read(p[0], warm, sizeof(warm)) != sizeof(warm))
		return 4;
	before = free_pages();
	for (i = 0; i < NWRITE; i++) {
		write(p[1], msg, sizeof(msg));
		if (read(p[0], heap + i * 2 * PAGE, sizeof(msg)) !=
		    (ssize_t)sizeof(msg))
			return 5;
	}
	after = free_pages();
	if (before - after != NWRITE)
		return 10 + before - after;
	return memcmp(heap, msg, sizeof(msg)) == 0 ? 0 : 3;
}

static int
test_kernel_write_copies(void)
{
	int cost, r;

	KT_CHECK(dirty_heap() == 0, "sbrk: %s", strerror(errno));
	if (fork_child(read_into_pages, &cost) != 0)
		return 1;
	r = run_child();
	KT_CHECK(r != 3 && r != 4 && r != 5, "the child's read failed (%d)", r);
	KT_CHECK(r == 0, "read() into %d shared pages cost %d pages", NWRITE,
	    r - 10);
	KT_CHECK(heap[0] == 'p', "the kernel's write shows in the parent");
	return 0;
}

static int
test_exit_frees_everything(void)
{
	int cost, before, after = 0, i;

	KT_CHECK(dirty_heap() == 0, "sbrk: %s", strerror(errno));
	before = free_pages();
	if (fork_child(write_pages, &cost) != 0)
		return 1;
	KT_CHECK(run_child() == 0, "the child failed");
	for (i = 0; i < 300 && (after = free_pages()) != before; i++)
		usleep(10000);
	KT_CHECK(after == before, "free pages %d before the fork, %d after the "
	    "child exited", before, after);
	return 0;
}

int
main(void)
{
	kt_suite("vm_cow");
	kt_run("fork_shares_pages", test_fork_shares_pages);
	kt_run("write_copies_one_page", test_write_copies_one_page);
	kt_run("last_reference_in_place", test_last_reference_in_place);
	kt_run("kernel_write_copies", test_kernel_write_copies);
	kt_run("exit_frees_everything", test_exit_frees_everything);
	return kt_finish();
}
