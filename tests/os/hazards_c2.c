// RUN: bochs
/*
 * hazards_c2.c - DR7 control bits. GD makes every later MOV to or from a
 * debug register raise #DB, the kernel's own context-switch reload and the
 * #DB handler's read of DR6 included; R/W = 10 is an I/O breakpoint; LEN
 * = 10 is undefined on i386, as is an execution breakpoint longer than a
 * byte; bits 11, 12, 14 and 15 are reserved (FreeBSD, NetBSD 1.10, Xen
 * CVE-2012-3494). Each value is refused with EINVAL (nothing changes) or,
 * where harmless, kept as a safe value; then the tracee and a CPU hog go
 * through 100 context switches and the tracee takes no trap at all.
 *
 * Bochs runs it too: QEMU ignores GD, Bochs honours it, so a GD that
 * reached the hardware would show there as a #DB in the kernel.
 */
#include "hazards_regs.h"

uint32_t c2_g;

static const struct {
	const char	*name;
	uint32_t	dr7;
	int		ok;	/* may be accepted (if it reads back safe) */
} values[] = {
	{ "gd", 0x00002001, 0 },
	{ "rw_io", 0x00020001, 0 },
	{ "len_8", 0x00090001, 0 },
	{ "exec_len_4", 0x000c0001, 0 },
	{ "reserved_bits", 0x0000d801, 0 },
	{ "all_ones", 0xffffffff, 0 },
	{ "le_ge_only", 0x00000300, 1 },
};
static int cur;

HZ_CASE(test_dr7)
{
	struct dbreg was, d;

	memset(&was, 0, sizeof(was));
	was.dr[0] = (uint32_t)&c2_g;
	was.dr[7] = 0x000d0001;
	d = was;
	d.dr[7] = values[cur].dr7;
	return hz_dbregs_try(&was, &d, values[cur].ok);
}

int
main(void)
{
	kt_suite("hazards_c2");
	for (cur = 0; cur < (int)HZ_NELEM(values); cur++)
		kt_run(values[cur].name, test_dr7);
	return kt_finish();
}
