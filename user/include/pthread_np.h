/*
 * pthread_np.h - FreeBSD's non-portable thread functions: a thread's name
 * (what debuggers, truss and ps -H show; thr_set_name) and its kernel
 * thread id (what ptrace and thr_kill take).
 */
#ifndef _PTHREAD_NP_H_
#define _PTHREAD_NP_H_

#include <pthread.h>

void	pthread_set_name_np(pthread_t, const char *);
int	pthread_getthreadid_np(void);

#endif
