/*
 * sys_bsd.c - BSD calls that are other calls in disguise: killpg is kill
 * of a negative group, wait3 is wait4 for any child, gethostname is the
 * node name uname gives.
 */
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

int
killpg(pid_t pgrp, int sig)
{
	if (pgrp < 0 || pgrp == 1) {
		/* kill(-1) would signal every process, not group 1. */
		errno = pgrp < 0 ? EINVAL : ESRCH;
		return -1;
	}
	return kill(-pgrp, sig);
}

pid_t
wait3(int *status, int options, struct rusage *ru)
{
	return wait4(WAIT_ANY, status, options, ru);
}

/* The name with its NUL in len bytes, or ENAMETOOLONG (FreeBSD's rule). */
int
gethostname(char *name, size_t len)
{
	struct utsname u;

	if (uname(&u) == -1)
		return -1;
	if (strlen(u.nodename) >= len) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(name, u.nodename);
	return 0;
}
