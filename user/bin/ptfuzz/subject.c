/*
 * subject.c - the processes the requests are aimed at.
 *
 * Two subjects run subject_main(), a loop of system calls, memory writes,
 * x87 and SSE work and a SIGUSR1 to itself now and then (a stop point when
 * traced). Subject 0 starts traced (PT_TRACE_ME), subject 1 untraced, so
 * that PT_ATTACH has something to take. Each is the leader of its own
 * process group, so whatever it forks (a mutated EIP can land anywhere,
 * fork included) goes when the group is killed; and each runs as uid 1000,
 * so that wherever its EIP lands it cannot reboot the machine or signal a
 * process outside the run (the fuzzer, as root, still traces it). Its
 * output goes to /dev/null: a subject is a copy of the fuzzer, and one
 * whose %eip lands in the fuzzer's own code would print the fuzzer's
 * messages, even a FAIL that is not the fuzzer's (main.c ignores those).
 *
 * After a request that may have set a traced subject running, the fuzzer
 * brings it back to a collected stop (subject_settle): it waits a little
 * for the next stop, sends SIGSTOP if none comes, SIGCONT if the stop was a
 * job-control one the tracer cannot use, and starts a new subject if it
 * died. A subject that cannot be brought to a stop is a failure.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/kinfo.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <sched.h>
#include <unistd.h>
#include "ptfuzz.h"

#define SUBJECT_UID	1000

volatile uint32_t subject_data[1024];
static pid_t subject_self;

static void
on_signal(int sig)
{
	subject_data[sig]++;
}

/* The workload: touches memory, the FPU and the kernel, stops now and then. */
int
subject_main(void)
{
	static const uint32_t one[4] __attribute__((aligned(16))) = {
		0x3f800000, 0x3f800000, 0x3f800000, 0x3f800000
	};
	int sse = kinfo(KINFO_CPUFEATURES) & KCPU_SSE;
	uint32_t i, x;

	subject_self = getpid();
	signal(SIGUSR1, on_signal);
	signal(SIGUSR2, on_signal);
	signal(SIGALRM, on_signal);
	for (i = 0;; i++) {
		if (getpid() != subject_self)
			_exit(0);	/* a fork it made by accident */
		subject_data[i % 1024] = i;
		__asm__ volatile("fld1\n\tfistpl %0" : "=m"(x));
		if (sse)
			__asm__ volatile("movaps %0, %%xmm1\n\t"
			    "addps %%xmm1, %%xmm0" : : "m"(one));
		if (i % 16 == 0)
			kill(subject_self, SIGUSR1);
		sched_yield();
	}
}

/* The next event of pid within a few milliseconds: 1 (and *st), 0, or -1. */
static int
wait_event(pid_t pid, int *st)
{
	int i, r;

	for (i = 0; i < 250; i++) {
		r = waitpid(pid, st, WNOHANG);
		if (r == pid)
			return 1;
		if (r < 0 && errno != EINTR)
			return -1;
		if (i < 50)
			sched_yield();
		else
			usleep(1000);
	}
	return 0;
}

/*
 * A new subject's first steps, before the fuzzer may aim a request at it
 * (it waits for the byte on fd ready): a PT_ATTACH and a mutated register
 * image any earlier could turn the still-root copy of the fuzzer into a
 * second fuzzer (a fork() returning garbage in the child looks like the
 * parent's). Output to /dev/null: wherever a mutated %eip lands later,
 * the fuzzer's report stays its own.
 */
static void
subject_setup(int ready)
{
	int null = open("/dev/null", O_RDWR);

	close(1);
	close(2);
	if (null >= 0) {
		dup2(null, 1);
		dup2(null, 2);
		close(null);
	}
	setpgid(0, 0);
	if (getuid() == 0 &&
	    (setgid(SUBJECT_UID) < 0 || setuid(SUBJECT_UID) < 0))
		_exit(126);
	write(ready, "", 1);
	close(ready);
}

static void
start(struct fuzz *f, struct subject *s)
{
	int st, ready[2];
	pid_t pid;
	char c;

	if (s->pid > 0) {
		kill(-s->pid, SIGKILL);
		while (waitpid(s->pid, &st, 0) == s->pid && WIFSTOPPED(st))
			;
		f->gone = s->pid;
	}
	s->pid = 0;
	s->state = S_GONE;
	s->idle = 0;
	if (pipe(ready) < 0)
		return;			/* no file now: next time */
	if ((pid = fork()) < 0) {
		close(ready[0]);
		close(ready[1]);
		return;			/* no memory or slot now: next time */
	}
	if (pid == 0) {
		close(ready[0]);
		subject_setup(ready[1]);
		if (s->traced_born) {
			ptrace(PT_TRACE_ME, 0, NULL, 0);
			kill(getpid(), SIGSTOP);
		}
		_exit(subject_main());
	}
	close(ready[1]);
	read(ready[0], &c, 1);		/* set up, or dead: EOF */
	close(ready[0]);
	setpgid(pid, pid);
	s->pid = pid;
	s->state = S_UNTRACED;
	if (s->traced_born)
		subject_settle(f, s);
}

