/*
 * kern_exit.c - exit and wait.
 *
 * An exiting process releases everything it can at once (files, address
 * space, pending signals, FPU and debug-register ownership), hangs up the
 * groups its exit orphans if they are stopped (proc/kern_jobc.c) and,
 * leading a session, frees its terminal (the console's tty.c); it hands its
 * children to their reaper (init, or an ancestor that became one with
 * procctl(PROC_REAP_ACQUIRE)), settles its tracees (proc/sys_process.c),
 * lets a vfork parent go on, and becomes a zombie holding only its slot
 * and exit status until it is collected. A thread that exits a process
 * with other threads ends them first (thread_single); if another thread is
 * already doing that, for an exit or an exec, the caller just ends.
 *
 * Who collects: a traced process's stops and exit go to its tracer first.
 * Its parent, if that is someone else, sees nothing of it meanwhile (wait4
 * with WNOHANG returns 0 for it) and gets the exit only after the tracer has
 * collected it; then the parent reaps the zombie (or nobody does, if the
 * parent keeps no zombies: the slot is freed as the trace ends).
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/wait.h>
#include "proc/proc.h"
#include "proc/sys_process.h"
#include "kernel/fs/file.h"
#include "kernel/fs/tty.h"
#include "kernel/kprintf.h"
#include "kernel/syscall.h"
#include "kernel/i386/x86.h"
#include "vm/vm.h"

#define RUSAGE_SIZE	72	/* FreeBSD/i386 struct rusage */

/* Whoever collects p's status next: its tracer, else its parent. */
static struct proc *
collector(struct proc *p)
{
	return (p->p_flag & P_TRACED) ? p->p_tracer : p->p_pptr;
}

/*
 * A parent that ignores SIGCHLD or set SA_NOCLDWAIT keeps no zombies
 * (POSIX, FreeBSD): its exiting children go to their reaper (init reaps
 * them).
 */
static int
wants_no_zombies(struct proc *pp)
{
	return pp != initproc &&
	    (pp->p_sigacts.ps_handler[SIGCHLD] == SIG_IGN ||
	    (pp->p_sigacts.ps_flags[SIGCHLD] & SA_NOCLDWAIT));
}

void
exit1(struct thread *td, int status)
{
	struct proc *p = td->td_proc, *w, *q;
	int i;

	if (p == initproc)
		panic("init exited (status %#x)", status);
	if (thread_single(td) != 0)
		thread_exit(td);
	p->p_flag |= P_WEXIT;
	jobc_exit(p);
	if (p->p_pid == p->p_sid)
		tty_session_end(p->p_sid);
	for (i = 0; i < NOFILE; i++)
		if (p->p_fd[i] != NULL) {
			fdrop(p->p_fd[i]);
			p->p_fd[i] = NULL;
		}
	cpu_exit(td);
	vmspace_free(p->p_vmspace);	/* a vfork parent's stays: it has a reference */
	p->p_vmspace = NULL;
	sigqueue_flush(p);
	vfork_release(p);

	ptrace_tracer_exit(p);
	if (p->p_treeflag & P_TREE_REAPER)
		reaper_abandon_children(p);
	FOREACH_PROC(q) {
		if (q->p_pptr == p) {
			q->p_pptr = q->p_reaper;
			if (q->p_state == PRS_ZOMBIE)
				wakeup(q->p_pptr);
		}
	}

	disable_intr();
	p->p_xstat = status;
	p->p_state = PRS_ZOMBIE;
	if (!(p->p_flag & P_TRACED) && wants_no_zombies(p->p_pptr)) {
		wakeup(p->p_pptr);	/* a wait there finds one child fewer */
		p->p_pptr = p->p_reaper != p->p_pptr ? p->p_reaper : initproc;
	}
	w = collector(p);
	wakeup(w);
	psignal(w, SIGCHLD);
	thread_exit(td);
}

int
sys_exit(struct thread *td, uint32_t *args)
{
	exit1(td, W_EXITCODE(args[0] & 0xff, 0));
}

/* Free a collected zombie's slot. */
void
proc_reap(struct proc *p)
{
	proc_free(p);
}

/*
 * The trace of zombie p is over (its tracer collected the exit, or went
 * away): the exit is its parent's to collect now, unless the parent keeps
 * no zombies, in which case the slot is freed at once.
 */
