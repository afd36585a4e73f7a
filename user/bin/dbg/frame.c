/*
 * frame.c - walking the stack by frame pointers, and the registers of the
 * selected frame.
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
 * Like gdb, the walk stops at main. A frame's CFA (canonical frame address,
 * what gcc's DW_OP_call_frame_cfa means) is the stack pointer its caller
 * had before the call: just above the return address.
 */
#include <stdio.h>
#include <string.h>
#include "dbg.h"

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

/*
 * gcc's main realigns the stack ("lea 0x4(%esp),%ecx; and $-16,%esp; push
 * -0x4(%ecx); push %ebp; mov %esp,%ebp", then pushes ending with %ecx):
 * its arguments are not at ebp+8 but where ecx pointed, and ecx is saved
 * below ebp. For a frame at pc with frame pointer ebp, the true CFA, or
 * cfa unchanged for every other function.
 */
static uint32_t
realigned_cfa(struct dbg *d, uint32_t pc, uint32_t ebp, uint32_t cfa)
{
	static const unsigned char head[] = { 0x8d, 0x4c, 0x24, 0x04, 0x83,
	    0xe4, 0xf0, 0xff, 0x71, 0xfc, 0x55, 0x89, 0xe5 };
	const struct sym *s = sym_by_addr(&d->syms, pc);
	unsigned char code[sizeof(head) + 4];
	uint32_t saved;
	int i;

	if (s == NULL || peek_mem(d, s->value, code, sizeof(code)) !=
	    sizeof(code) || memcmp(code, head, sizeof(head)) != 0)
		return cfa;
	for (i = 0; i < 4; i++)
		if (code[sizeof(head) + i] == 0x51)	/* push %ecx */
			break;
	if (i == 4 || pc <= s->value + sizeof(head) + i ||
	    peek_word(d, ebp - 4 * (i + 1), &saved) != 0)
		return cfa;
	return saved;
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

/*
 * The frames of the stopped program, innermost first, into f (at most
 * max). Frame 0 is the registers; each caller's EIP is the return address,
 * its ESP the callee's CFA (the stack above the return address) and its
 * EBP the one saved by the callee's prologue. Returns the count (0: none).
 */
int
frame_list(struct dbg *d, struct frame *f, int max)
{
	uint32_t ret, slot, fp, next;
	struct reg r;
	int n = 1;

	if (d->pid == 0 || max < 1 || get_regs(d, &r) != 0)
		return 0;
	f[0].pc = r.r_eip;
	f[0].esp = r.r_esp;
	f[0].ebp = r.r_ebp;
	f[0].cfa = r.r_esp + 4;
	if (innermost(d, &r, &ret, &slot, &fp) != 0)
		return 1;
	f[0].cfa = realigned_cfa(d, f[0].pc, f[0].ebp, slot + 4);
	if (is_main(d, r.r_eip))
		return 1;
	for (; n < max; n++) {
		f[n].pc = ret;
		f[n].esp = f[n - 1].cfa;
		f[n].ebp = fp;
		f[n].cfa = realigned_cfa(d, ret, fp, fp + 8);
		if (is_main(d, ret) || fp == 0 ||
		    peek_word(d, fp + 4, &ret) != 0 || ret == 0 ||
		    peek_word(d, fp, &next) != 0 || (next != 0 && next <= fp))
			return n + 1;
		fp = next;
	}
	return n;
}

/* The selected frame (clamped to the frames there are). 0, or -1: none. */
int
frame_selected(struct dbg *d, struct frame *f)
{
	struct frame all[MAXFRAMES];
	int n = frame_list(d, all, MAXFRAMES);

	if (n == 0)
		return -1;
	if (d->frame >= n)
		d->frame = n - 1;
	*f = all[d->frame];
	return 0;
}

/*
 * Where the code of a frame is for line and scope lookups: a caller's pc is
 * a return address, just after its call; pc - 1 is still in the call.
 */
uint32_t
frame_lookup_pc(const struct frame *f, int level)
{
	return level > 0 ? f->pc - 1 : f->pc;
}

/* DWARF register dwreg of the selected frame into buf (size bytes). */
int
frame_register(struct dbg *d, int dwreg, void *buf, uint32_t size)
{
	static const size_t gp[10] = {
		offsetof(struct reg, r_eax), offsetof(struct reg, r_ecx),
		offsetof(struct reg, r_edx), offsetof(struct reg, r_ebx),
		offsetof(struct reg, r_esp), offsetof(struct reg, r_ebp),
		offsetof(struct reg, r_esi), offsetof(struct reg, r_edi),
		offsetof(struct reg, r_eip), offsetof(struct reg, r_eflags),
	};
	static const size_t segs[6] = {
		offsetof(struct reg, r_es), offsetof(struct reg, r_cs),
		offsetof(struct reg, r_ss), offsetof(struct reg, r_ds),
		offsetof(struct reg, r_fs), offsetof(struct reg, r_gs),
	};
	struct frame f;
	struct reg r;
	uint32_t v;

	memset(buf, 0, size);
	if (dwreg >= 11 && dwreg <= 18)
		return fpu_register_value(d, dwreg - 11, buf, size);
	if (dwreg >= 21 && dwreg <= 28)
		return xmm_register_value(d, dwreg - 21, buf, size);
	if (dwreg == 39)
		return xmm_register_value(d, -1, buf, size);
	if (dwreg >= 40 && dwreg <= 45) {
		if (get_regs(d, &r) != 0)
			return -1;
		v = *reg_field(&r, segs[dwreg - 40]);
		memcpy(buf, &v, size < 4 ? size : 4);
		return 0;
	}
	if (dwreg < 0 || dwreg > 9 || get_regs(d, &r) != 0 ||
	    frame_selected(d, &f) != 0) {
		printf("Cannot read register %d.\n", dwreg);
		return -1;
	}
	v = *reg_field(&r, gp[dwreg]);
	if (dwreg == 4)
		v = f.esp;
	else if (dwreg == 5)
		v = f.ebp;
	else if (dwreg == 8)
		v = f.pc;
	memcpy(buf, &v, size < 4 ? size : 4);
	return 0;
}

/* Write DWARF register dwreg (a general register of frame 0 only). */
int
frame_set_register(struct dbg *d, int dwreg, const void *buf, uint32_t size)
{
	static const char *const names[46] = { "eax", "ecx", "edx", "ebx",
	    "esp", "ebp", "esi", "edi", "eip", "eflags", [40] = "es", "cs",
	    "ss", "ds", "fs", "gs" };
	size_t off;
	struct reg r;
	uint32_t v = 0;

	if (d->frame != 0 || dwreg < 0 || dwreg > 45 || names[dwreg] == NULL) {
		printf("dbg writes the general registers of the innermost "
		    "frame only.\n");
		return -1;
	}
	if (get_regs(d, &r) != 0 || reg_lookup(names[dwreg], &off) != 0)
		return -1;
	memcpy(&v, buf, size < 4 ? size : 4);
	*reg_field(&r, off) = v;
	return set_regs(d, &r, "registers");
}
