/*
 * mmap.c - mmap(2): six argument words (the sixth in ebp, syscall6.asm),
 * the offset as one of them: an offset the kernel cannot be given (4 GiB
 * or more, or negative) is EINVAL here.
 */
#include <sys/types.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <errno.h>
#include <stdint.h>
#include "syscall_impl.h"

int	__syscall6(int, int, int, int, int, int, int);

void *
mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	int r;

	if (off < 0 || off > (off_t)UINT32_MAX) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	r = __sysret(__syscall6(SYS_mmap, (int)addr, (int)len, prot, flags, fd,
	    (int)(uint32_t)off));
	return r == -1 ? MAP_FAILED : (void *)r;
}
