/*
 * kern_sig.c - posting and delivering signals, FreeBSD's model.
 *
 * psignal() only marks a signal pending (and wakes or continues the process
 * when the signal demands it); it may be called from interrupt handlers.
 * Delivery happens on the way back to user mode, in userret(): issignal()
 * picks the next deliverable signal, and that is where a traced process
 * stops instead (every signal but SIGKILL goes to the tracer first, which
 * decides with PT_CONTINUE which signal, if any, is delivered) and where
 * SIGSTOP and friends stop a process for job control. postsig() then runs
 * the default action or builds a handler frame (kernel/i386/sendsig.c).
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/wait.h>
#include "proc/proc.h"
#include "kernel/kprintf.h"
#include "kernel/i386/x86.h"

/* Default properties of each signal. */
#define SA_KILL		0x01	/* terminates */
#define SA_CORE		0x02	/* terminates "with a core" */
#define SA_STOP		0x04	/* stops */
#define SA_TTYSTOP	0x08	/* stops, from the terminal */
#define SA_IGNORE	0x10	/* ignored */
#define SA_CONT		0x20	/* continues a stopped process */

static const uint8_t sigprop[NSIG] = {
	[SIGHUP] = SA_KILL,		[SIGINT] = SA_KILL,
	[SIGQUIT] = SA_KILL | SA_CORE,	[SIGILL] = SA_KILL | SA_CORE,
	[SIGTRAP] = SA_KILL | SA_CORE,	[SIGABRT] = SA_KILL | SA_CORE,
	[SIGEMT] = SA_KILL | SA_CORE,	[SIGFPE] = SA_KILL | SA_CORE,
	[SIGKILL] = SA_KILL,		[SIGBUS] = SA_KILL | SA_CORE,
	[SIGSEGV] = SA_KILL | SA_CORE,	[SIGSYS] = SA_KILL | SA_CORE,
	[SIGPIPE] = SA_KILL,		[SIGALRM] = SA_KILL,
	[SIGTERM] = SA_KILL,		[SIGURG] = SA_IGNORE,
	[SIGSTOP] = SA_STOP,		[SIGTSTP] = SA_STOP | SA_TTYSTOP,
	[SIGCONT] = SA_IGNORE | SA_CONT, [SIGCHLD] = SA_IGNORE,
	[SIGTTIN] = SA_STOP | SA_TTYSTOP, [SIGTTOU] = SA_STOP | SA_TTYSTOP,
	[SIGIO] = SA_IGNORE,		[SIGXCPU] = SA_KILL,
	[SIGXFSZ] = SA_KILL,		[SIGVTALRM] = SA_KILL,
	[SIGPROF] = SA_KILL,		[SIGWINCH] = SA_IGNORE,
	[SIGINFO] = SA_IGNORE,		[SIGUSR1] = SA_KILL,
	[SIGUSR2] = SA_KILL,
};

#define STOPSIGS (SIGMASK(SIGSTOP) | SIGMASK(SIGTSTP) | SIGMASK(SIGTTIN) | \
	SIGMASK(SIGTTOU))

static int
lowest_signal(uint32_t set)
{
	return __builtin_ffs(set);
}

/*
 * With a deliverable signal pending, the error an interrupted sleep should
 * return: ERESTART (run the system call again) unless the signal will run a
 * handler installed without SA_RESTART. 0 when nothing is pending.
 */
int
sig_pending_unmasked(struct thread *td)
{
	struct proc *p = td->td_proc;
	uint32_t set = p->p_siglist & ~td->td_sigmask;
	int sig;

	if (set == 0)
		return 0;
	sig = lowest_signal(set);
	if (p->p_sigacts.ps_handler[sig] != SIG_DFL &&
	    p->p_sigacts.ps_handler[sig] != SIG_IGN &&
	    !(p->p_sigacts.ps_flags[sig] & SA_RESTART))
		return EINTR;
	return ERESTART;
}

/* Tell whoever waits for p (its tracer or its parent) that it stopped. */
void
proc_stop_notify(struct proc *p)
{
	struct proc *w = (p->p_flag & P_TRACED) ? p->p_tracer : p->p_pptr;

	if (w == NULL)
		return;
	wakeup(w);
	if (!(w->p_sigacts.ps_flags[SIGCHLD] & SA_NOCLDSTOP))
		psignal(w, SIGCHLD);
}

