/*
 * trap.h - the trap dispatcher and its helpers.
 */
#ifndef KERNEL_I386_TRAP_H
#define KERNEL_I386_TRAP_H

#include <stdint.h>

struct trapframe;

void		idt_init(void);
void		trap(struct trapframe *tf);
const char	*trap_name(uint32_t trapno);

/* IRQ handlers (kernel/i386/intr.c). */
typedef void	irq_handler_t(void);
void		pic_init(void);
void		irq_register(int irq, irq_handler_t *fn);
void		irq_dispatch(int irq);

/*
 * Self-tests provoke kernel faults on purpose: a trap with the armed vector
 * from kernel mode resumes at trap_catch.resume instead of panicking.
 */
struct trap_catch {
	int		armed;
	uint32_t	vector;
	uint32_t	resume;		/* where to continue */
	int		caught;
	uint32_t	fault_addr;	/* %cr2 for a page fault */
	uint32_t	fault_eip;
};
extern struct trap_catch trap_catch;

/* Entry points in kernel/i386/vectors.asm. */
extern const uint32_t trap_stubs[48];
void	Xsyscall(void);
void	doreti_restart(struct trapframe *tf) __attribute__((noreturn));
extern const char doreti_pop_gs[], doreti_pop_fs[], doreti_pop_es[],
    doreti_pop_ds[], doreti_iret[];

struct thread;
void	vm86_kill(struct thread *td) __attribute__((noreturn));

#endif