void
proc_zombie_untrace(struct proc *p)
{
	struct proc *pp = p->p_pptr;

	p->p_flag &= ~P_TRACED;
	p->p_flag2 &= ~P2_TRACE_ATTACH;
	p->p_tracer = NULL;
	wakeup(pp);		/* a wait there finds the status, or no child */
	if (wants_no_zombies(pp))
		proc_reap(p);
	else
		psignal(pp, SIGCHLD);
}

static int
matches(struct proc *me, struct proc *q, pid_t pid)
{
	if (pid > 0)
		return q->p_pid == pid;
	if (pid == 0)
		return q->p_pgid == me->p_pgid;
	if (pid < -1)
		return q->p_pgid == -pid;
	return 1;
}

/*
 * One scan of the process table: 0 and *found if q has a status for us,
 * ECHILD if we have no such child at all, EAGAIN if we must wait.
 */
static int
wait_scan(struct proc *me, pid_t pid, int options, struct proc **found,
    int *status)
{
	struct proc *q;
	int any = 0;

	FOREACH_PROC(q) {
		int tracing, parent;

		if (q->p_state != PRS_NORMAL && q->p_state != PRS_ZOMBIE)
			continue;
		tracing = (q->p_flag & P_TRACED) && q->p_tracer == me;
		parent = q->p_pptr == me;
		if ((!tracing && !parent) || !matches(me, q, pid))
			continue;
		any = 1;
		if (!tracing && (q->p_flag & P_TRACED))
			continue;	/* its tracer comes first */
		*found = q;
		if (q->p_state == PRS_ZOMBIE) {
			*status = q->p_xstat;
			return 0;
		}
		if (tracing && (q->p_flag & P_STOPPED_TRACE) &&
		    !(q->p_flag & P_WAITED)) {
			*status = W_STOPCODE(q->p_xstat);
			return 0;
		}
		if ((options & WUNTRACED) && (q->p_flag & P_STOPPED_SIG) &&
		    !(q->p_flag2 & P2_STOPREPORTED)) {
			*status = W_STOPCODE(q->p_xstat);
			return 0;
		}
		if ((options & WCONTINUED) && (q->p_flag & P_CONTINUED)) {
			*status = 0x13;		/* WIFCONTINUED */
			return 0;
		}
	}
	return any ? EAGAIN : ECHILD;
}

/* Record that me collected q's status; reap q if it is gone for good. */
static void
wait_collect(struct proc *me, struct proc *q)
{
	if (q->p_state != PRS_ZOMBIE) {
		if ((q->p_flag & P_TRACED) && q->p_tracer == me &&
		    (q->p_flag & P_STOPPED_TRACE))
			q->p_flag |= P_WAITED;
		else if (q->p_flag & P_STOPPED_SIG)
			q->p_flag2 |= P2_STOPREPORTED;
		else
			q->p_flag &= ~P_CONTINUED;
		return;
	}
	if ((q->p_flag & P_TRACED) && q->p_pptr != me) {
		proc_zombie_untrace(q);	/* the tracer has seen the exit */
		return;
	}
	proc_reap(q);
}

int
sys_wait4(struct thread *td, uint32_t *args)
{
	struct proc *me = td->td_proc, *q;
	pid_t pid = (pid_t)args[0];
	int *ustatus = (int *)args[1], options = (int)args[2], status, error;
	int sleep_error;
	static const char zero[RUSAGE_SIZE];

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED))
		return EINVAL;
	/*
	 * A signal ends the wait only if no status is ready after it: the
	 * SIGCHLD of the very child we wait for must not cost its status.
	 */
	for (sleep_error = 0;; sleep_error = tsleep(me, 1, "wait", 0)) {
		error = wait_scan(me, pid, options, &q, &status);
		if (error != EAGAIN)
			break;
		if (options & WNOHANG)
			return 0;
		if (sleep_error != 0)
			return sleep_error;
	}
	if (error != 0)
		return error;
	if (ustatus != NULL && copyout(&status, ustatus, sizeof(status)) != 0)
		return EFAULT;
	if (args[3] != 0 && copyout(zero, (void *)args[3], RUSAGE_SIZE) != 0)
		return EFAULT;
	td->td_retval[0] = q->p_pid;
	wait_collect(me, q);
	return 0;
}
