/*
 * images.c - what the addr argument of a structure request points at.
 *
 * A "set" request starts from the subject's current, valid image (read
 * with the matching "get"; zeroes if that fails) and changes a few fields
 * to values that have broken kernels: selectors of every kind, privileged
 * EFLAGS bits, EIP and ESP at boundaries, debug registers aimed at the
 * kernel or with reserved DR7 bits, FPU control and status words with
 * pending exceptions, MXCSR with reserved bits, garbage register bytes. A
 * quarter of them go in unchanged, so the success paths run too. PT_IO
 * gets a descriptor with any op, any tracee range and any length, its
 * buffer at the end of the heap so that a long transfer runs into
 * unmapped memory rather than over the fuzzer itself.
 */
#include <string.h>
#include <sys/ptrace.h>
#include <machine/reg.h>
#include "ptfuzz.h"

union image {
	struct reg		reg;
	struct fpreg		fpreg;
	struct xmmreg		xmmreg;
	struct dbreg		dbreg;
	struct ptrace_io_desc	piod;
	struct ptrace_lwpinfo	pl;
	struct ptrace_sc_ret	sr;
	uint32_t		w[128];
} __attribute__((aligned(16)));

static union image img;

static const uint32_t selectors[] = {
	0x00, 0x03, 0x08, 0x0b, 0x0f, 0x10, 0x13, 0x18, 0x1b, 0x20, 0x21,
	0x23, 0x28, 0x2b, 0x30, 0x33, 0xfffb, 0xffff,
};

static const uint32_t eflags_bits[] = {
	0x00000001, 0x00000100, 0x00000200, 0x00000400, 0x00001000,
	0x00002000, 0x00003000, 0x00004000, 0x00010000, 0x00020000,
	0x00040000, 0x00080000, 0x00100000, 0x00200000, 0x00008000,
	0x00400000,
};

static const uint32_t words[] = {
	0x00000000, 0x00000fff, 0x00001000, 0x7fffffff, 0x80000000,
	0xbfbffffc, 0xbfc00000, 0xc0000000, 0xc0001000, 0xfffffffc,
	0xffffffff,
};

#define PICK(tab, x)	((tab)[(x) % (sizeof(tab) / sizeof((tab)[0]))])

/* struct reg: selectors, EFLAGS bits, boundary EIP/ESP, anything else. */
static void
mutate_reg(struct reg *r, uint32_t x, uint32_t y)
{
	uint32_t *field = (uint32_t *)r + x % 19;

	switch (x % 19) {
	case 0: case 1: case 2: case 14: case 17: case 18:	/* fs es ds cs ss gs */
		*field = PICK(selectors, y);
		break;
	case 15:
		*field ^= PICK(eflags_bits, y);
		break;
	case 13: case 16:					/* eip esp */
		*field = PICK(words, y);
		break;
	default:
		*field = y;
		break;
	}
}

/* struct fpreg: control, status and tag words, or register bytes. */
static void
mutate_fpreg(struct fpreg *fp, uint32_t x, uint32_t y)
{
	switch (x % 4) {
	case 0:
		fp->fpr_env[0] = y & 0xffff;		/* exceptions unmasked */
		break;
	case 1:
		fp->fpr_env[1] = (y & 1) ? 0x8081 : y & 0xffff;	/* pending */
		break;
	case 2:
		fp->fpr_env[2] = y & 0xffff;
		break;
	default:
		fp->fpr_acc[y % 8][(y >> 8) % 10] = y >> 16;
		break;
	}
}

/* struct xmmreg: MXCSR (reserved bits too), the x87 words, any byte. */
static void
mutate_xmm(struct xmmreg *x, uint32_t a, uint32_t b)
{
	switch (a % 4) {
	case 0:
		x->xmm_env[6] ^= 1u << (b % 32);
		break;
	case 1:
		x->xmm_env[0] = (b & 1) ? 0x80810000u : b;
		break;
	case 2:
		x->xmm_env[1] = b;
		break;
	default:
		((uint8_t *)x)[b % sizeof(*x)] = b >> 24;
		break;
	}
}

