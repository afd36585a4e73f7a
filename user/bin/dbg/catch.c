/*
 * catch.c - catchpoints and following forks: catch fork, catch vfork,
 * catch exec, catch syscall, set/show follow-fork-mode, in gdb's words.
 *
 * dbg asks the kernel for the events it needs with the ptrace event mask,
 * set before every resume: exec (always), fork and vfork following
 * (PTRACE_FORK, PTRACE_VFORK: always, so a child never runs off with our
 * int3 bytes), and the system call stops (PTRACE_SYSCALL) while a syscall
 * catchpoint exists and the program is continued, not stepped. An event
 * stop nobody asked to see is passed over inside resume(); the others end
 * the command like a breakpoint.
 *
 * A fork stops the parent (PL_FLAG_FORKED, pl_child_pid) and the child
 * (its SIGSTOP, PL_FLAG_CHILD), both traced. The child's copy of memory
 * has the int3s the parent had planted: they come out at once. The next
 * resume decides, by follow-fork-mode: "parent" detaches the child,
 * "child" detaches the parent and debugs the child from there. A vfork
 * child shares its parent's memory until it execs or exits, so while that
 * lasts no int3 is planted in it: following the parent, the parent runs
 * without them until its PL_FLAG_VFORK_DONE stop; following the child,
 * the child runs without them until its exec.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "dbg.h"
#include "bin/truss/truss.h"

/* The name of system call code, or NULL (truss's table). */
static const char *
sys_name(int code)
{
	if (code < 0 || code >= SYS_MAXSYSCALL)
		return NULL;
	return truss_syscalls[code].name;
}

static int
sys_number(const char *name)
{
	int i;

	for (i = 0; i < SYS_MAXSYSCALL; i++)
		if (truss_syscalls[i].name != NULL &&
		    strcmp(truss_syscalls[i].name, name) == 0)
			return i;
	return -1;
}

static struct catchpt *
catch_add(struct dbg *d, enum catchkind kind)
{
	struct catchpt *c;

	if (d->ncatches == DBG_MAXCATCH) {
		printf("Too many catchpoints (%d).\n", DBG_MAXCATCH);
		return NULL;
	}
	c = &d->catches[d->ncatches++];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->num = ++d->next_num;
	return c;
}

/* catch syscall [NAME|NUMBER ...]: every call, or those. */
static void
catch_syscall(struct dbg *d, char *a)
{
	int sys[DBG_MAXSYS], n = 0, i, num;
	struct catchpt *c;
	char *w, *end;

	while (*(w = cmd_word(&a)) != '\0') {
		num = strtol(w, &end, 10);
		if (*end != '\0' || num < 0)
			num = sys_number(w);
		if (num < 0) {
			printf("Unknown syscall name '%s'.\n", w);
			return;
		}
		if (n == DBG_MAXSYS) {
			printf("Too many system calls (%d).\n", DBG_MAXSYS);
			return;
		}
		sys[n++] = num;
	}
	if ((c = catch_add(d, CATCH_SYSCALL)) == NULL)
		return;
	memcpy(c->sys, sys, sizeof(sys));
	c->nsys = n;
	if (n == 0) {
		printf("Catchpoint %d (any syscall)\n", c->num);
		return;
	}
	printf("Catchpoint %d (syscall%s", c->num, n > 1 ? "s" : "");
	for (i = 0; i < n; i++)
		if (sys_name(sys[i]) != NULL)
			printf(" '%s' [%d]", sys_name(sys[i]), sys[i]);
		else
			printf(" %d", sys[i]);
	printf(")\n");
}

void
cmd_catch(struct dbg *d, char *a)
{
	static const char *const names[] = { "fork", "vfork", "exec" };
	char *w = cmd_word(&a);
	struct catchpt *c;
	int k;

	if (*w == '\0') {
		printf("\"catch\" must be followed by the name of a catch "
		    "subcommand.\nList of catch subcommands:\n\n"
		    "catch exec -- Catch calls to exec.\n"
		    "catch fork -- Catch calls to fork.\n"
		    "catch syscall -- Catch system calls by their names "
		    "and/or numbers.\n"
		    "catch vfork -- Catch calls to vfork.\n");
		return;
	}
	if (strcmp(w, "syscall") == 0) {
		catch_syscall(d, a);
		return;
	}
	for (k = 0; k < 3; k++)
		if (strcmp(w, names[k]) == 0)
			break;
	if (k == 3) {
		printf("Undefined catch command: \"%s\".  Try \"help catch\".\n",
		    w);
		return;
	}
	if (*cmd_trim(a) != '\0') {
		printf("Junk at end of arguments.\n");
		return;
	}
	if ((c = catch_add(d, (enum catchkind)k)) != NULL)
		printf("Catchpoint %d (%s)\n", c->num, names[k]);
}

