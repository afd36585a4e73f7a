// RUN: qemu hz=1000
// RUN: qemu hz=1000 sysenter=0
/*
 * thread_kern.c - the kernel's threads as a program sees them: thr_new and
 * its checks, thread ids (above PID_MAX, not the pid), thr_self, thr_kill,
 * thr_kill2 and thr_set_name, _umtx_op's wait, wake and timeouts, exit
 * and exec from a thread that is not the main one, fork from a thread, the
 * last thread's thr_exit ending the process, SIGSTOP/SIGKILL of a
 * process whose threads are running or asleep, and ps -H (one line per
 * thread, from sysctl kern.proc.all_td). The machine state of each thread
 * (TLS, errno, FPU) is thread_md.c's.
 */
#include <errno.h>
#include <pthread.h>
#include <pthread_np.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/kinfo.h>
#include <sys/mman.h>
#include <sys/sysctl.h>
#include <sys/thr.h>
#include <sys/umtx.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/ktest.h"

#define PID_MAX		99999
#define STK		16384

static char stacks[4][STK] __attribute__((aligned(16)));
static volatile long tid_child, tid_parent, state;
static volatile unsigned word;
static volatile int seen_arg;

static void
start_store(void *arg)
{
	seen_arg = (int)arg;
	word = 1;
	_umtx_op((void *)&word, UMTX_OP_WAKE_PRIVATE, 1, NULL, NULL);
	thr_exit((long *)&state);
}

static int
new_thread(void (*fn)(void *), void *arg, int slot)
{
	struct thr_param p;

	memset(&p, 0, sizeof(p));
	p.start_func = fn;
	p.arg = arg;
	p.stack_base = stacks[slot];
	p.stack_size = STK;
	p.child_tid = (long *)&tid_child;
	p.parent_tid = (long *)&tid_parent;
	return thr_new(&p, sizeof(p));
}

static void
wait_word(volatile unsigned *w, unsigned v)
{
	while (*w == v)
		_umtx_op((void *)w, UMTX_OP_WAIT_UINT_PRIVATE, v, NULL, NULL);
}

/* thr_new runs start_func(arg); both id words get the new id, above PID_MAX. */
static int
test_thr_new(void)
{
	long me;

	KT_CHECK(thr_self(&me) == 0 && me > PID_MAX && me != getpid(),
	    "thr_self %ld", me);
	KT_CHECK(new_thread(start_store, (void *)42, 0) == 0, "thr_new: errno %d",
	    errno);
	KT_CHECK(tid_child > PID_MAX && tid_child == tid_parent &&
	    tid_child != me, "ids %ld %ld (mine %ld)", tid_child, tid_parent, me);
	wait_word(&word, 0);
	KT_CHECK(seen_arg == 42, "arg %d", seen_arg);
	while (state == 0)
		_umtx_op((void *)&state, UMTX_OP_WAIT, 0, NULL, NULL);
	KT_CHECK(thr_kill(tid_child, 0) == -1 && errno == ESRCH,
	    "the ended thread still answers: errno %d", errno);
	return 0;
}

/* thr_new's checks: size, pointers, stack, TLS base, flags and rtp. */
static int
test_thr_new_errors(void)
{
	struct thr_param p;
	int rtp;

	memset(&p, 0, sizeof(p));
	p.start_func = start_store;
	p.stack_base = stacks[0];
	p.stack_size = STK;
	KT_CHECK(thr_new(&p, sizeof(p) + 4) == -1 && errno == EINVAL,
	    "size too big: errno %d", errno);
	KT_CHECK(thr_new(&p, -1) == -1 && errno == EINVAL, "size -1: %d", errno);
	KT_CHECK(thr_new((void *)0xc0001000, sizeof(p)) == -1 &&
	    errno == EFAULT, "kernel param: errno %d", errno);
	p.stack_size = 0;
	KT_CHECK(thr_new(&p, sizeof(p)) == -1 && errno == EINVAL,
	    "empty stack: errno %d", errno);
	p.stack_base = (char *)0xc0000000;
	p.stack_size = STK;
	KT_CHECK(thr_new(&p, sizeof(p)) == -1 && errno == EINVAL,
	    "kernel stack: errno %d", errno);
	p.stack_base = stacks[0];
	p.tls_base = (char *)0xc0100000;
	KT_CHECK(thr_new(&p, sizeof(p)) == -1 && errno == EINVAL,
	    "kernel TLS base: errno %d", errno);
	p.tls_base = NULL;
	p.rtp = (struct rtprio *)&rtp;
	KT_CHECK(thr_new(&p, sizeof(p)) == -1 && errno == EINVAL,
	    "rtp: errno %d", errno);
	p.rtp = NULL;
	p.child_tid = (long *)0xc0000000;
	KT_CHECK(thr_new(&p, sizeof(p)) == -1 && errno == EFAULT,
	    "kernel child_tid: errno %d", errno);
	KT_CHECK(kinfo(KINFO_CTXSWITCHES) >= 0, "kinfo");
	return 0;
}

