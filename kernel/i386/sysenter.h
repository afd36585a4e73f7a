/*
 * sysenter.h - the SYSENTER/SYSEXIT system call entry (kernel/i386/
 * sysenter.c, which has the story; the stubs are in vectors.asm and
 * sigcode.asm).
 */
#ifndef KERNEL_I386_SYSENTER_H
#define KERNEL_I386_SYSENTER_H

#include <stdint.h>

struct trapframe;

extern int sysenter_enabled;	/* the MSRs are set: kinfo KINFO_SYSENTER */

void		sysenter_init(void);
int		sysenter_stepping(uint32_t eip);
int		sysenter_enter(struct trapframe *tf);
void		sysenter_vm86(void) __attribute__((noreturn));

/* kernel/i386/vectors.asm and sigcode.asm */
void	Xsysenter(void);
extern const char Xsysenter_stepped[];
extern const char sc_sysexit[];

#endif
