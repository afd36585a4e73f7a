/*
 * errno.h - the error numbers (FreeBSD's, from <sys/errno.h>) and errno
 * itself, which is each thread's own: as on FreeBSD, an lvalue that
 * __error() finds for the running thread.
 */
#ifndef _ERRNO_H_
#define _ERRNO_H_

#include <sys/errno.h>

int	*__error(void);
#define errno	(*__error())

#endif
