/*
 * console.c - ties the output devices together and routes input. Every
 * kernel message goes to both COM1 (with "\n" sent as "\r\n", as terminals
 * expect) and the VGA screen; every byte typed on either input device goes to
 * the console terminal's line discipline (kernel/fs/tty.c).
 */
#include "kernel/dev/console.h"
#include "kernel/fs/tty.h"

void
cons_init(void)
{
	serial_init(COM1_PORT);
	vga_init();
}

void
cons_putc(int c)
{
	if (c == '\n')
		serial_putc(COM1_PORT, '\r');
	serial_putc(COM1_PORT, c);
	vga_putc(c);
}

void
cons_write(const char *s, size_t n)
{
	while (n-- > 0)
		cons_putc(*s++);
}

void
cons_input(int c)
{
	tty_input(&console_tty, c);
}
