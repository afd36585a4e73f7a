/*
 * jobs.c - the job table and job control. A job is one pipeline (or one
 * background && / || list) started from one command line: its processes
 * share a process group, which owns the terminal while the job is in the
 * foreground. The shell learns of exits, stops and continues from
 * waitpid(WUNTRACED | WCONTINUED) and files each status under the process
 * it belongs to, whichever job that is; a job is finished when all its
 * processes are, and stopped when none runs and some are stopped.
 *
 * Job specifications (POSIX): %N the job numbered N, %+ or %% the current
 * job, %- the previous one, %name the job whose command starts with name,
 * %?text the job whose command contains text. fg, bg, wait and kill take
 * them; fg and bg also take a bare number.
 */
#include <sys/wait.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

#define MAXJOBS	32

enum proc_state { P_RUN, P_STOP, P_DONE };

struct proc {
	pid_t		pid;
	enum proc_state	state;
	int		status;		/* the last wait status */
};

struct job {
	int		id;		/* the n of "[n]"; 0 marks a free slot */
	pid_t		pgid;
	struct proc	proc[MAXPIPE];
	int		nproc;
	int		told;		/* its stop has been reported */
	char		text[CMDTEXT];
};

static struct job jobs[MAXJOBS];
static struct job *current;		/* the "+" job: fg and bg default to it */
static struct job *previous;		/* the "-" job */

/* Makes j the current job; the one that was becomes the previous one. */
static void
set_current(struct job *j)
{
	if (j != current) {
		previous = current;
		current = j;
	}
}

/* $? for a wait status: the exit code, or 128 + the signal. */
int
status_of(int st)
{
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	if (WIFSTOPPED(st))
		return 128 + WSTOPSIG(st);
	return 128 + WTERMSIG(st);
}

struct job *
job_new(const char *text, pid_t pgid)
{
	struct job *j, *free_slot = NULL;
	int id = 1, again;

	/* The lowest job number not in use. */
	do {
		again = 0;
		for (j = jobs; j < jobs + MAXJOBS; j++)
			if (j->id == id) {
				id++;
				again = 1;
			}
	} while (again);
	for (j = jobs; j < jobs + MAXJOBS && free_slot == NULL; j++)
		if (j->id == 0)
			free_slot = j;
	if (free_slot == NULL) {
		fprintf(stderr, "sh: too many jobs\n");
		return NULL;
	}
	memset(free_slot, 0, sizeof(*free_slot));
	free_slot->id = id;
	free_slot->pgid = pgid;
	strlcpy(free_slot->text, text, sizeof(free_slot->text));
	return free_slot;
}

void
job_add_proc(struct job *j, pid_t pid)
{
	if (j->pgid == 0)
		j->pgid = pid;
	j->proc[j->nproc].pid = pid;
	j->proc[j->nproc].state = P_RUN;
	j->nproc++;
}

/* Forgets a job (after it finished, or when none of it could be started). */
void
job_drop(struct job *j)
{
	struct job *k;

	j->id = 0;
	if (current == j) {
		current = previous;
		previous = NULL;
	} else if (previous == j)
		previous = NULL;
	/* The newest other jobs fill the places left. */
	for (k = jobs; k < jobs + MAXJOBS; k++) {
		if (k->id == 0 || k == current || k == previous)
			continue;
		if (current == NULL)
			current = k;
		else if (previous == NULL || k->id > previous->id)
			previous = k;
	}
}

static int
count(const struct job *j, enum proc_state s)
{
	int i, n = 0;

	for (i = 0; i < j->nproc; i++)
		n += j->proc[i].state == s;
	return n;
}

/* Files a wait status under its process. */
static void
record(pid_t pid, int st)
{
	struct job *j;
	int i;

	for (j = jobs; j < jobs + MAXJOBS; j++)
		for (i = 0; j->id != 0 && i < j->nproc; i++)
			if (j->proc[i].pid == pid) {
				if (WIFCONTINUED(st)) {	/* kill -CONT from anyone */
					j->proc[i].state = P_RUN;
					return;
				}
				j->proc[i].status = st;
				j->proc[i].state = WIFSTOPPED(st) ? P_STOP : P_DONE;
				if (j->proc[i].state == P_STOP)
					j->told = 0;
				return;
			}
}

/* Waits for one status change; with block == 0 only takes what is ready. */
static int
reap(int block)
{
	int st;
	pid_t pid;

	do
		pid = waitpid(WAIT_ANY, &st, WUNTRACED | WCONTINUED |
		    (block ? 0 : WNOHANG));
	while (pid == -1 && errno == EINTR);
	if (pid > 0)
		record(pid, st);
	return pid;
}

