/*
 * proc_md.h - the i386 part of a thread, FreeBSD's <machine/proc.h>: struct
 * thread (proc/proc.h) embeds a struct mdthread as td_md and a struct pcb
 * (kernel/i386/pcb.h) as td_pcb. Only kernel/i386/ looks inside them.
 *
 * td_md holds what a single step needs to remember on i386, where EFLAGS.TF
 * is both the debugger's and the program's (kernel/i386/ptrace_step.c),
 * and where a SYSENTER call may leave by SYSEXIT: only if nobody rewrote
 * its registers meanwhile (kernel/i386/sysenter.c).
 */
#ifndef KERNEL_I386_PROC_MD_H
#define KERNEL_I386_PROC_MD_H

#include <stdint.h>
#include "kernel/i386/pcb.h"

struct mdthread {
	int		md_flags;
#define MDTD_STEPPUSHF	0x01	/* the stepped instruction is pushf */
#define MDTD_STEPKEEP	0x02	/* the stepped popf/iret sets TF itself */
	uint32_t	md_step_pc;	/* the end of a stepped pushf */
	uint32_t	md_step_uc;	/* ucontext of a stepped context a handler interrupted */
	uint32_t	md_sysexit_eip;	/* SYSEXIT back to here; 0: iret (set_regs) */
};

#endif
