/* sys/kinfo.h - Kestrel's window onto kernel counters (the tests' leak checks). */
#ifndef _SYS_KINFO_H_
#define _SYS_KINFO_H_

#include <sys/types.h>

/* kinfo(key) */
#define KINFO_FREEPAGES		0	/* free physical pages now */
#define KINFO_TOTALPAGES	1	/* physical pages managed */
#define KINFO_TICKS		2	/* timer ticks since boot */
#define KINFO_HZ		3	/* ticks per second */
#define KINFO_CPUFEATURES	4	/* KCPU_* bits below */
#define KINFO_CTXSWITCHES	5	/* context switches since boot */
#define KINFO_FPUMODE		6	/* 0 eager, 1 lazy */
#define KINFO_TSCHZ		7	/* TSC ticks per second (PIT-calibrated) */
#define KINFO_MXCSR_MASK	8	/* the CPU's MXCSR mask (0 without FXSR) */
#define KINFO_NPROCS		9	/* live processes */
#define KINFO_KHEAP		10	/* bytes in use in the kernel heap */
#define KINFO_CR3WRITES		11	/* page-directory (CR3) loads since boot */
#define KINFO_FPUSTATE		12	/* 1 if the caller has FPU state, 0 if it never used the FPU since exec */
#define KINFO_FPUSAVES		13	/* FPU images saved or loaded by context switches since boot */
#define KINFO_SYSENTER		14	/* 1 if system calls may enter by SYSENTER */

#define KCPU_FPU	0x01
#define KCPU_FXSR	0x02
#define KCPU_SSE	0x04
#define KCPU_SSE2	0x08
#define KCPU_DE		0x10
#define KCPU_PSE	0x20
#define KCPU_TSC	0x40
#define KCPU_SEP	0x80	/* SYSENTER/SYSEXIT */

#ifndef _KERNEL
int	kinfo(int key);
#endif

#endif
