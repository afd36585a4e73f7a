/*
 * dis_tab.c - the one-byte and two-byte (0F xx) opcode maps and the ModRM
 * groups, after Intel's SDM volume 2, appendix A, spelled as objdump spells
 * them in AT&T syntax. Operands are listed in AT&T order (source first).
 * Missing entries are NULL names: "(bad)". Prefix bytes are handled by the
 * decoder, the two-byte opcodes that a mandatory prefix changes (SSE) by
 * dis_sse.c, the x87 escapes by dis_x87.c.
 */
#include <stddef.h>
#include "dis_impl.h"

#define OP(n, f, a, b, c)	{ n, f, { a, b, c } }
#define OP0(n)			OP(n, 0, K_NONE, K_NONE, K_NONE)
#define OP1(n, f, a)		OP(n, f, a, K_NONE, K_NONE)
#define OP2(n, f, a, b)		OP(n, f, a, b, K_NONE)
#define GRP(g)			OP(NULL, F_GRP, g, K_NONE, K_NONE)

/* The six encodings of add, or, adc, sbb, and, sub, xor, cmp. */
#define ALU(base, n)							\
	[base] = OP2(n, 0, K_Gb, K_Eb),					\
	[base + 1] = OP2(n, 0, K_Gv, K_Ev),				\
	[base + 2] = OP2(n, 0, K_Eb, K_Gb),				\
	[base + 3] = OP2(n, 0, K_Ev, K_Gv),				\
	[base + 4] = OP2(n, 0, K_Ib, K_AL),				\
	[base + 5] = OP2(n, 0, K_Iv, K_eAX)

#define EIGHT(base, a, b, c, d, e, f, g, h, fl, o1, o2)			\
	[base] = OP2(a, fl, o1, o2), [base + 1] = OP2(b, fl, o1, o2),	\
	[base + 2] = OP2(c, fl, o1, o2), [base + 3] = OP2(d, fl, o1, o2), \
	[base + 4] = OP2(e, fl, o1, o2), [base + 5] = OP2(f, fl, o1, o2), \
	[base + 6] = OP2(g, fl, o1, o2), [base + 7] = OP2(h, fl, o1, o2)

#define CC16(base, p, fl, o1, o2)					\
	EIGHT(base, p "o", p "no", p "b", p "ae", p "e", p "ne", p "be", \
	    p "a", fl, o1, o2),						\
	EIGHT(base + 8, p "s", p "ns", p "p", p "np", p "l", p "ge",	\
	    p "le", p "g", fl, o1, o2)

