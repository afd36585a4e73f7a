/*
 * kern_sig.c - posting and delivering signals, FreeBSD's model.
 *
 * pksignal() and psignal() only post a signal, one pending instance with
 * its siginfo (proc/kern_sigqueue.c), and wake or continue the process
 * when the signal demands it; they may be called from interrupt handlers.
 * Delivery happens on the way back to user mode, in userret(): issignal()
 * picks the next deliverable signal and takes its oldest instance, and
 * that is where a traced process
 * stops instead (every signal but SIGKILL goes to the tracer first, which
 * decides with PT_CONTINUE which signal, if any, is delivered) and where
 * SIGSTOP and friends stop a process for job control. postsig() then runs
 * the default action or builds a handler frame (kernel/i386/sendsig.c).
 *
 * With several threads: a signal sent to the process is taken by whichever
 * thread does not block it (pksignal wakes one such thread: the sender if
 * it may, else the first); one sent to a thread (tdksignal: thr_kill,
 * pthread_kill, a trap) only by that thread. A stop is the whole
 * process's: one thread stops and reports it, the others wait in
 * thread_suspend_check (proc/kern_thread.c) on their way to user mode.
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/wait.h>
#include "proc/proc.h"
#include "proc/sys_process.h"
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
	uint32_t set = (p->p_siglist | td->td_siglist) & ~td->td_sigmask;
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
	p->p_flag &= ~P_STOPPED_SIG;
	p->p_flag2 &= ~P2_STOPREPORTED;
	p->p_flag |= P_CONTINUED;
	wakeup(&p->p_xstat);
	if (p->p_pptr != NULL) {
		wakeup(p->p_pptr);
		psignal(p->p_pptr, SIGCHLD);
	}
}

/*
 * Signals that are discarded when they are sent, before anything else
 * happens: ignored ones, traced or not (FreeBSD drops them at posting:
 * SIGCHLD, usually); and, unless a tracer would see them, any whose default
 * action is for process 1, which (as in FreeBSD) takes no default action
 * (no signal kills or stops init), except a fault of its own, which would
 * only fault again; and the terminal's stop signals for a member of an
 * orphaned group (kern_jobc.c).
 */
static int
discarded(struct proc *p, int sig, int fault)
{
	int prop = sigprop[sig];
	void (*handler)(int) = p->p_sigacts.ps_handler[sig];

	if (!(prop & SA_CONT) && (handler == SIG_IGN ||
	    (handler == SIG_DFL && (prop & SA_IGNORE))))
		return 1;
	if (p->p_flag & P_TRACED)
		return 0;
	if (handler == SIG_DFL || sig == SIGKILL) {
		if (p == initproc && !fault)
			return 1;
		if ((prop & SA_TTYSTOP) && pgrp_orphaned(p->p_pgid))
			return 1;
	}
	return 0;
}

/*
 * The thread that should take a signal sent to p: the sender itself if it
 * is one of p's and does not block it, else the first that does not
 * block it, else the first.
 */
static struct thread *
sigtd(struct proc *p, uint32_t bit)
{
	struct thread *td;

	if (curthread->td_proc == p && !(curthread->td_sigmask & bit))
		return curthread;
	FOREACH_THREAD_IN_PROC(p, td)
		if (!(td->td_sigmask & bit))
			return td;
	return FIRST_THREAD_IN_PROC(p);
}

/* SIGKILL: every thread runs, wherever it sleeps, to its end. */
static void
wake_all(struct proc *p)
{
	struct thread *td;

	FOREACH_THREAD_IN_PROC(p, td) {
		td->td_flags |= TDF_ASTPENDING;
		setrunnable(td);
	}
}

/*
 * Post sig to p (to its thread target; NULL: to the process), one instance
 * with si's details (NULL: none) and flags KSI_*. It only marks the signal
 * pending, and wakes or continues the process when the signal demands it,
 * so interrupt handlers may call it. 0, or EAGAIN from a full queue
 * (sigqueue's KSI_SIGQ only).
 */
