/*
 * sys_signal.c - the signal system calls: kill, sigqueue,
 * sigaction, sigprocmask, sigsuspend, sigpending (the thread calls are in
 * proc/kern_thr.c). Signal sets cross the
 * boundary as FreeBSD's 128-bit sigset_t; Kestrel's 31 signals live in its
 * first word. Each signal sent is one pending instance whose siginfo names
 * the sender (si_pid, and si_uid its real uid) and how it was sent
 * (si_code SI_USER, SI_QUEUE with si_value, SI_LWP).
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/signal.h>
#include "proc/proc.h"
#include "kernel/syscall.h"
#include "vm/vm.h"

/* May td send a signal to p? Root may; others need a matching uid. */
int
p_cansignal(struct thread *td, struct proc *p)
{
	const struct ucred *me = &td->td_proc->p_cred, *it = &p->p_cred;

	if (me->cr_uid == 0 || td->td_proc == p)
		return 0;
	if (me->cr_ruid == it->cr_ruid || me->cr_ruid == it->cr_svuid ||
	    me->cr_uid == it->cr_ruid || me->cr_uid == it->cr_svuid)
		return 0;
	return EPERM;
}

/* The siginfo of a signal td sends, with si_code code. */
void
sender_info(struct thread *td, int code, siginfo_t *si)
{
	memset(si, 0, sizeof(*si));
	si->si_code = code;
	si->si_pid = td->td_proc->p_pid;
	si->si_uid = td->td_proc->p_cred.cr_ruid;
}

static int
kill_one(struct thread *td, struct proc *p, int sig)
{
	int error = p_cansignal(td, p);
	siginfo_t si;

	if (error == 0 && sig != 0) {
		sender_info(td, SI_USER, &si);
		pksignal(p, sig, &si, 0);
	}
	return error;
}

int
sys_kill(struct thread *td, uint32_t *args)
{
	pid_t pid = (pid_t)args[0];
	int sig = (int)args[1], found = 0, error = ESRCH;
	struct proc *p;

	if (sig < 0 || sig >= NSIG)
		return EINVAL;
	if (pid > 0) {
		if ((p = pfind_any(pid)) == NULL || (p->p_flag & P_SYSTEM))
			return ESRCH;
		return p->p_state == PRS_ZOMBIE ? 0 : kill_one(td, p, sig);
	}
	FOREACH_PROC(p) {
		/* As FreeBSD: groups and broadcasts never include init. */
		if (p->p_state != PRS_NORMAL || (p->p_flag & P_SYSTEM) ||
		    p == initproc)
			continue;
		if (pid == -1 && p == td->td_proc)
			continue;
		if (pid == 0 && p->p_pgid != td->td_proc->p_pgid)
			continue;
		if (pid < -1 && p->p_pgid != -pid)
			continue;
		found = 1;
		if (kill_one(td, p, sig) == 0)
			error = 0;
	}
	return found ? (error == ESRCH ? EPERM : error) : ESRCH;
}

/*
 * sigqueue(pid, sig, value): one process, and a place in its queue for
 * sig with value (EAGAIN when the queue is full); a zombie takes nothing.
 */
int
sys_sigqueue(struct thread *td, uint32_t *args)
{
	pid_t pid = (pid_t)args[0];
	int sig = (int)args[1], error;
	struct proc *p;
	siginfo_t si;

	if (sig < 0 || sig >= NSIG || pid <= 0)
		return EINVAL;
	if ((p = pfind_any(pid)) == NULL || (p->p_flag & P_SYSTEM))
		return ESRCH;
	if ((error = p_cansignal(td, p)) != 0 || sig == 0 ||
	    p->p_state != PRS_NORMAL)
		return error;
	sender_info(td, SI_QUEUE, &si);
	si.si_value.sival_ptr = (void *)args[2];
	return pksignal(p, sig, &si, KSI_SIGQ);
}

