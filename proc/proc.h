/*
 * proc.h - processes and threads, split the way FreeBSD splits them. A thread
 * is what runs: its trap frame, kernel stack, saved context, FPU and debug
 * registers (in its pcb), its signal mask and its sleep state. A process owns
 * what its threads share: pid, parent, credentials, signal actions and
 * pending signals, the address space, open files, and the tracing state.
 * A process has one or more threads (thr_new adds them), linked on
 * p_threads; each has its own id (td_tid, from PID_MAX + 2 up, as FreeBSD
 * numbers them), and proc/kern_thread.c keeps the table of them.
 *
 * proc/ is machine-independent. What only the CPU can do (build a kernel
 * stack, switch to another thread, set up registers for a new image) is
 * asked of kernel/i386/ through the cpu_* functions declared at the end of
 * this file; the i386 state of a thread is in td_md and td_pcb, which only
 * kernel/i386/ looks into.
 *
 * There is one CPU and the kernel is not preempted: kernel code runs until it
 * sleeps or returns to user mode, and only interrupt handlers can run in the
 * middle of it. State shared with interrupt handlers is changed with
 * interrupts disabled; everything else needs no lock.
 */
#ifndef PROC_PROC_H
#define PROC_PROC_H

#include <sys/types.h>
#include <sys/signal.h>
#include <sys/proc.h>
#include <sys/resource.h>
#include "kernel/i386/proc_md.h"
#include "kernel/fs/vfs.h"

#define NPROC		64	/* process table slots */
#define NPROC_ROOT	4	/* the last ones only root may fork into */
#define NOFILE		32	/* open files per process */
#define MAXCOMLEN	19
#define PID_MAX		99999
#define NTHREAD		192	/* thread table slots, for all processes */
#define THREAD0_TID	(PID_MAX + 1)	/* the idle thread's id; others above */

struct trapframe;
struct vmspace;
struct file;
struct ksiginfo;

struct ucred {
	uid_t	cr_ruid;	/* real user id */
	uid_t	cr_uid;		/* effective user id */
	uid_t	cr_svuid;	/* saved set-user-id */
	gid_t	cr_rgid;
	gid_t	cr_gid;
	gid_t	cr_svgid;
};

struct sigacts {
	void		(*ps_handler[NSIG])(int);
	uint32_t	ps_catchmask[NSIG];	/* blocked while the handler runs */
	int		ps_flags[NSIG];		/* SA_* */
};

/* One pending instance of a signal (proc/kern_sigqueue.c). */
struct ksiginfo {
	struct ksiginfo	*ksi_next;
	struct thread	*ksi_td;	/* sent to this thread; NULL: to the process */
	int		ksi_flags;
#define KSI_TRAP	0x01	/* a trap of the thread (trapsignal) */
#define KSI_PTRACE	0x02	/* given by the tracer: delivered without a stop */
#define KSI_SIGQ	0x04	/* sigqueue(2): refused (EAGAIN) if the queue is full */
#define KSI_HEAD	0x08	/* queue it first, not last */
#define KSI_INTHREAD	0x10	/* it is its thread's td_ksi, not from the heap */
	siginfo_t	ksi_info;
};