static int
post_signal(struct proc *p, struct thread *target, int sig,
    const siginfo_t *si, int flags)
{
	struct thread *td;
	uint32_t ef, bit = SIGMASK(sig);
	int prop, traced, error = 0;
	void (*handler)(int);

	if (sig <= 0 || sig >= NSIG || p->p_state != PRS_NORMAL ||
	    (p->p_flag & P_SYSTEM) || discarded(p, sig, flags & KSI_TRAP))
		return 0;
	prop = sigprop[sig];
	traced = (p->p_flag & P_TRACED) != 0;
	handler = p->p_sigacts.ps_handler[sig];
	ef = intr_disable();
	if (prop & SA_CONT)
		sigqueue_delete(p, STOPSIGS);
	if (prop & SA_STOP)
		sigqueue_delete(p, SIGMASK(SIGCONT));

	if (sig == SIGKILL) {
		/* Nothing holds back SIGKILL, not even a stop. */
		sigqueue_add(p, NULL, SIGKILL, NULL, 0);
		p->p_flag &= ~(P_STOPPED_SIG | P_STOPPED_TRACE);
		wake_all(p);
		goto out;
	}
	if ((prop & SA_CONT) && (p->p_flag & P_STOPPED_SIG))
		job_continue(p);
	if ((prop & SA_CONT) && !traced &&
	    (handler == SIG_DFL || handler == SIG_IGN))
		goto out;		/* SIGCONT did its work */
	if ((error = sigqueue_add(p, target, sig, si, flags)) != 0)
		goto out;
	td = target != NULL ? target : sigtd(p, bit);
	td->td_flags |= TDF_ASTPENDING;
	if (P_SHOULDSTOP(p))
		goto out;		/* stays pending until it runs again */
	if (td->td_state == TDS_SLEEPING && (td->td_flags & TDF_SINTR) &&
	    !(td->td_sigmask & bit))
		setrunnable(td);
out:
	intr_restore(ef);
	return error;
}

int
pksignal(struct proc *p, int sig, const siginfo_t *si, int flags)
{
	return post_signal(p, NULL, sig, si, flags);
}

/* The same, for td alone (thr_kill, pthread_kill, a trap). */
int
tdksignal(struct thread *td, int sig, const siginfo_t *si, int flags)
{
	return post_signal(td->td_proc, td, sig, si, flags);
}

/* A signal from the kernel itself (si_code SI_KERNEL). */
void
psignal(struct proc *p, int sig)
{
	static const siginfo_t kernel_si = { .si_code = SI_KERNEL };

	post_signal(p, NULL, sig, &kernel_si, 0);
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
	siginfo_t si = { .si_code = code, .si_addr = (void *)addr,
	    .si_pid = p->p_pid };

	if (p->p_flag & P_TRACED)
		td->td_sigforce |= SIGMASK(sig);	/* see trace_signal() */
	else if ((td->td_sigmask & SIGMASK(sig)) ||
	    p->p_sigacts.ps_handler[sig] == SIG_IGN) {
		td->td_sigmask &= ~SIGMASK(sig);
		p->p_sigacts.ps_handler[sig] = SIG_DFL;
	}
	tdksignal(td, sig, &si, KSI_TRAP | KSI_HEAD);
}

/*
 * Stop for the tracer with sig; returns the signal the tracer passes on
 * (0: none). The stop is td's (p_xthread): another thread's stop that is
 * still on, or a PT_SUSPEND of td, is waited out first. A SIGKILL ends the
 * stop at once and is returned as 0 (the caller finds SIGKILL pending); a
 * thread that must end (another one exits or execs) ends here.
 */
int
ptracestop(struct thread *td, int sig)
{
	struct proc *p = td->td_proc;
	uint32_t ef;

	if (thread_suspend_pending(td))
		thread_suspend_check(td, 0);	/* another thread's stop first */
	ef = intr_disable();
	if (p->p_siglist & SIGMASK(SIGKILL)) {
		intr_restore(ef);
		return 0;		/* dying: no stop to report */
	}
	p->p_xstat = sig;
	p->p_xthread = td;
	p->p_flag |= P_STOPPED_TRACE;
	p->p_flag &= ~P_WAITED;
	proc_stop_notify(p);
	while ((p->p_flag & P_STOPPED_TRACE) &&
	    !(p->p_siglist & SIGMASK(SIGKILL)) && !thread_must_exit(td))
		tsleep(&p->p_xstat, 0, "ptrace", 0);
	if (p->p_xthread == td)
		p->p_flag &= ~(P_STOPPED_TRACE | P_WAITED);
	sig = p->p_xstat;
	intr_restore(ef);
	if (thread_suspend_pending(td))
		thread_suspend_check(td, 1);	/* PT_SUSPENDed while stopped */
	if (p->p_siglist & SIGMASK(SIGKILL))
		return 0;
	return sig;
}

/* A job-control stop; returns when SIGCONT (or SIGKILL) ends it. */
static void
stop_for_job_control(struct proc *p, int sig)
{
	uint32_t ef = intr_disable();

	p->p_xstat = sig;
	p->p_flag |= P_STOPPED_SIG;
	p->p_flag &= ~P_CONTINUED;
	p->p_flag2 &= ~P2_STOPREPORTED;
	proc_stop_notify(p);
	while ((p->p_flag & P_STOPPED_SIG) && !thread_must_exit(curthread))
		tsleep(&p->p_xstat, 0, "stopped", 0);
	intr_restore(ef);
}

