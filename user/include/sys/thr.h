/*
 * sys/thr.h - FreeBSD's thread system calls, with its structure and
 * names: thr_new creates a thread of the calling process that starts at
 * start_func(arg) on the stack given, with its TLS (the %gs base) at
 * tls_base; its id goes to *child_tid and *parent_tid. Thread ids are
 * above PID_MAX (100001 and up), never a pid. Programs use <pthread.h>.
 */
#ifndef _SYS_THR_H_
#define _SYS_THR_H_

#include <sys/types.h>

#define THR_SUSPENDED		0x0001	/* not supported: EINVAL */
#define THR_SYSTEM_SCOPE	0x0002	/* every Kestrel thread is */

#define THR_NAME_MAX		19	/* thr_set_name keeps this many bytes */

struct rtprio;
struct timespec;

struct thr_param {
	void		(*start_func)(void *);	/* the thread runs start_func(arg) */
	void		*arg;
	char		*stack_base;		/* its user stack */
	size_t		stack_size;
	char		*tls_base;		/* its %gs base; NULL: the creator's */
	size_t		tls_size;
	long		*child_tid;		/* where the new id goes, if not NULL */
	long		*parent_tid;		/* ... and here too */
	int		flags;			/* THR_* */
	struct rtprio	*rtp;			/* must be NULL */
	void		*spare[3];
};

#ifndef _KERNEL
int	thr_new(struct thr_param *param, int param_size);
int	thr_self(long *id);
void	thr_exit(long *state) __attribute__((noreturn));
int	thr_kill(long id, int sig);
int	thr_kill2(pid_t pid, long id, int sig);
int	thr_set_name(long id, const char *name);
int	thr_suspend(const struct timespec *timeout);
int	thr_wake(long id);
#endif

#endif
