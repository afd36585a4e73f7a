/*
 * syscall.h - the system call table. Each handler takes the calling thread
 * and the call's argument words, puts its result in td->td_retval[0] (and
 * [1]) and returns 0 or an errno (or ERESTART / EJUSTRETURN, see
 * <sys/errno.h>). The table (sysent.c) and the handlers' prototypes
 * (sysproto.h) are generated from kernel/syscalls.master.
 */
#ifndef KERNEL_SYSCALL_H
#define KERNEL_SYSCALL_H

#include <stdint.h>
#include "sysproto.h"

struct thread;
struct trapframe;

typedef int sy_call_t(struct thread *td, uint32_t *args);

struct sysent {
	sy_call_t	*sy_call;
	uint8_t		sy_narg;	/* argument words (PT_LWPINFO's pl_syscall_narg) */
};

extern const struct sysent sysent[];
extern const unsigned nsysent;

void	syscall(struct trapframe *tf);

#endif
