/*
 * kern_jobc.c - process groups and sessions as job control sees them.
 *
 * A session is the set of processes with the same p_sid: a login's shell
 * (its leader, whose pid the sid is) and everything it starts. Its process
 * groups are its jobs. Kestrel keeps no separate group or session objects:
 * a group or a session exists while a process names it, and the questions
 * job control asks are answered by walking the process table.
 *
 * The question that matters most: is a group orphaned? POSIX calls a group
 * orphaned when no member has a parent in another group of the same
 * session. Nobody is then left to continue it with job control (a shell
 * would be such a parent), so a stop by the terminal would be for ever:
 * the terminal's stop signals are not delivered to it (kern_sig.c), and its
 * terminal reads fail with EIO (the console's tty.c). When a process's exit
 * orphans a group with a stopped member, every member gets SIGHUP, then
 * SIGCONT (jobc_exit).
 */
#include <sys/signal.h>
#include "proc/proc.h"

/* Is group pgid orphaned if gone exits (gone may be NULL), its children going to init? */
static int
orphaned_without(pid_t pgid, const struct proc *gone)
{
	struct proc *q, *pp;

	FOREACH_PROC(q) {
		if (q == gone || q->p_state != PRS_NORMAL || q->p_pgid != pgid)
			continue;
		pp = q->p_pptr == gone ? initproc : q->p_pptr;
		if (pp != NULL && pp->p_state == PRS_NORMAL &&
		    pp->p_pgid != pgid && pp->p_sid == q->p_sid)
			return 0;
	}
	return 1;
}

int
pgrp_orphaned(pid_t pgid)
{
	return orphaned_without(pgid, NULL);
}

static int
has_stopped_member(pid_t pgid)
{
	struct proc *q;

	FOREACH_PROC(q)
		if (q->p_state == PRS_NORMAL && q->p_pgid == pgid &&
		    (q->p_flag & P_STOPPED_SIG))
			return 1;
	return 0;
}

/* If p's exit orphans group pgid and it has a stopped member, hang it up and continue it. */
static void
check_group(struct proc *p, pid_t pgid)
{
	if (orphaned_without(pgid, NULL) || !orphaned_without(pgid, p) ||
	    !has_stopped_member(pgid))
		return;
	pgsignal(pgid, SIGHUP);
	pgsignal(pgid, SIGCONT);
}

/*
 * p is exiting (before its children are handed to init): the groups its
 * exit may orphan are its own and its children's.
 */
void
jobc_exit(struct proc *p)
{
	struct proc *q;

	check_group(p, p->p_pgid);
	FOREACH_PROC(q)
		if (q->p_pptr == p && q->p_state == PRS_NORMAL &&
		    q->p_pgid != p->p_pgid)
			check_group(p, q->p_pgid);
}
