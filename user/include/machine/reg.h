/*
 * machine/reg.h - the i386 register sets that ptrace moves, with FreeBSD/i386's
 * layouts and field names: struct reg (general registers, in trap-frame order),
 * struct fpreg (the 387 FNSAVE image), struct xmmreg (the 512-byte FXSAVE image)
 * and struct dbreg (DR0-DR7).
 */
#ifndef _MACHINE_REG_H_
#define _MACHINE_REG_H_

struct reg {
	unsigned int	r_fs;
	unsigned int	r_es;
	unsigned int	r_ds;
	unsigned int	r_edi;
	unsigned int	r_esi;
	unsigned int	r_ebp;
	unsigned int	r_isp;
	unsigned int	r_ebx;
	unsigned int	r_edx;
	unsigned int	r_ecx;
	unsigned int	r_eax;
	unsigned int	r_trapno;
	unsigned int	r_err;
	unsigned int	r_eip;
	unsigned int	r_cs;
	unsigned int	r_eflags;
	unsigned int	r_esp;
	unsigned int	r_ss;
	unsigned int	r_gs;
};

/* The x87 state as FNSAVE stores it: environment, 8 x 80-bit registers. */
struct fpreg {
	unsigned long	fpr_env[7];	/* cw, sw, tw, fip, fcs|fop<<16, foo, fos */
	unsigned char	fpr_acc[8][10];	/* st(0) .. st(7) */
	unsigned long	fpr_ex_sw;	/* status word of the last exception */
	unsigned char	fpr_pad[64];
};

/* The FXSAVE image (x87, MMX and SSE state), for PT_GETXMMREGS/PT_SETXMMREGS. */
struct xmmreg {
	unsigned long	xmm_env[8];	/* fcw|fsw<<16, ftw|fop<<16, fip, fcs, foo, fos, mxcsr, mxcsr_mask */
	unsigned char	xmm_acc[8][16];	/* st(0)/mm0 .. st(7)/mm7, 10 bytes used of 16 */
	unsigned char	xmm_reg[8][16];	/* xmm0 .. xmm7 */
	unsigned char	xmm_pad[224];
};

struct dbreg {
	unsigned int	dr[8];		/* DR0-DR7; DR4 and DR5 read as 0 */
};

#define DBREG_DR7_LOCAL_ENABLE	0x01
#define DBREG_DR7_GLOBAL_ENABLE	0x02
#define DBREG_DR7_LEN_1		0x00
#define DBREG_DR7_LEN_2		0x01
#define DBREG_DR7_LEN_4		0x03
#define DBREG_DR7_LEN_8		0x02	/* 8 bytes, only in long mode */
#define DBREG_DR7_EXEC		0x00
#define DBREG_DR7_WRONLY	0x01
#define DBREG_DR7_RDWR		0x03
#define DBREG_DR7_MASK(i)	(0xfU << ((i) * 4 + 16) | 0x3U << (i) * 2)
#define DBREG_DR7_SET(i, len, access, enable) \
	((((len) << 2 | (access)) << ((i) * 4 + 16)) | (enable) << (i) * 2)
#define DBREG_DR7_GD		0x2000
#define DBREG_DR7_ENABLED(d, i)	(((d) & 0x3 << (i) * 2) != 0)
#define DBREG_DR7_ACCESS(d, i)	((d) >> ((i) * 4 + 16) & 0x3)
#define DBREG_DR7_LEN(d, i)	((d) >> ((i) * 4 + 18) & 0x3)
#define DBREG_DRX(d, x)		((d)->dr[(x)])

#endif
