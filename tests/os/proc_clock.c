// RUN: qemu tscstall=40
/*
 * proc_clock.c - CLOCK_MONOTONIC runs at the rate of real time and never
 * goes back, even when the emulator stalled while the kernel measured the
 * TSC's rate at boot.
 *
 * The second run boots with tscstall=40: the calibration pauses 40 million
 * TSC ticks inside its measurement and inside one PIT reading, as a host
 * running many emulators on few cores does. A fixed 4 ms window then
 * measured several times the true rate, and the clock ran that many times
 * slow (and, past 18.4 GHz, backwards: tests/host/test_tsc_ns.c). Here the
 * uptime must advance within a factor of the timer ticks' count of the same
 * interval. Ticks may be lost on a busy host, never gained, so the bound
 * above is loose: eight emulators on two cores lost up to half their ticks
 * here. A clock that runs fast is the kernel self-test's to catch
 * (kernel.uptime_rate_vs_rtc times one second of the RTC).
 */
#include <errno.h>
#include <sched.h>
#include <sys/kinfo.h>
#include <time.h>
#include "lib/ktest.h"

static int64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Half a second of timer ticks against the uptime over the same interval. */
static int
test_rate(void)
{
	int hz = kinfo(KINFO_HZ), want = hz / 2;
	int k0, k1;
	int64_t t0, t1, tick_ns;

	k0 = kinfo(KINFO_TICKS);
	while (kinfo(KINFO_TICKS) == k0)
		;
	k0 = kinfo(KINFO_TICKS);
	t0 = now_ns();
	while ((k1 = kinfo(KINFO_TICKS)) - k0 < want)
		sched_yield();
	t1 = now_ns();
	tick_ns = (int64_t)(k1 - k0) * (1000000000 / hz);
	kt_log("%d ticks (%lld ms), uptime %lld ms, TSC %u Hz", k1 - k0,
	    (long long)(tick_ns / 1000000), (long long)((t1 - t0) / 1000000),
	    (unsigned)kinfo(KINFO_TSCHZ));
	KT_CHECK((t1 - t0) * 10 >= tick_ns * 7,
	    "the uptime advanced %lld ms in %lld ms of ticks (a slow clock)",
	    (long long)((t1 - t0) / 1000000), (long long)(tick_ns / 1000000));
	KT_CHECK((t1 - t0) <= tick_ns * 4,
	    "the uptime advanced %lld ms in %lld ms of ticks",
	    (long long)((t1 - t0) / 1000000), (long long)(tick_ns / 1000000));
	return 0;
}

/* Reading after reading across ticks and switches: never smaller. */
static int
test_never_backwards(void)
{
	int hz = kinfo(KINFO_HZ), k0 = kinfo(KINFO_TICKS);
	int64_t prev = now_ns(), t;
	unsigned n = 0;

	while (kinfo(KINFO_TICKS) - k0 < hz / 4) {
		t = now_ns();
		KT_CHECK(t >= prev, "read %u: %lld ns after %lld ns", n,
		    (long long)t, (long long)prev);
		prev = t;
		if (++n % 64 == 0)
			sched_yield();
	}
	KT_CHECK(n > 100, "only %u readings", n);
	return 0;
}

int
main(void)
{
	kt_suite("proc_clock");
	kt_run("rate", test_rate);
	kt_run("never_backwards", test_never_backwards);
	return kt_finish();
}