struct catchpt *
catch_by_number(struct dbg *d, int num)
{
	int i;

	for (i = 0; i < d->ncatches; i++)
		if (d->catches[i].num == num)
			return &d->catches[i];
	return NULL;
}

void
catch_remove(struct dbg *d, struct catchpt *c)
{
	int i = c - d->catches;

	memmove(c, c + 1, (d->ncatches - i - 1) * sizeof(*c));
	d->ncatches--;
}

/* One line of info breakpoints (and its hit count). */
void
catch_print_row(struct dbg *d, const struct catchpt *c)
{
	static const char *const names[] = { "fork", "vfork", "exec" };
	int i;

	(void)d;
	printf("%-7d %-15s keep y              ", c->num, "catchpoint");
	if (c->kind == CATCH_SYSCALL) {
		printf("syscall%s \"", c->nsys > 1 ? "s" : "");
		if (c->nsys == 0)
			printf("<any syscall>");
		for (i = 0; i < c->nsys; i++)
			if (sys_name(c->sys[i]) != NULL)
				printf("%s%s", i ? ", " : "", sys_name(c->sys[i]));
			else
				printf("%s%d", i ? ", " : "", c->sys[i]);
		printf("\" \n");
	} else if (c->kind == CATCH_EXEC && c->hits > 0)
		printf("exec, program \"%s\"\n", c->prog);
	else if (c->hits > 0)
		printf("%s, process %d\n", names[c->kind], (int)c->pid);
	else
		printf("%s\n", names[c->kind]);
	if (c->hits > 0)
		printf("\tcatchpoint already hit %d time%s\n", c->hits,
		    c->hits == 1 ? "" : "s");
}

/*
 * set follow-fork-mode parent|child. 1 if a is about following forks
 * (and done, or refused with gdb's message), 0 for another setting.
 */
int
catch_set(struct dbg *d, char *a)
{
	char *w = cmd_word(&a);

	if (strcmp(w, "follow-fork-mode") != 0)
		return 0;
	w = cmd_word(&a);
	if (*w == '\0')
		printf("Requires an argument. Valid arguments are parent, "
		    "child.\n");
	else if (strcmp(w, "parent") == 0 || strcmp(w, "child") == 0)
		d->follow_child = strcmp(w, "child") == 0;
	else
		printf("Undefined item: \"%s\".\n", w);
	return 1;
}

void
cmd_show(struct dbg *d, char *a)
{
	char *w = cmd_word(&a);

	if (strcmp(w, "follow-fork-mode") == 0)
		printf("Debugger response to a program call of fork or vfork "
		    "is \"%s\".\n", d->follow_child ? "child" : "parent");
	else
		printf("Undefined show command: \"%s\".  Try \"help show\".\n",
		    w);
}

/* Take our int3 bytes out of pid's copy of memory (a forked child's). */
static void
unplant_copy(struct dbg *d, pid_t pid)
{
	int i, word;

	for (i = 0; i < d->nbpts; i++) {
		struct bpt *b = &d->bpts[i];

		if (!b->inserted)
			continue;
		errno = 0;
		word = ptrace(PT_READ_I, pid, (caddr_t)b->addr, 0);
		if (errno == 0)
			ptrace(PT_WRITE_I, pid, (caddr_t)b->addr,
			    (word & ~0xff) | b->saved);
	}
}

/*
 * The parent's fork stop (st->child, st->vfork), with our int3s still in
 * place: collect the child's first stop and clean its copy of memory. The
 * decision on who is followed waits for the next resume.
 */
void
catch_fork_stop(struct dbg *d, struct stop *st)
{
	int status;

	while (waitpid(st->child, &status, 0) < 0 && errno == EINTR)
		;
	if (!st->vfork)
		unplant_copy(d, st->child);
	d->fork_child = st->child;
	d->fork_vfork = st->vfork;
}

/* Let the child of an undecided fork go (the inferior is going away). */
static void
drop_fork_child(struct dbg *d)
{
	if (d->fork_child != 0)
		ptrace(PT_DETACH, d->fork_child, (caddr_t)1, 0);
	d->fork_child = 0;
}

/* follow-fork-mode decides: one side is detached, the other debugged. */
static int
follow_fork(struct dbg *d)
{
	const char *what = d->fork_vfork ? "vfork" : "fork";
	pid_t parent = d->pid, child = d->fork_child;
	struct dbreg none;

	/* Said before the side let go can print anything of its own. */
	if (!d->follow_child) {
		printf("[Detaching after %s from child process %d]\n", what,
		    (int)child);
		fflush(stdout);
		drop_fork_child(d);
		d->vfork_parent = d->fork_vfork;
		return 0;
	}
	printf("[Attaching after process %d %s to child process %d]\n",
	    (int)parent, what, (int)child);
	printf("[Detaching after %s from parent process %d]\n", what,
	    (int)parent);
	fflush(stdout);
	memset(&none, 0, sizeof(none));
	ptrace(PT_SETDBREGS, parent, (caddr_t)&none, 0);
	if (ptrace(PT_DETACH, parent, (caddr_t)1, 0) != 0)
		printf("Can't detach process %d: %s.\n", (int)parent,
		    strerror(errno));
	d->fork_child = 0;
	d->pid = child;
	threads_forget(d);	/* the child has one thread, of its own id */
	threads_note_stop(d);
	d->pending_sig = 0;
	d->ptevents = 0;	/* the child starts with the default mask */
	d->vfork_child = d->fork_vfork;
	return dr_program(d, 0);
}

