/*
 * layout.h - the fixed numbers of Kestrel's memory map and of the i386 paging
 * and control-register bits the kernel uses. Assembly gets the ones it
 * needs through build/gen/assym.inc (kernel/i386/genassym.c).
 */
#ifndef KERNEL_I386_LAYOUT_H
#define KERNEL_I386_LAYOUT_H

#define KERNBASE		0xC0000000u	/* kernel virtual base; RAM is mapped here */
#define VM_MAXUSER_ADDRESS	0xBFC00000u	/* first address that is not user space */
#define VM_MINUSER_ADDRESS	0x00001000u	/* page 0 is never mapped */
#define USRSTACK		VM_MAXUSER_ADDRESS	/* user stacks grow down from here */
#define MAXSSIZ			(8u << 20)	/* user stack limit */
#define MAXDSIZ			(512u << 20)	/* user heap limit (brk) */
#define PAGE_SIZE		4096u
#define PAGE_SHIFT		12
#define PAGE_MASK		(PAGE_SIZE - 1)
#define KSTACK_SIZE		8192u		/* per-thread kernel stack */
#define PHYS_MAX		0x30000000u	/* RAM above 768 MiB is not used */

#define PG_P		0x001	/* present */
#define PG_RW		0x002	/* writable */
#define PG_U		0x004	/* user-accessible */
#define PG_A		0x020	/* accessed */
#define PG_D		0x040	/* dirty */
#define PG_PS		0x080	/* 4 MiB page (in a PDE) */
#define PG_COW		0x200	/* software bit: read-only now, copy on write */
#define PG_FRAME	0xFFFFF000u

#define CR0_PE		0x00000001
#define CR0_MP		0x00000002
#define CR0_EM		0x00000004
#define CR0_TS		0x00000008
#define CR0_NE		0x00000020
#define CR0_WP		0x00010000
#define CR0_PG		0x80000000
#define CR4_DE		0x00000008
#define CR4_PSE		0x00000010
#define CR4_OSFXSR	0x00000200
#define CR4_OSXMMEXCPT	0x00000400

#define round_page(x)	(((x) + PAGE_MASK) & ~PAGE_MASK)
#define trunc_page(x)	((x) & ~PAGE_MASK)

/* Physical <-> kernel virtual through the direct map of RAM at KERNBASE. */
#define PHYS_TO_KVA(pa)	((void *)((unsigned long)(pa) + KERNBASE))
#define KVA_TO_PHYS(va)	((unsigned long)(va) - KERNBASE)

#endif
