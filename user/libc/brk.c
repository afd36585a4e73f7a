/*
 * brk.c - the program break. SYS_break sets the break (0 only asks) and
 * returns where it now is; sbrk keeps a copy so it asks the kernel once.
 */
#include <sys/syscall.h>
#include <errno.h>
#include <stdint.h>
#include <unistd.h>
#include "syscall_impl.h"

static char *curbrk;

int
brk(const void *addr)
{
	int r = __sys1(SYS_break, addr);

	if (r == -1)
		return -1;
	curbrk = (char *)r;
	if (curbrk != addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

/* Moves the break by incr bytes; returns the old break, or (void *)-1. */
void *
sbrk(intptr_t incr)
{
	char *old;
	int r;

	if (curbrk == NULL) {
		r = __sys1(SYS_break, 0);
		if (r == -1)
			return (void *)-1;
		curbrk = (char *)r;
	}
	old = curbrk;
	if (incr == 0)
		return old;
	if ((incr > 0 && (uintptr_t)old + incr < (uintptr_t)old) ||
	    (incr < 0 && (uintptr_t)old < (uintptr_t)-incr)) {
		errno = ENOMEM;
		return (void *)-1;
	}
	if (brk(old + incr) == -1)
		return (void *)-1;
	return old;
}
