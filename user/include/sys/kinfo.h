/* sys/kinfo.h - Kestrel's window onto kernel counters and the process table (ps, tests). */
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

#define KCPU_FPU	0x01
#define KCPU_FXSR	0x02
#define KCPU_SSE	0x04
#define KCPU_SSE2	0x08
#define KCPU_DE		0x10
#define KCPU_PSE	0x20
#define KCPU_TSC	0x40

/* kproc(slot, &kp): fills one process-table slot; ESRCH when the slot is empty. */
#define KP_RUN		1	/* runnable or running */
#define KP_SLEEP	2
#define KP_STOP		3
#define KP_ZOMBIE	4
struct kinfo_proc {
	pid_t	kp_pid;
	pid_t	kp_ppid;	/* parent as the process sees it (the original one while traced) */
	pid_t	kp_tracer;	/* 0 when not traced */
	pid_t	kp_pgid;
	uid_t	kp_uid;
	uid_t	kp_euid;
	int	kp_state;	/* KP_* */
	int	kp_flag;
	int	kp_pages;	/* resident user pages */
	char	kp_comm[20];
	char	kp_wchan[12];
};

#ifndef _KERNEL
int	kinfo(int key);
int	kproc(int slot, struct kinfo_proc *kp);
#endif

#endif