struct thread {
	struct proc		*td_proc;
	lwpid_t			td_tid;		/* thread id; 0: a free slot */
	struct thread		*td_plist;	/* the next thread of td_proc */
	char			td_name[MAXCOMLEN + 1];	/* thr_set_name; "" = p_comm */
	struct trapframe	*td_frame;	/* user registers, top of kstack */
	uint8_t			*td_kstack;	/* KSTACK_SIZE bytes */
	int			td_state;
#define TDS_INACTIVE	0
#define TDS_RUNQ	1	/* on the run queue */
#define TDS_RUNNING	2	/* curthread */
#define TDS_SLEEPING	3	/* in tsleep(), or stopped */
	const void		*td_wchan;	/* what it sleeps on */
	const char		*td_wmesg;	/* why, for ps */
	uint64_t		td_timeout;	/* tick to wake at, 0 = none */
	int			td_flags;
#define TDF_SINTR	0x0001	/* sleep can be interrupted by a signal */
#define TDF_TIMEDOUT	0x0002	/* woken by the timeout */
#define TDF_NEEDRESCHED	0x0004	/* switch before returning to user mode */
#define TDF_ASTPENDING	0x0008	/* check signals before returning to user mode */
#define TDF_DBHIT	0x0010	/* a watchpoint fired inside the kernel */
#define TDF_OLDMASK	0x0020	/* restore td_oldmask after sigsuspend */
#define TDF_UMTXWAKE	0x0040	/* _umtx_op woke it (not a timeout or signal) */
#define TDF_THRWAKEUP	0x0080	/* thr_wake: the next thr_suspend returns at once */
#define TDF_SELFWAKE	0x0100	/* thr_wake of itself: the next interruptible sleep is EINTR */
	int			td_dbgflags;	/* tracing state (FreeBSD's TDB_* values) */
#define TDB_SUSPEND	0x0001	/* PT_SUSPEND: stays stopped when the process goes on */
#define TDB_SCE		0x0008	/* stopped at a system call entry */
#define TDB_SCX		0x0010	/* stopped at a system call exit */
#define TDB_EXEC	0x0020	/* execve done: its exit stop reports it */
#define TDB_FORK	0x0040	/* fork done and followed: its exit stop reports it */
#define TDB_STOPATFORK	0x0080	/* a followed child: stop on the way out of fork */
#define TDB_CHILD	0x0100	/* that stop of the new child */
#define TDB_BORN	0x0200	/* its first stop reports its birth (PTRACE_LWP) */
#define TDB_EXIT	0x0400	/* stopped in thr_exit (PTRACE_LWP) */
#define TDB_VFORK	0x0800	/* in vfork, until the child has let go */
#define TDB_STEP	0x2000	/* the debugger asked for one step (PT_STEP) */
#define TDB_SETSTEP	0x10000	/* PT_SETSTEP: the next resume steps */
	pid_t			td_dbg_forked;	/* TDB_FORK: the new child */
	pid_t			td_rfppwait;	/* vfork: the child we wait for, 0: none */
	uint32_t		td_sigmask;	/* blocked signals */
	uint32_t		td_siglist;	/* pending signals sent to this thread */
	const void		*td_umtx;	/* the user address _umtx_op waits on */
	uint32_t		td_umtx_pa;	/* its physical address if shared, else 0 */
	uint32_t		td_umtx_seq;	/* when it began to (oldest woken first) */
	uint32_t		td_oldmask;	/* mask to restore after sigsuspend */
	int			td_sc_code;	/* system call at a syscall stop */
	uint32_t		td_sc_args[6];
	int			td_sc_error;
	uint32_t		td_sigforce;	/* traps the tracer sees even while blocked */
	uint32_t		td_retval[2];	/* system call results */
	siginfo_t		td_si;		/* the signal being reported or delivered */
	struct ksiginfo		td_ksi;		/* an instance sent to it, kmalloc spared */
	struct thread		*td_runq;	/* run-queue link */
	struct thread		*td_slpnext;	/* sleep-queue links */
	struct thread		*td_slpprev;
	struct mdthread		td_md;		/* machine-dependent state */
	struct pcb		td_pcb;		/* saved context, FPU, debug registers */
};