/* Waits: a changed word returns at once; timeouts; bad requests. */
static int
test_umtx(void)
{
	struct timespec ts = { 0, 30 * 1000 * 1000 }, t0, t1;
	struct _umtx_time ut;
	unsigned w = 5;
	long ms;

	KT_CHECK(_umtx_op(&w, UMTX_OP_WAIT_UINT, 4, NULL, NULL) == 0,
	    "value differs: errno %d", errno);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	KT_CHECK(_umtx_op(&w, UMTX_OP_WAIT_UINT, 5, (void *)sizeof(ts), &ts) ==
	    -1 && errno == ETIMEDOUT, "relative timeout: errno %d", errno);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
	KT_CHECK(ms >= 30 && ms < 1000, "slept %ld ms for 30", ms);
	memset(&ut, 0, sizeof(ut));
	clock_gettime(CLOCK_REALTIME, &ut._timeout);
	ut._flags = UMTX_ABSTIME;
	ut._clockid = CLOCK_REALTIME;
	KT_CHECK(_umtx_op(&w, UMTX_OP_WAIT_UINT_PRIVATE, 5, (void *)sizeof(ut),
	    &ut) == -1 && errno == ETIMEDOUT, "past deadline: errno %d", errno);
	ut._flags = 0x80;
	KT_CHECK(_umtx_op(&w, UMTX_OP_WAIT_UINT, 5, (void *)sizeof(ut), &ut) ==
	    -1 && errno == EINVAL, "bad flags: errno %d", errno);
	ts.tv_nsec = 1000000000;
	KT_CHECK(_umtx_op(&w, UMTX_OP_WAIT_UINT, 5, (void *)sizeof(ts), &ts) ==
	    -1 && errno == EINVAL, "bad nsec: errno %d", errno);
	KT_CHECK(_umtx_op((void *)0xc0000000, UMTX_OP_WAIT_UINT, 5, NULL,
	    NULL) == -1 && errno == EFAULT, "kernel word: errno %d", errno);
	KT_CHECK(_umtx_op(&w, 999, 0, NULL, NULL) == -1 && errno == EINVAL,
	    "bad op: errno %d", errno);
	KT_CHECK(_umtx_op(&w, UMTX_OP_WAKE, 1, NULL, NULL) == 0,
	    "wake nobody: errno %d", errno);
	return 0;
}

/* Run fn in a child process; its wait status. */
static int
in_child(int (*fn)(void))
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn());
	kt_wait_status(pid, &status);
	return status;
}

/* Sleeps until the process ends (no handler is installed to wake it). */
static void *
sleeper(void *arg)
{
	pause();
	return arg;
}

static void *
exit_seven(void *arg)
{
	(void)arg;
	usleep(10000);
	exit(7);
}

static int
child_exit_from_thread(void)
{
	pthread_t t, s;

	pthread_create(&s, NULL, sleeper, NULL);
	pthread_create(&t, NULL, exit_seven, NULL);
	pthread_join(t, NULL);		/* never returns: exit ends us all */
	return 99;
}

/* exit(2) from a thread ends the others (asleep or waiting to join). */
static int
test_exit_from_thread(void)
{
	int status = in_child(child_exit_from_thread);

	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 7, "status %#x",
	    status);
	return 0;
}

static void *
exec_true(void *arg)
{
	char *argv[] = { "true", NULL };

	(void)arg;
	execv("/bin/true", argv);
	return (void *)1;
}

static int
child_exec_from_thread(void)
{
	pthread_t t, s;

	pthread_create(&s, NULL, sleeper, NULL);
	pthread_create(&t, NULL, exec_true, NULL);
	pthread_join(t, NULL);
	return 98;
}

