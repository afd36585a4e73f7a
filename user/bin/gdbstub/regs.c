/*
 * regs.c - the program's registers as gdb sees them: 'g', 'G', 'p', 'P'.
 *
 * gdb's register numbers follow tdesc.c: 0-15 eax ecx edx ebx esp ebp esi
 * edi eip eflags cs ss ds es fs gs (4 bytes each), 16-23 st0-st7 (10
 * bytes), 24-31 fctrl fstat ftag fiseg fioff foseg fooff fop (4 bytes),
 * and with SSE 32-39 xmm0-xmm7 (16 bytes) and 40 mxcsr. The 'g' image is
 * these values back to back, little-endian.
 *
 * The sources are ptrace's: struct reg (PT_GETREGS), the x87 state as
 * FNSAVE lays it out (PT_GETFPREGS: the kernel already turns FXSAVE's
 * abridged tag word into the full one gdb wants) and, with SSE, the FXSAVE
 * image (PT_GETXMMREGS) for xmm0-7 and mxcsr. They are read once per stop
 * and cached. A write changes a copy, and only the sets that really changed
 * go back to the kernel, which validates them: a write it refuses (a kernel
 * code selector, IOPL in eflags, a reserved MXCSR bit) is an error reply
 * and leaves the program as it was.
 */
#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <sys/ptrace.h>
#include "gdbstub.h"

#define NCORE		16
#define NX87		16	/* st0-7 and the eight control registers */
#define OFF_ST		64
#define OFF_X87CTL	144
#define OFF_XMM		176
#define OFF_MXCSR	304
#define FX_MXCSR	24	/* byte offsets in the FXSAVE image */
#define FX_XMM		160

static const unsigned char core_field[NCORE] = {
	offsetof(struct reg, r_eax), offsetof(struct reg, r_ecx),
	offsetof(struct reg, r_edx), offsetof(struct reg, r_ebx),
	offsetof(struct reg, r_esp), offsetof(struct reg, r_ebp),
	offsetof(struct reg, r_esi), offsetof(struct reg, r_edi),
	offsetof(struct reg, r_eip), offsetof(struct reg, r_eflags),
	offsetof(struct reg, r_cs), offsetof(struct reg, r_ss),
	offsetof(struct reg, r_ds), offsetof(struct reg, r_es),
	offsetof(struct reg, r_fs), offsetof(struct reg, r_gs),
};

int
regs_count(const struct stub *s)
{
	return NCORE + NX87 + (s->rc.have_xmm ? 9 : 0);
}

int
regs_bytes(const struct stub *s)
{
	return s->rc.have_xmm ? OFF_MXCSR + 4 : OFF_XMM;
}

/* Where register n lives in the image, and its size. */
static int
reg_slice(int n, int *size)
{
	if (n < NCORE)
		return *size = 4, 4 * n;
	if (n < NCORE + 8)
		return *size = 10, OFF_ST + 10 * (n - NCORE);
	if (n < NCORE + NX87)
		return *size = 4, OFF_X87CTL + 4 * (n - NCORE - 8);
	if (n < NCORE + NX87 + 8)
		return *size = 16, OFF_XMM + 16 * (n - NCORE - NX87);
	return *size = 4, OFF_MXCSR;
}

int
regs_fetch(struct stub *s)
{
	struct regcache *rc = &s->rc;
	pid_t pid = tg_regs_lwp(s);

	if (rc->valid)
		return 0;
	if (ptrace(PT_GETREGS, pid, (caddr_t)&rc->r, 0) < 0 ||
	    ptrace(PT_GETFPREGS, pid, (caddr_t)&rc->f, 0) < 0 ||
	    (rc->have_xmm &&
	    ptrace(PT_GETXMMREGS, pid, (caddr_t)&rc->x, 0) < 0))
		return errno;
	rc->valid = 1;
	return 0;
}

static void
put32(unsigned char *p, uint32_t v)
{
	memcpy(p, &v, 4);
}

