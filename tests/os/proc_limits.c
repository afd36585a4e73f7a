/*
 * proc_limits.c - a user's runaway program leaves root room to act.
 *
 * uid 1000 forks until fork fails, or maps memory until mmap fails; then
 * root (this suite) must still be able to start a shell, run ps in it and
 * kill the user's processes with the shell's kill. The last NPROC_ROOT (4)
 * of the 64 process slots and the last sixteenth of the free pages are
 * root's (proc/kern_fork.c, vm/page.c); before, the user took every slot
 * and every page and root's fork failed. This suite is the reaper of what
 * it starts (procctl), so every process of the bomb is collected here.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/kinfo.h>
#include <sys/mman.h>
#include <sys/procctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/ktest.h"

#define NPROC		64
#define NPROC_ROOT	4
#define USER_UID	1000

struct report {
	int	n;		/* processes forked, or pages mapped */
	int	err;		/* errno of the call that failed */
};

/* uid 1000, in a group of its own: fork until refused, children pause. */
static void
fork_bomb(int wfd)
{
	struct report r = { 0, 0 };
	pid_t pid;

	for (;;) {
		pid = fork();
		if (pid == 0)
			for (;;)
				pause();
		if (pid < 0)
			break;
		r.n++;
	}
	r.err = errno;
	write(wfd, &r, sizeof(r));
	for (;;)
		pause();
}

/* uid 1000: map (and so take) shared memory until no page is left for it. */
static void
memory_hog(int wfd)
{
	struct report r = { 0, 0 };
	size_t len = 64u << 20;
	void *p;

	while (len >= 4096) {
		p = mmap(NULL, len, PROT_READ | PROT_WRITE,
		    MAP_ANON | MAP_SHARED, -1, 0);
		if (p != MAP_FAILED) {
			r.n += len / 4096;
			continue;
		}
		r.err = errno;
		len /= 2;
	}
	write(wfd, &r, sizeof(r));
	for (;;)
		pause();
}

/* Start body as uid 1000 in a new process group; its report in *r. */
static pid_t
start_user(void (*body)(int), struct report *r)
{
	int fds[2];
	pid_t pid;

	if (pipe(fds) != 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		if (setpgid(0, 0) != 0 || setuid(USER_UID) != 0)
			_exit(1);
		body(fds[1]);
	}
	close(fds[1]);
	if (pid < 0 || read(fds[0], r, sizeof(*r)) != (ssize_t)sizeof(*r)) {
		close(fds[0]);
		return -1;
	}
	close(fds[0]);
	return pid;
}

/* Root runs cmd with sh -c; its output in out, its status returned. */
static int
root_sh(const char *cmd, char *out, size_t size)
{
	int fds[2], st;
	size_t len = 0;
	ssize_t n;
	pid_t pid;

	out[0] = '\0';
	if (pipe(fds) != 0)
		return -1;
	pid = fork();
	if (pid < 0) {
		int e = errno;

		close(fds[0]);
		close(fds[1]);
		errno = e;
		return -1;
	}
	if (pid == 0) {
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		close(fds[0]);
		close(fds[1]);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	while (len + 1 < size && (n = read(fds[0], out + len,
	    size - 1 - len)) > 0)
		len += n;
	out[len] = '\0';
	close(fds[0]);
	if (kt_wait_status(pid, &st) != pid)
		return -1;
	return st;
}

/* Collect every process left (we are their reaper). */
static void
reap_everything(void)
{
	while (waitpid(-1, NULL, 0) > 0 || errno == EINTR)
		;
}

/*
 * With the user's processes still there, root runs ps and kills the
 * user's group from a shell; afterwards nothing of theirs is left.
 */
static int
root_acts(pid_t leader)
{
	char cmd[80], out[2048], mark[16];
	int st;

	snprintf(cmd, sizeof(cmd), "ps; kill -9 -- -%d", (int)leader);
	st = root_sh(cmd, out, sizeof(out));
	KT_CHECK(st != -1, "root's shell: errno %d", errno);
	KT_CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "root's shell: status %#x,"
	    " output \"%.200s\"", st, out);
	snprintf(mark, sizeof(mark), "%d", (int)leader);
	KT_CHECK(strstr(out, mark) != NULL && strstr(out, "PID") != NULL,
	    "ps did not list the user's processes: \"%.200s\"", out);
	reap_everything();
	KT_CHECK(kill(-leader, 0) == -1 && errno == ESRCH,
	    "the user's group is still there");
	return 0;
}

/* The checks with the user's fork bomb running. */
static int
fork_bomb_checks(pid_t leader, const struct report *r)
{
	int n = kinfo(KINFO_NPROCS);

	kt_log("uid %d forked %d processes (errno %d), %d slots of %d in use",
	    USER_UID, r->n, r->err, n, NPROC);
	KT_CHECK(r->err == EAGAIN, "the user's last fork: errno %d", r->err);
	KT_CHECK(n == NPROC - NPROC_ROOT, "%d processes with the user stopped,"
	    " not %d", n, NPROC - NPROC_ROOT);
	return root_acts(leader);
}

/* The checks with the user's memory hog holding all it could get. */
static int
memory_hog_checks(pid_t leader, const struct report *r)
{
	int free_now = kinfo(KINFO_FREEPAGES);
	void *p;

	kt_log("uid %d mapped %d pages (errno %d), %d pages free", USER_UID,
	    r->n, r->err, free_now);
	KT_CHECK(r->err == ENOMEM, "the user's last mmap: errno %d", r->err);
	KT_CHECK(free_now >= 64 && free_now * 8 < kinfo(KINFO_TOTALPAGES),
	    "%d pages free with the user stopped", free_now);
	p = mmap(NULL, 16 * 4096, PROT_READ | PROT_WRITE, MAP_ANON | MAP_SHARED,
	    -1, 0);
	KT_CHECK(p != MAP_FAILED, "root's own mmap: errno %d", errno);
	munmap(p, 16 * 4096);
	return root_acts(leader);
}

/*
 * Run body as the user, then checks; whatever they find, the user's group
 * is killed and everything collected, so a failure leaves no slot taken.
 */
static int
with_user(void (*body)(int), int (*checks)(pid_t, const struct report *))
{
	struct report r;
	pid_t leader;
	int result;

	KT_CHECK(procctl(P_PID, getpid(), PROC_REAP_ACQUIRE, NULL) == 0,
	    "PROC_REAP_ACQUIRE: errno %d", errno);
	leader = start_user(body, &r);
	KT_CHECK(leader > 0, "the user's program did not start");
	result = checks(leader, &r);
	kill(-leader, SIGKILL);
	reap_everything();
	return result;
}

static int test_fork_bomb(void) { return with_user(fork_bomb, fork_bomb_checks); }
static int test_memory_hog(void) { return with_user(memory_hog, memory_hog_checks); }

int
main(void)
{
	kt_suite("proc_limits");
	kt_run("fork_bomb", test_fork_bomb);
	kt_run("memory_hog", test_memory_hog);
	return kt_finish();
}
