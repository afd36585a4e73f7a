/*
 * kern_umtx.c - _umtx_op(2), FreeBSD's wait and wake on a word of user
 * memory: the one primitive the pthread library sleeps on (mutexes,
 * condition variables, barriers, rwlocks, semaphores, join), so that no
 * thread ever spins waiting for another.
 *
 * A waiter reads the word and sleeps only if it still holds the value the
 * caller saw; there is one CPU and the kernel is not preempted, so no
 * wake can come between that check and the sleep, and none is lost. A
 * wake runs the oldest sleeper first (td_umtx_seq), so a lock is handed
 * on in the order it was waited for.
 *
 * Which sleepers a word has depends on its key, as on FreeBSD. The
 * _PRIVATE operations, and the others on a word in private memory, key it
 * by the process and the address (td_umtx): only the process's own threads
 * meet there. The operations without _PRIVATE on a word in a MAP_SHARED
 * mapping key it by its physical address (td_umtx_pa), which every process
 * sharing the page sees alike: process-shared semaphores sleep there.
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

/*
 * The shared key of the word at uaddr for an operation (shared: one without
 * _PRIVATE): its physical address if it lies in a MAP_SHARED mapping, else
 * 0 (keyed by process and address). The caller has read the word, so its
 * page is present.
 */
static paddr_t
umtx_key(struct proc *p, const void *uaddr, int shared)
{
	struct vm_region *r;
	paddr_t pa;

	if (!shared || p->p_vmspace->vm_nshared == 0 ||
	    (r = vm_find_region(p->p_vmspace, (vaddr_t)uaddr)) == NULL ||
	    !(r->flags & VMR_SHARED) ||
	    vm_page_get(p->p_vmspace, (vaddr_t)uaddr, 0, 0, &pa) != 0)
		return 0;
	return pa | ((vaddr_t)uaddr & (PAGE_SIZE - 1));
}

/* Is td asleep on the word of key (p, uaddr, pa) and not yet woken? */
static int
umtx_sleeps_on(const struct thread *td, struct proc *p, const void *uaddr,
    paddr_t pa)
{
	if (td->td_umtx == NULL || (td->td_flags & TDF_UMTXWAKE))
		return 0;
	if (pa != 0)
		return td->td_umtx_pa == pa;
	return td->td_proc == p && td->td_umtx == uaddr && td->td_umtx_pa == 0;
}

/*
 * Wake up to n sleepers of the word of key (p, uaddr, pa), oldest first;
 * how many woke. A shared key's sleepers may be in any process.
 */
static int
umtx_wake_key(struct proc *p, const void *uaddr, paddr_t pa, int n)
{
	struct thread *td, *oldest;
	uint32_t ef = intr_disable();
	int woken = 0, i;

	while (woken < n) {
		oldest = NULL;
		if (pa == 0) {
			FOREACH_THREAD_IN_PROC(p, td)
				if (umtx_sleeps_on(td, p, uaddr, 0) && (oldest ==
				    NULL || (int32_t)(td->td_umtx_seq -
				    oldest->td_umtx_seq) < 0))
					oldest = td;
		} else {
			for (i = 1; i < NTHREAD; i++) {
				td = &thread_table[i];
				if (umtx_sleeps_on(td, p, uaddr, pa) && (oldest ==
				    NULL || (int32_t)(td->td_umtx_seq -
				    oldest->td_umtx_seq) < 0))
					oldest = td;
			}
		}
		if (oldest == NULL)
			break;
		oldest->td_flags |= TDF_UMTXWAKE;
		setrunnable(oldest);
		woken++;
	}
	intr_restore(ef);
	return woken;
}

/* Wake up to n threads of p waiting on uaddr (a private key); how many woke. */
int
umtx_wake(struct proc *p, const void *uaddr, int n)
{
	return umtx_wake_key(p, uaddr, 0, n);
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
umtx_wait(struct thread *td, const void *uaddr, uint32_t val, uint64_t deadline,
    int shared)
{
	uint32_t cur, timo = 0;
	uint64_t now;
	int error;

	if (copyin(uaddr, &cur, sizeof(cur)) != 0)
		return EFAULT;
	if (cur != val)
		return 0;
	td->td_umtx_pa = umtx_key(td->td_proc, uaddr, shared);
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
	td->td_umtx_pa = 0;
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
	int error, op = (int)args[1];
	int n = (int)args[2] <= 0 ? 0 : (int)args[2];

	switch (op) {
	case UMTX_OP_WAIT:
	case UMTX_OP_WAIT_UINT:
	case UMTX_OP_WAIT_UINT_PRIVATE:
		if ((error = umtx_deadline(args[3], uaddr2, &deadline)) != 0)
			return error;
		return umtx_wait(td, obj, args[2], deadline,
		    op != UMTX_OP_WAIT_UINT_PRIVATE);
	case UMTX_OP_WAKE:
	case UMTX_OP_WAKE_PRIVATE:
		umtx_wake_key(td->td_proc, obj, umtx_key(td->td_proc, obj,
		    op == UMTX_OP_WAKE), n);
		return 0;
	}
	return EINVAL;
}
