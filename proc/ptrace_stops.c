/*
 * ptrace_stops.c - the tracee's side of ptrace: the stops it makes for its
 * tracer's events, and what PT_LWPINFO says about the stop it is in.
 *
 * A traced process stops for a signal in issignal() (proc/kern_sig.c); the
 * other stops are events the tracer chose in its event mask (p_ptevents,
 * PT_SET_EVENT_MASK), and each is a SIGTRAP stop marked in td_dbgflags
 * while it lasts:
 *
 *	PTRACE_SCE	entry of every system call		TDB_SCE
 *	PTRACE_SCX	exit of every system call		TDB_SCX
 *	PTRACE_EXEC	exit of a successful execve		TDB_SCX | TDB_EXEC
 *	PTRACE_FORK	exit of fork or vfork, in the parent	TDB_SCX | TDB_FORK
 *			first return of the child (SIGSTOP)	TDB_SCX | TDB_CHILD
 *	PTRACE_VFORK	the vfork parent goes on		TDB_VFORK
 *	PTRACE_LWP	a new thread's first stop		TDB_SCX | TDB_BORN
 *			a thread ending in thr_exit		TDB_EXIT
 *
 * The masks stay as set until changed or the tracer lets go: PT_TO_SCE,
 * PT_TO_SCX and PT_SYSCALL add their events and resume (FreeBSD's rule),
 * PT_CONTINUE leaves the mask alone. kernel/syscall.c makes the system call
 * stops, proc/kern_fork.c the fork and vfork ones, through the functions
 * here. A signal the tracer gives with PT_CONTINUE at an event stop is
 * posted as the process goes on (KSI_PTRACE: not reported again).
 */
#include <string.h>
#include <sys/ptrace.h>
#include "proc/proc.h"
#include "proc/sys_process.h"
#include "kernel/syscall.h"

/* The signal the tracer gave at a stop that was no signal's (0: none). */
void
ptrace_post(struct thread *td, int sig)
{
	static const siginfo_t no_details;

	if (sig != 0)
		tdksignal(td, sig, &no_details, KSI_PTRACE);
}

/* One event stop: SIGTRAP (the fork child's SIGSTOP) with flags marking it. */
static void
event_stop(struct thread *td, int sig, int flags)
{
	td->td_si.si_signo = 0;		/* no signal's siginfo: no PL_FLAG_SI */
	td->td_dbgflags |= flags;
	sig = ptracestop(td, sig);
	td->td_dbgflags &= ~flags;
	ptrace_post(td, sig);
}

/*
 * Stop at a system call entry (TDB_SCE) or exit (TDB_SCX); kernel/
 * syscall.c has recorded the call. The exit stop also reports the exec or
 * fork the call made, once.
 */
void
ptrace_syscall_stop(struct thread *td, int which)
{
	event_stop(td, SIGTRAP, which);
	td->td_dbgflags &= ~(TDB_EXEC | TDB_FORK);
}

/*
 * td forked p2: if its tracer follows forks, p2 is traced by the same
 * tracer from its birth, with the default event mask, and stops before
 * it first runs; td's exit stop reports the fork. A child of a process
 * the tracer attached to counts as attached (the tracer's death lets both
 * go on), one of a PT_TRACE_ME child as a PT_TRACE_ME child.
 */
void
ptrace_fork(struct thread *td, struct proc *p2)
{
	struct proc *p1 = td->td_proc;

	if (!(p1->p_flag & P_TRACED) || !(p1->p_ptevents & PTRACE_FORK))
		return;
	td->td_dbgflags |= TDB_FORK;
	td->td_dbg_forked = p2->p_pid;
	p2->p_flag |= P_TRACED;
	p2->p_flag2 |= p1->p_flag2 & P2_TRACE_ATTACH;
	p2->p_tracer = p1->p_tracer;
	p2->p_ptevents = PTRACE_DEFAULT;
	FIRST_THREAD_IN_PROC(p2)->td_dbgflags |= TDB_STOPATFORK;
}