/*
 * The tracer's say on sig, whose instance the current thread has taken
 * into td_si: stop, and return the signal to act on now (0: none; td_si
 * then describes it). As on FreeBSD, a different signal the tracer gives
 * is posted anew (KSI_PTRACE: it is not reported again) and an instance of
 * it is taken at once; if the program blocks it, the reported instance
 * also waits, under the new number, and is reported once more when it is
 * unblocked. A trap the tracer passes back that the program blocks or
 * ignores kills it, as it would untraced (trapsignal).
 */
static int
trace_signal(struct thread *td, int sig, int forced)
{
	struct proc *p = td->td_proc;
	int newsig = ptracestop(td, sig), flags, error;
	uint32_t ef;
	siginfo_t si;

	if (newsig == 0) {
		td->td_si.si_signo = 0;
		return 0;
	}
	if (newsig == sig) {
		if (forced && ((td->td_sigmask & SIGMASK(sig)) ||
		    p->p_sigacts.ps_handler[sig] == SIG_IGN)) {
			td->td_sigmask &= ~SIGMASK(sig);
			p->p_sigacts.ps_handler[sig] = SIG_DFL;
		}
		return sig;
	}
	ptrace_post(td, newsig);
	ef = intr_disable();
	if (td->td_sigmask & SIGMASK(newsig)) {
		si = td->td_si;
		sigqueue_add(p, td, newsig, &si, KSI_HEAD);
		intr_restore(ef);
		td->td_si.si_signo = 0;
		return 0;
	}
	error = sigqueue_take(p, td, newsig, &td->td_si, &flags);
	intr_restore(ef);
	if (error != 0)
		return 0;	/* the program ignores it: posting dropped it */
	return newsig;
}

/*
 * The next signal to act on for the current thread, or 0; its siginfo is
 * in td_si. Handles the stops on the way: the tracer's, and job
 * control's. SIGKILL goes first; a trap of a traced thread (td_sigforce)
 * counts even while blocked. A signal the action of which is to ignore or
 * to stop takes all its pending instances with it.
 */
int
issignal(struct thread *td)
{
	struct proc *p = td->td_proc;
	uint32_t ef, set, bit;
	int sig, prop, forced, flags;
	void (*handler)(int);

	for (;;) {
		ef = intr_disable();
		if (p->p_siglist & SIGMASK(SIGKILL))
			set = SIGMASK(SIGKILL);
		else
			set = (p->p_siglist | td->td_siglist) &
			    (~td->td_sigmask | td->td_sigforce);
		if (p->p_flag & P_PPWAIT)
			set &= ~STOPSIGS;	/* the vfork parent waits for us */
		if (set == 0) {
			intr_restore(ef);
			return 0;
		}
		sig = lowest_signal(set);
		bit = SIGMASK(sig);
		forced = (td->td_sigforce & bit) != 0;
		td->td_sigforce &= ~bit;
		sigqueue_take(p, td, sig, &td->td_si, &flags);
		intr_restore(ef);

		if ((p->p_flag & (P_TRACED | P_PPTRACE)) == P_TRACED &&
		    sig != SIGKILL && !(flags & KSI_PTRACE)) {
			if ((sig = trace_signal(td, sig, forced)) == 0)
				continue;
			bit = SIGMASK(sig);
		}
		handler = p->p_sigacts.ps_handler[sig];
		prop = sigprop[sig];
		if (handler != SIG_DFL && handler != SIG_IGN && sig != SIGKILL)
			return sig;
		if (sig == SIGKILL)
			return sig;
		if (handler == SIG_DFL && !(prop & (SA_STOP | SA_IGNORE)) &&
		    !(p == initproc && !(flags & KSI_TRAP)))
			return sig;
		/* Ignored, a stop, or (what pksignal() discards may have
		 * become so since) a default action init does not take. */
		sigqueue_delete(p, bit);
		td->td_si.si_signo = 0;
		if (handler == SIG_DFL && (prop & SA_STOP) && p != initproc &&
		    !(p->p_flag & P_TRACED) && !((prop & SA_TTYSTOP) &&
		    pgrp_orphaned(p->p_pgid)))
			stop_for_job_control(p, sig);
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
	si = td->td_si;
	td->td_si.si_signo = 0;
	if (si.si_signo != sig) {
		memset(&si, 0, sizeof(si));
		si.si_signo = sig;
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
		if (thread_suspend_pending(td))
			thread_suspend_check(td, 1);	/* stop or end with the others */
		if (td->td_flags & TDF_DBHIT)
			dbreg_userret(td);
		if ((p->p_siglist | td->td_siglist) != 0) {
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
