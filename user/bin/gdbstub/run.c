/*
 * run.c - run control: starting or attaching to the program, resuming it
 * ('c', 's', 'C', 'S', vCont), waiting for its next stop, and the stop
 * replies gdb expects; kill and detach.
 *
 * While the program runs, the stub polls: waitpid(WNOHANG) for a stop, and
 * the line for gdb's interrupt byte, which becomes a SIGINT to the program
 * (so gdb reports "Program received signal SIGINT"). The first polls only
 * yield the processor, so a single step is answered at once; after that the
 * stub sleeps between polls and costs next to nothing.
 *
 * A stop is described once (struct stop) from the wait status and, for
 * SIGTRAP, from DR6 and the software breakpoint table:
 *   - a debug register hit: "watch:ADDR;", "rwatch:ADDR;", "awatch:ADDR;"
 *     or "hwbreak:;";
 *   - the int3 of one of our breakpoints: the program counter is moved back
 *     onto the breakpoint and the reply says "swbreak:;" (when gdb asked for
 *     these reasons; otherwise gdb moves the PC back itself);
 *   - a finished single step, or anything else: just the signal.
 * Resuming from the address of a planted breakpoint first steps the one
 * instruction with the original byte back in place, then plants it again.
 */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include "gdbstub.h"

#define SPIN_YIELDS	200
#define POLL_US		5000
#define DR6_BS		0x4000U		/* single step */

struct stop {
	int		status;		/* from waitpid */
	int		slot;		/* debug register that fired, or -1 */
	uint32_t	dr6;
};

static void
record_end(struct stub *s, int status)
{
	s->tg.alive = 0;
	s->tg.status = status;
	if (WIFEXITED(status))
		snprintf(s->tg.stop, sizeof(s->tg.stop), "W%02x",
		    WEXITSTATUS(status));
	else
		snprintf(s->tg.stop, sizeof(s->tg.stop), "X%02x",
		    sig_to_gdb(WTERMSIG(status)));
}

/* "Tss" with the thread, the registers gdb needs first, and the reason. */
static void
set_stop(struct stub *s, int sig, const char *reason)
{
	unsigned char img[REGS_MAX_BYTES];
	char sp[9], fp[9], pc[9];
	int n;

	n = snprintf(s->tg.stop, sizeof(s->tg.stop), "T%02xthread:%x;",
	    sig_to_gdb(sig), (unsigned)(s->tg.stopped != 0 ? s->tg.stopped :
	    s->tg.pid));
	if (regs_to_image(s, img) == 0) {
		hex_encode(sp, img + 4 * 4, 4);
		hex_encode(fp, img + 5 * 4, 4);
		hex_encode(pc, img + 8 * 4, 4);
		n += snprintf(s->tg.stop + n, sizeof(s->tg.stop) - n,
		    "04:%s;05:%s;08:%s;", sp, fp, pc);
	}
	snprintf(s->tg.stop + n, sizeof(s->tg.stop) - n, "%s", reason);
}

/*
 * Wait until the program stops or ends. 0, or -1 if it cannot be waited
 * for any more (it is then taken as killed).
 */
static int
wait_stop(struct stub *s, struct stop *st)
{
	int spins = 0, interrupted = 0;
	pid_t w;

	for (;;) {
		w = waitpid(s->tg.pid, &st->status, WNOHANG);
		if (w == s->tg.pid)
			break;
		if (w < 0 && errno != EINTR) {
			st->status = SIGKILL;	/* the wait status of a kill */
			break;
		}
		if (!interrupted && rsp_interrupted(&s->rsp)) {
			kill(s->tg.pid, SIGINT);
			interrupted = 1;
		}
		if (++spins < SPIN_YIELDS)
			sched_yield();
		else
			usleep(POLL_US);
	}
	s->rc.valid = 0;
	st->slot = -1;
	st->dr6 = 0;
	if (!WIFSTOPPED(st->status)) {
		record_end(s, st->status);
		return -1;
	}
	threads_stopped(s);
	if (WSTOPSIG(st->status) == SIGTRAP)
		st->slot = hw_hit(s, &st->dr6);
	return 0;
}