/*
 * The first stop of a followed child, on its way out of fork: SIGSTOP,
 * PL_FLAG_CHILD, and the parent's call (SCX). Nothing if the tracer let go
 * of it before it ran.
 */
void
ptrace_fork_child(struct thread *td)
{
	td->td_dbgflags &= ~TDB_STOPATFORK;
	if (!(td->td_proc->p_flag & P_TRACED))
		return;
	td->td_sc_error = 0;
	event_stop(td, SIGSTOP, TDB_CHILD | TDB_SCX);
}

/* The vfork parent goes on: PTRACE_VFORK's stop (PL_FLAG_VFORK_DONE). */
void
ptrace_vfork_done(struct thread *td)
{
	struct proc *p = td->td_proc;

	if ((td->td_dbgflags & TDB_VFORK) && (p->p_flag & P_TRACED) &&
	    (p->p_ptevents & PTRACE_VFORK))
		event_stop(td, SIGTRAP, 0);
	td->td_dbgflags &= ~TDB_VFORK;
}

/* A new thread's first stop, before it runs a user instruction. */
void
ptrace_lwp_born(struct thread *td)
{
	td->td_dbgflags &= ~TDB_BORN;
	if (!(td->td_proc->p_flag & P_TRACED) ||
	    !(td->td_proc->p_ptevents & PTRACE_LWP))
		return;
	td->td_sc_error = 0;
	event_stop(td, SIGTRAP, TDB_BORN | TDB_SCX);
}

/* An ending thread's last stop (thr_exit, not the process's last thread). */
void
ptrace_lwp_exit(struct thread *td)
{
	struct proc *p = td->td_proc;

	if ((p->p_flag & P_TRACED) && (p->p_ptevents & PTRACE_LWP))
		event_stop(td, SIGTRAP, TDB_EXIT);
}

/*
 * PT_LWPINFO: what thread td's current stop is. A thread that is stopped
 * because another one stopped the process has no event of its own: it
 * reports PL_EVENT_NONE.
 */
void
ptrace_lwpinfo(struct thread *td, struct ptrace_lwpinfo *pl)
{
	struct proc *p = td->td_proc;
	int f = td->td_dbgflags;

	memset(pl, 0, sizeof(*pl));
	pl->pl_lwpid = td->td_tid;
	pl->pl_event = p->p_xthread == td ? PL_EVENT_SIGNAL : PL_EVENT_NONE;
	pl->pl_sigmask.__bits[0] = td->td_sigmask;
	pl->pl_siglist.__bits[0] = p->p_siglist | td->td_siglist;
	strlcpy(pl->pl_tdname, thread_name(td), sizeof(pl->pl_tdname));
	if (p->p_xthread != td)
		return;
	if (td->td_si.si_signo != 0) {
		pl->pl_flags |= PL_FLAG_SI;
		pl->pl_siginfo = td->td_si;
	}
	if (f & TDB_SCE)
		pl->pl_flags |= PL_FLAG_SCE;
	else if (f & TDB_SCX)
		pl->pl_flags |= PL_FLAG_SCX;
	if (f & TDB_EXEC)
		pl->pl_flags |= PL_FLAG_EXEC;
	if (f & TDB_FORK) {
		pl->pl_flags |= PL_FLAG_FORKED;
		pl->pl_child_pid = td->td_dbg_forked;
		if (f & TDB_VFORK)
			pl->pl_flags |= PL_FLAG_VFORKED;
	} else if ((f & (TDB_SCX | TDB_VFORK)) == TDB_VFORK) {
		pl->pl_flags |= PL_FLAG_VFORK_DONE;
	}
	if (f & TDB_CHILD)
		pl->pl_flags |= PL_FLAG_CHILD;
	if (f & TDB_BORN)
		pl->pl_flags |= PL_FLAG_BORN;
	if (f & TDB_EXIT)
		pl->pl_flags |= PL_FLAG_EXITED;
	if (f & (TDB_SCE | TDB_SCX)) {
		pl->pl_syscall_code = td->td_sc_code;
		pl->pl_syscall_narg = (unsigned)td->td_sc_code < nsysent ?
		    sysent[td->td_sc_code].sy_narg : 0;
	}
}
