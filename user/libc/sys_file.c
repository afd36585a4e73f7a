/*
 * sys_file.c - the file system calls whose wrappers do more than make the
 * call (the plain ones are generated from kernel/syscalls.master): open,
 * ioctl and fcntl take variable arguments, lseek, truncate and ftruncate
 * split their 64-bit offsets.
 */
#include <sys/types.h>
#include <sys/syscall.h>
#include <sys/ioctl.h>
#include <fcntl.h>
#include <stdarg.h>
#include <unistd.h>
#include "syscall_impl.h"

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

/* The 64-bit offset travels as two words, low then high; the result is 32-bit. */
off_t
lseek(int fd, off_t off, int whence)
{
	int r = __sys4(SYS_lseek, fd, (uint32_t)off, (uint32_t)(off >> 32),
	    whence);

	return r == -1 ? -1 : (off_t)(uint32_t)r;
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

/* FreeBSD's commands all take an int (or nothing) as the third argument. */
int
fcntl(int fd, int cmd, ...)
{
	va_list ap;
	int arg;

	va_start(ap, cmd);
	arg = va_arg(ap, int);
	va_end(ap);
	return __sys3(SYS_fcntl, fd, cmd, arg);
}

int
truncate(const char *path, off_t length)
{
	return __sys3(SYS_truncate, path, (uint32_t)length,
	    (uint32_t)(length >> 32));
}

int
ftruncate(int fd, off_t length)
{
	return __sys3(SYS_ftruncate, fd, (uint32_t)length,
	    (uint32_t)(length >> 32));
}
