/* sys/signal.h - signal numbers, sets and actions with FreeBSD's values and layouts. */
#ifndef _SYS_SIGNAL_H_
#define _SYS_SIGNAL_H_

#include <sys/types.h>

#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGIOT		SIGABRT
#define SIGEMT		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGBUS		10
#define SIGSEGV		11
#define SIGSYS		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGURG		16
#define SIGSTOP		17
#define SIGTSTP		18
#define SIGCONT		19
#define SIGCHLD		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGIO		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGINFO		29
#define SIGUSR1		30
#define SIGUSR2		31
#define NSIG		32	/* valid signals are 1 .. NSIG-1 */
#define _SIG_MAXSIG	NSIG

typedef void __sighandler_t(int);
#define SIG_DFL		((__sighandler_t *)0)
#define SIG_IGN		((__sighandler_t *)1)
#define SIG_ERR		((__sighandler_t *)-1)

/* FreeBSD's 128-bit set; Kestrel uses the first word (signals 1..31). */
typedef struct __sigset {
	uint32_t __bits[4];
} sigset_t;

union sigval {
	int	sival_int;
	void	*sival_ptr;
};

typedef struct __siginfo {
	int	si_signo;	/* signal number */
	int	si_errno;
	int	si_code;	/* why it was sent (below) */
	pid_t	si_pid;		/* sending process */
	uid_t	si_uid;		/* sender's real uid */
	int	si_status;	/* exit value or signal */
	void	*si_addr;	/* faulting address or instruction */
	union sigval si_value;
	long	__spare[8];
} siginfo_t;

/* si_code values (FreeBSD). */
#define SI_NOINFO	0		/* only si_signo is meaningful */
#define SI_USER		0x10001		/* kill() */
#define SI_QUEUE	0x10002		/* sigqueue() */
#define SI_TIMER	0x10003
#define SI_ASYNCIO	0x10004
#define SI_MESGQ	0x10005
#define SI_KERNEL	0x10006		/* the kernel */
#define SI_LWP		0x10007		/* thr_kill(), so raise() */
#define ILL_ILLOPC	1
#define ILL_PRVOPC	5
#define ILL_PRVREG	6
#define FPE_INTOVF	1
#define FPE_INTDIV	2
#define FPE_FLTDIV	3
#define FPE_FLTOVF	4
#define FPE_FLTUND	5
#define FPE_FLTRES	6
#define FPE_FLTINV	7
#define FPE_FLTSUB	8
#define SEGV_MAPERR	1
#define SEGV_ACCERR	2
#define BUS_ADRALN	1
#define BUS_ADRERR	2
#define BUS_OBJERR	3
#define TRAP_BRKPT	1
#define TRAP_TRACE	2
#define TRAP_DTRACE	3
#define TRAP_CAP	4
#define CLD_EXITED	1
#define CLD_KILLED	2
#define CLD_DUMPED	3
#define CLD_TRAPPED	4
#define CLD_STOPPED	5
#define CLD_CONTINUED	6

struct sigaction {
	union {
		void	(*__sa_handler)(int);
		void	(*__sa_sigaction)(int, struct __siginfo *, void *);
	} __sigaction_u;
	int		sa_flags;
	sigset_t	sa_mask;
};
#define sa_handler	__sigaction_u.__sa_handler
#define sa_sigaction	__sigaction_u.__sa_sigaction

#define SA_ONSTACK	0x0001
#define SA_RESTART	0x0002
#define SA_RESETHAND	0x0004
#define SA_NOCLDSTOP	0x0008
#define SA_NODEFER	0x0010
#define SA_NOCLDWAIT	0x0020
#define SA_SIGINFO	0x0040

#define SIG_BLOCK	1
#define SIG_UNBLOCK	2
#define SIG_SETMASK	3

typedef struct sigaltstack {
	void	*ss_sp;
	size_t	ss_size;
	int	ss_flags;
} stack_t;

#endif
