/*
 * kern_sigqueue.c - the pending instances of each signal, FreeBSD's model.
 *
 * A signal sent with kill(), raise(), sigqueue() or by the kernel is one
 * pending *instance*, with its siginfo (who sent it, why, sigqueue's
 * value): sent three times, it is delivered three times, oldest first.
 * The instances are a list per process (p_sigqueue), at most
 * max_pending_per_proc of them (sysctl kern.sigqueue.max_pending_per_proc).
 * When the list is full, or for SIGKILL and SIGSTOP, a signal is still
 * posted, as one instance without siginfo (p_sigkill; its si_code is 0,
 * SI_NOINFO); only sigqueue() fails then, with EAGAIN. The instances the
 * kernel makes for itself are never refused for the limit: a trap's (its
 * fault address matters), the one a tracer gives with PT_CONTINUE
 * (KSI_PTRACE, which must not lose that mark) and one put back at the head
 * of the queue; each stop or trap makes at most one. p_siglist says which
 * signals have at least one instance, so the rest of the kernel asks "is
 * it pending?" with one AND.
 *
 * An instance sent to one thread (thr_kill, a trap: ksi_td) is counted in
 * that thread's td_siglist instead, and only that thread takes it; such
 * instances always have siginfo (they are never refused for the limit), so
 * p_sigkill is the process's alone.
 *
 * psignal() may run in an interrupt handler, so the queue changes only with
 * interrupts off: sigqueue_add() and sigqueue_take() leave that to their
 * callers (which turn them off for more than the queue: post_signal(),
 * issignal(), trace_signal()), the others turn them off themselves.
 */
#include <string.h>
#include <sys/errno.h>
#include "proc/proc.h"
#include "kernel/i386/x86.h"
#include "vm/vm.h"

int max_pending_per_proc = 128;

/*
 * A place for an instance: an instance sent to a thread goes in the
 * thread's own td_ksi while that is free (a trap, the commonest instance,
 * then costs no kmalloc and kfree); the rest come from the heap.
 */
static struct ksiginfo *
ksi_alloc(struct thread *td)
{
	struct ksiginfo *k;

	if (td != NULL && !(td->td_ksi.ksi_flags & KSI_INTHREAD)) {
		td->td_ksi.ksi_flags = KSI_INTHREAD;
		return &td->td_ksi;
	}
	if ((k = kmalloc(sizeof(*k))) != NULL)
		k->ksi_flags = 0;
	return k;
}

static void
ksi_free(struct ksiginfo *k)
{
	if (k->ksi_flags & KSI_INTHREAD)
		k->ksi_flags = 0;
	else
		kfree(k);
}

/*
 * Post one instance of sig to p (to its thread td; NULL: to the process):
 * with si's details (NULL: none), flags KSI_*. 0, or EAGAIN when the
 * instance needs a place in a full queue and KSI_SIGQ says so; otherwise a
 * full queue posts it without siginfo, to the process. Interrupts off.
 */
int
sigqueue_add(struct proc *p, struct thread *td, int sig, const siginfo_t *si,
    int flags)
{
	int info = si != NULL && sig != SIGKILL && sig != SIGSTOP, error = 0;
	struct ksiginfo *k = NULL, **pp;

	if (info && (p->p_pendingcnt < max_pending_per_proc || td != NULL ||
	    (flags & (KSI_TRAP | KSI_PTRACE | KSI_HEAD))))
		k = ksi_alloc(td);
	if (k == NULL)
		td = NULL;
	if (k != NULL) {
		k->ksi_info = *si;
		k->ksi_info.si_signo = sig;
		k->ksi_td = td;
		k->ksi_flags = (flags & ~(KSI_HEAD | KSI_INTHREAD)) |
		    (k->ksi_flags & KSI_INTHREAD);
		pp = &p->p_sigqueue;
		if (!(flags & KSI_HEAD))
			while (*pp != NULL)
				pp = &(*pp)->ksi_next;
		k->ksi_next = *pp;
		*pp = k;
		p->p_pendingcnt++;
	} else if (info && (flags & (KSI_SIGQ | KSI_TRAP)) == KSI_SIGQ) {
		error = EAGAIN;
	} else {
		p->p_sigkill |= SIGMASK(sig);
	}
	if (error == 0 && td != NULL)
		td->td_siglist |= SIGMASK(sig);
	else if (error == 0)
		p->p_siglist |= SIGMASK(sig);
	return error;
}

