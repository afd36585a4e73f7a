/*
 * threads.c - the inferior's threads as gdb shows them: info threads,
 * thread N, thread apply all bt, and which thread the other commands
 * mean.
 *
 * dbg numbers threads 1, 2, ... in the order it first sees them and keeps
 * a number for as long as the thread lives, as gdb does; the kernel's id
 * (the LWP id) is shown beside it. The selected thread (d->tid) is the one
 * whose registers, frames, FPU and steps the other commands use: after
 * every stop, the thread that stopped (PT_LWPINFO's pl_lwpid); after
 * "thread N", thread N. Requests about one thread pass its id where
 * ptrace takes a pid (FreeBSD's rule). continue goes on from the thread
 * that stopped, whichever is selected (it may sit on a breakpoint that
 * must be stepped over first); stepi steps the selected one.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include "dbg.h"

/* The id to pass to ptrace for a request about the selected thread. */
pid_t
dbg_lwp(struct dbg *d)
{
	return d->tid != 0 ? d->tid : d->pid;
}

/* The inferior's threads now, into ids (up to max); how many. */
static int
lwp_list(struct dbg *d, lwpid_t *ids, int max)
{
	int n = ptrace(PT_GETLWPLIST, d->pid, (caddr_t)ids, max);

	return n < 0 ? 0 : n;
}

/* Number the threads that are new; forget those that are gone. */
static void
renumber(struct dbg *d)
{
	lwpid_t ids[DBG_MAXTHREADS];
	int n = lwp_list(d, ids, DBG_MAXTHREADS), i, j;

	for (i = 0; i < d->nthreads; i++) {
		for (j = 0; j < n && ids[j] != d->threads[i]; j++)
			;
		if (j == n)
			d->threads[i] = 0;	/* gone; its number is not reused */
	}
	for (j = 0; j < n; j++) {
		for (i = 0; i < d->nthreads && d->threads[i] != ids[j]; i++)
			;
		if (i == d->nthreads && d->nthreads < DBG_MAXTHREADS)
			d->threads[d->nthreads++] = ids[j];
	}
}

/* The inferior stopped: select the thread that stopped. */
void
threads_note_stop(struct dbg *d)
{
	struct ptrace_lwpinfo pl;

	memset(&pl, 0, sizeof(pl));
	if (ptrace(PT_LWPINFO, d->pid, (caddr_t)&pl, sizeof(pl)) != 0)
		return;
	d->tid = d->stop_tid = pl.pl_lwpid;
	renumber(d);
}

void
threads_forget(struct dbg *d)
{
	d->tid = d->stop_tid = 0;
	d->nthreads = 0;
}

/* Has the inferior (ever, as far as dbg saw) more than one thread? */
int
threads_many(struct dbg *d)
{
	return d->nthreads > 1;
}

/* dbg's number of thread tid, or 0. */
int
thread_num(struct dbg *d, lwpid_t tid)
{
	int i;

	for (i = 0; i < d->nthreads; i++)
		if (d->threads[i] == tid)
			return i + 1;
	return 0;
}

/* Thread tid's name (its own, or the program's), into buf. */
void
thread_name(struct dbg *d, lwpid_t tid, char *buf, size_t len)
{
	struct ptrace_lwpinfo pl;

	memset(&pl, 0, sizeof(pl));
	if (d->pid != 0)
		ptrace(PT_LWPINFO, tid, (caddr_t)&pl, sizeof(pl));
	snprintf(buf, len, "%.*s", (int)sizeof(pl.pl_tdname), pl.pl_tdname);
}

/* The innermost frame of the selected thread, on one line. */
static void
print_top_frame(struct dbg *d)
{
	struct frame f[MAXFRAMES];

	if (frame_list(d, f, MAXFRAMES) > 0)
		print_frame(d, &f[0], 0, 0, 0);
	else
		printf("??\n");
}

void
cmd_info_threads(struct dbg *d, char *a)
{
	lwpid_t keep = d->tid;
	char name[32];
	int i, pad;

	(void)a;
	if (d->pid == 0) {
		printf("No threads.\n");
		return;
	}
	renumber(d);
	printf("  Id   Target Id                    Frame \n");
	for (i = 0; i < d->nthreads; i++) {
		if (d->threads[i] == 0)
			continue;
		thread_name(d, d->threads[i], name, sizeof(name));
		pad = 18 - (int)strlen(name);
		printf("%c %-4d LWP %d \"%s\"%*s", d->threads[i] == keep ? '*' :
		    ' ', i + 1, (int)d->threads[i], name, pad < 1 ? 1 : pad, "");
		d->tid = d->threads[i];
		print_top_frame(d);
	}
	d->tid = keep;
}

/* thread apply all bt: every thread's backtrace, the newest first (gdb's order). */
static void
apply_all_bt(struct dbg *d)
{
	lwpid_t keep = d->tid;
	char name[32];
	int i;

	renumber(d);
	for (i = d->nthreads - 1; i >= 0; i--) {
		if (d->threads[i] == 0)
			continue;
		thread_name(d, d->threads[i], name, sizeof(name));
		printf("\nThread %d (LWP %d \"%s\"):\n", i + 1,
		    (int)d->threads[i], name);
		d->tid = d->threads[i];
		cmd_backtrace(d, "");
	}
	d->tid = keep;
}

void
cmd_thread(struct dbg *d, char *a)
{
	int n;

	a = cmd_trim(a);
	if (d->pid == 0) {
		printf("No thread selected.\n");
		return;
	}
	if (*a == '\0') {
		printf("[Current thread is %d (LWP %d)]\n", thread_num(d, d->tid),
		    (int)d->tid);
		return;
	}
	if (strncmp(a, "apply", 5) == 0) {
		a = cmd_trim(a + 5);
		if (strncmp(a, "all", 3) == 0 && (strcmp(cmd_trim(a + 3), "bt") ==
		    0 || strcmp(cmd_trim(a + 3), "backtrace") == 0)) {
			apply_all_bt(d);
			return;
		}
		printf("dbg knows only \"thread apply all bt\".\n");
		return;
	}
	n = atoi(a);
	renumber(d);
	if (n < 1 || n > d->nthreads || d->threads[n - 1] == 0) {
		printf("Invalid thread ID: %s\n", a);
		return;
	}
	d->tid = d->threads[n - 1];
	d->frame = 0;
	d->list_file = -1;
	printf("[Switching to thread %d (LWP %d)]\n", n, (int)d->tid);
	print_stop_location(d, 0);
}
