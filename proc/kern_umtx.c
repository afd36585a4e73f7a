/*
 * kern_umtx.c - _umtx_op(2), FreeBSD's wait and wake on a word of user
 * memory: the one primitive the pthread library sleeps on (mutexes,
 * condition variables, barriers, rwlocks, semaphores, join), so that no
 * thread ever spins waiting for another.
 *
 * A waiter reads the word and sleeps only if it still holds the value the
 * caller saw; there is one CPU and the kernel is not preempted, so no
 * wake can come between that check and the sleep, and none is lost. The
 * sleepers are the threads of the process with td_umtx == the address;
 * a wake runs the oldest first (td_umtx_seq), so a lock is handed on in
 * the order it was waited for. The private and shared forms are the same
 * here: a word is the process's own (Kestrel shares no memory between
 * processes).
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/umtx.h>
#include <time.h>
#include "proc/proc.h"
#include "kernel/dev/clock.h"
#include "kernel/dev/rtc.h"
#include "kernel/syscall.h"
#include "kernel/i386/x86.h"
#include "vm/vm.h"

#define NSEC	1000000000ull

static uint32_t umtx_seq;

/* Wake up to n threads of p waiting on uaddr, oldest first; how many woke. */
int
umtx_wake(struct proc *p, const void *uaddr, int n)
{
	struct thread *td, *oldest;
	uint32_t ef = intr_disable();
	int woken = 0;

	while (woken < n) {
		oldest = NULL;
		FOREACH_THREAD_IN_PROC(p, td)
			if (td->td_umtx == uaddr && !(td->td_flags & TDF_UMTXWAKE) &&
			    (oldest == NULL ||
			    (int32_t)(td->td_umtx_seq - oldest->td_umtx_seq) < 0))
				oldest = td;
		if (oldest == NULL)
			break;
		oldest->td_flags |= TDF_UMTXWAKE;
		setrunnable(oldest);
		woken++;
	}
	intr_restore(ef);
	return woken;
}

/*
 * The timeout of a wait (uaddr: its size, uaddr2: it) as a deadline on
 * the uptime clock in *deadline; 0 for none. 0, EFAULT or EINVAL.
 */
static int
umtx_deadline(uint32_t size, const void *uaddr2, uint64_t *deadline)
{
	struct _umtx_time ut;
	uint64_t ns, now, real;

	*deadline = 0;
	if (uaddr2 == NULL)
		return 0;	/* no clock read: most waits have no timeout */
	memset(&ut, 0, sizeof(ut));
	if (size <= sizeof(struct timespec)) {
		if (copyin(uaddr2, &ut._timeout, sizeof(ut._timeout)) != 0)
			return EFAULT;
	} else if (copyin(uaddr2, &ut, sizeof(ut)) != 0) {
		return EFAULT;
	}
	if (ut._timeout.tv_sec < 0 || ut._timeout.tv_nsec < 0 ||
	    ut._timeout.tv_nsec >= (long)NSEC || (ut._flags & ~UMTX_ABSTIME) ||
	    (ut._clockid != CLOCK_REALTIME && ut._clockid != CLOCK_MONOTONIC))
		return EINVAL;
	ns = (uint64_t)ut._timeout.tv_sec * NSEC + ut._timeout.tv_nsec;
	now = clock_uptime_ns();
	if (!(ut._flags & UMTX_ABSTIME))
		ns += now;
	else if (ut._clockid == CLOCK_REALTIME)
		ns = ns > (real = realtime_ns()) ? now + (ns - real) : now;
	*deadline = ns > now ? ns : now;
	if (*deadline == 0)
		*deadline = 1;
	return 0;
}

/*
 * Sleep while the word at uaddr is val, until a wake, the deadline (0:
 * none) or a signal. 0, ETIMEDOUT, EINTR (any caught signal: the caller
 * decides whether to wait again, as sem_wait must not) or EFAULT.
 */
static int
umtx_wait(struct thread *td, const void *uaddr, uint32_t val, uint64_t deadline)
{
	uint32_t cur, timo = 0;
	uint64_t now;
	int error;

	if (copyin(uaddr, &cur, sizeof(cur)) != 0)
		return EFAULT;
	if (cur != val)
		return 0;
	td->td_umtx = uaddr;
	td->td_umtx_seq = ++umtx_seq;
	td->td_flags &= ~TDF_UMTXWAKE;
	for (;;) {
		if (deadline != 0) {
			now = clock_uptime_ns();
			if (now >= deadline) {
				error = ETIMEDOUT;
				break;
			}
			timo = clock_ns_to_ticks(deadline - now);
		}
		error = tsleep(&td->td_umtx, 1, "umtx", timo);
		if (td->td_flags & TDF_UMTXWAKE) {
			error = 0;
			break;
		}
		if (error != 0 && error != EWOULDBLOCK)
			break;
	}
	td->td_umtx = NULL;
	td->td_flags &= ~TDF_UMTXWAKE;
	if (error == ERESTART)
		error = EINTR;
	return error;
}

int
sys__umtx_op(struct thread *td, uint32_t *args)
{
	void *obj = (void *)args[0], *uaddr2 = (void *)args[4];
	uint64_t deadline;
	int error;

	switch ((int)args[1]) {
	case UMTX_OP_WAIT:
	case UMTX_OP_WAIT_UINT:
	case UMTX_OP_WAIT_UINT_PRIVATE:
		if ((error = umtx_deadline(args[3], uaddr2, &deadline)) != 0)
			return error;
		return umtx_wait(td, obj, args[2], deadline);
	case UMTX_OP_WAKE:
	case UMTX_OP_WAKE_PRIVATE:
		umtx_wake(td->td_proc, obj, (int)args[2] <= 0 ? 0 :
		    (int)args[2]);
		return 0;
	}
	return EINVAL;
}
