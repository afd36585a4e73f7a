/*
 * proc.c - the inferior's life: run, attach, detach, kill, and the end.
 *
 * run forks; the child asks to be traced (PT_TRACE_ME) and execs the
 * program, which stops with SIGTRAP before its first instruction. That is
 * the moment the debug registers can be loaded and breakpoints planted, and
 * the program is then continued like any "continue". attach uses PT_ATTACH
 * and collects the SIGSTOP it sends; that SIGSTOP is not passed on.
 *
 * Between commands the inferior is always stopped with no int3 planted
 * (run.c plants them only while it runs), so detach only has to switch the
 * debug registers off. When dbg ends, a process it started is killed and an
 * attached one detached, as gdb does.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ptrace.h>
#include <sys/sysctl.h>
#include <sys/user.h>
#include <sys/wait.h>
#include "dbg.h"

/* 0 if there is a process to work on, else -1 and gdb's message. */
int
need_process(struct dbg *d)
{
	if (d->pid != 0)
		return 0;
	printf("The program is not being run.\n");
	return -1;
}

int
get_regs(struct dbg *d, struct reg *r)
{
	if (ptrace(PT_GETREGS, dbg_lwp(d), (caddr_t)r, 0) == 0)
		return 0;
	printf("Couldn't get registers: %s.\n", strerror(errno));
	return -1;
}

int
set_regs(struct dbg *d, struct reg *r, const char *what)
{
	if (ptrace(PT_SETREGS, dbg_lwp(d), (caddr_t)r, 0) == 0)
		return 0;
	printf("Couldn't write %s: %s.\n", what, strerror(errno));
	return -1;
}

/* The inferior exited or was killed: forget it and its planted state. */
void
inferior_gone(struct dbg *d)
{
	int i;

	catch_inferior_gone(d);
	d->pid = 0;
	d->attached = 0;
	d->pending_sig = 0;
	threads_forget(d);
	for (i = 0; i < d->nbpts; i++)
		d->bpts[i].inserted = 0;
}

/* A bare name is looked for in /bin, as the shell would. */
static char *
resolve(const char *name)
{
	char path[256];
	int fd;

	if (strchr(name, '/') != NULL)
		return strdup(name);
	snprintf(path, sizeof(path), "/bin/%s", name);
	if ((fd = open(path, O_RDONLY)) < 0)
		return strdup(name);
	close(fd);
	return strdup(path);
}

/* Make path the program (symbols, and argv[0] for run). 0 or -1. */
int
load_program(struct dbg *d, const char *name)
{
	char *path = resolve(name);

	if (path == NULL)
		return -1;
	printf("Reading symbols from %s...\n", path);
	types_free(d);
	dw_lines_free(&d->lines);
	dw_info_free(&d->info);
	d->list_file = -1;
	symtab_free(&d->syms);
	if (symtab_load(&d->syms, path) != 0) {
		free(path);
		return -1;
	}
	if (d->syms.file != NULL) {
		dw_lines_load(&d->lines, &d->syms.elf);
		dw_info_load(&d->info, &d->syms.elf);
	}
	free(d->prog);
	d->prog = path;
	d->args[0] = path;
	return 0;
}

void
cmd_file(struct dbg *d, char *a)
{
	char *name = cmd_word(&a);

	if (*name == '\0') {
		printf("Argument required (program to debug).\n");
		return;
	}
	load_program(d, name);
}

static void
kill_quietly(struct dbg *d)
{
	int status;

	ptrace(PT_KILL, d->pid, (caddr_t)1, 0);
	while (waitpid(d->pid, &status, 0) == d->pid && WIFSTOPPED(status))
		ptrace(PT_KILL, d->pid, (caddr_t)1, 0);
	inferior_gone(d);
}

/* Replace run's arguments with the words of a, if it has any. */
static void
set_args(struct dbg *d, char *a)
{
	char *w;
	int i;

	if (*cmd_trim(a) == '\0')
		return;
	for (i = 1; d->args[i] != NULL; i++) {
		free(d->args[i]);
		d->args[i] = NULL;
	}
	for (i = 1; i < DBG_MAXARGS && *(w = cmd_word(&a)) != '\0'; i++)
		d->args[i] = strdup(w);
}

static pid_t
start_traced(struct dbg *d)
{
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) != 0)
		return pid;
	if (ptrace(PT_TRACE_ME, 0, 0, 0) != 0) {
		printf("ptrace(PT_TRACE_ME): %s\n", strerror(errno));
		_exit(127);
	}
	signal(SIGINT, SIG_DFL);
	execv(d->prog, d->args);
	printf("%s: %s.\n", d->prog, strerror(errno));
	fflush(stdout);
	_exit(127);
}

