/*
 * sys_proc.c - _exit, which must not return whatever the kernel does,
 * wait and waitpid on top of wait4, and procctl, whose 64-bit id takes two
 * argument words. The plain process calls (fork, execve, getpid, ...) are
 * generated from kernel/syscalls.master; vfork is vfork.asm.
 */
#include <sys/types.h>
#include <sys/procctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "syscall_impl.h"

_Noreturn void
_exit(int status)
{
	__syscall(SYS_exit, status, 0, 0, 0, 0);
	for (;;)
		;
}

/* wait4 itself, not a call of the wait4 stub: debuggers wait after every step. */
pid_t
waitpid(pid_t pid, int *status, int options)
{
	return __sys4(SYS_wait4, pid, status, options, NULL);
}

pid_t
wait(int *status)
{
	return __sys4(SYS_wait4, WAIT_ANY, status, 0, NULL);
}

int
procctl(idtype_t idtype, id_t id, int cmd, void *data)
{
	uint64_t u = (uint64_t)id;

	return __sys5(SYS_procctl, idtype, (uint32_t)u, (uint32_t)(u >> 32),
	    cmd, data);
}