struct proc {
	pid_t			p_pid;
	int			p_state;
#define PRS_FREE	0
#define PRS_NEW		1	/* being created */
#define PRS_NORMAL	2
#define PRS_ZOMBIE	3
	int			p_flag;		/* P_* of <sys/proc.h> */
	int			p_flag2;	/* P2_* of <sys/proc.h>, and Kestrel's own: */
#define P2_TRACE_ATTACH	0x01000000	/* traced through PT_ATTACH (else PT_TRACE_ME) */
#define P2_STOPREPORTED	0x02000000	/* the parent collected the job-control stop */
	int			p_ptevents;	/* PTRACE_* events the tracer wants */
	int			p_treeflag;
#define P_TREE_REAPER	0x0004		/* reaper of its subtree (procctl) */
	struct proc		*p_reaper;	/* adopts our orphaned descendants */
	struct proc		*p_pptr;	/* parent (what getppid() reports) */
	struct proc		*p_tracer;	/* debugger, when P_TRACED */
	pid_t			p_pgid;		/* process group */
	pid_t			p_sid;		/* session: its leader's pid */
	struct ucred		p_cred;
	struct rlimit		p_rlimit[RLIM_NLIMITS];	/* proc/kern_resource.c */
	int			p_xstat;	/* exit status, or stop signal */
	uint32_t		p_siglist;	/* signals with an instance pending */
	uint32_t		p_sigkill;	/* ... of which one without siginfo */
	struct ksiginfo		*p_sigqueue;	/* the instances with siginfo, oldest first */
	int			p_pendingcnt;	/* how many of those */
	struct sigacts		p_sigacts;
	struct vmspace		*p_vmspace;
	struct file		*p_fd[NOFILE];
	uint8_t			p_fdflags[NOFILE];	/* UF_EXCLOSE */
#define UF_EXCLOSE	0x01	/* close on exec */
	char			p_cwd[VFS_PATHMAX];	/* current directory, resolved */
	mode_t			p_umask;
	uint32_t		p_sigcode;	/* user address of the signal trampoline */
	uint64_t		p_alarm;	/* tick at which SIGALRM is due, 0: none */
	char			p_comm[MAXCOMLEN + 1];
	struct proc		*p_allnext;	/* allproc: every slot in use */
	struct proc		*p_allprev;
	struct thread		*p_threads;	/* its threads, oldest first */
	int			p_numthreads;
	struct thread		*p_singlethread; /* the one thread ending the others */
	struct thread		*p_xthread;	/* the thread whose stop the tracer sees */
};

#define FIRST_THREAD_IN_PROC(p)	((p)->p_threads)
#define FOREACH_THREAD_IN_PROC(p, td)					\
	for ((td) = (p)->p_threads; (td) != NULL; (td) = (td)->td_plist)

extern struct proc proc_table[NPROC];
extern struct proc *allproc;		/* the slots in use, newest first */
#define FOREACH_PROC(p)	for ((p) = allproc; (p) != NULL; (p) = (p)->p_allnext)
extern struct thread *curthread;
extern struct proc *initproc;
#define curproc	(curthread->td_proc)

#define SIGMASK(sig)	(1u << ((sig) - 1))
#define SIG_CANTMASK	(SIGMASK(SIGKILL) | SIGMASK(SIGSTOP))

/* proc/proc.c: the process table */
void		proc_init(void);
struct proc	*proc_alloc(void);
void		proc_free(struct proc *p);
void		proc_link(struct proc *p);
struct proc	*pfind(pid_t pid);
struct proc	*pfind_any(pid_t pid);
int		proc_count(void);
void		proc_set_comm(struct proc *p, const char *path);
const char	*proc_comm_selftest(void);	/* NULL, or what went wrong */

/* proc/kern_resource.c: resource limits */
extern int	maxprocperuid;
extern int	maxfilesperproc;
void		lim_init(struct proc *p);
void		lim_fork(struct proc *p1, struct proc *p2);
rlim_t		lim_cur(struct proc *p, int which);
int		lim_nofile(struct proc *p);
int		lim_nproc_check(struct proc *p);
uint32_t	lim_stack_guard(struct proc *p, uint32_t sp);

/*
 * proc/kern_thread.c: the thread table, and the life of threads after the
 * first (FreeBSD's names). thread_exit() ends a thread that is not its
 * process's last; its kernel stack is freed by whoever runs after it
 * (thread_reap, after every switch). thread_single() ends every other
 * thread of td's process and returns once td is alone (0), or ERESTART if
 * another thread is already doing that (td should go back to user mode,
 * where it will end). thread_suspend_check() is userret's: end the thread
 * if its process is being single-threaded, wait while the process is
 * stopped or (if suspended) a debugger suspended it.
 */
extern struct thread thread_table[NTHREAD];
struct thread	*thread_alloc(void);
void		thread_free(struct thread *td);
void		thread_link(struct thread *td, struct proc *p);
struct thread	*tdfind(lwpid_t tid, pid_t pid);
void		thread_reap_dead(void);
extern struct thread *dead_threads;

