/*
 * libc_lock.h - the locks that keep the libc's own shared state (the
 * heap) whole when threads call it at once. A program that never creates
 * a thread never takes them (they cost one test then).
 */
#ifndef _LIBC_LOCK_H_
#define _LIBC_LOCK_H_

struct __libc_lock {
	volatile unsigned	l;	/* 0 free, 1 held, 2 held with sleepers */
};

void	__libc_lock(struct __libc_lock *);
void	__libc_unlock(struct __libc_lock *);
int	__libc_trylock(struct __libc_lock *);	/* 1: taken (or no threads) */

/* The lock word itself, taken whether or not there are threads (flockfile). */
void	__libc_lock_word(volatile unsigned *);
int	__libc_trylock_word(volatile unsigned *);	/* 1: taken */
void	__libc_unlock_word(volatile unsigned *);

/* malloc.c: fork holds the heap lock across the call (fork.c). */
void	_malloc_prefork(void);
void	_malloc_postfork(void);

#endif
