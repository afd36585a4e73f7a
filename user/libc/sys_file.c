/* sys_file.c - system calls on file descriptors and paths. */
#include <sys/types.h>
#include <sys/syscall.h>
#include <sys/stat.h>
#include <sys/ioctl.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdarg.h>
#include <unistd.h>
#include "syscall_impl.h"

ssize_t
read(int fd, void *buf, size_t n)
{
	return __sys3(SYS_read, fd, buf, n);
}

ssize_t
write(int fd, const void *buf, size_t n)
{
	return __sys3(SYS_write, fd, buf, n);
}

/* The mode argument is there only with O_CREAT. */
int
open(const char *path, int flags, ...)
{
	va_list ap;
	int mode = 0;

	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = va_arg(ap, int);
		va_end(ap);
	}
	return __sys3(SYS_open, path, flags, mode);
}

int
close(int fd)
{
	return __sys1(SYS_close, fd);
}

/* The 64-bit offset travels as two words, low then high; the result is 32-bit. */
off_t
lseek(int fd, off_t off, int whence)
{
	int r = __sys4(SYS_lseek, fd, (uint32_t)off, (uint32_t)(off >> 32),
	    whence);

	return r == -1 ? -1 : (off_t)(uint32_t)r;
}

int
dup(int fd)
{
	return __sys1(SYS_dup, fd);
}

int
dup2(int from, int to)
{
	return __sys2(SYS_dup2, from, to);
}

int
pipe(int fds[2])
{
	return __sys1(SYS_pipe, fds);
}

int
stat(const char *path, struct stat *st)
{
	return __sys2(SYS_stat, path, st);
}

int
fstat(int fd, struct stat *st)
{
	return __sys2(SYS_fstat, fd, st);
}

ssize_t
getdents(int fd, char *buf, size_t n)
{
	return __sys3(SYS_getdents, fd, buf, n);
}

int
ioctl(int fd, unsigned long req, ...)
{
	va_list ap;
	void *arg;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	return __sys3(SYS_ioctl, fd, req, arg);
}