/* run [PROG] [ARGS]: a first word with a '/' (or any, before "file") is PROG. */
void
cmd_run(struct dbg *d, char *a)
{
	struct stop st;
	char buf[256], *rest = buf, *first;
	int status, i;
	pid_t pid;

	strlcpy(buf, a, sizeof(buf));
	first = cmd_word(&rest);
	if (*first != '\0' && (d->prog == NULL || strchr(first, '/') != NULL)) {
		if (load_program(d, first) != 0)
			return;
		a += rest - buf;
	}
	if (d->prog == NULL) {
		printf("No executable file specified.\n"
		    "Use the \"file\" command or \"run PROG\".\n");
		return;
	}
	if (d->pid != 0) {
		printf("The program being debugged has been started already.\n"
		    "Start it from the beginning? (y or n) [answered Y%s]\n",
		    d->echo ? "; input not from terminal" : "");
		if (d->attached)
			cmd_detach(d, "");
		else
			kill_quietly(d);
	}
	set_args(d, a);
	printf("Starting program: %s", d->prog);
	for (i = 1; d->args[i] != NULL; i++)
		printf(" %s", d->args[i]);
	printf("\n");
	if ((pid = start_traced(d)) < 0) {
		printf("fork: %s.\n", strerror(errno));
		return;
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!WIFSTOPPED(status)) {
		printf("During startup program exited with code %d.\n",
		    WIFEXITED(status) ? WEXITSTATUS(status) :
		    128 + WTERMSIG(status));
		return;
	}
	d->pid = pid;
	d->attached = 0;
	d->pending_sig = 0;
	for (i = 0; i < d->nbpts; i++)
		d->bpts[i].hits = 0;
	watch_snapshot(d);
	if (dr_program(d, 0) != 0)
		return;
	while (resume(d, PT_CONTINUE, &st) == 0 && !report_stop(d, &st, 0))
		;
}

/* The program a process runs, for its symbols: /bin/COMM or /test/COMM. */
int
program_of_pid(pid_t pid, char *path, size_t plen)
{
	int mib[4] = { CTL_KERN, KERN_PROC, KERN_PROC_PID, pid };
	struct kinfo_proc kp;
	size_t len = sizeof(kp);
	int fd;

	if (sysctl(mib, 4, &kp, &len, NULL, 0) != 0)
		return -1;
	snprintf(path, plen, "/bin/%s", kp.ki_comm);
	if ((fd = open(path, O_RDONLY)) < 0)
		snprintf(path, plen, "/test/%s", kp.ki_comm);
	else
		close(fd);
	return 0;
}

void
cmd_attach(struct dbg *d, char *a)
{
	char *w = cmd_word(&a), *end, path[64];
	int status;
	long pid;

	if (*w == '\0') {
		printf("Argument required (process-id to attach).\n");
		return;
	}
	pid = strtol(w, &end, 0);
	if (*end != '\0' || pid <= 0) {
		printf("Illegal process-id: %s.\n", w);
		return;
	}
	if (d->pid != 0) {
		printf("A program is being debugged already (process %d).  "
		    "Detach or kill it first.\n", (int)d->pid);
		return;
	}
	if (ptrace(PT_ATTACH, pid, 0, 0) != 0) {
		printf("Cannot attach to process %ld: %s.\n", pid,
		    strerror(errno));
		return;
	}
	printf("Attaching to process %ld\n", pid);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!WIFSTOPPED(status)) {
		printf("Process %ld ended before it stopped.\n", pid);
		return;
	}
	d->pid = pid;
	d->attached = 1;
	d->pending_sig = WSTOPSIG(status) == SIGSTOP ? 0 : WSTOPSIG(status);
	if (d->prog == NULL && program_of_pid(pid, path, sizeof(path)) == 0)
		load_program(d, path);
	watch_snapshot(d);
	if (dr_program(d, 0) == 0)
		print_stop_location(d, 0);
}

static int
detach_quietly(struct dbg *d)
{
	struct dbreg none;
	pid_t pid = d->pid;

	memset(&none, 0, sizeof(none));
	ptrace(PT_SETDBREGS, pid, (caddr_t)&none, 0);
	if (ptrace(PT_DETACH, pid, (caddr_t)1, d->pending_sig) != 0) {
		printf("Can't detach process %d: %s.\n", (int)pid,
		    strerror(errno));
		return -1;
	}
	inferior_gone(d);
	return 0;
}

void
cmd_detach(struct dbg *d, char *a)
{
	pid_t pid = d->pid;

	(void)a;
	if (need_process(d) != 0)
		return;
	printf("Detaching from program: %s, process %d\n",
	    d->prog != NULL ? d->prog : "?", (int)pid);
	if (detach_quietly(d) == 0)
		printf("[Inferior 1 (process %d) detached]\n", (int)pid);
}

void
cmd_kill(struct dbg *d, char *a)
{
	pid_t pid = d->pid;

	(void)a;
	if (need_process(d) != 0)
		return;
	kill_quietly(d);
	printf("[Inferior 1 (process %d) killed]\n", (int)pid);
}

/* dbg is leaving: kill what it started, let go of what it attached to. */
void
proc_quit(struct dbg *d)
{
	if (d->pid == 0)
		return;
	if (d->attached)
		detach_quietly(d);
	else
		kill_quietly(d);
}
