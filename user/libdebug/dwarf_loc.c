/*
 * dwarf_loc.c - where a variable lives: location lists and the location
 * expressions gcc writes at -O0 and -O2 (DWARF 5 section 2.5 and 2.6).
 *
 * A location list (.debug_loclists in DWARF 5, .debug_loc before) gives an
 * expression per range of pc; a pc in no range means the variable has no
 * location there: "<optimized out>". An expression is run on a small stack:
 * addresses and constants, registers plus offsets (DW_OP_bregN), the frame
 * base (DW_OP_fbreg, itself an expression of the function, gcc's being
 * DW_OP_call_frame_cfa), arithmetic and DW_OP_deref. It ends as memory at
 * the top of the stack, a register (DW_OP_regN), or a value
 * (DW_OP_stack_value, DW_OP_implicit_value). An entry value (the value a
 * register had on entry) cannot be known after it changed: optimized out.
 */
#include <string.h>
#include "dwarf.h"

#define DW_OP_addr		0x03
#define DW_OP_deref		0x06
#define DW_OP_const1u		0x08
#define DW_OP_const1s		0x09
#define DW_OP_const2u		0x0a
#define DW_OP_const2s		0x0b
#define DW_OP_const4u		0x0c
#define DW_OP_const4s		0x0d
#define DW_OP_constu		0x10
#define DW_OP_consts		0x11
#define DW_OP_dup		0x12
#define DW_OP_minus		0x1c
#define DW_OP_neg		0x1f
#define DW_OP_plus		0x22
#define DW_OP_plus_uconst	0x23
#define DW_OP_lit0		0x30
#define DW_OP_reg0		0x50
#define DW_OP_breg0		0x70
#define DW_OP_regx		0x90
#define DW_OP_fbreg		0x91
#define DW_OP_bregx		0x92
#define DW_OP_piece		0x93
#define DW_OP_nop		0x96
#define DW_OP_call_frame_cfa	0x9c
#define DW_OP_implicit_value	0x9e
#define DW_OP_stack_value	0x9f
#define DW_OP_entry_value	0xa3
#define DW_OP_GNU_entry_value	0xf3

#define STACK	16

static int
eval(const uint8_t *expr, uint32_t len, const uint8_t *fb, uint32_t fblen,
    const struct dw_frame_ctx *ctx, struct dw_loc *out)
{
	struct dw_cursor c = { expr, expr + len, 0 };
	uint32_t st[STACK], v;
	int sp = 0, op;

	memset(out, 0, sizeof(*out));
	out->where = DW_MEMORY;
#define PUSH(x) do { if (sp == STACK) return -1; st[sp++] = (x); } while (0)
#define NEED(n) do { if (sp < (n)) return -1; } while (0)
	while (c.p < c.end && !c.bad) {
		op = dw_fixed(&c, 1);
		if (op >= DW_OP_lit0 && op < DW_OP_lit0 + 32) {
			PUSH(op - DW_OP_lit0);
		} else if (op >= DW_OP_reg0 && op < DW_OP_reg0 + 32) {
			out->where = DW_REGISTER;
			out->reg = op - DW_OP_reg0;
			return c.p == c.end ? 0 : -1;
		} else if (op >= DW_OP_breg0 && op < DW_OP_breg0 + 32) {
			if (ctx->reg(ctx->arg, op - DW_OP_breg0, &v) != 0)
				return -1;
			PUSH(v + (int32_t)dw_sleb(&c));
		} else switch (op) {
		case DW_OP_addr:
			PUSH(dw_fixed(&c, 4));
			break;
		case DW_OP_const1u: PUSH(dw_fixed(&c, 1)); break;
		case DW_OP_const1s: PUSH((int8_t)dw_fixed(&c, 1)); break;
		case DW_OP_const2u: PUSH(dw_fixed(&c, 2)); break;
		case DW_OP_const2s: PUSH((int16_t)dw_fixed(&c, 2)); break;
		case DW_OP_const4u: case DW_OP_const4s: PUSH(dw_fixed(&c, 4)); break;
		case DW_OP_constu: PUSH(dw_uleb(&c)); break;
		case DW_OP_consts: PUSH(dw_sleb(&c)); break;
		case DW_OP_dup:
			NEED(1);
			v = st[sp - 1];
			PUSH(v);
			break;
		case DW_OP_plus:
			NEED(2);
			sp--;
			st[sp - 1] += st[sp];
			break;
		case DW_OP_minus:
			NEED(2);
			sp--;
			st[sp - 1] -= st[sp];
			break;
		case DW_OP_neg:
			NEED(1);
			st[sp - 1] = -st[sp - 1];
			break;
		case DW_OP_plus_uconst:
			NEED(1);
			st[sp - 1] += dw_uleb(&c);
			break;
		case DW_OP_deref:
			NEED(1);
			if (ctx->mem(ctx->arg, st[sp - 1], &st[sp - 1]) != 0)
				return -1;
			break;
		case DW_OP_regx:
			out->where = DW_REGISTER;
			out->reg = dw_uleb(&c);
			return c.p == c.end ? 0 : -1;
		case DW_OP_bregx:
			op = dw_uleb(&c);
			if (ctx->reg(ctx->arg, op, &v) != 0)
				return -1;
			PUSH(v + (int32_t)dw_sleb(&c));
			break;
		case DW_OP_fbreg: {
			struct dw_loc base;

			if (fb == NULL || eval(fb, fblen, NULL, 0, ctx, &base) != 0 ||
			    base.where != DW_MEMORY)
				return -1;
			PUSH(base.addr + (int32_t)dw_sleb(&c));
			break;
		}
		case DW_OP_call_frame_cfa:
			PUSH(ctx->cfa);
			break;
		case DW_OP_stack_value:
			NEED(1);
			out->where = DW_VALUE;
			out->value = st[sp - 1];
			return 0;
		case DW_OP_implicit_value:
			v = dw_uleb(&c);
			if (v > 4)
				return -1;
			out->where = DW_VALUE;
			out->value = dw_fixed(&c, v);
			return 0;
		case DW_OP_entry_value: case DW_OP_GNU_entry_value:
			out->where = DW_OPTIMIZED;
			return 0;
		case DW_OP_nop:
			break;
		default:	/* pieces and the rest: not for dbg */
			return -1;
		}
	}
#undef PUSH
#undef NEED
	if (sp == 0 || c.bad)
		return -1;
	out->addr = st[sp - 1];
	return 0;
}

