/*
 * idt.c - the interrupt descriptor table. Vectors 0-31 are the CPU's
 * exceptions, 32-47 the two 8259s' IRQs, 0x80 the system call. All are
 * interrupt gates (interrupts off on entry; trap() turns them back on where
 * it is safe), DPL 0 except int3, into and int $0x80, which user code may
 * raise with an instruction. The double fault is a task gate: it switches to
 * a separate TSS and stack, so even a kernel stack overflow reaches panic().
 * Every other vector is absent, so "int $n" from user mode is a #GP.
 */
#include <stdint.h>
#include "kernel/i386/trap.h"
#include "kernel/i386/frame.h"
#include "kernel/i386/segments.h"
#include "kernel/i386/layout.h"
#include "kernel/i386/x86.h"

struct gate_descriptor {
	uint16_t offset_lo;
	uint16_t selector;
	uint8_t  zero;
	uint8_t  type_attr;	/* P, DPL, type */
	uint16_t offset_hi;
} __attribute__((packed));

#define GATE_P		0x80
#define GATE_DPL(d)	((d) << 5)
#define GATE_INTR32	0x0e
#define GATE_TASK	0x05

static struct gate_descriptor idt[256];
static uint8_t dblfault_stack[4096] __attribute__((aligned(16)));

static void
set_gate(int vec, uint32_t handler, int dpl)
{
	idt[vec].offset_lo = handler & 0xffff;
	idt[vec].selector = KCODE_SEL;
	idt[vec].zero = 0;
	idt[vec].type_attr = GATE_P | GATE_DPL(dpl) | GATE_INTR32;
	idt[vec].offset_hi = handler >> 16;
}

void dblfault_handler(void);

void
idt_init(void)
{
	struct pseudo_desc pd;
	int v;

	for (v = 0; v < IDT_IO_INTS + NIRQ; v++)
		if (v < 20 || v >= IDT_IO_INTS)
			set_gate(v, trap_stubs[v], 0);
	set_gate(IDT_BP, trap_stubs[IDT_BP], 3);
	set_gate(IDT_OF, trap_stubs[IDT_OF], 3);
	set_gate(IDT_SYSCALL, (uint32_t)Xsyscall, 3);

	gdt_init_dftss((uint32_t)dblfault_handler,
	    (uint32_t)dblfault_stack + sizeof(dblfault_stack), rcr3());
	idt[IDT_DF].offset_lo = 0;
	idt[IDT_DF].selector = DFTSS_SEL;
	idt[IDT_DF].type_attr = GATE_P | GATE_TASK;
	idt[IDT_DF].offset_hi = 0;

	pd.limit = sizeof(idt) - 1;
	pd.base = (uint32_t)idt;
	lidt(&pd);
}
