/*
 * vga.c - the VGA text screen (80x25 cells at physical 0xB8000, reached
 * through the kernel's direct map) as a small VT100/xterm terminal, so that
 * whatever a program writes looks the same here as on the serial console.
 *
 * Control characters: CR, LF (down one line, scrolling at the bottom; the
 * terminal's output processing sends CR LF for a newline), BS (left, without
 * erasing), TAB, BEL (ignored). Escape sequences, ESC [ params final:
 *   A B C D     cursor up, down, right, left (n times)
 *   H f         cursor to row;column (1-based; no parameters: home)
 *   J           erase in display: 0 to the end, 1 to the cursor, 2 and 3 all
 *   K           erase in line: 0 to the end, 1 to the cursor, 2 all
 *   P @         delete, insert n characters at the cursor
 *   m           colours and attributes: 0, 1 (bright), 7 (reverse), 30-37,
 *               39, 40-47, 49
 *   s u         save and restore the cursor (also ESC 7, ESC 8)
 * and ESC c (reset). Private sequences (ESC [ ? ...) are read and ignored.
 * As on an xterm, writing the last column leaves the cursor there until the
 * next character, which then starts a new line.
 */
#include <stdint.h>
#include <string.h>
#include "kernel/dev/console.h"
#include "kernel/i386/layout.h"
#include "kernel/i386/x86.h"

#define COLS		80
#define ROWS		25
#define ATTR_DEFAULT	0x07		/* light grey on black */
#define CRTC_INDEX	0x3d4
#define CRTC_DATA	0x3d5
#define MAXPARAMS	4

enum state { NORMAL, ESCAPE, CSI };

static uint16_t *screen;
static int row, col;			/* the cursor */
static int wrap_pending;		/* the last column was written */
static int saved_row, saved_col;
static uint8_t fg = 7, bg, bright, reverse;
static enum state state;
static int params[MAXPARAMS], nparams, private_seq;

static uint16_t
cell(int c)
{
	uint8_t f = fg | (bright ? 8 : 0), b = bg;

	if (reverse) {
		f = bg;
		b = fg;
	}
	return (uint16_t)((b << 4 | f) << 8 | (c & 0xff));
}

static void
move_hw_cursor(void)
{
	int pos = row * COLS + col;

	outb(CRTC_INDEX, 14);
	outb(CRTC_DATA, pos >> 8);
	outb(CRTC_INDEX, 15);
	outb(CRTC_DATA, pos & 0xff);
}

/* Blank the cells [from, to) of the screen (cell indices). */
static void
blank(int from, int to)
{
	for (; from < to; from++)
		screen[from] = cell(' ');
}

static void
reset(void)
{
	fg = 7;
	bg = bright = reverse = 0;
	row = col = wrap_pending = 0;
	state = NORMAL;
	blank(0, COLS * ROWS);
}

void
vga_init(void)
{
	screen = PHYS_TO_KVA(0xb8000);
	reset();
	move_hw_cursor();
}

static void
line_feed(void)
{
	if (row < ROWS - 1) {
		row++;
		return;
	}
	memmove(screen, screen + COLS, (ROWS - 1) * COLS * sizeof(*screen));
	blank((ROWS - 1) * COLS, ROWS * COLS);
}

static int
clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* The n-th parameter, or def when it is missing or 0. */
static int
param(int n, int def)
{
	return n < nparams && params[n] != 0 ? params[n] : def;
}

static void
set_attributes(void)
{
	static const uint8_t ansi_to_vga[8] = { 0, 4, 2, 6, 1, 5, 3, 7 };
	int i, p;

	for (i = 0; i < (nparams > 0 ? nparams : 1); i++) {
		p = i < nparams ? params[i] : 0;
		if (p == 0) {
			fg = 7;
			bg = bright = reverse = 0;
		} else if (p == 1)
			bright = 1;
		else if (p == 7)
			reverse = 1;
		else if (p == 22)
			bright = 0;
		else if (p == 27)
			reverse = 0;
		else if (p >= 30 && p <= 37)
			fg = ansi_to_vga[p - 30];
		else if (p == 39)
			fg = 7;
		else if (p >= 40 && p <= 47)
			bg = ansi_to_vga[p - 40];
		else if (p == 49)
			bg = 0;
	}
}

