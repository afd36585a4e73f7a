/*
 * dis_x87.c - the x87 escape opcodes D8-DF in objdump's spelling.
 *
 * With a memory operand the reg field of ModRM picks the operation, and the
 * mnemonic carries the memory's size as objdump writes it (flds, fldl,
 * fldt, fildl, fildll, ...). With a register operand (mod 3) the reg field
 * picks either an operation on %st and %st(i), or, for a few rows, the r/m
 * field picks an operation with no operand at all (fchs, fld1, fninit...).
 * objdump follows the old AT&T assemblers in the DC and DE rows: the
 * encoding Intel calls "fsubr st(i), st" is printed "fsub %st,%st(i)".
 */
#include <stddef.h>
#include <string.h>
#include "dis_impl.h"

static const char *const mem_names[8][8] = {
	{ "fadds", "fmuls", "fcoms", "fcomps", "fsubs", "fsubrs", "fdivs",
	  "fdivrs" },
	{ "flds", NULL, "fsts", "fstps", "fldenv", "fldcw", "fnstenv",
	  "fnstcw" },
	{ "fiaddl", "fimull", "ficoml", "ficompl", "fisubl", "fisubrl",
	  "fidivl", "fidivrl" },
	{ "fildl", "fisttpl", "fistl", "fistpl", NULL, "fldt", NULL, "fstpt" },
	{ "faddl", "fmull", "fcoml", "fcompl", "fsubl", "fsubrl", "fdivl",
	  "fdivrl" },
	{ "fldl", "fisttpll", "fstl", "fstpl", "frstor", NULL, "fnsave",
	  "fnstsw" },
	{ "fiadds", "fimuls", "ficoms", "ficomps", "fisubs", "fisubrs",
	  "fidivs", "fidivrs" },
	{ "filds", "fisttps", "fists", "fistps", "fbld", "fildll", "fbstp",
	  "fistpll" },
};

/* Register forms: operands "%st(i),%st" (A), "%st,%st(i)" (B), "%st(i)" (C). */
#define A	{ K_STi, K_ST }
#define B	{ K_ST, K_STi }
#define C	{ K_STi }
#define X	{ 0 }		/* the r/m field picks a name from singles */

static const struct dis_op reg_ops[8][8] = {
	{ { "fadd", 0, A }, { "fmul", 0, A }, { "fcom", 0, C },
	  { "fcomp", 0, C }, { "fsub", 0, A }, { "fsubr", 0, A },
	  { "fdiv", 0, A }, { "fdivr", 0, A } },
	{ { "fld", 0, C }, { "fxch", 0, C }, { "", 0, X }, { NULL, 0, X },
	  { "", 0, X }, { "", 0, X }, { "", 0, X }, { "", 0, X } },
	{ { "fcmovb", 0, A }, { "fcmove", 0, A }, { "fcmovbe", 0, A },
	  { "fcmovu", 0, A }, { NULL, 0, X }, { "", 0, X }, { NULL, 0, X },
	  { NULL, 0, X } },
	{ { "fcmovnb", 0, A }, { "fcmovne", 0, A }, { "fcmovnbe", 0, A },
	  { "fcmovnu", 0, A }, { "", 0, X }, { "fucomi", 0, A },
	  { "fcomi", 0, A }, { NULL, 0, X } },
	{ { "fadd", 0, B }, { "fmul", 0, B }, { NULL, 0, X }, { NULL, 0, X },
	  { "fsub", 0, B }, { "fsubr", 0, B }, { "fdiv", 0, B },
	  { "fdivr", 0, B } },
	{ { "ffree", 0, C }, { NULL, 0, X }, { "fst", 0, C }, { "fstp", 0, C },
	  { "fucom", 0, C }, { "fucomp", 0, C }, { NULL, 0, X },
	  { NULL, 0, X } },
	{ { "faddp", 0, B }, { "fmulp", 0, B }, { NULL, 0, X }, { "", 0, X },
	  { "fsubp", 0, B }, { "fsubrp", 0, B }, { "fdivp", 0, B },
	  { "fdivrp", 0, B } },
	{ { "ffreep", 0, C }, { NULL, 0, X }, { NULL, 0, X }, { NULL, 0, X },
	  { "", 0, X }, { "fucomip", 0, A }, { "fcomip", 0, A },
	  { NULL, 0, X } },
};

#undef A
#undef B
#undef C
#undef X

/* The operand-less register forms, by escape and reg field, then r/m. */
static const struct {
	uint8_t		esc, reg;
	const char	*names[8];
} singles[] = {
	{ 1, 2, { "fnop" } },
	{ 1, 4, { "fchs", "fabs", NULL, NULL, "ftst", "fxam" } },
	{ 1, 5, { "fld1", "fldl2t", "fldl2e", "fldpi", "fldlg2", "fldln2",
	    "fldz" } },
	{ 1, 6, { "f2xm1", "fyl2x", "fptan", "fpatan", "fxtract", "fprem1",
	    "fdecstp", "fincstp" } },
	{ 1, 7, { "fprem", "fyl2xp1", "fsqrt", "fsincos", "frndint", "fscale",
	    "fsin", "fcos" } },
	{ 2, 5, { NULL, "fucompp" } },
	{ 3, 4, { NULL, NULL, "fnclex", "fninit" } },
	{ 6, 3, { NULL, "fcompp" } },
};

/* Fill *op with the entry for escape esc (0-7) and ModRM byte modrm. */
void
dis_x87(int esc, uint8_t modrm, struct dis_op *op)
{
	int reg = (modrm >> 3) & 7, rm = modrm & 7;
	size_t i;

	memset(op, 0, sizeof(*op));
	if ((modrm >> 6) != 3) {
		op->name = mem_names[esc][reg];
		op->opnd[0] = K_M;
		return;
	}
	*op = reg_ops[esc][reg];
	if (op->name == NULL || op->name[0] != '\0')
		return;
	op->name = NULL;
	if (esc == 7 && reg == 4 && rm == 0) {
		op->name = "fnstsw";
		op->opnd[0] = K_AX;
		return;
	}
	for (i = 0; i < sizeof(singles) / sizeof(singles[0]); i++)
		if (singles[i].esc == esc && singles[i].reg == reg)
			op->name = singles[i].names[rm];
}
