/*
 * proc_sigqueue.c - signals as FreeBSD queues them: every signal sent is
 * one pending instance with its siginfo (kill: SI_USER, raise through
 * thr_kill: SI_LWP, sigqueue: SI_QUEUE with a value; si_pid and si_uid the
 * sender's), delivered oldest first within a signal and lowest signal
 * first; at most kern.sigqueue.max_pending_per_proc instances with siginfo
 * per process, past which sigqueue() fails with EAGAIN while kill() still
 * posts the signal, without siginfo. And FreeBSD's ptrace cases about a
 * full queue: PT_KILL, and PT_CONTINUE with a signal, blocked or not.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/sysctl.h>
#include <sys/thr.h>
#include <unistd.h>
#include "ptrace_lib.h"

#define MAXREC	300

static volatile int nrec;
static volatile int rec_sig[MAXREC], rec_code[MAXREC], rec_val[MAXREC];
static volatile pid_t rec_pid[MAXREC];

static void
record(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	if (nrec < MAXREC) {
		rec_sig[nrec] = sig;
		rec_code[nrec] = si->si_code;
		rec_val[nrec] = si->si_value.sival_int;
		rec_pid[nrec] = si->si_pid;
	}
	nrec++;
}

static void
catch_info(int sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = record;
	sa.sa_flags = SA_SIGINFO;
	sigaction(sig, &sa, NULL);
}

static void
block(int sig, int how)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(how, &set, NULL);
}

static int
max_pending(void)
{
	int v = -1;
	size_t len = sizeof(v);

	if (sysctlbyname("kern.sigqueue.max_pending_per_proc", &v, &len, NULL,
	    0) != 0)
		return -1;
	return v;
}

static int
set_max_pending(int v)
{
	return sysctlbyname("kern.sigqueue.max_pending_per_proc", NULL, NULL,
	    &v, sizeof(v));
}

/* sigqueue's value, SI_QUEUE, and the sender's pid and uid. */
static int
test_sigqueue_value(void)
{
	union sigval v;

	nrec = 0;
	catch_info(SIGUSR1);
	v.sival_int = 0x5eed;
	KT_CHECK(sigqueue(getpid(), SIGUSR1, v) == 0, "sigqueue: errno %d", errno);
	KT_CHECK(nrec == 1 && rec_code[0] == SI_QUEUE && rec_val[0] == 0x5eed &&
	    rec_pid[0] == getpid(), "n %d code %#x value %#x pid %d", nrec,
	    rec_code[0], rec_val[0], rec_pid[0]);
	return 0;
}

/* kill() from another process: SI_USER and that process's pid. */
static int
test_kill_siginfo(void)
{
	pid_t me = getpid(), c;
	int st;

	nrec = 0;
	catch_info(SIGUSR2);
	block(SIGUSR2, SIG_BLOCK);
	if ((c = fork()) == 0)
		_exit(kill(me, SIGUSR2) == 0 ? 0 : 1);
	KT_CHECK(kt_wait_status(c, &st) == c && st == 0, "sender %#x", st);
	block(SIGUSR2, SIG_UNBLOCK);
	KT_CHECK(nrec == 1 && rec_code[0] == SI_USER && rec_pid[0] == c,
	    "n %d code %#x pid %d (sender %d)", nrec, rec_code[0], rec_pid[0], c);
	return 0;
}

/*
 * raise() is thr_kill to ourselves: SI_LWP. thr_self gives our thread id,
 * which (as FreeBSD's) is above PID_MAX, never the pid.
 */
static int
test_raise_thr_kill(void)
{
	long id = -1;

	nrec = 0;
	catch_info(SIGUSR1);
	KT_CHECK(thr_self(&id) == 0 && id > 99999, "thr_self %ld", id);
	KT_CHECK(raise(SIGUSR1) == 0, "raise");
	KT_CHECK(nrec == 1 && rec_code[0] == SI_LWP && rec_pid[0] == getpid(),
	    "n %d code %#x", nrec, rec_code[0]);
	KT_CHECK(thr_kill(id + 1, SIGUSR1) == -1 && errno == ESRCH,
	    "thr_kill of another thread: errno %d", errno);
	KT_CHECK(thr_kill(id, NSIG) == -1 && errno == EINVAL, "errno %d", errno);
	KT_CHECK(thr_kill(id, 0) == 0 && nrec == 1, "thr_kill 0");
	return 0;
}

