/*
 * fpu_lib.h - what the fpu_* suites share: reading the FPU state without
 * changing it, loading a distinctive pattern into every x87, SSE and control
 * register, and comparing the two.
 *
 * A snapshot comes from FXSAVE where the CPU has FXSR, else from FNSAVE
 * (followed by FRSTOR, because FNSAVE re-initialises the FPU). Both are
 * turned into one struct fpview so a test reads the same fields on every
 * CPU. Between loading a pattern and checking it a test may run ordinary C
 * code: the suites are built without any floating-point code of their own
 * (and gcc uses no FP register for integer code), so only the kernel could
 * change the registers in between. Everything is static inline: each suite
 * is one program and uses only part of it.
 */
#ifndef FPU_LIB_H
#define FPU_LIB_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/kinfo.h>
#include <machine/reg.h>
#include "lib/ktest.h"

#define FCW_DEFAULT	0x037f
#define MXCSR_DEFAULT	0x1f80
#define FSW_ES		0x0080
#define FSW_B		0x8000

/* The FPU state as the tests compare it. */
struct fpview {
	uint16_t	cw, sw;
	uint8_t		tags;		/* bit i: physical register i not empty */
	uint16_t	fop;
	uint32_t	fip, fdp;
	uint32_t	mxcsr;		/* 0 without SSE */
	uint8_t		st[8][10];	/* st(0) .. st(7) */
	uint8_t		xmm[8][16];	/* zero without SSE */
};

/* Values for every register, made from a seed. */
struct fppattern {
	uint16_t	cw;
	int		nregs;		/* x87 registers in use, 1..8 */
	uint8_t		st[8][10];	/* what st(0) .. st(nregs-1) hold */
	uint32_t	mxcsr;
	uint8_t		xmm[8][16];
};

union fpimage {
	struct xmmreg	fx;
	struct fpreg	fn;
	uint8_t		raw[512];
} __attribute__((aligned(16)));

static inline int
fpu_features(void)
{
	static int features = -1;

	if (features < 0)
		features = kinfo(KINFO_CPUFEATURES);
	return features;
}

static inline int
fpu_fxsr(void)
{
	return (fpu_features() & KCPU_FXSR) != 0;
}

static inline int
fpu_sse(void)
{
	return (fpu_features() & KCPU_SSE) != 0;
}

/* Full 387 tag word -> one bit per physical register (FXSAVE's form). */
static inline uint8_t
fpu_abridge(uint32_t tw)
{
	uint8_t tags = 0;
	int i;

	for (i = 0; i < 8; i++)
		if (((tw >> (2 * i)) & 3) != 3)
			tags |= 1 << i;
	return tags;
}

static inline void
fpu_view_fx(const struct xmmreg *fx, struct fpview *v)
{
	int i;

	memset(v, 0, sizeof(*v));
	v->cw = fx->xmm_env[0] & 0xffff;
	v->sw = fx->xmm_env[0] >> 16;
	v->tags = fx->xmm_env[1] & 0xff;
	v->fop = (fx->xmm_env[1] >> 16) & 0x7ff;
	v->fip = fx->xmm_env[2];
	v->fdp = fx->xmm_env[4];
	v->mxcsr = fx->xmm_env[6];
	for (i = 0; i < 8; i++)
		memcpy(v->st[i], fx->xmm_acc[i], 10);
	memcpy(v->xmm, fx->xmm_reg, sizeof(v->xmm));
}

static inline void
fpu_view_fn(const struct fpreg *fn, struct fpview *v)
{
	memset(v, 0, sizeof(*v));
	v->cw = fn->fpr_env[0] & 0xffff;
	v->sw = fn->fpr_env[1] & 0xffff;
	v->tags = fpu_abridge(fn->fpr_env[2] & 0xffff);
	v->fop = (fn->fpr_env[4] >> 16) & 0x7ff;
	v->fip = fn->fpr_env[3];
	v->fdp = fn->fpr_env[5];
	memcpy(v->st, fn->fpr_acc, sizeof(v->st));
}

/* Read the whole FPU state; it stays loaded as it was. Reentrant. */
static inline void
fpu_snapshot(struct fpview *v)
{
	union fpimage img;

	memset(&img, 0, sizeof(img));	/* QEMU's FXSAVE leaves FOP unwritten */
	if (fpu_fxsr()) {
		__asm__ volatile("fxsave %0" : "=m"(img.raw));
		fpu_view_fx(&img.fx, v);
	} else {
		__asm__ volatile("fnsave %0\n\tfrstor %0" : "+m"(img.raw));
		fpu_view_fn(&img.fn, v);
	}
}

/* A normal 80-bit value (J bit set) that no other seed or slot makes. */
static inline void
fpu_value(uint8_t out[10], unsigned seed, int slot)
{
	uint64_t mant = 0x8000000000000000ull | (uint64_t)(seed & 0xffff) << 40 |
	    (uint64_t)slot << 32 | (0x9e3779b9u * (seed * 8 + slot + 1));
	uint16_t se = (uint16_t)(0x3fff + (seed % 64) - slot) |
	    (slot & 1 ? 0x8000 : 0);

	memcpy(out, &mant, 8);
	memcpy(out + 8, &se, 2);
}

