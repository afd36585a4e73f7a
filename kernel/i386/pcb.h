/*
 * pcb.h - the machine-dependent part of a thread ("process control block",
 * FreeBSD's name): the kernel stack pointer saved by the context switch, the
 * address space to load, the copyin/copyout fault-recovery address, the %gs
 * base of the thread's TLS, the debug registers, and the FPU save area.
 */
#ifndef KERNEL_I386_PCB_H
#define KERNEL_I386_PCB_H

#include <stdint.h>

/* The x87/SSE save area: FXSAVE's 512-byte image, or FNSAVE's 108 bytes. */
struct fxsave_area {
	uint16_t fx_fcw;
	uint16_t fx_fsw;
	uint8_t  fx_ftw;	/* abridged: one bit per register, 1 = valid */
	uint8_t  fx_rsvd1;
	uint16_t fx_fop;
	uint32_t fx_fip;
	uint16_t fx_fcs;
	uint16_t fx_rsvd2;
	uint32_t fx_fdp;
	uint16_t fx_fds;
	uint16_t fx_rsvd3;
	uint32_t fx_mxcsr;
	uint32_t fx_mxcsr_mask;
	uint8_t  fx_st[8][16];
	uint8_t  fx_xmm[8][16];
	uint8_t  fx_rsvd4[224];
} __attribute__((packed));

struct fnsave_area {
	uint32_t fn_cw;
	uint32_t fn_sw;
	uint32_t fn_tw;
	uint32_t fn_fip;
	uint32_t fn_fcs_fop;	/* fcs in bits 0-15, opcode in bits 16-26 */
	uint32_t fn_foo;
	uint32_t fn_fos;
	uint8_t  fn_st[8][10];
} __attribute__((packed));

union savefpu {
	struct fxsave_area	sv_fx;	/* CPUs with FXSR */
	struct fnsave_area	sv_fn;	/* CPUs without */
	uint8_t			sv_raw[512];
} __attribute__((aligned(16)));

struct pcb {
	uint32_t	pcb_esp;	/* kernel %esp while switched out */
	uint32_t	pcb_cr3;	/* page directory (physical) */
	uint32_t	pcb_onfault;	/* where a fault in copyin/copyout resumes */
	uint32_t	pcb_flags;
#define PCB_DBREGS	0x01		/* the thread uses DR0-DR3/DR7 */
#define PCB_FPUINITDONE	0x02		/* the thread has FPU state (used it since exec) */
	uint32_t	pcb_gsbase;	/* base of the GUGS descriptor while it runs */
	uint32_t	pcb_dr[8];	/* DR0-DR3, (4, 5 unused), DR6, DR7 */
	union savefpu	pcb_save;	/* FPU state while not loaded */
} __attribute__((aligned(16)));

#endif
