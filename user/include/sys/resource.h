/*
 * sys/resource.h - struct rusage (FreeBSD's layout, as wait4 may fill it)
 * and the resource limits of getrlimit(2)/setrlimit(2), with FreeBSD's
 * numbers and struct rlimit. Kestrel enforces DATA, STACK, NPROC and
 * NOFILE, keeps CORE (it writes no core files) and reports the others as
 * RLIM_INFINITY.
 */
#ifndef _SYS_RESOURCE_H_
#define _SYS_RESOURCE_H_

#include <sys/types.h>
#include <sys/time.h>

#define RLIMIT_CPU	0	/* seconds of CPU time */
#define RLIMIT_FSIZE	1	/* bytes in a file */
#define RLIMIT_DATA	2	/* bytes the break may grow */
#define RLIMIT_STACK	3	/* bytes the stack may grow */
#define RLIMIT_CORE	4	/* bytes in a core file */
#define RLIMIT_RSS	5
#define RLIMIT_MEMLOCK	6
#define RLIMIT_NPROC	7	/* processes per real user id */
#define RLIMIT_NOFILE	8	/* open descriptors */
#define RLIMIT_SBSIZE	9
#define RLIMIT_VMEM	10
#define RLIMIT_AS	RLIMIT_VMEM
#define RLIMIT_NPTS	11
#define RLIMIT_SWAP	12
#define RLIMIT_KQUEUES	13
#define RLIMIT_UMTXP	14
#define RLIM_NLIMITS	15

#define RLIM_INFINITY	((rlim_t)(((uint64_t)1 << 63) - 1))
#define RLIM_SAVED_MAX	RLIM_INFINITY
#define RLIM_SAVED_CUR	RLIM_INFINITY

#ifndef _RLIM_T_DECLARED
typedef int64_t	rlim_t;
#define _RLIM_T_DECLARED
#endif

struct rlimit {
	rlim_t	rlim_cur;	/* the soft limit, what is enforced */
	rlim_t	rlim_max;	/* the hard limit, rlim_cur's ceiling */
};

#define RUSAGE_SELF	0
#define RUSAGE_CHILDREN	(-1)

struct rusage {
	struct timeval	ru_utime;	/* user time used */
	struct timeval	ru_stime;	/* system time used */
	long	ru_maxrss;		/* max resident set size */
	long	ru_ixrss;		/* integral shared memory size */
	long	ru_idrss;		/* integral unshared data */
	long	ru_isrss;		/* integral unshared stack */
	long	ru_minflt;		/* page reclaims */
	long	ru_majflt;		/* page faults */
	long	ru_nswap;		/* swaps */
	long	ru_inblock;		/* block input operations */
	long	ru_oublock;		/* block output operations */
	long	ru_msgsnd;		/* messages sent */
	long	ru_msgrcv;		/* messages received */
	long	ru_nsignals;		/* signals received */
	long	ru_nvcsw;		/* voluntary context switches */
	long	ru_nivcsw;		/* involuntary context switches */
};

#ifndef _KERNEL
int	getrlimit(int, struct rlimit *);
int	setrlimit(int, const struct rlimit *);
#endif

#endif
