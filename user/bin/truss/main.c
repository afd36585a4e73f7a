/*
 * main.c - truss: trace the system calls and signals of a process.
 *
 *	truss [-aef] [-s strsize] command [args ...]
 *	truss [-aef] [-s strsize] -p pid
 *
 * The first form forks; the child asks to be traced (PT_TRACE_ME) and
 * execs the command, which stops with SIGTRAP once the new image is loaded.
 * The second attaches to a running process (PT_ATTACH, whose SIGSTOP stop is
 * not shown). From then on each resume is PT_SYSCALL, which stops the
 * tracee at the next system call entry or exit: at the entry truss decodes
 * the arguments the call reads, at the exit those it wrote and the result,
 * and prints the call (truss.h shows the format). Any other stop is a
 * signal: "SIGNAL 11 (SIGSEGV)", passed on to the process as it resumes.
 * The end is "process exit, rval = N" or "process killed, signal = N".
 *
 * With -f truss follows forks (PT_FOLLOW_FORK on every process it traces):
 * a new child is traced from its birth and shows as "<new process>", and
 * every line starts with the pid of the process it is about, "%5d: ", as
 * FreeBSD's truss -f writes it. truss ends when the last process is gone.
 *
 * Threads: each thread of a tracee has its own call in progress (one may
 * enter a call while another is inside one). A process that has more than
 * one thread gets every line prefixed with the id of the thread it is
 * about, "%6d: " (with -f: "pid/lwp: "), from its second thread on; a
 * process that never had a second thread prints as before, without it.
 *
 * Everything goes to the standard error, one write per line. SIGINT (and
 * SIGTERM, SIGQUIT) make truss let go of the process cleanly: a stopped
 * tracee is detached at once; a running one is stopped with SIGSTOP first
 * and that stop is swallowed, so it runs on untraced as if nothing happened.
 */
#include <err.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include "truss.h"

#define MAXTRACEES	16
#define MAXLWPS		8	/* calls in progress at once in one tracee */

struct truss_opts opts = { 32, 0, 0, 0 };
static volatile sig_atomic_t detaching;

/* The system call in progress: its description, words and decoded inputs. */
struct call {
	int			active;
	const struct sysdesc	*sc;
	uint32_t		args[6];
	char			*text[6];
};

/* A process truss traces. */
struct tracee {
	pid_t		pid;		/* 0: a free slot */
	int		attach_stop;	/* PT_ATTACH's SIGSTOP still to come */
	int		new;		/* a followed child: its first stop to come */
	int		following;	/* PT_FOLLOW_FORK set on it */
	int		threaded;	/* has had a second thread: lines say which */
	lwpid_t		lwp;		/* the thread the current stop is about */
	lwpid_t		lwps[MAXLWPS];	/* whose call each of calls[] is */
	struct call	calls[MAXLWPS];
};

static struct tracee tracees[MAXTRACEES];
static int ntracees;

static void
usage(void)
{
	fprintf(stderr, "usage: truss [-aef] [-s strsize] -p pid\n"
	    "       truss [-aef] [-s strsize] command [args]\n");
	exit(1);
}

/* With -f, each line says which process it is about; with threads, which thread. */
static void
prefix(struct text *t, const struct tracee *tr)
{
	if (opts.follow && tr->threaded)
		tprintf(t, "%5d/%d: ", (int)tr->pid, (int)tr->lwp);
	else if (opts.follow)
		tprintf(t, "%5d: ", (int)tr->pid);
	else if (tr->threaded)
		tprintf(t, "%6d: ", (int)tr->lwp);
}