/* struct dbreg: one slot aimed somewhere, DR7 built or random. */
static void
mutate_dbreg(struct dbreg *d, uint32_t a, uint32_t b)
{
	static const uint32_t targets[] = {
		0x08048000, 0xbfbffffc, 0xbfbfffff, 0xbfc00000, 0xc0000000,
		0xc0100000, 0xfffffffc, 0x00000000,
	};
	int slot = a % 4;

	switch ((a >> 4) % 4) {
	case 0:
		d->dr[slot] = PICK(targets, b);
		break;
	case 1:		/* enable the slot with any R/W and LEN */
		d->dr[7] |= (b & 3) << (2 * slot) |
		    ((b >> 2) & 0xf) << (16 + 4 * slot);
		break;
	case 2:
		d->dr[7] ^= 1u << (b % 32);		/* GD, reserved bits */
		break;
	default:
		d->dr[6] = b;
		break;
	}
}

static const uint32_t lengths[] = {
	0, 1, 2, 4, 7, 4095, 4096, 4097, 8192, IOBUF_SIZE, IOBUF_SIZE + 1,
	0x7fffffff, 0xffffffff,
};

static void
make_piod(struct fuzz *f, pid_t pid, const uint32_t *r)
{
	static const int ops[] = { PIOD_READ_D, PIOD_WRITE_D, PIOD_READ_I,
	    PIOD_WRITE_I, 0, 5, 99, -1 };
	int cat;

	img.piod.piod_op = PICK(ops, r[11]);
	img.piod.piod_offs = (void *)pick_addr(f, pid, r, &cat);
	img.piod.piod_addr = pick_buffer(f, f->iobuf, r);
	img.piod.piod_len = r[12] & 1 ? r[13] % IOBUF_SIZE :
	    PICK(lengths, r[13]);
}

/* Fault the image buffer in before the run counts pages. */
void
images_touch(void)
{
	memset(&img, 0, sizeof(img));
}

/* The request that reads the current image for a "set" request, or 0. */
static int
getter(int req)
{
	switch (req) {
	case PT_SETREGS:
		return PT_GETREGS;
	case PT_SETFPREGS:
		return PT_GETFPREGS;
	case PT_SETDBREGS:
		return PT_GETDBREGS;
	case PT_SETXMMREGS:
		return PT_GETXMMREGS;
	}
	return 0;
}

/*
 * For a request whose addr is a buffer (a structure in or out, or the
 * PT_IO descriptor): 1, with the buffer (good or bad) in *buf. Else 0.
 */
int
make_image(struct fuzz *f, int req, pid_t pid, const uint32_t *r, void **buf)
{
	int get = getter(req), i;

	switch (req) {
	case PT_GETREGS: case PT_GETFPREGS: case PT_GETDBREGS:
	case PT_GETXMMREGS: case PT_LWPINFO: case PT_GET_SC_ARGS:
	case PT_GET_SC_RET: case PT_GETLWPLIST:
		*buf = pick_buffer(f, &img, r);
		return 1;
	case PT_IO:
		make_piod(f, pid, r);
		*buf = pick_buffer(f, &img, r);
		return 1;
	}
	if (get == 0)
		return 0;
	if (ptrace(get, pid, (caddr_t)&img, 0) < 0)
		memset(&img, 0, sizeof(img));
	for (i = 0; i < (int)(r[11] % 4); i++) {
		uint32_t a = r[12 + i], b = r[13 + i] ^ r[10];

		if (req == PT_SETREGS)
			mutate_reg(&img.reg, a, b);
		else if (req == PT_SETFPREGS)
			mutate_fpreg(&img.fpreg, a, b);
		else if (req == PT_SETXMMREGS)
			mutate_xmm(&img.xmmreg, a, b);
		else
			mutate_dbreg(&img.dbreg, a, b);
	}
	*buf = pick_buffer(f, &img, r);
	return 1;
}
