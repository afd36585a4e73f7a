/*
 * kern_fork.c - fork: a new process that is a copy of the caller.
 *
 * The child gets its own process-table slot and kernel stack, a
 * copy-on-write copy of the address space (vm/vm_map.c), references to the
 * same open files, the same signal actions and mask, and a copy of the
 * caller's FPU state. Not inherited: tracing, pending signals, debug
 * registers (an untraced child with an inherited watchpoint would only die
 * of SIGTRAP) and a single step. cpu_fork() lays out its kernel stack so
 * that its first context switch "returns" into fork_trampoline, which calls
 * fork_exit() and leaves for user mode as if from fork() itself, with the
 * result 0.
 */
#include <string.h>
#include <sys/errno.h>
#include "proc/proc.h"
#include "kernel/fs/file.h"
#include "kernel/syscall.h"
#include "kernel/i386/x86.h"
#include "vm/vm.h"

int
fork1(struct thread *td, struct proc **newp)
{
	struct proc *p1 = td->td_proc, *p2;
	struct thread *td2;
	int i;

	if ((p2 = proc_alloc()) == NULL)
		return EAGAIN;
	p2->p_vmspace = vmspace_fork(p1->p_vmspace);
	if (p2->p_vmspace == NULL) {
		proc_free(p2);
		return ENOMEM;
	}
	td2 = FIRST_THREAD_IN_PROC(p2);
	p2->p_pptr = p1;
	p2->p_pgid = p1->p_pgid;
	p2->p_sid = p1->p_sid;
	p2->p_flag |= p1->p_flag & P_CONTROLT;
	p2->p_cred = p1->p_cred;
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
	cpu_fork(td, td2);
	p2->p_state = PRS_NORMAL;
	sched_add(td2);
	*newp = p2;
	return 0;
}

/*
 * Every new thread starts here, called by fork_trampoline with interrupts
 * off: it runs callout (a thread made by cpu_thread_init), then leaves for
 * user mode through frame like any system call.
 */
void
fork_exit(void (*callout)(void), struct trapframe *frame)
{
	enable_intr();
	if (callout != NULL)
		callout();
	userret(frame);
}

int
sys_fork(struct thread *td, uint32_t *args)
{
	struct proc *p2;
	int error;

	(void)args;
	if ((error = fork1(td, &p2)) != 0)
		return error;
	td->td_retval[0] = p2->p_pid;
	return 0;
}
