/*
 * kern_thread.c - threads (FreeBSD's LWPs): the table they live in, their
 * ids, and the rules that make several threads one process.
 *
 * A thread is a slot of thread_table with a kernel stack of its own; its
 * process links it on p_threads. Ids are FreeBSD's: the idle thread is
 * PID_MAX + 1, every other thread gets the next free id above that, so a
 * thread id is never a pid (ptrace tells them apart by that).
 *
 * A thread cannot free the stack it runs on, so an ending thread only goes
 * on the list of dead ones and switches away; thread_reap(), which runs
 * after every switch, frees the stacks of those that are no longer
 * current.
 *
 * Three process-wide states reach every thread on its way back to user
 * mode (userret calls thread_suspend_check): single-threading (exit or
 * exec from one thread ends all the others: P_SINGLE_EXIT, FreeBSD's
 * thread_single), a stop (job control or the tracer's: P_STOPPED_SIG,
 * P_STOPPED_TRACE: one thread stops, the others wait here, so a stop stops
 * them all) and a debugger's PT_SUSPEND of one thread. A thread asleep in
 * a system call is woken only to end; a stop lets it sleep on, it waits
 * here when it comes back.
 */
#include <string.h>
#include <sys/errno.h>
#include "proc/proc.h"
#include "proc/sys_process.h"
#include "kernel/kprintf.h"
#include "kernel/i386/x86.h"
#include "vm/vm.h"

#define TID_MAX		0x7fffffff

struct thread thread_table[NTHREAD];
static lwpid_t next_tid = THREAD0_TID + 1;
static int tids_wrapped;		/* next_tid came round past TID_MAX once */
struct thread *dead_threads;		/* ended, their stacks not yet freed */

static int
tid_in_use(lwpid_t tid)
{
	int i;

	for (i = 0; i < NTHREAD; i++)
		if (thread_table[i].td_tid == tid)
			return 1;
	return 0;
}

/*
 * The next free id. Until the ids come round past TID_MAX every id above
 * next_tid is unused, so the table is searched only after that (fork
 * takes an id too, and the search would cost every fork ~1000
 * instructions).
 */
static lwpid_t
tid_alloc(void)
{
	lwpid_t tid;

	do {
		tid = next_tid;
		if (next_tid == TID_MAX) {
			next_tid = THREAD0_TID + 1;
			tids_wrapped = 1;
		} else {
			next_tid++;
		}
	} while (tids_wrapped && tid_in_use(tid));
	return tid;
}

/* A zeroed thread with an id and a kernel stack, in no process; or NULL. */
struct thread *
thread_alloc(void)
{
	struct thread *td = NULL;
	paddr_t kstack;
	int i;

	for (i = 1; i < NTHREAD; i++)
		if (thread_table[i].td_tid == 0) {
			td = &thread_table[i];
			break;
		}
	if (td == NULL)
		return NULL;
	kstack = vm_page_alloc_contig(KSTACK_SIZE / PAGE_SIZE);
	if (kstack == 0)
		return NULL;
	memset(td, 0, sizeof(*td));
	td->td_tid = tid_alloc();
	td->td_kstack = PHYS_TO_KVA(kstack);
	return td;
}

/* Give back a thread that is not running and in no process. */
void
thread_free(struct thread *td)
{
	vm_page_free_contig(KVA_TO_PHYS(td->td_kstack), KSTACK_SIZE / PAGE_SIZE);
	td->td_tid = 0;
}

/* td becomes p's newest thread. */
void
thread_link(struct thread *td, struct proc *p)
{
	struct thread **tp;
	uint32_t ef = intr_disable();

	td->td_proc = p;
	td->td_plist = NULL;
	for (tp = &p->p_threads; *tp != NULL; tp = &(*tp)->td_plist)
		;
	*tp = td;
	p->p_numthreads++;
	if (p->p_numthreads > 1)
		p->p_flag |= P_HADTHREADS;
	intr_restore(ef);
}

static void
thread_unlink(struct thread *td)
{
	struct proc *p = td->td_proc;
	struct thread **tp;
	uint32_t ef = intr_disable();

	for (tp = &p->p_threads; *tp != td; tp = &(*tp)->td_plist)
		;
	*tp = td->td_plist;
	p->p_numthreads--;
	if (p->p_xthread == td)
		p->p_xthread = NULL;
	intr_restore(ef);
}

