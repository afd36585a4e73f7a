/*
 * sys/sysctl.h - sysctl(3): the kernel's named values, FreeBSD's names and
 * numbers. A value is named by a list of integers (a MIB: { CTL_KERN,
 * KERN_OSTYPE }) or by its dotted name ("kern.ostype", sysctlbyname).
 * docs/processes.md lists what Kestrel's tree holds.
 */
#ifndef _SYS_SYSCTL_H_
#define _SYS_SYSCTL_H_

#include <sys/types.h>

#define CTL_MAXNAME	24	/* longest MIB */

/* The kind of a node (CTLTYPE_*) and its access (CTLFLAG_*). */
#define CTLTYPE		0xf
#define CTLTYPE_NODE	1
#define CTLTYPE_INT	2
#define CTLTYPE_STRING	3
#define CTLTYPE_S64	4
#define CTLTYPE_OPAQUE	5
#define CTLTYPE_STRUCT	CTLTYPE_OPAQUE
#define CTLTYPE_UINT	6
#define CTLTYPE_LONG	7
#define CTLTYPE_ULONG	8
#define CTLTYPE_U64	9
#define CTLFLAG_RD	0x80000000
#define CTLFLAG_WR	0x40000000
#define CTLFLAG_RW	(CTLFLAG_RD | CTLFLAG_WR)

#define OID_AUTO	(-1)
#define CTL_AUTO_START	0x100	/* numbers of the nodes named only by name */

/* Top level. */
#define CTL_UNSPEC	0	/* the sysctl tree itself: 0.3 is name2oid */
#define CTL_KERN	1
#define CTL_VM		2
#define CTL_VFS		3
#define CTL_NET		4
#define CTL_DEBUG	5
#define CTL_HW		6
#define CTL_MACHDEP	7
#define CTL_USER	8
#define CTL_P1003_1B	9

/* CTL_KERN */
#define KERN_OSTYPE	1	/* string: the system's name */
#define KERN_OSRELEASE	2	/* string: its release */
#define KERN_OSREV	3	/* int */
#define KERN_VERSION	4	/* string: the version line */
#define KERN_MAXPROC	6	/* int: process-table slots */
#define KERN_MAXFILES	7
#define KERN_ARGMAX	8	/* int: bytes of execve arguments */
#define KERN_HOSTNAME	10	/* string */
#define KERN_CLOCKRATE	12
#define KERN_PROC	14	/* node: struct kinfo_proc (<sys/user.h>) */
#define KERN_OSRELDATE	24	/* int: the release as a number */
#define KERN_MAXFILESPERPROC 27	/* int: RLIMIT_NOFILE's ceiling */
#define KERN_MAXPROCPERUID 28	/* int: RLIMIT_NPROC's ceiling */

/* CTL_KERN.KERN_PROC */
#define KERN_PROC_ALL	0	/* every process */
#define KERN_PROC_PID	1	/* kern.proc.pid.<pid> */
#define KERN_PROC_PGRP	2
#define KERN_PROC_SESSION 3
#define KERN_PROC_TTY	4
#define KERN_PROC_UID	5
#define KERN_PROC_RUID	6
#define KERN_PROC_INC_THREAD 0x10 /* with ALL or PID: one entry per thread */

/* CTL_HW */
#define HW_MACHINE	1	/* string: "i386" */
#define HW_MODEL	2
#define HW_NCPU		3	/* int */
#define HW_BYTEORDER	4	/* int: 1234 */
#define HW_PHYSMEM	5	/* unsigned long: bytes of RAM */
#define HW_USERMEM	6
#define HW_PAGESIZE	7	/* int */
#define HW_FLOATINGPT	10
#define HW_MACHINE_ARCH	11	/* string: "i386" */
#define HW_REALMEM	12

#ifndef _KERNEL
int	sysctl(const int *, u_int, void *, size_t *, const void *, size_t);
int	sysctlbyname(const char *, void *, size_t *, const void *, size_t);
int	sysctlnametomib(const char *, int *, size_t *);
int	__sysctl(const int *, u_int, void *, size_t *, const void *, size_t);
#endif

#endif
