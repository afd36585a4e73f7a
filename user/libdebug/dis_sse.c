/*
 * dis_sse.c - the two-byte opcodes of MMX, SSE and SSE2, whose meaning
 * depends on a mandatory prefix: none (packed single, MMX), F3 (scalar
 * single), 66 (packed double, SSE2 integer on xmm) or F2 (scalar double).
 * One row per (opcode, prefix); rows flagged F_MMX stand for both the MMX
 * form and, under 66, the same mnemonic on xmm registers.
 */
#include <stddef.h>
#include "dis_impl.h"

#define R(o, p, n, f, a, b, c)	{ o, p, { n, f, { a, b, c } } }
#define R2(o, p, n, a, b)	R(o, p, n, 0, a, b, K_NONE)
/* The four precisions of an arithmetic op: ps, ss, pd, sd, on W -> V. */
#define ARITH(o, n)							\
	R2(o, 0, n "ps", K_W, K_V), R2(o, 0xf3, n "ss", K_W, K_V),	\
	R2(o, 0x66, n "pd", K_W, K_V), R2(o, 0xf2, n "sd", K_W, K_V)
#define PACKED(o, n)							\
	R2(o, 0, n "ps", K_W, K_V), R2(o, 0x66, n "pd", K_W, K_V)
#define MMX(o, n)	R(o, 0, n, F_MMX, K_Q, K_P, K_NONE)

