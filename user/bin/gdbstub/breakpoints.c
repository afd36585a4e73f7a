/*
 * breakpoints.c - 'Z'/'z': software breakpoints (type 0), hardware
 * breakpoints (1) and write/read/access watchpoints (2, 3, 4).
 *
 * A software breakpoint is an int3 (0xcc) written over the first byte of
 * the instruction with PT_WRITE_I, the original byte kept here; run.c
 * lifts it for one step when the program resumes from its address.
 *
 * The others use the debug registers through PT_SETDBREGS. Each of DR0-DR3
 * watches one naturally aligned piece of 1, 2 or 4 bytes, so a watchpoint on
 * an 8-byte double takes two of them; the request fails when the pieces do
 * not fit in the free registers. x86 cannot watch reads alone, so a read
 * watchpoint (Z3) watches reads and writes, as an access watchpoint does;
 * gdb knows this. After a SIGTRAP, DR6 says which register fired (run.c
 * turns that into the "watch:ADDR" or "hwbreak:" stop reason) and is then
 * cleared, so that the next stop is not mistaken for the same hit.
 */
#include <errno.h>
#include <string.h>
#include <sys/ptrace.h>
#include "gdbstub.h"

#define INT3		0xcc
#define DR6_HITS	0xfU

struct swbreak *
sw_at(struct stub *s, uint32_t addr)
{
	int i;

	for (i = 0; i < NSWBREAK; i++)
		if (s->sw[i].used && s->sw[i].addr == addr)
			return &s->sw[i];
	return NULL;
}

/* Put val at addr through the aligned word that holds it; the old byte in *old. */
static int
poke_byte(struct stub *s, uint32_t addr, unsigned char val, unsigned char *old)
{
	uint32_t base = addr & ~3U, shift = (addr & 3) * 8, word;

	word = (uint32_t)ptrace(PT_READ_I, s->tg.pid, (caddr_t)base, 0);
	if (errno != 0)
		return errno;
	if (old != NULL)
		*old = word >> shift & 0xff;
	word = (word & ~(0xffU << shift)) | (uint32_t)val << shift;
	if (ptrace(PT_WRITE_I, s->tg.pid, (caddr_t)base, (int)word) < 0)
		return errno;
	return 0;
}

int
sw_lift(struct stub *s, struct swbreak *b)
{
	return poke_byte(s, b->addr, b->orig, NULL);
}

int
sw_plant(struct stub *s, struct swbreak *b)
{
	return poke_byte(s, b->addr, INT3, NULL);
}

static int
sw_insert(struct stub *s, uint32_t addr)
{
	struct swbreak *b;
	int i, error;

	if (sw_at(s, addr) != NULL)
		return 0;
	for (i = 0; i < NSWBREAK && s->sw[i].used; i++)
		;
	if (i == NSWBREAK)
		return ENOSPC;
	b = &s->sw[i];
	if ((error = poke_byte(s, addr, INT3, &b->orig)) != 0)
		return error;
	b->addr = addr;
	b->used = 1;
	return 0;
}

static int
sw_remove(struct stub *s, uint32_t addr)
{
	struct swbreak *b = sw_at(s, addr);

	if (b == NULL)
		return ENOENT;
	b->used = 0;
	return sw_lift(s, b);
}

#define NLWPS	64

/* Load the slots into DR0-DR3 and DR7 (this also clears DR6). */
static int
hw_apply(struct stub *s)
{
	lwpid_t ids[NLWPS];
	struct dbreg d;
	int i, n;

	memset(&d, 0, sizeof(d));
	for (i = 0; i < NHWSLOT; i++) {
		const struct hwslot *h = &s->hw[i];
		int len, rw;

		if (h->type == 0)
			continue;
		len = h->dlen == 4 ? DBREG_DR7_LEN_4 :
		    h->dlen == 2 ? DBREG_DR7_LEN_2 : DBREG_DR7_LEN_1;
		rw = h->type == HW_EXEC ? DBREG_DR7_EXEC :
		    h->type == 2 ? DBREG_DR7_WRONLY : DBREG_DR7_RDWR;
		d.dr[i] = h->daddr;
		d.dr[7] |= DBREG_DR7_SET(i, len, rw, DBREG_DR7_LOCAL_ENABLE);
	}
	/* Debug registers are each thread's: every thread gets the slots. */
	n = ptrace(PT_GETLWPLIST, s->tg.pid, (caddr_t)ids, NLWPS);
	if (n <= 0)
		return errno;
	for (i = 0; i < n; i++)
		if (ptrace(PT_SETDBREGS, ids[i], (caddr_t)&d, 0) < 0)
			return errno;
	return 0;
}

