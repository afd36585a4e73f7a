/*
 * kern_resource.c - resource limits: getrlimit(2) and setrlimit(2) with
 * FreeBSD's numbers and rules, and the checks the rest of the kernel makes
 * against them.
 *
 * Each process has its own table of limits (p_rlimit), a copy of its
 * parent's made by fork; exec keeps it. The soft limit (rlim_cur) is what
 * is enforced, the hard limit (rlim_max) is the soft limit's ceiling. Only
 * root (effective uid 0) may raise a hard limit; anyone may lower one, for
 * good. Where Kestrel has the resource, the limit is enforced:
 *
 *	RLIMIT_NOFILE	a new descriptor must be below it (EMFILE); at most
 *			NOFILE (kern.maxfilesperproc)
 *	RLIMIT_NPROC	fork fails with EAGAIN once the processes of the
 *			caller's real uid, zombies included, reach it; root
 *			is exempt; at most kern.maxprocperuid
 *	RLIMIT_DATA	brk fails with ENOMEM past it (the heap, from the
 *			end of the program's data); at most MAXDSIZ
 *	RLIMIT_STACK	the stack cannot grow past it (a fault, SIGSEGV);
 *			exec maps MAXSSIZ of stack and makes only the top
 *			rlim_cur bytes usable, and a change moves that edge
 *			at once, as on FreeBSD
 *	RLIMIT_CORE	kept and reported: Kestrel writes no core files
 *
 * The others are RLIM_INFINITY and may be set and read back, nothing more.
 */
#include <string.h>
#include <sys/errno.h>
#include "proc/proc.h"
#include "kernel/syscall.h"
#include "vm/vm.h"

int maxprocperuid = NPROC - NPROC / 10;	/* FreeBSD's 9/10 of maxproc */
int maxfilesperproc = NOFILE;

/* The limits of process 1, which everything else inherits. */
void
lim_init(struct proc *p)
{
	int i;

	for (i = 0; i < RLIM_NLIMITS; i++)
		p->p_rlimit[i].rlim_cur = p->p_rlimit[i].rlim_max =
		    RLIM_INFINITY;
	p->p_rlimit[RLIMIT_DATA].rlim_cur =
	    p->p_rlimit[RLIMIT_DATA].rlim_max = MAXDSIZ;
	p->p_rlimit[RLIMIT_STACK].rlim_cur =
	    p->p_rlimit[RLIMIT_STACK].rlim_max = MAXSSIZ;
	p->p_rlimit[RLIMIT_NPROC].rlim_cur =
	    p->p_rlimit[RLIMIT_NPROC].rlim_max = maxprocperuid;
	p->p_rlimit[RLIMIT_NOFILE].rlim_cur =
	    p->p_rlimit[RLIMIT_NOFILE].rlim_max = maxfilesperproc;
}

void
lim_fork(struct proc *p1, struct proc *p2)
{
	memcpy(p2->p_rlimit, p1->p_rlimit, sizeof(p2->p_rlimit));
}

rlim_t
lim_cur(struct proc *p, int which)
{
	return p->p_rlimit[which].rlim_cur;
}

/* How many descriptors p may have open: its RLIMIT_NOFILE, at most NOFILE. */
int
lim_nofile(struct proc *p)
{
	rlim_t n = lim_cur(p, RLIMIT_NOFILE);

	return n < NOFILE ? (int)n : NOFILE;
}

/*
 * May p fork? EAGAIN if its real uid already has RLIMIT_NPROC processes
 * (every state but free counts: a zombie still holds its slot) and p is
 * not root.
 */
int
lim_nproc_check(struct proc *p)
{
	struct proc *q;
	rlim_t n = 0;

	if (p->p_cred.cr_uid == 0)
		return 0;
	FOREACH_PROC(q)
		if (q->p_cred.cr_ruid == p->p_cred.cr_ruid)
			n++;
	return n >= lim_cur(p, RLIMIT_NPROC) ? EAGAIN : 0;
}

/* Where a stack limit of cur bytes puts the edge of the usable stack. */
static vaddr_t
stack_edge(rlim_t cur)
{
	return cur >= MAXSSIZ ? USRSTACK - MAXSSIZ :
	    USRSTACK - round_page((uint32_t)cur);
}

/*
 * The edge of the usable stack for a new image whose arguments start at
 * sp: the limit's, but never above sp's page, so a limit smaller than the
 * arguments still lets the program start.
 */
uint32_t
lim_stack_guard(struct proc *p, uint32_t sp)
{
	vaddr_t edge = stack_edge(lim_cur(p, RLIMIT_STACK));

	return edge < trunc_page(sp) ? edge : trunc_page(sp);
}

int
sys_getrlimit(struct thread *td, uint32_t *args)
{
	if (args[0] >= RLIM_NLIMITS)
		return EINVAL;
	return copyout(&td->td_proc->p_rlimit[args[0]], (void *)args[1],
	    sizeof(struct rlimit));
}

/* FreeBSD's ceilings: what the kernel can give at most. */
static void
lim_clamp(int which, struct rlimit *rl)
{
	rlim_t top;

	switch (which) {
	case RLIMIT_DATA:	top = MAXDSIZ; break;
	case RLIMIT_STACK:	top = MAXSSIZ; break;
	case RLIMIT_NOFILE:	top = maxfilesperproc; break;
	case RLIMIT_NPROC:	top = maxprocperuid; break;
	default:		return;
	}
	if (rl->rlim_cur > top)
		rl->rlim_cur = top;
	if (rl->rlim_max > top)
		rl->rlim_max = top;
	if (which == RLIMIT_NPROC && rl->rlim_cur < 1)
		rl->rlim_cur = 1;
	if (which == RLIMIT_NPROC && rl->rlim_max < 1)
		rl->rlim_max = 1;
}

/*
 * setrlimit(which, rlp): a negative value means RLIM_INFINITY (FreeBSD
 * keeps that old reading), a soft limit above the hard one is cut down to
 * it, and going above the present hard limit needs root (EPERM).
 */
int
sys_setrlimit(struct thread *td, uint32_t *args)
{
	struct proc *p = td->td_proc;
	struct rlimit rl, *old;
	int error;

	if (args[0] >= RLIM_NLIMITS)
		return EINVAL;
	if ((error = copyin((void *)args[1], &rl, sizeof(rl))) != 0)
		return error;
	old = &p->p_rlimit[args[0]];
	if (rl.rlim_cur < 0)
		rl.rlim_cur = RLIM_INFINITY;
	if (rl.rlim_max < 0)
		rl.rlim_max = RLIM_INFINITY;
	if ((rl.rlim_cur > old->rlim_max || rl.rlim_max > old->rlim_max) &&
	    p->p_cred.cr_uid != 0)
		return EPERM;
	if (rl.rlim_cur > rl.rlim_max)
		rl.rlim_cur = rl.rlim_max;
	lim_clamp(args[0], &rl);
	if (args[0] == RLIMIT_STACK && rl.rlim_cur != old->rlim_cur &&
	    (error = vm_stack_limit(p->p_vmspace, stack_edge(old->rlim_cur),
	    stack_edge(rl.rlim_cur))) != 0)
		return error;
	*old = rl;
	return 0;
}
