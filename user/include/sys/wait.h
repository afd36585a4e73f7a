/* sys/wait.h - waitpid/wait4 options and the BSD status encoding. */
#ifndef _SYS_WAIT_H_
#define _SYS_WAIT_H_

#include <sys/types.h>

#define _W_INT(w)	(*(int *)&(w))
#define _WSTATUS(x)	((x) & 0177)
#define _WSTOPPED	0177		/* _WSTATUS if process is stopped */
#define WIFSTOPPED(x)	(_WSTATUS(x) == _WSTOPPED)
#define WSTOPSIG(x)	((x) >> 8 & 0xff)
#define WIFSIGNALED(x)	(_WSTATUS(x) != _WSTOPPED && _WSTATUS(x) != 0 && (x) != 0x13)
#define WTERMSIG(x)	(_WSTATUS(x))
#define WIFEXITED(x)	(_WSTATUS(x) == 0)
#define WEXITSTATUS(x)	((x) >> 8 & 0xff)
#define WIFCONTINUED(x)	((x) == 0x13)	/* 0x13 == SIGCONT */
#define WCOREFLAG	0200
#define WCOREDUMP(x)	((x) & WCOREFLAG)
#define W_EXITCODE(ret, sig)	((ret) << 8 | (sig))
#define W_STOPCODE(sig)		((sig) << 8 | _WSTOPPED)

#define WNOHANG		1	/* don't hang in wait */
#define WUNTRACED	2	/* report stopped children too */
#define WSTOPPED	WUNTRACED
#define WCONTINUED	4	/* report continued children */
#define WNOWAIT		8	/* poll only */
#define WEXITED		16
#define WTRAPPED	32

#define WAIT_ANY	(-1)
#define WAIT_MYPGRP	0

/* Which processes an id names (waitid, procctl): FreeBSD's values. */
typedef enum {
	P_PID,		/* a process id */
	P_PPID,		/* a parent process id */
	P_PGID,		/* a process group id */
	P_SID,		/* a session id */
	P_CID,
	P_UID,		/* a user id */
	P_GID,		/* a group id */
	P_ALL,		/* every process */
	P_LWPID,	/* a thread id */
	P_TASKID,
	P_PROJID,
	P_POOLID,
	P_JAILID,
	P_CTID,
	P_CPUID,
	P_PSETID
} idtype_t;

#ifndef _KERNEL
struct rusage;
pid_t	wait(int *);
pid_t	waitpid(pid_t, int *, int);
pid_t	wait4(pid_t, int *, int, struct rusage *);
pid_t	wait3(int *, int, struct rusage *);
#endif

#endif
