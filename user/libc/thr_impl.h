/*
 * thr_impl.h - the inside of the pthread library (user/libc/pthread*.c,
 * semaphore.c, errno.c).
 *
 * Every thread has a struct pthread. The main thread's is a static one;
 * another's sits at the top of the memory its stack was carved from. Once
 * the program has created its first thread (__isthreaded), every thread's
 * %gs base is its struct pthread, whose first word points at itself, so
 * %gs:0 is the running thread's; before that, the main thread is the only
 * one and nobody reads %gs (the single-threaded program never pays for
 * threads). errno is a field of it: each thread has its own.
 *
 * Sleeping is _umtx_op's: wait while a word holds a value, wake the
 * sleepers of a word (umtx_wait, umtx_wake below).
 */
#ifndef _LIBC_THR_IMPL_H_
#define _LIBC_THR_IMPL_H_

#include <pthread.h>
#include <sys/umtx.h>

struct pthread {
	struct pthread	*pt_self;	/* %gs:0 */
	int		pt_errno;
	long		pt_tid;		/* the kernel's id (thr_new writes it) */
	volatile long	pt_state;	/* thr_exit sets it to 1 and wakes it */
	volatile unsigned pt_join;	/* PT_JOINABLE, PT_DETACHED, PT_EXITED */
	void		*(*pt_start)(void *);
	void		*pt_arg;
	void		*pt_retval;
	char		*pt_map;	/* the mapping: stack, then this */
	size_t		pt_mapsize;
	struct pthread	*pt_next;	/* on the list of ended threads */
	const void	*pt_specific[PTHREAD_KEYS_MAX];
};

#define PT_JOINABLE	0
#define PT_DETACHED	1	/* whoever ends last of thread and detach frees */
#define PT_EXITED	2	/* ended, not yet joined or detached */

extern int __isthreaded;
extern struct pthread _thread_main;

static inline struct pthread *
_thr_self(void)
{
	struct pthread *self;

	if (!__isthreaded)
		return &_thread_main;
	__asm__ volatile("movl %%gs:0, %0" : "=r"(self));
	return self;
}

static inline unsigned
_thr_cas(volatile unsigned *p, unsigned old, unsigned new)
{
	__atomic_compare_exchange_n(p, &old, new, 0, __ATOMIC_SEQ_CST,
	    __ATOMIC_SEQ_CST);
	return old;		/* what *p held: the swap happened if it was old */
}

static inline unsigned
_thr_xchg(volatile unsigned *p, unsigned v)
{
	return __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST);
}

static inline unsigned
_thr_add(volatile unsigned *p, unsigned v)
{
	return __atomic_fetch_add(p, v, __ATOMIC_SEQ_CST);
}

/*
 * 0, ETIMEDOUT, EINTR: wait while *p == v (abstime: none if NULL, on
 * clock). shared: the word may be in memory other processes share
 * (_umtx_op's operations without _PRIVATE); the wake must say the same.
 */
int	_umtx_sleep(volatile void *p, unsigned v, const struct timespec *abstime,
	    clockid_t clock, int shared);
void	_umtx_wakeup(volatile void *p, int n, int shared);

/* The same for a word of this process's own. */
static inline int
_umtx_wait(volatile void *p, unsigned v, const struct timespec *abstime,
    clockid_t clock)
{
	return _umtx_sleep(p, v, abstime, clock, 0);
}

static inline void
_umtx_wake(volatile void *p, int n)
{
	_umtx_wakeup(p, n, 0);
}

/* pthread_mutex.c: the lock and unlock every other object is built on */
int	_mutex_lock(pthread_mutex_t *m, const struct timespec *abstime);
int	_mutex_unlock(pthread_mutex_t *m);
/* pthread_key.c: run the ending thread's destructors */
void	_thr_run_destructors(struct pthread *t);

#endif