void
subjects_start(struct fuzz *f)
{
	pid_t z;
	int st;

	f->subj[0].traced_born = 1;
	start(f, &f->subj[0]);
	start(f, &f->subj[1]);
	if ((z = fork()) == 0)
		_exit(0);
	f->zombie = z;
	if ((z = fork()) == 0)
		_exit(0);
	waitpid(z, &st, 0);
	f->gone = z;
}

/*
 * A subject's mutated %eip can run anything of the fuzzer's, setpgid() and
 * fork() included, so processes escape the subjects' groups and live on,
 * orphaned, as SUBJECT_UID, until they fill the process table. One
 * kill(-1) made as that uid ends them all (it spares the caller); init
 * reaps them. main.c does it with subjects_end() every 1,000 requests.
 */
static void
sweep_uid(void)
{
	int st;
	pid_t pid = fork();

	if (pid == 0) {
		if (setgid(SUBJECT_UID) == 0 && setuid(SUBJECT_UID) == 0)
			kill(-1, SIGKILL);
		_exit(0);
	}
	if (pid > 0)
		waitpid(pid, &st, 0);
}

/* Kill every subject and its group, reap them and the zombie, then the rest. */
void
subjects_end(struct fuzz *f)
{
	int i, st;

	for (i = 0; i < NSUBJ; i++) {
		if (f->subj[i].pid <= 0)
			continue;
		kill(-f->subj[i].pid, SIGKILL);
		kill(f->subj[i].pid, SIGKILL);
		while (waitpid(f->subj[i].pid, &st, 0) == f->subj[i].pid &&
		    WIFSTOPPED(st))
			;
		f->subj[i].pid = 0;
	}
	waitpid(f->zombie, &st, 0);
	sweep_uid();
}

struct subject *
subject_of(struct fuzz *f, pid_t pid)
{
	int i;

	for (i = 0; i < NSUBJ; i++)
		if (pid > 0 && f->subj[i].pid == pid)
			return &f->subj[i];
	return NULL;
}

/* Can the tracer work on it now (traced by us, stopped, stop collected)? */
static int
usable(pid_t pid)
{
	struct ptrace_lwpinfo pl;

	return ptrace(PT_LWPINFO, pid, (caddr_t)&pl, sizeof(pl)) == 0;
}

/* Bring a traced subject that may be running back to a collected stop. */
void
subject_settle(struct fuzz *f, struct subject *s)
{
	int k, st, r;

	for (k = 0; k < 6; k++) {
		r = wait_event(s->pid, &st);
		if (r < 0 || (r > 0 && !WIFSTOPPED(st))) {
			f->respawns++;
			start(f, s);
			return;
		}
		if (r == 0) {
			kill(s->pid, k < 3 ? SIGSTOP : SIGCONT);
			continue;
		}
		if (usable(s->pid)) {
			s->state = S_STOPPED;
			s->idle = 0;
			return;
		}
		kill(s->pid, SIGCONT);	/* a job-control stop: no use to us */
	}
	fuzz_fail(f, "subject %d can be neither stopped nor collected", s->pid);
}

/*
 * Has a stopped subject died since its stop was collected? Any process of
 * SUBJECT_UID may kill it, and one running the fuzzer's code by a mutated
 * %eip can. Then it is replaced, as after any death.
 */
int
subject_died(struct fuzz *f, struct subject *s)
{
	int st;

	if (waitpid(s->pid, &st, WNOHANG) != s->pid || WIFSTOPPED(st))
		return 0;
	f->respawns++;
	start(f, s);
	return 1;
}

/*
 * Before each request: a subject that died untraced is replaced; one left
 * untraced for long is attached again, so the requests keep finding work.
 */
void
subject_tend(struct fuzz *f, struct subject *s)
{
	int st;

	if (s->pid <= 0) {
		start(f, s);
		return;
	}
	if (s->state != S_UNTRACED)
		return;
	if (waitpid(s->pid, &st, WNOHANG) == s->pid && !WIFSTOPPED(st)) {
		f->respawns++;
		start(f, s);
		return;
	}
	if (++s->idle > 200 && ptrace(PT_ATTACH, s->pid, NULL, 0) == 0)
		subject_settle(f, s);
}
