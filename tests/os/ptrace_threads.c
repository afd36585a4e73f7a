// RUN: qemu sysenter=0
/*
 * ptrace_threads.c - ptrace of a process with several threads, FreeBSD's
 * rules (after the thread cases of its tests/sys/kern/ptrace_test.c):
 * PT_GETNUMLWPS and PT_GETLWPLIST; PT_LWPINFO names the thread that
 * stopped (pl_lwpid, pl_tdname) while the others report no event; thread
 * birth and death as stops with PT_LWP_EVENTS (PL_FLAG_BORN,
 * PL_FLAG_EXITED) and none without; a thread id as the pid of register
 * requests; one stop stops every thread and one resume runs them all but
 * the PT_SUSPENDed; a step of one thread while the others stay stopped;
 * debug registers per thread (a watchpoint set for one thread does not
 * fire in another); the errors of thread ids.
 */
#include <pthread.h>
#include <pthread_np.h>
#include <semaphore.h>
#include <sys/mman.h>
#include <sys/thr.h>
#include "ptrace_lib.h"

#define PID_MAX		99999

static sem_t go;
static volatile unsigned spins;
static volatile int watched;

/* A handler: an ignored signal would be dropped, never reported. */
static void
nothing(int sig)
{
	(void)sig;
}

static void *
park(void *arg)
{
	sem_wait(&go);
	return arg;
}

static void *
named_raiser(void *arg)
{
	pthread_set_name_np(pthread_self(), "worker");
	raise(SIGUSR1);
	return arg;
}

/* Main and two threads; one of them stops the process with SIGUSR1. */
static int
three_threads(void)
{
	pthread_t a, b;

	signal(SIGUSR1, nothing);
	sem_init(&go, 0, 0);
	pthread_create(&a, NULL, park, NULL);
	pthread_create(&b, NULL, named_raiser, NULL);
	pthread_join(b, NULL);
	sem_post(&go);
	pthread_join(a, NULL);
	return 5;
}

/* The main thread's id: ki_tid, what sysctl says of the process. */
static lwpid_t
main_tid(pid_t pid)
{
	int mib[4] = { CTL_KERN, KERN_PROC, KERN_PROC_PID, pid };
	struct kinfo_proc kp;
	size_t len = sizeof(kp);

	if (sysctl(mib, 4, &kp, &len, NULL, 0) != 0)
		return -1;
	return kp.ki_tid;
}

/* GETNUMLWPS, GETLWPLIST and LWPINFO at a stop made by a named thread. */
PT_CASE(lwp_list_and_info)
{
	struct ptrace_lwpinfo pl, plm;
	lwpid_t ids[4], mt;
	pid_t pid = pt_traced(three_threads);
	int n, i;

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGUSR1);
	n = ptrace(PT_GETNUMLWPS, pid, NULL, 0);
	KT_CHECK(n == 3, "PT_GETNUMLWPS %d", n);
	memset(ids, 0, sizeof(ids));
	KT_CHECK(ptrace(PT_GETLWPLIST, pid, (caddr_t)ids, 4) == 3, "list");
	for (i = 0; i < 3; i++)
		KT_CHECK(ids[i] > PID_MAX && ids[i] != ids[(i + 1) % 3],
		    "id %d: %d", i, ids[i]);
	KT_CHECK(ptrace(PT_GETLWPLIST, pid, (caddr_t)ids, 1) == 1, "short");
	PT_ERR(EINVAL, PT_GETLWPLIST, pid, ids, 0);
	PT_ERR(EFAULT, PT_GETLWPLIST, pid, 0xc0000000, 3);
	mt = main_tid(pid);
	KT_CHECK(mt == ids[0], "main thread %d, first listed %d", mt, ids[0]);
	PT_OK(PT_LWPINFO, pid, &pl, sizeof(pl));
	KT_CHECK(pl.pl_lwpid != mt && pl.pl_lwpid > PID_MAX &&
	    pl.pl_event == PL_EVENT_SIGNAL && (pl.pl_flags & PL_FLAG_SI) &&
	    pl.pl_siginfo.si_code == SI_LWP, "lwpid %d event %d flags %#x",
	    pl.pl_lwpid, pl.pl_event, pl.pl_flags);
	KT_CHECK(strcmp(pl.pl_tdname, "worker") == 0, "tdname \"%s\"",
	    pl.pl_tdname);
	PT_OK(PT_LWPINFO, mt, &plm, sizeof(plm));
	KT_CHECK(plm.pl_lwpid == mt && plm.pl_event == PL_EVENT_NONE &&
	    plm.pl_flags == 0, "main: lwpid %d event %d flags %#x",
	    plm.pl_lwpid, plm.pl_event, plm.pl_flags);
	PT_OK(PT_LWPINFO, pl.pl_lwpid, &plm, sizeof(plm));
	KT_CHECK(plm.pl_lwpid == pl.pl_lwpid && plm.pl_event ==
	    PL_EVENT_SIGNAL, "by its id: lwpid %d", plm.pl_lwpid);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 5);
	PT_NOCHILD();
	return 0;
}

