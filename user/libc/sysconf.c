/*
 * sysconf.c - sysconf(3) and getpagesize: the limits and sizes of this
 * system, from the kernel where it knows them (<sys/kinfo.h>, and the
 * process's own resource limits for CHILD_MAX and OPEN_MAX, as FreeBSD's)
 * and from the headers where they are fixed. An unknown name is EINVAL; a limit Kestrel
 * does not have is -1 with errno untouched, as POSIX says.
 *
 * sysinfo(2)'s wrapper is generated from the system-call list like any
 * other; the syscall lab's starting tree, whose list lacks the call, gets a
 * placeholder here so that programs using it still link.
 */
#include <sys/param.h>
#include <sys/kinfo.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <unistd.h>

/* A soft resource limit; -1 for none (RLIM_INFINITY). */
static long
soft_limit(int resource)
{
	struct rlimit rl;

	if (getrlimit(resource, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
		return -1;
	return rl.rlim_cur > LONG_MAX ? LONG_MAX : (long)rl.rlim_cur;
}

long
sysconf(int name)
{
	switch (name) {
	case _SC_ARG_MAX:
		return ARG_MAX;
	case _SC_CHILD_MAX:
		return soft_limit(RLIMIT_NPROC);
	case _SC_CLK_TCK:
		return kinfo(KINFO_HZ);
	case _SC_NGROUPS_MAX:
		return NGROUPS_MAX;
	case _SC_OPEN_MAX:
		return soft_limit(RLIMIT_NOFILE);
	case _SC_JOB_CONTROL:
	case _SC_SAVED_IDS:
		return 1;
	case _SC_VERSION:
		return _POSIX_VERSION;
	case _SC_LINE_MAX:
		return LINE_MAX;
	case _SC_STREAM_MAX:
		return FOPEN_MAX;
	case _SC_PAGESIZE:
		return PAGE_SIZE;
	case _SC_NPROCESSORS_CONF:
	case _SC_NPROCESSORS_ONLN:
		return 1;
	case _SC_PHYS_PAGES:
		return kinfo(KINFO_TOTALPAGES);
	case _SC_HOST_NAME_MAX:
		return HOST_NAME_MAX;
	case _SC_LOGIN_NAME_MAX:
		return LOGIN_NAME_MAX;
	case _SC_ATEXIT_MAX:
		return 32;
	case _SC_TZNAME_MAX:
	case _SC_RTSIG_MAX:
	case _SC_TIMER_MAX:
		return -1;
	default:
		errno = EINVAL;
		return -1;
	}
}

int
getpagesize(void)
{
	return PAGE_SIZE;
}

/* LAB syscall: BEGIN stub:
 *	int
 *	sysinfo(struct sysinfo *info)
 *	{
 *		(void)info;
 *		errno = ENOSYS;
 *		return -1;
 *	}
 */
/* LAB syscall: END */
