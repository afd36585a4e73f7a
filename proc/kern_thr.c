/*
 * kern_thr.c - FreeBSD's thread system calls: thr_new, thr_self, thr_exit,
 * thr_kill, thr_kill2, thr_set_name, thr_suspend and thr_wake (the man
 * pages of those names are the specification; the pthread library in the
 * libc is built on them).
 *
 * thr_new adds a thread to the calling process: a new struct thread with
 * its own kernel stack, the creator's signal mask, segments and (unless
 * given its own) TLS base, clean FPU state and no debug registers
 * (cpu_thread_new), starting at start_func(arg) on the user stack given.
 * Its id is written to child_tid and parent_tid before it first runs, so
 * either thread may read it at once. A traced process whose tracer asked
 * for thread events (PTRACE_LWP) reports the new thread's birth, as its
 * first stop (PL_FLAG_BORN), and its end in thr_exit (PL_FLAG_EXITED).
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/ptrace.h>
#include <sys/thr.h>
#include <time.h>
#include "proc/proc.h"
#include "proc/sys_process.h"
#include "kernel/dev/clock.h"
#include "kernel/syscall.h"
#include "vm/vm.h"

/* The checks of thr_new(2), before anything is made. */
static int
thr_param_check(const struct thr_param *tp)
{
	if (tp->rtp != NULL || (tp->flags & ~THR_SYSTEM_SCOPE) != 0)
		return EINVAL;
	if (tp->stack_size == 0 || (uint32_t)tp->stack_base >= USRSTACK ||
	    tp->stack_size > USRSTACK - (uint32_t)tp->stack_base)
		return EINVAL;
	return 0;
}

static int
store_tid(long *where, lwpid_t tid)
{
	long id = tid;

	return where == NULL ? 0 : copyout(&id, where, sizeof(id));
}

int
sys_thr_new(struct thread *td, uint32_t *args)
{
	struct proc *p = td->td_proc;
	struct thr_param tp;
	struct thread *td2;
	int size = (int)args[1], error;

	if (size < 0 || (size_t)size > sizeof(tp))
		return EINVAL;
	memset(&tp, 0, sizeof(tp));
	if (copyin((void *)args[0], &tp, size) != 0)
		return EFAULT;
	if ((error = thr_param_check(&tp)) != 0)
		return error;
	if (p->p_flag & (P_WEXIT | P_SINGLE_EXIT))
		return ERESTART;	/* the process is ending: so are we */
	if ((td2 = thread_alloc()) == NULL)
		return EPROCLIM;
	td2->td_proc = p;
	td2->td_sigmask = td->td_sigmask;
	cpu_thread_new(td2, td, (uint32_t)tp.start_func, (uint32_t)tp.arg,
	    (uint32_t)tp.stack_base, tp.stack_size);
	if ((tp.tls_base != NULL &&
	    (error = cpu_set_user_tls(td2, (uint32_t)tp.tls_base)) != 0) ||
	    (error = store_tid(tp.child_tid, td2->td_tid)) != 0 ||
	    (error = store_tid(tp.parent_tid, td2->td_tid)) != 0) {
		thread_free(td2);
		return error;
	}
	if ((p->p_flag & P_TRACED) && (p->p_ptevents & PTRACE_LWP))
		td2->td_dbgflags |= TDB_BORN;
	thread_link(td2, p);
	sched_add(td2);
	return 0;
}

int
sys_thr_self(struct thread *td, uint32_t *args)
{
	long id = td->td_tid;

	return copyout(&id, (void *)args[0], sizeof(id));
}

/*
 * thr_exit(state): *state becomes 1 and its waiters are woken (how
 * pthread_join learns of the end), then the thread ends; the last one
 * ends the process, with status 0.
 */
int
sys_thr_exit(struct thread *td, uint32_t *args)
{
	struct proc *p = td->td_proc;
	long *state = (long *)args[0], one = 1;

	if (state != NULL && copyout(&one, state, sizeof(one)) == 0)
		umtx_wake(p, state, 0x7fffffff);
	if (p->p_numthreads == 1)
		exit1(td, 0);
	ptrace_lwp_exit(td);
	thread_exit(td);
}

