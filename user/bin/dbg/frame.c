/*
 * frame.c - walking the stack by frame pointers.
 *
 * Every Kestrel program is built with -fno-omit-frame-pointer, so a frame
 * is "push %ebp; mov %esp,%ebp": the caller's EBP at [ebp], the return
 * address at [ebp+4]. Only the innermost frame needs care, because EIP may
 * be where that chain does not hold yet or any more:
 *   - on the function's first instruction (a breakpoint on its name), or
 *     before its "push %ebp": the return address is at [esp];
 *   - between "push %ebp" and "mov %esp,%ebp": it is at [esp+4];
 *   - after "leave" or "pop %ebp", on the way to "ret", or at the "ret"
 *     of a function without a frame: at [esp].
 * The prologue is found by looking for its bytes (55 89 e5) among the
 * function's first 16; main's stack-aligning prologue puts them later.
 * Like gdb, backtrace stops at main.
 */
#include <stdio.h>
#include <string.h>
#include "dbg.h"

#define MAXFRAMES	64

static int
peek_word(struct dbg *d, uint32_t addr, uint32_t *w)
{
	return peek_mem(d, addr, w, 4) == 4 ? 0 : -1;
}

/* Offset of "push %ebp; mov %esp,%ebp" in the function at s, or -1. */
static int
prologue_offset(struct dbg *d, const struct sym *s)
{
	unsigned char code[16 + 2];
	size_t n = peek_mem(d, s->value, code, sizeof(code));
	size_t i;

	for (i = 0; i + 2 < n && i < 16; i++)
		if (code[i] == 0x55 && code[i + 1] == 0x89 && code[i + 2] == 0xe5)
			return i;
	return -1;
}

/*
 * Is the frame gone, or was there none? True at a "ret", and just after
 * "leave" or "pop %ebp" with a "ret" close behind.
 */
static int
in_epilogue(struct dbg *d, uint32_t eip)
{
	unsigned char b[8];
	size_t n = peek_mem(d, eip - 1, b, sizeof(b)), i;

	if (n >= 2 && b[1] == 0xc3)
		return 1;
	if (n < 2 || (b[0] != 0xc9 && b[0] != 0x5d))
		return 0;
	for (i = 1; i < n; i++)
		if (b[i] == 0xc3)
			return 1;
	return 0;
}

/*
 * Where the innermost frame (registers r) returns to: *ret, the stack slot
 * holding it (*slot) and the caller's frame pointer (*fp). 0, or -1 when
 * there is no caller to find.
 */
static int
innermost(struct dbg *d, const struct reg *r, uint32_t *ret, uint32_t *slot,
    uint32_t *fp)
{
	const struct sym *s = sym_by_addr(&d->syms, r->r_eip);
	int p = -1, off = 0;

	if (s != NULL && s->func) {
		p = prologue_offset(d, s);
		off = r->r_eip - s->value;
	}
	*fp = r->r_ebp;
	if ((s != NULL && off == 0) || (p >= 0 && off <= p))
		*slot = r->r_esp;
	else if (p >= 0 && off == p + 1)
		*slot = r->r_esp + 4;
	else if (in_epilogue(d, r->r_eip))
		*slot = r->r_esp;
	else {
		*slot = r->r_ebp + 4;
		if (r->r_ebp == 0 || peek_word(d, r->r_ebp, fp) != 0)
			return -1;
	}
	if (s != NULL && strcmp(s->name, "_start") == 0)
		return -1;
	if (peek_word(d, *slot, ret) != 0 || *ret == 0)
		return -1;
	return 0;
}

int
caller_of(struct dbg *d, const struct reg *r, uint32_t *ret, uint32_t *slot)
{
	uint32_t fp;

	return innermost(d, r, ret, slot, &fp);
}

static int
is_main(struct dbg *d, uint32_t pc)
{
	const struct sym *s = sym_by_addr(&d->syms, pc);

	return s != NULL && strcmp(s->name, "main") == 0;
}

void
cmd_backtrace(struct dbg *d, char *a)
{
	uint32_t pc, ret, slot, fp;
	struct reg r;
	int n;

	(void)a;
	if (d->pid == 0) {
		printf("No stack.\n");
		return;
	}
	if (get_regs(d, &r) != 0)
		return;
	printf("#0  ");
	print_location(d, r.r_eip);
	if (is_main(d, r.r_eip) || innermost(d, &r, &ret, &slot, &fp) != 0)
		return;
	for (n = 1, pc = ret; n < MAXFRAMES; n++) {
		printf("#%-2d ", n);
		print_location(d, pc);
		if (is_main(d, pc) || fp == 0)
			return;
		if (peek_word(d, fp + 4, &pc) != 0 || pc == 0 ||
		    peek_word(d, fp, &ret) != 0 || (ret != 0 && ret <= fp))
			return;
		fp = ret;
	}
}