const struct dis_op dis_onebyte[256] = {
	ALU(0x00, "add"), ALU(0x08, "or"), ALU(0x10, "adc"), ALU(0x18, "sbb"),
	ALU(0x20, "and"), ALU(0x28, "sub"), ALU(0x30, "xor"), ALU(0x38, "cmp"),
	[0x06] = OP1("push", F_P, K_ES), [0x07] = OP1("pop", F_P, K_ES),
	[0x0e] = OP1("push", F_P, K_CS),
	[0x16] = OP1("push", F_P, K_SS), [0x17] = OP1("pop", F_P, K_SS),
	[0x1e] = OP1("push", F_P, K_DS), [0x1f] = OP1("pop", F_P, K_DS),
	[0x27] = OP0("daa"), [0x2f] = OP0("das"), [0x37] = OP0("aaa"),
	[0x3f] = OP0("aas"),
	EIGHT(0x40, "inc", "inc", "inc", "inc", "inc", "inc", "inc", "inc",
	    0, K_Zv, K_NONE),
	EIGHT(0x48, "dec", "dec", "dec", "dec", "dec", "dec", "dec", "dec",
	    0, K_Zv, K_NONE),
	EIGHT(0x50, "push", "push", "push", "push", "push", "push", "push",
	    "push", 0, K_Zv, K_NONE),
	EIGHT(0x58, "pop", "pop", "pop", "pop", "pop", "pop", "pop", "pop",
	    0, K_Zv, K_NONE),
	[0x60] = OP1("pusha", F_P, K_NONE), [0x61] = OP1("popa", F_P, K_NONE),
	[0x62] = OP2("bound", 0, K_Gv, K_M), [0x63] = OP2("arpl", 0, K_Gw, K_Ew),
	[0x68] = OP1("push", F_P, K_Iv),
	[0x69] = OP("imul", 0, K_Iv, K_Ev, K_Gv),
	[0x6a] = OP1("push", F_P, K_sIb),
	[0x6b] = OP("imul", 0, K_sIb, K_Ev, K_Gv),
	[0x6c] = OP2("ins", F_R | F_REP, K_pDX, K_Yb),
	[0x6d] = OP2("ins", F_R | F_REP, K_pDX, K_Yv),
	[0x6e] = OP2("outs", F_R | F_REP, K_Xb, K_pDX),
	[0x6f] = OP2("outs", F_R | F_REP, K_Xv, K_pDX),
	CC16(0x70, "j", 0, K_Jb, K_NONE),
	[0x80] = GRP(G1b), [0x81] = GRP(G1v), [0x82] = GRP(G1b),
	[0x83] = GRP(G1s),
	[0x84] = OP2("test", 0, K_Gb, K_Eb), [0x85] = OP2("test", 0, K_Gv, K_Ev),
	[0x86] = OP2("xchg", 0, K_Gb, K_Eb), [0x87] = OP2("xchg", 0, K_Gv, K_Ev),
	[0x88] = OP2("mov", 0, K_Gb, K_Eb), [0x89] = OP2("mov", 0, K_Gv, K_Ev),
	[0x8a] = OP2("mov", 0, K_Eb, K_Gb), [0x8b] = OP2("mov", 0, K_Ev, K_Gv),
	[0x8c] = OP2("mov", 0, K_Sw, K_Ev), [0x8d] = OP2("lea", 0, K_M, K_Gv),
	[0x8e] = OP2("mov", 0, K_Ev, K_Sw), [0x8f] = GRP(G1A),
	[0x90] = OP0("nop"),
	[0x91] = OP2("xchg", 0, K_eAX, K_Zv), [0x92] = OP2("xchg", 0, K_eAX, K_Zv),
	[0x93] = OP2("xchg", 0, K_eAX, K_Zv), [0x94] = OP2("xchg", 0, K_eAX, K_Zv),
	[0x95] = OP2("xchg", 0, K_eAX, K_Zv), [0x96] = OP2("xchg", 0, K_eAX, K_Zv),
	[0x97] = OP2("xchg", 0, K_eAX, K_Zv),
	[0x98] = OP1("cwtl|cbtw", F_ALT, K_NONE),
	[0x99] = OP1("cltd|cwtd", F_ALT, K_NONE),
	[0x9a] = OP1("lcall", 0, K_Ap), [0x9b] = OP0("fwait"),
	[0x9c] = OP1("pushf", F_P, K_NONE), [0x9d] = OP1("popf", F_P, K_NONE), [0x9e] = OP0("sahf"),
	[0x9f] = OP0("lahf"),
	[0xa0] = OP2("mov", 0, K_Ob, K_AL), [0xa1] = OP2("mov", 0, K_Ov, K_eAX),
	[0xa2] = OP2("mov", 0, K_AL, K_Ob), [0xa3] = OP2("mov", 0, K_eAX, K_Ov),
	[0xa4] = OP2("movs", F_R | F_REP, K_Xb, K_Yb),
	[0xa5] = OP2("movs", F_R | F_REP, K_Xv, K_Yv),
	[0xa6] = OP2("cmps", F_R, K_Yb, K_Xb), [0xa7] = OP2("cmps", F_R, K_Yv, K_Xv),
	[0xa8] = OP2("test", 0, K_Ib, K_AL), [0xa9] = OP2("test", 0, K_Iv, K_eAX),
	[0xaa] = OP2("stos", F_REP, K_AL, K_Yb),
	[0xab] = OP2("stos", F_REP, K_eAX, K_Yv),
	[0xac] = OP2("lods", F_REP, K_Xb, K_AL),
	[0xad] = OP2("lods", F_REP, K_Xv, K_eAX),
	[0xae] = OP2("scas", 0, K_Yb, K_AL), [0xaf] = OP2("scas", 0, K_Yv, K_eAX),
	EIGHT(0xb0, "mov", "mov", "mov", "mov", "mov", "mov", "mov", "mov",
	    0, K_Ib, K_Zb),
	EIGHT(0xb8, "mov", "mov", "mov", "mov", "mov", "mov", "mov", "mov",
	    0, K_Iv, K_Zv),
	[0xc0] = GRP(G2bI), [0xc1] = GRP(G2vI),
	[0xc2] = OP1("ret", 0, K_Iw), [0xc3] = OP0("ret"),
	[0xc4] = OP2("les", 0, K_M, K_Gv), [0xc5] = OP2("lds", 0, K_M, K_Gv),
	[0xc6] = GRP(G11b), [0xc7] = GRP(G11v),
	[0xc8] = OP2("enter", 0, K_Iw, K_Ib), [0xc9] = OP0("leave"),
	[0xca] = OP1("lret", 0, K_Iw), [0xcb] = OP0("lret"),
	[0xcc] = OP0("int3"), [0xcd] = OP1("int", 0, K_Ib), [0xce] = OP0("into"),
	[0xcf] = OP1("iret", F_P, K_NONE),
	[0xd0] = GRP(G2b1), [0xd1] = GRP(G2v1), [0xd2] = GRP(G2bCL),
	[0xd3] = GRP(G2vCL),
	[0xd4] = OP1("aam", 0, K_Ib), [0xd5] = OP1("aad", 0, K_Ib),
	[0xd7] = OP1("xlat", 0, K_BB),
	[0xe0] = OP1("loopne", 0, K_Jb), [0xe1] = OP1("loope", 0, K_Jb),
	[0xe2] = OP1("loop", 0, K_Jb), [0xe3] = OP1("jecxz", 0, K_Jb),
	[0xe4] = OP2("in", 0, K_Ib, K_AL), [0xe5] = OP2("in", 0, K_Ib, K_eAX),
	[0xe6] = OP2("out", 0, K_AL, K_Ib), [0xe7] = OP2("out", 0, K_eAX, K_Ib),
	[0xe8] = OP1("call", 0, K_Jv), [0xe9] = OP1("jmp", 0, K_Jv),
	[0xea] = OP1("ljmp", 0, K_Ap), [0xeb] = OP1("jmp", 0, K_Jb),
	[0xec] = OP2("in", 0, K_pDX, K_AL), [0xed] = OP2("in", 0, K_pDX, K_eAX),
	[0xee] = OP2("out", 0, K_AL, K_pDX), [0xef] = OP2("out", 0, K_eAX, K_pDX),
	[0xf1] = OP0("int1"), [0xf4] = OP0("hlt"), [0xf5] = OP0("cmc"),
	[0xf6] = GRP(G3b), [0xf7] = GRP(G3v),
	[0xf8] = OP0("clc"), [0xf9] = OP0("stc"), [0xfa] = OP0("cli"),
	[0xfb] = OP0("sti"), [0xfc] = OP0("cld"), [0xfd] = OP0("std"),
	[0xfe] = GRP(G4), [0xff] = GRP(G5),
};

