/*
 * segments.h - the GDT slots and the selectors built from them. Kestrel uses
 * flat 4 GiB segments only (no LDT); privilege comes from the DPL of the
 * descriptor and the RPL in the low two bits of a selector. The one
 * exception is GUGS, the user %gs segment for thread-local storage: flat
 * too, but based at the running thread's TLS (pcb_gsbase), rewritten at
 * every switch to a thread with another base.
 */
#ifndef KERNEL_I386_SEGMENTS_H
#define KERNEL_I386_SEGMENTS_H

#include <stdint.h>

#define GNULL_SLOT	0
#define GCODE_SLOT	1	/* kernel code, DPL 0 */
#define GDATA_SLOT	2	/* kernel data and stack, DPL 0 */
#define GUCODE_SLOT	3	/* user code, DPL 3 */
#define GUDATA_SLOT	4	/* user data and stack, DPL 3 */
#define GPROC0_SLOT	5	/* the TSS: ring-0 stack for traps from user mode */
#define GDFTSS_SLOT	6	/* a TSS for the double-fault task */
#define GUGS_SLOT	7	/* user %gs: the running thread's TLS, DPL 3 */
#define NGDT		8

#define SEL_KPL		0
#define SEL_UPL		3
#define SEL_RPL_MASK	3
#define GSEL(slot, rpl)	(((slot) << 3) | (rpl))
/* A selector saved in a 32-bit word: `push sreg` may leave the upper half. */
#define SEL_WORD(w)	((w) & 0xffffu)

#define KCODE_SEL	GSEL(GCODE_SLOT, SEL_KPL)	/* 0x08 */
#define KDATA_SEL	GSEL(GDATA_SLOT, SEL_KPL)	/* 0x10 */
#define UCODE_SEL	GSEL(GUCODE_SLOT, SEL_UPL)	/* 0x1b */
#define UDATA_SEL	GSEL(GUDATA_SLOT, SEL_UPL)	/* 0x23 */
#define TSS_SEL		GSEL(GPROC0_SLOT, SEL_KPL)	/* 0x28 */
#define DFTSS_SEL	GSEL(GDFTSS_SLOT, SEL_KPL)	/* 0x30 */
#define GUGS_SEL	GSEL(GUGS_SLOT, SEL_UPL)	/* 0x3b */

/* The 32-bit task-state segment (Intel SDM vol. 3, 8.2.1). */
struct i386tss {
	uint32_t tss_link;
	uint32_t tss_esp0, tss_ss0;
	uint32_t tss_esp1, tss_ss1;
	uint32_t tss_esp2, tss_ss2;
	uint32_t tss_cr3, tss_eip, tss_eflags;
	uint32_t tss_eax, tss_ecx, tss_edx, tss_ebx;
	uint32_t tss_esp, tss_ebp, tss_esi, tss_edi;
	uint32_t tss_es, tss_cs, tss_ss, tss_ds, tss_fs, tss_gs;
	uint32_t tss_ldt;
	uint16_t tss_trap;
	uint16_t tss_iobase;	/* past the limit: no I/O bitmap, IOPL 0 rules all ports */
} __attribute__((packed));

/*
 * The TSS every trap from ring 3 takes its kernel stack from (tss_esp0),
 * and where a task switch to the double-fault task saves the interrupted
 * state. Owned by kernel/i386/gdt.c.
 */
extern struct i386tss proc0_tss;

void	gdt_init(void);
void	gdt_init_dftss(uint32_t eip, uint32_t esp, uint32_t cr3);
void	gdt_load_gsbase(uint32_t base);
extern uint32_t gdt_gsbase;

/*
 * Nonzero when the live segment registers and the selectors in the frame
 * of the current system call may differ: each entry by system call clears
 * it (the frame was just pushed from the registers), and everything that
 * changes either sets it with segs_changed(): a switch, a new TLS base,
 * a frame written by sigreturn, PT_SETREGS, a signal's delivery or exec, an
 * entry that had to replace %ds or %es. The system-call exits compare the
 * selectors and reload the ones that differ only when it is set
 * (kernel/i386/vectors.asm): four compares saved on nearly every call.
 */
extern uint8_t seg_reload;

static inline void
segs_changed(void)
{
	seg_reload = 1;
}

/*
 * Give the TLS descriptor (GUGS) base, a user address the caller checked
 * (gdt.c). Every switch comes here; most keep the base (0: no TLS), which
 * costs one comparison.
 */
static inline void
gdt_set_gsbase(uint32_t base)
{
	if (base != gdt_gsbase)
		gdt_load_gsbase(base);
}

/* Called on every switch to a thread: traps from ring 3 land on its stack. */
static inline void
tss_set_kstack(uint32_t esp0)
{
	proc0_tss.tss_esp0 = esp0;
}

#endif
