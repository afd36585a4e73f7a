/*
 * syscall.h - the system call table. Each handler takes the calling thread
 * and the six argument registers (ebx, ecx, edx, esi, edi, ebp), puts its
 * result in td->td_retval[0] and returns 0 or an errno (or ERESTART /
 * EJUSTRETURN, see <sys/errno.h>).
 */
#ifndef KERNEL_SYSCALL_H
#define KERNEL_SYSCALL_H

#include <stdint.h>

struct thread;
struct trapframe;

typedef int sy_call_t(struct thread *td, uint32_t *args);

struct sysent {
	sy_call_t	*sy_call;
	uint8_t		sy_narg;
	const char	*sy_name;
};

extern const struct sysent sysent[];
extern const unsigned nsysent;

void	syscall(struct trapframe *tf);

/* Every handler, by the file that defines it. */
sy_call_t sys_exit, sys_fork, sys_read, sys_write, sys_open, sys_close,
    sys_wait4, sys_break, sys_getpid, sys_setuid, sys_getuid, sys_geteuid,
    sys_ptrace, sys_kill, sys_getppid, sys_dup, sys_pipe, sys_getegid,
    sys_getgid, sys_ioctl, sys_reboot, sys_execve, sys_getpgrp, sys_setpgid,
    sys_dup2, sys_setgid, sys_stat, sys_fstat, sys_clock_gettime,
    sys_nanosleep, sys_getdents, sys_sched_yield, sys_sigprocmask,
    sys_sigsuspend, sys_sigpending, sys_sigaction, sys_sigreturn, sys_lseek,
    sys_kinfo, sys_kproc, sys_alarm;

#endif