/* Continue a job-control-stopped process (SIGCONT or SIGKILL). */
static void
job_continue(struct proc *p)
{
	p->p_flag &= ~(P_STOPPED_SIG | P_STOPREPORTED);
	p->p_flag |= P_CONTINUED;
	wakeup(&p->p_xstat);
	if (p->p_pptr != NULL) {
		wakeup(p->p_pptr);
		psignal(p->p_pptr, SIGCHLD);
	}
}

/*
 * Signals that are discarded when they are sent, before anything else
 * happens: ignored ones; any whose default action is for process 1, which
 * (as in FreeBSD) takes no default action (no signal kills or stops init),
 * except a fault of its own, which would only fault again; and the
 * terminal's stop signals for a member of an orphaned group (kern_jobc.c).
 */
static int
discarded(struct proc *p, int sig, int fault)
{
	int prop = sigprop[sig];
	void (*handler)(int) = p->p_sigacts.ps_handler[sig];

	if (p->p_flag & P_TRACED)
		return 0;
	if (!(prop & SA_CONT) && (handler == SIG_IGN ||
	    (handler == SIG_DFL && (prop & SA_IGNORE))))
		return 1;
	if (handler == SIG_DFL || sig == SIGKILL) {
		if (p == initproc && !fault)
			return 1;
		if ((prop & SA_TTYSTOP) && pgrp_orphaned(p->p_pgid))
			return 1;
	}
	return 0;
}

/* Post sig to p; fault: it is p's own trap (trapsignal). */
static void
send_signal(struct proc *p, int sig, int fault)
{
	struct thread *td = FIRST_THREAD_IN_PROC(p);
	uint32_t ef, bit = SIGMASK(sig);
	int prop, traced;
	void (*handler)(int);

	if (sig <= 0 || sig >= NSIG || p->p_state != PRS_NORMAL ||
	    (p->p_flag & P_SYSTEM) || discarded(p, sig, fault))
		return;
	prop = sigprop[sig];
	traced = (p->p_flag & P_TRACED) != 0;
	handler = p->p_sigacts.ps_handler[sig];
	ef = intr_disable();
	if (prop & SA_CONT)
		p->p_siglist &= ~STOPSIGS;
	if (prop & SA_STOP)
		p->p_siglist &= ~SIGMASK(SIGCONT);

	if (sig == SIGKILL) {
		/* Nothing holds back SIGKILL, not even a stop. */
		p->p_siglist |= bit;
		p->p_flag &= ~(P_STOPPED_SIG | P_STOPPED_TRACE);
		setrunnable(td);
		goto out;
	}
	if ((prop & SA_CONT) && (p->p_flag & P_STOPPED_SIG)) {
		job_continue(p);
		if (!traced && (handler == SIG_DFL || handler == SIG_IGN))
			goto out;	/* it did its work */
	}
	if (!traced && (handler == SIG_IGN ||
	    (handler == SIG_DFL && (prop & SA_IGNORE))))
		goto out;		/* discarded at once */
	p->p_siglist |= bit;
	td->td_flags |= TDF_ASTPENDING;
	if (P_SHOULDSTOP(p))
		goto out;		/* stays pending until it runs again */
	if (td->td_state == TDS_SLEEPING && (td->td_flags & TDF_SINTR) &&
	    !(td->td_sigmask & bit))
		setrunnable(td);
out:
	intr_restore(ef);
}

void
psignal(struct proc *p, int sig)
{
	send_signal(p, sig, 0);
}

void
pgsignal(pid_t pgid, int sig)
{
	struct proc *p;

	FOREACH_PROC(p)
		if (p->p_state == PRS_NORMAL && p->p_pgid == pgid)
			psignal(p, sig);
}

/*
 * A fault of the current thread. If the program has the signal blocked or
 * ignored it would only fault again, so (as FreeBSD and Linux do) the
 * default action is restored first and the process dies of it. A traced
 * process shows the trap to its tracer first, blocked or not.
 */
