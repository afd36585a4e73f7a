/*
 * sys/sysinfo.h - sysinfo(2), Kestrel's own: a snapshot of the machine's
 * memory and processes in one call, for tools like free(1) and for tests.
 * (Linux has a sysinfo with another structure; this one is Kestrel's.)
 */
#ifndef _SYS_SYSINFO_H_
#define _SYS_SYSINFO_H_

#include <sys/types.h>

struct sysinfo {
	u_int	si_freepages;	/* free physical pages */
	u_int	si_totalpages;	/* physical pages the allocator manages */
	u_int	si_pagesize;	/* bytes in a page */
	u_int	si_nprocs;	/* processes, zombies and the kernel's included */
	u_int	si_uptime;	/* seconds since boot */
};

#ifndef _KERNEL
int	sysinfo(struct sysinfo *info);
#endif

#endif
