/*
 * exit.c - normal termination: atexit handlers in reverse order, then every
 * stdio stream is flushed, then _exit.
 *
 * __stdio_flushall is a weak reference: a program that never touches stdio
 * does not link stdio in just to flush nothing.
 */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#define ATEXIT_MAX	32	/* POSIX asks for at least 32 */

void	__stdio_flushall(void) __attribute__((weak));

static void (*handlers[ATEXIT_MAX])(void);
static int nhandlers;

int
atexit(void (*fn)(void))
{
	if (nhandlers == ATEXIT_MAX) {
		errno = ENOMEM;
		return -1;
	}
	handlers[nhandlers++] = fn;
	return 0;
}

_Noreturn void
exit(int status)
{
	/* A handler may call atexit or exit again; take each one off first. */
	while (nhandlers > 0)
		handlers[--nhandlers]();
	if (__stdio_flushall != NULL)
		__stdio_flushall();
	_exit(status);
}

_Noreturn void
_Exit(int status)
{
	_exit(status);
}