/* Recompute sig's bits in p_siglist and in td's td_siglist. */
static void
update_bits(struct proc *p, struct thread *td, int sig)
{
	struct ksiginfo *k;
	uint32_t bit = SIGMASK(sig);
	int forp = (p->p_sigkill & bit) != 0, fortd = 0;

	for (k = p->p_sigqueue; k != NULL; k = k->ksi_next) {
		if (k->ksi_info.si_signo != sig)
			continue;
		if (k->ksi_td == NULL)
			forp = 1;
		else if (k->ksi_td == td)
			fortd = 1;
	}
	p->p_siglist = forp ? p->p_siglist | bit : p->p_siglist & ~bit;
	if (td != NULL)
		td->td_siglist = fortd ? td->td_siglist | bit :
		    td->td_siglist & ~bit;
}

/*
 * Take the oldest instance of sig that td may take (sent to the process or
 * to td; the one without siginfo first) into *si, its KSI_* flags into
 * *flags. 0, or ESRCH if none is pending. Interrupts off.
 */
int
sigqueue_take(struct proc *p, struct thread *td, int sig, siginfo_t *si,
    int *flags)
{
	struct ksiginfo *k, **pp;
	uint32_t bit = SIGMASK(sig);

	*flags = 0;
	if (!((p->p_siglist | td->td_siglist) & bit) || (p->p_sigkill & bit)) {
		/* None, or the one without siginfo: si says only sig. */
		memset(si, 0, sizeof(*si));
		si->si_signo = sig;
		if (!((p->p_siglist | td->td_siglist) & bit))
			return ESRCH;
		p->p_sigkill &= ~bit;
	} else {
		for (pp = &p->p_sigqueue; (*pp)->ksi_info.si_signo != sig ||
		    ((*pp)->ksi_td != NULL && (*pp)->ksi_td != td);
		    pp = &(*pp)->ksi_next)
			;
		k = *pp;
		*pp = k->ksi_next;
		*si = k->ksi_info;
		*flags = k->ksi_flags & ~KSI_INTHREAD;
		ksi_free(k);
		p->p_pendingcnt--;
	}
	update_bits(p, td, sig);
	return 0;
}

/*
 * Forget the pending instances of the signals in set that were sent to
 * td (NULL: every instance, the process's and its threads').
 */
static void
delete_instances(struct proc *p, struct thread *td, uint32_t set)
{
	struct ksiginfo *k, **pp = &p->p_sigqueue;

	while ((k = *pp) != NULL) {
		if ((set & SIGMASK(k->ksi_info.si_signo)) &&
		    (td == NULL || k->ksi_td == td)) {
			*pp = k->ksi_next;
			ksi_free(k);
			p->p_pendingcnt--;
		} else {
			pp = &k->ksi_next;
		}
	}
}

/* Forget every pending instance of the signals in set, whoever it was sent to. */
void
sigqueue_delete(struct proc *p, uint32_t set)
{
	struct thread *td;
	uint32_t ef = intr_disable();

	delete_instances(p, NULL, set);
	p->p_sigkill &= ~set;
	p->p_siglist &= ~set;
	FOREACH_THREAD_IN_PROC(p, td)
		td->td_siglist &= ~set;
	intr_restore(ef);
}

/* td ends: the instances sent to it go with it. */
void
sigqueue_thread_flush(struct thread *td)
{
	uint32_t ef = intr_disable();

	delete_instances(td->td_proc, td, ~0u);
	td->td_siglist = 0;
	intr_restore(ef);
}

/* Forget everything pending (the process is exiting). */
void
sigqueue_flush(struct proc *p)
{
	sigqueue_delete(p, ~0u);
}