int
sys_sigaction(struct thread *td, uint32_t *args)
{
	struct sigacts *ps = &td->td_proc->p_sigacts;
	int sig = (int)args[0];
	struct sigaction act, oact;

	if (sig <= 0 || sig >= NSIG)
		return EINVAL;
	if (args[2] != 0) {
		memset(&oact, 0, sizeof(oact));
		oact.sa_handler = ps->ps_handler[sig];
		oact.sa_flags = ps->ps_flags[sig];
		oact.sa_mask.__bits[0] = ps->ps_catchmask[sig];
		if (copyout(&oact, (void *)args[2], sizeof(oact)) != 0)
			return EFAULT;
	}
	if (args[1] == 0)
		return 0;
	if (copyin((void *)args[1], &act, sizeof(act)) != 0)
		return EFAULT;
	if ((sig == SIGKILL || sig == SIGSTOP) && act.sa_handler != SIG_DFL)
		return EINVAL;
	ps->ps_handler[sig] = act.sa_handler;
	ps->ps_flags[sig] = act.sa_flags;
	ps->ps_catchmask[sig] = act.sa_mask.__bits[0] & ~SIG_CANTMASK;
	if (act.sa_handler == SIG_IGN)		/* POSIX: pending ones go too */
		sigqueue_delete(td->td_proc, SIGMASK(sig));
	return 0;
}

int
sys_sigprocmask(struct thread *td, uint32_t *args)
{
	sigset_t set, old;

	memset(&old, 0, sizeof(old));
	old.__bits[0] = td->td_sigmask;
	if (args[1] != 0) {
		if (copyin((void *)args[1], &set, sizeof(set)) != 0)
			return EFAULT;
		switch (args[0]) {
		case SIG_BLOCK:
			td->td_sigmask |= set.__bits[0];
			break;
		case SIG_UNBLOCK:
			td->td_sigmask &= ~set.__bits[0];
			break;
		case SIG_SETMASK:
			td->td_sigmask = set.__bits[0];
			break;
		default:
			return EINVAL;
		}
		td->td_sigmask &= ~SIG_CANTMASK;
	}
	if (args[2] != 0 && copyout(&old, (void *)args[2], sizeof(old)) != 0)
		return EFAULT;
	return 0;
}

/* Will a signal now deliverable to td run a handler? */
static int
handler_pending(struct thread *td)
{
	struct sigacts *ps = &td->td_proc->p_sigacts;
	uint32_t set = (td->td_proc->p_siglist | td->td_siglist) &
	    ~td->td_sigmask;
	int sig;

	for (sig = 1; sig < NSIG; sig++)
		if ((set & SIGMASK(sig)) && ps->ps_handler[sig] != SIG_DFL &&
		    ps->ps_handler[sig] != SIG_IGN)
			return 1;
	return 0;
}

/*
 * Wait for a signal with a temporary mask. The old mask comes back when the
 * handler returns (sendsig saves it in the frame) or, if no handler runs,
 * on the way out (userret). Only a handler ends the wait (POSIX): a signal
 * that stops the process and the SIGCONT after it restart the call, which
 * then sleeps again.
 */
int
sys_sigsuspend(struct thread *td, uint32_t *args)
{
	sigset_t set;

	if (copyin((void *)args[0], &set, sizeof(set)) != 0)
		return EFAULT;
	td->td_oldmask = td->td_sigmask;
	td->td_flags |= TDF_OLDMASK;
	td->td_sigmask = set.__bits[0] & ~SIG_CANTMASK;
	while (tsleep(&td->td_oldmask, 1, "pause", 0) == 0)
		;
	return handler_pending(td) ? EINTR : ERESTART;
}

int
sys_sigpending(struct thread *td, uint32_t *args)
{
	sigset_t set;

	memset(&set, 0, sizeof(set));
	set.__bits[0] = td->td_proc->p_siglist | td->td_siglist;
	return copyout(&set, (void *)args[0], sizeof(set));
}