void
trapsignal(struct thread *td, int sig, int code, uint32_t addr)
{
	struct proc *p = td->td_proc;

	memset(&td->td_si, 0, sizeof(td->td_si));
	td->td_si.si_signo = sig;
	td->td_si.si_code = code;
	td->td_si.si_addr = (void *)addr;
	td->td_si.si_pid = p->p_pid;
	if (p->p_flag & P_TRACED)
		td->td_sigforce |= SIGMASK(sig);	/* see trace_signal() */
	else if ((td->td_sigmask & SIGMASK(sig)) ||
	    p->p_sigacts.ps_handler[sig] == SIG_IGN) {
		td->td_sigmask &= ~SIGMASK(sig);
		p->p_sigacts.ps_handler[sig] = SIG_DFL;
	}
	send_signal(p, sig, 1);
}

/*
 * Stop for the tracer with sig; returns the signal the tracer passes on
 * (0: none). A SIGKILL ends the stop at once and is returned as 0 (the
 * caller finds SIGKILL pending).
 */
int
ptracestop(struct thread *td, int sig)
{
	struct proc *p = td->td_proc;
	uint32_t ef = intr_disable();

	if (p->p_siglist & SIGMASK(SIGKILL)) {
		intr_restore(ef);
		return 0;		/* dying: no stop to report */
	}
	p->p_xstat = sig;
	p->p_flag |= P_STOPPED_TRACE;
	p->p_flag &= ~P_WAITED;
	proc_stop_notify(p);
	while ((p->p_flag & P_STOPPED_TRACE) &&
	    !(p->p_siglist & SIGMASK(SIGKILL)))
		tsleep(&p->p_xstat, 0, "ptrace", 0);
	p->p_flag &= ~(P_STOPPED_TRACE | P_WAITED);
	intr_restore(ef);
	if (p->p_siglist & SIGMASK(SIGKILL))
		return 0;
	return p->p_xstat;
}

/* A job-control stop; returns when SIGCONT (or SIGKILL) ends it. */
static void
stop_for_job_control(struct proc *p, int sig)
{
	uint32_t ef = intr_disable();

	p->p_xstat = sig;
	p->p_flag |= P_STOPPED_SIG;
	p->p_flag &= ~(P_STOPREPORTED | P_CONTINUED);
	proc_stop_notify(p);
	while (p->p_flag & P_STOPPED_SIG)
		tsleep(&p->p_xstat, 0, "stopped", 0);
	intr_restore(ef);
}

/*
 * The tracer's say on sig, which the current thread is about to act on:
 * stop, and return the signal the tracer passes on (0: none). A trap the
 * tracer passes back that the program blocks or ignores kills it, as it
 * would untraced (trapsignal); any other blocked signal waits, approved.
 */
static int
trace_signal(struct thread *td, int sig, int forced)
{
	struct proc *p = td->td_proc;
	int newsig = ptracestop(td, sig);
	uint32_t bit;

	if (newsig != sig)
		td->td_si.si_signo = 0;		/* the fault's details go with it */
	if (newsig == 0)
		return 0;
	bit = SIGMASK(newsig);
	if (forced && newsig == sig && ((td->td_sigmask & bit) ||
	    p->p_sigacts.ps_handler[sig] == SIG_IGN)) {
		td->td_sigmask &= ~bit;
		p->p_sigacts.ps_handler[sig] = SIG_DFL;
	}
	if (td->td_sigmask & bit) {		/* deliver it once unblocked */
		p->p_sigapproved |= bit;
		p->p_siglist |= bit;
		return 0;
	}
	return newsig;
}

/*
 * The next signal to act on for the current thread, or 0. Handles the
 * stops on the way: the tracer's, and job control's. SIGKILL goes first;
 * a trap of a traced thread (td_sigforce) counts even while blocked.
 */
