/*
 * pthread_cond.c - condition variables, barriers and read-write locks.
 *
 * A condition variable is a sequence word: a waiter notes it, lets go of
 * the mutex and sleeps while the word still holds what it noted, so a
 * signal between the unlock and the sleep is never lost (it changed the
 * word; the kernel's check sees that). Signal and broadcast change the
 * word and wake one or all. A woken waiter takes the mutex back before
 * it returns, as POSIX says, whatever woke it.
 *
 * A barrier counts arrivals under its mutex; the last one starts the next
 * generation and wakes the others, who sleep on the generation word. A
 * read-write lock is a mutex and two condition variables, and lets
 * waiting writers in first.
 */
#include <errno.h>
#include <pthread.h>
#include "thr_impl.h"

int
pthread_condattr_init(pthread_condattr_t *a)
{
	a->__clock = CLOCK_REALTIME;
	return 0;
}

int
pthread_condattr_destroy(pthread_condattr_t *a)
{
	(void)a;
	return 0;
}

int
pthread_condattr_setclock(pthread_condattr_t *a, clockid_t clock)
{
	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC)
		return EINVAL;
	a->__clock = clock;
	return 0;
}

int
pthread_condattr_getclock(const pthread_condattr_t *a, clockid_t *clock)
{
	*clock = a->__clock;
	return 0;
}

int
pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *a)
{
	c->__seq = 0;
	c->__clock = a != NULL ? a->__clock : CLOCK_REALTIME;
	return 0;
}

int
pthread_cond_destroy(pthread_cond_t *c)
{
	(void)c;
	return 0;
}

static int
cond_wait(pthread_cond_t *c, pthread_mutex_t *m, const struct timespec *abstime)
{
	unsigned seq = c->__seq;
	int error;

	if (abstime != NULL && (abstime->tv_nsec < 0 ||
	    abstime->tv_nsec >= 1000000000))
		return EINVAL;
	if ((error = _mutex_unlock(m)) != 0)
		return error;
	error = _umtx_wait(&c->__seq, seq, abstime, c->__clock);
	_mutex_lock(m, NULL);
	return error == ETIMEDOUT ? ETIMEDOUT : 0;
}

int
pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
	return cond_wait(c, m, NULL);
}

int
pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
    const struct timespec *abstime)
{
	return cond_wait(c, m, abstime);
}

int
pthread_cond_signal(pthread_cond_t *c)
{
	_thr_add(&c->__seq, 1);
	_umtx_wake(&c->__seq, 1);
	return 0;
}

int
pthread_cond_broadcast(pthread_cond_t *c)
{
	_thr_add(&c->__seq, 1);
	_umtx_wake(&c->__seq, 0x7fffffff);
	return 0;
}

int
pthread_barrierattr_init(pthread_barrierattr_t *a)
{
	(void)a;
	return 0;
}

int
pthread_barrierattr_destroy(pthread_barrierattr_t *a)
{
	(void)a;
	return 0;
}

int
pthread_barrier_init(pthread_barrier_t *b, const pthread_barrierattr_t *a,
    unsigned count)
{
	(void)a;
	if (count == 0)
		return EINVAL;
	pthread_mutex_init(&b->__m, NULL);
	b->__gen = 0;
	b->__count = 0;
	b->__total = count;
	return 0;
}

int
pthread_barrier_destroy(pthread_barrier_t *b)
{
	return b->__count != 0 ? EBUSY : 0;
}

/* The last to arrive gets PTHREAD_BARRIER_SERIAL_THREAD, the others 0. */
int
pthread_barrier_wait(pthread_barrier_t *b)
{
	unsigned gen;

	_mutex_lock(&b->__m, NULL);
	gen = b->__gen;
	if (++b->__count == b->__total) {
		b->__count = 0;
		_thr_add(&b->__gen, 1);
		_mutex_unlock(&b->__m);
		_umtx_wake(&b->__gen, 0x7fffffff);
		return PTHREAD_BARRIER_SERIAL_THREAD;
	}
	_mutex_unlock(&b->__m);
	while (b->__gen == gen)
		_umtx_wait(&b->__gen, gen, NULL, 0);
	return 0;
}

int
pthread_rwlockattr_init(pthread_rwlockattr_t *a)
{
	(void)a;
	return 0;
}

int
pthread_rwlockattr_destroy(pthread_rwlockattr_t *a)
{
	(void)a;
	return 0;
}

int
pthread_rwlock_init(pthread_rwlock_t *rw, const pthread_rwlockattr_t *a)
{
	(void)a;
	pthread_mutex_init(&rw->__m, NULL);
	pthread_cond_init(&rw->__readers, NULL);
	pthread_cond_init(&rw->__writers, NULL);
	rw->__active = 0;
	rw->__wwait = 0;
	rw->__writer = NULL;
	return 0;
}

int
pthread_rwlock_destroy(pthread_rwlock_t *rw)
{
	return rw->__active != 0 ? EBUSY : 0;
}

/* Take rw for reading (write 0) or writing; try: EBUSY instead of waiting. */
static int
rw_lock(pthread_rwlock_t *rw, int write, int try)
{
	int error = 0;

	_mutex_lock(&rw->__m, NULL);
	if (rw->__active == -1 && rw->__writer == _thr_self()) {
		error = EDEADLK;
	} else if (write) {
		while (error == 0 && rw->__active != 0) {
			if (try) {
				error = EBUSY;
				break;
			}
			rw->__wwait++;
			cond_wait(&rw->__writers, &rw->__m, NULL);
			rw->__wwait--;
		}
		if (error == 0) {
			rw->__active = -1;
			rw->__writer = _thr_self();
		}
	} else {
		while (error == 0 && (rw->__active == -1 || rw->__wwait > 0)) {
			if (try) {
				error = EBUSY;
				break;
			}
			cond_wait(&rw->__readers, &rw->__m, NULL);
		}
		if (error == 0)
			rw->__active++;
	}
	_mutex_unlock(&rw->__m);
	return error;
}

int
pthread_rwlock_rdlock(pthread_rwlock_t *rw)
{
	return rw_lock(rw, 0, 0);
}

int
pthread_rwlock_tryrdlock(pthread_rwlock_t *rw)
{
	return rw_lock(rw, 0, 1);
}

int
pthread_rwlock_wrlock(pthread_rwlock_t *rw)
{
	return rw_lock(rw, 1, 0);
}

int
pthread_rwlock_trywrlock(pthread_rwlock_t *rw)
{
	return rw_lock(rw, 1, 1);
}

int
pthread_rwlock_unlock(pthread_rwlock_t *rw)
{
	int error = 0;

	_mutex_lock(&rw->__m, NULL);
	if (rw->__active == -1) {
		rw->__active = 0;
		rw->__writer = NULL;
	} else if (rw->__active > 0) {
		rw->__active--;
	} else {
		error = EPERM;
	}
	if (error == 0 && rw->__active == 0) {
		if (rw->__wwait > 0)
			pthread_cond_signal(&rw->__writers);
		else
			pthread_cond_broadcast(&rw->__readers);
	}
	_mutex_unlock(&rw->__m);
	return error;
}
