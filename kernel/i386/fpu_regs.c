/*
 * fpu_regs.c - converting between the kernel's save area and FreeBSD's
 * struct fpreg (the 387 FNSAVE image that PT_GETFPREGS/PT_SETFPREGS move).
 *
 * With FNSAVE the two are the same bytes. With FXSAVE two fields differ:
 * the tag word is abridged to one bit per register (valid or empty) and the
 * registers sit in 16-byte slots. Going to fpreg, the full tag of each
 * register is recomputed from its contents (valid, zero or special), as
 * FNSAVE would have stored it; coming back, only "empty or not" survives,
 * which is all FXRSTOR can hold. Pure code: tests/host/test_fpregs.c.
 */
#include <string.h>
#include <machine/reg.h>
#include "kernel/i386/fpu.h"

#define TAG_VALID	0
#define TAG_ZERO	1
#define TAG_SPECIAL	2
#define TAG_EMPTY	3

/* The 2-bit tag FNSAVE would report for an 80-bit register value. */
static int
tag_of(const uint8_t *r)
{
	uint16_t exp = (r[8] | r[9] << 8) & 0x7fff;
	uint64_t mant;

	memcpy(&mant, r, 8);
	if (exp == 0x7fff)
		return TAG_SPECIAL;	/* infinity, NaN */
	if (exp == 0)
		return mant == 0 ? TAG_ZERO : TAG_SPECIAL;	/* denormal */
	return (mant >> 63) ? TAG_VALID : TAG_SPECIAL;	/* unnormal */
}

static uint16_t
full_tag_word(const struct fxsave_area *fx)
{
	int top = (fx->fx_fsw >> 11) & 7, i;
	uint16_t tw = 0;

	for (i = 0; i < 8; i++) {	/* i: physical register number */
		int tag = TAG_EMPTY;

		if (fx->fx_ftw & (1 << i))
			tag = tag_of(fx->fx_st[(i - top) & 7]);
		tw |= tag << (2 * i);
	}
	return tw;
}

static uint8_t
abridged_tag(uint16_t tw)
{
	uint8_t ftw = 0;
	int i;

	for (i = 0; i < 8; i++)
		if (((tw >> (2 * i)) & 3) != TAG_EMPTY)
			ftw |= 1 << i;
	return ftw;
}

void
fpu_to_fpreg(const union savefpu *sv, struct fpreg *fp)
{
	int i;

	memset(fp, 0, sizeof(*fp));
	if (!fpu_has_fxsr) {
		memcpy(fp->fpr_env, &sv->sv_fn, sizeof(fp->fpr_env));
		memcpy(fp->fpr_acc, sv->sv_fn.fn_st, sizeof(fp->fpr_acc));
		/* cw, sw, tw and fos have reserved upper halves: read as 0. */
		fp->fpr_env[0] &= 0xffff;
		fp->fpr_env[1] &= 0xffff;
		fp->fpr_env[2] &= 0xffff;
		fp->fpr_env[6] &= 0xffff;
		return;
	}
	fp->fpr_env[0] = sv->sv_fx.fx_fcw;
	fp->fpr_env[1] = sv->sv_fx.fx_fsw;
	fp->fpr_env[2] = full_tag_word(&sv->sv_fx);
	fp->fpr_env[3] = sv->sv_fx.fx_fip;
	fp->fpr_env[4] = sv->sv_fx.fx_fcs | (uint32_t)(sv->sv_fx.fx_fop & 0x7ff) << 16;
	fp->fpr_env[5] = sv->sv_fx.fx_fdp;
	fp->fpr_env[6] = sv->sv_fx.fx_fds;
	for (i = 0; i < 8; i++)
		memcpy(fp->fpr_acc[i], sv->sv_fx.fx_st[i], 10);
}

/* Replaces the x87 part of sv; MXCSR and the XMM registers are kept. */
void
fpu_from_fpreg(union savefpu *sv, const struct fpreg *fp)
{
	int i;

	if (!fpu_has_fxsr) {
		memcpy(&sv->sv_fn, fp->fpr_env, sizeof(fp->fpr_env));
		memcpy(sv->sv_fn.fn_st, fp->fpr_acc, sizeof(fp->fpr_acc));
		return;
	}
	sv->sv_fx.fx_fcw = fp->fpr_env[0];
	sv->sv_fx.fx_fsw = fp->fpr_env[1];
	sv->sv_fx.fx_ftw = abridged_tag(fp->fpr_env[2]);
	sv->sv_fx.fx_fip = fp->fpr_env[3];
	sv->sv_fx.fx_fcs = fp->fpr_env[4] & 0xffff;
	sv->sv_fx.fx_fop = (fp->fpr_env[4] >> 16) & 0x7ff;
	sv->sv_fx.fx_fdp = fp->fpr_env[5];
	sv->sv_fx.fx_fds = fp->fpr_env[6] & 0xffff;
	for (i = 0; i < 8; i++) {
		memcpy(sv->sv_fx.fx_st[i], fp->fpr_acc[i], 10);
		memset(sv->sv_fx.fx_st[i] + 10, 0, 6);
	}
}
