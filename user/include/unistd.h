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
pid_t	getppid(void);
uid_t	getuid(void);
uid_t	geteuid(void);
gid_t	getgid(void);
gid_t	getegid(void);
int	setuid(uid_t);
int	setgid(gid_t);
int	setpgid(pid_t, pid_t);
pid_t	getpgrp(void);
pid_t	tcgetpgrp(int);
int	tcsetpgrp(int, pid_t);

unsigned	sleep(unsigned);
int	usleep(useconds_t);
unsigned	alarm(unsigned);

int	brk(const void *);
void	*sbrk(intptr_t);
int	syscall(int, ...);

extern char *optarg;
extern int optind, opterr, optopt;
int	getopt(int, char *const [], const char *);

#endif
