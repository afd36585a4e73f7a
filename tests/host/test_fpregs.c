// SOURCES: kernel/i386/fpu_regs.c
// CFLAGS: -m32 -idirafter user/include
/*
 * test_fpregs.c - kernel/i386/fpu_regs.c on the host: converting the kernel's
 * FPU save area to FreeBSD's struct fpreg and back, in both formats.
 *
 * FXSAVE path: the full 387 tag word is rebuilt from the abridged one and
 * the register contents (valid, zero, special: NaN, infinity, denormal,
 * pseudo-denormal, unnormal; empty whatever the contents), with ST(i) mapped
 * to physical register (TOP + i) mod 8; the environment words (FCS and the
 * 11-bit opcode share one, selectors are 16 bits) pack and unpack; a round
 * trip keeps everything FXSAVE can hold, MXCSR and the XMM registers
 * included. FNSAVE path: the image is the struct, the reserved upper halves
 * of cw, sw, tw and fos read as 0, and FIP and FDP keep all 32 bits.
 *
 * Built with -m32: struct fpreg's words are i386 longs.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <machine/reg.h>
#include "kernel/i386/fpu.h"

int fpu_has_fxsr;	/* what fpu_regs.c asks; the kernel sets it at boot */

static int failures;

static void
verdict(const char *name, const char *why)
{
	if (why == NULL) {
		printf("PASS %s\n", name);
	} else {
		printf("FAIL %s: %s\n", name, why);
		failures++;
	}
}

static void
put80(uint8_t *r, uint16_t se, uint64_t mant)
{
	memcpy(r, &mant, 8);
	memcpy(r + 8, &se, 2);
}

/* An FXSAVE image with all eight registers valid (TOP = top). */
static void
fx_image(union savefpu *sv, int top)
{
	int i;

	memset(sv, 0, sizeof(*sv));
	sv->sv_fx.fx_fcw = 0x037f;
	sv->sv_fx.fx_fsw = top << 11;
	sv->sv_fx.fx_ftw = 0xff;
	sv->sv_fx.fx_mxcsr = 0x1f80;
	sv->sv_fx.fx_mxcsr_mask = 0xffff;
	for (i = 0; i < 8; i++)
		put80(sv->sv_fx.fx_st[i], 0x3fff + i, 0x8000000000000000ull | i);
}

static int
tag_at(const struct fpreg *fp, int phys)
{
	return (fp->fpr_env[2] >> (2 * phys)) & 3;
}

/* Each kind of value in ST(0), TOP = 0, so ST(0) is physical register 0. */
static const char *
test_tag_kinds(void)
{
	static const struct {
		uint16_t	se;
		uint64_t	mant;
		int		tag;
	} kinds[] = {
		{ 0x3fff, 0x8000000000000000ull, 0 },	/* 1.0 */
		{ 0xc005, 0xc000000000000000ull, 0 },	/* -48.0 */
		{ 0x0000, 0, 1 },			/* +0 */
		{ 0x8000, 0, 1 },			/* -0 */
		{ 0x7fff, 0x8000000000000000ull, 2 },	/* +infinity */
		{ 0xffff, 0xc000000000000000ull, 2 },	/* quiet NaN */
		{ 0x7fff, 0x8000000000000001ull, 2 },	/* signalling NaN */
		{ 0x0000, 0x0000000000000001ull, 2 },	/* denormal */
		{ 0x0000, 0x8000000000000000ull, 2 },	/* pseudo-denormal */
		{ 0x4000, 0x4000000000000000ull, 2 },	/* unnormal */
	};
	static char why[80];
	union savefpu sv;
	struct fpreg fp;
	size_t k;

	fpu_has_fxsr = 1;
	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		fx_image(&sv, 0);
		put80(sv.sv_fx.fx_st[0], kinds[k].se, kinds[k].mant);
		fpu_to_fpreg(&sv, &fp);
		if (tag_at(&fp, 0) != kinds[k].tag) {
			snprintf(why, sizeof(why), "value %zu: tag %d, expected %d",
			    k, tag_at(&fp, 0), kinds[k].tag);
			return why;
		}
	}
	return NULL;
}

