/*
 * ptrace.c - the ptrace(2) wrapper. PT_READ_I and PT_READ_D return the word
 * read, which may be any value, -1 included; the kernel therefore also says
 * in edx whether the call failed (1) or not (0), and only then is eax an
 * errno. Like FreeBSD's libc, errno is cleared first, so a caller can tell
 * a word of -1 from an error by looking at errno.
 */
#include <sys/types.h>
#include <sys/syscall.h>
#include <sys/ptrace.h>
#include "syscall_impl.h"

int
ptrace(int req, pid_t pid, caddr_t addr, int data)
{
	int eax, edx;

	errno = 0;
	eax = __syscall_edx(SYS_ptrace, req, pid, (int)addr, data, 0, &edx);
	if (req == PT_READ_I || req == PT_READ_D) {
		if (edx == 0)
			return eax;
		errno = -eax;
		return -1;
	}
	return __sysret(eax);
}
