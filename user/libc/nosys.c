/*
 * nosys.c - functions POSIX programs call that need system calls the
 * Kestrel kernel does not have yet (polling). Each fails cleanly
 * with ENOSYS, so a program links and gets a clear error at run time
 * instead of an undefined symbol; none pretends to succeed. They go as the
 * kernel gains the calls.
 */
#include <sys/types.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <unistd.h>

static int
nosys(void)
{
	errno = ENOSYS;
	return -1;
}

int
poll(struct pollfd *fds, nfds_t n, int timeout)
{
	(void)fds;
	(void)n;
	(void)timeout;
	return nosys();
}

int
select(int n, fd_set *r, fd_set *w, fd_set *x, struct timeval *timeout)
{
	(void)n;
	(void)r;
	(void)w;
	(void)x;
	(void)timeout;
	return nosys();
}