static void *
quick(void *arg)
{
	return arg;
}

static int
one_thread_born_and_gone(void)
{
	pthread_t t;

	pthread_create(&t, NULL, quick, NULL);
	pthread_join(t, NULL);
	return 6;
}

/* PT_LWP_EVENTS: a stop at the birth and one at the death of a thread. */
PT_CASE(lwp_events)
{
	struct ptrace_lwpinfo pl;
	pid_t pid = pt_traced(one_thread_born_and_gone);
	lwpid_t born;

	KT_CHECK(pid > 0, "no tracee");
	PT_OK(PT_LWP_EVENTS, pid, 0, 1);
	KT_CHECK(pt_events(pid) & PTRACE_LWP, "mask %#x", pt_events(pid));
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	PT_OK(PT_LWPINFO, pid, &pl, sizeof(pl));
	KT_CHECK((pl.pl_flags & (PL_FLAG_BORN | PL_FLAG_SCX)) ==
	    (PL_FLAG_BORN | PL_FLAG_SCX) && !(pl.pl_flags & PL_FLAG_EXITED) &&
	    pl.pl_lwpid != main_tid(pid), "birth: flags %#x lwpid %d",
	    pl.pl_flags, pl.pl_lwpid);
	born = pl.pl_lwpid;
	KT_CHECK(ptrace(PT_GETNUMLWPS, pid, NULL, 0) == 2, "two threads");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	PT_OK(PT_LWPINFO, pid, &pl, sizeof(pl));
	KT_CHECK((pl.pl_flags & PL_FLAG_EXITED) && !(pl.pl_flags &
	    PL_FLAG_BORN) && pl.pl_lwpid == born, "death: flags %#x lwpid %d",
	    pl.pl_flags, pl.pl_lwpid);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 6);
	PT_NOCHILD();
	return 0;
}

/* Without PT_LWP_EVENTS a thread comes and goes without a stop. */
PT_CASE(no_lwp_events)
{
	pid_t pid = pt_traced(one_thread_born_and_gone);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_EXITS(pid, 6);
	PT_NOCHILD();
	return 0;
}

static volatile unsigned *shared;

static void *
spinner(void *arg)
{
	while (shared[1] == 0)
		shared[0]++;
	return arg;
}

/* A thread spins on shared[0]; main stops the process three times. */
static int
spin_and_stop(void)
{
	pthread_t t;
	int i;

	signal(SIGUSR2, nothing);
	pthread_create(&t, NULL, spinner, NULL);
	while (shared[0] == 0)
		sched_yield();
	for (i = 0; i < 3; i++) {
		usleep(20000);
		raise(SIGUSR2);
	}
	shared[1] = 1;
	pthread_join(t, NULL);
	return 7;
}

/* The spinner's id: the thread that is not pid's main one. */
static lwpid_t
other_tid(pid_t pid, lwpid_t mt)
{
	lwpid_t ids[2];

	if (ptrace(PT_GETLWPLIST, pid, (caddr_t)ids, 2) != 2)
		return -1;
	return ids[0] == mt ? ids[1] : ids[0];
}

/*
 * One stop stops every thread; PT_SUSPEND keeps one stopped across a
 * PT_CONTINUE of the process, PT_RESUME lets it go again.
 */
PT_CASE(stop_all_and_suspend)
{
	unsigned c1, c2, c3;
	lwpid_t mt, st;
	pid_t pid;

	shared = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANON,
	    -1, 0);
	KT_CHECK(shared != MAP_FAILED, "mmap");
	pid = pt_traced(spin_and_stop);
	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGUSR2);
	mt = main_tid(pid);
	st = other_tid(pid, mt);
	KT_CHECK(st > PID_MAX && st != mt, "spinner %d", st);
	c1 = shared[0];
	usleep(20000);
	KT_CHECK(shared[0] == c1 && c1 != 0, "spun on while stopped: %u, %u",
	    c1, shared[0]);
	PT_OK(PT_SUSPEND, st, 0, 0);
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGUSR2);
	c2 = shared[0];
	KT_CHECK(c2 == c1, "a suspended thread ran: %u then %u", c1, c2);
	PT_OK(PT_RESUME, st, 0, 0);
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGUSR2);
	c3 = shared[0];
	KT_CHECK(c3 != c2, "resumed thread did not run");
	PT_CONT(pid, 0);
	PT_EXITS(pid, 7);
	PT_NOCHILD();
	munmap((void *)shared, 4096);
	return 0;
}

/*
 * A thread id as the pid of register requests: each thread's own
 * registers; PT_STEP of the main thread while the other is suspended runs
 * one instruction of main and none of the spinner.
 */