/* An empty register is tagged 3 whatever it holds, valid-looking or zero. */
static const char *
test_tag_empty(void)
{
	union savefpu sv;
	struct fpreg fp;

	fpu_has_fxsr = 1;
	fx_image(&sv, 0);
	put80(sv.sv_fx.fx_st[3], 0, 0);
	sv.sv_fx.fx_ftw = 0xff & ~(1 << 3 | 1 << 5);
	fpu_to_fpreg(&sv, &fp);
	if (fp.fpr_env[2] != (0x0000 | 3 << 6 | 3 << 10))
		return "empty registers 3 and 5 not tagged 3 alone";
	sv.sv_fx.fx_ftw = 0;
	fpu_to_fpreg(&sv, &fp);
	return fp.fpr_env[2] == 0xffff ? NULL : "an all-empty FPU is not 0xffff";
}

/*
 * TOP = 5: ST(i) lives in physical register (5 + i) mod 8, and the abridged
 * tag bits count physical registers. Only ST(2) (physical 7) is a zero.
 */
static const char *
test_tag_top(void)
{
	union savefpu sv;
	struct fpreg fp;
	int phys;

	fpu_has_fxsr = 1;
	fx_image(&sv, 5);
	put80(sv.sv_fx.fx_st[2], 0, 0);
	sv.sv_fx.fx_ftw = 0xff & ~(1 << 0);	/* physical 0 = ST(3): empty */
	fpu_to_fpreg(&sv, &fp);
	for (phys = 0; phys < 8; phys++) {
		int want = phys == 0 ? 3 : phys == 7 ? 1 : 0;

		if (tag_at(&fp, phys) != want)
			return "tags not mapped through TOP";
	}
	if (memcmp(fp.fpr_acc[2], sv.sv_fx.fx_st[2], 10) != 0)
		return "st(2) not copied in ST order";
	return NULL;
}

static const char *
test_env_fields(void)
{
	union savefpu sv;
	struct fpreg fp;

	fpu_has_fxsr = 1;
	fx_image(&sv, 1);
	sv.sv_fx.fx_fcw = 0x0b7b;
	sv.sv_fx.fx_fsw = 0x8884;
	sv.sv_fx.fx_fop = 0x0735;
	sv.sv_fx.fx_fip = 0x08049abc;
	sv.sv_fx.fx_fcs = 0x001b;
	sv.sv_fx.fx_fdp = 0xbfbfee10;
	sv.sv_fx.fx_fds = 0x0023;
	fpu_to_fpreg(&sv, &fp);
	if (fp.fpr_env[0] != 0x0b7b || fp.fpr_env[1] != 0x8884)
		return "cw or sw";
	if (fp.fpr_env[3] != 0x08049abc || fp.fpr_env[5] != 0xbfbfee10)
		return "fip or fdp";
	if (fp.fpr_env[4] != (0x001bu | 0x0735u << 16) || fp.fpr_env[6] != 0x23)
		return "fcs|fop or fds";
	memset(&sv, 0xee, sizeof(sv));
	fp.fpr_env[4] = 0xffff001b;	/* opcode bits above 10 are not FOP */
	fp.fpr_env[6] = 0xabcd0023;
	fpu_from_fpreg(&sv, &fp);
	if (sv.sv_fx.fx_fop != 0x7ff || sv.sv_fx.fx_fcs != 0x1b ||
	    sv.sv_fx.fx_fds != 0x23 || sv.sv_fx.fx_fip != 0x08049abc)
		return "fcs|fop or fds not unpacked to their widths";
	return NULL;
}

/* FXSAVE -> fpreg -> FXSAVE keeps every field, and MXCSR and XMM. */
static const char *
test_fx_round_trip(void)
{
	union savefpu a, b;
	struct fpreg fp;
	int i;

	fpu_has_fxsr = 1;
	fx_image(&a, 6);
	a.sv_fx.fx_ftw = 0xd7;
	put80(a.sv_fx.fx_st[1], 0x7fff, 0xc000000000000000ull);
	put80(a.sv_fx.fx_st[4], 0x8000, 0);
	a.sv_fx.fx_fop = 0x05d9;
	a.sv_fx.fx_fip = 0x0804a000;
	a.sv_fx.fx_fcs = 0x1b;
	a.sv_fx.fx_mxcsr = 0x9fc0;
	for (i = 0; i < 16 * 8; i++)
		a.sv_fx.fx_xmm[i / 16][i % 16] = (uint8_t)(i * 7 + 1);
	b = a;
	fpu_to_fpreg(&a, &fp);
	b.sv_fx.fx_fcw = b.sv_fx.fx_fsw = b.sv_fx.fx_fop = 0x5555;
	b.sv_fx.fx_fcs = b.sv_fx.fx_fds = 0x5555;
	b.sv_fx.fx_ftw = 0x55;
	b.sv_fx.fx_fip = b.sv_fx.fx_fdp = 0x55555555;
	memset(b.sv_fx.fx_st, 0x55, sizeof(b.sv_fx.fx_st));
	fpu_from_fpreg(&b, &fp);
	return memcmp(&a, &b, sizeof(a)) == 0 ? NULL :
	    "the image changed on the way through struct fpreg";
}

