/*
 * syscall.c - syscall(number, ...), BSD's indirect system call: any call by
 * number, for programs and tests that reach calls libc has no wrapper for.
 * Five argument words are always passed on; the kernel reads only those
 * the call has.
 */
#include <stdarg.h>
#include <unistd.h>
#include "syscall_impl.h"

int
syscall(int number, ...)
{
	va_list ap;
	int a[5], i;

	va_start(ap, number);
	for (i = 0; i < 5; i++)
		a[i] = va_arg(ap, int);
	va_end(ap);
	return __sysret(__syscall(number, a[0], a[1], a[2], a[3], a[4]));
}