const struct dis_op dis_twobyte[256] = {
	[0x00] = GRP(G6), [0x01] = GRP(G7),
	[0x02] = OP2("lar", 0, K_Ev, K_Gv), [0x03] = OP2("lsl", 0, K_Ev, K_Gv),
	[0x06] = OP0("clts"), [0x08] = OP0("invd"), [0x09] = OP0("wbinvd"),
	[0x0b] = OP0("ud2"), [0x18] = GRP(G16), [0x1f] = GRP(G_NOP),
	[0x20] = OP2("mov", 0, K_Cd, K_Rd), [0x21] = OP2("mov", 0, K_Dd, K_Rd),
	[0x22] = OP2("mov", 0, K_Rd, K_Cd), [0x23] = OP2("mov", 0, K_Rd, K_Dd),
	[0x30] = OP0("wrmsr"), [0x31] = OP0("rdtsc"), [0x32] = OP0("rdmsr"),
	[0x33] = OP0("rdpmc"), [0x34] = OP0("sysenter"), [0x35] = OP0("sysexit"),
	CC16(0x40, "cmov", 0, K_Ev, K_Gv),
	[0x71] = GRP(G12), [0x72] = GRP(G13), [0x73] = GRP(G14),
	[0x77] = OP0("emms"),
	CC16(0x80, "j", 0, K_Jv, K_NONE),
	CC16(0x90, "set", 0, K_Eb, K_NONE),
	[0xa0] = OP1("push", F_P, K_FS), [0xa1] = OP1("pop", F_P, K_FS),
	[0xa2] = OP0("cpuid"), [0xa3] = OP2("bt", 0, K_Gv, K_Ev),
	[0xa4] = OP("shld", 0, K_Ib, K_Gv, K_Ev),
	[0xa5] = OP("shld", 0, K_CL, K_Gv, K_Ev),
	[0xa8] = OP1("push", F_P, K_GS), [0xa9] = OP1("pop", F_P, K_GS),
	[0xaa] = OP0("rsm"), [0xab] = OP2("bts", 0, K_Gv, K_Ev),
	[0xac] = OP("shrd", 0, K_Ib, K_Gv, K_Ev),
	[0xad] = OP("shrd", 0, K_CL, K_Gv, K_Ev),
	[0xae] = GRP(G15), [0xaf] = OP2("imul", 0, K_Ev, K_Gv),
	[0xb0] = OP2("cmpxchg", 0, K_Gb, K_Eb),
	[0xb1] = OP2("cmpxchg", 0, K_Gv, K_Ev),
	[0xb2] = OP2("lss", 0, K_M, K_Gv), [0xb3] = OP2("btr", 0, K_Gv, K_Ev),
	[0xb4] = OP2("lfs", 0, K_M, K_Gv), [0xb5] = OP2("lgs", 0, K_M, K_Gv),
	[0xb6] = OP2("movzb", F_R, K_Eb, K_Gv),
	[0xb7] = OP2("movzw", F_R, K_Ew, K_Gv),
	[0xba] = GRP(G8), [0xbb] = OP2("btc", 0, K_Gv, K_Ev),
	[0xbc] = OP2("bsf", 0, K_Ev, K_Gv), [0xbd] = OP2("bsr", 0, K_Ev, K_Gv),
	[0xbe] = OP2("movsb", F_R, K_Eb, K_Gv),
	[0xbf] = OP2("movsw", F_R, K_Ew, K_Gv),
	[0xc0] = OP2("xadd", 0, K_Gb, K_Eb), [0xc1] = OP2("xadd", 0, K_Gv, K_Ev),
	[0xc3] = OP2("movnti", 0, K_Gv, K_M), [0xc7] = GRP(G9),
	EIGHT(0xc8, "bswap", "bswap", "bswap", "bswap", "bswap", "bswap",
	    "bswap", "bswap", 0, K_Zv, K_NONE),
};