/* What "jobs" and the notices say about a job's state. */
static void
describe(const struct job *j, char *buf, size_t size)
{
	int st = j->proc[j->nproc - 1].status;

	if (count(j, P_RUN) > 0)
		strlcpy(buf, "Running", size);
	else if (count(j, P_STOP) > 0)
		strlcpy(buf, "Stopped", size);
	else if (WIFSIGNALED(st))
		strlcpy(buf, strsignal(WTERMSIG(st)), size);
	else if (WEXITSTATUS(st) != 0)
		snprintf(buf, size, "Exit %d", WEXITSTATUS(st));
	else
		strlcpy(buf, "Done", size);
}

static void
print_job(const struct job *j)
{
	char state[40];

	describe(j, state, sizeof(state));
	printf("[%d]%c %s  %s\n", j->id, j == current ? '+' : ' ', state,
	    j->text);
}

/*
 * Why a foreground job ended, as shells say it: "Killed", "Segmentation
 * fault". For ^C only the end of the line the terminal echoed "^C" on, and
 * nothing for a broken pipe, which is how pipelines normally end early.
 */
static void
report_signal(int st)
{
	if (!WIFSIGNALED(st) || WTERMSIG(st) == SIGPIPE)
		return;
	if (WTERMSIG(st) == SIGINT)
		putchar('\n');
	else
		printf("%s%s\n", strsignal(WTERMSIG(st)),
		    WCOREDUMP(st) ? " (core dumped)" : "");
}

/*
 * Gives j the terminal (continuing it first if cont) and waits until it has
 * finished or stopped; then takes the terminal back. Returns its status.
 */
int
job_foreground(struct job *j, int cont)
{
	int i, st;

	if (interactive)
		tcsetpgrp(STDIN_FILENO, j->pgid);
	if (cont) {
		for (i = 0; i < j->nproc; i++)
			if (j->proc[i].state == P_STOP)
				j->proc[i].state = P_RUN;
		kill(-j->pgid, SIGCONT);
	}
	while (count(j, P_RUN) > 0)
		if (reap(1) == -1) {
			/* No children left to wait for: none is running. */
			for (i = 0; i < j->nproc; i++)
				if (j->proc[i].state == P_RUN)
					j->proc[i].state = P_DONE;
		}
	if (interactive)
		tcsetpgrp(STDIN_FILENO, shell_pgid);
	st = j->proc[j->nproc - 1].status;
	if (count(j, P_STOP) > 0) {
		set_current(j);
		j->told = 1;
		/* After the "^Z" the terminal echoed. */
		printf("\n[%d]+ Stopped  %s\n", j->id, j->text);
		for (i = 0; i < j->nproc; i++)
			if (j->proc[i].state == P_STOP)
				st = j->proc[i].status;
		return status_of(st);
	}
	report_signal(st);
	job_drop(j);
	return status_of(st);
}

void
job_background(struct job *j)
{
	set_current(j);
	last_bg = j->proc[j->nproc - 1].pid;
	if (interactive)
		printf("[%d] %d\n", j->id, (int)last_bg);
}

/* Collects finished and stopped children and, on a terminal, says so. */
void
jobs_notify(void)
{
	struct job *j;

	while (reap(0) > 0)
		;
	for (j = jobs; j < jobs + MAXJOBS; j++) {
		if (j->id == 0)
			continue;
		if (count(j, P_RUN) == 0 && count(j, P_STOP) == 0) {
			if (interactive)
				print_job(j);
			job_drop(j);
		} else if (count(j, P_RUN) == 0 && !j->told) {
			j->told = 1;
			if (interactive)
				print_job(j);
		}
	}
	fflush(stdout);
}

/* On exit, stopped jobs get SIGHUP and SIGCONT so they do not linger. */
void
jobs_hangup(void)
{
	struct job *j;

	for (j = jobs; j < jobs + MAXJOBS; j++)
		if (j->id != 0 && interactive && count(j, P_STOP) > 0) {
			kill(-j->pgid, SIGHUP);
			kill(-j->pgid, SIGCONT);
		}
}

/*
 * The job a job specification names (see the top of this file); NULL
 * after a message if there is none, or more than one.
 */
