/*
 * sys/umtx.h - _umtx_op(2), FreeBSD's wait and wake on a user address:
 * the primitive the pthread library's mutexes, condition variables and
 * semaphores sleep on. Only the plain word operations are here:
 *
 *	UMTX_OP_WAIT, UMTX_OP_WAIT_UINT(_PRIVATE): sleep while the word at
 *		obj still holds val; uaddr2 is a timeout (NULL: none), a
 *		struct timespec (relative) if uaddr is its size, else a
 *		struct _umtx_time (uaddr its size). ETIMEDOUT, EINTR.
 *	UMTX_OP_WAKE(_PRIVATE): wake up to val sleepers on obj; the number
 *		woken is not returned (FreeBSD's rule).
 *
 * The _PRIVATE forms are for words no other process sees; in Kestrel
 * both forms key on the process and the address.
 */
#ifndef _SYS_UMTX_H_
#define _SYS_UMTX_H_

#include <sys/types.h>
#include <time.h>

#define UMTX_OP_WAIT			2
#define UMTX_OP_WAKE			3
#define UMTX_OP_WAIT_UINT		11
#define UMTX_OP_WAIT_UINT_PRIVATE	15
#define UMTX_OP_WAKE_PRIVATE		16

#define UMTX_ABSTIME	0x01	/* _umtx_time: _timeout is absolute */

struct _umtx_time {
	struct timespec	_timeout;
	uint32_t	_flags;		/* UMTX_ABSTIME */
	uint32_t	_clockid;	/* CLOCK_REALTIME or CLOCK_MONOTONIC */
};

#ifndef _KERNEL
int	_umtx_op(void *obj, int op, u_long val, void *uaddr, void *uaddr2);
#endif

#endif
