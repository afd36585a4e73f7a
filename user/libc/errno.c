/*
 * errno.c - errno, one per thread: <errno.h> makes it *__error(), the
 * field of the running thread's struct pthread (user/libc/thr_impl.h).
 * The main thread's struct lives here, so that a program without threads
 * links none of the thread library.
 */
#include <errno.h>
#include "thr_impl.h"

int __isthreaded;
struct pthread _thread_main;	/* in .bss: pt_self is set with the first thread */

int *
__error(void)
{
	return &_thr_self()->pt_errno;
}
