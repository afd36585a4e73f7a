/*
 * nosys.c - functions POSIX programs call that need system calls the
 * Kestrel kernel does not have yet (a current directory, a writable file
 * system, memory mappings, polling, the system's name). Each fails cleanly
 * with ENOSYS, so a program links and gets a clear error at run time
 * instead of an undefined symbol; none pretends to succeed. They go as the
 * kernel gains the calls.
 */
#include <sys/types.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
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

char *
getcwd(char *buf, size_t size)
{
	(void)buf;
	(void)size;
	nosys();
	return NULL;
}

int
chdir(const char *path)
{
	(void)path;
	return nosys();
}

int
fchdir(int fd)
{
	(void)fd;
	return nosys();
}

int
unlink(const char *path)
{
	(void)path;
	return nosys();
}

int
rmdir(const char *path)
{
	(void)path;
	return nosys();
}

int
mkdir(const char *path, mode_t mode)
{
	(void)path;
	(void)mode;
	return nosys();
}

int
rename(const char *from, const char *to)
{
	(void)from;
	(void)to;
	return nosys();
}

int
ftruncate(int fd, off_t len)
{
	(void)fd;
	(void)len;
	return nosys();
}

int
fcntl(int fd, int cmd, ...)
{
	(void)fd;
	(void)cmd;
	return nosys();
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

/* sysinfo(2) is a lab's system call: its starting tree has this placeholder. */
/* LAB syscall: BEGIN stub:
 *	int
 *	sysinfo(struct sysinfo *info)
 *	{
 *		(void)info;
 *		return nosys();
 *	}
 */
/* LAB syscall: END */
