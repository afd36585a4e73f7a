/*
 * sys/proc.h - the process flags and states that programs see in struct
 * kinfo_proc (ki_flag, ki_flag2, ki_stat), with FreeBSD's names and
 * values. The kernel keeps p_flag and p_flag2 in these same values, so
 * sysctl hands them out unchanged; flags FreeBSD has and Kestrel never
 * sets are listed too, so that programs naming them compile.
 */
#ifndef _SYS_PROC_H_
#define _SYS_PROC_H_

/* p_flag (ki_flag) */
#define P_ADVLOCK	0x00001	/* may hold a POSIX advisory lock */
#define P_CONTROLT	0x00002	/* has a controlling terminal */
#define P_KPROC		0x00004	/* kernel process */
#define P_PPWAIT	0x00010	/* vfork: the parent waits for our exec or exit */
#define P_PROFIL	0x00020	/* has started profiling */
#define P_STOPPROF	0x00040	/* a thread wants profiling stopped */
#define P_HADTHREADS	0x00080	/* has had threads */
#define P_SUGID		0x00100	/* had set-id privileges since the last exec */
#define P_SYSTEM	0x00200	/* system process: no signals, never traced */
#define P_SINGLE_EXIT	0x00400	/* threads should exit, not wait */
#define P_TRACED	0x00800	/* a debugger traces it */
#define P_WAITED	0x01000	/* the tracer has collected the current stop */
#define P_WEXIT		0x02000	/* exiting */
#define P_EXEC		0x04000	/* has called exec */
#define P_WKILLED	0x08000	/* killed: leave the kernel soon */
#define P_CONTINUED	0x10000	/* continued from a stop, not yet reported */
#define P_STOPPED_SIG	0x20000	/* stopped by SIGSTOP, SIGTSTP, ... */
#define P_STOPPED_TRACE	0x40000	/* stopped for its tracer */
#define P_STOPPED_SINGLE 0x80000 /* only one thread may go on */
#define P_PROTECTED	0x100000 /* not killed when memory runs out */
#define P_SIGEVENT	0x200000 /* pending signals changed */
#define P_SINGLE_BOUNDARY 0x400000 /* threads stop at the user boundary */
#define P_HWPMC		0x800000 /* uses performance counters */
#define P_JAILED	0x1000000 /* in a jail */
#define P_TOTAL_STOP	0x2000000 /* stopped by stop_all_proc */
#define P_INEXEC	0x4000000 /* inside execve */
#define P_STATCHILD	0x8000000 /* a child stopped or exited */
#define P_INMEM		0x10000000 /* in memory */
#define P_SWAPPINGOUT	0x20000000 /* being swapped out */
#define P_SWAPPINGIN	0x40000000 /* being swapped in */
#define P_PPTRACE	0x80000000 /* PT_TRACE_ME by a vfork child: no stops yet */

#define P_STOPPED	(P_STOPPED_SIG | P_STOPPED_SINGLE | P_STOPPED_TRACE)
#define P_SHOULDSTOP(p)	((p)->p_flag & P_STOPPED)

/* p_flag2 (ki_flag2) */
#define P2_INHERIT_PROTECTED 0x00000001 /* children get P_PROTECTED */
#define P2_NOTRACE	0x00000002	/* no ptrace attach (procctl) */
#define P2_NOTRACE_EXEC	0x00000004	/* P2_NOTRACE survives exec */
#define P2_AST_SU	0x00000008
#define P2_PTRACE_FSTP	0x00000010	/* the SIGSTOP of PT_ATTACH not yet taken */
#define P2_TRAPCAP	0x00000020

/* ki_stat */
#define SIDL	1	/* being created by fork */
#define SRUN	2	/* runnable or running */
#define SSLEEP	3	/* sleeping */
#define SSTOP	4	/* stopped (job control or a debugger) */
#define SZOMB	5	/* a zombie, waiting to be collected */
#define SWAIT	6
#define SLOCK	7

#endif