/* The largest aligned piece (4, 2 or 1 bytes) that starts at a and ends by end. */
static uint32_t
piece(uint32_t a, uint32_t end)
{
	if ((a & 3) == 0 && end - a >= 4)
		return 4;
	if ((a & 1) == 0 && end - a >= 2)
		return 2;
	return 1;
}

static int
hw_insert(struct stub *s, int type, uint32_t addr, uint32_t len)
{
	struct hwslot saved[NHWSLOT];
	uint32_t a, end, n;
	int i = 0, error;

	if (type == HW_EXEC)
		len = 1;
	end = addr + len;
	if (len == 0 || end < addr)
		return EINVAL;
	memcpy(saved, s->hw, sizeof(saved));
	for (a = addr; a < end; a += n) {
		n = piece(a, end);
		while (i < NHWSLOT && s->hw[i].type != 0)
			i++;
		if (i == NHWSLOT) {
			memcpy(s->hw, saved, sizeof(saved));
			return ENOSPC;
		}
		s->hw[i] = (struct hwslot){ type, addr, len, a, n };
	}
	if ((error = hw_apply(s)) != 0)
		memcpy(s->hw, saved, sizeof(saved));
	return error;
}

static int
hw_remove(struct stub *s, int type, uint32_t addr, uint32_t len)
{
	int i, found = 0;

	if (type == HW_EXEC)
		len = 1;
	for (i = 0; i < NHWSLOT; i++) {
		struct hwslot *h = &s->hw[i];

		if (h->type == type && h->addr == addr && h->len == len) {
			h->type = 0;
			found = 1;
		}
	}
	return found ? hw_apply(s) : ENOENT;
}

/*
 * After a SIGTRAP: the slot whose breakpoint fired (-1 if none) and DR6 in
 * *dr6. DR6 is cleared, so a later stop does not report the same hit again.
 */
int
hw_hit(struct stub *s, uint32_t *dr6)
{
	struct dbreg d;
	int i;

	*dr6 = 0;
	if (ptrace(PT_GETDBREGS, tg_regs_lwp(s), (caddr_t)&d, 0) < 0)
		return -1;
	*dr6 = d.dr[6];
	if (d.dr[6] == 0)
		return -1;
	d.dr[6] = 0;
	ptrace(PT_SETDBREGS, tg_regs_lwp(s), (caddr_t)&d, 0);
	for (i = 0; i < NHWSLOT; i++)
		if ((*dr6 & (1U << i)) && s->hw[i].type != 0)
			return i;
	return -1;
}

const char *
hw_reason(int type)
{
	static const char *const reasons[] = {
		"", "hwbreak", "watch", "rwatch", "awatch"
	};

	return type > 0 && type <= 4 ? reasons[type] : "";
}

/* Take every breakpoint out of the program (a new session, detach). */
void
bp_clear_all(struct stub *s)
{
	int i, had_hw = 0;

	for (i = 0; i < NSWBREAK; i++) {
		if (s->sw[i].used && s->tg.alive)
			sw_lift(s, &s->sw[i]);
		s->sw[i].used = 0;
	}
	for (i = 0; i < NHWSLOT; i++) {
		had_hw |= s->hw[i].type != 0;
		s->hw[i].type = 0;
	}
	if (had_hw && s->tg.alive)
		hw_apply(s);
}

/* "Ztype,addr,kind" and "ztype,addr,kind". */
void
handle_breakpoint(struct stub *s, const char *pkt)
{
	uint32_t addr, kind;
	int insert = pkt[0] == 'Z', type = pkt[1] - '0', error;
	const char *p = pkt + 2;

	if (pkt[1] < '0' || pkt[1] > '9' || *p++ != ',' ||
	    (p = hex_parse(p, &addr)) == NULL || *p++ != ',' ||
	    (p = hex_parse(p, &kind)) == NULL || *p != '\0') {
		reply_error(&s->rsp, 1);
		return;
	}
	if (type > 4) {
		s->rsp.outlen = 0;	/* a kind of breakpoint we do not offer */
		return;
	}
	if (type == 0)
		error = insert ? sw_insert(s, addr) : sw_remove(s, addr);
	else if (insert)
		error = hw_insert(s, type, addr, kind);
	else
		error = hw_remove(s, type, addr, kind);
	if (error)
		reply_error(&s->rsp, error);
	else
		reply(&s->rsp, "OK");
}