/* After every switch: one test in the common case, when no thread ended. */
static inline void
thread_reap(void)
{
	if (dead_threads != NULL)
		thread_reap_dead();
}
void		thread_exit(struct thread *td) __attribute__((noreturn));
int		thread_single(struct thread *td);
void		thread_single_end(struct proc *p);
void		thread_suspend_check(struct thread *td, int suspended);
int		thread_should_park(const struct thread *td, int suspended);
#define PARK_STOPPED	1	/* thread_should_park: the process is stopped */
#define PARK_SUSPENDED	2	/* ... the tracer suspended the thread */
const char	*thread_name(const struct thread *td);

/* Must td end, because another thread of its process is ending them all? */
static inline int
thread_must_exit(const struct thread *td)
{
	return (td->td_proc->p_flag & P_SINGLE_EXIT) &&
	    td->td_proc->p_singlethread != td;
}

/* Has td a reason to call thread_suspend_check()? One test when it has none. */
static inline int
thread_suspend_pending(const struct thread *td)
{
	return (td->td_proc->p_flag & (P_STOPPED | P_SINGLE_EXIT)) ||
	    (td->td_dbgflags & TDB_SUSPEND);
}

/*
 * Has userret() anything to do for td: a stop, a signal, a watchpoint hit
 * in the kernel, a mask to restore or a switch? Tested inline on the way
 * out of every system call, where the answer is nearly always no and the
 * one test (no branch per condition) is cheaper than the call.
 */
static inline int
userret_pending(const struct thread *td)
{
	const struct proc *p = td->td_proc;

	return ((p->p_flag & (P_STOPPED | P_SINGLE_EXIT)) |
	    (td->td_dbgflags & TDB_SUSPEND) |
	    (td->td_flags & (TDF_DBHIT | TDF_OLDMASK | TDF_NEEDRESCHED)) |
	    p->p_siglist | td->td_siglist) != 0;
}

/* proc/kern_umtx.c: wake up to n threads of p sleeping on uaddr (_umtx_op) */
int		umtx_wake(struct proc *p, const void *uaddr, int n);

/* proc/sys_signal.c: what the thread calls share with kill(2) */
int		p_cansignal(struct thread *td, struct proc *p);
void		sender_info(struct thread *td, int code, siginfo_t *si);

/* proc/kern_procctl.c: reapers */
void		reaper_abandon_children(struct proc *reaper);

/* proc/sched.c: run queue, context switch, sleep and wakeup */
void		sched_init(void);
void		sched_add(struct thread *td);
void		mi_switch(void);
void		sched_yield_cpu(void);
void		setrunnable(struct thread *td);
int		tsleep(const void *chan, int catch, const char *wmesg, uint32_t timo);
void		wakeup(const void *chan);
void		sched_clock(void);
void		idle_loop(void) __attribute__((noreturn));
extern uint32_t sched_switches;

/* proc/kern_fork.c, kern_exit.c, kern_exec.c */
#define RFPPWAIT	0x80000000	/* fork1: vfork (FreeBSD's rfork flag) */
int		fork1(struct thread *td, int flags, struct proc **newp);
void		fork_rfppwait(struct thread *td);
void		vfork_release(struct proc *p);
void		fork_exit(void (*callout)(void), struct trapframe *frame);
void		exit1(struct thread *td, int status) __attribute__((noreturn));
int		kern_execve(struct thread *td, const char *path, char *const *argv,
		    char *const *envp, int from_kernel);
void		proc_reap(struct proc *p);
void		proc_zombie_untrace(struct proc *p);
void		start_init(void);

/* proc/kern_jobc.c: process groups and sessions as job control sees them */
int		pgrp_orphaned(pid_t pgid);
void		jobc_exit(struct proc *p);

/* proc/kern_sigqueue.c: the pending instances of each signal */
extern int	max_pending_per_proc;
int		sigqueue_add(struct proc *p, struct thread *td, int sig,
		    const siginfo_t *si, int flags);
int		sigqueue_take(struct proc *p, struct thread *td, int sig,
		    siginfo_t *si, int *flags);
void		sigqueue_delete(struct proc *p, uint32_t set);
void		sigqueue_flush(struct proc *p);
void		sigqueue_thread_flush(struct thread *td);

