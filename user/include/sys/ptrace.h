/* sys/ptrace.h - process tracing requests, FreeBSD's numbers and structures. */
#ifndef _SYS_PTRACE_H_
#define _SYS_PTRACE_H_

#include <sys/types.h>
#include <sys/signal.h>
#include <machine/reg.h>

#define PT_TRACE_ME	0	/* child declares it is being traced */
#define PT_READ_I	1	/* read word in child's I space */
#define PT_READ_D	2	/* read word in child's D space */
#define PT_WRITE_I	4	/* write word in child's I space */
#define PT_WRITE_D	5	/* write word in child's D space */
#define PT_CONTINUE	7	/* continue the child */
#define PT_KILL		8	/* kill the child process */
#define PT_STEP		9	/* single step the child */
#define PT_ATTACH	10	/* trace some running process */
#define PT_DETACH	11	/* stop tracing a process */
#define PT_IO		12	/* do I/O to/from the stopped process */
#define PT_LWPINFO	13	/* information about the last stop */
#define PT_GETNUMLWPS	14	/* how many threads the process has */
#define PT_GETLWPLIST	15	/* their ids: addr an lwpid_t array of data entries */
#define PT_CLEARSTEP	16	/* turn off single stepping */
#define PT_SETSTEP	17	/* turn on single stepping */
#define PT_SUSPEND	18	/* the thread stays stopped when the process goes on */
#define PT_RESUME	19	/* ... no longer */
#define PT_TO_SCE	20	/* continue to the next system call entry */
#define PT_TO_SCX	21	/* continue to the next system call exit */
#define PT_SYSCALL	22	/* continue to the next system call entry or exit */
#define PT_FOLLOW_FORK	23	/* data != 0: follow forks (PTRACE_FORK) */
#define PT_LWP_EVENTS	24	/* data != 0: report thread birth and death (PTRACE_LWP) */
#define PT_GET_EVENT_MASK 25	/* *(int *)addr = the event mask; data = sizeof(int) */
#define PT_SET_EVENT_MASK 26	/* the event mask = *(int *)addr; data = sizeof(int) */
#define PT_GET_SC_ARGS	27	/* arguments of the system call at this stop */
#define PT_GET_SC_RET	28	/* result of the system call at an exit stop */
#define PT_GETREGS	33	/* get general-purpose registers */
#define PT_SETREGS	34	/* set general-purpose registers */
#define PT_GETFPREGS	35	/* get floating-point registers */
#define PT_SETFPREGS	36	/* set floating-point registers */
#define PT_GETDBREGS	37	/* get debugging registers */
#define PT_SETDBREGS	38	/* set debugging registers */
#define PT_FIRSTMACH	64	/* first machine-dependent request */
#define PT_GETXMMREGS	(PT_FIRSTMACH + 0)	/* i386: the FXSAVE image */
#define PT_SETXMMREGS	(PT_FIRSTMACH + 1)

struct ptrace_io_desc {
	int	piod_op;	/* I/O operation */
	void	*piod_offs;	/* child offset */
	void	*piod_addr;	/* parent offset */
	size_t	piod_len;	/* request length; bytes moved on return */
};

/* Events for PT_GET_EVENT_MASK and PT_SET_EVENT_MASK. */
#define PTRACE_EXEC	0x0001	/* stop after execve (PL_FLAG_EXEC) */
#define PTRACE_SCE	0x0002	/* stop at every system call entry */
#define PTRACE_SCX	0x0004	/* stop at every system call exit */
#define PTRACE_SYSCALL	(PTRACE_SCE | PTRACE_SCX)
#define PTRACE_FORK	0x0008	/* follow fork and vfork: trace the child too */
#define PTRACE_LWP	0x0010	/* thread birth and death (PL_FLAG_BORN, PL_FLAG_EXITED) */
#define PTRACE_VFORK	0x0020	/* stop when a vfork child lets its parent go */

#define PTRACE_DEFAULT	(PTRACE_EXEC)	/* the mask PT_TRACE_ME and PT_ATTACH set */

#define PIOD_READ_D	1	/* read from D space */
#define PIOD_WRITE_D	2	/* write to D space */
#define PIOD_READ_I	3	/* read from I space */
#define PIOD_WRITE_I	4	/* write to I space */

/* PT_LWPINFO: what the last stop was (FreeBSD's layout, one thread per process). */
struct ptrace_lwpinfo {
	lwpid_t		pl_lwpid;	/* the thread the report is about */
	int		pl_event;	/* PL_EVENT_* */
	int		pl_flags;	/* PL_FLAG_* */
	sigset_t	pl_sigmask;	/* blocked signals */
	sigset_t	pl_siglist;	/* pending signals */
	siginfo_t	pl_siginfo;	/* the signal that caused the stop */
	char		pl_tdname[20];	/* program name */
	pid_t		pl_child_pid;	/* PL_FLAG_FORKED: the new child */
	unsigned int	pl_syscall_code;	/* number at a system call stop */
	unsigned int	pl_syscall_narg;	/* its argument count */
};
#define PL_EVENT_NONE	0
#define PL_EVENT_SIGNAL	1
#define PL_FLAG_SA	0x01
#define PL_FLAG_BOUND	0x02
#define PL_FLAG_SCE	0x04	/* stopped at system call entry */
#define PL_FLAG_SCX	0x08	/* stopped at system call exit */
#define PL_FLAG_EXEC	0x10	/* stopped after execve */
#define PL_FLAG_SI	0x20	/* pl_siginfo is valid */
#define PL_FLAG_FORKED	0x40	/* returning from a fork that made pl_child_pid */
#define PL_FLAG_CHILD	0x80	/* the first stop of a followed fork's child */
#define PL_FLAG_BORN	0x100	/* a new thread's first stop */
#define PL_FLAG_EXITED	0x200	/* a thread's last stop, in thr_exit */
#define PL_FLAG_VFORKED	0x400	/* with PL_FLAG_FORKED: the fork was a vfork */
#define PL_FLAG_VFORK_DONE 0x800 /* the vfork child let go: the parent goes on */

/* PT_GET_SC_RET */
struct ptrace_sc_ret {
	register_t	sr_retval[2];	/* result registers (eax, edx) */
	int		sr_error;	/* 0, the errno, or as FreeBSD: -1 restart, -2 just return */
};

#ifndef _KERNEL
int	ptrace(int _request, pid_t _pid, caddr_t _addr, int _data);
#endif

#endif
