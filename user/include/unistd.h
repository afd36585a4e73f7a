/* unistd.h - the POSIX process, file-descriptor and identity calls. */
#ifndef _UNISTD_H_
#define _UNISTD_H_

#include <sys/types.h>

#define STDIN_FILENO	0
#define STDOUT_FILENO	1
#define STDERR_FILENO	2

#ifndef SEEK_SET
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#endif

#define _POSIX_VERSION	200809L
#define _POSIX_JOB_CONTROL	1

/* access(2) modes */
#define F_OK		0
#define X_OK		0x01
#define W_OK		0x02
#define R_OK		0x04

/* sysconf(3) names, FreeBSD's numbers */
#define _SC_ARG_MAX		1
#define _SC_CHILD_MAX		2
#define _SC_CLK_TCK		3
#define _SC_NGROUPS_MAX		4
#define _SC_OPEN_MAX		5
#define _SC_JOB_CONTROL		6
#define _SC_SAVED_IDS		7
#define _SC_VERSION		8
#define _SC_LINE_MAX		15
#define _SC_STREAM_MAX		26
#define _SC_TZNAME_MAX		27
#define _SC_PAGESIZE		47
#define _SC_PAGE_SIZE		_SC_PAGESIZE
#define _SC_RTSIG_MAX		48
#define _SC_TIMER_MAX		52
#define _SC_NPROCESSORS_CONF	57
#define _SC_NPROCESSORS_ONLN	58
#define _SC_HOST_NAME_MAX	72
#define _SC_LOGIN_NAME_MAX	73
#define _SC_ATEXIT_MAX		107
#define _SC_PHYS_PAGES		121

extern char **environ;

pid_t	fork(void);
pid_t	vfork(void) __attribute__((returns_twice));
int	execve(const char *, char *const [], char *const []);
int	execv(const char *, char *const []);
int	execvp(const char *, char *const []);
int	execl(const char *, const char *, ...);
int	execlp(const char *, const char *, ...);
_Noreturn void	_exit(int);

ssize_t	read(int, void *, size_t);
ssize_t	write(int, const void *, size_t);
int	close(int);
off_t	lseek(int, off_t, int);
int	dup(int);
int	dup2(int, int);
int	pipe(int [2]);
int	pipe2(int [2], int);
int	isatty(int);

pid_t	getpid(void);
int	gethostname(char *, size_t);
pid_t	getppid(void);
uid_t	getuid(void);
uid_t	geteuid(void);
gid_t	getgid(void);
gid_t	getegid(void);
int	setuid(uid_t);
int	setgid(gid_t);
int	setpgid(pid_t, pid_t);
pid_t	getpgrp(void);
pid_t	getpgid(pid_t);
pid_t	setsid(void);
pid_t	getsid(pid_t);
pid_t	tcgetpgrp(int);
int	tcsetpgrp(int, pid_t);

unsigned	sleep(unsigned);
int	usleep(useconds_t);
unsigned	alarm(unsigned);
int	pause(void);

long	sysconf(int);
int	getpagesize(void);

char	*getcwd(char *, size_t);
int	chdir(const char *);
int	fchdir(int);
int	unlink(const char *);
int	rmdir(const char *);
int	truncate(const char *, off_t);
int	ftruncate(int, off_t);
int	chown(const char *, uid_t, gid_t);
int	access(const char *, int);

int	brk(const void *);
void	*sbrk(intptr_t);
#ifndef _KERNEL
int	syscall(int, ...);	/* the kernel's syscall() is its dispatcher */
#endif

extern char *optarg;
extern int optind, opterr, optopt, optreset;
int	getopt(int, char *const [], const char *);

#endif
