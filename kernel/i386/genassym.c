/*
 * genassym.c - structure offsets and sizes that assembly code needs. This
 * file is compiled to assembly only; the Makefile turns each ASSYM marker
 * into an "equ" line of build/assym.inc, so the offsets in .asm files can
 * never drift from the C structures.
 */
#include <stddef.h>
#include <sys/syscall.h>
#include "proc/proc.h"
#include "kernel/i386/frame.h"
#include "kernel/i386/sendsig.h"

#define ASSYM(name, value)						\
	__asm__ volatile(".ascii \"\\n#ASSYM " #name " %c0\\n\"" : : "i"(value))

void genassym(void);

void
genassym(void)
{
	ASSYM(TD_PCB, offsetof(struct thread, td_pcb));
	ASSYM(TD_FRAME, offsetof(struct thread, td_frame));
	ASSYM(PCB_ESP, offsetof(struct pcb, pcb_esp));
	ASSYM(PCB_ONFAULT, offsetof(struct pcb, pcb_onfault));
	ASSYM(TF_SIZE, sizeof(struct trapframe));
	ASSYM(SF_UC, offsetof(struct sigframe, sf_uc));
	ASSYM(SYS_sigreturn, SYS_sigreturn);
}
