/*
 * intr.c - the two 8259A interrupt controllers and the IRQ dispatch table.
 * The PICs are remapped so IRQ 0-15 arrive on vectors 32-47, clear of the
 * CPU's exceptions. A spurious IRQ 7 or 15 (the line dropped before the CPU
 * asked) is recognised through the in-service register and not acknowledged.
 */
#include <stddef.h>
#include "kernel/i386/trap.h"
#include "kernel/i386/frame.h"
#include "kernel/i386/x86.h"

#define PIC1_CMD	0x20
#define PIC1_DATA	0x21
#define PIC2_CMD	0xa0
#define PIC2_DATA	0xa1
#define PIC_EOI		0x20
#define PIC_READ_ISR	0x0b
#define ICW1_INIT_ICW4	0x11
#define ICW4_8086	0x01
#define CASCADE_IRQ	2

static irq_handler_t *irq_handlers[NIRQ];
static uint16_t irq_mask = 0xffff & ~(1 << CASCADE_IRQ);

static void
write_mask(void)
{
	outb(PIC1_DATA, irq_mask & 0xff);
	outb(PIC2_DATA, irq_mask >> 8);
}

void
pic_init(void)
{
	outb(PIC1_CMD, ICW1_INIT_ICW4);
	outb(PIC2_CMD, ICW1_INIT_ICW4);
	outb(PIC1_DATA, IDT_IO_INTS);		/* ICW2: vector base */
	outb(PIC2_DATA, IDT_IO_INTS + 8);
	outb(PIC1_DATA, 1 << CASCADE_IRQ);	/* ICW3: slave on IRQ 2 */
	outb(PIC2_DATA, CASCADE_IRQ);
	outb(PIC1_DATA, ICW4_8086);
	outb(PIC2_DATA, ICW4_8086);
	write_mask();
}

void
irq_register(int irq, irq_handler_t *fn)
{
	irq_handlers[irq] = fn;
	irq_mask &= ~(1 << irq);
	write_mask();
}

static int
is_spurious(int irq)
{
	int cmd = irq < 8 ? PIC1_CMD : PIC2_CMD;

	if ((irq & 7) != 7)
		return 0;
	outb(cmd, PIC_READ_ISR);
	return (inb(cmd) & 0x80) == 0;
}

void
irq_dispatch(int irq)
{
	if (is_spurious(irq)) {
		if (irq == 15)		/* the master did see IRQ 2 */
			outb(PIC1_CMD, PIC_EOI);
		return;
	}
	if (irq >= 8)
		outb(PIC2_CMD, PIC_EOI);
	outb(PIC1_CMD, PIC_EOI);
	if (irq_handlers[irq] != NULL)
		irq_handlers[irq]();
}