PT_CASE(regs_and_step_by_lwp)
{
	struct ptrace_lwpinfo pl;
	struct reg rm, rs, r2;
	lwpid_t mt, st;
	unsigned c1;
	pid_t pid;

	shared = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANON,
	    -1, 0);
	KT_CHECK(shared != MAP_FAILED, "mmap");
	pid = pt_traced(spin_and_stop);
	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGUSR2);
	mt = main_tid(pid);
	st = other_tid(pid, mt);
	PT_OK(PT_GETREGS, mt, &rm, 0);
	PT_OK(PT_GETREGS, st, &rs, 0);
	PT_OK(PT_GETREGS, pid, &r2, 0);
	KT_CHECK(rm.r_esp != rs.r_esp && rm.r_eip != rs.r_eip,
	    "same registers: esp %#x/%#x eip %#x/%#x", rm.r_esp, rs.r_esp,
	    rm.r_eip, rs.r_eip);
	KT_CHECK(r2.r_esp == rm.r_esp, "the pid is not the stopped thread");
	r2 = rs;
	r2.r_ebx ^= 0x5a5a;
	PT_OK(PT_SETREGS, st, &r2, 0);
	PT_OK(PT_GETREGS, st, &r2, 0);
	PT_OK(PT_GETREGS, mt, &rm, 0);
	KT_CHECK(r2.r_ebx == (rs.r_ebx ^ 0x5a5a), "SETREGS by lwp lost");
	r2.r_ebx ^= 0x5a5a;
	PT_OK(PT_SETREGS, st, &r2, 0);
	PT_OK(PT_SUSPEND, st, 0, 0);
	c1 = shared[0];
	PT_OK(PT_STEP, mt, 1, 0);
	PT_STOP(pid, SIGTRAP);
	PT_OK(PT_LWPINFO, pid, &pl, sizeof(pl));
	KT_CHECK(pl.pl_lwpid == mt, "the step stopped %d, not main %d",
	    pl.pl_lwpid, mt);
	KT_CHECK(shared[0] == c1, "the suspended spinner ran during the step");
	PT_OK(PT_RESUME, st, 0, 0);
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGUSR2);
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGUSR2);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 7);
	PT_NOCHILD();
	munmap((void *)shared, 4096);
	return 0;
}

static void *
write_watched(void *arg)
{
	sem_wait(&go);
	watched = 2;
	return arg;
}

/* Main writes the word, then lets the thread write it. */
static int
two_writers(void)
{
	pthread_t t;

	signal(SIGUSR1, nothing);
	sem_init(&go, 0, 0);
	pthread_create(&t, NULL, write_watched, NULL);
	raise(SIGUSR1);
	watched = 1;
	sem_post(&go);
	pthread_join(t, NULL);
	return watched == 2 ? 8 : 9;
}

/* A write watchpoint in one thread's debug registers fires in that thread only. */
PT_CASE(dbregs_per_thread)
{
	struct ptrace_lwpinfo pl;
	struct dbreg d;
	lwpid_t mt, wt;
	pid_t pid = pt_traced(two_writers);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGUSR1);
	mt = main_tid(pid);
	wt = other_tid(pid, mt);
	memset(&d, 0, sizeof(d));
	d.dr[0] = (unsigned)&watched;
	d.dr[7] = DBREG_DR7_LOCAL_ENABLE | ((DBREG_DR7_WRONLY |
	    (DBREG_DR7_LEN_4 << 2)) << 16);
	PT_OK(PT_SETDBREGS, wt, &d, 0);
	PT_OK(PT_GETDBREGS, mt, &d, 0);
	KT_CHECK(d.dr[7] == 0, "main's DR7 %#x", d.dr[7]);
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	PT_OK(PT_LWPINFO, pid, &pl, sizeof(pl));
	KT_CHECK(pl.pl_lwpid == wt, "the watchpoint fired in %d, not %d (main "
	    "%d)", pl.pl_lwpid, wt, mt);
	PT_OK(PT_GETDBREGS, wt, &d, 0);
	KT_CHECK(d.dr[6] & 1, "DR6 %#x", d.dr[6]);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 8);
	PT_NOCHILD();
	return 0;
}

/* Thread ids that are not ours to trace, or not there at all. */
PT_CASE(lwp_errors)
{
	pid_t pid = pt_traced(three_threads);
	lwpid_t mt, me;
	struct reg r;

	KT_CHECK(pid > 0, "no tracee");
	mt = main_tid(pid);
	PT_ERR(ESRCH, PT_GETREGS, mt + 5000, &r, 0);
	PT_ERR(ESRCH, PT_SUSPEND, 0x7ffffff0, 0, 0);
	thr_self((long *)&me);
	PT_ERR(EINVAL, PT_GETREGS, 0, &r, 0);
	PT_ERR(EPERM, PT_SUSPEND, me, 0, 0);
	PT_OK(PT_KILL, mt, 0, 0);
	PT_KILLED(pid, SIGKILL);
	PT_NOCHILD();
	return 0;
}

int
main(void)
{
	kt_suite("ptrace_threads");
	kt_run("lwp_list_and_info", lwp_list_and_info);
	kt_run("lwp_events", lwp_events);
	kt_run("no_lwp_events", no_lwp_events);
	kt_run("stop_all_and_suspend", stop_all_and_suspend);
	kt_run("regs_and_step_by_lwp", regs_and_step_by_lwp);
	kt_run("dbregs_per_thread", dbregs_per_thread);
	kt_run("lwp_errors", lwp_errors);
	return kt_finish();
}
