/*
 * sys/thr.h - FreeBSD's thread calls that Kestrel has: the calling
 * thread's id, and a signal to one thread. A process has one thread,
 * whose id is the pid.
 */
#ifndef _SYS_THR_H_
#define _SYS_THR_H_

#ifndef _KERNEL
int	thr_self(long *);
int	thr_kill(long, int);
#endif

#endif
