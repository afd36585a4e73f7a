/*
 * gdt.c - the global descriptor table and the task-state segments.
 *
 * Four flat segments (kernel and user, code and data), the user %gs segment
 * of thread-local storage (flat, at the running thread's base) and two
 * TSSs. The main
 * TSS only supplies SS0:ESP0, the kernel stack the CPU switches to when a trap
 * arrives from ring 3; its I/O-bitmap offset points past the segment limit, so
 * no port is ever granted to user mode through a bitmap (the hole that OpenBSD
 * and NetBSD once had). The second TSS belongs to the double-fault task gate:
 * a double fault switches to a known-good stack and reaches panic() instead of
 * escalating to a triple fault and a silent reset.
 */
#include <stdint.h>
#include "kernel/i386/segments.h"
#include "kernel/i386/x86.h"

struct segment_descriptor {
	uint16_t limit_lo;
	uint16_t base_lo;
	uint8_t base_mid;
	uint8_t access;		/* P, DPL, S, type */
	uint8_t flags_limit_hi;	/* G, D/B, limit 19:16 */
	uint8_t base_hi;
} __attribute__((packed));

#define SDA_P		0x80
#define SDA_DPL(d)	((d) << 5)
#define SDA_S		0x10	/* code/data (not system) */
#define SDA_CODE	0x0a	/* execute/read */
#define SDA_DATA	0x02	/* read/write */
#define SDA_TSS32	0x09	/* available 32-bit TSS */
#define SDF_G		0x80	/* limit in pages */
#define SDF_DB		0x40	/* 32-bit */

static struct segment_descriptor gdt[NGDT];
uint32_t gdt_gsbase;			/* GUGS's base now */
uint8_t seg_reload = 1;			/* segments.h */
struct i386tss proc0_tss;
static struct i386tss dftss;

static void
set_desc(int slot, uint32_t base, uint32_t limit, uint8_t access, uint8_t flags)
{
	struct segment_descriptor *d = &gdt[slot];

	d->limit_lo = limit & 0xffff;
	d->base_lo = base & 0xffff;
	d->base_mid = (base >> 16) & 0xff;
	d->access = access;
	d->flags_limit_hi = flags | ((limit >> 16) & 0x0f);
	d->base_hi = base >> 24;
}

void
gdt_init(void)
{
	struct pseudo_desc pd;

	set_desc(GCODE_SLOT, 0, 0xfffff, SDA_P | SDA_DPL(0) | SDA_S | SDA_CODE,
	    SDF_G | SDF_DB);
	set_desc(GDATA_SLOT, 0, 0xfffff, SDA_P | SDA_DPL(0) | SDA_S | SDA_DATA,
	    SDF_G | SDF_DB);
	set_desc(GUCODE_SLOT, 0, 0xfffff, SDA_P | SDA_DPL(3) | SDA_S | SDA_CODE,
	    SDF_G | SDF_DB);
	set_desc(GUDATA_SLOT, 0, 0xfffff, SDA_P | SDA_DPL(3) | SDA_S | SDA_DATA,
	    SDF_G | SDF_DB);
	set_desc(GUGS_SLOT, 0, 0xfffff, SDA_P | SDA_DPL(3) | SDA_S | SDA_DATA,
	    SDF_G | SDF_DB);
	proc0_tss.tss_ss0 = KDATA_SEL;
	proc0_tss.tss_iobase = sizeof(proc0_tss);
	set_desc(GPROC0_SLOT, (uint32_t)&proc0_tss, sizeof(proc0_tss) - 1,
	    SDA_P | SDA_DPL(0) | SDA_TSS32, 0);

	pd.limit = sizeof(gdt) - 1;
	pd.base = (uint32_t)gdt;
	lgdt(&pd);
	__asm__ volatile(
	    "ljmp %0, $1f\n"
	    "1: mov %1, %%ax\n"
	    "mov %%ax, %%ds\n"
	    "mov %%ax, %%es\n"
	    "mov %%ax, %%ss\n"
	    "xor %%ax, %%ax\n"
	    "mov %%ax, %%fs\n"
	    "mov %%ax, %%gs\n"
	    : : "i"(KCODE_SEL), "i"(KDATA_SEL) : "eax", "memory");
	ltr(TSS_SEL);
}

/*
 * The GUGS descriptor gets base (a user address: the caller checked). The
 * CPU reads a descriptor only when a selector is loaded, and the way out
 * to user mode loads %gs and %fs only if the frame's selector differs from
 * the live one (kernel/i386/vectors.asm); so %gs is made null here (the
 * kernel never uses it), and so is %fs if it holds the TLS selector too (a
 * program may load it there): the next return to user mode loads the
 * thread's selectors, with the new base. %ds and %es need nothing: the
 * entry replaces any selector but the flat ones there. Called by
 * gdt_set_gsbase() (segments.h) when the base changes.
 */
void
gdt_load_gsbase(uint32_t base)
{
	uint32_t fs;

	gdt_gsbase = base;
	segs_changed();
	set_desc(GUGS_SLOT, base, 0xfffff, SDA_P | SDA_DPL(3) | SDA_S |
	    SDA_DATA, SDF_G | SDF_DB);
	__asm__ volatile("movw %w0, %%gs" : : "r"(0) : "memory");
	__asm__ volatile("movl %%fs, %0" : "=r"(fs));
	if ((fs & ~SEL_RPL_MASK & 0xffff) == (GUGS_SEL & ~SEL_RPL_MASK))
		__asm__ volatile("movw %w0, %%fs" : : "r"(0) : "memory");
}

/* The double-fault task starts at eip on stack esp, in address space cr3. */
void
gdt_init_dftss(uint32_t eip, uint32_t esp, uint32_t cr3)
{
	dftss.tss_eip = eip;
	dftss.tss_esp = esp;
	dftss.tss_esp0 = esp;
	dftss.tss_cr3 = cr3;
	dftss.tss_cs = KCODE_SEL;
	dftss.tss_ds = dftss.tss_es = dftss.tss_ss = KDATA_SEL;
	dftss.tss_ss0 = KDATA_SEL;
	dftss.tss_eflags = PSL_RESERVED_1;
	dftss.tss_iobase = sizeof(dftss);
	set_desc(GDFTSS_SLOT, (uint32_t)&dftss, sizeof(dftss) - 1,
	    SDA_P | SDA_DPL(0) | SDA_TSS32, 0);
}
