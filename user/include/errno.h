/* errno.h - the error numbers (FreeBSD's, from <sys/errno.h>) and errno itself. */
#ifndef _ERRNO_H_
#define _ERRNO_H_

#include <sys/errno.h>

/* One process, one thread: a plain global is enough. */
extern int errno;

#endif
