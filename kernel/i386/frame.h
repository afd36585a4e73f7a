/*
 * frame.h - the trap frame: what kernel/i386/vectors.asm pushes on every trap,
 * interrupt and system call, lowest address first. The order matches FreeBSD
 * i386's struct trapframe (with %gs added at the bottom), so fill_regs() and
 * set_regs() are field-by-field copies to and from struct reg.
 *
 * tf_esp and tf_ss exist only when the trap came from ring 3: a trap taken in
 * ring 0 pushes no stack switch, and those two words belong to whatever was on
 * the kernel stack before.
 */
#ifndef KERNEL_I386_FRAME_H
#define KERNEL_I386_FRAME_H

#include <stdint.h>
#include "kernel/i386/segments.h"

struct trapframe {
	uint32_t tf_gs;
	uint32_t tf_fs;
	uint32_t tf_es;
	uint32_t tf_ds;
	uint32_t tf_edi;	/* pushal, from here ... */
	uint32_t tf_esi;
	uint32_t tf_ebp;
	uint32_t tf_isp;	/* %esp at pushal time: kernel, ignored */
	uint32_t tf_ebx;
	uint32_t tf_edx;
	uint32_t tf_ecx;
	uint32_t tf_eax;	/* ... to here */
	uint32_t tf_trapno;	/* vector number (IDT_*) */
	uint32_t tf_err;	/* error code, or 0 */
	uint32_t tf_eip;	/* pushed by the CPU from here on */
	uint32_t tf_cs;
	uint32_t tf_eflags;
	uint32_t tf_esp;	/* only from ring 3 */
	uint32_t tf_ss;		/* only from ring 3 */
};

#define TRAPF_USERMODE(tf)	(((tf)->tf_cs & SEL_RPL_MASK) == SEL_UPL)

/*
 * What swtch() (kernel/i386/swtch.asm) leaves on the kernel stack of a
 * thread it switches away from, lowest address first, and pops for the one
 * it switches to: the callee-saved registers and the address it returns
 * to. A new thread's is built by hand (kernel/i386/vm_machdep.c), returning
 * into fork_trampoline with sf_esi the function to run first.
 */
struct switchframe {
	uint32_t sf_edi;
	uint32_t sf_esi;
	uint32_t sf_ebx;
	uint32_t sf_ebp;
	uint32_t sf_eip;
};

/* Exception vectors (Intel SDM vol. 3, table 6-1). */
#define IDT_DE		0	/* divide error */
#define IDT_DB		1	/* debug */
#define IDT_NMI		2
#define IDT_BP		3	/* int3 */
#define IDT_OF		4	/* into */
#define IDT_BR		5	/* bound */
#define IDT_UD		6	/* invalid opcode */
#define IDT_NM		7	/* device not available (CR0.TS) */
#define IDT_DF		8	/* double fault */
#define IDT_FPUGP	9	/* coprocessor segment overrun */
#define IDT_TS		10	/* invalid TSS */
#define IDT_NP		11	/* segment not present */
#define IDT_SS		12	/* stack fault */
#define IDT_GP		13	/* general protection */
#define IDT_PF		14	/* page fault */
#define IDT_MF		16	/* x87 floating-point error */
#define IDT_AC		17	/* alignment check */
#define IDT_MC		18	/* machine check */
#define IDT_XF		19	/* SIMD floating-point exception */
#define IDT_IO_INTS	32	/* IRQ 0 is remapped here */
#define IDT_SYSCALL	0x80	/* int $0x80, and the trapno of a SYSENTER call */
#define TF_ERR_SYSENTER	1	/* tf_err of a system call that entered by SYSENTER */
#define NIRQ		16

#define PGEX_P		0x01	/* page-fault error code: protection, not missing */
#define PGEX_W		0x02	/* write access */
#define PGEX_U		0x04	/* from user mode */

#endif
