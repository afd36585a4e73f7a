/*
 * pthread.h - POSIX threads, over the kernel's threads (thr_new) and its
 * wait/wake primitive (_umtx_op): no call spins waiting for another
 * thread. Names, constants and errors are FreeBSD's; the objects are
 * plain structures (FreeBSD's are pointers), so a program that uses the
 * initialiser macros and the functions compiles unchanged. The library
 * is user/libc/pthread*.c; docs/threads.md tells the story.
 */
#ifndef _PTHREAD_H_
#define _PTHREAD_H_

#include <sys/types.h>
#include <signal.h>
#include <time.h>

struct pthread;
typedef struct pthread	*pthread_t;
typedef int		pthread_key_t;

typedef struct {
	size_t	__stacksize;
	int	__detachstate;
} pthread_attr_t;

typedef struct {
	int	__type;
} pthread_mutexattr_t;

/* __lock: 0 free, 1 held, 2 held with (maybe) sleepers on it. */
typedef struct {
	volatile unsigned	__lock;
	int			__type;
	pthread_t		__owner;	/* errorcheck and recursive */
	int			__count;	/* recursive: how deep */
} pthread_mutex_t;

typedef struct {
	clockid_t	__clock;
} pthread_condattr_t;

/* __seq changes at every signal and broadcast: what waiters sleep on. */
typedef struct {
	volatile unsigned	__seq;
	clockid_t		__clock;
} pthread_cond_t;

typedef struct {
	int	__unused;
} pthread_barrierattr_t;

typedef struct {
	pthread_mutex_t		__m;
	volatile unsigned	__gen;		/* which crossing */
	unsigned		__count;	/* arrived at this one */
	unsigned		__total;
} pthread_barrier_t;

typedef struct {
	int	__unused;
} pthread_rwlockattr_t;

typedef struct {
	pthread_mutex_t	__m;
	pthread_cond_t	__readers;	/* readers wait here */
	pthread_cond_t	__writers;	/* writers wait here */
	int		__active;	/* readers inside; -1: a writer */
	int		__wwait;	/* writers waiting (they go first) */
	pthread_t	__writer;
} pthread_rwlock_t;

typedef struct {
	volatile unsigned	__state;	/* 0 not run, 1 running, 2 done */
} pthread_once_t;

/* FreeBSD's values */
#define PTHREAD_CREATE_JOINABLE		0
#define PTHREAD_CREATE_DETACHED		1
#define PTHREAD_MUTEX_ERRORCHECK	1
#define PTHREAD_MUTEX_RECURSIVE		2
#define PTHREAD_MUTEX_NORMAL		3
#define PTHREAD_MUTEX_DEFAULT		PTHREAD_MUTEX_ERRORCHECK
#define PTHREAD_PROCESS_PRIVATE		0
#define PTHREAD_PROCESS_SHARED		1
#define PTHREAD_BARRIER_SERIAL_THREAD	(-1)
#define PTHREAD_KEYS_MAX		256
#define PTHREAD_DESTRUCTOR_ITERATIONS	4
#define PTHREAD_STACK_MIN		2048
#define PTHREAD_THREADS_MAX		128

#define PTHREAD_MUTEX_INITIALIZER	{ 0, 0, 0, 0 }
#define PTHREAD_COND_INITIALIZER	{ 0, CLOCK_REALTIME }
#define PTHREAD_RWLOCK_INITIALIZER	{ PTHREAD_MUTEX_INITIALIZER, \
	PTHREAD_COND_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, 0 }
#define PTHREAD_ONCE_INIT		{ 0 }

int	pthread_create(pthread_t *, const pthread_attr_t *, void *(*)(void *),
	    void *);
int	pthread_join(pthread_t, void **);
int	pthread_detach(pthread_t);
void	pthread_exit(void *) __attribute__((noreturn));
pthread_t pthread_self(void);
int	pthread_equal(pthread_t, pthread_t);
int	pthread_atfork(void (*)(void), void (*)(void), void (*)(void));
int	pthread_once(pthread_once_t *, void (*)(void));
int	pthread_kill(pthread_t, int);
int	pthread_sigmask(int, const sigset_t *, sigset_t *);

int	pthread_attr_init(pthread_attr_t *);
int	pthread_attr_destroy(pthread_attr_t *);
int	pthread_attr_setstacksize(pthread_attr_t *, size_t);
int	pthread_attr_getstacksize(const pthread_attr_t *, size_t *);
int	pthread_attr_setdetachstate(pthread_attr_t *, int);
int	pthread_attr_getdetachstate(const pthread_attr_t *, int *);

int	pthread_mutexattr_init(pthread_mutexattr_t *);
int	pthread_mutexattr_destroy(pthread_mutexattr_t *);
int	pthread_mutexattr_settype(pthread_mutexattr_t *, int);
int	pthread_mutexattr_gettype(const pthread_mutexattr_t *, int *);
int	pthread_mutex_init(pthread_mutex_t *, const pthread_mutexattr_t *);
int	pthread_mutex_destroy(pthread_mutex_t *);
int	pthread_mutex_lock(pthread_mutex_t *);
int	pthread_mutex_trylock(pthread_mutex_t *);
int	pthread_mutex_unlock(pthread_mutex_t *);

int	pthread_condattr_init(pthread_condattr_t *);
int	pthread_condattr_destroy(pthread_condattr_t *);
int	pthread_condattr_setclock(pthread_condattr_t *, clockid_t);
int	pthread_condattr_getclock(const pthread_condattr_t *, clockid_t *);
int	pthread_cond_init(pthread_cond_t *, const pthread_condattr_t *);
int	pthread_cond_destroy(pthread_cond_t *);
int	pthread_cond_wait(pthread_cond_t *, pthread_mutex_t *);
int	pthread_cond_timedwait(pthread_cond_t *, pthread_mutex_t *,
	    const struct timespec *);
int	pthread_cond_signal(pthread_cond_t *);
int	pthread_cond_broadcast(pthread_cond_t *);

int	pthread_barrierattr_init(pthread_barrierattr_t *);
int	pthread_barrierattr_destroy(pthread_barrierattr_t *);
int	pthread_barrier_init(pthread_barrier_t *, const pthread_barrierattr_t *,
	    unsigned);
int	pthread_barrier_destroy(pthread_barrier_t *);
int	pthread_barrier_wait(pthread_barrier_t *);

int	pthread_rwlockattr_init(pthread_rwlockattr_t *);
int	pthread_rwlockattr_destroy(pthread_rwlockattr_t *);
int	pthread_rwlock_init(pthread_rwlock_t *, const pthread_rwlockattr_t *);
int	pthread_rwlock_destroy(pthread_rwlock_t *);
int	pthread_rwlock_rdlock(pthread_rwlock_t *);
int	pthread_rwlock_tryrdlock(pthread_rwlock_t *);
int	pthread_rwlock_wrlock(pthread_rwlock_t *);
int	pthread_rwlock_trywrlock(pthread_rwlock_t *);
int	pthread_rwlock_unlock(pthread_rwlock_t *);

int	pthread_key_create(pthread_key_t *, void (*)(void *));
int	pthread_key_delete(pthread_key_t);
void	*pthread_getspecific(pthread_key_t);
int	pthread_setspecific(pthread_key_t, const void *);

#endif
