// RUN: qemu hz=1000
/*
 * proc_time.c - timeouts of any length and a clock that never goes back.
 *
 * alarm(2): a deadline beyond 2^31 or 2^32 ticks (alarm(2^32/hz + 1) once
 * wrapped and fired at once) lies in the future: no SIGALRM, and alarm(0)
 * gives back the seconds asked for. A nanosleep(2) beyond 2^31 ticks sleeps
 * quietly (an overflowing timeout woke the sleeper on every tick) and
 * reports the time left when a signal ends it; sleep(3) of more than
 * INT_MAX seconds sleeps (it once returned at once). Run at 100 Hz and
 * 1000 Hz, where the tick boundaries fall elsewhere.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <string.h>
#include <sys/kinfo.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lib/ktest.h"

static volatile sig_atomic_t got;

static void
on_signal(int sig)
{
	got = sig;
}

static void
catch(int sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(sig, &sa, NULL);
}

static void
nap_ms(long ms)
{
	struct timespec ts = { ms / 1000, ms % 1000 * 1000000 };

	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

/* Huge alarms lie in the future: nothing fires, alarm(0) tells the time left. */
static int
test_alarm_huge(void)
{
	unsigned hz = (unsigned)kinfo(KINFO_HZ);
	const unsigned secs[] = {
		UINT_MAX / hz + 1,		/* secs * hz wraps 32 bits */
		(unsigned)INT_MAX / hz + 1,	/* beyond 2^31 ticks */
		UINT_MAX, INT_MAX, 86400u * 366,
	};
	unsigned i, left, watchdog = alarm(0);

	catch(SIGALRM);
	for (i = 0; i < sizeof(secs) / sizeof(secs[0]); i++) {
		got = 0;
		KT_CHECK(alarm(secs[i]) == 0, "an alarm was pending before %u",
		    secs[i]);
		nap_ms(50);
		left = alarm(0);
		KT_CHECK(got == 0, "alarm(%u) fired after 50 ms", secs[i]);
		KT_CHECK(left <= secs[i] && left >= secs[i] - 1,
		    "alarm(%u) then alarm(0) = %u", secs[i], left);
	}
	alarm(watchdog);
	return 0;
}

/* The ordinary alarm still fires, and a huge one replaced by a short one too. */
static int
test_alarm_replaced(void)
{
	unsigned watchdog = alarm(0);

	catch(SIGALRM);
	got = 0;
	alarm(UINT_MAX);
	KT_CHECK(alarm(1) >= UINT_MAX - 1, "the huge alarm was not pending");
	nap_ms(1500);
	KT_CHECK(got == SIGALRM, "alarm(1) did not fire within 1.5 s");
	KT_CHECK(alarm(0) == 0, "an alarm is still pending");
	alarm(watchdog);
	return 0;
}

/* Context switches while we sleep 300 ms. */
static unsigned
switches_in_300ms(void)
{
	unsigned before = (unsigned)kinfo(KINFO_CTXSWITCHES);

	nap_ms(300);
	return (unsigned)kinfo(KINFO_CTXSWITCHES) - before;
}

/*
 * A child sleeps for 3e9 ticks (a year at 100 Hz), beyond 2^31; meanwhile
 * the system switches hardly more than without it (a timeout that wrapped
 * woke it on every tick: two switches a tick). A signal ends the sleep:
 * EINTR, and nearly all the time left.
 */
static int
test_nanosleep_huge_is_quiet(void)
{
	int fds[2], st;
	unsigned hz = (unsigned)kinfo(KINFO_HZ), idle, busy;
	long r[2], secs = 3000000000u / hz;
	pid_t pid;

	KT_CHECK(pipe(fds) == 0, "pipe");
	idle = switches_in_300ms();
	pid = fork();
	if (pid == 0) {
		struct timespec req = { secs, 0 }, rem = { 0, 0 };

		catch(SIGUSR1);
		r[0] = nanosleep(&req, &rem) == -1 ? errno : 0;
		r[1] = rem.tv_sec;
		write(fds[1], r, sizeof(r));
		_exit(0);
	}
	nap_ms(50);
	busy = switches_in_300ms();
	kill(pid, SIGUSR1);
	KT_CHECK(read(fds[0], r, sizeof(r)) == sizeof(r), "no report");
	KT_CHECK(kt_wait_status(pid, &st) == pid, "wait");
	KT_CHECK(busy < idle + hz * 3 / 20, "%u context switches in 300 ms beside "
	    "a sleeping child, %u before it slept", busy, idle);
	KT_CHECK(r[0] == EINTR, "nanosleep ended with errno %ld", r[0]);
	KT_CHECK(r[1] >= secs - 5 && r[1] < secs, "time left %ld s of %ld",
	    r[1], secs);
	return 0;
}

/* sleep(3) beyond INT_MAX seconds sleeps, and tells all that is left. */
static int
test_sleep_huge(void)
{
	int fds[2], st;
	unsigned left;
	pid_t pid;

	KT_CHECK(pipe(fds) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		catch(SIGUSR1);
		left = sleep(UINT_MAX);
		write(fds[1], &left, sizeof(left));
		_exit(0);
	}
	nap_ms(200);
	KT_CHECK(waitpid(pid, &st, WNOHANG) == 0, "sleep(UINT_MAX) returned "
	    "at once");
	kill(pid, SIGUSR1);
	KT_CHECK(read(fds[0], &left, sizeof(left)) == sizeof(left), "no report");
	KT_CHECK(kt_wait_status(pid, &st) == pid, "wait");
	KT_CHECK(left >= UINT_MAX - 5, "sleep(UINT_MAX) left %u", left);
	return 0;
}

int
main(void)
{
	kt_suite("proc_time");
	kt_run("alarm_huge", test_alarm_huge);
	kt_run("alarm_replaced", test_alarm_replaced);
	kt_run("nanosleep_huge_is_quiet", test_nanosleep_huge_is_quiet);
	kt_run("sleep_huge", test_sleep_huge);
	return kt_finish();
}