/* One whole line about tr, in one write. */
static void
line(const struct tracee *tr, const char *fmt, ...)
{
	struct text t = { NULL, 0, 0 };
	char buf[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	prefix(&t, tr);
	tprintf(&t, "%s", buf);
	if (t.s != NULL)
		fputs(t.s, stderr);
	free(t.s);
}

static void
on_interrupt(int sig)
{
	(void)sig;
	detaching = 1;
}

/* name(args) padded with tabs to column 48, then result (NULL: none). */
static void
print_call(const struct tracee *tr, struct call *c, const char *result)
{
	struct text t = { NULL, 0, 0 };
	int i, tabs;

	prefix(&t, tr);
	tprintf(&t, "%s(", c->sc->name);
	for (i = 0; i < c->sc->nargs; i++)
		tprintf(&t, "%s%s", c->text[i] != NULL ? c->text[i] :
		    "<missing argument>", i + 1 < c->sc->nargs ? "," : "");
	tprintf(&t, ")");
	for (tabs = 6 - (int)t.len / 8; tabs > 0; tabs--)
		tprintf(&t, "\t");
	tprintf(&t, "%s\n", result != NULL ? result : "");
	if (t.s != NULL)
		fputs(t.s, stderr);
	free(t.s);
}

static void
end_call(struct call *c)
{
	int i;

	for (i = 0; i < 6; i++) {
		free(c->text[i]);
		c->text[i] = NULL;
	}
	c->active = 0;
}

/* A syscall entry stop: remember the call and decode what it reads. */
static void
enter_call(pid_t pid, const struct ptrace_lwpinfo *pl, struct call *c)
{
	int i;

	end_call(c);
	memset(c->args, 0, sizeof(c->args));
	if (pl->pl_syscall_narg > 0 &&
	    ptrace(PT_GET_SC_ARGS, pid, (caddr_t)c->args, sizeof(c->args)) < 0)
		return;
	c->sc = sys_lookup(pl->pl_syscall_code, pl->pl_syscall_narg);
	for (i = 0; i < c->sc->nargs; i++)
		if (!(c->sc->args[i].type & A_OUT))
			c->text[i] = format_arg(pid, &c->sc->args[i], c->args,
			    NULL);
	c->active = 1;
}

/* A syscall exit stop: decode what the call wrote, print it with the result. */
static void
exit_call(const struct tracee *tr, pid_t pid, struct call *c)
{
	struct ptrace_sc_ret sr;
	uint32_t ret[2];
	char result[160];
	int i;

	if (!c->active || ptrace(PT_GET_SC_RET, pid, (caddr_t)&sr,
	    sizeof(sr)) < 0) {
		end_call(c);
		return;
	}
	ret[0] = sr.sr_retval[0];
	ret[1] = sr.sr_retval[1];
	for (i = 0; i < c->sc->nargs; i++) {
		if (!(c->sc->args[i].type & A_OUT))
			continue;
		if (sr.sr_error != 0) {
			char addr[16];

			snprintf(addr, sizeof(addr), "0x%x",
			    c->args[c->sc->args[i].word]);
			c->text[i] = strdup(addr);
		} else {
			c->text[i] = format_arg(pid, &c->sc->args[i], c->args, ret);
		}
	}
	if (sr.sr_error == TRUSS_ERESTART)
		snprintf(result, sizeof(result), " ERESTART");
	else if (sr.sr_error == TRUSS_EJUSTRETURN)
		snprintf(result, sizeof(result), " EJUSTRETURN");
	else if (sr.sr_error != 0)
		snprintf(result, sizeof(result), " ERR#%d '%s'", sr.sr_error,
		    strerror(sr.sr_error));
	else if (c->sc->ret == R_OFF)
		snprintf(result, sizeof(result), " = %lld (0x%llx)",
		    (long long)ret[1] << 32 | ret[0],
		    (unsigned long long)ret[1] << 32 | ret[0]);
	else
		snprintf(result, sizeof(result), " = %d (0x%x)", (int)ret[0],
		    ret[0]);
	print_call(tr, c, result);
	end_call(c);
}

/* The call in progress of thread lwp of t (a free one if it has none). */
static struct call *
call_of(struct tracee *t, lwpid_t lwp)
{
	int i, free_slot = -1;

	for (i = 0; i < MAXLWPS; i++) {
		if (t->lwps[i] == lwp)
			return &t->calls[i];
		if (free_slot < 0 && !t->calls[i].active)
			free_slot = i;
	}
	if (free_slot < 0)
		errx(1, "more than %d threads in system calls at once", MAXLWPS);
	t->lwps[free_slot] = lwp;
	return &t->calls[free_slot];
}

static void
end_calls(struct tracee *t)
{
	int i;

	for (i = 0; i < MAXLWPS; i++) {
		end_call(&t->calls[i]);
		t->lwps[i] = 0;
	}
}

/*
 * The process is gone: its last call (exit) has no result. With threads,
 * the others may be inside calls that never end: only exit or thr_exit is
 * shown.
 */
static void
report_end(struct tracee *t, int st)
{
	int i;

	if (WIFEXITED(st)) {
		for (i = 0; i < MAXLWPS; i++)
			if (t->calls[i].active && (!t->threaded ||
			    strstr(t->calls[i].sc->name, "exit") != NULL)) {
				t->lwp = t->lwps[i];
				print_call(t, &t->calls[i], NULL);
			}
		line(t, "process exit, rval = %u\n", WEXITSTATUS(st));
	} else {
		line(t, "process killed, signal = %u%s\n", WTERMSIG(st),
		    WCOREDUMP(st) ? " (core dumped)" : "");
	}
	end_calls(t);
}

/* The tracee of pid, made if it is new (new: a followed child not yet seen). */
static struct tracee *
tracee(pid_t pid, int attached, int new)
{
	struct tracee *t, *free_slot = NULL;

	for (t = tracees; t < tracees + MAXTRACEES; t++) {
		if (t->pid == pid)
			return t;
		if (t->pid == 0 && free_slot == NULL)
			free_slot = t;
	}
	if (free_slot == NULL)
		errx(1, "more than %d processes to trace", MAXTRACEES);
	memset(free_slot, 0, sizeof(*free_slot));
	free_slot->pid = pid;
	free_slot->attach_stop = attached;
	free_slot->new = new;
	ntracees++;
	return free_slot;
}

/*
 * One stop of t, with signal sig: show it. Returns the signal to pass on
 * as the process resumes (0 for syscall, exec, fork and attach stops).
 */
static int
handle_stop(struct tracee *t, int sig)
{
	struct ptrace_lwpinfo pl;

	memset(&pl, 0, sizeof(pl));
	if (ptrace(PT_LWPINFO, t->pid, (caddr_t)&pl, sizeof(pl)) < 0)
		err(1, "ptrace(PT_LWPINFO)");
	t->lwp = pl.pl_lwpid;
	if (!t->threaded && ptrace(PT_GETNUMLWPS, t->pid, NULL, 0) > 1)
		t->threaded = 1;
	if (opts.follow && !t->following) {
		if (ptrace(PT_FOLLOW_FORK, t->pid, NULL, 1) < 0)
			err(1, "ptrace(PT_FOLLOW_FORK)");
		t->following = 1;
	}
	if (pl.pl_flags & PL_FLAG_CHILD) {
		t->new = 0;
		line(t, "<new process>\n");
		return 0;
	}
	if (sig == SIGTRAP && (pl.pl_flags & PL_FLAG_SCE)) {
		struct call *c = call_of(t, pl.pl_lwpid);

		enter_call(t->pid, &pl, c);
		if (c->active && strcmp(c->sc->name, "thr_exit") == 0) {
			print_call(t, c, NULL);	/* the thread ends: no exit stop */
			end_call(c);
		}
		return 0;
	}
	if (sig == SIGTRAP && (pl.pl_flags & PL_FLAG_SCX)) {
		if (pl.pl_flags & PL_FLAG_FORKED)
			tracee(pl.pl_child_pid, 0, 1);
		exit_call(t, t->pid, call_of(t, pl.pl_lwpid));
		return 0;
	}
	if (sig == SIGTRAP && (pl.pl_flags & PL_FLAG_VFORK_DONE))
		return 0;
	if (sig == SIGSTOP && t->attach_stop) {
		t->attach_stop = 0;
		return 0;
	}
	line(t, "SIGNAL %d (%s)\n", sig, signame(sig));
	return sig;
}

/* Wait for pid's next event (-1: any tracee's); the pid, or -1 if truss is told to let go meanwhile. */
static pid_t
next_event(pid_t pid, int *st, int interruptible)
{
	pid_t w;

	while ((w = waitpid(pid, st, 0)) < 0) {
		if (errno != EINTR)
			err(1, "waitpid");
		if (interruptible && detaching)
			return -1;
	}
	return w;
}

static void
forget(struct tracee *t)
{
	end_calls(t);
	t->pid = 0;
	ntracees--;
}

/*
 * Let go of a running tracee: stop it, swallow that stop, detach. Event
 * stops on the way are passed over; a followed child that has not made
 * its first stop yet is stopped already.
 */
static void
detach_running(struct tracee *t)
{
	struct ptrace_lwpinfo pl;
	int st, sig;

	if (!t->new)
		kill(t->pid, SIGSTOP);
	for (;;) {
		next_event(t->pid, &st, 0);
		if (!WIFSTOPPED(st)) {
			report_end(t, st);
			return;
		}
		sig = WSTOPSIG(st);
		memset(&pl, 0, sizeof(pl));
		ptrace(PT_LWPINFO, t->pid, (caddr_t)&pl, sizeof(pl));
		if (pl.pl_flags & PL_FLAG_CHILD)
			break;
		if (pl.pl_flags & (PL_FLAG_SCE | PL_FLAG_SCX | PL_FLAG_EXEC |
		    PL_FLAG_VFORK_DONE))
			sig = 0;
		else if (sig == SIGSTOP)
			break;
		ptrace(PT_CONTINUE, t->pid, (caddr_t)1, sig);
	}
	if (ptrace(PT_DETACH, t->pid, (caddr_t)1, 0) < 0)
		warn("cannot detach from %d", (int)t->pid);
}

/* truss was told to let go: of the tracee stopped now (sig pending), then the rest. */
static void
detach_all(struct tracee *stopped, int sig)
{
	struct tracee *t;

	if (stopped != NULL && ptrace(PT_DETACH, stopped->pid, (caddr_t)1,
	    sig) < 0)
		warn("cannot detach from %d", (int)stopped->pid);
	for (t = tracees; t < tracees + MAXTRACEES; t++) {
		if (t->pid == 0)
			continue;
		if (t != stopped)
			detach_running(t);
		forget(t);
	}
}

static void
trace(pid_t pid, int attached)
{
	struct tracee *t;
	int st, sig;
	pid_t w;

	tracee(pid, attached, 0);
	while (ntracees > 0) {
		if ((w = next_event(opts.follow ? -1 : pid, &st, 1)) < 0) {
			detach_all(NULL, 0);	/* interrupted */
			return;
		}
		t = tracee(w, 0, 0);
		if (!WIFSTOPPED(st)) {
			report_end(t, st);
			forget(t);
			continue;
		}
		sig = handle_stop(t, WSTOPSIG(st));
		if (detaching) {
			detach_all(t, sig);
			return;
		}
		if (ptrace(PT_SYSCALL, w, (caddr_t)1, sig) < 0)
			err(1, "ptrace(PT_SYSCALL)");
	}
}

static pid_t
start_command(char **argv)
{
	pid_t pid = fork();

	if (pid < 0)
		err(1, "fork");
	if (pid == 0) {
		if (ptrace(PT_TRACE_ME, 0, NULL, 0) < 0)
			err(1, "ptrace(PT_TRACE_ME)");
		execvp(argv[0], argv);
		err(1, "execvp %s", argv[0]);
	}
	return pid;
}

static void
catch_interrupts(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_interrupt;	/* no SA_RESTART: waitpid returns */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
}

int
main(int argc, char **argv)
{
	pid_t pid = 0;
	char *end;
	int c;

	while ((c = getopt(argc, argv, "aefp:s:")) != -1) {
		switch (c) {
		case 'a':
			opts.show_argv = 1;
			break;
		case 'e':
			opts.show_envp = 1;
			break;
		case 'f':
			opts.follow = 1;
			break;
		case 'p':
			pid = strtol(optarg, &end, 10);
			if (*end != '\0' || pid <= 0)
				errx(1, "bad pid '%s'", optarg);
			break;
		case 's':
			opts.strsize = strtol(optarg, &end, 10);
			if (*end != '\0' || opts.strsize < 0)
				errx(1, "bad string size '%s'", optarg);
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if ((pid == 0) == (argc == 0))
		usage();
	if (pid != 0) {
		if (ptrace(PT_ATTACH, pid, NULL, 0) < 0)
			err(1, "cannot attach to %d", (int)pid);
	} else {
		pid = start_command(argv);
	}
	catch_interrupts();
	trace(pid, argc == 0);
	return 0;
}
