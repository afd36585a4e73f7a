/*
 * main.c - truss: trace the system calls and signals of a process.
 *
 *	truss [-ae] [-s strsize] command [args ...]
 *	truss [-ae] [-s strsize] -p pid
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
 * Everything goes to the standard error, one write per line. SIGINT (and
 * SIGTERM, SIGQUIT) make truss let go of the process cleanly: a stopped
 * tracee is detached at once; a running one is stopped with SIGSTOP first
 * and that stop is swallowed, so it runs on untraced as if nothing happened.
 */
#include <err.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include "truss.h"

struct truss_opts opts = { 32, 0, 0 };
static volatile sig_atomic_t detaching;

/* The system call in progress: its description, words and decoded inputs. */
struct call {
	int			active;
	const struct sysdesc	*sc;
	uint32_t		args[6];
	char			*text[6];
};

static void
usage(void)
{
	fprintf(stderr, "usage: truss [-ae] [-s strsize] -p pid\n"
	    "       truss [-ae] [-s strsize] command [args]\n");
	exit(1);
}

static void
on_interrupt(int sig)
{
	(void)sig;
	detaching = 1;
}

/* name(args) padded with tabs to column 48, then result (NULL: none). */
static void
print_call(struct call *c, const char *result)
{
	struct text t = { NULL, 0, 0 };
	int i, tabs;

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
exit_call(pid_t pid, struct call *c)
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
	print_call(c, result);
	end_call(c);
}

/* The process is gone: its last call (exit) has no result. */
static void
report_end(struct call *c, int st)
{
	if (WIFEXITED(st)) {
		if (c->active)
			print_call(c, NULL);
		fprintf(stderr, "process exit, rval = %u\n", WEXITSTATUS(st));
	} else {
		fprintf(stderr, "process killed, signal = %u%s\n", WTERMSIG(st),
		    WCOREDUMP(st) ? " (core dumped)" : "");
	}
	end_call(c);
}

/*
 * One stop of pid, with signal sig: show it. Returns the signal to pass on
 * as the process resumes (0 for syscall, exec and attach stops).
 */
static int
handle_stop(pid_t pid, int sig, struct call *c, int *attach_stop)
{
	struct ptrace_lwpinfo pl;

	memset(&pl, 0, sizeof(pl));
	if (ptrace(PT_LWPINFO, pid, (caddr_t)&pl, sizeof(pl)) < 0)
		err(1, "ptrace(PT_LWPINFO)");
	if (sig == SIGTRAP && (pl.pl_flags & PL_FLAG_SCE)) {
		enter_call(pid, &pl, c);
		return 0;
	}
	if (sig == SIGTRAP && (pl.pl_flags & PL_FLAG_SCX)) {
		exit_call(pid, c);
		return 0;
	}
	if (sig == SIGTRAP && (pl.pl_flags & PL_FLAG_EXEC))
		return 0;		/* the command's exec: nothing to show */
	if (sig == SIGSTOP && *attach_stop) {
		*attach_stop = 0;
		return 0;
	}
	fprintf(stderr, "SIGNAL %d (%s)\n", sig, signame(sig));
	return sig;
}

/* Wait for pid's next event; -1 if truss is told to let go meanwhile. */
static int
next_event(pid_t pid, int *st, int interruptible)
{
	while (waitpid(pid, st, 0) < 0) {
		if (errno != EINTR)
			err(1, "waitpid");
		if (interruptible && detaching)
			return -1;
	}
	return 0;
}

/* Let go of a running tracee: stop it, swallow that stop, detach. */
static void
detach_running(pid_t pid, struct call *c)
{
	struct ptrace_lwpinfo pl;
	int st, sig;

	kill(pid, SIGSTOP);
	for (;;) {
		next_event(pid, &st, 0);
		if (!WIFSTOPPED(st)) {
			report_end(c, st);
			return;
		}
		sig = WSTOPSIG(st);
		memset(&pl, 0, sizeof(pl));
		ptrace(PT_LWPINFO, pid, (caddr_t)&pl, sizeof(pl));
		if (pl.pl_flags & (PL_FLAG_SCE | PL_FLAG_SCX | PL_FLAG_EXEC))
			sig = 0;
		else if (sig == SIGSTOP)
			break;
		ptrace(PT_CONTINUE, pid, (caddr_t)1, sig);
	}
	if (ptrace(PT_DETACH, pid, (caddr_t)1, 0) < 0)
		warn("cannot detach from %d", (int)pid);
	end_call(c);
}

static void
trace(pid_t pid, int attached)
{
	struct call c;
	int st, sig, attach_stop = attached;

	memset(&c, 0, sizeof(c));
	for (;;) {
		if (next_event(pid, &st, 1) < 0) {
			detach_running(pid, &c);	/* interrupted */
			return;
		}
		if (!WIFSTOPPED(st)) {
			report_end(&c, st);
			return;
		}
		sig = handle_stop(pid, WSTOPSIG(st), &c, &attach_stop);
		if (detaching) {
			if (ptrace(PT_DETACH, pid, (caddr_t)1, sig) < 0)
				warn("cannot detach from %d", (int)pid);
			end_call(&c);
			return;
		}
		if (ptrace(PT_SYSCALL, pid, (caddr_t)1, sig) < 0)
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

	while ((c = getopt(argc, argv, "aep:s:")) != -1) {
		switch (c) {
		case 'a':
			opts.show_argv = 1;
			break;
		case 'e':
			opts.show_envp = 1;
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