/* Did this stop just finish a step, with nothing else to report? */
static int
plain_step(const struct stop *st)
{
	return WIFSTOPPED(st->status) && WSTOPSIG(st->status) == SIGTRAP &&
	    st->slot < 0 && (st->dr6 & DR6_BS);
}

/* Turn a stop into the reply gdb gets (kept in tg.stop for '?'). */
static void
describe(struct stub *s, const struct stop *st)
{
	char reason[32] = "";
	uint32_t pc;
	int sig;

	if (!s->tg.alive)
		return;
	sig = WSTOPSIG(st->status);
	if (sig == SIGTRAP && st->slot >= 0) {
		const struct hwslot *h = &s->hw[st->slot];

		if (h->type != HW_EXEC)
			snprintf(reason, sizeof(reason), "%s:%x;",
			    hw_reason(h->type), h->addr);
		else if (s->gdb_hwbreak)
			snprintf(reason, sizeof(reason), "hwbreak:;");
	} else if (sig == SIGTRAP && !plain_step(st) && s->gdb_swbreak) {
		pc = regs_pc(s);
		if (sw_at(s, pc - 1) != NULL && regs_set_pc(s, pc - 1) == 0)
			snprintf(reason, sizeof(reason), "swbreak:;");
	}
	set_stop(s, sig, reason);
}

/*
 * One step from a planted breakpoint with its original byte in place.
 * 0 when the program stopped (the breakpoint is back), -1 when it ended,
 * -2 (errno set) when the step could not be made.
 */
static int
step_over(struct stub *s, struct swbreak *b, int sig, struct stop *st)
{
	int error;

	if ((error = sw_lift(s, b)) != 0) {
		errno = error;
		return -2;
	}
	if (ptrace(PT_STEP, tg_step_lwp(s), (caddr_t)1, sig) < 0) {
		error = errno;
		sw_plant(s, b);
		errno = error;
		return -2;
	}
	s->rc.valid = 0;
	if (wait_stop(s, st) < 0)
		return -1;
	sw_plant(s, b);
	return 0;
}

/*
 * PT_SUSPEND (or PT_RESUME) every thread but keep: a vCont step of one
 * thread that leaves the others where they are.
 */
static void
suspend_others(struct stub *s, lwpid_t keep, int req)
{
	lwpid_t ids[64];
	int n = ptrace(PT_GETLWPLIST, s->tg.pid, (caddr_t)ids, 64), i;

	for (i = 0; i < n; i++)
		if (ids[i] != keep)
			ptrace(req, ids[i], NULL, 0);
}

/* Run the program (one instruction if step) with signal sig; reply its next stop. */
static void
resume(struct stub *s, int step, int sig)
{
	struct swbreak *b = sw_at(s, regs_pc(s));
	struct stop st;
	int r;

	if (b != NULL) {
		if ((r = step_over(s, b, sig, &st)) == -2) {
			reply_error(&s->rsp, errno);
			return;
		}
		if (r < 0 || step || !plain_step(&st)) {
			describe(s, &st);
			reply(&s->rsp, "%s", s->tg.stop);
			return;
		}
		sig = 0;	/* delivered with the step */
	}
	if (step && s->tg.lock_step)
		suspend_others(s, tg_step_lwp(s), PT_SUSPEND);
	if (ptrace(step ? PT_STEP : PT_CONTINUE, step ? tg_step_lwp(s) :
	    s->tg.pid, (caddr_t)1, sig) < 0) {
		reply_error(&s->rsp, errno);
		return;
	}
	s->rc.valid = 0;
	if (wait_stop(s, &st) == 0) {
		if (step && s->tg.lock_step)
			suspend_others(s, 0, PT_RESUME);
		describe(s, &st);
	}
	s->tg.lock_step = 0;
	reply(&s->rsp, "%s", s->tg.stop);
}

/* 'c', 's', 'C', 'S': gsig is gdb's signal number; addr, if given, the new PC. */
void
handle_resume(struct stub *s, int step, int gsig, const char *addr)
{
	int sig = sig_from_gdb(gsig), error;
	uint32_t pc;
	const char *end;

	if (!s->tg.alive) {
		reply(&s->rsp, "%s", s->tg.stop);
		return;
	}
	if (sig < 0) {
		reply_error(&s->rsp, 1);
		return;
	}
	if (addr != NULL && *addr != '\0') {
		if ((end = hex_parse(addr, &pc)) == NULL || *end != '\0') {
			reply_error(&s->rsp, 1);
			return;
		}
		if ((error = regs_set_pc(s, pc)) != 0) {
			reply_error(&s->rsp, error);
			return;
		}
	}
	resume(s, step, sig);
}