int
issignal(struct thread *td)
{
	struct proc *p = td->td_proc;
	uint32_t ef, set, bit;
	int sig, prop, forced;
	void (*handler)(int);

	for (;;) {
		ef = intr_disable();
		if (p->p_siglist & SIGMASK(SIGKILL))
			set = SIGMASK(SIGKILL);
		else
			set = p->p_siglist & (~td->td_sigmask | td->td_sigforce);
		if (set == 0) {
			intr_restore(ef);
			return 0;
		}
		sig = lowest_signal(set);
		bit = SIGMASK(sig);
		forced = (td->td_sigforce & bit) != 0;
		p->p_siglist &= ~bit;
		td->td_sigforce &= ~bit;
		intr_restore(ef);

		if ((p->p_flag & P_TRACED) && sig != SIGKILL &&
		    !(p->p_sigapproved & bit)) {
			if ((sig = trace_signal(td, sig, forced)) == 0)
				continue;
			bit = SIGMASK(sig);
		}
		p->p_sigapproved &= ~bit;
		handler = p->p_sigacts.ps_handler[sig];
		prop = sigprop[sig];
		if (handler == SIG_IGN && sig != SIGKILL)
			continue;
		if (handler != SIG_DFL && sig != SIGKILL)
			return sig;
		/* What send_signal() discards may have become so since. */
		if (p == initproc && td->td_si.si_signo != sig)
			continue;
		if (prop & SA_STOP) {
			if (!(p->p_flag & P_TRACED) && !((prop & SA_TTYSTOP) &&
			    pgrp_orphaned(p->p_pgid)))
				stop_for_job_control(p, sig);
			continue;
		}
		if (prop & SA_IGNORE)
			continue;
		return sig;
	}
}

/* Act on sig for the current thread: run its handler, or die of it. */
void
postsig(int sig)
{
	struct thread *td = curthread;
	struct sigacts *ps = &td->td_proc->p_sigacts;
	void (*handler)(int) = ps->ps_handler[sig];
	siginfo_t si;

	if (handler == SIG_DFL || sig == SIGKILL)
		exit1(td, W_EXITCODE(0, sig));
	if (td->td_si.si_signo == sig) {
		si = td->td_si;			/* a fault: its details */
		td->td_si.si_signo = 0;
	} else {
		memset(&si, 0, sizeof(si));
		si.si_signo = sig;
		si.si_code = SI_USER;
	}
	sendsig(td, sig, &si, handler, ps->ps_flags[sig] & SA_SIGINFO);
	td->td_sigmask |= ps->ps_catchmask[sig];
	if (!(ps->ps_flags[sig] & SA_NODEFER))
		td->td_sigmask |= SIGMASK(sig);
	td->td_sigmask &= ~SIG_CANTMASK;
	if (ps->ps_flags[sig] & SA_RESETHAND) {
		ps->ps_handler[sig] = SIG_DFL;
		ps->ps_flags[sig] &= ~SA_SIGINFO;
	}
}

/*
 * The last thing before returning to user mode: report a watchpoint the
 * kernel tripped over, deliver signals, and give up the CPU if asked to.
 */
void
userret(struct trapframe *tf)
{
	struct thread *td = curthread;
	struct proc *p = td->td_proc;
	int sig;

	(void)tf;
	for (;;) {
		if (td->td_flags & TDF_DBHIT)
			dbreg_userret(td);
		if (p->p_siglist != 0) {
			td->td_flags &= ~TDF_ASTPENDING;
			while ((sig = issignal(td)) != 0)
				postsig(sig);
		}
		if (td->td_flags & TDF_OLDMASK) {	/* sigsuspend, no handler ran */
			td->td_flags &= ~TDF_OLDMASK;
			td->td_sigmask = td->td_oldmask;
		}
		if (td->td_flags & TDF_DBHIT)
			continue;	/* a signal frame hit a watchpoint */
		if (!(td->td_flags & TDF_NEEDRESCHED))
			return;
		sched_yield_cpu();
	}
}

/* exec: caught signals revert to their default action; ignored stay ignored. */
void
sigacts_exec(struct proc *p)
{
	struct sigacts *ps = &p->p_sigacts;
	int sig;

	for (sig = 1; sig < NSIG; sig++) {
		if (ps->ps_handler[sig] != SIG_IGN)
			ps->ps_handler[sig] = SIG_DFL;
		ps->ps_catchmask[sig] = 0;
		ps->ps_flags[sig] = 0;
	}
}
