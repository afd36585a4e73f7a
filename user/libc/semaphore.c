/*
 * semaphore.c - POSIX unnamed semaphores over _umtx_op.
 *
 * sem_wait takes one from the count with a compare-and-swap; at 0 it
 * says it waits (__nwaiters) and sleeps while the count is still 0 (the
 * kernel checks, so a post in between is not missed). sem_post adds one
 * and enters the kernel to wake a sleeper only if someone waits. Waits
 * end early for a signal (EINTR, as POSIX wants) and, for sem_timedwait,
 * at the absolute CLOCK_REALTIME time given (ETIMEDOUT). A process-shared
 * semaphore sleeps and wakes with _umtx_op's shared operations, which find
 * the sleepers of every process that maps the page.
 */
#include <errno.h>
#include <semaphore.h>
#include "thr_impl.h"

#define SEM_PSHARED	0x1

int
sem_init(sem_t *s, int pshared, unsigned value)
{
	if (value > SEM_VALUE_MAX) {
		errno = EINVAL;
		return -1;
	}
	s->__count = value;
	s->__nwaiters = 0;
	s->__flags = pshared != 0 ? SEM_PSHARED : 0;
	return 0;
}

int
sem_destroy(sem_t *s)
{
	if (s->__nwaiters != 0) {
		errno = EBUSY;
		return -1;
	}
	return 0;
}

static int
take_one(sem_t *s)
{
	unsigned c;

	while ((c = s->__count) > 0)
		if (_thr_cas(&s->__count, c, c - 1) == c)
			return 1;
	return 0;
}

int
sem_trywait(sem_t *s)
{
	if (take_one(s))
		return 0;
	errno = EAGAIN;
	return -1;
}

static int
sem_wait_until(sem_t *s, const struct timespec *abstime)
{
	int error = 0;

	if (abstime != NULL && (abstime->tv_nsec < 0 ||
	    abstime->tv_nsec >= 1000000000)) {
		errno = EINVAL;
		return -1;
	}
	while (!take_one(s)) {
		_thr_add(&s->__nwaiters, 1);
		error = _umtx_sleep(&s->__count, 0, abstime, CLOCK_REALTIME,
		    s->__flags & SEM_PSHARED);
		_thr_add(&s->__nwaiters, -1u);
		if (error == ETIMEDOUT || error == EINTR) {
			errno = error;
			return -1;
		}
	}
	return 0;
}

int
sem_wait(sem_t *s)
{
	return sem_wait_until(s, NULL);
}

int
sem_timedwait(sem_t *__restrict s, const struct timespec *__restrict abstime)
{
	return sem_wait_until(s, abstime);
}

int
sem_post(sem_t *s)
{
	if (s->__count >= SEM_VALUE_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	_thr_add(&s->__count, 1);
	if (s->__nwaiters != 0)
		_umtx_wakeup(&s->__count, 1, s->__flags & SEM_PSHARED);
	return 0;
}

int
sem_getvalue(sem_t *__restrict s, int *__restrict value)
{
	*value = (int)s->__count;
	return 0;
}