static inline void
fpu_pattern(struct fppattern *p, unsigned seed)
{
	int i, j;

	memset(p, 0, sizeof(*p));
	/* Rounding (bits 10-11) and precision (8-9: 2 or 3) vary; all masked. */
	p->cw = 0x007f | (seed & 1 ? 0x200 : 0x300) | ((seed >> 1) & 3) << 10;
	p->nregs = 8 - seed % 4;
	for (i = 0; i < p->nregs; i++)
		fpu_value(p->st[i], seed, i);
	/* Rounding (bits 13-14) and flush-to-zero (bit 15) vary; all masked. */
	p->mxcsr = MXCSR_DEFAULT | (seed & 3) << 13 | (seed & 4 ? 0x8000 : 0);
	for (i = 0; i < 8; i++)
		for (j = 0; j < 16; j++)
			p->xmm[i][j] = (uint8_t)(seed * 131 + i * 16 + j + 1);
}

/* Put p into the registers: FNINIT, the control word, pushes, SSE. */
static inline void
fpu_load(const struct fppattern *p)
{
	int i;

	__asm__ volatile("fninit\n\tfldcw %0" : : "m"(p->cw));
	for (i = p->nregs - 1; i >= 0; i--)
		__asm__ volatile("fldt %0" : : "m"(p->st[i]));
	if (!fpu_sse())
		return;
	__asm__ volatile("ldmxcsr %0" : : "m"(p->mxcsr));
	__asm__ volatile(
	    "movups 0(%0), %%xmm0\n\tmovups 16(%0), %%xmm1\n\t"
	    "movups 32(%0), %%xmm2\n\tmovups 48(%0), %%xmm3\n\t"
	    "movups 64(%0), %%xmm4\n\tmovups 80(%0), %%xmm5\n\t"
	    "movups 96(%0), %%xmm6\n\tmovups 112(%0), %%xmm7"
	    : : "r"(p->xmm) : "memory");
}

/*
 * Does the live state hold p? On a mismatch, why says where (for KT_CHECK)
 * and 0 is returned.
 */
static inline int
fpu_holds(const struct fppattern *p, const struct fpview *v, char *why,
    size_t len)
{
	int top = (8 - p->nregs) & 7, i;
	uint8_t tags = (uint8_t)(0xff << top);

	if (v->cw != p->cw || v->sw != top << 11 || v->tags != tags) {
		snprintf(why, len, "cw %#x sw %#x tags %#x, expected %#x %#x %#x",
		    v->cw, v->sw, v->tags, p->cw, top << 11, tags);
		return 0;
	}
	for (i = 0; i < p->nregs; i++)
		if (memcmp(v->st[i], p->st[i], 10) != 0) {
			snprintf(why, len, "st(%d) differs", i);
			return 0;
		}
	if (!fpu_sse())
		return 1;
	if (v->mxcsr != p->mxcsr) {
		snprintf(why, len, "mxcsr %#x, expected %#x", v->mxcsr, p->mxcsr);
		return 0;
	}
	for (i = 0; i < 8; i++)
		if (memcmp(v->xmm[i], p->xmm[i], 16) != 0) {
			snprintf(why, len, "xmm%d differs", i);
			return 0;
		}
	return 1;
}

/* p as PT_SETFPREGS takes it: the 387 image, full tag word. */
static inline void
fpu_pattern_fpreg(const struct fppattern *p, struct fpreg *fp)
{
	int top = (8 - p->nregs) & 7, i;

	memset(fp, 0, sizeof(*fp));
	fp->fpr_env[0] = p->cw;
	fp->fpr_env[1] = top << 11;
	fp->fpr_env[2] = 0xffff >> (2 * p->nregs);	/* 11 (empty) below TOP */
	for (i = 0; i < p->nregs; i++)
		memcpy(fp->fpr_acc[i], p->st[i], 10);
}

/* p as PT_SETXMMREGS takes it: the FXSAVE image. */
static inline void
fpu_pattern_xmm(const struct fppattern *p, struct xmmreg *x)
{
	int top = (8 - p->nregs) & 7, i;

	memset(x, 0, sizeof(*x));
	x->xmm_env[0] = p->cw | (uint32_t)(top << 11) << 16;
	x->xmm_env[1] = (uint8_t)(0xff << top);
	x->xmm_env[6] = p->mxcsr;
	for (i = 0; i < p->nregs; i++)
		memcpy(x->xmm_acc[i], p->st[i], 10);
	memcpy(x->xmm_reg, p->xmm, sizeof(x->xmm_reg));
}

/* Is v the state a new image or a signal handler starts with? */
static inline int
fpu_is_clean(const struct fpview *v, char *why, size_t len)
{
	if (v->cw != FCW_DEFAULT || v->sw != 0 || v->tags != 0) {
		snprintf(why, len, "cw %#x sw %#x tags %#x, expected %#x 0 0",
		    v->cw, v->sw, v->tags, FCW_DEFAULT);
		return 0;
	}
	if (v->fip != 0 || v->fdp != 0 || v->fop != 0) {
		snprintf(why, len, "fip %#x fdp %#x fop %#x, expected 0",
		    v->fip, v->fdp, v->fop);
		return 0;
	}
	if (fpu_sse() && v->mxcsr != MXCSR_DEFAULT) {
		snprintf(why, len, "mxcsr %#x, expected %#x", v->mxcsr,
		    MXCSR_DEFAULT);
		return 0;
	}
	return 1;
}

/* Does any byte run of p's values appear in v's registers (a leak)? */
static inline int
fpu_shows(const struct fppattern *p, const struct fpview *v)
{
	int i, j;

	for (i = 0; i < p->nregs; i++)
		for (j = 0; j < 8; j++)
			if (memcmp(v->st[j], p->st[i], 8) == 0)
				return 1;
	if (!fpu_sse())
		return 0;
	for (i = 0; i < 8; i++)
		for (j = 0; j < 8; j++)
			if (memcmp(v->xmm[j], p->xmm[i], 16) == 0)
				return 1;
	return 0;
}

#endif
