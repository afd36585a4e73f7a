/*
 * hazards_c1.c - kernel addresses in DR0-DR3. A breakpoint on kernel text
 * or data would trap the kernel itself: a #DB storm in ring 0 (FreeBSD's
 * set_dbregs, NetBSD dbregs.c 1.10, CVE-2018-1000199). Every set below is
 * refused with EINVAL and leaves the tracee's registers as they were (a
 * valid watchpoint in DR1 beforehand shows it), in every slot, with local
 * and global enables, at VM_MAXUSER_ADDRESS exactly (NetBSD's off-by-one)
 * and for a slot that is disabled now and enabled by a second call (the
 * combined state is what counts). The last user byte is accepted. After
 * each, the tracee runs through 100 context switches without a stop.
 */
#include "hazards_regs.h"

uint32_t c1_g;

static const struct {
	const char	*name;
	int		slot;
	uint32_t	addr;
	uint32_t	dr7;
	int		ok;
} sets[] = {
	{ "exec_c0000000", 0, 0xc0000000u, 0x00000001, 0 },
	{ "write_c0100000", 0, 0xc0100000u, 0x000d0001, 0 },
	{ "rdwr_fffffffc", 0, 0xfffffffcu, 0x000f0001, 0 },
	{ "write_at_user_top", 0, HZ_USER_TOP, 0x00010001, 0 },
	{ "rdwr4_crossing_top", 0, HZ_USER_TOP - 2, 0x000f0001, 0 },
	{ "slot1_local", 1, 0xc0000000u, 0x00000004, 0 },
	{ "slot1_global", 1, 0xc0000000u, 0x00000008, 0 },
	{ "slot2_local", 2, 0xc0100000u, 0x00d00010, 0 },
	{ "slot2_global", 2, 0xc0100000u, 0x00d00020, 0 },
	{ "slot3_local", 3, 0xfffffffcu, 0xf0000040, 0 },
	{ "slot3_global", 3, 0xfffffffcu, 0xf0000080, 0 },
	{ "last_user_byte", 0, HZ_USER_TOP - 1, 0x00010001, 1 },
};
static int cur;

/* The valid set loaded first: a write watchpoint on c1_g in DR1. */
static void
valid_set(struct dbreg *d)
{
	memset(d, 0, sizeof(*d));
	d->dr[1] = (uint32_t)&c1_g;
	d->dr[7] = 0x00d00004;
}

HZ_CASE(test_set)
{
	struct dbreg was, d;

	valid_set(&was);
	d = was;
	d.dr[sets[cur].slot] = sets[cur].addr;
	d.dr[7] = (sets[cur].slot == 1 ? 0 : was.dr[7]) | sets[cur].dr7;
	return hz_dbregs_try(&was, &d, sets[cur].ok);
}

/* CVE-2018-1000199: disabled first (EINVAL here too), then enabled. */
HZ_CASE(test_disabled_then_enabled)
{
	struct dbreg was, d;

	valid_set(&was);
	d = was;
	d.dr[0] = 0xc0100000u;
	KT_CHECK(hz_dbregs_try(&was, &d, 1) == 0, "first, disabled");
	d.dr[7] |= 0x000d0001;
	return hz_dbregs_try(&was, &d, 0);
}

int
main(void)
{
	kt_suite("hazards_c1");
	for (cur = 0; cur < (int)HZ_NELEM(sets); cur++)
		kt_run(sets[cur].name, test_set);
	kt_run("disabled_then_enabled", test_disabled_then_enabled);
	return kt_finish();
}