#define G8OPS(a, b, c, d, e, f, g, h, fl, o1, o2)			\
	{ OP2(a, fl, o1, o2), OP2(b, fl, o1, o2), OP2(c, fl, o1, o2),	\
	  OP2(d, fl, o1, o2), OP2(e, fl, o1, o2), OP2(f, fl, o1, o2),	\
	  OP2(g, fl, o1, o2), OP2(h, fl, o1, o2) }
#define G1(o1, o2)							\
	G8OPS("add", "or", "adc", "sbb", "and", "sub", "xor", "cmp", F_Q, o1, o2)
#define G2(o1, o2)							\
	G8OPS("rol", "ror", "rcl", "rcr", "shl", "shr", "shl", "sar", F_Q, o1, o2)
#define G3(e, i)							\
	{ OP2("test", F_Q, i, e), OP2("test", F_Q, i, e),		\
	  OP1("not", F_Q, e), OP1("neg", F_Q, e), OP1("mul", F_Q, e),	\
	  OP1("imul", F_Q, e), OP1("div", F_Q, e), OP1("idiv", F_Q, e) }

/* Indexed by the G* numbers of dis_impl.h, then by the reg field. */
const struct dis_op dis_groups[][8] = {
	[G1b] = G1(K_Ib, K_Eb), [G1v] = G1(K_Iv, K_Ev), [G1s] = G1(K_sIb, K_Ev),
	[G1A] = { OP1("pop", F_P, K_Ev) },
	[G2b1] = G2(K_Eb, K_NONE), [G2v1] = G2(K_Ev, K_NONE),
	[G2bCL] = G2(K_CL, K_Eb), [G2vCL] = G2(K_CL, K_Ev),
	[G2bI] = G2(K_Ib, K_Eb), [G2vI] = G2(K_Ib, K_Ev),
	[G3b] = G3(K_Eb, K_Ib), [G3v] = G3(K_Ev, K_Iv),
	[G4] = { OP1("inc", F_Q, K_Eb), OP1("dec", F_Q, K_Eb) },
	[G5] = { OP1("inc", F_Q, K_Ev), OP1("dec", F_Q, K_Ev),
		 OP1("call", F_STAR, K_Ev), OP1("lcall", F_STAR, K_M),
		 OP1("jmp", F_STAR, K_Ev), OP1("ljmp", F_STAR, K_M),
		 OP1("push", F_P, K_Ev) },
	[G11b] = { OP2("mov", F_Q, K_Ib, K_Eb) },
	[G11v] = { OP2("mov", F_Q, K_Iv, K_Ev) },
	[G6] = { OP1("sldt", 0, K_Ev), OP1("str", 0, K_Ev), OP1("lldt", 0, K_Ew),
		 OP1("ltr", 0, K_Ew), OP1("verr", 0, K_Ew), OP1("verw", 0, K_Ew) },
	[G7] = { OP1("sgdtl", 0, K_M), OP1("sidtl", 0, K_M),
		 OP1("lgdtl", 0, K_M), OP1("lidtl", 0, K_M),
		 OP1("smsw", 0, K_Ev), OP0(NULL), OP1("lmsw", 0, K_Ew),
		 OP1("invlpg", 0, K_M) },
	[G8] = { OP0(NULL), OP0(NULL), OP0(NULL), OP0(NULL),
		 OP2("bt", F_Q, K_Ib, K_Ev), OP2("bts", F_Q, K_Ib, K_Ev),
		 OP2("btr", F_Q, K_Ib, K_Ev), OP2("btc", F_Q, K_Ib, K_Ev) },
	[G9] = { OP0(NULL), OP1("cmpxchg8b", 0, K_M) },
	[G15] = { OP1("fxsave", 0, K_M), OP1("fxrstor", 0, K_M),
		  OP1("ldmxcsr", 0, K_M), OP1("stmxcsr", 0, K_M),
		  OP1("xsave", 0, K_M), OP1("xrstor", 0, K_M),
		  OP1("xsaveopt", 0, K_M), OP1("clflush", 0, K_M) },
	[G16] = { OP1("prefetchnta", 0, K_M), OP1("prefetcht0", 0, K_M),
		  OP1("prefetcht1", 0, K_M), OP1("prefetcht2", 0, K_M) },
	[G_NOP] = { OP1("nop", F_Q, K_Ev) },
	[G12] = { [2] = OP2("psrlw", F_MMX, K_Ib, K_N),
		  [4] = OP2("psraw", F_MMX, K_Ib, K_N),
		  [6] = OP2("psllw", F_MMX, K_Ib, K_N) },
	[G13] = { [2] = OP2("psrld", F_MMX, K_Ib, K_N),
		  [4] = OP2("psrad", F_MMX, K_Ib, K_N),
		  [6] = OP2("pslld", F_MMX, K_Ib, K_N) },
	[G14] = { [2] = OP2("psrlq", F_MMX, K_Ib, K_N),
		  [3] = OP2("psrldq", F_MMX, K_Ib, K_U),
		  [6] = OP2("psllq", F_MMX, K_Ib, K_N),
		  [7] = OP2("pslldq", F_MMX, K_Ib, K_U) },
};
