/*
 * kprintf.h - kernel console output and the fatal-error path.
 */
#ifndef KERNEL_KPRINTF_H
#define KERNEL_KPRINTF_H

#include <stdarg.h>
#include <stddef.h>

struct trapframe;

int	kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int	vkprintf(const char *fmt, va_list ap);
int	ksnprintf(char *buf, size_t size, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

void	panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
void	panic_trap(struct trapframe *tf, const char *fmt, ...)
	    __attribute__((noreturn, format(printf, 2, 3)));

/* Magic breakpoint for Bochs' debugger (magic_break: enabled=1 in bochsrc). */
#define BOCHS_BREAK()	__asm__ volatile("xchgw %%bx, %%bx" ::: "memory")

#define KASSERT(cond, msg)						\
	do {								\
		if (!(cond))						\
			panic("assertion \"%s\" failed at %s:%d: %s",	\
			    #cond, __FILE__, __LINE__, (msg));		\
	} while (0)

#endif