const struct dis_sse dis_sse_ops[] = {
	R2(0x10, 0, "movups", K_W, K_V), R2(0x10, 0xf3, "movss", K_W, K_V),
	R2(0x10, 0x66, "movupd", K_W, K_V), R2(0x10, 0xf2, "movsd", K_W, K_V),
	R2(0x11, 0, "movups", K_V, K_W), R2(0x11, 0xf3, "movss", K_V, K_W),
	R2(0x11, 0x66, "movupd", K_V, K_W), R2(0x11, 0xf2, "movsd", K_V, K_W),
	R(0x12, 0, "movlps|movhlps", F_REGALT, K_W, K_V, K_NONE),
	R2(0x12, 0x66, "movlpd", K_M, K_V),
	R2(0x13, 0, "movlps", K_V, K_M), R2(0x13, 0x66, "movlpd", K_V, K_M),
	PACKED(0x14, "unpckl"), PACKED(0x15, "unpckh"),
	R(0x16, 0, "movhps|movlhps", F_REGALT, K_W, K_V, K_NONE),
	R2(0x16, 0x66, "movhpd", K_M, K_V),
	R2(0x17, 0, "movhps", K_V, K_M), R2(0x17, 0x66, "movhpd", K_V, K_M),
	PACKED(0x28, "mova"),
	R2(0x29, 0, "movaps", K_V, K_W), R2(0x29, 0x66, "movapd", K_V, K_W),
	R2(0x2a, 0, "cvtpi2ps", K_Q, K_V),
	R2(0x2a, 0xf3, "cvtsi2ss", K_Ed, K_V),
	R2(0x2a, 0x66, "cvtpi2pd", K_Q, K_V),
	R2(0x2a, 0xf2, "cvtsi2sd", K_Ed, K_V),
	R2(0x2b, 0, "movntps", K_V, K_M), R2(0x2b, 0x66, "movntpd", K_V, K_M),
	R2(0x2c, 0, "cvttps2pi", K_W, K_P), R2(0x2c, 0xf3, "cvttss2si", K_W, K_Gv),
	R2(0x2c, 0x66, "cvttpd2pi", K_W, K_P),
	R2(0x2c, 0xf2, "cvttsd2si", K_W, K_Gv),
	R2(0x2d, 0, "cvtps2pi", K_W, K_P), R2(0x2d, 0xf3, "cvtss2si", K_W, K_Gv),
	R2(0x2d, 0x66, "cvtpd2pi", K_W, K_P),
	R2(0x2d, 0xf2, "cvtsd2si", K_W, K_Gv),
	R2(0x2e, 0, "ucomiss", K_W, K_V), R2(0x2e, 0x66, "ucomisd", K_W, K_V),
	R2(0x2f, 0, "comiss", K_W, K_V), R2(0x2f, 0x66, "comisd", K_W, K_V),
	R2(0x50, 0, "movmskps", K_U, K_Gv), R2(0x50, 0x66, "movmskpd", K_U, K_Gv),
	ARITH(0x51, "sqrt"),
	R2(0x52, 0, "rsqrtps", K_W, K_V), R2(0x52, 0xf3, "rsqrtss", K_W, K_V),
	R2(0x53, 0, "rcpps", K_W, K_V), R2(0x53, 0xf3, "rcpss", K_W, K_V),
	PACKED(0x54, "and"), PACKED(0x55, "andn"), PACKED(0x56, "or"),
	PACKED(0x57, "xor"),
	ARITH(0x58, "add"), ARITH(0x59, "mul"),
	R2(0x5a, 0, "cvtps2pd", K_W, K_V), R2(0x5a, 0xf3, "cvtss2sd", K_W, K_V),
	R2(0x5a, 0x66, "cvtpd2ps", K_W, K_V), R2(0x5a, 0xf2, "cvtsd2ss", K_W, K_V),
	R2(0x5b, 0, "cvtdq2ps", K_W, K_V), R2(0x5b, 0xf3, "cvttps2dq", K_W, K_V),
	R2(0x5b, 0x66, "cvtps2dq", K_W, K_V),
	ARITH(0x5c, "sub"), ARITH(0x5d, "min"), ARITH(0x5e, "div"),
	ARITH(0x5f, "max"),
	MMX(0x60, "punpcklbw"), MMX(0x61, "punpcklwd"), MMX(0x62, "punpckldq"),
	MMX(0x63, "packsswb"), MMX(0x64, "pcmpgtb"), MMX(0x65, "pcmpgtw"),
	MMX(0x66, "pcmpgtd"), MMX(0x67, "packuswb"), MMX(0x68, "punpckhbw"),
	MMX(0x69, "punpckhwd"), MMX(0x6a, "punpckhdq"), MMX(0x6b, "packssdw"),
	R2(0x6c, 0x66, "punpcklqdq", K_W, K_V),
	R2(0x6d, 0x66, "punpckhqdq", K_W, K_V),
	R2(0x6e, 0, "movd", K_Ed, K_P), R2(0x6e, 0x66, "movd", K_Ed, K_V),
	R2(0x6f, 0, "movq", K_Q, K_P), R2(0x6f, 0x66, "movdqa", K_W, K_V),
	R2(0x6f, 0xf3, "movdqu", K_W, K_V),
	R(0x70, 0, "pshufw", 0, K_Ib, K_Q, K_P),
	R(0x70, 0x66, "pshufd", 0, K_Ib, K_W, K_V),
	R(0x70, 0xf3, "pshufhw", 0, K_Ib, K_W, K_V),
	R(0x70, 0xf2, "pshuflw", 0, K_Ib, K_W, K_V),
	MMX(0x74, "pcmpeqb"), MMX(0x75, "pcmpeqw"), MMX(0x76, "pcmpeqd"),
	R2(0x7e, 0, "movd", K_P, K_Ed), R2(0x7e, 0x66, "movd", K_V, K_Ed),
	R2(0x7e, 0xf3, "movq", K_W, K_V),
	R2(0x7f, 0, "movq", K_P, K_Q), R2(0x7f, 0x66, "movdqa", K_V, K_W),
	R2(0x7f, 0xf3, "movdqu", K_V, K_W),
	R(0xc2, 0, "cmp*ps", F_CMPP, K_W, K_V, K_NONE),
	R(0xc2, 0xf3, "cmp*ss", F_CMPP, K_W, K_V, K_NONE),
	R(0xc2, 0x66, "cmp*pd", F_CMPP, K_W, K_V, K_NONE),
	R(0xc2, 0xf2, "cmp*sd", F_CMPP, K_W, K_V, K_NONE),
	R(0xc4, 0, "pinsrw", F_MMX, K_Ib, K_Ed, K_P),
	R(0xc5, 0, "pextrw", F_MMX, K_Ib, K_N, K_Gv),
	R(0xc6, 0, "shufps", 0, K_Ib, K_W, K_V),
	R(0xc6, 0x66, "shufpd", 0, K_Ib, K_W, K_V),
	MMX(0xd1, "psrlw"), MMX(0xd2, "psrld"), MMX(0xd3, "psrlq"),
	MMX(0xd4, "paddq"), MMX(0xd5, "pmullw"),
	R2(0xd6, 0x66, "movq", K_V, K_W),
	R(0xd7, 0, "pmovmskb", F_MMX, K_N, K_Gv, K_NONE),
	MMX(0xd8, "psubusb"), MMX(0xd9, "psubusw"), MMX(0xda, "pminub"),
	MMX(0xdb, "pand"), MMX(0xdc, "paddusb"), MMX(0xdd, "paddusw"),
	MMX(0xde, "pmaxub"), MMX(0xdf, "pandn"),
	MMX(0xe0, "pavgb"), MMX(0xe1, "psraw"), MMX(0xe2, "psrad"),
	MMX(0xe3, "pavgw"), MMX(0xe4, "pmulhuw"), MMX(0xe5, "pmulhw"),
	R2(0xe6, 0x66, "cvttpd2dq", K_W, K_V), R2(0xe6, 0xf3, "cvtdq2pd", K_W, K_V),
	R2(0xe6, 0xf2, "cvtpd2dq", K_W, K_V),
	R2(0xe7, 0, "movntq", K_P, K_M), R2(0xe7, 0x66, "movntdq", K_V, K_M),
	MMX(0xe8, "psubsb"), MMX(0xe9, "psubsw"), MMX(0xea, "pminsw"),
	MMX(0xeb, "por"), MMX(0xec, "paddsb"), MMX(0xed, "paddsw"),
	MMX(0xee, "pmaxsw"), MMX(0xef, "pxor"),
	MMX(0xf1, "psllw"), MMX(0xf2, "pslld"), MMX(0xf3, "psllq"),
	MMX(0xf4, "pmuludq"), MMX(0xf5, "pmaddwd"), MMX(0xf6, "psadbw"),
	R2(0xf7, 0, "maskmovq", K_N, K_P), R2(0xf7, 0x66, "maskmovdqu", K_U, K_V),
	MMX(0xf8, "psubb"), MMX(0xf9, "psubw"), MMX(0xfa, "psubd"),
	MMX(0xfb, "psubq"), MMX(0xfc, "paddb"), MMX(0xfd, "paddw"),
	MMX(0xfe, "paddd"),
};

const int dis_nsse = sizeof(dis_sse_ops) / sizeof(dis_sse_ops[0]);
