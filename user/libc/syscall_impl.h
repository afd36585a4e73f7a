/*
 * syscall_impl.h - how the library enters the kernel: int $0x80 with the
 * number in eax and up to five arguments in ebx, ecx, edx, esi, edi. The
 * sixth register (ebp) is the frame pointer's; mmap, the only call with six
 * words, goes through __syscall6 in syscall6.asm.
 */
#ifndef _LIBC_SYSCALL_IMPL_H_
#define _LIBC_SYSCALL_IMPL_H_

#include <errno.h>

/* The kernel returns a second result word in edx, so edx is an output too. */
static inline int
__syscall(int num, int a1, int a2, int a3, int a4, int a5)
{
	int ret, edx = a3;

	__asm__ volatile("int $0x80"
	    : "=a"(ret), "+d"(edx)
	    : "0"(num), "b"(a1), "c"(a2), "S"(a4), "D"(a5)
	    : "memory", "cc");
	return ret;
}

/*
 * A result in [-4095, -1] is -errno: set errno and return -1. Compared as
 * unsigned so that addresses above 2 GiB (a break, say) are not errors.
 */
static inline int
__sysret(int ret)
{
	if ((unsigned)ret >= (unsigned)-4095) {
		errno = -ret;
		return -1;
	}
	return ret;
}

#define __sys0(n)		__sysret(__syscall((n), 0, 0, 0, 0, 0))
#define __sys1(n, a)		__sysret(__syscall((n), (int)(a), 0, 0, 0, 0))
#define __sys2(n, a, b)		__sysret(__syscall((n), (int)(a), (int)(b), 0, 0, 0))
#define __sys3(n, a, b, c)	__sysret(__syscall((n), (int)(a), (int)(b), (int)(c), 0, 0))
#define __sys4(n, a, b, c, d)	__sysret(__syscall((n), (int)(a), (int)(b), (int)(c), (int)(d), 0))
#define __sys5(n, a, b, c, d, e) \
	__sysret(__syscall((n), (int)(a), (int)(b), (int)(c), (int)(d), (int)(e)))

#endif