/* Send sig to thread id of p, or to every thread of p (id -1). */
static int
kill_threads(struct thread *td, struct proc *p, long id, int sig)
{
	struct thread *td2;
	siginfo_t si;

	if (sig < 0 || sig >= NSIG)
		return EINVAL;
	sender_info(td, SI_LWP, &si);
	if (id == -1) {
		if (sig != 0)
			FOREACH_THREAD_IN_PROC(p, td2)
				tdksignal(td2, sig, &si, 0);
		return 0;
	}
	if ((td2 = tdfind(id, p->p_pid)) == NULL)
		return ESRCH;
	if (sig != 0)
		tdksignal(td2, sig, &si, 0);
	return 0;
}

int
sys_thr_kill(struct thread *td, uint32_t *args)
{
	return kill_threads(td, td->td_proc, (long)args[0], (int)args[1]);
}

/* thr_kill2(pid, id, sig): the same in any process we may signal. */
int
sys_thr_kill2(struct thread *td, uint32_t *args)
{
	struct proc *p = pfind((pid_t)args[0]);
	int error;

	if (p == NULL || (p->p_flag & P_SYSTEM))
		return ESRCH;
	if ((error = p_cansignal(td, p)) != 0)
		return error;
	return kill_threads(td, p, (long)args[1], (int)args[2]);
}

/*
 * thr_set_name(id, name): a thread of ours gets a name for debuggers and
 * ps; a longer name is cut to THR_NAME_MAX bytes (FreeBSD's rule), NULL
 * clears it.
 */
int
sys_thr_set_name(struct thread *td, uint32_t *args)
{
	char name[MAXCOMLEN + 1];
	struct thread *td2;
	int error = 0;

	memset(name, 0, sizeof(name));
	if (args[1] != 0)
		error = copyinstr((void *)args[1], name, sizeof(name), NULL);
	if (error == ENAMETOOLONG) {
		error = copyin((void *)args[1], name, sizeof(name) - 1);
		name[sizeof(name) - 1] = '\0';
	}
	if (error != 0)
		return EFAULT;
	if ((td2 = tdfind((long)args[0], td->td_proc->p_pid)) == NULL)
		return ESRCH;
	memcpy(td2->td_name, name, sizeof(name));
	return 0;
}

/*
 * thr_suspend(timeout): sleep until thr_wake names us, the relative timeout
 * ends (ETIMEDOUT; a zero one at once) or a signal comes (EINTR, never
 * restarted). A wake sent before the call is remembered, once: the call
 * then returns 0 at once. It also clears a pending wake of ourselves.
 */
int
sys_thr_suspend(struct thread *td, uint32_t *args)
{
	struct timespec ts;
	uint64_t deadline = 0, now;
	uint32_t timo = 0;
	int error = 0;

	if (args[0] != 0) {
		if (copyin((void *)args[0], &ts, sizeof(ts)) != 0)
			return EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
			return EINVAL;
		deadline = clock_uptime_ns() + (uint64_t)ts.tv_sec *
		    1000000000ull + (uint64_t)ts.tv_nsec;
	}
	if (td->td_flags & TDF_SELFWAKE) {
		td->td_flags &= ~TDF_SELFWAKE;
		return 0;
	}
	/* A tick may be partly gone: sleep again until the deadline has passed. */
	while (!(td->td_flags & TDF_THRWAKEUP)) {
		if (deadline != 0) {
			if ((now = clock_uptime_ns()) >= deadline) {
				error = EWOULDBLOCK;
				break;
			}
			timo = clock_ns_to_ticks(deadline - now);
		}
		error = tsleep(&td->td_flags, 1, "lthr", timo);
		if (error != EWOULDBLOCK)
			break;		/* woken, or a signal */
	}
	if (td->td_flags & TDF_THRWAKEUP) {
		td->td_flags &= ~TDF_THRWAKEUP;
		return 0;
	}
	if (error == EWOULDBLOCK)
		return ETIMEDOUT;
	return error == ERESTART ? EINTR : error;
}

/*
 * thr_wake(id): thread id of our process leaves thr_suspend, or skips its
 * next one. Our own id instead makes our next interruptible sleep fail
 * with EINTR (how a thread library cancels a thread in a system call).
 */
int
sys_thr_wake(struct thread *td, uint32_t *args)
{
	struct thread *td2;

	if ((long)args[0] == td->td_tid) {
		td->td_flags |= TDF_SELFWAKE;
		return 0;
	}
	if ((td2 = tdfind((long)args[0], td->td_proc->p_pid)) == NULL)
		return ESRCH;
	td2->td_flags |= TDF_THRWAKEUP;
	wakeup(&td2->td_flags);
	return 0;
}
