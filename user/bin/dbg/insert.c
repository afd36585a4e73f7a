/*
 * insert.c - putting breakpoints into the process: int3 bytes in its text
 * and DR0-DR3/DR7 in its debug registers.
 *
 * An int3 is planted the classic way: PT_READ_I the word at the address,
 * keep its low byte, PT_WRITE_I the word back with 0xCC in that byte (the
 * kernel's copy-on-write keeps the change private to this process). Within
 * the last three bytes of a mapping the word would not fit, so there the
 * single byte moves with PT_IO. Two breakpoints at one address (a user's and
 * nexti's temporary one) share the planted byte.
 *
 * The debug registers are rebuilt from the whole table each time and written
 * with one PT_SETDBREGS, so the kernel validates the complete state (DR7
 * local-enable bits, R/W and LEN fields per the SDM, vol. 3, 17.2.4).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include "dbg.h"

#define INT3	0xcc

static int
io_byte(struct dbg *d, int op, uint32_t addr, unsigned char *byte)
{
	struct ptrace_io_desc io;

	io.piod_op = op;
	io.piod_offs = (void *)addr;
	io.piod_addr = byte;
	io.piod_len = 1;
	if (ptrace(PT_IO, d->pid, (caddr_t)&io, 0) != 0 || io.piod_len != 1)
		return -1;
	return 0;
}

/* Put byte at addr, returning the byte that was there in *old. */
static int
swap_byte(struct dbg *d, uint32_t addr, unsigned char byte, unsigned char *old)
{
	int word;

	word = ptrace(PT_READ_I, d->pid, (caddr_t)addr, 0);
	if (errno == 0) {
		*old = word & 0xff;
		word = (word & ~0xff) | byte;
		if (ptrace(PT_WRITE_I, d->pid, (caddr_t)addr, word) == 0)
			return 0;
	}
	if (io_byte(d, PIOD_READ_I, addr, old) != 0 ||
	    io_byte(d, PIOD_WRITE_I, addr, &byte) != 0)
		return -1;
	return 0;
}

static struct bpt *
planted_at(struct dbg *d, uint32_t addr)
{
	int i;

	for (i = 0; i < d->nbpts; i++)
		if (d->bpts[i].inserted && d->bpts[i].addr == addr)
			return &d->bpts[i];
	return NULL;
}

/* Plant every int3 of the table. 0, or -1 (nothing planted) with a message. */
int
soft_insert_all(struct dbg *d)
{
	struct bpt *b, *other;
	int i;

	for (i = 0; i < d->nbpts; i++) {
		b = &d->bpts[i];
		if ((b->kind != BP_BREAK && b->kind != BP_TEMP) || b->inserted)
			continue;
		if ((other = planted_at(d, b->addr)) != NULL) {
			b->saved = other->saved;
		} else if (swap_byte(d, b->addr, INT3, &b->saved) != 0) {
			printf("Warning:\nCannot insert breakpoint %d.\n"
			    "Cannot access memory at address 0x%x\n\n",
			    b->num, (unsigned)b->addr);
			soft_remove_all(d);
			return -1;
		}
		b->inserted = 1;
	}
	return 0;
}

/* Take every int3 out again (the process must be stopped). */
void
soft_remove_all(struct dbg *d)
{
	unsigned char dummy;
	int i;

	for (i = d->nbpts - 1; i >= 0; i--) {
		struct bpt *b = &d->bpts[i];

		if (!b->inserted)
			continue;
		b->inserted = 0;
		if (planted_at(d, b->addr) == NULL)
			swap_byte(d, b->addr, b->saved, &dummy);
	}
}

/*
 * The debug-register pieces entry b needs: an execution breakpoint one,
 * a watched range as many naturally aligned 4-, 2- and 1-byte pieces as it
 * takes. Returns the count (0 for int3 entries); fills at most DBG_NDR.
 */
int
dr_slots(const struct bpt *b, uint32_t addr[DBG_NDR], uint32_t len[DBG_NDR])
{
	uint32_t a = b->addr, end = b->addr + b->len, n;
	int count = 0;

	if (b->kind == BP_HBREAK) {
		addr[0] = b->addr;
		len[0] = 1;
		return 1;
	}
	if (b->kind != BP_WATCH && b->kind != BP_RWATCH &&
	    b->kind != BP_AWATCH)
		return 0;
	while (a < end) {
		for (n = 4; n > 1 && ((a & (n - 1)) != 0 || a + n > end); n /= 2)
			;
		if (count < DBG_NDR) {
			addr[count] = a;
			len[count] = n;
		}
		count++;
		a += n;
	}
	return count;
}

static uint32_t
len_code(uint32_t n)
{
	return n == 1 ? DBREG_DR7_LEN_1 : n == 2 ? DBREG_DR7_LEN_2 :
	    DBREG_DR7_LEN_4;
}

/*
 * Load the table's hardware entries into DR0-DR3/DR7, leaving the
 * execution breakpoint at skip_exec_at (if any) disabled. No-op without
 * a process. 0, or -1 with the kernel's refusal printed.
 */
int
dr_program(struct dbg *d, uint32_t skip_exec_at)
{
	uint32_t addr[DBG_NDR], len[DBG_NDR], access;
	lwpid_t ids[DBG_MAXTHREADS];
	struct dbreg db;
	int i, j, n, slot = 0;

	if (d->pid == 0)
		return 0;
	memset(&db, 0, sizeof(db));
	for (i = 0; i < d->nbpts; i++) {
		const struct bpt *b = &d->bpts[i];

		n = dr_slots(b, addr, len);
		access = b->kind == BP_HBREAK ? DBREG_DR7_EXEC :
		    b->kind == BP_WATCH ? DBREG_DR7_WRONLY : DBREG_DR7_RDWR;
		for (j = 0; j < n && slot < DBG_NDR; j++, slot++) {
			db.dr[slot] = addr[j];
			if (b->kind == BP_HBREAK && b->addr == skip_exec_at)
				continue;
			db.dr[7] |= DBREG_DR7_SET(slot, len_code(len[j]), access,
			    DBREG_DR7_LOCAL_ENABLE);
		}
	}
	/* Debug registers are each thread's: every thread gets the table. */
	n = ptrace(PT_GETLWPLIST, d->pid, (caddr_t)ids, DBG_MAXTHREADS);
	for (i = 0; i < n; i++)
		if (ptrace(PT_SETDBREGS, ids[i], (caddr_t)&db, 0) != 0)
			break;
	if (n > 0 && i == n)
		return 0;
	printf("Couldn't write debug registers: %s.\n", strerror(errno));
	return -1;
}
