/*
 * kern_fork.c - fork and vfork: a new process that is a copy of the caller.
 *
 * The child gets its own process-table slot and one thread, a copy of
 * the calling thread only (FreeBSD's rule: the others do not exist in the
 * child), with its own kernel stack, a
 * copy-on-write copy of the address space (vm/vm_map.c), references to the
 * same open files, the same signal actions and mask, the same resource
 * limits (RLIMIT_NPROC may refuse the fork: proc/kern_resource.c), and a
 * copy of the caller's FPU state. Not inherited: tracing (unless the tracer follows
 * forks, proc/ptrace_stops.c), pending signals, debug registers (an
 * untraced child with an inherited watchpoint would only die of SIGTRAP)
 * and a single step. cpu_fork() lays out its kernel stack so that its first
 * context switch "returns" into fork_trampoline, which calls fork_exit()
 * and leaves for user mode as if from fork() itself, with the result 0.
 *
 * The last NPROC_ROOT slots are root's (FreeBSD keeps the last 10 of
 * maxproc): enough for root to start a shell, run ps and kill a user's
 * fork bomb. The kernel stack comes from the pages kept for root only
 * when the caller is root (vm/page.c).
 *
 * vfork (RFPPWAIT) copies no memory: the child borrows the parent's address
 * space (one more reference on it) and the parent sleeps until the child
 * execs or exits (P_PPWAIT on the child; vfork_release() ends it). A
 * SIGKILL ends the parent's wait early; the address space stays with the
 * child.
 */
#include <string.h>
#include <sys/errno.h>
#include "proc/proc.h"
#include "proc/sys_process.h"
#include "kernel/fs/file.h"
#include "kernel/syscall.h"
#include "kernel/i386/x86.h"
#include "vm/vm.h"

int
fork1(struct thread *td, int flags, struct proc **newp)
{
	struct proc *p1 = td->td_proc, *p2;
	struct thread *td2;
	int i;

	if ((i = lim_nproc_check(p1)) != 0)
		return i;
	if ((proc_count() >= NPROC - NPROC_ROOT && !priv_reserve_ok()) ||
	    (p2 = proc_alloc()) == NULL)
		return EAGAIN;
	if (flags & RFPPWAIT)
		p2->p_vmspace = vmspace_share(p1->p_vmspace);
	else
		p2->p_vmspace = vmspace_fork(p1->p_vmspace);
	if (p2->p_vmspace == NULL) {
		proc_free(p2);
		return ENOMEM;
	}
	td2 = FIRST_THREAD_IN_PROC(p2);
	p2->p_pptr = p1;
	p2->p_reaper = (p1->p_treeflag & P_TREE_REAPER) ? p1 : p1->p_reaper;
	p2->p_pgid = p1->p_pgid;
	p2->p_sid = p1->p_sid;
	p2->p_flag |= p1->p_flag & P_CONTROLT;
	p2->p_cred = p1->p_cred;
	lim_fork(p1, p2);
	p2->p_flag2 = p1->p_flag2 & (P2_NOTRACE | P2_NOTRACE_EXEC);
	p2->p_sigacts = p1->p_sigacts;
	p2->p_sigcode = p1->p_sigcode;
	memcpy(p2->p_comm, p1->p_comm, sizeof(p2->p_comm));
	for (i = 0; i < NOFILE; i++)
		if ((p2->p_fd[i] = p1->p_fd[i]) != NULL)
			fhold(p2->p_fd[i]);
	memcpy(p2->p_fdflags, p1->p_fdflags, sizeof(p2->p_fdflags));
	memcpy(p2->p_cwd, p1->p_cwd, sizeof(p2->p_cwd));
	p2->p_umask = p1->p_umask;
	td2->td_sigmask = td->td_sigmask;
	td2->td_sc_code = td->td_sc_code;
	memcpy(td2->td_sc_args, td->td_sc_args, sizeof(td2->td_sc_args));
	cpu_fork(td, td2);
	if (flags & RFPPWAIT)
		p2->p_flag |= P_PPWAIT;
	ptrace_fork(td, p2);
	p2->p_state = PRS_NORMAL;
	sched_add(td2);
	*newp = p2;
	return 0;
}

/*
 * Every new thread starts here, called by fork_trampoline with interrupts
 * off: it runs callout (a thread made by cpu_thread_init), or makes a
 * followed fork's stop, then leaves for user mode through frame like any
 * system call.
 */
void
fork_exit(void (*callout)(void), struct trapframe *frame)
{
	enable_intr();
	thread_reap();
	if (callout != NULL)
		callout();
	if (curthread->td_dbgflags & TDB_STOPATFORK)
		ptrace_fork_child(curthread);
	if (curthread->td_dbgflags & TDB_BORN)
		ptrace_lwp_born(curthread);
	userret(frame);
}

int
sys_fork(struct thread *td, uint32_t *args)
{
	struct proc *p2;
	int error;

	(void)args;
	if ((error = fork1(td, 0, &p2)) != 0)
		return error;
	td->td_retval[0] = p2->p_pid;
	return 0;
}

/* The parent waits in fork_rfppwait(), after the call's exit stop. */
int
sys_vfork(struct thread *td, uint32_t *args)
{
	struct proc *p2;
	int error;

	(void)args;
	if ((error = fork1(td, RFPPWAIT, &p2)) != 0)
		return error;
	td->td_retval[0] = p2->p_pid;
	td->td_rfppwait = p2->p_pid;
	td->td_dbgflags |= TDB_VFORK;
	return 0;
}

/*
 * The vfork parent td waits here (kernel/syscall.c calls it on the way
 * out) until its child lets go of the address space, then makes the
 * tracer's PTRACE_VFORK stop.
 */
void
fork_rfppwait(struct thread *td)
{
	struct proc *p = td->td_proc, *p2;
	pid_t pid = td->td_rfppwait;

	td->td_rfppwait = 0;
	while ((p2 = pfind_any(pid)) != NULL && p2->p_pptr == p &&
	    (p2->p_flag & P_PPWAIT) && !(p->p_siglist & SIGMASK(SIGKILL)) &&
	    !thread_must_exit(td))
		tsleep(p, 0, "ppwait", 0);
	ptrace_vfork_done(td);
}

/* p, a vfork child, execs or exits: its parent may go on. */
void
vfork_release(struct proc *p)
{
	if (!(p->p_flag & P_PPWAIT))
		return;
	p->p_flag &= ~(P_PPWAIT | P_PPTRACE);
	wakeup(p->p_pptr);
}
