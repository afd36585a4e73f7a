/*
 * kern_procctl.c - procctl(2), FreeBSD's process control: reapers and the
 * trace switch.
 *
 * Reapers. When a process exits, its children need a new parent to
 * collect them. That is their reaper (p_reaper): init unless an ancestor
 * asked to be one with PROC_REAP_ACQUIRE. A child takes its parent as
 * reaper if the parent is one (P_TREE_REAPER), else its parent's reaper,
 * so a reaper adopts what is orphaned in the subtree forked after it
 * became one. A reaper that exits or releases the role hands its
 * descendants to its own reaper (reaper_abandon_children). init is the
 * root of the tree and cannot release it.
 *
 * The trace switch. PROC_TRACE_CTL_DISABLE makes a process refuse to be
 * traced (PT_ATTACH and PT_TRACE_ME fail with EPERM, unless the tracer is
 * root) until it execs another program; PROC_TRACE_CTL_DISABLE_EXEC keeps
 * the refusal across execve; only the process itself may take either back
 * with PROC_TRACE_CTL_ENABLE. A child inherits the setting.
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/procctl.h>
#include "proc/proc.h"
#include "proc/sys_process.h"
#include "kernel/syscall.h"
#include "vm/vm.h"

/* The descendants reaper adopted go to reaper's own reaper. */
void
reaper_abandon_children(struct proc *reaper)
{
	struct proc *q;

	FOREACH_PROC(q)
		if (q->p_reaper == reaper && q != reaper)
			q->p_reaper = reaper->p_reaper;
}

static int
reap_acquire(struct proc *p)
{
	if (p->p_treeflag & P_TREE_REAPER)
		return EBUSY;
	p->p_treeflag |= P_TREE_REAPER;
	return 0;
}

static int
reap_release(struct proc *p)
{
	if (p == initproc || !(p->p_treeflag & P_TREE_REAPER))
		return EINVAL;
	reaper_abandon_children(p);
	p->p_treeflag &= ~P_TREE_REAPER;
	return 0;
}

static void
reap_status(struct proc *p, struct procctl_reaper_status *rs)
{
	struct proc *reap = p, *q;
	pid_t child = -1, other = -1;

	memset(rs, 0, sizeof(*rs));
	if (p->p_treeflag & P_TREE_REAPER)
		rs->rs_flags |= REAPER_STATUS_OWNED;
	else
		reap = p->p_reaper;
	if (reap == initproc)
		rs->rs_flags |= REAPER_STATUS_REALINIT;
	rs->rs_reaper = reap->p_pid;
	FOREACH_PROC(q) {
		if (q->p_reaper != reap || q == reap ||
		    q->p_state == PRS_NEW)
			continue;
		rs->rs_descendants++;
		other = q->p_pid;
		if (q->p_pptr == reap) {
			rs->rs_children++;
			child = q->p_pid;
		}
	}
	rs->rs_pid = child != -1 ? child : other;
}

static int
trace_ctl(struct thread *td, struct proc *p, int state)
{
	if (p->p_flag & P_TRACED)
		return EBUSY;
	switch (state) {
	case PROC_TRACE_CTL_ENABLE:
		if (p != td->td_proc)
			return EPERM;
		p->p_flag2 &= ~(P2_NOTRACE | P2_NOTRACE_EXEC);
		return 0;
	case PROC_TRACE_CTL_DISABLE_EXEC:
		p->p_flag2 |= P2_NOTRACE | P2_NOTRACE_EXEC;
		return 0;
	case PROC_TRACE_CTL_DISABLE:
		if (p->p_flag2 & P2_NOTRACE_EXEC) {
			if (p != td->td_proc)
				return EPERM;
			p->p_flag2 &= ~P2_NOTRACE_EXEC;	/* ends at exec again */
		} else {
			p->p_flag2 |= P2_NOTRACE;
		}
		return 0;
	}
	return EINVAL;
}

/* The tracer's pid; else -1 if tracing is forbidden, 0 if not. */
static int
trace_status(struct proc *p)
{
	if (p->p_flag & P_TRACED)
		return p->p_tracer->p_pid;	/* root may attach anyway */
	return (p->p_flag2 & P2_NOTRACE) ? -1 : 0;
}

/* PROC_TRACE_CTL for every process idtype and id name (best effort, as FreeBSD). */
static int
trace_ctl_all(struct thread *td, int idtype, int64_t id, int state)
{
	int error, first = 0, done = 0;
	struct proc *q;

	FOREACH_PROC(q) {
		if (q->p_state != PRS_NORMAL || (q->p_flag & (P_SYSTEM | P_WEXIT)))
			continue;
		if (idtype == P_PID ? q->p_pid != id : q->p_pgid != id)
			continue;
		if (q != td->td_proc && (error = p_candebug(td, q)) != 0) {
			if (first == 0)
				first = error;
			continue;
		}
		if ((error = trace_ctl(td, q, state)) == 0)
			done = 1;
		else if (first == 0)
			first = error;
	}
	if (done)
		return 0;
	return first != 0 ? first : ESRCH;
}

/* A command about one process: which one, or an errno. */
static int
one_process(struct thread *td, int cmd, int idtype, int64_t id,
    struct proc **pp)
{
	struct proc *me = td->td_proc;

	if (cmd == PROC_REAP_ACQUIRE || cmd == PROC_REAP_RELEASE) {
		if (idtype != P_PID || (id != 0 && id != me->p_pid))
			return EPERM;
		*pp = me;
		return 0;
	}
	if (idtype != P_PID)
		return EINVAL;
	if (id == 0)
		id = me->p_pid;
	if (id < 0 || id > PID_MAX || (*pp = pfind((pid_t)id)) == NULL ||
	    ((*pp)->p_flag & P_WEXIT))
		return ESRCH;
	return 0;
}

int
sys_procctl(struct thread *td, uint32_t *args)
{
	int idtype = (int)args[0], cmd = (int)args[3], state = 0, v, error;
	int64_t id = (int64_t)((uint64_t)args[2] << 32 | args[1]);
	void *data = (void *)args[4];
	struct procctl_reaper_status rs;
	struct proc *p;

	switch (cmd) {
	case PROC_REAP_ACQUIRE:
	case PROC_REAP_RELEASE:
	case PROC_REAP_STATUS:
	case PROC_TRACE_STATUS:
		break;
	case PROC_TRACE_CTL:
		if ((error = copyin(data, &state, sizeof(state))) != 0)
			return error;
		if (idtype != P_PID && idtype != P_PGID)
			return EINVAL;
		if (id == 0 && idtype == P_PID)
			id = td->td_proc->p_pid;
		return trace_ctl_all(td, idtype, id, state);
	default:
		return EINVAL;
	}
	if ((error = one_process(td, cmd, idtype, id, &p)) != 0)
		return error;
	switch (cmd) {
	case PROC_REAP_ACQUIRE:
		return reap_acquire(p);
	case PROC_REAP_RELEASE:
		return reap_release(p);
	case PROC_REAP_STATUS:
		reap_status(p, &rs);
		return copyout(&rs, data, sizeof(rs));
	default:
		v = trace_status(p);
		return copyout(&v, data, sizeof(v));
	}
}