/* execve from a thread ends the others; the new image runs alone. */
static int
test_exec_from_thread(void)
{
	int status = in_child(child_exec_from_thread);

	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "status %#x",
	    status);
	return 0;
}

static int
numthreads(pid_t pid)
{
	struct kinfo_proc kp;
	size_t len = sizeof(kp);
	int mib[4] = { CTL_KERN, KERN_PROC, KERN_PROC_PID, pid };

	if (sysctl(mib, 4, &kp, &len, NULL, 0) != 0)
		return -1;
	return kp.ki_numthreads;
}

static void *
fork_in_thread(void *arg)
{
	int status = -1;
	pid_t pid;

	(void)arg;
	pid = fork();
	if (pid == 0)
		_exit(numthreads(getpid()) == 1 ? 3 : 4);
	waitpid(pid, &status, 0);
	return (void *)status;
}

/* fork from a thread: the child has that one thread only. */
static int
test_fork_from_thread(void)
{
	pthread_t t, s;
	void *r;

	pthread_create(&s, NULL, sleeper, NULL);
	KT_CHECK(numthreads(getpid()) == 2, "%d threads", numthreads(getpid()));
	pthread_create(&t, NULL, fork_in_thread, NULL);
	pthread_join(t, &r);
	KT_CHECK(WIFEXITED((int)r) && WEXITSTATUS((int)r) == 3,
	    "child status %#x", (int)r);
	return 0;
}

static void *
last_one(void *arg)
{
	(void)arg;
	usleep(20000);
	return NULL;		/* pthread_exit: the last thread ends the process */
}

static int
child_main_exits_first(void)
{
	pthread_t t;

	pthread_create(&t, NULL, last_one, NULL);
	pthread_exit(NULL);
}

/* The main thread may end first; the last thread's end is the process's. */
static int
test_last_thread_ends_process(void)
{
	int status = in_child(child_main_exits_first);

	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "status %#x",
	    status);
	return 0;
}

static volatile unsigned *counters;

/* Counts in counters[i] until the process ends (counters[2] stays 0). */
static void *
count_forever(void *arg)
{
	int i = (int)arg;

	while (counters[2] == 0)
		counters[i]++;
	return arg;
}

/* SIGSTOP stops every thread, SIGCONT runs them all, SIGKILL ends them. */
static int
test_stop_all(void)
{
	unsigned a, b;
	int status;
	pid_t pid;

	counters = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANON,
	    -1, 0);
	KT_CHECK(counters != MAP_FAILED, "mmap");
	pid = fork();
	if (pid == 0) {
		pthread_t t;

		pthread_create(&t, NULL, count_forever, (void *)1);
		count_forever((void *)0);
	}
	usleep(30000);
	KT_CHECK(kill(pid, SIGSTOP) == 0, "SIGSTOP");
	KT_CHECK(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status),
	    "status %#x", status);
	a = counters[0] + counters[1];
	usleep(30000);
	b = counters[0] + counters[1];
	KT_CHECK(a == b && counters[0] != 0 && counters[1] != 0,
	    "counted on while stopped: %u then %u (%u, %u)", a, b, counters[0],
	    counters[1]);
	kill(pid, SIGCONT);
	usleep(30000);
	KT_CHECK(counters[0] + counters[1] != b, "not continued");
	kill(pid, SIGKILL);
	KT_CHECK(kt_wait_status(pid, &status) == pid && WIFSIGNALED(status) &&
	    WTERMSIG(status) == SIGKILL, "status %#x", status);
	munmap((void *)counters, 4096);
	return 0;
}

static int
child_many_sleepers(void)
{
	pthread_t t;
	int i;

	for (i = 0; i < 6; i++)
		pthread_create(&t, NULL, sleeper, NULL);
	pause();
	return 0;
}

/* SIGKILL ends a process whose threads all sleep; nothing leaks. */
static int
test_kill_sleepers(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(child_many_sleepers());
	usleep(30000);
	KT_CHECK(numthreads(pid) == 7, "%d threads", numthreads(pid));
	kill(pid, SIGKILL);
	KT_CHECK(kt_wait_status(pid, &status) == pid && WIFSIGNALED(status),
	    "status %#x", status);
	return 0;
}

