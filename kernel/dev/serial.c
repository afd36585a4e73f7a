/*
 * serial.c - the 16550 UART driver for COM1 (console) and COM2 (the GDB
 * stub's line). Output is polled: the transmitter is fast enough that an
 * interrupt-driven queue would only add code. Input raises an interrupt per
 * byte; COM1 bytes go to the console terminal as they are (its line
 * discipline turns the CR of the Enter key into NL), COM2 bytes to
 * kernel/dev/comdev.c.
 */
#include "kernel/dev/console.h"
#include "kernel/i386/x86.h"

#define UART_DATA	0	/* receive / transmit buffer (DLAB=0) */
#define UART_IER	1	/* interrupt enable (DLAB=0) */
#define UART_DLL	0	/* divisor latch low (DLAB=1) */
#define UART_DLM	1	/* divisor latch high (DLAB=1) */
#define UART_FCR	2	/* FIFO control */
#define UART_LCR	3	/* line control */
#define UART_MCR	4	/* modem control */
#define UART_LSR	5	/* line status */
#define LCR_8N1		0x03
#define LCR_DLAB	0x80
#define MCR_DTR_RTS_OUT2 0x0b	/* OUT2 gates the IRQ line on PCs */
#define LSR_DR		0x01	/* data ready */
#define LSR_THRE	0x20	/* transmitter holding register empty */
#define IER_RDA		0x01	/* received data available */

void
serial_init(int port)
{
	outb(port + UART_IER, 0);
	outb(port + UART_LCR, LCR_DLAB);
	outb(port + UART_DLL, 1);		/* 115200 baud */
	outb(port + UART_DLM, 0);
	outb(port + UART_LCR, LCR_8N1);
	outb(port + UART_FCR, 0x07);		/* enable and clear FIFOs */
	outb(port + UART_MCR, MCR_DTR_RTS_OUT2);
	(void)inb(port + UART_DATA);
}

void
serial_enable_rx_intr(int port)
{
	outb(port + UART_IER, IER_RDA);
}

void
serial_putc(int port, int c)
{
	int spins = 100000;

	while ((inb(port + UART_LSR) & LSR_THRE) == 0 && --spins > 0)
		;
	outb(port + UART_DATA, c);
}

int
serial_getc_nowait(int port)
{
	if ((inb(port + UART_LSR) & LSR_DR) == 0)
		return -1;
	return inb(port + UART_DATA);
}

void
serial_intr_com1(void)
{
	int c;

	while ((c = serial_getc_nowait(COM1_PORT)) >= 0)
		cons_input(c);
}
