/*
 * query.c - the general packets: 'q'/'Q' queries and the 'v' family.
 *
 * qSupported opens every gdb session, so it is also where a new gdb that
 * connects after an old one went away gets a clean program: breakpoints
 * the old session left planted are taken out (the new gdb inserts its own).
 * The thread queries are threads.c's.
 */
#include <string.h>
#include "gdbstub.h"

#define XFER_CHUNK	(RSP_PKTMAX / 2 - 8)	/* fits even if every byte is escaped */

static int
starts(const char *pkt, const char *prefix)
{
	return strncmp(pkt, prefix, strlen(prefix)) == 0;
}

/* Does gdb's qSupported list offer feature (e.g. "swbreak+")? */
static int
offers(const char *list, const char *feature)
{
	size_t n = strlen(feature);

	while (list != NULL && *list != '\0') {
		if (strncmp(list, feature, n) == 0 &&
		    (list[n] == ';' || list[n] == '\0'))
			return 1;
		list = strchr(list, ';');
		if (list != NULL)
			list++;
	}
	return 0;
}

static void
supported(struct stub *s, const char *pkt)
{
	const char *features = strchr(pkt, ':');

	s->gdb_swbreak = offers(features ? features + 1 : NULL, "swbreak+");
	s->gdb_hwbreak = offers(features ? features + 1 : NULL, "hwbreak+");
	bp_clear_all(s);
	reply(&s->rsp, "PacketSize=%x;qXfer:features:read+;qXfer:threads:read+;"
	    "swbreak+;hwbreak+", RSP_PKTMAX);
}

/*
 * The piece "OFFSET,LENGTH" (at p) of a qXfer object of total bytes at
 * text: "m" and the bytes while more follow, "l" and the bytes at the end.
 */
void
xfer_reply(struct stub *s, const char *p, const char *text, size_t total)
{
	uint32_t off, len;

	if ((p = hex_parse(p, &off)) == NULL || *p++ != ',' ||
	    (p = hex_parse(p, &len)) == NULL || *p != '\0') {
		reply_error(&s->rsp, 0);
		return;
	}
	if (off >= total) {
		reply(&s->rsp, "l");
		return;
	}
	if (len > XFER_CHUNK)
		len = XFER_CHUNK;
	if (len > total - off)
		len = total - off;
	reply(&s->rsp, "%c", off + len < total ? 'm' : 'l');
	reply_binary(&s->rsp, text + off, len);
}

/* "qXfer:features:read:ANNEX:OFFSET,LENGTH" */
static void
xfer_features(struct stub *s, const char *annex)
{
	const char *xml;
	size_t total = tdesc_xml(s->rc.have_xmm, &xml);

	if (!starts(annex, "target.xml:")) {
		reply_error(&s->rsp, 0);
		return;
	}
	xfer_reply(s, annex + strlen("target.xml:"), xml, total);
}

void
handle_query(struct stub *s, const char *pkt)
{
	if (starts(pkt, "qSupported"))
		supported(s, pkt);
	else if (starts(pkt, "qXfer:features:read:"))
		xfer_features(s, pkt + strlen("qXfer:features:read:"));
	else if (starts(pkt, "qXfer:threads:read::"))
		xfer_threads(s, pkt + strlen("qXfer:threads:read::"));
	else if (strcmp(pkt, "qAttached") == 0 || starts(pkt, "qAttached:"))
		reply(&s->rsp, "%d", s->tg.attached);
	else if (strcmp(pkt, "qC") == 0)
		reply(&s->rsp, "QC%x", (unsigned)tg_regs_lwp(s));
	else if (strcmp(pkt, "qfThreadInfo") == 0)
		thread_info(s);
	else if (strcmp(pkt, "qsThreadInfo") == 0)
		reply(&s->rsp, "l");
	else if (starts(pkt, "qThreadExtraInfo,"))
		thread_extra_info(s, pkt + strlen("qThreadExtraInfo,"));
	else if (strcmp(pkt, "qSymbol::") == 0)
		reply(&s->rsp, "OK");
}

void
handle_v(struct stub *s, const char *pkt)
{
	if (strcmp(pkt, "vCont?") == 0) {
		reply(&s->rsp, "vCont;c;C;s;S");
	} else if (starts(pkt, "vCont;")) {
		handle_vcont(s, pkt + strlen("vCont"));
	} else if (starts(pkt, "vKill")) {
		target_kill(s);
		reply(&s->rsp, "OK");
		s->quit = 1;
	}
}
