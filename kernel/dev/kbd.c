/*
 * kbd.c - the PS/2 keyboard: scan code set 1 (what the 8042 delivers after
 * translation) to bytes with a US layout, Shift, Ctrl, Alt and Caps Lock.
 *
 * The keyboard sends what a serial terminal (an xterm) would, so that a
 * program cannot tell the two consoles apart: the arrows are ESC [ A..D
 * (ESC [ 1 ; 5 C with Ctrl), Home and End ESC [ H and ESC [ F, Insert,
 * Delete, Page Up and Page Down ESC [ 2 ~, 3 ~, 5 ~ and 6 ~; Alt with a key
 * sends ESC before it (Meta); Backspace sends DEL, as terminals do.
 */
#include "kernel/dev/console.h"
#include "kernel/i386/x86.h"

#define KBD_DATA	0x60
#define KBD_STATUS	0x64
#define KBD_OBF		0x01	/* output buffer full */

#define SC_LSHIFT	0x2a
#define SC_RSHIFT	0x36
#define SC_CTRL		0x1d
#define SC_ALT		0x38
#define SC_CAPS		0x3a
#define SC_EXTENDED	0xe0
#define SC_RELEASE	0x80
#define ESC		0x1b
#define DEL		0x7f

static const char normal_map[0x54] = {
	0, ESC, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '=', DEL,
	'\t', 'q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p', '[', ']', '\r',
	0, 'a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', ';', '\'', '`',
	0, '\\', 'z', 'x', 'c', 'v', 'b', 'n', 'm', ',', '.', '/', 0,
	'*', 0, ' ', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	'7', '8', '9', '-', '4', '5', '6', '+', '1', '2', '3', '0', '.',
};

static const char shift_map[0x54] = {
	0, ESC, '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '+', DEL,
	'\t', 'Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P', '{', '}', '\r',
	0, 'A', 'S', 'D', 'F', 'G', 'H', 'J', 'K', 'L', ':', '"', '~',
	0, '|', 'Z', 'X', 'C', 'V', 'B', 'N', 'M', '<', '>', '?', 0,
	'*', 0, ' ', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	'7', '8', '9', '-', '4', '5', '6', '+', '1', '2', '3', '0', '.',
};

/* The keys behind the 0xE0 prefix, and the sequence each sends after ESC [. */
static const struct {
	unsigned char	code;
	const char	*seq;
} extended_keys[] = {
	{ 0x48, "A" }, { 0x50, "B" }, { 0x4d, "C" }, { 0x4b, "D" },
	{ 0x47, "H" }, { 0x4f, "F" }, { 0x52, "2~" }, { 0x53, "3~" },
	{ 0x49, "5~" }, { 0x51, "6~" },
};

static int shift, ctrl, alt, caps, extended;

void
kbd_init(void)
{
	while (inb(KBD_STATUS) & KBD_OBF)
		(void)inb(KBD_DATA);
}

static void
send(const char *s)
{
	while (*s != '\0')
		cons_input((unsigned char)*s++);
}

/* An extended key: the escape sequence of its terminal key, if it has one. */
static void
extended_key(int code)
{
	unsigned i;

	for (i = 0; i < sizeof(extended_keys) / sizeof(extended_keys[0]); i++) {
		if (extended_keys[i].code != code)
			continue;
		send("\033[");
		/* Ctrl with an arrow: the modifier form, ESC [ 1 ; 5 X. */
		if (ctrl && extended_keys[i].seq[1] == '\0')
			send("1;5");
		send(extended_keys[i].seq);
		return;
	}
	if (code == 0x35)
		cons_input('/');		/* the keypad's / */
	else if (code == 0x1c)
		cons_input('\r');		/* the keypad's Enter */
}

static int
modifier(int code, int released)
{
	if (code == SC_LSHIFT || code == SC_RSHIFT)
		shift = !released;
	else if (code == SC_CTRL)
		ctrl = !released;
	else if (code == SC_ALT)
		alt = !released;
	else
		return 0;
	return 1;
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
		if (!modifier(code, released) && !released)
			extended_key(code);
		return;
	}
	if (modifier(code, released) || released ||
	    code >= (int)sizeof(normal_map))
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
	if (ctrl && c >= '@' && c <= '~' && c != DEL)
		c &= 0x1f;
	if (c == 0)
		return;
	if (alt)
		cons_input(ESC);
	cons_input(c);
}

void
kbd_intr(void)
{
	while (inb(KBD_STATUS) & KBD_OBF)
		handle_scancode(inb(KBD_DATA));
}
