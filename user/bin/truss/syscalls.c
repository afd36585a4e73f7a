/*
 * syscalls.c - truss's table of Kestrel's system calls: the name, and what
 * each printed argument is and which argument word(s) it comes from (the
 * ABI is FreeBSD/i386's, so lseek's 64-bit offset takes two words). A call
 * not in the table prints as "#NUMBER" with its words in hex, as FreeBSD's
 * truss does.
 */
#include <stdio.h>
#include <sys/syscall.h>
#include "truss.h"

#define ARGS(...)	{ __VA_ARGS__ }
#define CALL(nr, n, r, ...)	[SYS_##nr] = { #nr, n, r, ARGS(__VA_ARGS__) }

static const struct sysdesc table[SYS_MAXSYSCALL] = {
	CALL(exit, 1, R_NONE, { A_HEX, 0 }),
	CALL(fork, 0, R_INT),
	CALL(read, 3, R_INT, { A_INT, 0 }, { A_RBUF | A_OUT, 1 }, { A_UINT, 2 }),
	CALL(write, 3, R_INT, { A_INT, 0 }, { A_BUF, 1 }, { A_UINT, 2 }),
	CALL(open, 3, R_INT, { A_PATH, 0 }, { A_OPENFLAGS, 1 }, { A_OCTAL, 2 }),
	CALL(close, 1, R_INT, { A_INT, 0 }),
	CALL(wait4, 4, R_INT, { A_INT, 0 }, { A_WSTATUS | A_OUT, 1 },
	    { A_WAITOPTS, 2 }, { A_PTR, 3 }),
	CALL(break, 1, R_INT, { A_PTR, 0 }),
	CALL(getpid, 0, R_INT),
	CALL(setuid, 1, R_INT, { A_UINT, 0 }),
	CALL(getuid, 0, R_INT),
	CALL(geteuid, 0, R_INT),
	CALL(ptrace, 4, R_INT, { A_PTREQ, 0 }, { A_INT, 1 }, { A_PTR, 2 },
	    { A_INT, 3 }),
	CALL(kill, 2, R_INT, { A_INT, 0 }, { A_SIGNAL, 1 }),
	CALL(getppid, 0, R_INT),
	CALL(dup, 1, R_INT, { A_INT, 0 }),
	CALL(pipe, 1, R_INT, { A_PIPEFDS | A_OUT, 0 }),
	CALL(getegid, 0, R_INT),
	CALL(getgid, 0, R_INT),
	CALL(ioctl, 3, R_INT, { A_INT, 0 }, { A_IOCTL, 1 }, { A_PTR, 2 }),
	CALL(reboot, 1, R_INT, { A_HEX, 0 }),
	CALL(execve, 3, R_INT, { A_PATH, 0 }, { A_ARGV, 1 }, { A_ENVP, 2 }),
	CALL(getpgrp, 0, R_INT),
	CALL(setpgid, 2, R_INT, { A_INT, 0 }, { A_INT, 1 }),
	CALL(dup2, 2, R_INT, { A_INT, 0 }, { A_INT, 1 }),
	CALL(setgid, 1, R_INT, { A_UINT, 0 }),
	CALL(stat, 2, R_INT, { A_PATH, 0 }, { A_STAT | A_OUT, 1 }),
	CALL(fstat, 2, R_INT, { A_INT, 0 }, { A_STAT | A_OUT, 1 }),
	CALL(clock_gettime, 2, R_INT, { A_CLOCKID, 0 },
	    { A_TIMESPEC | A_OUT, 1 }),
	CALL(nanosleep, 2, R_INT, { A_TIMESPEC, 0 }, { A_TIMESPEC | A_OUT, 1 }),
	CALL(getdents, 3, R_INT, { A_INT, 0 }, { A_PTR, 1 }, { A_UINT, 2 }),
	CALL(sched_yield, 0, R_INT),
	CALL(sigprocmask, 3, R_INT, { A_SIGHOW, 0 }, { A_SIGSET, 1 },
	    { A_SIGSET | A_OUT, 2 }),
	CALL(sigsuspend, 1, R_INT, { A_SIGSET, 0 }),
	CALL(sigpending, 1, R_INT, { A_SIGSET | A_OUT, 0 }),
	CALL(sigaction, 3, R_INT, { A_SIGNAL, 0 }, { A_SIGACTION, 1 },
	    { A_SIGACTION | A_OUT, 2 }),
	CALL(sigreturn, 1, R_INT, { A_PTR, 0 }),
	CALL(lseek, 3, R_OFF, { A_INT, 0 }, { A_OFF, 1 }, { A_WHENCE, 3 }),
	CALL(kinfo, 1, R_INT, { A_INT, 0 }),
	CALL(kproc, 2, R_INT, { A_INT, 0 }, { A_PTR, 1 }),
	CALL(alarm, 1, R_INT, { A_UINT, 0 }),
};

/* The description of call code, which the kernel says has narg arguments. */
const struct sysdesc *
sys_lookup(unsigned code, unsigned narg)
{
	static char name[16];
	static struct sysdesc unknown;
	unsigned i;

	if (code < SYS_MAXSYSCALL && table[code].name != NULL)
		return &table[code];
	snprintf(name, sizeof(name), "#%u", code);
	unknown.name = name;
	unknown.ret = R_INT;
	unknown.nargs = narg > 6 ? 6 : narg;
	for (i = 0; i < 6; i++) {
		unknown.args[i].type = A_HEX;
		unknown.args[i].word = i;
	}
	return &unknown;
}
