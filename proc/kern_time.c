/*
 * kern_time.c - time: clock_gettime (CLOCK_REALTIME: the wall clock, from
 * the RTC read at boot; CLOCK_MONOTONIC: the uptime), nanosleep, alarm and
 * sched_yield.
 * Sleeps are in timer ticks (1/hz s), and never end early by the clock
 * that clock_gettime reads. Deadlines are 64-bit tick counts
 * (clock_ticks64), so no length of sleep or alarm wraps around.
 */
#include <sys/errno.h>
#include <time.h>
#include "proc/proc.h"
#include "kernel/dev/clock.h"
#include "kernel/dev/rtc.h"
#include "kernel/syscall.h"
#include "kernel/i386/x86.h"
#include "vm/vm.h"

int
sys_clock_gettime(struct thread *td, uint32_t *args)
{
	struct timespec ts;
	uint64_t ns;

	(void)td;
	if (args[0] == CLOCK_REALTIME)
		ns = realtime_ns();
	else if (args[0] == CLOCK_MONOTONIC)
		ns = clock_uptime_ns();
	else
		return EINVAL;
	ts.tv_sec = (time_t)(ns / 1000000000u);
	ts.tv_nsec = (long)(ns % 1000000000u);
	return copyout(&ts, (void *)args[1], sizeof(ts));
}

int
sys_nanosleep(struct thread *td, uint32_t *args)
{
	struct timespec ts, rem;
	uint64_t ns, start, slept;
	int error;

	(void)td;
	if (copyin((void *)args[0], &ts, sizeof(ts)) != 0)
		return EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
		return EINVAL;
	ns = (uint64_t)ts.tv_sec * 1000000000u + ts.tv_nsec;
	start = clock_uptime_ns();
	/*
	 * Sleep in ticks until the clock that clock_gettime() reads says the
	 * time is up: the first tick comes early (the sleep starts between
	 * two ticks), and the TSC's calibration may not match the tick rate.
	 */
	error = 0;
	while (error == 0 && (slept = clock_uptime_ns() - start) < ns) {
		error = tsleep(&ts, 1, "nanslp", clock_ns_to_ticks(ns - slept));
		if (error == EWOULDBLOCK)
			error = 0;
	}
	if (error == 0)
		return 0;
	slept = clock_uptime_ns() - start;
	if (args[1] != 0) {
		ns = slept < ns ? ns - slept : 0;
		rem.tv_sec = (time_t)(ns / 1000000000u);
		rem.tv_nsec = (long)(ns % 1000000000u);
		if (copyout(&rem, (void *)args[1], sizeof(rem)) != 0)
			return EFAULT;
	}
	return EINTR;
}

/*
 * alarm(seconds): SIGALRM that many seconds from now (0 cancels); returns
 * the seconds the previous alarm had left, rounded up. The deadline is a
 * 64-bit tick count, so even alarm(UINT_MAX) lies in the future; the clock
 * interrupt reads it, so it changes with interrupts off.
 */
int
sys_alarm(struct thread *td, uint32_t *args)
{
	struct proc *p = td->td_proc;
	uint32_t ef = intr_disable();
	uint64_t now = clock_ticks64(), left = 0;

	if (p->p_alarm > now)
		left = (p->p_alarm - now + hz - 1) / hz;
	p->p_alarm = args[0] != 0 ? now + (uint64_t)args[0] * hz : 0;
	intr_restore(ef);
	td->td_retval[0] = (uint32_t)left;
	return 0;
}

int
sys_sched_yield(struct thread *td, uint32_t *args)
{
	(void)td, (void)args;
	sched_yield_cpu();
	return 0;
}
