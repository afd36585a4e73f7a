/*
 * pthread_mutex.c - mutexes, and the lock word under every other object
 * of the library (and the libc's own locks).
 *
 * The word is 0 (free), 1 (held) or 2 (held, and someone may sleep on
 * it). Taking a free lock is one compare-and-swap; only a contended one
 * enters the kernel: the taker marks the word 2 and sleeps while it stays
 * 2 (_umtx_op checks that atomically), and a releaser that finds 2 wakes
 * one sleeper, which takes the lock marked 2 again (there may be more).
 * A handoff between two threads is thus a wake and a wait, never a spin.
 *
 * Types (FreeBSD's): NORMAL relocks deadlock, ERRORCHECK (the default)
 * says EDEADLK and EPERM, RECURSIVE counts.
 */
#include <errno.h>
#include <pthread.h>
#include "libc_lock.h"
#include "thr_impl.h"

/* Take the word: 0 or ETIMEDOUT (only with a deadline). */
static int
word_lock(volatile unsigned *w, const struct timespec *abstime)
{
	unsigned c = _thr_cas(w, 0, 1);

	if (c == 0)
		return 0;
	if (c != 2)
		c = _thr_xchg(w, 2);
	while (c != 0) {
		if (_umtx_wait(w, 2, abstime, CLOCK_REALTIME) == ETIMEDOUT)
			return ETIMEDOUT;
		c = _thr_xchg(w, 2);
	}
	return 0;
}

static void
word_unlock(volatile unsigned *w)
{
	if (_thr_xchg(w, 0) == 2)
		_umtx_wake(w, 1);
}

void
__libc_lock(struct __libc_lock *l)
{
	if (__isthreaded)
		word_lock(&l->l, NULL);
}

void
__libc_unlock(struct __libc_lock *l)
{
	if (__isthreaded)
		word_unlock(&l->l);
}

int
__libc_trylock(struct __libc_lock *l)
{
	return !__isthreaded || _thr_cas(&l->l, 0, 1) == 0;
}

void
__libc_lock_word(volatile unsigned *w)
{
	word_lock(w, NULL);
}

int
__libc_trylock_word(volatile unsigned *w)
{
	return _thr_cas(w, 0, 1) == 0;
}

void
__libc_unlock_word(volatile unsigned *w)
{
	word_unlock(w);
}

static int
mtype(const pthread_mutex_t *m)
{
	return m->__type == 0 ? PTHREAD_MUTEX_DEFAULT : m->__type;
}

int
pthread_mutexattr_init(pthread_mutexattr_t *a)
{
	a->__type = PTHREAD_MUTEX_DEFAULT;
	return 0;
}

int
pthread_mutexattr_destroy(pthread_mutexattr_t *a)
{
	(void)a;
	return 0;
}

int
pthread_mutexattr_settype(pthread_mutexattr_t *a, int type)
{
	if (type < PTHREAD_MUTEX_ERRORCHECK || type > PTHREAD_MUTEX_NORMAL)
		return EINVAL;
	a->__type = type;
	return 0;
}

int
pthread_mutexattr_gettype(const pthread_mutexattr_t *a, int *type)
{
	*type = a->__type;
	return 0;
}

int
pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *a)
{
	m->__lock = 0;
	m->__type = a != NULL ? a->__type : PTHREAD_MUTEX_DEFAULT;
	m->__owner = NULL;
	m->__count = 0;
	return 0;
}

int
pthread_mutex_destroy(pthread_mutex_t *m)
{
	return m->__lock != 0 ? EBUSY : 0;
}

/*
 * Lock m (with a deadline, or NULL): what relocking means depends on the
 * type. 0, EDEADLK, ETIMEDOUT.
 */
int
_mutex_lock(pthread_mutex_t *m, const struct timespec *abstime)
{
	pthread_t self = _thr_self();
	int type = mtype(m), error;

	if (type != PTHREAD_MUTEX_NORMAL && m->__owner == self) {
		if (type == PTHREAD_MUTEX_ERRORCHECK)
			return EDEADLK;
		m->__count++;
		return 0;
	}
	if ((error = word_lock(&m->__lock, abstime)) != 0)
		return error;
	m->__owner = self;
	m->__count = 1;
	return 0;
}

int
_mutex_unlock(pthread_mutex_t *m)
{
	int type = mtype(m);

	if (type != PTHREAD_MUTEX_NORMAL && m->__owner != _thr_self())
		return EPERM;
	if (type == PTHREAD_MUTEX_RECURSIVE && --m->__count > 0)
		return 0;
	m->__owner = NULL;
	m->__count = 0;
	word_unlock(&m->__lock);
	return 0;
}

int
pthread_mutex_lock(pthread_mutex_t *m)
{
	return _mutex_lock(m, NULL);
}

int
pthread_mutex_trylock(pthread_mutex_t *m)
{
	pthread_t self = _thr_self();

	if (mtype(m) == PTHREAD_MUTEX_RECURSIVE && m->__owner == self) {
		m->__count++;
		return 0;
	}
	if (_thr_cas(&m->__lock, 0, 1) != 0)
		return EBUSY;
	m->__owner = self;
	m->__count = 1;
	return 0;
}

int
pthread_mutex_unlock(pthread_mutex_t *m)
{
	return _mutex_unlock(m);
}