/* The live thread tid, of process pid (-1: of any); or NULL. */
struct thread *
tdfind(lwpid_t tid, pid_t pid)
{
	struct thread *td;
	int i;

	if (tid <= THREAD0_TID)
		return NULL;
	for (i = 1; i < NTHREAD; i++) {
		td = &thread_table[i];
		if (td->td_tid == tid && td->td_proc != NULL &&
		    td->td_state != TDS_INACTIVE &&
		    (pid == -1 || td->td_proc->p_pid == pid))
			return td;
	}
	return NULL;
}

/* The name a debugger and ps show for td: its own, or its program's. */
const char *
thread_name(const struct thread *td)
{
	return td->td_name[0] != '\0' ? td->td_name : td->td_proc->p_comm;
}

/* Free the stacks of the threads that ended before the last switch. */
void
thread_reap_dead(void)
{
	struct thread *td, **tp = &dead_threads;
	uint32_t ef;

	ef = intr_disable();
	while ((td = *tp) != NULL) {
		if (td == curthread) {
			tp = &td->td_runq;
			continue;
		}
		*tp = td->td_runq;
		thread_free(td);
	}
	intr_restore(ef);
}

/*
 * The current thread td ends for good: out of its process, which it is
 * not the last thread of, its pending signals and FPU gone. The stack goes
 * after the switch away.
 */
void
thread_exit(struct thread *td)
{
	struct proc *p = td->td_proc;

	disable_intr();
	sigqueue_thread_flush(td);
	cpu_exit(td);
	thread_unlink(td);
	if (p->p_singlethread != NULL && p->p_numthreads == 1)
		wakeup(&p->p_singlethread);
	td->td_state = TDS_INACTIVE;
	td->td_runq = dead_threads;
	dead_threads = td;
	mi_switch();
	panic("a dead thread ran");
}

/*
 * Wake every other thread of p that sleeps where it can be woken: a
 * system call's interruptible sleep, or a stop (on p_xstat).
 */
static void
wake_others(struct proc *p, struct thread *td)
{
	struct thread *td2;
	uint32_t ef = intr_disable();

	FOREACH_THREAD_IN_PROC(p, td2) {
		if (td2 == td)
			continue;
		td2->td_flags |= TDF_ASTPENDING;
		if (td2->td_state == TDS_SLEEPING &&
		    ((td2->td_flags & TDF_SINTR) || td2->td_wchan == &p->p_xstat))
			setrunnable(td2);
	}
	intr_restore(ef);
}

int
thread_single(struct thread *td)
{
	struct proc *p = td->td_proc;

	if (p->p_singlethread != NULL && p->p_singlethread != td)
		return ERESTART;
	if (p->p_numthreads == 1)
		return 0;
	p->p_singlethread = td;
	p->p_flag |= P_SINGLE_EXIT;
	while (p->p_numthreads > 1) {
		wake_others(p, td);
		tsleep(&p->p_singlethread, 0, "single", 0);
	}
	return 0;
}

/* exec is done with single-threading: new threads may come. */
void
thread_single_end(struct proc *p)
{
	p->p_singlethread = NULL;
	p->p_flag &= ~P_SINGLE_EXIT;
}

/*
 * Should td wait instead of running user code? PARK_STOPPED while its
 * process is stopped; PARK_SUSPENDED (with suspended) while its tracer
 * suspends it, unless a signal waits for it: that one it takes, so that
 * the process can still be stopped (the tracer sees the stop, and the
 * thread waits again after it). 0 if it is to die.
 */
int
thread_should_park(const struct thread *td, int suspended)
{
	const struct proc *p = td->td_proc;

	if ((p->p_siglist & SIGMASK(SIGKILL)) || thread_must_exit(td))
		return 0;
	if (p->p_flag & (P_STOPPED_SIG | P_STOPPED_TRACE))
		return PARK_STOPPED;
	if (suspended && (td->td_dbgflags & TDB_SUSPEND) &&
	    (p->p_flag & P_TRACED) && !((p->p_siglist | td->td_siglist) &
	    (~td->td_sigmask | td->td_sigforce)))
		return PARK_SUSPENDED;
	return 0;
}

void
thread_suspend_check(struct thread *td, int suspended)
{
	uint32_t ef = intr_disable();
	int why;

	/* A suspended thread sleeps interruptibly: a signal ends the wait. */
	while ((why = thread_should_park(td, suspended)) != 0)
		tsleep(&td->td_proc->p_xstat, why == PARK_SUSPENDED, "suspend",
		    0);
	intr_restore(ef);
	if (thread_must_exit(td))
		thread_exit(td);
}
