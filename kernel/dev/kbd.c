/*
 * kbd.c - the PS/2 keyboard: scan code set 1 (what the 8042 delivers after
 * translation) to ASCII with a US layout, Shift, Ctrl and Caps Lock. Arrow
 * keys become the ANSI escape sequences a serial terminal would send.
 */
#include "kernel/dev/console.h"
#include "kernel/i386/x86.h"

#define KBD_DATA	0x60
#define KBD_STATUS	0x64
#define KBD_OBF		0x01	/* output buffer full */

#define SC_LSHIFT	0x2a
#define SC_RSHIFT	0x36
#define SC_CTRL		0x1d
#define SC_CAPS		0x3a
#define SC_EXTENDED	0xe0
#define SC_RELEASE	0x80

static const char normal_map[0x3a] = {
	0, 27, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '=', '\b',
	'\t', 'q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p', '[', ']', '\n',
	0, 'a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', ';', '\'', '`',
	0, '\\', 'z', 'x', 'c', 'v', 'b', 'n', 'm', ',', '.', '/', 0,
	'*', 0, ' ',
};

static const char shift_map[0x3a] = {
	0, 27, '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '+', '\b',
	'\t', 'Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P', '{', '}', '\n',
	0, 'A', 'S', 'D', 'F', 'G', 'H', 'J', 'K', 'L', ':', '"', '~',
	0, '|', 'Z', 'X', 'C', 'V', 'B', 'N', 'M', '<', '>', '?', 0,
	'*', 0, ' ',
};

static int shift, ctrl, caps, extended;

void
kbd_init(void)
{
	while (inb(KBD_STATUS) & KBD_OBF)
		(void)inb(KBD_DATA);
}

static void
send_arrow(char letter)
{
	cons_input(27);
	cons_input('[');
	cons_input(letter);
}

static void
handle_scancode(int sc)
{
	int released = sc & SC_RELEASE, code = sc & ~SC_RELEASE, c;

	if (sc == SC_EXTENDED) {
		extended = 1;
		return;
	}
	if (extended) {
		extended = 0;
		if (code == SC_CTRL)
			ctrl = !released;
		else if (!released && code == 0x48)
			send_arrow('A');
		else if (!released && code == 0x50)
			send_arrow('B');
		else if (!released && code == 0x4d)
			send_arrow('C');
		else if (!released && code == 0x4b)
			send_arrow('D');
		return;
	}
	if (code == SC_LSHIFT || code == SC_RSHIFT) {
		shift = !released;
		return;
	}
	if (code == SC_CTRL) {
		ctrl = !released;
		return;
	}
	if (released || code >= (int)sizeof(normal_map))
		return;
	if (code == SC_CAPS) {
		caps = !caps;
		return;
	}
	c = shift ? shift_map[code] : normal_map[code];
	if (caps && c >= 'a' && c <= 'z')
		c -= 'a' - 'A';
	else if (caps && c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	if (ctrl && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
		c &= 0x1f;
	if (c != 0)
		cons_input(c);
}

void
kbd_intr(void)
{
	while (inb(KBD_STATUS) & KBD_OBF)
		handle_scancode(inb(KBD_DATA));
}
