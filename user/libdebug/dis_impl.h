/*
 * dis_impl.h - the opcode tables' shape, shared by the decoder (disasm.c)
 * and the tables (dis_tab.c, dis_sse.c, dis_x87.c).
 *
 * An entry names an instruction and lists its operands in AT&T order
 * (source first), each an operand kind in the style of Intel's opcode maps:
 * E is the ModRM r/m operand (register or memory), G the ModRM reg field,
 * I an immediate, J a relative branch, b/w/v/d the size (v: 16 or 32 bits
 * by the operand-size prefix). Suffix flags say when objdump appends a size
 * letter to the mnemonic.
 */
#ifndef LIBDEBUG_DIS_IMPL_H
#define LIBDEBUG_DIS_IMPL_H

#include <stddef.h>
#include <stdint.h>

enum dis_kind {
	K_NONE,
	K_Eb, K_Ew, K_Ev, K_Ed, K_M,		/* r/m; M: memory only */
	K_Gb, K_Gw, K_Gv,			/* reg field */
	K_Ib, K_Iw, K_Iv, K_sIb,		/* immediates; sIb widened */
	K_Jb, K_Jv,				/* relative branch targets */
	K_AL, K_CL, K_AX, K_eAX, K_pDX,	/* fixed registers; pDX "(%dx)" */
	K_Zb, K_Zv,				/* register in the opcode */
	K_Ob, K_Ov,				/* absolute moffs */
	K_Sw, K_Cd, K_Dd, K_Rd,			/* segment, control, debug; Rd r/m */
	K_Xb, K_Xv, K_Yb, K_Yv, K_BB,		/* string operands, xlat's */
	K_Ap,					/* far pointer $seg,$off */
	K_ES, K_CS, K_SS, K_DS, K_FS, K_GS,
	K_ST, K_STi,				/* %st, %st(i) */
	K_P, K_Q, K_N,				/* MMX: reg, r/m, r/m register */
	K_V, K_W, K_U,				/* SSE: reg, r/m, r/m register */
	K_1					/* the implied 1 of a shift */
};

/* flags of a dis_op */
#define F_Q	0x01	/* size suffix from the E operand when it is memory */
#define F_R	0x02	/* size suffix from the last sized operand, always */
#define F_P	0x04	/* "w" suffix under the operand-size prefix */
#define F_STAR	0x08	/* indirect branch: '*' before the operand */
#define F_GRP	0x10	/* opnd[0] names a group: the reg field decides */
#define F_ALT	0x20	/* "32-bit name|16-bit name" */
#define F_REP	0x40	/* a string op that takes "rep" (not "repz") */
#define F_MMX	0x80	/* MMX op, SSE2 form (xmm) under 0x66 */
#define F_REGALT 0x100	/* "memory form|register form" (movlps|movhlps) */
#define F_CMPP	0x200	/* cmpps and kin: "cmp*ps", '*' the predicate */

struct dis_op {
	const char	*name;		/* NULL: no such instruction */
	uint16_t	flags;
	uint8_t		opnd[3];
};

/* A two-byte opcode 0F xx whose meaning depends on a mandatory prefix. */
struct dis_sse {
	uint8_t		opcode;
	uint8_t		prefix;		/* 0, 0xf3, 0x66 or 0xf2 */
	struct dis_op	op;
};

extern const struct dis_op dis_onebyte[256];
extern const struct dis_op dis_twobyte[256];
extern const struct dis_op dis_groups[][8];
extern const struct dis_sse dis_sse_ops[];
extern const int dis_nsse;

/* x87 (dis_x87.c): the entry for escape esc (0-7) and its ModRM byte. */
void	dis_x87(int esc, uint8_t modrm, struct dis_op *op);

/* group numbers (rows of dis_groups) */
enum {
	G1b, G1v, G1s, G1A, G2b1, G2v1, G2bCL, G2vCL, G2bI, G2vI, G3b, G3v,
	G4, G5, G11b, G11v, G6, G7, G8, G9, G15, G16, G_NOP, G12, G13, G14
};

/* The decoder's state for one instruction (disasm.c, dis_operand.c). */
struct dec {
	const uint8_t	*start, *p, *end;
	uint32_t	addr;
	int		truncated;	/* the bytes ran out */
	int		opsize16, adsize16, seg, rep, lock;
	uint8_t		prefixes[15];
	int		nprefix;
	int		used_seg, used_rep, used_opsize, xmm;
	int		have_modrm;
	uint8_t		modrm, mod, reg, rm;
	char		mem[64];	/* the memory operand, when mod != 3 */
	void		(*target)(void *, uint32_t, char *, size_t);
	void		*arg;
};

extern const char *const dis_sregs[8];

/* dis_operand.c */
uint32_t dis_fetch(struct dec *d, int n);
void	dis_read_modrm(struct dec *d);
int	dis_needs_modrm(int kind);
char	dis_size_of(const struct dec *d, int kind);
int	dis_operand(struct dec *d, int kind, char *b, size_t n);

#endif
