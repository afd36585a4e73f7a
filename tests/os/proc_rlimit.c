/*
 * proc_rlimit.c - getrlimit(2)/setrlimit(2) as FreeBSD's manual has them:
 * the defaults and their sysctl ceilings, the errors, a soft limit above
 * the hard one cut down to it, raising a hard limit only as root, and each
 * limit Kestrel enforces: RLIMIT_NOFILE (EMFILE, dup2's EBADF, F_DUPFD's
 * EINVAL), RLIMIT_NPROC (fork's EAGAIN per real uid, zombies counted, root
 * exempt), RLIMIT_DATA (brk's ENOMEM), RLIMIT_STACK (a fault past it, at
 * once and across exec); limits are inherited by fork and kept by exec.
 *
 * The program runs itself as a helper: "/test/proc_rlimit core C M" exits
 * 0 if its RLIMIT_CORE is C/M, "/test/proc_rlimit stack K" uses K KiB of
 * stack and exits 0.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/ktest.h"

#define SELF	"/test/proc_rlimit"
#define KIB	1024
#define MIB	(1024 * 1024)
#define PAGE	4096

static int
set2(int which, rlim_t cur, rlim_t max)
{
	struct rlimit rl = { cur, max };

	return setrlimit(which, &rl);
}

static int
is(int which, rlim_t cur, rlim_t max)
{
	struct rlimit rl;

	memset(&rl, 0xa5, sizeof(rl));
	return getrlimit(which, &rl) == 0 && rl.rlim_cur == cur &&
	    rl.rlim_max == max;
}

static int
sysctl_int(const char *name)
{
	int v = -1;
	size_t len = sizeof(v);

	return sysctlbyname(name, &v, &len, NULL, 0) == 0 ? v : -1;
}

/* Run fn in a child as uid; its exit status, or -1. */
static int
as_user(uid_t uid, int (*fn)(void))
{
	pid_t pid = fork();
	int st;

	if (pid == 0) {
		if (setuid(uid) != 0)
			_exit(99);
		_exit(fn());
	}
	if (pid < 0 || kt_wait_status(pid, &st) != pid || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

/* FreeBSD's layout, numbers and Kestrel's defaults. */
static int
test_defaults(void)
{
	int nproc = sysctl_int("kern.maxprocperuid");
	int i;

	KT_CHECK(sizeof(struct rlimit) == 16 && sizeof(rlim_t) == 8 &&
	    RLIM_INFINITY == 0x7fffffffffffffffLL && RLIMIT_CORE == 4 &&
	    RLIMIT_NPROC == 7 && RLIMIT_NOFILE == 8 && RLIM_NLIMITS == 15,
	    "FreeBSD's numbers and layout");
	KT_CHECK(sysctl_int("kern.maxfilesperproc") == 32, "maxfilesperproc");
	KT_CHECK(nproc > 0 && nproc < sysctl_int("kern.maxproc"),
	    "maxprocperuid %d", nproc);
	KT_CHECK(is(RLIMIT_NOFILE, 32, 32), "NOFILE");
	KT_CHECK(is(RLIMIT_NPROC, nproc, nproc), "NPROC");
	KT_CHECK(is(RLIMIT_DATA, 512 * MIB, 512 * MIB), "DATA");
	KT_CHECK(is(RLIMIT_STACK, 8 * MIB, 8 * MIB), "STACK");
	for (i = 0; i < RLIM_NLIMITS; i++)
		if (i != RLIMIT_NOFILE && i != RLIMIT_NPROC &&
		    i != RLIMIT_DATA && i != RLIMIT_STACK)
			KT_CHECK(is(i, RLIM_INFINITY, RLIM_INFINITY),
			    "limit %d", i);
	KT_CHECK(sysconf(_SC_OPEN_MAX) == 32 && sysconf(_SC_CHILD_MAX) ==
	    nproc, "sysconf");
	return 0;
}

static int
test_errors(void)
{
	struct rlimit rl = { 1, 1 };

	errno = 0;
	KT_CHECK(getrlimit(RLIM_NLIMITS, &rl) == -1 && errno == EINVAL,
	    "getrlimit(RLIM_NLIMITS): errno %d", errno);
	errno = 0;
	KT_CHECK(getrlimit(-1, &rl) == -1 && errno == EINVAL, "getrlimit(-1)");
	errno = 0;
	KT_CHECK(setrlimit(RLIM_NLIMITS, &rl) == -1 && errno == EINVAL,
	    "setrlimit(RLIM_NLIMITS): errno %d", errno);
	errno = 0;
	KT_CHECK(getrlimit(RLIMIT_CORE, NULL) == -1 && errno == EFAULT,
	    "getrlimit(NULL): errno %d", errno);
	errno = 0;
	KT_CHECK(getrlimit(RLIMIT_CORE, (void *)0xc0000000) == -1 &&
	    errno == EFAULT, "getrlimit(kernel address): errno %d", errno);
	errno = 0;
	KT_CHECK(setrlimit(RLIMIT_CORE, (void *)(0xbfc00000 - 8)) == -1 &&
	    errno == EFAULT, "setrlimit(crossing into the kernel): errno %d",
	    errno);
	KT_CHECK(is(RLIMIT_CORE, RLIM_INFINITY, RLIM_INFINITY),
	    "a failed call changed nothing");
	return 0;
}

/* A soft limit above the hard one is cut down; negative means infinity. */
static int
test_clamped(void)
{
	KT_CHECK(set2(RLIMIT_CORE, 5000, 4000) == 0 &&
	    is(RLIMIT_CORE, 4000, 4000), "soft above hard");
	KT_CHECK(set2(RLIMIT_CORE, -1, -5) == 0 &&
	    is(RLIMIT_CORE, RLIM_INFINITY, RLIM_INFINITY), "negative (root)");
	KT_CHECK(set2(RLIMIT_NOFILE, 1000, 1000) == 0 &&
	    is(RLIMIT_NOFILE, 32, 32), "NOFILE's ceiling");
	KT_CHECK(set2(RLIMIT_DATA, RLIM_INFINITY, RLIM_INFINITY) == 0 &&
	    is(RLIMIT_DATA, 512 * MIB, 512 * MIB), "DATA's ceiling");
	KT_CHECK(set2(RLIMIT_STACK, 64 * MIB, 64 * MIB) == 0 &&
	    is(RLIMIT_STACK, 8 * MIB, 8 * MIB), "STACK's ceiling");
	KT_CHECK(set2(RLIMIT_NPROC, 0, 0) == 0 && is(RLIMIT_NPROC, 1, 1),
	    "NPROC is at least 1");
	return 0;
}

static int
user_lowers_and_raises(void)
{
	if (set2(RLIMIT_CORE, 100, 1000) != 0 || !is(RLIMIT_CORE, 100, 1000))
		return 1;
	if (set2(RLIMIT_CORE, 1000, 1000) != 0)	/* soft up to hard: fine */
		return 2;
	errno = 0;
	if (set2(RLIMIT_CORE, 1000, 1001) != -1 || errno != EPERM)
		return 3;
	errno = 0;
	if (set2(RLIMIT_CORE, 2000, 1000) != -1 || errno != EPERM)
		return 4;
	if (set2(RLIMIT_CORE, 10, 10) != 0 || set2(RLIMIT_CORE, 10, 11) != -1)
		return 5;	/* lowered for good */
	return is(RLIMIT_CORE, 10, 10) ? 0 : 6;
}

/* Anyone lowers a hard limit; only root raises one. */
static int
test_raise_needs_root(void)
{
	int st = as_user(1000, user_lowers_and_raises);

	KT_CHECK(st == 0, "uid 1000: step %d", st);
	KT_CHECK(set2(RLIMIT_CORE, 10, 10) == 0 &&
	    set2(RLIMIT_CORE, 20, 30) == 0 && is(RLIMIT_CORE, 20, 30),
	    "root raises a hard limit");
	return 0;
}

/* Inherited by fork, kept by exec. */
static int
test_inherited(void)
{
	char *argv[] = { SELF, "core", "1234", "5678", NULL };
	pid_t pid;
	int st;

	KT_CHECK(set2(RLIMIT_CORE, 1234, 5678) == 0, "set");
	if ((pid = fork()) == 0)
		_exit(is(RLIMIT_CORE, 1234, 5678) ? 0 : 1);
	KT_CHECK(kt_wait_status(pid, &st) == pid && WIFEXITED(st) &&
	    WEXITSTATUS(st) == 0, "fork: status %#x", st);
	pid = kt_spawn(SELF, argv);
	KT_CHECK(pid > 0 && kt_wait_status(pid, &st) == pid && WIFEXITED(st) &&
	    WEXITSTATUS(st) == 0, "exec: status %#x", st);
	return 0;
}

static int
test_nofile(void)
{
	int fd, n = 0, last = -1, fds[2];

	KT_CHECK(set2(RLIMIT_NOFILE, 6, 32) == 0, "set");
	while ((fd = open("/dev/null", O_RDONLY)) >= 0) {
		last = fd;
		n++;
	}
	KT_CHECK(errno == EMFILE && last == 5, "open stopped at %d: errno %d",
	    last, errno);
	KT_CHECK(sysconf(_SC_OPEN_MAX) == 6, "sysconf follows the limit");
	errno = 0;
	KT_CHECK(dup(0) == -1 && errno == EMFILE, "dup: errno %d", errno);
	errno = 0;
	KT_CHECK(pipe(fds) == -1 && errno == EMFILE, "pipe: errno %d", errno);
	errno = 0;
	KT_CHECK(dup2(0, 6) == -1 && errno == EBADF, "dup2 at the limit: %d",
	    errno);
	KT_CHECK(dup2(0, 5) == 5, "dup2 below the limit");
	close(4);
	errno = 0;
	KT_CHECK(fcntl(0, F_DUPFD, 6) == -1 && errno == EINVAL,
	    "F_DUPFD at the limit: errno %d", errno);
	KT_CHECK(fcntl(0, F_DUPFD, 2) == 4, "F_DUPFD below it");
	/* Lowered below an open descriptor: that one stays usable. */
	KT_CHECK(set2(RLIMIT_NOFILE, 3, 32) == 0, "lower");
	KT_CHECK(fcntl(5, F_GETFD) == 0 && close(5) == 0, "fd 5 still works");
	KT_CHECK(open("/dev/null", O_RDONLY) == -1 && errno == EMFILE,
	    "no new one above the limit");
	KT_CHECK(set2(RLIMIT_NOFILE, 32, 32) == 0 &&
	    open("/dev/null", O_RDONLY) == 5, "raised again");
	return 0;
}

/* Fork until EAGAIN, the children waiting on a pipe; how many forked. */
static int
fork_until_refused(int *fds, pid_t *kids, int max, int *err)
{
	volatile int n;	/* in memory: gcc sees fork() as returning twice here */
	char c;

	for (n = 0; n < max; n++) {
		if ((kids[n] = fork()) == 0) {
			close(fds[1]);
			read(fds[0], &c, 1);
			_exit(0);
		}
		if (kids[n] < 0)
			break;
	}
	*err = errno;
	return n;
}

static int
nproc_as_user(void)
{
	pid_t kids[8], pid;
	int fds[2], n, i, st, err;

	if (set2(RLIMIT_NPROC, 3, 3) != 0 || pipe(fds) != 0)
		return 1;
	n = fork_until_refused(fds, kids, 8, &err);
	if (n != 2 || err != EAGAIN)	/* we are the first of the three */
		return 2;
	errno = 0;
	if (vfork() != -1 || errno != EAGAIN)
		return 3;
	close(fds[1]);			/* the children go */
	for (i = 0; i < n; i++)
		if (kt_wait_status(kids[i], &st) != kids[i])
			return 4;
	if ((pid = fork()) == 0)
		_exit(0);
	if (pid < 0 || kt_wait_status(pid, &st) != pid)
		return 5;		/* reaped: room again */
	return 0;
}

static int
nproc_zombies(void)
{
	pid_t a, b;
	int st;

	if (set2(RLIMIT_NPROC, 2, 2) != 0)
		return 1;
	if ((a = fork()) == 0)
		_exit(0);
	usleep(50000);			/* a is a zombie now, still counted */
	errno = 0;
	if ((b = fork()) == 0)
		_exit(0);
	if (b != -1 || errno != EAGAIN)
		return 2;
	if (kt_wait_status(a, &st) != a)
		return 3;
	if ((b = fork()) == 0)
		_exit(0);
	return b > 0 && kt_wait_status(b, &st) == b ? 0 : 4;
}

/* RLIMIT_NPROC counts the real uid's processes; root is exempt. */
static int
test_nproc(void)
{
	pid_t pid;
	int st;

	KT_CHECK((st = as_user(1001, nproc_as_user)) == 0, "step %d", st);
	KT_CHECK((st = as_user(1002, nproc_zombies)) == 0, "zombies: step %d",
	    st);
	KT_CHECK(set2(RLIMIT_NPROC, 1, 1) == 0, "root's own limit");
	pid = fork();
	if (pid == 0)
		_exit(0);
	KT_CHECK(pid > 0 && kt_wait_status(pid, &st) == pid, "root forks");
	return 0;
}

/* Grow the heap a page at a time until refused: the pages it grew. */
static int
grow_heap(void)
{
	int n = 0;

	while (sbrk(PAGE) != (void *)-1)
		n++;
	return errno == ENOMEM ? n : -1;
}

/*
 * The heap may grow to RLIMIT_DATA bytes above where it started (the end
 * of the program's data): 8 more pages of limit, exactly 8 more pages.
 */
static int
test_data(void)
{
	char *base = sbrk(0), *top;
	int n;

	KT_CHECK(base != (char *)-1, "sbrk(0)");
	KT_CHECK(set2(RLIMIT_DATA, 1 * MIB, 512 * MIB) == 0, "set");
	n = grow_heap();
	KT_CHECK(n > 0 && n <= 256, "grew %d pages under 1 MiB", n);
	KT_CHECK(set2(RLIMIT_DATA, 1 * MIB + 8 * PAGE, 512 * MIB) == 0 &&
	    (n = grow_heap()) == 8, "8 more pages of limit: %d pages", n);
	top = sbrk(0);
	KT_CHECK(sbrk(-PAGE) != (void *)-1 && sbrk(0) == top - PAGE,
	    "shrinking is always allowed");
	KT_CHECK(set2(RLIMIT_DATA, 512 * MIB, 512 * MIB) == 0 &&
	    sbrk(4 * PAGE) != (void *)-1, "raised: grows again");
	KT_CHECK(brk(base) == 0, "back");
	return 0;
}

/* Use kib KiB of stack, touching every page on the way down. */
static int
use_stack(int kib)
{
	volatile char buf[1024];
	int r;

	buf[0] = buf[sizeof(buf) - 1] = (char)kib;
	if (kib <= 1)
		return 1;
	r = use_stack(kib - 1);
	return r + (buf[0] == buf[sizeof(buf) - 1] ? 0 : 1000);
}

/* A child that uses kib KiB of stack under a limit of lim bytes. */
static int
stack_run(rlim_t lim, int kib, int raise_again)
{
	pid_t pid = fork();
	int st;

	if (pid == 0) {
		if (set2(RLIMIT_STACK, lim, 8 * MIB) != 0)
			_exit(90);
		if (raise_again && set2(RLIMIT_STACK, 8 * MIB, 8 * MIB) != 0)
			_exit(91);
		_exit(use_stack(kib) == 1 ? 0 : 92);
	}
	if (pid < 0 || kt_wait_status(pid, &st) != pid)
		return -1;
	return st;
}

static int
test_stack(void)
{
	int st, i;

	st = stack_run(64 * KIB, 256, 0);
	KT_CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV,
	    "256 KiB under 64 KiB: status %#x", st);
	st = stack_run(1 * MIB, 256, 0);
	KT_CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	    "256 KiB under 1 MiB: status %#x", st);
	st = stack_run(64 * KIB, 256, 1);
	KT_CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	    "lowered, then raised: status %#x", st);
	for (i = 0; i < 200; i++)	/* the region table does not fill up */
		KT_CHECK(set2(RLIMIT_STACK, (64 + (i % 50) * 4) * KIB,
		    8 * MIB) == 0, "change %d: errno %d", i, errno);
	KT_CHECK(set2(RLIMIT_STACK, 8 * MIB, 8 * MIB) == 0, "back");
	return 0;
}

