/*
 * disasm.h - an i386 disassembler that prints AT&T syntax exactly as
 * binutils' objdump does, for the instructions Kestrel's programs and kernel
 * contain: integer, x87, MMX, SSE/SSE2 and the system instructions.
 *
 * dis_decode() decodes one instruction from a byte buffer. The text has the
 * mnemonic padded to six columns and a blank, then the operands ("mov
 * %esp,%ebp"), or the bare mnemonic. A branch target is formatted by the
 * caller's function (objdump writes "8048220 <step_c>", gdb "0x8048220
 * <step_c>"), so one decoder serves the host test and dbg. Bytes that are
 * no instruction give "(bad)" and a length of 1, as objdump says.
 *
 * The decoder is pure C with no state, usable on the host and in Kestrel.
 */
#ifndef LIBDEBUG_DISASM_H
#define LIBDEBUG_DISASM_H

#include <stddef.h>
#include <stdint.h>

#define DIS_MAXLEN	15		/* the longest i386 instruction */
#define DIS_TEXTMAX	128

/* Writes the text for a branch to addr into buf (size n). */
typedef void (*dis_target_fn)(void *arg, uint32_t addr, char *buf, size_t n);

/*
 * Decode the instruction at code (avail bytes readable, at address addr)
 * into text (DIS_TEXTMAX bytes). target formats branch targets; NULL prints
 * "0x%x". Returns the instruction's length, at least 1.
 */
int	dis_decode(const uint8_t *code, size_t avail, uint32_t addr,
	    dis_target_fn target, void *arg, char *text);

/* Is the instruction at code a call? Its length, else 0 (for "next"). */
int	dis_call_length(const uint8_t *code, size_t avail);

#endif
