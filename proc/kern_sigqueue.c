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
 * psignal() may run in an interrupt handler, so each function here changes
 * the queue with interrupts off.
 */
#include <string.h>
#include <sys/errno.h>
#include "proc/proc.h"
#include "kernel/i386/x86.h"
#include "vm/vm.h"

int max_pending_per_proc = 128;

/*
 * Post one instance of sig to p: with si's details (NULL: none), flags
 * KSI_*. 0, or EAGAIN when the instance needs a place in a full queue and
 * KSI_SIGQ says so; otherwise a full queue posts it without siginfo.
 */
int
sigqueue_add(struct proc *p, int sig, const siginfo_t *si, int flags)
{
	int info = si != NULL && sig != SIGKILL && sig != SIGSTOP, error = 0;
	struct ksiginfo *k = NULL, **pp;
	uint32_t ef = intr_disable();

	if (info && (p->p_pendingcnt < max_pending_per_proc ||
	    (flags & (KSI_TRAP | KSI_PTRACE | KSI_HEAD))))
		k = kmalloc(sizeof(*k));
	if (k != NULL) {
		k->ksi_info = *si;
		k->ksi_info.si_signo = sig;
		k->ksi_flags = flags & ~KSI_HEAD;
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
	if (error == 0)
		p->p_siglist |= SIGMASK(sig);
	intr_restore(ef);
	return error;
}

/*
 * Take the oldest instance of sig (the one without siginfo first) into
 * *si, its KSI_* flags into *flags. 0, or ESRCH if none is pending.
 */
int
sigqueue_take(struct proc *p, int sig, siginfo_t *si, int *flags)
{
	struct ksiginfo *k, **pp;
	int more = 0;
	uint32_t ef;

	memset(si, 0, sizeof(*si));
	si->si_signo = sig;
	*flags = 0;
	ef = intr_disable();
	if (!(p->p_siglist & SIGMASK(sig))) {
		intr_restore(ef);
		return ESRCH;
	}
	if (p->p_sigkill & SIGMASK(sig)) {
		p->p_sigkill &= ~SIGMASK(sig);
		k = NULL;
	} else {
		for (pp = &p->p_sigqueue; (*pp)->ksi_info.si_signo != sig;
		    pp = &(*pp)->ksi_next)
			;
		k = *pp;
		*pp = k->ksi_next;
		*si = k->ksi_info;
		*flags = k->ksi_flags;
		kfree(k);
		p->p_pendingcnt--;
	}
	for (k = p->p_sigqueue; k != NULL && !more; k = k->ksi_next)
		more = k->ksi_info.si_signo == sig;
	if (!more)
		p->p_siglist &= ~SIGMASK(sig);
	intr_restore(ef);
	return 0;
}

/* Forget every pending instance of the signals in set. */
void
sigqueue_delete(struct proc *p, uint32_t set)
{
	struct ksiginfo *k, **pp = &p->p_sigqueue;
	uint32_t ef = intr_disable();

	while ((k = *pp) != NULL) {
		if (set & SIGMASK(k->ksi_info.si_signo)) {
			*pp = k->ksi_next;
			kfree(k);
			p->p_pendingcnt--;
		} else {
			pp = &k->ksi_next;
		}
	}
	p->p_sigkill &= ~set;
	p->p_siglist &= ~set;
	intr_restore(ef);
}

/* Forget everything pending (the process is exiting). */
void
sigqueue_flush(struct proc *p)
{
	sigqueue_delete(p, ~0u);
}