/* thr_kill2 reaches a thread of another process; thr_set_name names one. */
static int
test_kill2_and_names(void)
{
	struct kinfo_proc kp;
	int status, mib[4] = { CTL_KERN, KERN_PROC, KERN_PROC_PID, 0 };
	size_t len = sizeof(kp);
	pid_t pid = fork();
	long me;

	if (pid == 0) {
		pause();
		_exit(0);
	}
	mib[3] = pid;
	KT_CHECK(sysctl(mib, 4, &kp, &len, NULL, 0) == 0, "sysctl");
	KT_CHECK(thr_kill2(pid, kp.ki_tid + 1000, SIGTERM) == -1 &&
	    errno == ESRCH, "no such thread: errno %d", errno);
	KT_CHECK(thr_kill2(pid, kp.ki_tid, 0) == 0, "probe: errno %d", errno);
	KT_CHECK(thr_kill2(pid, kp.ki_tid, SIGTERM) == 0, "errno %d", errno);
	KT_CHECK(kt_wait_status(pid, &status) == pid && WIFSIGNALED(status) &&
	    WTERMSIG(status) == SIGTERM, "status %#x", status);
	thr_self(&me);
	KT_CHECK(thr_set_name(me, "a-rather-long-thread-name") == 0, "name");
	KT_CHECK(thr_set_name(me + 1000, "x") == -1 && errno == ESRCH,
	    "other: errno %d", errno);
	KT_CHECK(thr_set_name(me, (char *)0xc0000000) == -1 && errno == EFAULT,
	    "kernel name: errno %d", errno);
	return 0;
}

static sem_t named;

static void *
named_sleeper(void *arg)
{
	pthread_set_name_np(pthread_self(), "napper");
	sem_post(&named);
	return sleeper(arg);
}

/* ps -H: a line per thread, with its id, and its name after the command. */
static int
test_ps_threads(void)
{
	char out[4096], want[64], *argv[] = { "ps", "-H", NULL };
	int p[2], n = 0, lines = 0, status;
	ssize_t r;
	pthread_t t;
	pid_t pid;
	long me;

	sem_init(&named, 0, 0);
	pthread_create(&t, NULL, named_sleeper, NULL);
	sem_wait(&named);
	KT_CHECK(pipe(p) == 0, "pipe");
	if ((pid = fork()) == 0) {
		dup2(p[1], 1);
		execv("/bin/ps", argv);
		_exit(127);
	}
	close(p[1]);
	while (n < (int)sizeof(out) - 1 && (r = read(p[0], out + n,
	    sizeof(out) - 1 - n)) > 0)
		n += r;
	out[n] = '\0';
	close(p[0]);
	KT_CHECK(kt_wait_status(pid, &status) == pid && status == 0,
	    "ps: status %#x", status);
	KT_CHECK(strncmp(out, "  PID    LWP  PPID STAT   UID COMMAND\n", 38) == 0,
	    "header:\n%s", out);
	thr_self(&me);
	snprintf(want, sizeof(want), "\n%5d %6ld ", getpid(), me);
	KT_CHECK(strstr(out, want) != NULL, "no line \"%s\":\n%s", want + 1,
	    out);
	snprintf(want, sizeof(want), "\n%5d ", getpid());
	for (char *l = out; (l = strstr(l, want)) != NULL; l++)
		lines++;
	KT_CHECK(lines == 2, "%d lines of ours:\n%s", lines, out);
	KT_CHECK(strstr(out, "thread_kern/napper\n") != NULL,
	    "the thread's name is missing:\n%s", out);
	return 0;
}

int
main(void)
{
	kt_suite("thread_kern");
	kt_run("thr_new", test_thr_new);
	kt_run("thr_new_errors", test_thr_new_errors);
	kt_run("umtx", test_umtx);
	kt_run("exit_from_thread", test_exit_from_thread);
	kt_run("exec_from_thread", test_exec_from_thread);
	kt_run("fork_from_thread", test_fork_from_thread);
	kt_run("last_thread_ends_process", test_last_thread_ends_process);
	kt_run("stop_all", test_stop_all);
	kt_run("kill_sleepers", test_kill_sleepers);
	kt_run("kill2_and_names", test_kill2_and_names);
	kt_run("ps_threads", test_ps_threads);
	return kt_finish();
}
