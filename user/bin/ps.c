/*
 * ps - list processes, one line per process-table slot in use (kproc):
 * PID, PPID, STAT, UID and COMMAND. STAT is the state letter (R running or
 * runnable, S sleeping, T stopped, Z zombie) followed, as in FreeBSD's ps,
 * by X when the process is being traced and + when it is in the terminal's
 * foreground process group.
 */
#include <sys/kinfo.h>
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#define NSLOTS	256

static char
state_letter(int state)
{
	switch (state) {
	case KP_RUN:
		return 'R';
	case KP_SLEEP:
		return 'S';
	case KP_STOP:
		return 'T';
	case KP_ZOMBIE:
		return 'Z';
	default:
		return '?';
	}
}

int
main(void)
{
	struct kinfo_proc kp;
	pid_t fg = tcgetpgrp(STDIN_FILENO);
	char stat[4];
	int slot, n;

	printf("%5s %5s %-4s %5s %s\n", "PID", "PPID", "STAT", "UID", "COMMAND");
	for (slot = 0; slot < NSLOTS; slot++) {
		if (kproc(slot, &kp) == -1) {
			if (errno == ESRCH)
				continue;	/* an empty slot */
			break;			/* past the end of the table */
		}
		n = 0;
		stat[n++] = state_letter(kp.kp_state);
		if (kp.kp_tracer != 0)
			stat[n++] = 'X';
		if (fg > 0 && kp.kp_pgid == fg)
			stat[n++] = '+';
		stat[n] = '\0';
		printf("%5d %5d %-4s %5u %.*s\n", kp.kp_pid, kp.kp_ppid, stat,
		    (unsigned)kp.kp_uid, (int)sizeof(kp.kp_comm), kp.kp_comm);
	}
	return 0;
}
