/*
 * fpu.h - x87/SSE state management: CPU set-up, per-thread save areas,
 * eager or lazy switching, and the conversions ptrace and signals need.
 * What can fail returns 0 or a positive errno; fpu_mxcsr_valid and
 * fpu_restore_fault answer a question, 1 for yes and 0 for no.
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
#define FPU_DEFAULT_MXCSR_MASK	0xffbf	/* SDM: when FXSAVE stores 0 there */
#define FPU_EMPTY_TW		0xffff	/* FNSAVE tag word: every register empty */

/*
 * The six exception flags, FreeBSD's <machine/ieeefp.h> names: bits 0-5 of
 * the x87 status word and of MXCSR. The same bits in the x87 control word,
 * and 7 bits higher in MXCSR, mask them.
 */
#define FP_X_INV	0x01	/* invalid operation */
#define FP_X_DNML	0x02	/* denormal operand */
#define FP_X_DZ		0x04	/* divide by zero */
#define FP_X_OFL	0x08	/* overflow */
#define FP_X_UFL	0x10	/* underflow */
#define FP_X_IMP	0x20	/* inexact result */
#define FP_X_ALL	0x3f
#define FP_X_STK	0x40	/* status word: the invalid operation was a stack fault */
#define MXCSR_MASK_SHIFT	7

extern int fpu_has_fxsr;	/* FXSAVE format (else FNSAVE) */
extern int fpu_lazy;		/* kernel option fpu=lazy */
extern uint32_t fpu_mxcsr_mask;	/* bits MXCSR may hold; 0 without FXSR */
extern uint32_t fpu_switch_images;	/* images switches and first touches saved or loaded */

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

/* Conversions for PT_GETFPREGS/PT_SETFPREGS (kernel/i386/fpu_regs.c). */
void	fpu_to_fpreg(const union savefpu *sv, struct fpreg *fp);
void	fpu_from_fpreg(union savefpu *sv, const struct fpreg *fp);

/* kernel/i386/fpu_insn.asm: the instructions, each restore with a fault fix-up. */
void	fpu_fxsave(union savefpu *sv);
void	fpu_fnsave(union savefpu *sv);
int	fpu_fxrstor(const union savefpu *sv);	/* 0, or EINVAL if it faulted */
int	fpu_frstor(const union savefpu *sv);
extern const char fpu_fxrstor_insn[], fpu_frstor_insn[], fpu_restore_failed[];

#endif
