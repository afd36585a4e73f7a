/*
 * sys_process.c - ptrace(2), after FreeBSD's sys/kern/sys_process.c.
 *
 * This file decides whether and when; kernel/i386/regs.c, kernel/i386/fpu*.c,
 * kernel/i386/dbreg.c and kernel/i386/ptrace_step.c decide how on i386,
 * behind the functions sys_process.h declares. Every request goes through the same
 * three steps, in FreeBSD's order (docs/ptrace.md has the full table):
 *
 *   1. The buffer of a "set" request is copied in first (EFAULT).
 *   2. The target is looked up (ESRCH for no such pid, a zombie or an
 *      exiting process) and the caller's right to debug it is checked on
 *      every request, not only at attach (EPERM, EINVAL for pid 0). As on
 *      FreeBSD, pid may name one thread (an id above PID_MAX): the request
 *      is then about that thread; a pid means the thread whose stop the
 *      tracer sees (p_xthread), or the first one.
 *   3. The request's own gate: PT_TRACE_ME and PT_ATTACH have theirs; every
 *      other request needs a target traced by the caller (EPERM if untraced,
 *      EBUSY if someone else's) and stopped for it, with the stop already
 *      collected by wait4 (EBUSY otherwise: the P_WAITED rule).
 *
 * A traced process stops in issignal() (proc/kern_sig.c), or for an event
 * of its event mask (proc/ptrace_stops.c: system calls, exec, fork, vfork),
 * and sleeps there until PT_CONTINUE, PT_STEP, PT_SYSCALL (and kin),
 * PT_DETACH or PT_KILL wakes it with the signal to deliver in p_xstat. The
 * event mask (p_ptevents) is the tracer's: PT_TRACE_ME and PT_ATTACH set
 * FreeBSD's default (exec stops only), PT_SET_EVENT_MASK, PT_FOLLOW_FORK
 * and the resumes PT_TO_SCE, PT_TO_SCX and PT_SYSCALL change it, and it
 * lasts until changed again or the tracer lets go. PT_ATTACH leaves
 * the tracee's parent alone (getppid() is unchanged); wait4 (kern_exit.c)
 * gives its stops and exit to the tracer first. When the tracer exits,
 * processes it attached to are detached and run on (minus the attach's
 * SIGSTOP if not yet taken), and its PT_TRACE_ME children are killed.
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/ptrace.h>
#include <machine/reg.h>
#include "proc/sys_process.h"
#include "proc/proc.h"
#include "kernel/syscall.h"
#include "kernel/i386/syscall_md.h"
#include "vm/vm.h"

union ptrace_buf {
	struct reg		reg;
	struct fpreg		fpreg;
	struct dbreg		dbreg;
	struct xmmreg		xmmreg;
	struct ptrace_io_desc	piod;
	struct ptrace_lwpinfo	pl;
	struct ptrace_sc_ret	sr;
	int			ptevents;
};

/* The events PT_SET_EVENT_MASK accepts. */
#define PTRACE_ALLEVENTS	(PTRACE_EXEC | PTRACE_SCE | PTRACE_SCX | \
	PTRACE_FORK | PTRACE_LWP | PTRACE_VFORK)

/* The tracee's memory, whatever the protection (a debugger plants breakpoints). */
int
proc_rwmem(struct proc *p, uint32_t addr, void *kbuf, size_t len, int write,
    size_t *done)
{
	/* LAB rwmem: BEGIN stub:
	 *	(void)p;
	 *	(void)addr;
	 *	(void)kbuf;
	 *	(void)len;
	 *	(void)write;
	 *	(void)done;
	 *	return ENOSYS;
	 */
	return vm_rw(p->p_vmspace, addr, kbuf, len, write, write, done);
	/* LAB rwmem: END */
}

/*
 * PT_READ and PT_WRITE: one word, all or nothing. Debuggers issue these by
 * the thousand, so a word inside one page takes the short way (one page
 * lookup, no copy loop). One straddling two pages has both pages made
 * present (and private, for a write) before a byte moves, so that a word
 * which cannot be written whole is not written at all; then proc_rwmem
 * cannot fail. 0, EFAULT (no page may be there) or ENOMEM.
 */
