/*
 * dis_operand.c - the operands of an instruction as text: the ModRM byte
 * with its SIB byte and displacement (memory in objdump's "disp(base,index,
 * scale)" form, %eiz where a SIB byte names no index), registers of each
 * size and kind, immediates, branch targets and the fixed operands of the
 * string instructions.
 */
#include <stdio.h>
#include <string.h>
#include "disasm.h"
#include "dis_impl.h"

static const char *const regs32[8] = {
	"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi" };
static const char *const regs16[8] = {
	"ax", "cx", "dx", "bx", "sp", "bp", "si", "di" };
static const char *const regs8[8] = {
	"al", "cl", "dl", "bl", "ah", "ch", "dh", "bh" };
const char *const dis_sregs[8] = {
	"es", "cs", "ss", "ds", "fs", "gs", "?", "?" };

uint32_t
dis_fetch(struct dec *d, int n)
{
	uint32_t v = 0;
	int i;

	for (i = 0; i < n; i++) {
		if (d->p >= d->end) {
			d->truncated = 1;
			return v;
		}
		v |= (uint32_t)*d->p++ << (8 * i);
	}
	return v;
}

static void
hexs(char *buf, size_t n, int32_t v)
{
	if (v < 0)
		snprintf(buf, n, "-0x%x", (unsigned)-(uint32_t)v);
	else
		snprintf(buf, n, "0x%x", (unsigned)v);
}

/* The r/m operand as memory, 16-bit addressing (the 0x67 prefix). */
static void
mem16(struct dec *d, char *b, size_t n)
{
	static const char *const base[8] = { "%bx,%si", "%bx,%di", "%bp,%si",
	    "%bp,%di", "%si", "%di", "%bp", "%bx" };
	char disp[16] = "";

	if (d->mod == 0 && d->rm == 6) {
		snprintf(b, n, "0x%x", (unsigned)dis_fetch(d, 2));
		return;
	}
	if (d->mod == 1)
		hexs(disp, sizeof(disp), (int8_t)dis_fetch(d, 1));
	else if (d->mod == 2)
		hexs(disp, sizeof(disp), (int16_t)dis_fetch(d, 2));
	snprintf(b, n, "%s(%s)", disp, base[d->rm]);
}

/* The r/m operand as memory, 32-bit addressing, with SIB and displacement. */
static void
mem32(struct dec *d, char *b, size_t n)
{
	int base = d->rm, index = 4, scale = 0, havesib = 0;
	int havebase, haveindex, needindex;
	int32_t disp = 0;
	char idx[32] = "", dtext[16] = "";

	if (d->rm == 4) {
		uint8_t sib = dis_fetch(d, 1);

		havesib = 1;
		scale = sib >> 6;
		index = (sib >> 3) & 7;
		base = sib & 7;
	}
	havebase = !(base == 5 && d->mod == 0);
	haveindex = havesib && index != 4;
	needindex = havesib && !havebase && !haveindex;
	if (d->mod == 1)
		disp = (int8_t)dis_fetch(d, 1);
	else if (d->mod == 2 || !havebase)
		disp = (int32_t)dis_fetch(d, 4);
	if (d->mod != 0 || !havebase) {
		if (havebase || haveindex || needindex || (havesib && scale))
			hexs(dtext, sizeof(dtext), disp);
		else
			snprintf(dtext, sizeof(dtext), "0x%x", (unsigned)disp);
	}
	if (havesib && (scale || needindex || haveindex ||
	    (havebase && base != 4)))
		snprintf(idx, sizeof(idx), ",%%%s,%d",
		    haveindex ? regs32[index] : "eiz", 1 << scale);
	if (havebase || haveindex || needindex)
		snprintf(b, n, "%s(%s%s%s)", dtext, havebase ? "%" : "",
		    havebase ? regs32[base] : "", idx);
	else
		snprintf(b, n, "%s", dtext);
}

void
dis_read_modrm(struct dec *d)
{
	uint8_t m = dis_fetch(d, 1);
	char seg[8] = "", addr[56];

	d->have_modrm = 1;
	d->modrm = m;
	d->mod = m >> 6;
	d->reg = (m >> 3) & 7;
	d->rm = m & 7;
	if (d->mod == 3)
		return;
	if (d->seg >= 0) {
		snprintf(seg, sizeof(seg), "%%%s:", dis_sregs[d->seg]);
		d->used_seg = 1;
	}
	if (d->adsize16)
		mem16(d, addr, sizeof(addr));
	else
		mem32(d, addr, sizeof(addr));
	snprintf(d->mem, sizeof(d->mem), "%s%s", seg, addr);
}

int
dis_needs_modrm(int k)
{
	return (k >= K_Eb && k <= K_Gv) || k == K_Sw || k == K_Cd ||
	    k == K_Dd || k == K_Rd || (k >= K_P && k <= K_U);
}

/* The size letter of an operand kind, or 0 for an unsized one. */
char
dis_size_of(const struct dec *d, int k)
{
	switch (k) {
	case K_Eb: case K_Gb: case K_Ib: case K_AL: case K_Zb: case K_Ob:
	case K_Xb: case K_Yb:
		return 'b';
	case K_Ew: case K_Gw: case K_Iw: case K_AX:
		return 'w';
	case K_Ed:
		return 'l';
	case K_Ev: case K_Gv: case K_Iv: case K_eAX: case K_Zv: case K_Ov:
	case K_Xv: case K_Yv: case K_sIb:
		return d->opsize16 ? 'w' : 'l';
	}
	return 0;
}

