/*
 * fpu.h - x87/SSE state management: CPU set-up, per-thread save areas,
 * eager or lazy switching, and the conversions ptrace and signals need.
 */
#ifndef KERNEL_I386_FPU_H
#define KERNEL_I386_FPU_H

#include <stdint.h>
#include "kernel/i386/pcb.h"

struct thread;
struct trapframe;
struct fpreg;
struct xmmreg;

#define FPU_DEFAULT_CW		0x037f
#define FPU_DEFAULT_MXCSR	0x1f80

extern int fpu_has_fxsr;	/* FXSAVE format (else FNSAVE) */
extern int fpu_lazy;		/* kernel option fpu=lazy */
extern uint32_t fpu_mxcsr_mask;	/* bits MXCSR may hold; 0 without FXSR */

void	fpu_init(void);
void	fpu_switch(struct thread *old, struct thread *new);
int	fpu_dna(void);
void	fpu_exec(struct thread *td);
void	fpu_fork(struct thread *parent, struct thread *child);
void	fpu_thread_exit(struct thread *td);
void	fpu_flush(struct thread *td);
void	fpu_changed(struct thread *td);
void	fpu_reset_state(union savefpu *sv);
int	fpu_load_or_reset(union savefpu *sv);
int	fpu_exception_code(uint32_t trapno);
int	fpu_restore_fault(struct trapframe *tf);
int	fpu_mxcsr_valid(uint32_t mxcsr);
const char *fpu_selftest(void);		/* NULL, or what went wrong */

/* Conversions for PT_GET/SETFPREGS and PT_GET/SETXMMREGS (ptrace_md.c). */
void	fpu_to_fpreg(const union savefpu *sv, struct fpreg *fp);
void	fpu_from_fpreg(union savefpu *sv, const struct fpreg *fp);

/* kernel/i386/fpu_insn.asm: the instructions, each restore with a fault fix-up. */
void	fpu_fxsave(union savefpu *sv);
void	fpu_fnsave(union savefpu *sv);
int	fpu_fxrstor(const union savefpu *sv);	/* 0, or 1 if it faulted */
int	fpu_frstor(const union savefpu *sv);
extern const char fpu_fxrstor_insn[], fpu_frstor_insn[], fpu_restore_failed[];

#endif