static int
rw_word(struct proc *p, uint32_t addr, uint32_t *word, int write)
{
	/* LAB rwmem: BEGIN stub:
	 *	(void)p;
	 *	(void)addr;
	 *	(void)word;
	 *	(void)write;
	 *	return ENOSYS;
	 */
	struct vmspace *vm = p->p_vmspace;
	uint32_t *kva;
	paddr_t pa;
	int error;

	if ((addr & PAGE_MASK) > PAGE_SIZE - sizeof(*word)) {
		if ((error = vm_page_get(vm, addr + sizeof(*word) - 1, write,
		    write, &pa)) != 0 ||
		    (error = vm_page_get(vm, addr, write, write, &pa)) != 0)
			return error;
		return proc_rwmem(p, addr, word, sizeof(*word), write, NULL);
	}
	if ((error = vm_page_get(vm, addr, write, write, &pa)) != 0)
		return error;
	kva = (uint32_t *)((char *)PHYS_TO_KVA(pa) + (addr & PAGE_MASK));
	if (write)
		*kva = *word;
	else
		*word = *kva;
	return 0;
	/* LAB rwmem: END */
}

/*
 * May td debug p? Root may debug anything; others only their own
 * processes, unchanged, that have not forbidden it (procctl).
 */
int
p_candebug(struct thread *td, struct proc *p)
{
	const struct ucred *me = &td->td_proc->p_cred, *it = &p->p_cred;

	if (p->p_flag & P_SYSTEM)
		return EINVAL;
	if (p == initproc)
		return EPERM;
	if (me->cr_uid == 0)
		return 0;
	if (p->p_flag2 & P2_NOTRACE)
		return EPERM;		/* procctl(PROC_TRACE_CTL) */
	if (it->cr_ruid != me->cr_ruid || it->cr_uid != me->cr_uid ||
	    it->cr_svuid != me->cr_ruid || it->cr_rgid != me->cr_rgid ||
	    it->cr_gid != me->cr_gid)
		return EPERM;
	return 0;
}

static int
copyin_request(int req, void *addr, union ptrace_buf *b)
{
	switch (req) {
	case PT_SETREGS:
		return copyin(addr, &b->reg, sizeof(b->reg));
	case PT_SETFPREGS:
		return copyin(addr, &b->fpreg, sizeof(b->fpreg));
	case PT_SETDBREGS:
		return copyin(addr, &b->dbreg, sizeof(b->dbreg));
	case PT_SETXMMREGS:
		return copyin(addr, &b->xmmreg, sizeof(b->xmmreg));
	case PT_IO:
		return copyin(addr, &b->piod, sizeof(b->piod));
	case PT_SET_EVENT_MASK:
		return copyin(addr, &b->ptevents, sizeof(b->ptevents));
	}
	return 0;
}

/* Step 1's size check: PT_SET_EVENT_MASK copies in exactly one int. */
static int
check_request_size(int req, int data)
{
	return req == PT_SET_EVENT_MASK && data != sizeof(int) ? EINVAL : 0;
}

static int
is_known_request(int req)
{
	switch (req) {
	case PT_READ_I: case PT_READ_D: case PT_WRITE_I: case PT_WRITE_D:
	case PT_IO: case PT_CONTINUE: case PT_KILL: case PT_STEP:
	case PT_DETACH: case PT_LWPINFO: case PT_CLEARSTEP: case PT_SETSTEP:
	case PT_TO_SCE: case PT_TO_SCX: case PT_SYSCALL: case PT_GET_SC_ARGS:
	case PT_GET_SC_RET: case PT_GETREGS: case PT_SETREGS:
	case PT_GETFPREGS: case PT_SETFPREGS: case PT_GETDBREGS:
	case PT_SETDBREGS: case PT_GETXMMREGS: case PT_SETXMMREGS:
	case PT_FOLLOW_FORK: case PT_LWP_EVENTS: case PT_GET_EVENT_MASK:
	case PT_SET_EVENT_MASK: case PT_GETNUMLWPS: case PT_GETLWPLIST:
	case PT_SUSPEND: case PT_RESUME:
		return 1;
	}
	return 0;
}

/*
 * Is anc above p on the chain of those p waits for: a traced process's
 * tracer, and, with parents, an untraced one's parent (FreeBSD walks its
 * p_pptr, which is the tracer while traced)? A child may trace its own
 * parent, so the chain can loop; NPROC steps visit every process there is.
 */
static int
above_in_trace(struct proc *anc, struct proc *p, int parents)
{
	int n;

	for (n = 0; p != NULL && n < NPROC; n++) {
		if (p->p_flag & P_TRACED)
			p = p->p_tracer;
		else if (parents)
			p = p->p_pptr;
		else
			return 0;
		if (p == anc)
			return 1;
	}
	return 0;
}

