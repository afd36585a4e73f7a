// RUN: qemu sysenter=0
/*
 * thread_suspend.c - thr_suspend(2) and thr_wake(2), FreeBSD's rules: a
 * thread sleeps in thr_suspend until another thread of its process names
 * it in thr_wake, its relative timeout ends (ETIMEDOUT; a zero timeout at
 * once) or a signal comes (EINTR); a wake sent before the suspend is
 * remembered, once; thr_wake of oneself makes the next interruptible
 * sleep fail with EINTR instead. Bad timeouts are EINVAL or EFAULT, ids
 * that are not a thread of the caller's process ESRCH.
 */
#include <errno.h>
#include <pthread.h>
#include <pthread_np.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <sys/sysctl.h>
#include <sys/thr.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/ktest.h"

static volatile long worker_tid;
static volatile int worker_result = -1, worker_errno;

static long
my_tid(void)
{
	long id;

	thr_self(&id);
	return id;
}

static void *
suspender(void *arg)
{
	const struct timespec *ts = arg;

	worker_tid = my_tid();
	worker_result = thr_suspend(ts);
	worker_errno = errno;
	return NULL;
}

/* Does thread tid of ours sleep in thr_suspend ("lthr") now? */
static int
in_suspend(long tid)
{
	int mib[4] = { CTL_KERN, KERN_PROC, KERN_PROC_PID | KERN_PROC_INC_THREAD,
	    getpid() };
	struct kinfo_proc kp[8];
	size_t len = sizeof(kp), i;

	if (sysctl(mib, 4, kp, &len, NULL, 0) != 0)
		return 0;
	for (i = 0; i < len / sizeof(kp[0]); i++)
		if (kp[i].ki_tid == tid && strcmp(kp[i].ki_wmesg, "lthr") == 0)
			return 1;
	return 0;
}

static int
await_suspend(void)
{
	int i;

	for (i = 0; i < 300; i++) {
		if (worker_tid != 0 && in_suspend(worker_tid))
			return 1;
		usleep(10000);
	}
	return 0;
}

static uint64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A thread asleep in thr_suspend(NULL) leaves it when thr_wake names it. */
static int
test_wake_sleeper(void)
{
	pthread_t t;

	KT_CHECK(pthread_create(&t, NULL, suspender, NULL) == 0, "create");
	KT_CHECK(await_suspend(), "the thread never slept in thr_suspend");
	KT_CHECK(thr_wake(worker_tid) == 0, "thr_wake: errno %d", errno);
	pthread_join(t, NULL);
	KT_CHECK(worker_result == 0, "thr_suspend: %d, errno %d", worker_result,
	    worker_errno);
	return 0;
}

static void *
wake_then_suspend(void *arg)
{
	struct timespec ts = { 0, 50 * 1000000 };

	(void)arg;
	worker_tid = my_tid();
	while (worker_result == -1)	/* main's wake first */
		usleep(1000);
	worker_result = thr_suspend(&ts);	/* the wake remembered: at once */
	worker_errno = thr_suspend(&ts) == -1 ? errno : 0;	/* only once */
	return NULL;
}

/* A wake before the suspend is remembered for one thr_suspend only. */
static int
test_wake_first(void)
{
	pthread_t t;

	worker_tid = 0;
	KT_CHECK(pthread_create(&t, NULL, wake_then_suspend, NULL) == 0,
	    "create");
	while (worker_tid == 0)
		usleep(1000);
	KT_CHECK(thr_wake(worker_tid) == 0, "thr_wake: errno %d", errno);
	KT_CHECK(thr_wake(worker_tid) == 0, "again: errno %d", errno);
	worker_result = -2;
	pthread_join(t, NULL);
	KT_CHECK(worker_result == 0, "the first thr_suspend: %d", worker_result);
	KT_CHECK(worker_errno == ETIMEDOUT,
	    "the second did not wait for its timeout: errno %d", worker_errno);
	return 0;
}