/* Three instances, three deliveries, oldest first; lower signals first. */
static int
test_instances_in_order(void)
{
	struct sigaction sa;
	union sigval v;
	sigset_t both;
	int i;

	nrec = 0;
	catch_info(SIGUSR1);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = record;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR1);	/* its handler runs first, whole */
	sigaction(SIGHUP, &sa, NULL);
	block(SIGUSR1, SIG_BLOCK);
	block(SIGHUP, SIG_BLOCK);
	for (i = 1; i <= 3; i++) {
		v.sival_int = i;
		KT_CHECK(sigqueue(getpid(), SIGUSR1, v) == 0, "sigqueue %d", i);
	}
	v.sival_int = 9;
	KT_CHECK(sigqueue(getpid(), SIGHUP, v) == 0, "sigqueue HUP");
	sigemptyset(&both);
	sigaddset(&both, SIGUSR1);
	sigaddset(&both, SIGHUP);
	sigprocmask(SIG_UNBLOCK, &both, NULL);
	KT_CHECK(nrec == 4, "%d deliveries", nrec);
	KT_CHECK(rec_sig[0] == SIGHUP && rec_val[0] == 9, "first %d/%d",
	    rec_sig[0], rec_val[0]);
	for (i = 1; i <= 3; i++)
		KT_CHECK(rec_sig[i] == SIGUSR1 && rec_val[i] == i,
		    "delivery %d: %d/%d", i, rec_sig[i], rec_val[i]);
	return 0;
}

/*
 * The limit: sigqueue() is EAGAIN once the queue holds max_pending
 * instances; kill() still posts, as one instance without siginfo.
 */
static int
test_queue_limit(void)
{
	union sigval v;
	int max = max_pending(), i, infoless = 0;

	KT_CHECK(max == 128, "default limit %d, FreeBSD's is 128", max);
	nrec = 0;
	catch_info(SIGUSR1);
	block(SIGUSR1, SIG_BLOCK);
	for (i = 0; i < max; i++) {
		v.sival_int = i;
		KT_CHECK(sigqueue(getpid(), SIGUSR1, v) == 0,
		    "sigqueue %d of %d: errno %d", i, max, errno);
	}
	KT_CHECK(sigqueue(getpid(), SIGUSR1, v) == -1 && errno == EAGAIN,
	    "one more: errno %d", errno);
	KT_CHECK(kill(getpid(), SIGUSR1) == 0 && kill(getpid(), SIGUSR1) == 0,
	    "kill on a full queue: errno %d", errno);
	block(SIGUSR1, SIG_UNBLOCK);
	for (i = 0; i < nrec && i < MAXREC; i++)
		infoless += rec_code[i] == SI_NOINFO;
	KT_CHECK(nrec == max + 1 && infoless == 1, "%d deliveries, %d without "
	    "siginfo (expected %d and 1)", nrec, infoless, max + 1);
	return 0;
}

/* Root sets the limit; others may not; it must not be negative. */
static int
test_limit_is_settable(void)
{
	union sigval v;
	int i, st;
	pid_t c;

	KT_CHECK(set_max_pending(-1) == -1 && errno == EINVAL, "-1: errno %d",
	    errno);
	KT_CHECK(set_max_pending(3) == 0 && max_pending() == 3, "set 3");
	catch_info(SIGUSR1);
	block(SIGUSR1, SIG_BLOCK);
	for (i = 0; i < 3; i++)
		sigqueue(getpid(), SIGUSR1, v);
	i = sigqueue(getpid(), SIGUSR1, v) == -1 && errno == EAGAIN;
	set_max_pending(128);
	KT_CHECK(i, "the fourth instance was not refused");
	if ((c = fork()) == 0) {
		setuid(1000);
		_exit(set_max_pending(4) == -1 && errno == EPERM ? 0 : 1);
	}
	KT_CHECK(kt_wait_status(c, &st) == c && st == 0, "a user set the limit");
	KT_CHECK(max_pending() == 128, "limit now %d", max_pending());
	block(SIGUSR1, SIG_UNBLOCK);
	return 0;
}

/* SIG_IGN takes every pending instance away; exit frees a full queue. */
static int
test_ignore_and_exit_free(void)
{
	union sigval v;
	sigset_t set;
	int i, st;
	pid_t c;

	block(SIGUSR1, SIG_BLOCK);
	for (i = 0; i < 50; i++)
		sigqueue(getpid(), SIGUSR1, v);
	signal(SIGUSR1, SIG_IGN);
	KT_CHECK(sigpending(&set) == 0 && !sigismember(&set, SIGUSR1),
	    "still pending");
	signal(SIGUSR1, SIG_DFL);
	block(SIGUSR1, SIG_UNBLOCK);
	if ((c = fork()) == 0) {
		block(SIGUSR2, SIG_BLOCK);
		for (i = 0; i < 128; i++)
			sigqueue(getpid(), SIGUSR2, v);
		_exit(3);
	}
	KT_CHECK(kt_wait_status(c, &st) == c && WEXITSTATUS(st) == 3, "child");
	return 0;	/* the harness checks the queue's memory came back */
}

