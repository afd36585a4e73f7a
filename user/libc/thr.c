/*
 * thr.c - the thread calls whose wrappers do more than make the call:
 * thr_exit, which does not return, and the TLS functions of
 * <machine/sysarch.h> over sysarch(2).
 */
#include <sys/syscall.h>
#include <sys/thr.h>
#include <machine/sysarch.h>
#include "syscall_impl.h"

void
thr_exit(long *state)
{
	__syscall(SYS_thr_exit, (int)state, 0, 0, 0, 0);
	__builtin_unreachable();	/* the thread is gone */
}

int
i386_get_gsbase(void **addr)
{
	return sysarch(I386_GET_GSBASE, addr);
}

int
i386_set_gsbase(void *addr)
{
	return sysarch(I386_SET_GSBASE, &addr);
}
