/*
 * sys_proc.c - system calls about processes: creation, exit, waiting,
 * identity, process groups, and Kestrel's kernel-information calls.
 */
#include <sys/types.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <sys/kinfo.h>
#include <sys/reboot.h>
#include <sched.h>
#include <unistd.h>
#include "syscall_impl.h"

pid_t
fork(void)
{
	return __sys0(SYS_fork);
}

int
execve(const char *path, char *const argv[], char *const envp[])
{
	return __sys3(SYS_execve, path, argv, envp);
}

_Noreturn void
_exit(int status)
{
	__syscall(SYS_exit, status, 0, 0, 0, 0);
	for (;;)
		;
}

pid_t
wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
	return __sys4(SYS_wait4, pid, status, options, ru);
}

pid_t
waitpid(pid_t pid, int *status, int options)
{
	return wait4(pid, status, options, NULL);
}

pid_t
wait(int *status)
{
	return wait4(WAIT_ANY, status, 0, NULL);
}

pid_t
getpid(void)
{
	return __sys0(SYS_getpid);
}

pid_t
getppid(void)
{
	return __sys0(SYS_getppid);
}

uid_t
getuid(void)
{
	return __sys0(SYS_getuid);
}

uid_t
geteuid(void)
{
	return __sys0(SYS_geteuid);
}

gid_t
getgid(void)
{
	return __sys0(SYS_getgid);
}

gid_t
getegid(void)
{
	return __sys0(SYS_getegid);
}

int
setuid(uid_t uid)
{
	return __sys1(SYS_setuid, uid);
}

int
setgid(gid_t gid)
{
	return __sys1(SYS_setgid, gid);
}

int
setpgid(pid_t pid, pid_t pgid)
{
	return __sys2(SYS_setpgid, pid, pgid);
}

pid_t
getpgrp(void)
{
	return __sys0(SYS_getpgrp);
}

int
sched_yield(void)
{
	return __sys0(SYS_sched_yield);
}

int
reboot(int howto)
{
	return __sys1(SYS_reboot, howto);
}

int
kinfo(int key)
{
	return __sys1(SYS_kinfo, key);
}

int
kproc(int slot, struct kinfo_proc *kp)
{
	return __sys2(SYS_kproc, slot, kp);
}