/* exec builds the new stack with the limit: growing past it faults. */
static int
test_stack_exec(void)
{
	char *small[] = { SELF, "stack", "32", NULL };
	char *big[] = { SELF, "stack", "300", NULL };
	pid_t pid;
	int st;

	KT_CHECK(set2(RLIMIT_STACK, 128 * KIB, 8 * MIB) == 0, "set");
	pid = kt_spawn(SELF, small);
	KT_CHECK(pid > 0 && kt_wait_status(pid, &st) == pid && WIFEXITED(st) &&
	    WEXITSTATUS(st) == 0, "32 KiB: status %#x", st);
	pid = kt_spawn(SELF, big);
	KT_CHECK(pid > 0 && kt_wait_status(pid, &st) == pid &&
	    WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV,
	    "300 KiB: status %#x", st);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "core") == 0)
		return is(RLIMIT_CORE, atoi(argv[2]), atoi(argv[3])) ? 0 : 1;
	if (argc == 3 && strcmp(argv[1], "stack") == 0)
		return use_stack(atoi(argv[2])) == 1 ? 0 : 1;
	kt_suite("proc_rlimit");
	kt_run("defaults", test_defaults);
	kt_run("errors", test_errors);
	kt_run("clamped", test_clamped);
	kt_run("raise_needs_root", test_raise_needs_root);
	kt_run("inherited", test_inherited);
	kt_run("nofile", test_nofile);
	kt_run("nproc", test_nproc);
	kt_run("data", test_data);
	kt_run("stack", test_stack);
	kt_run("stack_exec", test_stack_exec);
	return kt_finish();
}
