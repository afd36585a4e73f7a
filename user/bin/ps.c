/*
 * ps - list processes, one line each, from sysctl kern.proc.all (struct
 * kinfo_proc, <sys/user.h>): PID, PPID, STAT, UID and COMMAND. STAT is the
 * state letter (R running or runnable, S sleeping, T stopped, Z zombie)
 * followed, as in FreeBSD's ps, by X when the process is being traced and
 * + when it is in the terminal's foreground process group. UID is the real
 * user id.
 *
 * ps -H lists threads instead (kern.proc.all_td, one entry per thread):
 * an LWP column with the thread's id, its own state, and after the command
 * the thread's name when it has one of its own.
 */
#include <sys/types.h>
#include <sys/sysctl.h>
#include <sys/user.h>
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char
state_letter(char stat)
{
	switch (stat) {
	case SRUN:
		return 'R';
	case SSLEEP:
		return 'S';
	case SSTOP:
		return 'T';
	case SZOMB:
		return 'Z';
	default:
		return '?';
	}
}

/*
 * Every process; *n says how many. The table can grow between asking the
 * size and reading it, so a little room is added and a short buffer
 * (ENOMEM) means asking again.
 */
static struct kinfo_proc *
all_procs(size_t *n, int threads)
{
	const int mib[3] = { CTL_KERN, KERN_PROC,
	    KERN_PROC_ALL | (threads ? KERN_PROC_INC_THREAD : 0) };
	struct kinfo_proc *kp = NULL;
	size_t len;

	for (;;) {
		if (sysctl(mib, 3, NULL, &len, NULL, 0) == -1)
			err(1, "sysctl kern.proc.all");
		len += 4 * sizeof(*kp);
		if ((kp = realloc(kp, len)) == NULL)
			err(1, "malloc");
		if (sysctl(mib, 3, kp, &len, NULL, 0) == 0)
			break;
		if (errno != ENOMEM)
			err(1, "sysctl kern.proc.all");
	}
	*n = len / sizeof(*kp);
	return kp;
}

int
main(int argc, char **argv)
{
	pid_t fg = tcgetpgrp(STDIN_FILENO);
	struct kinfo_proc *kp;
	char stat[4];
	size_t i, n;
	int k, c, threads = 0;

	while ((c = getopt(argc, argv, "H")) != -1) {
		if (c != 'H') {
			fprintf(stderr, "usage: ps [-H]\n");
			return 1;
		}
		threads = 1;
	}
	kp = all_procs(&n, threads);
	if (threads)
		printf("%5s %6s %5s %-4s %5s %s\n", "PID", "LWP", "PPID", "STAT",
		    "UID", "COMMAND");
	else
		printf("%5s %5s %-4s %5s %s\n", "PID", "PPID", "STAT", "UID",
		    "COMMAND");
	for (i = 0; i < n; i++) {
		k = 0;
		stat[k++] = state_letter(kp[i].ki_stat);
		if (kp[i].ki_tracer != 0)
			stat[k++] = 'X';
		if (fg > 0 && kp[i].ki_pgid == fg)
			stat[k++] = '+';
		stat[k] = '\0';
		if (threads)
			printf("%5d %6d ", kp[i].ki_pid, kp[i].ki_tid);
		else
			printf("%5d ", kp[i].ki_pid);
		printf("%5d %-4s %5u %.*s", kp[i].ki_ppid, stat,
		    (unsigned)kp[i].ki_ruid, (int)sizeof(kp[i].ki_comm),
		    kp[i].ki_comm);
		if (threads && strncmp(kp[i].ki_tdname, kp[i].ki_comm,
		    TDNAMLEN) != 0)
			printf("/%.*s", (int)sizeof(kp[i].ki_tdname),
			    kp[i].ki_tdname);
		printf("\n");
	}
	free(kp);
	return 0;
}
