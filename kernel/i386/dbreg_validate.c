/*
 * dbreg_validate.c - may a tracer load this DR0-DR7 set? Pure logic with
 * no kernel state, so tests/host/test_dbreg_validate.c runs it on the host.
 *
 * The whole resulting state is checked at once, stricter than FreeBSD i386
 * where NetBSD learnt better (CVE-2018-1000199: a slot validated only while
 * disabled was later enabled without a check):
 *   - DR7: no reserved bit (11, 12, 14, 15), no GD; for every slot, enabled
 *     or not, no I/O breakpoint (R/W = 10) and no undefined length
 *     (LEN = 10). Bit 10, LE and GE are harmless and allowed.
 *   - every non-zero DR0-DR3, enabled or not, lies wholly in user space:
 *     address + length <= VM_MAXUSER_ADDRESS.
 *   - an enabled slot: an execution breakpoint has length 1, and a 2- or
 *     4-byte watchpoint is aligned to its length (the CPU would silently
 *     ignore the low address bits otherwise).
 * DR4 and DR5 are ignored; DR6 is not checked (set_dbregs keeps only the
 * clearing of its status bits).
 */
#include <stdint.h>
#include <sys/errno.h>
#include <machine/reg.h>
#include "kernel/i386/dbreg.h"
#include "kernel/i386/layout.h"

/* LAB dbreg: BEGIN */
static uint32_t
len_bytes(uint32_t lenfield)
{
	return lenfield == DBREG_DR7_LEN_1 ? 1 : lenfield == DBREG_DR7_LEN_2 ? 2 : 4;
}

static int
slot_valid(uint32_t addr, uint32_t dr7, int i)
{
	uint32_t rw = DBREG_DR7_ACCESS(dr7, i), lenf = DBREG_DR7_LEN(dr7, i), len;

	if (rw == DR7_IO || lenf == DBREG_DR7_LEN_8)
		return 0;
	len = len_bytes(lenf);
	if (addr != 0 && (addr >= VM_MAXUSER_ADDRESS ||
	    VM_MAXUSER_ADDRESS - addr < len))
		return 0;			/* not wholly in user space */
	if (!DBREG_DR7_ENABLED(dr7, i))
		return 1;
	if (rw == DBREG_DR7_EXEC && lenf != DBREG_DR7_LEN_1)
		return 0;
	return (addr & (len - 1)) == 0;
}
/* LAB dbreg: END */

int
dbreg_validate(const struct dbreg *d)
{
	/* LAB dbreg: BEGIN stub:
	 *	(void)d;
	 *	return EINVAL;
	 */
	int i;

	if (d->dr[7] & (DR7_RESERVED | DBREG_DR7_GD))
		return EINVAL;
	for (i = 0; i < 4; i++)
		if (!slot_valid(d->dr[i], d->dr[7], i))
			return EINVAL;
	return 0;
	/* LAB dbreg: END */
}