/* Timeouts are relative: ETIMEDOUT after them; a zero one at once. */
static int
test_timeouts(void)
{
	struct timespec zero = { 0, 0 }, t40 = { 0, 40 * 1000000 };
	uint64_t t0 = now_ms(), dt;

	KT_CHECK(thr_suspend(&zero) == -1 && errno == ETIMEDOUT,
	    "zero: errno %d", errno);
	KT_CHECK(now_ms() - t0 < 20, "a zero timeout took %u ms",
	    (unsigned)(now_ms() - t0));
	t0 = now_ms();
	KT_CHECK(thr_suspend(&t40) == -1 && errno == ETIMEDOUT,
	    "40 ms: errno %d", errno);
	dt = now_ms() - t0;
	KT_CHECK(dt >= 39 && dt < 1000, "40 ms took %u ms", (unsigned)dt);
	return 0;
}

static void
on_usr1(int sig)
{
	(void)sig;
}

/* A caught signal ends the suspension with EINTR. */
static int
test_signal(void)
{
	pthread_t t;
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);
	worker_tid = 0;
	KT_CHECK(pthread_create(&t, NULL, suspender, NULL) == 0, "create");
	KT_CHECK(await_suspend(), "the thread never slept in thr_suspend");
	KT_CHECK(pthread_kill(t, SIGUSR1) == 0, "pthread_kill");
	pthread_join(t, NULL);
	KT_CHECK(worker_result == -1 && worker_errno == EINTR,
	    "thr_suspend: %d, errno %d", worker_result, worker_errno);
	return 0;
}

/*
 * thr_wake of oneself: the next interruptible sleep is EINTR at once (a
 * read of an empty pipe here), the one after sleeps as usual; thr_suspend
 * also consumes it, returning 0 at once.
 */
static int
test_self_wake(void)
{
	struct timespec t20 = { 0, 20 * 1000000 };
	int p[2];
	char c;

	KT_CHECK(pipe(p) == 0, "pipe");
	KT_CHECK(thr_wake(my_tid()) == 0, "thr_wake: errno %d", errno);
	KT_CHECK(read(p[0], &c, 1) == -1 && errno == EINTR,
	    "the read was not interrupted: errno %d", errno);
	KT_CHECK(write(p[1], "x", 1) == 1 && read(p[0], &c, 1) == 1,
	    "the flag outlived its sleep");
	KT_CHECK(thr_wake(my_tid()) == 0, "thr_wake: errno %d", errno);
	KT_CHECK(thr_suspend(&t20) == 0, "thr_suspend: errno %d", errno);
	KT_CHECK(thr_suspend(&t20) == -1 && errno == ETIMEDOUT,
	    "the flag outlived thr_suspend: errno %d", errno);
	close(p[0]);
	close(p[1]);
	return 0;
}

/* Bad timeouts, and ids that are no thread of ours. */
static int
test_errors(void)
{
	struct timespec bad = { 0, 1000000000 }, neg = { -1, 0 };
	struct kinfo_proc kp;
	int status;
	pid_t pid;

	KT_CHECK(thr_suspend(&bad) == -1 && errno == EINVAL,
	    "tv_nsec 1e9: errno %d", errno);
	KT_CHECK(thr_suspend(&neg) == -1 && errno == EINVAL,
	    "tv_sec -1: errno %d", errno);
	KT_CHECK(thr_suspend((struct timespec *)0xc0000000) == -1 &&
	    errno == EFAULT, "kernel pointer: errno %d", errno);
	KT_CHECK(thr_wake(12345) == -1 && errno == ESRCH, "a pid: errno %d",
	    errno);
	KT_CHECK(thr_wake(0x7ffffff0) == -1 && errno == ESRCH,
	    "no such thread: errno %d", errno);
	if ((pid = fork()) == 0) {
		pause();
		_exit(0);
	}
	KT_CHECK(kt_kinfo(pid, &kp) == 0 && kp.ki_tid > 99999, "the child's id");
	KT_CHECK(thr_wake(kp.ki_tid) == -1 && errno == ESRCH,
	    "another process's thread: errno %d", errno);
	kill(pid, SIGKILL);
	kt_wait_status(pid, &status);
	return 0;
}

int
main(void)
{
	kt_suite("thread_suspend");
	kt_run("timeouts", test_timeouts);
	kt_run("wake_first", test_wake_first);
	kt_run("wake_sleeper", test_wake_sleeper);
	kt_run("signal", test_signal);
	kt_run("self_wake", test_self_wake);
	kt_run("errors", test_errors);
	return kt_finish();
}