/* proc/kern_sig.c: posting and delivering signals */
int		pksignal(struct proc *p, int sig, const siginfo_t *si, int flags);
int		tdksignal(struct thread *td, int sig, const siginfo_t *si,
		    int flags);
void		psignal(struct proc *p, int sig);
void		pgsignal(pid_t pgid, int sig);
void		trapsignal(struct thread *td, int sig, int code, uint32_t addr);
int		issignal(struct thread *td);
void		postsig(int sig);
void		userret(struct trapframe *tf);
int		sig_pending_unmasked(struct thread *td);
int		ptracestop(struct thread *td, int sig);
void		proc_stop_notify(struct proc *p);
void		sigacts_exec(struct proc *p);

/*
 * The machine-dependent half of a thread's life, with FreeBSD's names
 * (kernel/i386/vm_machdep.c unless another file is named). Only the two
 * that return an int can fail.
 *
 * cpu_thread0:	the boot thread becomes td: the boot stack is its kernel
 *		stack, the kernel's page tables its address space.
 * cpu_thread_init: td has never run and has no parent to copy: its first
 *		switch runs fn() in the kernel, then fork_exit() leaves for
 *		user mode through its (zeroed) frame; clean FPU state.
 * cpu_fork:	td2 will return from td1's system call as its copy: the same
 *		registers, a result of 0, no step, a copy of the FPU state,
 *		no debug registers.
 * cpu_thread_new: td, a new thread of td0's process, starts in user mode
 *		at entry(arg) on the stack [stack, stack + size), with td0's
 *		segments and TLS base, clean FPU state and no debug registers.
 * cpu_set_user_tls: td's TLS base (on i386, its segment for thread data)
 *		becomes base: 0, or EINVAL for a base outside user space.
 * cpu_switch:	make new curthread and run it; old continues from here when
 *		it is switched back in. Interrupts are off.
 * cpu_exit:	td is exiting: it gives up the FPU, its debug registers and
 *		its address space.
 * cpu_idle:	called with interrupts off: enable them and wait for the
 *		next one, with no wakeup lost in between.
 * exec_setregs: td starts its process's new image at entry, with stack
 *		pointer stack: the new address space live, and registers,
 *		FPU, debug registers and step state all clean.
 * sendsig:	(sendsig.c) run handler on the user stack with the
 *		interrupted context saved below it (siginfo: SA_SIGINFO's
 *		three arguments); a stack that cannot take it kills td.
 * sigcode_install: (sendsig.c) copy the signal trampoline below stack_top
 *		in vm; its address in *where. 0 or an errno.
 * sigcode_sysenter: (sysenter.c) where the SYSENTER stub is in the copy at
 *		sigcode_at, or 0 if system calls cannot enter that way.
 * dbreg_userret: (dbreg.c) a watchpoint fired while the kernel worked for
 *		td (TDF_DBHIT): report it on the way out to user mode.
 * cpu_kinfo:	(machdep.c) a kinfo() key only the machine can answer
 *		(CPU features, FPU): 0, or EINVAL for another key.
 */
void	cpu_thread0(struct thread *td);
void	cpu_thread_init(struct thread *td, void (*fn)(void));
void	cpu_fork(struct thread *td1, struct thread *td2);
void	cpu_thread_new(struct thread *td, struct thread *td0, uint32_t entry,
	    uint32_t arg, uint32_t stack, uint32_t size);
int	cpu_set_user_tls(struct thread *td, uint32_t base);
void	cpu_switch(struct thread *old, struct thread *new);
void	cpu_exit(struct thread *td);
void	cpu_idle(void);
void	exec_setregs(struct thread *td, uint32_t entry, uint32_t stack);
void	sendsig(struct thread *td, int sig, const siginfo_t *si,
	    void (*handler)(int), int siginfo);
int	sigcode_install(struct vmspace *vm, uint32_t stack_top, uint32_t *where);
uint32_t sigcode_sysenter(uint32_t sigcode_at);
void	dbreg_userret(struct thread *td);
int	cpu_kinfo(int key, uint32_t *value);

#endif
