/*
 * threads.c - the program's threads as the remote protocol names them.
 *
 * A thread's protocol id is its kernel id (LWP id, in hex), the same id
 * ptrace takes in place of a pid for requests about one thread. The stub
 * keeps three of them: the thread that stopped (reported in the stop
 * reply's "thread:"), the one register packets are about (Hg, and after
 * every stop the stopped one) and the one 's' steps (Hc; 0: the stopped
 * one).
 *
 *	qfThreadInfo/qsThreadInfo  every thread, in one reply
 *	qXfer:threads:read         the same with each thread's name, in XML
 *	qC                         the thread register packets are about
 *	qThreadExtraInfo,ID        the thread's name, hex-encoded
 *	Hg ID / Hc ID              choose those threads (0 or -1: the stopped one)
 *	T ID                       is it alive?
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include "gdbstub.h"

#define MAXLWPS		64

/* The id of the thread that register requests are about. */
pid_t
tg_regs_lwp(const struct stub *s)
{
	return s->tg.cur != 0 ? s->tg.cur : s->tg.pid;
}

/* The id of the thread that a step steps. */
pid_t
tg_step_lwp(const struct stub *s)
{
	if (s->tg.step_tid != 0)
		return s->tg.step_tid;
	return s->tg.stopped != 0 ? s->tg.stopped : s->tg.pid;
}

/* The program stopped: the stopped thread becomes the current one. */
void
threads_stopped(struct stub *s)
{
	struct ptrace_lwpinfo pl;

	memset(&pl, 0, sizeof(pl));
	if (ptrace(PT_LWPINFO, s->tg.pid, (caddr_t)&pl, sizeof(pl)) < 0)
		return;
	s->tg.stopped = pl.pl_lwpid;
	s->tg.cur = pl.pl_lwpid;
	s->tg.step_tid = 0;
	s->rc.valid = 0;
}

static int
lwp_list(const struct stub *s, lwpid_t *ids, int max)
{
	int n = ptrace(PT_GETLWPLIST, s->tg.pid, (caddr_t)ids, max);

	return n < 0 ? 0 : n;
}

int
thread_alive(const struct stub *s, lwpid_t tid)
{
	lwpid_t ids[MAXLWPS];
	int n = lwp_list(s, ids, MAXLWPS), i;

	for (i = 0; i < n; i++)
		if (ids[i] == tid)
			return 1;
	return 0;
}

/* "m ID,ID,...": every thread at once; qsThreadInfo then says "l". */
void
thread_info(struct stub *s)
{
	lwpid_t ids[MAXLWPS];
	int n = lwp_list(s, ids, MAXLWPS), i;

	if (n == 0) {
		reply(&s->rsp, "l");
		return;
	}
	reply(&s->rsp, "m");
	for (i = 0; i < n; i++)
		reply_append(&s->rsp, "%s%x", i ? "," : "", (unsigned)ids[i]);
}

/*
 * "qXfer:threads:read::OFFSET,LENGTH": the thread list as XML with
 * names, made afresh when gdb asks from offset 0.
 */
void
xfer_threads(struct stub *s, const char *range)
{
	static char xml[MAXLWPS * 64 + 32];
	static size_t len;
	struct ptrace_lwpinfo pl;
	lwpid_t ids[MAXLWPS];
	int n, i;

	if (strncmp(range, "0,", 2) == 0) {
		n = lwp_list(s, ids, MAXLWPS);
		len = snprintf(xml, sizeof(xml), "<threads>\n");
		for (i = 0; i < n; i++) {
			memset(&pl, 0, sizeof(pl));
			ptrace(PT_LWPINFO, ids[i], (caddr_t)&pl, sizeof(pl));
			len += snprintf(xml + len, sizeof(xml) - len,
			    "<thread id=\"%x\" name=\"%.*s\"/>\n",
			    (unsigned)ids[i], (int)strnlen(pl.pl_tdname,
			    sizeof(pl.pl_tdname)), pl.pl_tdname);
		}
		len += snprintf(xml + len, sizeof(xml) - len, "</threads>\n");
	}
	xfer_reply(s, range, xml, len);
}

/* "qThreadExtraInfo,ID": the thread's name (its own, or the program's). */
void
thread_extra_info(struct stub *s, const char *arg)
{
	struct ptrace_lwpinfo pl;
	uint32_t tid;
	const char *end = hex_parse(arg, &tid);

	memset(&pl, 0, sizeof(pl));
	if (end == NULL || *end != '\0' || !thread_alive(s, tid) ||
	    ptrace(PT_LWPINFO, tid, (caddr_t)&pl, sizeof(pl)) < 0) {
		reply_error(&s->rsp, ESRCH);
		return;
	}
	reply(&s->rsp, "%s", "");
	reply_hex(&s->rsp, (const unsigned char *)pl.pl_tdname,
	    strnlen(pl.pl_tdname, sizeof(pl.pl_tdname)));
}

/*
 * A thread id of a packet: 0 and -1 mean "any" (the stopped thread);
 * *tid gets the id, 0 for any. 0, or -1 if it is malformed or not ours.
 */
int
parse_tid(const struct stub *s, const char *p, const char **endp,
    lwpid_t *tid)
{
	uint32_t v;

	if (*p == 'p') {		/* multiprocess form pPID.TID */
		if ((p = hex_parse(p + 1, &v)) == NULL || *p != '.')
			return -1;
		p++;
	}
	if (p[0] == '-' && p[1] == '1') {
		*tid = 0;
		*endp = p + 2;
		return 0;
	}
	if ((p = hex_parse(p, &v)) == NULL)
		return -1;
	*endp = p;
	*tid = v;
	if (v == 0 || v == (uint32_t)s->tg.pid) {
		*tid = 0;
		return 0;
	}
	return thread_alive(s, v) ? 0 : -1;
}

/* "Hg ID", "Hc ID". */
void
set_thread(struct stub *s, const char *pkt)
{
	const char *end;
	lwpid_t tid;

	if ((pkt[1] != 'g' && pkt[1] != 'c') ||
	    parse_tid(s, pkt + 2, &end, &tid) != 0 || *end != '\0') {
		reply_error(&s->rsp, 1);
		return;
	}
	if (pkt[1] == 'g') {
		s->tg.cur = tid != 0 ? tid : s->tg.stopped;
		s->rc.valid = 0;
	} else {
		s->tg.step_tid = tid;
	}
	reply(&s->rsp, "OK");
}

/* "T ID": alive? */
void
thread_alive_packet(struct stub *s, const char *pkt)
{
	const char *end;
	lwpid_t tid;

	if (s->tg.alive && parse_tid(s, pkt + 1, &end, &tid) == 0 &&
	    *end == '\0')
		reply(&s->rsp, "OK");
	else
		reply_error(&s->rsp, 1);
}