static uint32_t
get32(const unsigned char *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

/* The cached registers as gdb's image; 0 or an errno. */
int
regs_to_image(struct stub *s, unsigned char *img)
{
	const struct regcache *rc = &s->rc;
	const unsigned long *env = rc->f.fpr_env;
	unsigned char *ctl = img + OFF_X87CTL;
	int error, i;

	if ((error = regs_fetch(s)) != 0)
		return error;
	for (i = 0; i < NCORE; i++)
		memcpy(img + 4 * i, (const char *)&rc->r + core_field[i], 4);
	memcpy(img + OFF_ST, rc->f.fpr_acc, sizeof(rc->f.fpr_acc));
	put32(ctl, env[0] & 0xffff);			/* fctrl */
	put32(ctl + 4, env[1] & 0xffff);		/* fstat */
	put32(ctl + 8, env[2] & 0xffff);		/* ftag */
	put32(ctl + 12, env[4] & 0xffff);		/* fiseg */
	put32(ctl + 16, env[3]);			/* fioff */
	put32(ctl + 20, env[6] & 0xffff);		/* foseg */
	put32(ctl + 24, env[5]);			/* fooff */
	put32(ctl + 28, (env[4] >> 16) & 0x7ff);	/* fop */
	if (rc->have_xmm) {
		const unsigned char *fx = (const unsigned char *)&rc->x;

		memcpy(img + OFF_XMM, fx + FX_XMM, 8 * 16);
		memcpy(img + OFF_MXCSR, fx + FX_MXCSR, 4);
	}
	return 0;
}

static void
image_to_sets(const unsigned char *img, struct reg *r, struct fpreg *f,
    struct xmmreg *x, int have_xmm)
{
	const unsigned char *ctl = img + OFF_X87CTL;
	unsigned long *env = f->fpr_env;
	int i;

	for (i = 0; i < NCORE; i++)
		memcpy((char *)r + core_field[i], img + 4 * i, 4);
	memcpy(f->fpr_acc, img + OFF_ST, sizeof(f->fpr_acc));
	env[0] = (env[0] & ~0xffffUL) | (get32(ctl) & 0xffff);
	env[1] = (env[1] & ~0xffffUL) | (get32(ctl + 4) & 0xffff);
	env[2] = (env[2] & ~0xffffUL) | (get32(ctl + 8) & 0xffff);
	env[3] = get32(ctl + 16);
	env[4] = (get32(ctl + 12) & 0xffff) | (get32(ctl + 28) & 0x7ff) << 16;
	env[5] = get32(ctl + 24);
	env[6] = (env[6] & ~0xffffUL) | (get32(ctl + 20) & 0xffff);
	if (have_xmm) {
		unsigned char *fx = (unsigned char *)x;

		memcpy(fx + FX_XMM, img + OFF_XMM, 8 * 16);
		memcpy(fx + FX_MXCSR, img + OFF_MXCSR, 4);
	}
}

/*
 * Make the program's registers those of img. The sets go in the order
 * general, SSE, x87 (the FXSAVE image also carries the x87 state, so the
 * x87 write must come last). 0 or the errno of the first refused set.
 */
int
regs_from_image(struct stub *s, const unsigned char *img)
{
	struct regcache *rc = &s->rc, nw;
	pid_t pid = tg_regs_lwp(s);
	int error = 0;

	if ((error = regs_fetch(s)) != 0)
		return error;
	nw = *rc;
	image_to_sets(img, &nw.r, &nw.f, &nw.x, rc->have_xmm);
	if (memcmp(&nw.r, &rc->r, sizeof(nw.r)) != 0 &&
	    ptrace(PT_SETREGS, pid, (caddr_t)&nw.r, 0) < 0)
		error = errno;
	else if (rc->have_xmm && memcmp(&nw.x, &rc->x, sizeof(nw.x)) != 0 &&
	    ptrace(PT_SETXMMREGS, pid, (caddr_t)&nw.x, 0) < 0)
		error = errno;
	else if (memcmp(&nw.f, &rc->f, sizeof(nw.f)) != 0 &&
	    ptrace(PT_SETFPREGS, pid, (caddr_t)&nw.f, 0) < 0)
		error = errno;
	rc->valid = 0;		/* read back what the kernel really holds */
	return error;
}

uint32_t
regs_pc(struct stub *s)
{
	return regs_fetch(s) == 0 ? s->rc.r.r_eip : 0;
}

int
regs_set_pc(struct stub *s, uint32_t pc)
{
	unsigned char img[REGS_MAX_BYTES];
	int error;

	if ((error = regs_to_image(s, img)) != 0)
		return error;
	put32(img + 4 * 8, pc);
	return regs_from_image(s, img);
}

static void
reg_read(struct stub *s, const char *arg)
{
	unsigned char img[REGS_MAX_BYTES];
	uint32_t n;
	int off, size, error;
	const char *end = hex_parse(arg, &n);

	if (end == NULL || *end != '\0' || n >= (uint32_t)regs_count(s)) {
		reply_error(&s->rsp, 1);
		return;
	}
	if ((error = regs_to_image(s, img)) != 0) {
		reply_error(&s->rsp, error);
		return;
	}
	off = reg_slice(n, &size);
	s->rsp.outlen = 0;
	reply_hex(&s->rsp, img + off, size);
}

static void
reg_write(struct stub *s, const char *arg)
{
	unsigned char img[REGS_MAX_BYTES], val[16];
	uint32_t n;
	int off, size, error;
	const char *end = hex_parse(arg, &n);

	if (end == NULL || *end != '=' || n >= (uint32_t)regs_count(s)) {
		reply_error(&s->rsp, 1);
		return;
	}
	off = reg_slice(n, &size);
	if (strlen(end + 1) != (size_t)2 * size ||
	    hex_decode(end + 1, 2 * size, val) != size) {
		reply_error(&s->rsp, 1);
		return;
	}
	if ((error = regs_to_image(s, img)) != 0) {
		reply_error(&s->rsp, error);
		return;
	}
	memcpy(img + off, val, size);
	if ((error = regs_from_image(s, img)) != 0)
		reply_error(&s->rsp, error);
	else
		reply(&s->rsp, "OK");
}

static void
all_write(struct stub *s, const char *hex)
{
	unsigned char img[REGS_MAX_BYTES];
	int n = regs_bytes(s), error;

	if (strlen(hex) != (size_t)2 * n || hex_decode(hex, 2 * n, img) != n) {
		reply_error(&s->rsp, 1);
		return;
	}
	if ((error = regs_from_image(s, img)) != 0)
		reply_error(&s->rsp, error);
	else
		reply(&s->rsp, "OK");
}

/* 'g' (all registers), 'G' (write all), 'p' (one), 'P' (write one). */
void
handle_regs(struct stub *s, const char *pkt)
{
	unsigned char img[REGS_MAX_BYTES];
	int error;

	switch (pkt[0]) {
	case 'g':
		if ((error = regs_to_image(s, img)) != 0) {
			reply_error(&s->rsp, error);
			return;
		}
		s->rsp.outlen = 0;
		reply_hex(&s->rsp, img, regs_bytes(s));
		break;
	case 'G':
		all_write(s, pkt + 1);
		break;
	case 'p':
		reg_read(s, pkt + 1);
		break;
	case 'P':
		reg_write(s, pkt + 1);
		break;
	}
}
