/*
 * syscall_impl.h - how the library enters the kernel: int $0x80, or
 * SYSENTER where the kernel takes it (sysenter.c), with the number in eax
 * and up to five arguments in ebx, ecx, edx, esi, edi. The sixth register
 * (ebp) is the frame pointer's; mmap and __sysctl, the calls with six
 * words, go through __syscall6 in syscall6.asm.
 *
 * SYSENTER saves nothing of the caller, so it is entered with the fixed
 * sequence kernel/i386/sysenter.c describes: the return address, ebp and
 * ecx pushed, the stack in ebp. The kernel comes back to label 1 with every
 * register as int $0x80 would leave it.
 */
#ifndef _LIBC_SYSCALL_IMPL_H_
#define _LIBC_SYSCALL_IMPL_H_

#include <errno.h>

extern int __sysenter_ok;	/* the kernel takes SYSENTER (sysenter.c) */
void	__sysenter_init(char **envp);

/* The kernel returns a second result word in edx: that one in *edxp. */
static inline int
__syscall_edx(int num, int a1, int a2, int a3, int a4, int a5, int *edxp)
{
	int ret, edx = a3;

	if (__sysenter_ok)
		__asm__ volatile("pushl $1f\n\tpushl %%ebp\n\tmovl %%esp, %%ebp\n\t"
		    "pushl %%ecx\n\tsysenter\n1:"
		    : "=a"(ret), "+d"(edx)
		    : "0"(num), "b"(a1), "c"(a2), "S"(a4), "D"(a5)
		    : "memory", "cc");
	else
		__asm__ volatile("int $0x80"
		    : "=a"(ret), "+d"(edx)
		    : "0"(num), "b"(a1), "c"(a2), "S"(a4), "D"(a5)
		    : "memory", "cc");
	*edxp = edx;
	return ret;
}

static inline int
__syscall(int num, int a1, int a2, int a3, int a4, int a5)
{
	int edx;

	return __syscall_edx(num, a1, a2, a3, a4, a5, &edx);
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
