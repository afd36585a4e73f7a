/*
 * sched.c - the scheduler: a round-robin run queue, sleep and wakeup on
 * channels (any address), and the decision of what runs next. The switch
 * itself (stacks, address space, FPU, debug registers) is cpu_switch(), in
 * kernel/i386/vm_machdep.c.
 *
 * A thread gives up the CPU only in mi_switch(): when it sleeps, when it is
 * preempted on its way back to user mode (the clock sets TDF_NEEDRESCHED
 * every tick that someone else is waiting), or when it exits. The idle
 * thread (the boot thread, pid 0) runs when nothing else can, halting the
 * CPU until the next interrupt, so an idle Kestrel costs the host nothing.
 *
 * Sleeping threads are kept on one list, the sleep queue, so wakeup() looks
 * only at threads that sleep. Interrupt handlers call wakeup() and
 * psignal(), so the run queue and the sleep state are only changed with
 * interrupts disabled.
 */
#include <stddef.h>
#include <string.h>
#include <sys/errno.h>
#include "proc/proc.h"
#include "kernel/dev/clock.h"
#include "kernel/kprintf.h"
#include "kernel/i386/x86.h"

struct thread *curthread;
uint32_t sched_switches;
static struct thread *runq_head, *runq_tail;
static struct thread *sleepq;		/* every sleeping thread */
static struct thread *idlethread;

/* The boot thread becomes pid 0, the idle process. */
void
sched_init(void)
{
	struct proc *p = &proc_table[0];
	struct thread *td = &thread_table[0];

	p->p_state = PRS_NORMAL;
	p->p_flag = P_SYSTEM;
	strlcpy(p->p_comm, "idle", sizeof(p->p_comm));
	td->td_tid = THREAD0_TID;
	td->td_state = TDS_RUNNING;
	thread_link(td, p);
	cpu_thread0(td);
	proc_link(p);
	idlethread = curthread = td;
}

/* Append td to the run queue; interrupts are off. */
static void
runq_append(struct thread *td)
{
	td->td_state = TDS_RUNQ;
	td->td_runq = NULL;
	if (runq_tail != NULL)
		runq_tail->td_runq = td;
	else
		runq_head = td;
	runq_tail = td;
}

void
sched_add(struct thread *td)
{
	uint32_t ef = intr_disable();

	runq_append(td);
	intr_restore(ef);
}

static struct thread *
choose(void)
{
	struct thread *td = runq_head;

	if (td == NULL)
		return idlethread;
	runq_head = td->td_runq;
	if (runq_head == NULL)
		runq_tail = NULL;
	return td;
}

/*
 * Run the next thread. The caller has already said what becomes of this
 * one: back on the run queue, asleep, stopped, or dead.
 */
void
mi_switch(void)
{
	uint32_t ef = intr_disable();
	struct thread *old = curthread, *new = choose();

	old->td_flags &= ~TDF_NEEDRESCHED;
	if (new != old) {
		new->td_state = TDS_RUNNING;
		sched_switches++;
		cpu_switch(old, new);
		thread_reap();
	} else {
		old->td_state = TDS_RUNNING;
	}
	intr_restore(ef);
}

void
sched_yield_cpu(void)
{
	sched_add(curthread);
	mi_switch();
}

static void
sleepq_insert(struct thread *td)
{
	td->td_slpprev = NULL;
	td->td_slpnext = sleepq;
	if (sleepq != NULL)
		sleepq->td_slpprev = td;
	sleepq = td;
}

static void
sleepq_remove(struct thread *td)
{
	if (td->td_slpprev != NULL)
		td->td_slpprev->td_slpnext = td->td_slpnext;
	else
		sleepq = td->td_slpnext;
	if (td->td_slpnext != NULL)
		td->td_slpnext->td_slpprev = td->td_slpprev;
}

/* Wake td if it sleeps; interrupts are off (wakeup's loop calls this). */
static void
wake_one(struct thread *td)
{
	if (td->td_state == TDS_SLEEPING) {
		sleepq_remove(td);
		td->td_wchan = NULL;
		runq_append(td);
	}
}

void
setrunnable(struct thread *td)
{
	uint32_t ef = intr_disable();

	wake_one(td);
	intr_restore(ef);
}

/*
 * Sleep on chan until wakeup(chan), a timeout of timo ticks (0: none) or,
 * with catch, a signal. 0, EWOULDBLOCK (timeout), or EINTR/ERESTART
 * (signal: ERESTART when the system call should simply run again).
 */
int
tsleep(const void *chan, int catch, const char *wmesg, uint32_t timo)
{
	struct thread *td = curthread;
	uint32_t ef = intr_disable();
	int error = 0;

	if (catch && (error = sig_pending_unmasked(td)) != 0)
		goto out;
	if (catch && thread_must_exit(td)) {
		error = ERESTART;	/* back to user mode, where it ends */
		goto out;
	}
	if (catch && (td->td_flags & TDF_SELFWAKE)) {
		td->td_flags &= ~TDF_SELFWAKE;	/* thr_wake(2) of itself */
		error = EINTR;
		goto out;
	}
	td->td_wchan = chan;
	td->td_wmesg = wmesg;
	td->td_timeout = timo != 0 ? clock_ticks64() + timo : 0;
	td->td_flags &= ~TDF_TIMEDOUT;
	if (catch)
		td->td_flags |= TDF_SINTR;
	td->td_state = TDS_SLEEPING;
	sleepq_insert(td);
	mi_switch();
	td->td_flags &= ~TDF_SINTR;
	td->td_timeout = 0;
	if (td->td_flags & TDF_TIMEDOUT) {
		td->td_flags &= ~TDF_TIMEDOUT;
		error = EWOULDBLOCK;
	} else if (catch) {
		error = sig_pending_unmasked(td);
		if (error == 0 && thread_must_exit(td))
			error = ERESTART;
	}
out:
	intr_restore(ef);
	return error;
}

void
wakeup(const void *chan)
{
	uint32_t ef = intr_disable();
	struct thread *td, *next;

	for (td = sleepq; td != NULL; td = next) {
		next = td->td_slpnext;
		if (td->td_wchan == chan)
			wake_one(td);
	}
	intr_restore(ef);
}

/* Every tick: alarms, sleep timeouts, and a nudge for the running thread. */
void
sched_clock(void)
{
	struct thread *td, *next;
	struct proc *p;
	uint64_t now = clock_ticks64();

	FOREACH_PROC(p)
		if (p->p_alarm != 0 && now >= p->p_alarm) {
			p->p_alarm = 0;
			psignal(p, SIGALRM);
		}
	for (td = sleepq; td != NULL; td = next) {
		next = td->td_slpnext;
		if (td->td_timeout != 0 && now >= td->td_timeout) {
			td->td_flags |= TDF_TIMEDOUT;
			wake_one(td);
		}
	}
	if (runq_head != NULL && curthread != idlethread)
		curthread->td_flags |= TDF_NEEDRESCHED;
}

void
idle_loop(void)
{
	for (;;) {
		disable_intr();
		if (runq_head != NULL) {
			enable_intr();
			mi_switch();
		} else {
			cpu_idle();
		}
	}
}
