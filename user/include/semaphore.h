/*
 * semaphore.h - POSIX unnamed semaphores (sem_init and friends), over
 * _umtx_op: sem_wait sleeps in the kernel while the count is 0 and
 * sem_post wakes a sleeper only when there is one. A process-shared one
 * (pshared != 0) lives in memory the processes share (mmap MAP_SHARED,
 * then fork).
 */
#ifndef _SEMAPHORE_H_
#define _SEMAPHORE_H_

#include <limits.h>
#include <time.h>

typedef struct {
	volatile unsigned	__count;
	volatile unsigned	__nwaiters;	/* in sem_wait, or about to sleep */
	unsigned		__flags;	/* SEM_PSHARED: sem_init's pshared */
} sem_t;

#define SEM_VALUE_MAX	INT_MAX
#define SEM_FAILED	((sem_t *)0)

int	sem_init(sem_t *, int, unsigned);
int	sem_destroy(sem_t *);
int	sem_wait(sem_t *);
int	sem_trywait(sem_t *);
int	sem_timedwait(sem_t *__restrict, const struct timespec *__restrict);
int	sem_post(sem_t *);
int	sem_getvalue(sem_t *__restrict, int *__restrict);

#endif
