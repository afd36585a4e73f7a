/*
 * sys_process.h - process tracing (ptrace): the parts other files call, and
 * the machine-dependent functions sys_process.c calls (FreeBSD's
 * <sys/ptrace.h> names), which kernel/i386/ implements.
 */
#ifndef PROC_SYS_PROCESS_H
#define PROC_SYS_PROCESS_H

#include <stddef.h>
#include <stdint.h>

struct thread;
struct proc;
struct reg;
struct fpreg;
struct xmmreg;
struct dbreg;
struct ptrace_lwpinfo;

int	kern_ptrace(struct thread *td, int req, int pid, void *addr, int data);
int	p_candebug(struct thread *td, struct proc *p);
int	proc_rwmem(struct proc *p, uint32_t addr, void *kbuf, size_t len,
	    int write, size_t *done);
void	ptrace_tracer_exit(struct proc *tracer);
void	ptrace_detach(struct proc *p, int sig);

/*
 * proc/ptrace_stops.c: the event stops of a traced thread (the header
 * comment there has the table) and PT_LWPINFO.
 * ptrace_syscall_stop: at a system call entry (TDB_SCE) or exit (TDB_SCX).
 * ptrace_fork: td forked p2; makes p2 traced if the tracer follows forks.
 * ptrace_fork_child: a followed child's stop before it first runs.
 * ptrace_vfork_done: the vfork parent goes on.
 * ptrace_post: the signal the tracer gave at such a stop.
 * ptrace_lwp_born, ptrace_lwp_exit: a new thread's first stop, and an
 *	ending thread's last, when the tracer asked for them (PTRACE_LWP).
 * ptrace_lwpinfo: PT_LWPINFO's report on thread td.
 */
void	ptrace_syscall_stop(struct thread *td, int which);
void	ptrace_fork(struct thread *td, struct proc *p2);
void	ptrace_fork_child(struct thread *td);
void	ptrace_vfork_done(struct thread *td);
void	ptrace_post(struct thread *td, int sig);
void	ptrace_lwpinfo(struct thread *td, struct ptrace_lwpinfo *pl);
void	ptrace_lwp_born(struct thread *td);
void	ptrace_lwp_exit(struct thread *td);

/*
 * Machine-dependent, for a stopped tracee td. The set_* functions validate
 * the whole image first and change nothing if it is refused (EINVAL);
 * otherwise everything returns 0.
 *
 * fill_regs ... set_dbregs (regs.c, dbreg.c): the registers as <machine/reg.h>
 *	lays them out; fill_xmmregs/set_xmmregs are EINVAL without FXSR.
 * ptrace_set_pc (regs.c): td resumes at addr.
 * ptrace_single_step (ptrace_step.c): td traps after its next instruction.
 * ptrace_clear_single_step: no trap on the debugger's behalf when td resumes
 *	(a step a signal handler interrupted still resumes at its sigreturn).
 * ptrace_forget_step: nothing of any step stays (detach, exec).
 */
void	fill_regs(struct thread *td, struct reg *r);
int	set_regs(struct thread *td, const struct reg *r);
int	fill_fpregs(struct thread *td, struct fpreg *fp);
int	set_fpregs(struct thread *td, const struct fpreg *fp);
int	fill_xmmregs(struct thread *td, struct xmmreg *xr);
int	set_xmmregs(struct thread *td, const struct xmmreg *xr);
int	fill_dbregs(struct thread *td, struct dbreg *d);
int	set_dbregs(struct thread *td, const struct dbreg *d);
int	ptrace_set_pc(struct thread *td, uint32_t addr);
int	ptrace_single_step(struct thread *td);
int	ptrace_clear_single_step(struct thread *td);
void	ptrace_forget_step(struct thread *td);

#endif