static const char *
reg_of(char size, int r)
{
	return size == 'b' ? regs8[r] : size == 'w' ? regs16[r] : regs32[r];
}

static void
imm(char *b, size_t n, uint32_t v)
{
	snprintf(b, n, "$0x%x", (unsigned)v);
}

static int
string_seg(struct dec *d)
{
	if (d->seg >= 0) {
		d->used_seg = 1;
		return d->seg;
	}
	return 3;		/* %ds */
}

/* Text of operand kind k into b. 0, or -1 if the encoding is invalid. */
int
dis_operand(struct dec *d, int k, char *b, size_t n)
{
	char sz = dis_size_of(d, k);
	uint32_t v, t;

	if (d->xmm)
		k = k == K_P ? K_V : k == K_Q ? K_W : k == K_N ? K_U : k;
	switch (k) {
	case K_Eb: case K_Ew: case K_Ev: case K_Ed: case K_M:
		if (d->mod != 3)
			snprintf(b, n, "%s", d->mem);
		else if (k == K_M)
			return -1;
		else
			snprintf(b, n, "%%%s", reg_of(sz, d->rm));
		return 0;
	case K_Q: case K_W:
		if (d->mod != 3) {
			snprintf(b, n, "%s", d->mem);
			return 0;
		}
		/* FALLTHROUGH */
	case K_N: case K_U:
		if (d->mod != 3)
			return -1;
		snprintf(b, n, "%%%s%d", k == K_N || k == K_Q ? "mm" : "xmm",
		    d->rm);
		return 0;
	case K_P: case K_V:
		snprintf(b, n, "%%%s%d", k == K_P ? "mm" : "xmm", d->reg);
		return 0;
	case K_Gb: case K_Gw: case K_Gv:
		snprintf(b, n, "%%%s", reg_of(sz, d->reg));
		return 0;
	case K_Rd:
		snprintf(b, n, "%%%s", regs32[d->rm]);
		return 0;
	case K_Ib:
		imm(b, n, dis_fetch(d, 1));
		return 0;
	case K_Iw:
		imm(b, n, dis_fetch(d, 2));
		return 0;
	case K_Iv:
		imm(b, n, dis_fetch(d, d->opsize16 ? 2 : 4));
		return 0;
	case K_sIb:
		v = (uint32_t)(int8_t)dis_fetch(d, 1);
		imm(b, n, d->opsize16 ? v & 0xffff : v);
		return 0;
	case K_Jb: case K_Jv:
		v = k == K_Jb ? (uint32_t)(int8_t)dis_fetch(d, 1) :
		    d->opsize16 ? (uint32_t)(int16_t)dis_fetch(d, 2) : dis_fetch(d, 4);
		t = d->addr + (uint32_t)(d->p - d->start) + v;
		if (d->opsize16)
			t &= 0xffff;
		if (d->target != NULL)
			d->target(d->arg, t, b, n);
		else
			snprintf(b, n, "0x%x", (unsigned)t);
		return 0;
	case K_AL: case K_CL: case K_AX: case K_eAX:
		snprintf(b, n, "%%%s", reg_of(sz ? sz : 'b', k == K_CL));
		return 0;
	case K_pDX:
		snprintf(b, n, "(%%dx)");
		return 0;
	case K_Zb: case K_Zv:
		snprintf(b, n, "%%%s", reg_of(sz, d->start[d->nprefix +
		    (d->start[d->nprefix] == 0x0f)] & 7));
		return 0;
	case K_Ob: case K_Ov:
		v = dis_fetch(d, d->adsize16 ? 2 : 4);
		if (d->seg >= 0)
			d->used_seg = 1;
		snprintf(b, n, "%s%s%s0x%x", d->seg >= 0 ? "%" : "",
		    d->seg >= 0 ? dis_sregs[d->seg] : "", d->seg >= 0 ? ":" : "",
		    (unsigned)v);
		return 0;
	case K_Sw:
		if (d->reg > 5)
			return -1;
		snprintf(b, n, "%%%s", dis_sregs[d->reg]);
		return 0;
	case K_Cd: case K_Dd:
		snprintf(b, n, "%%%s%d", k == K_Cd ? "cr" : "db", d->reg);
		return 0;
	case K_Xb: case K_Xv:
		snprintf(b, n, "%%%s:(%%%s)", dis_sregs[string_seg(d)],
		    d->adsize16 ? "si" : "esi");
		return 0;
	case K_Yb: case K_Yv:
		snprintf(b, n, "%%es:(%%%s)", d->adsize16 ? "di" : "edi");
		return 0;
	case K_BB:
		snprintf(b, n, "%%%s:(%%%s)", dis_sregs[string_seg(d)],
		    d->adsize16 ? "bx" : "ebx");
		return 0;
	case K_Ap:
		v = dis_fetch(d, d->opsize16 ? 2 : 4);
		t = dis_fetch(d, 2);
		snprintf(b, n, "$0x%x,$0x%x", (unsigned)t, (unsigned)v);
		return 0;
	case K_ES: case K_CS: case K_SS: case K_DS: case K_FS: case K_GS:
		snprintf(b, n, "%%%s", dis_sregs[k - K_ES]);
		return 0;
	case K_ST:
		snprintf(b, n, "%%st");
		return 0;
	case K_STi:
		snprintf(b, n, "%%st(%d)", d->rm);
		return 0;
	}
	b[0] = '\0';
	return 0;
}

