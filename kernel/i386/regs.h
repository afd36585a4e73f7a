/*
 * regs.h - register access inside kernel/i386/: the one validator for any
 * register image that comes from user space, and the hooks that keep a
 * single step right across traps and signal handlers. What proc/ calls
 * (fill_regs, set_regs, ptrace_single_step, ...) is declared in
 * proc/sys_process.h.
 */
#ifndef KERNEL_I386_REGS_H
#define KERNEL_I386_REGS_H

#include <stdint.h>
#include "proc/sys_process.h"

struct thread;
struct reg;
struct trapframe;

int	regs_validate(const struct trapframe *cur, const struct reg *r);

/* kernel/i386/ptrace_step.c: single-stepping, and who owns EFLAGS.TF */
void	ptrace_step_trap(struct thread *td, struct trapframe *tf);
void	ptrace_syscall_step(struct thread *td);
void	ptrace_step_sendsig(struct thread *td, int *saved_eflags, uint32_t uc);
void	ptrace_step_sigreturn(struct thread *td, uint32_t uc);

/* The EFLAGS bits a user (or a debugger) may change. */
#define PSL_USERCHANGE	(PSL_C | PSL_PF | PSL_AF | PSL_Z | PSL_N | PSL_T | \
			 PSL_D | PSL_V | PSL_RF | PSL_AC | PSL_ID)

#endif