/* Step 3 of the header comment: may this request be made now? */
static int
request_gate(struct thread *td, int req, struct proc *p)
{
	struct proc *me = td->td_proc;

	switch (req) {
	case PT_TRACE_ME:
		if (p->p_flag & P_TRACED)
			return EBUSY;
		if (p->p_pptr == initproc || (p->p_flag2 & P2_NOTRACE))
			return EPERM;	/* nobody would trace it, or it said no */
		if (above_in_trace(p, p->p_pptr, 0))
			return EINVAL;	/* its parent waits for it: a cycle */
		return 0;
	case PT_ATTACH:
		if (p == me)
			return EINVAL;
		if (p->p_flag & P_TRACED)
			return EBUSY;
		if ((me->p_flag & P_TRACED) && above_in_trace(p, me, 1))
			return EINVAL;	/* no cycles, no traced ancestors */
		return 0;
	}
	if (!is_known_request(req))
		return EINVAL;
	if (!(p->p_flag & P_TRACED))
		return EPERM;
	if (p->p_tracer != me)
		return EBUSY;
	if (!(p->p_flag & P_STOPPED_TRACE) || !(p->p_flag & P_WAITED))
		return EBUSY;
	return 0;
}

/*
 * Wake a stopped tracee; it delivers sig (0: none) as it goes on. A stop
 * that was the attach's SIGSTOP has done its work.
 */
static void
resume(struct proc *p, int sig)
{
	uint32_t ef = intr_disable();

	if ((p->p_flag & P_STOPPED_TRACE) && p->p_xstat == SIGSTOP)
		p->p_flag2 &= ~P2_PTRACE_FSTP;
	p->p_xstat = sig;
	p->p_flag &= ~(P_STOPPED_TRACE | P_WAITED);
	wakeup(&p->p_xstat);
	intr_restore(ef);
}

/*
 * End tracing of p (PT_DETACH, or its tracer exited) and let it run. An
 * attach's SIGSTOP it has not taken yet goes too: nobody would continue it.
 */
void
ptrace_detach(struct proc *p, int sig)
{
	struct thread *td;

	FOREACH_THREAD_IN_PROC(p, td) {
		ptrace_forget_step(td);
		td->td_dbgflags = 0;
		td->td_sigforce = 0;
	}
	if (p->p_flag2 & P2_PTRACE_FSTP)
		sigqueue_delete(p, SIGMASK(SIGSTOP));
	p->p_flag &= ~(P_TRACED | P_PPTRACE);
	p->p_flag2 &= ~(P2_TRACE_ATTACH | P2_PTRACE_FSTP);
	p->p_tracer = NULL;
	p->p_ptevents = 0;
	if (p->p_pptr != NULL)
		wakeup(p->p_pptr);	/* its parent may wait for it again */
	resume(p, sig);
}

/* When a tracer exits: PT_ATTACHed processes go free, PT_TRACE_ME children die. */
void
ptrace_tracer_exit(struct proc *tracer)
{
	struct proc *p, *next;

	for (p = allproc; p != NULL; p = next) {
		next = p->p_allnext;	/* p may be reaped */
		if (p->p_tracer != tracer ||
		    !(p->p_flag & P_TRACED))
			continue;
		if (p->p_state == PRS_ZOMBIE) {
			proc_zombie_untrace(p);
		} else if (p->p_flag2 & P2_TRACE_ATTACH) {
			ptrace_detach(p, 0);
		} else {
			ptrace_detach(p, 0);
			psignal(p, SIGKILL);
		}
	}
}

static int
do_io(struct proc *p, struct ptrace_io_desc *piod)
{
	/* LAB rwmem: BEGIN stub:
	 *	(void)p;
	 *	(void)piod;
	 *	return ENOSYS;
	 */
	size_t total = 0;
	int write, error;

	switch (piod->piod_op) {
	case PIOD_READ_D:
	case PIOD_READ_I:
		write = 0;
		break;
	case PIOD_WRITE_D:
	case PIOD_WRITE_I:
		write = 1;
		break;
	default:
		return EINVAL;
	}
	/* Straight between the tracee's pages and the tracer's buffer. */
	error = vm_rw_user(p->p_vmspace, (uint32_t)piod->piod_offs,
	    piod->piod_addr, piod->piod_len, write, write, &total);
	piod->piod_len = total;
	return total == 0 ? error : 0;	/* a short transfer is reported in piod_len */
	/* LAB rwmem: END */
}

/*
 * PT_CONTINUE and its relatives: how the tracee is to run on. PT_TO_SCE,
 * PT_TO_SCX and PT_SYSCALL add their system call stops to the event mask;
 * they stay until cleared with PT_SET_EVENT_MASK or the tracer lets go.
 */