/*
 * Before the inferior runs with req: settle a fork, then set the event
 * mask this resume needs. 0, or -1 with a message.
 */
int
catch_arm(struct dbg *d, int req)
{
	int mask = PTRACE_EXEC | PTRACE_FORK | PTRACE_VFORK, i;

	if (d->fork_child != 0 && follow_fork(d) != 0)
		return -1;
	for (i = 0; i < d->ncatches && req == PT_CONTINUE; i++)
		if (d->catches[i].kind == CATCH_SYSCALL)
			mask |= PTRACE_SYSCALL;
	if (mask == d->ptevents)
		return 0;
	if (ptrace(PT_SET_EVENT_MASK, d->pid, (caddr_t)&mask,
	    sizeof(mask)) != 0) {
		printf("Cannot set the event mask of process %d: %s.\n",
		    (int)d->pid, strerror(errno));
		return -1;
	}
	d->ptevents = mask;
	return 0;
}

/* May int3 bytes go into the inferior now (no vfork shares its memory)? */
int
catch_may_plant(struct dbg *d)
{
	return !d->vfork_parent && !d->vfork_child;
}

void
catch_inferior_gone(struct dbg *d)
{
	drop_fork_child(d);
	d->ptevents = 0;
	d->vfork_parent = d->vfork_child = 0;
}

static int
sys_wanted(const struct catchpt *c, int code)
{
	int i;

	for (i = 0; i < c->nsys; i++)
		if (c->sys[i] == code)
			return 1;
	return c->nsys == 0;
}

/* The first catchpoint of st's event, or NULL. */
static struct catchpt *
catch_for(struct dbg *d, const struct stop *st)
{
	enum catchkind want;
	int i;

	if (st->kind == ST_SYSCALL)
		want = CATCH_SYSCALL;
	else if (st->kind == ST_EXEC)
		want = CATCH_EXEC;
	else if (st->kind == ST_FORK)
		want = st->vfork ? CATCH_VFORK : CATCH_FORK;
	else
		return NULL;
	for (i = 0; i < d->ncatches; i++)
		if (d->catches[i].kind == want && (want != CATCH_SYSCALL ||
		    sys_wanted(&d->catches[i], st->sc_code)))
			return &d->catches[i];
	return NULL;
}

/*
 * An event stop: 1 if the user is to hear of it (st->cp is the catchpoint
 * that wants it, if one does), 0 to go on silently. Other stops: 1.
 */
int
catch_event(struct dbg *d, struct stop *st)
{
	char path[64];

	switch (st->kind) {
	case ST_VFORK_DONE:
		d->vfork_parent = 0;
		return 0;
	case ST_EXEC:
		/* A new image: no int3s, no debug registers, new symbols. */
		d->vfork_child = 0;
		if (program_of_pid(st->pid, path, sizeof(path)) == 0) {
			printf("process %d is executing new program: %s\n",
			    (int)st->pid, path);
			load_program(d, path);
		}
		dr_program(d, 0);
		break;
	case ST_FORK:
	case ST_SYSCALL:
		break;
	default:
		return 1;
	}
	if ((st->cp = catch_for(d, st)) == NULL)
		return 0;
	st->cp->hits++;
	if (st->kind == ST_FORK)
		st->cp->pid = st->child;
	if (st->kind == ST_EXEC && d->prog != NULL)
		snprintf(st->cp->prog, sizeof(st->cp->prog), "%s", d->prog);
	return 1;
}

/* Report a caught event in gdb's words; 1 (the command ends there). */
int
catch_report(struct dbg *d, struct stop *st)
{
	const char *name;

	if (st->cp == NULL)
		return 0;
	printf("\nCatchpoint %d (", st->cp->num);
	if (st->kind == ST_FORK)
		printf("%sforked process %d), ", st->vfork ? "v" : "",
		    (int)st->child);
	else if (st->kind == ST_EXEC)
		printf("exec'd %s), ", st->cp->prog);
	else if ((name = sys_name(st->sc_code)) != NULL)
		printf("%s syscall %s), ", st->sc_entry ? "call to" :
		    "returned from", name);
	else
		printf("%s syscall %d), ", st->sc_entry ? "call to" :
		    "returned from", st->sc_code);
	print_stop_location(d, 0);
	return 1;
}
