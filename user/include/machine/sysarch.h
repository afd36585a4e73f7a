/*
 * machine/sysarch.h - sysarch(2), FreeBSD/i386's machine-dependent call,
 * and the TLS functions built on it: i386_get_gsbase and i386_set_gsbase
 * read and set the calling thread's %gs base (a user address; EINVAL for
 * one in the kernel). Setting it also loads %gs with the thread's own
 * selector, so %gs:0 is the first word at the base at once.
 */
#ifndef _MACHINE_SYSARCH_H_
#define _MACHINE_SYSARCH_H_

#define I386_GET_GSBASE	9
#define I386_SET_GSBASE	10

#ifndef _KERNEL
int	sysarch(int number, void *args);
int	i386_get_gsbase(void **addr);
int	i386_set_gsbase(void *addr);
#endif

#endif
