/*
 * gdbstub - serve one program to a host gdb over a serial line.
 *
 *	gdbstub [-v] [-d DEV] [-t SECONDS] PROG [ARGS...]
 *	gdbstub [-v] [-d DEV] [-t SECONDS] -p PID
 *
 * The first form starts PROG under ptrace, stopped before its first
 * instruction; the second attaches to a running process (it stops, and gdb
 * sees it stopped with signal 0). DEV is the line gdb is on, COM2
 * (/dev/ttyu1) by default; -v logs every packet on stderr.
 *
 * The session ends when:
 *   - the program exits or is killed: gdb gets "Wnn" or "Xnn";
 *   - gdb kills it ('k', vKill);
 *   - gdb detaches ('D'): breakpoints are taken out and the program runs on;
 *   - the line is lost: end of file, only garbage for RSP_NOISE_LIMIT bytes,
 *     or (with -t) no packet at all for SECONDS while the program is
 *     stopped. The stub then detaches as for 'D'.
 * A raw serial line cannot tell that gdb went away; gdb quitting normally
 * sends 'k' or 'D', and a new gdb may connect at any time (its qSupported
 * clears what the old session planted).
 * gdbstub then exits, after a detached program it started has finished, with
 * the program's status (its exit code, or 128 + the signal that killed it),
 * so that a Kestrel running `init=/bin/gdbstub -- PROG` powers off with it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include "gdbstub.h"

#define DEFAULT_LINE	"/dev/ttyu1"

static void
usage(void)
{
	fprintf(stderr, "usage: gdbstub [-v] [-d dev] [-t seconds] prog [args...]\n"
	    "       gdbstub [-v] [-d dev] [-t seconds] -p pid\n");
	exit(2);
}

/* Serve packets until the session ends; returns why (an rsp_event or -1). */
static int
serve(struct stub *s)
{
	enum rsp_event ev;

	for (;;) {
		switch (ev = rsp_getpkt(&s->rsp)) {
		case RSP_PACKET:
			dispatch(s);
			if (!s->rsp.noreply)
				rsp_send(&s->rsp);
			break;
		case RSP_TOOLONG:
			reply_error(&s->rsp, 1);
			rsp_send(&s->rsp);
			break;
		case RSP_INTR:
			break;		/* the program is stopped already */
		default:
			return ev;
		}
		if (s->quit || !s->tg.alive)
			return -1;
	}
}

static const char *
lost_reason(int ev)
{
	switch (ev) {
	case RSP_EOF:
		return "end of file on the line";
	case RSP_TIMEOUT:
		return "no packet within the time limit";
	default:
		return "nothing but garbage on the line";
	}
}

/* The session is over: let a detached program finish, then give its status. */
static int
finish(struct stub *s, int ev, const char *name)
{
	int status;

	if (ev >= 0) {
		fprintf(stderr, "gdbstub: %s; detaching from %s\n",
		    lost_reason(ev), name);
		target_detach(s);
	}
	if (s->tg.alive && s->tg.detached) {
		if (s->tg.attached)
			return 0;
		fprintf(stderr, "gdbstub: %s runs on, detached\n", name);
		while (waitpid(s->tg.pid, &status, 0) < 0 && errno == EINTR)
			;
		s->tg.status = status;
	} else if (s->tg.alive) {
		target_kill(s);
	}
	return target_exit_code(s);
}

int
main(int argc, char **argv)
{
	static struct stub s;
	struct xmmreg probe;
	const char *line = DEFAULT_LINE, *name;
	pid_t pid = 0;
	int c, ev;

	while ((c = getopt(argc, argv, "vd:t:p:")) != -1) {
		switch (c) {
		case 'v':
			s.rsp.verbose = 1;
			break;
		case 'd':
			line = optarg;
			break;
		case 't':
			s.rsp.idle_ms = atoi(optarg) * 1000;
			break;
		case 'p':
			pid = atoi(optarg);
			break;
		default:
			usage();
		}
	}
	if ((pid == 0) == (optind == argc))
		usage();
	name = pid ? "the process" : argv[optind];
	if (rsp_open(&s.rsp, line) < 0) {
		fprintf(stderr, "gdbstub: %s: %s\n", line, strerror(errno));
		return 1;
	}
	if ((pid ? target_attach(&s, pid) : target_start(&s, argv + optind)) < 0) {
		if (!s.tg.pid || s.tg.alive)
			fprintf(stderr, "gdbstub: cannot trace %s: %s\n", name,
			    strerror(errno));
		return s.tg.pid && !s.tg.alive ? target_exit_code(&s) : 1;
	}
	s.rc.have_xmm = ptrace(PT_GETXMMREGS, s.tg.pid, (caddr_t)&probe, 0) == 0;
	fprintf(stderr, "gdbstub: %s (pid %d) is stopped; waiting for gdb on %s\n",
	    name, (int)s.tg.pid, line);
	ev = serve(&s);
	return finish(&s, ev, name);
}