/* ESC [ n P deletes, ESC [ n @ inserts n blank cells at the cursor. */
static void
shift_line(int n, int insert)
{
	uint16_t *line = screen + row * COLS;
	int keep;

	n = clamp(n, 1, COLS - col);
	keep = COLS - col - n;
	if (insert) {
		memmove(line + col + n, line + col, keep * sizeof(*line));
		blank(row * COLS + col, row * COLS + col + n);
	} else {
		memmove(line + col, line + col + n, keep * sizeof(*line));
		blank(row * COLS + COLS - n, row * COLS + COLS);
	}
}

static void
erase(int final, int how)
{
	int here = row * COLS + col;
	int start = final == 'J' ? 0 : row * COLS;
	int end = final == 'J' ? ROWS * COLS : (row + 1) * COLS;

	if (how == 0)
		blank(here, end);
	else if (how == 1)
		blank(start, here + 1);
	else
		blank(start, end);
}

static void
csi_final(int c)
{
	if (private_seq)
		return;
	if (c != 'm')
		wrap_pending = 0;
	switch (c) {
	case 'A':
		row = clamp(row - param(0, 1), 0, ROWS - 1);
		break;
	case 'B':
		row = clamp(row + param(0, 1), 0, ROWS - 1);
		break;
	case 'C':
		col = clamp(col + param(0, 1), 0, COLS - 1);
		break;
	case 'D':
		col = clamp(col - param(0, 1), 0, COLS - 1);
		break;
	case 'H':
	case 'f':
		row = clamp(param(0, 1) - 1, 0, ROWS - 1);
		col = clamp(param(1, 1) - 1, 0, COLS - 1);
		break;
	case 'J':
	case 'K':
		erase(c, nparams > 0 ? params[0] : 0);
		break;
	case 'P':
	case '@':
		shift_line(param(0, 1), c == '@');
		break;
	case 'm':
		set_attributes();
		break;
	case 's':
		saved_row = row;
		saved_col = col;
		break;
	case 'u':
		row = saved_row;
		col = saved_col;
		break;
	}
}

static void
escape(int c)
{
	state = NORMAL;
	switch (c) {
	case '[':
		state = CSI;
		nparams = 0;
		private_seq = 0;
		memset(params, 0, sizeof(params));
		break;
	case '7':
		saved_row = row;
		saved_col = col;
		break;
	case '8':
		row = saved_row;
		col = saved_col;
		break;
	case 'c':
		reset();
		break;
	}
}

static void
csi(int c)
{
	if (c >= '0' && c <= '9') {
		if (nparams == 0)
			nparams = 1;
		if (nparams <= MAXPARAMS)
			params[nparams - 1] = params[nparams - 1] * 10 + (c - '0');
	} else if (c == ';') {
		if (nparams == 0)
			nparams = 1;
		nparams++;
	} else if (c == '?')
		private_seq = 1;
	else if (c >= 0x40 && c <= 0x7e) {
		if (nparams > MAXPARAMS)
			nparams = MAXPARAMS;
		state = NORMAL;
		csi_final(c);
	}
}

static void
printable(int c)
{
	if (wrap_pending) {
		col = 0;
		line_feed();
	}
	wrap_pending = 0;
	screen[row * COLS + col] = cell(c);
	if (col == COLS - 1)
		wrap_pending = 1;
	else
		col++;
}

static void
control(int c)
{
	switch (c) {
	case '\n':
		line_feed();
		break;
	case '\r':
		col = 0;
		break;
	case '\b':
		if (col > 0)
			col--;
		break;
	case '\t':
		col = (col | 7) + 1 < COLS ? (col | 7) + 1 : COLS - 1;
		break;
	case 0x1b:
		state = ESCAPE;
		break;
	}
}

void
vga_putc(int c)
{
	if (screen == NULL)
		return;
	c &= 0xff;
	if (state == ESCAPE)
		escape(c);
	else if (state == CSI)
		csi(c);
	else if (c < ' ' || c == 0x7f) {
		if (c != 0x1b)
			wrap_pending = 0;
		control(c);
	} else
		printable(c);
	move_hw_cursor();
}