static struct job *
job_by_spec(const char *who, const char *s)
{
	const char *p = s[0] == '%' ? s + 1 : s;
	struct job *j, *found = NULL;
	char *end;
	long id = -1;
	int n = 0;

	if (s[0] == '%' && (p[0] == '\0' || ((p[0] == '%' || p[0] == '+' ||
	    p[0] == '-') && p[1] == '\0'))) {
		if ((found = p[0] == '-' ? previous : current) == NULL)
			fprintf(stderr, "sh: %s: %s: no such job\n", who, s);
		return found;
	}
	if (p[0] >= '0' && p[0] <= '9') {
		id = strtol(p, &end, 10);
		if (*end != '\0')
			id = 0;		/* no job has number 0 */
	}
	for (j = jobs; j < jobs + MAXJOBS; j++) {
		if (j->id == 0)
			continue;
		if (id >= 0 ? j->id == id : s[0] != '%' ? 0 : p[0] == '?' ?
		    strstr(j->text, p + 1) != NULL :
		    strncmp(j->text, p, strlen(p)) == 0) {
			found = j;
			n++;
		}
	}
	if (n != 1) {
		fprintf(stderr, "sh: %s: %s: %s\n", who, s, n == 0 ?
		    "no such job" : "ambiguous job specification");
		return NULL;
	}
	return found;
}

/*
 * What kill must signal for the job spec names: its process group (as
 * -pgid) under job control, else each of its processes that still runs
 * (they share the shell's group). Returns how many went into out, 0 if
 * there is no such job.
 */
int
job_targets(const char *spec, pid_t *out, int max)
{
	struct job *j = job_by_spec("kill", spec);
	int i, n = 0;

	if (j == NULL)
		return 0;
	if (interactive) {
		out[0] = -j->pgid;
		return 1;
	}
	for (i = 0; i < j->nproc && n < max; i++)
		if (j->proc[i].state != P_DONE)
			out[n++] = j->proc[i].pid;
	return n;
}

/* The job named by argv[1], or the current one. */
static struct job *
find_job(const char *who, int argc, char **argv)
{
	if (!interactive) {
		fprintf(stderr, "sh: %s: no job control\n", who);
		return NULL;
	}
	if (argc < 2) {
		if (current == NULL)
			fprintf(stderr, "sh: %s: no current job\n", who);
		return current;
	}
	return job_by_spec(who, argv[1]);
}

int
builtin_jobs(int argc, char **argv)
{
	struct job *j;

	(void)argc;
	(void)argv;
	while (reap(0) > 0)
		;
	for (j = jobs; j < jobs + MAXJOBS; j++)
		if (j->id != 0) {
			print_job(j);
			if (count(j, P_RUN) == 0 && count(j, P_STOP) == 0)
				job_drop(j);
			else
				j->told = 1;
		}
	return 0;
}

int
builtin_fg(int argc, char **argv)
{
	struct job *j = find_job("fg", argc, argv);

	if (j == NULL)
		return 1;
	printf("%s\n", j->text);
	fflush(stdout);
	return job_foreground(j, 1);
}

int
builtin_bg(int argc, char **argv)
{
	struct job *j = find_job("bg", argc, argv);
	int i;

	if (j == NULL)
		return 1;
	for (i = 0; i < j->nproc; i++)
		if (j->proc[i].state == P_STOP)
			j->proc[i].state = P_RUN;
	set_current(j);
	printf("[%d]+ %s &\n", j->id, j->text);
	kill(-j->pgid, SIGCONT);
	return 0;
}

/* The process pid of one of the jobs (and that job), or NULL. */
static struct proc *
find_proc(pid_t pid, struct job **jp)
{
	struct job *j;
	int i;

	for (j = jobs; j < jobs + MAXJOBS; j++)
		for (i = 0; j->id != 0 && i < j->nproc; i++)
			if (j->proc[i].pid == pid) {
				*jp = j;
				return &j->proc[i];
			}
	return NULL;
}

/* wait PID: until it has ended; its status, or 127 if it is not ours. */
static int
wait_pid(pid_t pid)
{
	struct job *j;
	struct proc *p = find_proc(pid, &j);
	int st;

	if (p == NULL)
		return 127;
	while (p->state == P_RUN && reap(1) > 0)
		;
	st = status_of(p->status);
	if (count(j, P_RUN) == 0 && count(j, P_STOP) == 0)
		job_drop(j);
	return st;
}

/*
 * wait: until no background job is running (stopped ones do not count);
 * wait PID|%JOB ...: until each of those has ended, returning the last
 * one's status (POSIX).
 */
int
builtin_wait(int argc, char **argv)
{
	struct job *j;
	int running, i, st = 0;

	for (i = 1; i < argc; i++) {
		if (argv[i][0] == '%') {
			if ((j = job_by_spec("wait", argv[i])) == NULL) {
				st = 127;
				continue;
			}
			st = wait_pid(j->proc[j->nproc - 1].pid);
		} else
			st = wait_pid(atoi(argv[i]));
	}
	if (argc > 1)
		return st;
	do {
		running = 0;
		for (j = jobs; j < jobs + MAXJOBS; j++)
			if (j->id != 0 && count(j, P_RUN) > 0)
				running = 1;
	} while (running && reap(1) > 0);
	return 0;
}