/*
 * fpreg -> FXSAVE -> fpreg: only "empty or not" survives FXSAVE, so a
 * register tagged valid that holds zero comes back tagged zero; empty stays
 * empty; the values come back.
 */
static const char *
test_fpreg_round_trip(void)
{
	union savefpu sv;
	struct fpreg a, b;
	int i;

	fpu_has_fxsr = 1;
	memset(&a, 0, sizeof(a));
	a.fpr_env[0] = 0x037f;
	a.fpr_env[1] = 2 << 11;
	a.fpr_env[2] = 0x000f;		/* physical 0, 1 empty; others "valid" */
	for (i = 0; i < 8; i++)
		put80(a.fpr_acc[i], 0x4000 + i, 0x8000000000000000ull | i << 8);
	put80(a.fpr_acc[3], 0, 0);	/* ST(3) = physical 5: a zero */
	fx_image(&sv, 0);
	fpu_from_fpreg(&sv, &a);
	if (sv.sv_fx.fx_ftw != 0xfc)
		return "abridged tag not derived from the full one";
	fpu_to_fpreg(&sv, &b);
	if (b.fpr_env[2] != (0x000f | 1 << 10))
		return "tag word did not come back as FNSAVE would say";
	return memcmp(a.fpr_acc, b.fpr_acc, sizeof(a.fpr_acc)) == 0 ? NULL :
	    "register values changed";
}

/* FNSAVE: the image is the struct; reserved halves read 0; FIP is 32-bit. */
static const char *
test_fnsave(void)
{
	union savefpu sv, back;
	struct fpreg fp;
	int i;

	fpu_has_fxsr = 0;
	memset(&sv, 0, sizeof(sv));
	sv.sv_fn.fn_cw = 0xffff037f;	/* CPUs store ones in the upper halves */
	sv.sv_fn.fn_sw = 0xffff3800;
	sv.sv_fn.fn_tw = 0xffff0fff;
	sv.sv_fn.fn_fip = 0x0804c123;
	sv.sv_fn.fn_fcs_fop = 0x05d9001b;
	sv.sv_fn.fn_foo = 0xbfbfe008;
	sv.sv_fn.fn_fos = 0xffff0023;
	for (i = 0; i < 80; i++)
		sv.sv_fn.fn_st[i / 10][i % 10] = (uint8_t)(i + 3);
	fpu_to_fpreg(&sv, &fp);
	if (fp.fpr_env[0] != 0x037f || fp.fpr_env[1] != 0x3800 ||
	    fp.fpr_env[2] != 0x0fff || fp.fpr_env[6] != 0x23)
		return "reserved upper halves not cleared";
	if (fp.fpr_env[3] != 0x0804c123 || fp.fpr_env[5] != 0xbfbfe008 ||
	    fp.fpr_env[4] != 0x05d9001b)
		return "fip, fdp or fcs|fop cut short";
	if (memcmp(fp.fpr_acc, sv.sv_fn.fn_st, sizeof(fp.fpr_acc)) != 0)
		return "registers not copied";
	memset(&back, 0, sizeof(back));
	fpu_from_fpreg(&back, &fp);
	if (back.sv_fn.fn_cw != 0x037f || back.sv_fn.fn_tw != 0x0fff ||
	    back.sv_fn.fn_fip != sv.sv_fn.fn_fip ||
	    back.sv_fn.fn_fcs_fop != sv.sv_fn.fn_fcs_fop ||
	    back.sv_fn.fn_foo != sv.sv_fn.fn_foo || back.sv_fn.fn_fos != 0x23)
		return "FNSAVE environment differs after a round trip";
	return memcmp(back.sv_fn.fn_st, sv.sv_fn.fn_st, 80) == 0 ? NULL :
	    "FNSAVE registers differ after a round trip";
}

int
main(void)
{
	verdict("tag_kinds", test_tag_kinds());
	verdict("tag_empty", test_tag_empty());
	verdict("tag_top", test_tag_top());
	verdict("env_fields", test_env_fields());
	verdict("fx_round_trip", test_fx_round_trip());
	verdict("fpreg_round_trip", test_fpreg_round_trip());
	verdict("fnsave", test_fnsave());
	return failures != 0;
}
