/*
 * dispatch.c - one packet from gdb to the handler that answers it.
 *
 * The reply starts out empty, which the protocol reads as "not supported":
 * that is the answer to every packet we do not know. A packet we know but
 * cannot parse gets "E01"; a request the kernel refuses gets "E" and the
 * errno in hex (E0e: EFAULT, E16: EINVAL, E03: ESRCH). 'k' gets no reply,
 * as in every stub, and ends the session like 'D' does.
 */
#include <string.h>
#include "gdbstub.h"

/* "Csig[;addr]" and "Ssig[;addr]". */
static void
resume_with_signal(struct stub *s, const char *pkt)
{
	uint32_t gsig;
	const char *p = hex_parse(pkt + 1, &gsig);

	if (p == NULL || gsig > 255 || (*p != '\0' && *p != ';')) {
		reply_error(&s->rsp, 1);
		return;
	}
	handle_resume(s, pkt[0] == 'S', gsig, *p == ';' ? p + 1 : NULL);
}

static void
detach(struct stub *s, const char *pkt)
{
	int error;

	if (pkt[1] != '\0' && pkt[1] != ';') {
		reply_error(&s->rsp, 1);
		return;
	}
	if ((error = target_detach(s)) != 0) {
		reply_error(&s->rsp, error);
		return;
	}
	reply(&s->rsp, "OK");
	s->quit = 1;
}

/* Commands that are a single letter with nothing after it. */
static int
bare(struct stub *s, const char *pkt)
{
	if (pkt[1] == '\0')
		return 1;
	reply_error(&s->rsp, 1);
	return 0;
}

void
dispatch(struct stub *s)
{
	const char *pkt = s->rsp.in;

	s->rsp.outlen = 0;
	s->rsp.noreply = 0;
	switch (pkt[0]) {
	case '?':
		if (bare(s, pkt))
			reply(&s->rsp, "%s", s->tg.stop);
		break;
	case 'g':
		if (bare(s, pkt))
			handle_regs(s, pkt);
		break;
	case 'G': case 'p': case 'P':
		handle_regs(s, pkt);
		break;
	case 'm': case 'M': case 'X':
		handle_mem(s, pkt);
		break;
	case 'c': case 's':
		handle_resume(s, pkt[0] == 's', 0, pkt + 1);
		break;
	case 'C': case 'S':
		resume_with_signal(s, pkt);
		break;
	case 'Z': case 'z':
		handle_breakpoint(s, pkt);
		break;
	case 'H':
		set_thread(s, pkt);
		break;
	case 'T':
		thread_alive_packet(s, pkt);
		break;
	case 'k':
		target_kill(s);
		s->rsp.noreply = 1;
		s->quit = 1;
		break;
	case 'D':
		detach(s, pkt);
		break;
	case 'q': case 'Q':
		handle_query(s, pkt);
		break;
	case 'v':
		handle_v(s, pkt);
		break;
	}
}