static int
do_resume(struct proc *p, struct thread *td2, int req, void *addr, int data)
{
	int error;

	if ((unsigned)data >= NSIG)
		return EINVAL;
	if (req == PT_STEP && (error = ptrace_single_step(td2)) != 0)
		return error;
	if (req == PT_TO_SCE || req == PT_SYSCALL)
		p->p_ptevents |= PTRACE_SCE;
	if (req == PT_TO_SCX || req == PT_SYSCALL)
		p->p_ptevents |= PTRACE_SCX;
	if (req != PT_STEP && !(td2->td_dbgflags & TDB_SETSTEP))
		ptrace_clear_single_step(td2);	/* nothing of an old step stays */
	td2->td_dbgflags &= ~TDB_SETSTEP;
	if (addr != (void *)1)
		ptrace_set_pc(td2, (uint32_t)addr);
	if (req == PT_DETACH)
		ptrace_detach(p, data);
	else
		resume(p, data);
	return 0;
}

/* PT_FOLLOW_FORK and the event-mask requests. */
static int
do_events(struct proc *p, int req, void *addr, int data, union ptrace_buf *b)
{
	switch (req) {
	case PT_FOLLOW_FORK:
	case PT_LWP_EVENTS:
		if (data)
			p->p_ptevents |= req == PT_FOLLOW_FORK ? PTRACE_FORK :
			    PTRACE_LWP;
		else
			p->p_ptevents &= ~(req == PT_FOLLOW_FORK ? PTRACE_FORK :
			    PTRACE_LWP);
		return 0;
	case PT_GET_EVENT_MASK:
		if (data != sizeof(p->p_ptevents))
			return EINVAL;
		return copyout(&p->p_ptevents, addr, sizeof(p->p_ptevents));
	case PT_SET_EVENT_MASK:
		if (b->ptevents & ~PTRACE_ALLEVENTS)
			return EINVAL;
		p->p_ptevents = b->ptevents;
		return 0;
	}
	return EINVAL;
}

/* PT_GETLWPLIST: up to data thread ids into addr; the count in td_retval. */
static int
lwp_list(struct thread *td, struct proc *p, void *addr, int data)
{
	struct thread *td2;
	lwpid_t *ids = (lwpid_t *)addr;
	lwpid_t id;
	int n = 0;

	if (data <= 0)
		return EINVAL;
	FOREACH_THREAD_IN_PROC(p, td2) {
		if (n == data)
			break;
		id = td2->td_tid;
		if (copyout(&id, &ids[n], sizeof(id)) != 0)
			return EFAULT;
		n++;
	}
	td->td_retval[0] = n;
	return 0;
}

