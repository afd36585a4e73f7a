/*
 * kern_fork.c - fork: a new process that is a copy of the caller.
 *
 * The child gets its own process-table slot and kernel stack, a
 * copy-on-write copy of the address space (vm/vm_map.c), references to the
 * same open files, the same signal actions and mask, and a copy of the
 * caller's FPU state. Not inherited: tracing, pending signals, debug
 * registers (an untraced child with an inherited watchpoint would only die
 * of SIGTRAP) and the trap flag. Its kernel stack is laid out so that its
 * first context switch "returns" into fork_trampoline, which leaves for user
 * mode through the copied trap frame with eax = 0.
 */
#include <string.h>
#include <sys/errno.h>
#include "proc/proc.h"
#include "kernel/fs/file.h"
#include "kernel/i386/fpu.h"
#include "kernel/i386/frame.h"
#include "kernel/syscall.h"
#include "kernel/i386/x86.h"
#include "vm/vm.h"

void	fork_trampoline(void);

/* What swtch() pops for a thread that has never run. */
struct switchframe {
	uint32_t sf_edi;
	uint32_t sf_esi;
	uint32_t sf_ebx;
	uint32_t sf_ebp;
	uint32_t sf_eip;
};

static void
thread_init_stack(struct thread *td, const struct trapframe *parent_tf)
{
	uint8_t *top = td->td_kstack + KSTACK_SIZE;
	struct switchframe *sf;

	td->td_frame = (struct trapframe *)(top - sizeof(struct trapframe));
	*td->td_frame = *parent_tf;
	sf = (struct switchframe *)td->td_frame - 1;
	memset(sf, 0, sizeof(*sf));
	sf->sf_eip = (uint32_t)fork_trampoline;
	td->td_pcb.pcb_esp = (uint32_t)sf;
}

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
	p2->p_cred = p1->p_cred;
	p2->p_sigacts = p1->p_sigacts;
	p2->p_sigcode = p1->p_sigcode;
	memcpy(p2->p_comm, p1->p_comm, sizeof(p2->p_comm));
	for (i = 0; i < NOFILE; i++)
		if ((p2->p_fd[i] = p1->p_fd[i]) != NULL)
			fhold(p2->p_fd[i]);
	td2->td_sigmask = td->td_sigmask;
	td2->td_pcb.pcb_cr3 = p2->p_vmspace->vm_pd;
	fpu_fork(td, td2);
	thread_init_stack(td2, td->td_frame);
	td2->td_frame->tf_eax = 0;		/* fork() returns 0 in the child */
	td2->td_frame->tf_edx = 0;
	td2->td_frame->tf_eflags &= ~PSL_T;
	p2->p_state = PRS_NORMAL;
	sched_add(td2);
	*newp = p2;
	return 0;
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
