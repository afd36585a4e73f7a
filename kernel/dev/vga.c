/*
 * vga.c - output to the VGA text screen (80x25 cells at physical 0xB8000,
 * reached through the kernel's direct map), with scrolling and the hardware
 * cursor kept under the last character.
 */
#include <stdint.h>
#include <string.h>
#include "kernel/dev/console.h"
#include "kernel/i386/layout.h"
#include "kernel/i386/x86.h"

#define VGA_COLS	80
#define VGA_ROWS	25
#define VGA_ATTR	0x0700		/* light grey on black */
#define CRTC_INDEX	0x3d4
#define CRTC_DATA	0x3d5

static uint16_t *screen;
static int cursor;			/* cell index of the next character */

static void
move_hw_cursor(void)
{
	outb(CRTC_INDEX, 14);
	outb(CRTC_DATA, cursor >> 8);
	outb(CRTC_INDEX, 15);
	outb(CRTC_DATA, cursor & 0xff);
}

void
vga_init(void)
{
	int i;

	screen = PHYS_TO_KVA(0xb8000);
	for (i = 0; i < VGA_COLS * VGA_ROWS; i++)
		screen[i] = VGA_ATTR | ' ';
	cursor = 0;
	move_hw_cursor();
}

static void
scroll_if_needed(void)
{
	int i;

	if (cursor < VGA_COLS * VGA_ROWS)
		return;
	memmove(screen, screen + VGA_COLS,
	    (VGA_ROWS - 1) * VGA_COLS * sizeof(*screen));
	for (i = (VGA_ROWS - 1) * VGA_COLS; i < VGA_ROWS * VGA_COLS; i++)
		screen[i] = VGA_ATTR | ' ';
	cursor -= VGA_COLS;
}

void
vga_putc(int c)
{
	if (screen == NULL)
		return;
	switch (c) {
	case '\n':
		cursor += VGA_COLS - cursor % VGA_COLS;
		break;
	case '\r':
		cursor -= cursor % VGA_COLS;
		break;
	case '\b':
		if (cursor % VGA_COLS != 0)
			screen[--cursor] = VGA_ATTR | ' ';
		break;
	case '\t':
		do
			screen[cursor++] = VGA_ATTR | ' ';
		while (cursor % 8 != 0);
		break;
	default:
		screen[cursor++] = VGA_ATTR | (c & 0xff);
		break;
	}
	scroll_if_needed();
	move_hw_cursor();
}
