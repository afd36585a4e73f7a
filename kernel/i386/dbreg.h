/*
 * dbreg.h - per-thread hardware breakpoints and watchpoints (DR0-DR7):
 * the register bits (Intel SDM vol. 3, 17.2) and the interface that
 * ptrace, the context switch, exec and the trap handler use.
 * docs/debug-registers.md explains the whole design.
 *
 * DR7's fields are <machine/reg.h>'s DBREG_DR7_* (FreeBSD's names, which
 * debuggers use too); this header adds only what that one does not name.
 */
#ifndef KERNEL_I386_DBREG_H
#define KERNEL_I386_DBREG_H

#include <stdint.h>
#include <machine/reg.h>

struct thread;
struct trapframe;
struct dbreg;

#define DR6_B(i)	(1u << (i))	/* breakpoint i fired */
#define DR6_BMASK	0x0000000fu
#define DR6_BD		0x00002000u	/* debug-register access (DR7.GD) */
#define DR6_BS		0x00004000u	/* single step */
#define DR6_BT		0x00008000u	/* task switch */
#define DR6_STATUS	(DR6_BMASK | DR6_BD | DR6_BS | DR6_BT)
#define DR6_RESERVED	0xffff0ff0u	/* DR6 with no event recorded */
#define DR7_ENABLES	0x000000ffu	/* L0 G0 ... L3 G3 */
#define DR7_RESERVED	0x0000d800u	/* bits 11, 12, 14, 15 */
#define DR7_IO		0x02		/* R/W: an I/O breakpoint (CR4.DE) */

void	dbreg_init(void);
int	dbreg_validate(const struct dbreg *d);
void	dbreg_switch(struct thread *new);
void	dbreg_clear(struct thread *td);
int	dbreg_trap_user(struct thread *td, struct trapframe *tf, int *code);
void	dbreg_trap_kernel(struct trapframe *tf);
void	dbreg_step_posted(struct thread *td);

#endif
