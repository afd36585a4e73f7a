/*
 * fork.c - fork(2) with the handlers of pthread_atfork(3) around it.
 *
 * POSIX runs the prepare handlers before the fork, last registered first,
 * and the parent or child handlers after it in the order they were
 * registered, in every program, threaded or not. The libc keeps its own
 * heap safe the same way: the forking thread holds the heap lock across
 * the call, so no other thread can be halfway through malloc when the
 * child's copy of the heap is made (the child has only the forking thread,
 * and a lock held by a thread it lacks would never be released there).
 */
#include <errno.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "libc_lock.h"
#include "syscall_impl.h"

#define ATFORK_MAX	32	/* handler triples a program may register */

struct atfork {
	void	(*prepare)(void);
	void	(*parent)(void);
	void	(*child)(void);
};

static struct atfork handlers[ATFORK_MAX];
static int nhandlers;
static struct __libc_lock atfork_lock;

int
pthread_atfork(void (*prepare)(void), void (*parent)(void),
    void (*child)(void))
{
	__libc_lock(&atfork_lock);
	if (nhandlers == ATFORK_MAX) {
		__libc_unlock(&atfork_lock);
		return ENOMEM;
	}
	handlers[nhandlers++] = (struct atfork){ prepare, parent, child };
	__libc_unlock(&atfork_lock);
	return 0;
}

pid_t
fork(void)
{
	pid_t pid;
	int i, n;

	__libc_lock(&atfork_lock);
	n = nhandlers;
	for (i = n - 1; i >= 0; i--)
		if (handlers[i].prepare != NULL)
			handlers[i].prepare();
	_malloc_prefork();
	pid = __sys0(SYS_fork);
	_malloc_postfork();
	for (i = 0; i < n; i++) {
		if (pid == 0 && handlers[i].child != NULL)
			handlers[i].child();
		else if (pid > 0 && handlers[i].parent != NULL)
			handlers[i].parent();
	}
	__libc_unlock(&atfork_lock);
	return pid;
}
