/*
 * sys_process.h - process tracing (ptrace), the parts other files call.
 */
#ifndef PROC_SYS_PROCESS_H
#define PROC_SYS_PROCESS_H

#include <stddef.h>
#include <stdint.h>

struct thread;
struct proc;

int	kern_ptrace(struct thread *td, int req, int pid, void *addr, int data);
int	proc_rwmem(struct proc *p, uint32_t addr, void *kbuf, size_t len,
	    int write, size_t *done);
void	ptrace_syscall_stop(struct thread *td, int which);
void	ptrace_tracer_exit(struct proc *tracer);
void	ptrace_detach(struct proc *p, int sig);

#endif