/* sigqueue's errors, FreeBSD's: EINVAL, ESRCH, EPERM; 0 for a zombie or signal 0. */
static int
test_sigqueue_errors(void)
{
	union sigval v;
	int st;
	pid_t c;

	v.sival_int = 0;
	KT_CHECK(sigqueue(0, SIGUSR1, v) == -1 && errno == EINVAL, "pid 0");
	KT_CHECK(sigqueue(-1, SIGUSR1, v) == -1 && errno == EINVAL, "pid -1");
	KT_CHECK(sigqueue(getpid(), NSIG, v) == -1 && errno == EINVAL, "NSIG");
	KT_CHECK(sigqueue(getpid(), -3, v) == -1 && errno == EINVAL, "-3");
	KT_CHECK(sigqueue(99999, SIGUSR1, v) == -1 && errno == ESRCH, "ESRCH");
	KT_CHECK(sigqueue(getpid(), 0, v) == 0, "signal 0");
	if ((c = fork()) == 0)
		_exit(0);
	KT_CHECK(pt_await_state(c, SZOMB) == 0, "no zombie");
	KT_CHECK(sigqueue(c, SIGUSR1, v) == 0, "a zombie: errno %d", errno);
	kt_wait_status(c, &st);
	if ((c = fork()) == 0) {
		setuid(1000);
		_exit(sigqueue(1, SIGUSR1, v) == -1 && errno == EPERM ? 0 : 1);
	}
	KT_CHECK(kt_wait_status(c, &st) == c && st == 0, "EPERM for init");
	return 0;
}

static void
exit_2(int sig)
{
	(void)sig;
	_exit(2);
}

static void
nothing(int sig)
{
	(void)sig;
}

static int
exit_1(void)
{
	return 1;
}

/* Fill a stopped tracee's queue with sig: max_pending kill()s. */
static int
fill_queue(pid_t pid, int sig)
{
	int i, n = max_pending();

	for (i = 0; i < n; i++)
		if (kill(pid, sig) != 0)
			return -1;
	return n;
}

/* PT_KILL with a full queue: SIGKILL first, nothing else reported. */
PT_CASE(ptrace_kill_full_queue)
{
	pid_t pid;

	signal(SIGUSR1, exit_2);
	pid = pt_traced(exit_1);
	KT_CHECK(pid > 0, "no tracee");
	KT_CHECK(fill_queue(pid, SIGUSR1) > 0, "kill");
	PT_OK(PT_KILL, pid, 0, 0);
	PT_KILLED(pid, SIGKILL);
	PT_NOCHILD();
	return 0;
}

/* PT_CONTINUE with SIGUSR1 on a queue full of SIGUSR2: SIGUSR1 is not lost. */
PT_CASE(ptrace_continue_full_queue)
{
	int st;
	pid_t pid;

	signal(SIGUSR2, nothing);
	signal(SIGUSR1, exit_2);
	pid = pt_traced(exit_1);
	KT_CHECK(pid > 0, "no tracee");
	KT_CHECK(fill_queue(pid, SIGUSR2) > 0, "kill");
	PT_CONT(pid, SIGUSR1);
	for (;;) {
		st = pt_wait(pid);
		if (!WIFSTOPPED(st))
			break;
		KT_CHECK(WSTOPSIG(st) == SIGUSR2, "stop %s", pt_str(st));
		PT_CONT(pid, 0);
	}
	KT_CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 2, "end %s", pt_str(st));
	return 0;
}

static int
unblock_usr1_count(void)
{
	nrec = 0;
	block(SIGUSR1, SIG_UNBLOCK);
	return nrec;
}

/*
 * The same with SIGUSR1 blocked: every SIGUSR2 is reported first, then
 * SIGUSR1 when unblocked; suppressed there, the handler still runs once
 * (FreeBSD's PT_CONTINUE_with_signal_masked_full_sigqueue).
 */
PT_CASE(ptrace_continue_masked_full_queue)
{
	struct ptrace_lwpinfo pl;
	int i, n;
	pid_t pid;

	signal(SIGUSR2, nothing);
	catch_info(SIGUSR1);
	block(SIGUSR1, SIG_BLOCK);
	pid = pt_traced(unblock_usr1_count);
	block(SIGUSR1, SIG_UNBLOCK);
	KT_CHECK(pid > 0, "no tracee");
	KT_CHECK((n = fill_queue(pid, SIGUSR2)) > 0, "kill");
	PT_CONT(pid, SIGUSR1);
	for (i = 0; i < n; i++) {
		PT_STOP(pid, SIGUSR2);
		PT_CONT(pid, 0);
	}
	PT_STOP(pid, SIGUSR1);
	PT_OK(PT_LWPINFO, pid, &pl, sizeof(pl));
	KT_CHECK(pl.pl_siginfo.si_signo == SIGUSR1, "signo %d",
	    pl.pl_siginfo.si_signo);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 1);
	return 0;
}

int
main(void)
{
	kt_suite("proc_sigqueue");
	kt_run("sigqueue_value", test_sigqueue_value);
	kt_run("kill_siginfo", test_kill_siginfo);
	kt_run("raise_thr_kill", test_raise_thr_kill);
	kt_run("instances_in_order", test_instances_in_order);
	kt_run("queue_limit", test_queue_limit);
	kt_run("limit_is_settable", test_limit_is_settable);
	kt_run("ignore_and_exit_free", test_ignore_and_exit_free);
	kt_run("sigqueue_errors", test_sigqueue_errors);
	kt_run("ptrace_kill_full_queue", ptrace_kill_full_queue);
	kt_run("ptrace_continue_full_queue", ptrace_continue_full_queue);
	kt_run("ptrace_continue_masked_full_queue",
	    ptrace_continue_masked_full_queue);
	return kt_finish();
}
