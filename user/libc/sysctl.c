/*
 * sysctl.c - sysctl(3): the kernel's named values. sysctl() asks by MIB
 * (an array of numbers); sysctlbyname() and sysctlnametomib() first turn a
 * dotted name into one, asking the kernel's node sysctl.name2oid ({ 0, 3 },
 * the name as the "new" value), as FreeBSD's libc does.
 */
#include <errno.h>
#include <string.h>
#include <sys/sysctl.h>
#include <sys/syscall.h>
#include "syscall_impl.h"

int	__syscall6(int, int, int, int, int, int, int);

int
__sysctl(const int *name, u_int namelen, void *old, size_t *oldlenp,
    const void *new, size_t newlen)
{
	return __sysret(__syscall6(SYS___sysctl, (int)name, (int)namelen,
	    (int)old, (int)oldlenp, (int)new, (int)newlen));
}

int
sysctl(const int *name, u_int namelen, void *old, size_t *oldlenp,
    const void *new, size_t newlen)
{
	return __sysctl(name, namelen, old, oldlenp, new, newlen);
}

/* *sizep numbers at most into mib; then *sizep says how many there are. */
int
sysctlnametomib(const char *name, int *mib, size_t *sizep)
{
	static const int name2oid[2] = { CTL_UNSPEC, 3 };
	size_t len = *sizep * sizeof(int);

	if (__sysctl(name2oid, 2, mib, &len, name, strlen(name)) == -1)
		return -1;
	*sizep = len / sizeof(int);
	return 0;
}

int
sysctlbyname(const char *name, void *old, size_t *oldlenp, const void *new,
    size_t newlen)
{
	int mib[CTL_MAXNAME];
	size_t n = CTL_MAXNAME;

	if (sysctlnametomib(name, mib, &n) == -1)
		return -1;
	return __sysctl(mib, n, old, oldlenp, new, newlen);
}
