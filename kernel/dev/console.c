/*
 * console.c - ties the output devices together and routes input. The
 * console's bytes go to both COM1 and the VGA screen (kernel/dev/vga.c,
 * which understands the same escape sequences as a serial terminal); every
 * byte typed on either input device goes to the console terminal's line
 * discipline (kernel/fs/tty.c).
 *
 * Two ways out: cons_output() sends a byte exactly as it is (the terminal's
 * output processing has already turned NL into CR NL), cons_putc() is for
 * the kernel's own messages and does that conversion itself.
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
cons_output(int c)
{
	serial_putc(COM1_PORT, c);
	vga_putc(c);
}

void
cons_putc(int c)
{
	if (c == '\n')
		cons_output('\r');
	cons_output(c);
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