/* The expression of the DWARF 5 list at off that covers pc, or NULL. */
static const uint8_t *
loclists_find(const struct elf_file *ef, const struct dw_cu *cu, uint32_t off,
    uint32_t pc, uint32_t *len)
{
	struct dw_cursor c;
	uint32_t base = cu->low_pc, lo, hi, n;
	size_t size;
	int kind;

	c.p = elf_section_data(ef, elf_section(ef, ".debug_loclists"), &size);
	if (c.p == NULL || off >= size)
		return NULL;
	c.end = c.p + size;
	c.p += off;
	c.bad = 0;
	while (!c.bad && (kind = dw_fixed(&c, 1)) != 0) {
		switch (kind) {
		case 4:		/* DW_LLE_offset_pair */
			lo = base + dw_uleb(&c);
			hi = base + dw_uleb(&c);
			break;
		case 6:		/* DW_LLE_base_address */
			base = dw_fixed(&c, 4);
			continue;
		case 7:		/* DW_LLE_start_end */
			lo = dw_fixed(&c, 4);
			hi = dw_fixed(&c, 4);
			break;
		case 8:		/* DW_LLE_start_length */
			lo = dw_fixed(&c, 4);
			hi = lo + dw_uleb(&c);
			break;
		case 5:		/* DW_LLE_default_location */
			lo = 0;
			hi = 0xffffffff;
			break;
		default:	/* the indexed (split DWARF) kinds */
			return NULL;
		}
		n = dw_uleb(&c);
		if (n > (uint32_t)(c.end - c.p))
			return NULL;
		if (pc >= lo && pc < hi) {
			*len = n;
			return c.p;
		}
		c.p += n;
	}
	return NULL;
}

/* The same for a DWARF 4 list in .debug_loc. */
static const uint8_t *
loc_find(const struct elf_file *ef, const struct dw_cu *cu, uint32_t off,
    uint32_t pc, uint32_t *len)
{
	struct dw_cursor c;
	uint32_t base = cu->low_pc, lo, hi, n;
	size_t size;

	c.p = elf_section_data(ef, elf_section(ef, ".debug_loc"), &size);
	if (c.p == NULL || off >= size)
		return NULL;
	c.end = c.p + size;
	c.p += off;
	c.bad = 0;
	for (;;) {
		lo = dw_fixed(&c, 4);
		hi = dw_fixed(&c, 4);
		if (c.bad || (lo == 0 && hi == 0))
			return NULL;
		if (lo == 0xffffffff) {
			base = hi;
			continue;
		}
		n = dw_fixed(&c, 2);
		if (n > (uint32_t)(c.end - c.p))
			return NULL;
		if (pc >= base + lo && pc < base + hi) {
			*len = n;
			return c.p;
		}
		c.p += n;
	}
}

int
dw_locate(const struct dw_info *di, const struct dw_die *die,
    const struct dw_die *func, const struct dw_frame_ctx *ctx,
    struct dw_loc *out)
{
	const uint8_t *expr = die->loc;
	uint32_t len = die->loclen;

	memset(out, 0, sizeof(*out));
	out->where = DW_OPTIMIZED;
	if (die->loc_kind == DW_LOC_NONE) {
		if (!die->has_const)
			return 0;
		out->where = DW_VALUE;
		out->value = (uint32_t)die->const_value;
		return 0;
	}
	if (die->loc_kind == DW_LOC_LIST)
		expr = die->cu->version >= 5 ?
		    loclists_find(di->ef, die->cu, die->loclist, ctx->pc, &len) :
		    loc_find(di->ef, die->cu, die->loclist, ctx->pc, &len);
	if (expr == NULL || len == 0)
		return 0;
	return eval(expr, len, func ? func->frame_base : NULL,
	    func ? func->fblen : 0, ctx, out);
}
