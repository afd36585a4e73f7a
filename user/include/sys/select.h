/*
 * sys/select.h - descriptor sets and select(2), FreeBSD's layout.
 */
#ifndef _SYS_SELECT_H_
#define _SYS_SELECT_H_

#include <sys/types.h>
#include <sys/time.h>

#ifndef FD_SETSIZE
#define FD_SETSIZE	1024
#endif

typedef unsigned long	__fd_mask;
typedef __fd_mask	fd_mask;
#define _NFDBITS	(sizeof(__fd_mask) * 8)
#define NFDBITS		_NFDBITS

typedef struct fd_set {
	__fd_mask	__fds_bits[(FD_SETSIZE + _NFDBITS - 1) / _NFDBITS];
} fd_set;
#define fds_bits	__fds_bits

#define __fdset_mask(n)	((__fd_mask)1 << ((n) % _NFDBITS))
#define FD_CLR(n, p)	((p)->__fds_bits[(n) / _NFDBITS] &= ~__fdset_mask(n))
#define FD_SET(n, p)	((p)->__fds_bits[(n) / _NFDBITS] |= __fdset_mask(n))
#define FD_ISSET(n, p)	(((p)->__fds_bits[(n) / _NFDBITS] & __fdset_mask(n)) != 0)
#define FD_COPY(f, t)	((void)(*(t) = *(f)))
#define FD_ZERO(p)	do {						\
	fd_set *_p = (p);						\
	unsigned _n;							\
	for (_n = 0; _n < sizeof(_p->__fds_bits) /			\
	    sizeof(_p->__fds_bits[0]); _n++)				\
		_p->__fds_bits[_n] = 0;					\
} while (0)

#ifndef _KERNEL
int	select(int, fd_set *, fd_set *, fd_set *, struct timeval *);
#endif

#endif
