/*
 * console.h - the system console: output goes to COM1 and to the VGA text
 * screen; input comes from COM1 and the PS/2 keyboard and is handed to the
 * console terminal (kernel/fs/tty.c). COM2 is a separate raw port (/dev/ttyu1)
 * used by the GDB remote stub.
 */
#ifndef KERNEL_DEV_CONSOLE_H
#define KERNEL_DEV_CONSOLE_H

#include <stddef.h>

void	cons_init(void);
void	cons_output(int c);	/* a byte as it is: the terminal's output */
void	cons_putc(int c);	/* the kernel's messages: NL becomes CR NL */
void	cons_write(const char *s, size_t n);
void	cons_input(int c);	/* from interrupt handlers */

/* Serial ports (kernel/dev/serial.c). */
#define COM1_PORT	0x3f8
#define COM2_PORT	0x2f8
#define COM1_IRQ	4
#define COM2_IRQ	3
void	serial_init(int port);
void	serial_putc(int port, int c);
int	serial_getc_nowait(int port);	/* -1 when nothing is waiting */
void	serial_enable_rx_intr(int port);
void	serial_intr_com1(void);

/* VGA text screen (kernel/dev/vga.c) and PS/2 keyboard (kernel/dev/kbd.c). */
void	vga_init(void);
void	vga_putc(int c);
void	kbd_init(void);
void	kbd_intr(void);

#endif
