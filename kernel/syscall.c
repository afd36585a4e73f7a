/*
 * syscall.c - the system call path: int $0x80 arrives here (through
 * Xsyscall in kernel/i386/vectors.asm) with the trap frame on the stack.
 *
 * Around the call itself are the hooks that make tracing work: the stops
 * at system call entry and exit that the tracer's event mask asks for
 * (PTRACE_SCE, PTRACE_SCX; the tracer may change the number and arguments
 * at the entry stop, and the result at the exit stop; a PT_KILL there means
 * the call never runs), the exit stop that reports an exec or a followed
 * fork, the vfork parent's wait for its child, and the single-step trap. Entering the kernel through int $0x80
 * turns single-stepping off, and returning turns it back on one instruction
 * too late; so when the caller was being stepped (as it is once the entry
 * stop is over, or as the tracer says at the exit stop), the kernel posts
 * the step's SIGTRAP itself as the call returns, and the step stops exactly
 * at the instruction after int $0x80.
 *
 * Where the number, the arguments and the results travel is the machine's
 * business: kernel/i386/syscall_md.h.
 */
#include <stddef.h>
#include <sys/errno.h>
#include <sys/ptrace.h>
#include <sys/signal.h>
#include <sys/syscall.h>
#include "kernel/syscall.h"
#include "kernel/i386/syscall_md.h"
#include "proc/proc.h"
#include "proc/sys_process.h"

/*
 * The system call the current thread made with int $0x80 or SYSENTER
 * (kernel/i386/vectors.asm, sysenter.c); tf is its trap frame, which only
 * the machine-dependent helpers of kernel/i386/syscall_md.h look into.
 */
void
syscall(struct trapframe *tf)
{
	struct thread *td = curthread;
	struct proc *p = td->td_proc;
	uint32_t code;
	int error, stepping;

	enable_intr();
	cpu_fetch_syscall_args(td);
	if (p->p_flag & P_TRACED) {
		if (p->p_ptevents & PTRACE_SCE) {
			ptrace_syscall_stop(td, TDB_SCE);
			cpu_fetch_syscall_args(td);	/* the tracer may have changed it */
		}
		if ((p->p_siglist & SIGMASK(SIGKILL)) || thread_must_exit(td))
			goto out;		/* PT_KILL at the entry stop: no call */
	}
	code = td->td_sc_code;
	stepping = cpu_syscall_stepping(td);
	td->td_retval[0] = 0;
	td->td_retval[1] = 0;
	if (code < SYS_MAXSYSCALL && sysent[code].sy_call != NULL)
		error = sysent[code].sy_call(td, td->td_sc_args);
	else
		error = ENOSYS;
	cpu_set_syscall_retval(td, error);
	if ((p->p_flag & P_TRACED) && ((p->p_ptevents & PTRACE_SCX) ||
	    (td->td_dbgflags & (TDB_EXEC | TDB_FORK)))) {
		td->td_sc_error = error;	/* ERESTART, EJUSTRETURN too */
		ptrace_syscall_stop(td, TDB_SCX);
		stepping = (td->td_dbgflags & TDB_STEP) != 0;	/* the tracer's say now */
	}
	if (td->td_rfppwait != 0)
		fork_rfppwait(td);
	if (stepping && error != ERESTART)
		ptrace_syscall_step(td);
out:
	if (userret_pending(td))
		userret(tf);
}
