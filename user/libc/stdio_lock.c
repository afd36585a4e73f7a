/*
 * stdio_lock.c - the lock of a stream: flockfile, ftrylockfile and
 * funlockfile (POSIX), and the locking the other stdio functions do
 * around their work once the program has threads.
 *
 * The lock is recursive: its owner may take it again (a program holding it
 * around several calls, each of which takes it too), and it is free when
 * the owner has let go as often as it took it. Waiting is the library's
 * lock word (pthread_mutex.c): a sleep in the kernel, never a spin. A
 * program without threads takes no lock in the stdio calls (one test);
 * flockfile itself always locks.
 */
#include <stdio.h>
#include "libc_lock.h"
#include "stdio_impl.h"
#include "thr_impl.h"

void
flockfile(FILE *f)
{
	struct pthread *self = _thr_self();

	if (f->lockowner == self) {
		f->lockdepth++;
		return;
	}
	__libc_lock_word(&f->lock.l);
	f->lockowner = self;
	f->lockdepth = 1;
}

void
funlockfile(FILE *f)
{
	if (f->lockowner != _thr_self() || --f->lockdepth > 0)
		return;
	f->lockowner = NULL;
	__libc_unlock_word(&f->lock.l);
}

void
__stdio_lock(FILE *f)
{
	if (__isthreaded)
		flockfile(f);
}

int
__stdio_trylock(FILE *f)
{
	return __isthreaded ? ftrylockfile(f) : 0;
}

void
__stdio_unlock(FILE *f)
{
	if (__isthreaded)
		funlockfile(f);
}

int
ftrylockfile(FILE *f)
{
	struct pthread *self = _thr_self();

	if (f->lockowner == self) {
		f->lockdepth++;
		return 0;
	}
	if (!__libc_trylock_word(&f->lock.l))
		return -1;
	f->lockowner = self;
	f->lockdepth = 1;
	return 0;
}
