/*
 * sys/syscall.h - system call numbers. Where FreeBSD has the call, Kestrel uses
 * FreeBSD's number (syscalls.master), so truss output reads like FreeBSD's.
 * Calls Kestrel adds start at 600.
 *
 * ABI: int $0x80, eax = number, arguments in ebx, ecx, edx, esi, edi, ebp;
 * the result comes back in eax, -errno on failure.
 */
#ifndef _SYS_SYSCALL_H_
#define _SYS_SYSCALL_H_

#define SYS_exit		1	/* (int status) */
#define SYS_fork		2	/* () */
#define SYS_read		3	/* (int fd, void *buf, size_t n) */
#define SYS_write		4	/* (int fd, const void *buf, size_t n) */
#define SYS_open		5	/* (const char *path, int flags, int mode) */
#define SYS_close		6	/* (int fd) */
#define SYS_wait4		7	/* (pid_t, int *status, int options, struct rusage *) */
#define SYS_break		17	/* (void *addr): set the break, 0 asks; returns the break */
#define SYS_getpid		20	/* () */
#define SYS_setuid		23	/* (uid_t) */
#define SYS_getuid		24	/* () */
#define SYS_geteuid		25	/* () */
#define SYS_ptrace		26	/* (int req, pid_t pid, caddr_t addr, int data) */
#define SYS_kill		37	/* (pid_t pid, int sig) */
#define SYS_getppid		39	/* () */
#define SYS_dup			41	/* (int fd) */
#define SYS_pipe		42	/* (int fds[2]) */
#define SYS_getegid		43	/* () */
#define SYS_getgid		47	/* () */
#define SYS_ioctl		54	/* (int fd, unsigned long req, void *arg) */
#define SYS_reboot		55	/* (int howto) */
#define SYS_execve		59	/* (const char *path, char *const argv[], char *const envp[]) */
#define SYS_getpgrp		81	/* () */
#define SYS_setpgid		82	/* (pid_t pid, pid_t pgid) */
#define SYS_dup2		90	/* (int from, int to) */
#define SYS_setgid		181	/* (gid_t) */
#define SYS_stat		188	/* (const char *path, struct stat *) */
#define SYS_fstat		189	/* (int fd, struct stat *) */
#define SYS_clock_gettime	232	/* (clockid_t, struct timespec *) */
#define SYS_nanosleep		240	/* (const struct timespec *, struct timespec *) */
#define SYS_getdents		272	/* (int fd, char *buf, size_t n) */
#define SYS_sched_yield		331	/* () */
#define SYS_sigprocmask		340	/* (int how, const sigset_t *, sigset_t *) */
#define SYS_sigsuspend		341	/* (const sigset_t *) */
#define SYS_sigpending		343	/* (sigset_t *) */
#define SYS_sigaction		416	/* (int sig, const struct sigaction *, struct sigaction *) */
#define SYS_sigreturn		417	/* (const ucontext_t *) */
#define SYS_lseek		478	/* (int fd, off_t off (two words: low, high), int whence) */
#define SYS_kinfo		600	/* (int key): a kernel counter, see <sys/kinfo.h> */
#define SYS_kproc		601	/* (int slot, struct kinfo_proc *): process table entry */
#define SYS_alarm		602	/* (unsigned seconds): SIGALRM after that long */

#define SYS_MAXSYSCALL		603	/* table size: valid numbers are below this */

#endif
