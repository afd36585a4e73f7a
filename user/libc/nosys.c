/*
 * nosys.c - functions POSIX programs call that need system calls the
 * Kestrel kernel does not have yet (memory mappings, polling, the system's
 * name). Each fails cleanly
 * with ENOSYS, so a program links and gets a clear error at run time
 * instead of an undefined symbol; none pretends to succeed. They go as the
 * kernel gains the calls.
 */
#include <sys/types.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/utsname.h>
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

void *
mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr;
	(void)len;
	(void)prot;
	(void)flags;
	(void)fd;
	(void)off;
	nosys();
	return MAP_FAILED;
}

int
munmap(void *addr, size_t len)
{
	(void)addr;
	(void)len;
	return nosys();
}

int
mprotect(void *addr, size_t len, int prot)
{
	(void)addr;
	(void)len;
	(void)prot;
	return nosys();
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

int
uname(struct utsname *name)
{
	(void)name;
	return nosys();
}