static int
do_request(struct thread *td, int req, struct proc *p, struct thread *td2,
    void *addr, int data, union ptrace_buf *b)
{
	uint32_t word;
	int error;

	switch (req) {
	case PT_TRACE_ME:
		p->p_flag |= P_TRACED;
		if (p->p_flag & P_PPWAIT)
			p->p_flag |= P_PPTRACE;	/* no stops while the parent waits */
		p->p_flag2 &= ~P2_TRACE_ATTACH;
		p->p_tracer = p->p_pptr;
		p->p_ptevents = PTRACE_DEFAULT;
		return 0;
	case PT_ATTACH:
		p->p_flag |= P_TRACED;
		p->p_flag2 |= P2_TRACE_ATTACH | P2_PTRACE_FSTP;
		p->p_tracer = td->td_proc;
		p->p_ptevents = PTRACE_DEFAULT;
		if (p->p_flag & P_STOPPED_SIG) {
			/* Already stopped: let it stop again, for us. */
			p->p_flag &= ~P_STOPPED_SIG;
			wakeup(&p->p_xstat);
		}
		psignal(p, SIGSTOP);
		return 0;
	case PT_READ_I:
	case PT_READ_D:
		if ((error = rw_word(p, (uint32_t)addr, &word, 0)) != 0)
			return error;
		td->td_retval[0] = word;
		return 0;
	case PT_WRITE_I:
	case PT_WRITE_D:
		word = data;
		return rw_word(p, (uint32_t)addr, &word, 1);
	case PT_IO:
		error = do_io(p, &b->piod);
		if (error == 0)
			error = copyout(&b->piod, addr, sizeof(b->piod));
		return error;
	case PT_CONTINUE:
	case PT_STEP:
	case PT_DETACH:
	case PT_TO_SCE:
	case PT_TO_SCX:
	case PT_SYSCALL:
		return do_resume(p, td2, req, addr, data);
	case PT_FOLLOW_FORK:
	case PT_LWP_EVENTS:
	case PT_GET_EVENT_MASK:
	case PT_SET_EVENT_MASK:
		return do_events(p, req, addr, data, b);
	case PT_KILL:
		psignal(p, SIGKILL);
		return 0;
	case PT_SETSTEP:
		td2->td_dbgflags |= TDB_SETSTEP;
		return ptrace_single_step(td2);
	case PT_CLEARSTEP:
		td2->td_dbgflags &= ~TDB_SETSTEP;
		return ptrace_clear_single_step(td2);
	case PT_LWPINFO:
		if (data <= 0 || (unsigned)data > sizeof(b->pl))
			return EINVAL;
		ptrace_lwpinfo(td2, &b->pl);
		return copyout(&b->pl, addr, data);
	case PT_GETNUMLWPS:
		td->td_retval[0] = p->p_numthreads;
		return 0;
	case PT_GETLWPLIST:
		return lwp_list(td, p, addr, data);
	case PT_SUSPEND:
		td2->td_dbgflags |= TDB_SUSPEND;
		return 0;
	case PT_RESUME:
		td2->td_dbgflags &= ~TDB_SUSPEND;
		return 0;
	case PT_GET_SC_ARGS:
		if (!(td2->td_dbgflags & (TDB_SCE | TDB_SCX)))
			return EINVAL;
		if (data < 0 || (unsigned)data > sizeof(td2->td_sc_args))
			data = sizeof(td2->td_sc_args);
		return copyout(td2->td_sc_args, addr, data);
	case PT_GET_SC_RET:
		if (!(td2->td_dbgflags & TDB_SCX))
			return EINVAL;
		memset(&b->sr, 0, sizeof(b->sr));
		b->sr.sr_error = td2->td_sc_error;
		cpu_fetch_syscall_retval(td2, b->sr.sr_retval);
		return copyout(&b->sr, addr, sizeof(b->sr));
	case PT_GETREGS:
		fill_regs(td2, &b->reg);
		return copyout(&b->reg, addr, sizeof(b->reg));
	case PT_SETREGS:
		return set_regs(td2, &b->reg);
	case PT_GETFPREGS:
		fill_fpregs(td2, &b->fpreg);
		return copyout(&b->fpreg, addr, sizeof(b->fpreg));
	case PT_SETFPREGS:
		return set_fpregs(td2, &b->fpreg);
	case PT_GETXMMREGS:
		if ((error = fill_xmmregs(td2, &b->xmmreg)) != 0)
			return error;
		return copyout(&b->xmmreg, addr, sizeof(b->xmmreg));
	case PT_SETXMMREGS:
		return set_xmmregs(td2, &b->xmmreg);
	case PT_GETDBREGS:
		fill_dbregs(td2, &b->dbreg);
		return copyout(&b->dbreg, addr, sizeof(b->dbreg));
	case PT_SETDBREGS:
		return set_dbregs(td2, &b->dbreg);
	}
	return EINVAL;
}

/*
 * The process and the thread a request is about: pid may be a process or
 * one of its threads (an id above PID_MAX). NULL if there is none.
 */
static struct proc *
find_target(int pid, struct thread **tdp)
{
	struct thread *td2;
	struct proc *p;

	if (pid > PID_MAX) {
		if ((td2 = tdfind(pid, -1)) == NULL)
			return NULL;
		*tdp = td2;
		return td2->td_proc->p_state == PRS_NORMAL ? td2->td_proc : NULL;
	}
	if ((p = pfind(pid)) == NULL)
		return NULL;
	if ((p->p_flag & P_STOPPED_TRACE) && p->p_xthread != NULL)
		*tdp = p->p_xthread;
	else
		*tdp = FIRST_THREAD_IN_PROC(p);
	return p;
}

int
kern_ptrace(struct thread *td, int req, int pid, void *addr, int data)
{
	union ptrace_buf b;
	struct thread *td2 = td;
	struct proc *p;
	int error;

	if ((error = check_request_size(req, data)) != 0 ||
	    (error = copyin_request(req, addr, &b)) != 0)
		return error;
	if (req == PT_TRACE_ME) {
		p = td->td_proc;
	} else {
		p = find_target(pid, &td2);
		if (p == NULL || (p->p_flag & P_WEXIT))
			return ESRCH;
		if ((error = p_candebug(td, p)) != 0)
			return error;
	}
	if ((error = request_gate(td, req, p)) != 0)
		return error;
	return do_request(td, req, p, td2, addr, data, &b);
}

int
sys_ptrace(struct thread *td, uint32_t *args)
{
	return kern_ptrace(td, (int)args[0], (int)args[1], (void *)args[2],
	    (int)args[3]);
}