/*
 * "vCont;ACTION[:TID];...". A step of one thread ("s:TID") steps that
 * thread; the others continue if a later action without a thread says
 * "c", and stay stopped otherwise (gdb's scheduler locking). A bare "c"
 * or "s" is about the stopped thread. The signal is the step's, or the
 * continue's.
 */
void
handle_vcont(struct stub *s, const char *p)
{
	uint32_t gsig = 0, sig = 0, stepsig = 0;
	int step = 0, cont = 0;
	lwpid_t tid, step_tid = 0;

	while (*p == ';') {
		const char *act = ++p, *end = p + strcspn(p, ";"), *t;

		p = end;
		tid = 0;
		t = memchr(act, ':', end - act);
		if (t != NULL && (parse_tid(s, t + 1, &t, &tid) != 0 || t != end))
			continue;	/* not a thread of ours */
		if ((act[0] == 'C' || act[0] == 'S') &&
		    (hex_parse(act + 1, &gsig) == NULL || gsig > 255)) {
			reply_error(&s->rsp, 1);
			return;
		}
		if ((act[0] == 's' || act[0] == 'S') && !step) {
			step = 1;
			step_tid = tid;
			stepsig = act[0] == 'S' ? gsig : 0;
		} else if ((act[0] == 'c' || act[0] == 'C') && !cont) {
			cont = 1;
			sig = act[0] == 'C' ? gsig : 0;
		}
	}
	if (!step && !cont) {
		reply_error(&s->rsp, 1);
		return;
	}
	s->tg.step_tid = step ? step_tid : 0;
	s->tg.lock_step = step && step_tid != 0 && !cont;
	handle_resume(s, step, step ? stepsig : sig, NULL);
}

/* Start argv[0] stopped at its first instruction, traced by us. */
int
target_start(struct stub *s, char **argv)
{
	struct stop st;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		ptrace(PT_TRACE_ME, 0, NULL, 0);
		execvp(argv[0], argv);
		fprintf(stderr, "gdbstub: cannot run %s: %s\n", argv[0],
		    strerror(errno));
		_exit(127);
	}
	s->tg.pid = pid;
	s->tg.alive = 1;
	if (wait_stop(s, &st) < 0)
		return -1;
	set_stop(s, WSTOPSIG(st.status), "");
	return 0;
}

/* Trace the running process pid; it stops with SIGSTOP, reported as signal 0. */
int
target_attach(struct stub *s, pid_t pid)
{
	struct stop st;

	if (ptrace(PT_ATTACH, pid, NULL, 0) < 0)
		return -1;
	s->tg.pid = pid;
	s->tg.alive = 1;
	s->tg.attached = 1;
	if (wait_stop(s, &st) < 0)
		return -1;
	set_stop(s, WSTOPSIG(st.status) == SIGSTOP ? 0 : WSTOPSIG(st.status), "");
	return 0;
}

void
target_kill(struct stub *s)
{
	struct stop st;

	if (!s->tg.alive)
		return;
	if (ptrace(PT_KILL, s->tg.pid, NULL, 0) < 0)
		kill(s->tg.pid, SIGKILL);
	while (wait_stop(s, &st) == 0)
		ptrace(PT_CONTINUE, s->tg.pid, (caddr_t)1, 0);
}

/* Take the breakpoints out and let the program run on, untraced. */
int
target_detach(struct stub *s)
{
	if (!s->tg.alive)
		return 0;
	bp_clear_all(s);
	if (ptrace(PT_DETACH, s->tg.pid, (caddr_t)1, 0) < 0)
		return errno;
	s->tg.detached = 1;
	return 0;
}

/* The program's end as an exit status: its code, or 128 + the signal. */
int
target_exit_code(const struct stub *s)
{
	if (WIFEXITED(s->tg.status))
		return WEXITSTATUS(s->tg.status);
	return 128 + WTERMSIG(s->tg.status);
}
