/*
 * genassym.c - every number assembly code needs from C: structure offsets
 * and sizes, the memory map and paging bits, a selector, errno values and
 * a system call number. This file is compiled to assembly only;
 * tools/genassym.py turns each ASSYM marker into an "equ" line of
 * build/gen/assym.inc, which every .asm file includes, so no number is
 * written twice and none can drift.
 */
#include <stddef.h>
#include <sys/errno.h>
#include <sys/syscall.h>
#include "proc/proc.h"
#include "kernel/i386/layout.h"
#include "kernel/i386/segments.h"
#include "kernel/i386/sendsig.h"
#include "kernel/i386/frame.h"
#include "kernel/i386/x86.h"

#define ASSYM(name, value)						\
	__asm__ volatile(".ascii \"\\n#ASSYM " #name " %c0\\n\"" : : "i"(value))

void genassym(void);

void
genassym(void)
{
	/* Structures (vm/copy.asm, kernel/i386/sigcode.asm) */
	ASSYM(TD_PCB, offsetof(struct thread, td_pcb));
	ASSYM(PCB_ONFAULT, offsetof(struct pcb, pcb_onfault));
	ASSYM(PCB_FLAGS, offsetof(struct pcb, pcb_flags));
	ASSYM(PCB_DBREGS, PCB_DBREGS);
	ASSYM(TD_PROC, offsetof(struct thread, td_proc));
	ASSYM(TD_FLAGS, offsetof(struct thread, td_flags));
	ASSYM(TDF_DBHIT, TDF_DBHIT);
	ASSYM(TD_MD_SYSEXIT_EIP, offsetof(struct thread, td_md.md_sysexit_eip));
	ASSYM(P_SIGCODE, offsetof(struct proc, p_sigcode));
	ASSYM(SF_UC, offsetof(struct sigframe, sf_uc));

	/* The memory map and paging (boot/multiboot.asm, vm/copy.asm) */
	ASSYM(KERNBASE, KERNBASE);
	ASSYM(VM_MAXUSER_ADDRESS, VM_MAXUSER_ADDRESS);
	ASSYM(PAGE_SIZE, PAGE_SIZE);
	ASSYM(KSTACK_SIZE, KSTACK_SIZE);
	ASSYM(PG_P, PG_P);
	ASSYM(PG_RW, PG_RW);
	ASSYM(CR0_WP, CR0_WP);
	ASSYM(CR0_PG, CR0_PG);

	/* vectors.asm, fpu_insn.asm, sigcode.asm, vm/copy.asm */
	ASSYM(KDATA_SEL, KDATA_SEL);
	ASSYM(UDATA_SEL, UDATA_SEL);
	ASSYM(UCODE_SEL, UCODE_SEL);
	ASSYM(TSS_ESP0, offsetof(struct i386tss, tss_esp0));
	ASSYM(TF_ERR, offsetof(struct trapframe, tf_err));
	ASSYM(TF_EBP, offsetof(struct trapframe, tf_ebp));
	ASSYM(TF_EDX, offsetof(struct trapframe, tf_edx));
	ASSYM(TF_ECX, offsetof(struct trapframe, tf_ecx));
	ASSYM(TF_EIP, offsetof(struct trapframe, tf_eip));
	ASSYM(TF_EFLAGS, offsetof(struct trapframe, tf_eflags));
	ASSYM(TF_ESP, offsetof(struct trapframe, tf_esp));
	ASSYM(TF_ERR_SYSENTER, TF_ERR_SYSENTER);
	ASSYM(IDT_SYSCALL, IDT_SYSCALL);
	ASSYM(PSL_I, PSL_I);
	ASSYM(PSL_VM, PSL_VM);
	ASSYM(PSL_T, PSL_T);
	ASSYM(PSL_NT, PSL_NT);
	ASSYM(PSL_RF, PSL_RF);
	ASSYM(PSL_IOPL, PSL_IOPL);
	ASSYM(VM_MINUSER_ADDRESS, VM_MINUSER_ADDRESS);
	ASSYM(SEL_RPL_MASK, SEL_RPL_MASK);
	ASSYM(PSL_RESERVED_1, PSL_RESERVED_1);
	ASSYM(EFAULT, EFAULT);
	ASSYM(EINVAL, EINVAL);
	ASSYM(ENAMETOOLONG, ENAMETOOLONG);
	ASSYM(SYS_sigreturn, SYS_sigreturn);
}
