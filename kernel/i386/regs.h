/*
 * regs.h - the machine-dependent register interface that proc/sys_process.c
 * and signal delivery use (FreeBSD's names): general registers to and from
 * struct reg, the one validator for any register image that comes from user
 * space, and single-stepping.
 */
#ifndef KERNEL_I386_REGS_H
#define KERNEL_I386_REGS_H

#include <stdint.h>

struct thread;
struct reg;
struct fpreg;
struct xmmreg;
struct dbreg;
struct trapframe;

void	fill_regs(struct thread *td, struct reg *r);
int	regs_validate(const struct trapframe *cur, const struct reg *r);
int	set_regs(struct thread *td, const struct reg *r);
int	ptrace_set_pc(struct thread *td, uint32_t addr);

/* kernel/i386/ptrace_step.c: single-stepping, and who owns EFLAGS.TF */
int	ptrace_single_step(struct thread *td);
int	ptrace_clear_single_step(struct thread *td);
void	ptrace_step_trap(struct thread *td, struct trapframe *tf);
void	ptrace_step_sendsig(struct thread *td, int *saved_eflags, uint32_t uc);
void	ptrace_step_sigreturn(struct thread *td, uint32_t uc);

int	fill_fpregs(struct thread *td, struct fpreg *fp);
int	set_fpregs(struct thread *td, const struct fpreg *fp);
int	fill_xmmregs(struct thread *td, struct xmmreg *xr);
int	set_xmmregs(struct thread *td, const struct xmmreg *xr);
int	fill_dbregs(struct thread *td, struct dbreg *d);
int	set_dbregs(struct thread *td, const struct dbreg *d);

/* The EFLAGS bits a user (or a debugger) may change. */
#define PSL_USERCHANGE	(PSL_C | PSL_PF | PSL_AF | PSL_Z | PSL_N | PSL_T | \
			 PSL_D | PSL_V | PSL_RF | PSL_AC | PSL_ID)

#endif
