/*
 * kern_prot.c - identities: process ids, process groups, sessions, user and
 * group ids. Root (effective uid 0) may set any uid; others may only switch
 * between their real and saved ids (POSIX setuid semantics); only root gets
 * the last process slots and pages (priv_reserve_ok). What groups
 * and sessions mean for the terminal is in proc/kern_jobc.c.
 */
#include <sys/errno.h>
#include "proc/proc.h"
#include "kernel/syscall.h"
#include "vm/vm.h"

/*
 * Root (effective uid 0) may use the last process slots and free pages
 * (NPROC_ROOT in kern_fork.c, the reserve in vm/page.c); so may the kernel
 * before the first process runs.
 */
int
priv_reserve_ok(void)
{
	return curthread == NULL || curproc->p_cred.cr_uid == 0;
}

int
sys_getpid(struct thread *td, uint32_t *args)
{
	(void)args;
	td->td_retval[0] = td->td_proc->p_pid;
	return 0;
}

/* The parent the process knows: a debugger attached to it doesn't change it. */
int
sys_getppid(struct thread *td, uint32_t *args)
{
	struct proc *pp = td->td_proc->p_pptr;

	(void)args;
	td->td_retval[0] = pp != NULL ? pp->p_pid : 0;
	return 0;
}

int
sys_getuid(struct thread *td, uint32_t *args)
{
	(void)args;
	td->td_retval[0] = td->td_proc->p_cred.cr_ruid;
	return 0;
}

int
sys_geteuid(struct thread *td, uint32_t *args)
{
	(void)args;
	td->td_retval[0] = td->td_proc->p_cred.cr_uid;
	return 0;
}

int
sys_getgid(struct thread *td, uint32_t *args)
{
	(void)args;
	td->td_retval[0] = td->td_proc->p_cred.cr_rgid;
	return 0;
}

int
sys_getegid(struct thread *td, uint32_t *args)
{
	(void)args;
	td->td_retval[0] = td->td_proc->p_cred.cr_gid;
	return 0;
}

int
sys_setuid(struct thread *td, uint32_t *args)
{
	struct ucred *cr = &td->td_proc->p_cred;
	uid_t uid = args[0];

	if (cr->cr_uid == 0) {
		cr->cr_ruid = cr->cr_uid = cr->cr_svuid = uid;
		return 0;
	}
	if (uid != cr->cr_ruid && uid != cr->cr_svuid)
		return EPERM;
	cr->cr_uid = uid;
	return 0;
}

int
sys_setgid(struct thread *td, uint32_t *args)
{
	struct ucred *cr = &td->td_proc->p_cred;
	gid_t gid = args[0];

	if (cr->cr_uid == 0) {
		cr->cr_rgid = cr->cr_gid = cr->cr_svgid = gid;
		return 0;
	}
	if (gid != cr->cr_rgid && gid != cr->cr_svgid)
		return EPERM;
	cr->cr_gid = gid;
	return 0;
}

int
sys_getpgrp(struct thread *td, uint32_t *args)
{
	(void)args;
	td->td_retval[0] = td->td_proc->p_pgid;
	return 0;
}

/*
 * setpgid(pid, pgid): the caller itself or one of its children, in the
 * caller's session, into a group of that session or a new one of its own;
 * a session leader stays in its group.
 */
int
sys_setpgid(struct thread *td, uint32_t *args)
{
	struct proc *me = td->td_proc, *p, *q;
	pid_t pid = args[0], pgid = args[1];
	int group_exists = 0;

	if ((int)pgid < 0)
		return EINVAL;
	p = pid == 0 ? me : pfind(pid);
	if (p == NULL || (p != me && p->p_pptr != me))
		return ESRCH;
	if (p->p_sid != me->p_sid || p->p_pid == p->p_sid)
		return EPERM;
	if (pgid == 0)
		pgid = p->p_pid;
	FOREACH_PROC(q)
		if (q->p_state == PRS_NORMAL && q->p_pgid == pgid &&
		    q->p_sid == me->p_sid)
			group_exists = 1;
	if (pgid != p->p_pid && !group_exists)
		return EPERM;
	p->p_pgid = pgid;
	return 0;
}

/* The pid's process, the caller's for 0; NULL if there is none. */
static struct proc *
target(struct thread *td, pid_t pid)
{
	return pid == 0 ? td->td_proc : pfind(pid);
}

int
sys_getpgid(struct thread *td, uint32_t *args)
{
	struct proc *p = target(td, (pid_t)args[0]);

	if (p == NULL)
		return ESRCH;
	td->td_retval[0] = p->p_pgid;
	return 0;
}

int
sys_getsid(struct thread *td, uint32_t *args)
{
	struct proc *p = target(td, (pid_t)args[0]);

	if (p == NULL)
		return ESRCH;
	td->td_retval[0] = p->p_sid;
	return 0;
}

/*
 * setsid: a new session led by the caller, in a new group of its own and
 * without a controlling terminal. Not for a group leader, nor while any
 * group already has the caller's pid as its id (EPERM).
 */
int
sys_setsid(struct thread *td, uint32_t *args)
{
	struct proc *me = td->td_proc, *q;

	(void)args;
	FOREACH_PROC(q)
		if (q->p_pgid == me->p_pid)
			return EPERM;
	me->p_sid = me->p_pgid = me->p_pid;
	me->p_flag &= ~P_CONTROLT;
	td->td_retval[0] = me->p_pid;
	return 0;
}
