// SOURCES: kernel/i386/dbreg_validate.c
// CFLAGS: -idirafter user/include
/*
 * test_dbreg_validate.c - kernel/i386/dbreg_validate.c on the host: every rule
 * of PT_SETDBREGS validation, each slot, L and G enable bits alike, the
 * user-space boundary to the byte, and an exhaustive sweep of every DR7
 * control nibble (R/W and LEN) checked against an independent statement
 * of the rules.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <machine/reg.h>
#include "kernel/i386/dbreg.h"
#include "kernel/i386/layout.h"

static int failures;

static void
check(const char *name, const struct dbreg *d, int want)
{
	int got = dbreg_validate(d);

	if (got != want) {
		failures++;
		printf("FAIL %s: dr0 %#x dr1 %#x dr2 %#x dr3 %#x dr7 %#x: "
		    "got %d, expected %d\n", name, d->dr[0], d->dr[1],
		    d->dr[2], d->dr[3], d->dr[7], got, want);
	}
}

static struct dbreg
one(int slot, uint32_t addr, uint32_t rw, uint32_t lenf, uint32_t enable)
{
	struct dbreg d;

	memset(&d, 0, sizeof(d));
	d.dr[slot] = addr;
	d.dr[7] = enable << (2 * slot) | (lenf << 2 | rw) << (16 + 4 * slot);
	return d;
}

static void
report(const char *name, int before)
{
	if (failures == before)
		printf("PASS %s\n", name);
}

static void
test_dr7_bits(void)
{
	static const uint32_t bad[] = {
		0x00002001, 0x00000801, 0x00001001, 0x00004001, 0x00008001,
		0x0000d801, 0xffffffff, 0x00002000,
	};
	static const uint32_t good[] = {
		0, 0x400, 0x300, 0x700, 0x000d0001, 0x000d0703, 0x00000001,
	};
	struct dbreg d;
	int before = failures;
	unsigned i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		d = one(0, 0x08049000, 0, 0, 0);
		d.dr[7] = bad[i];
		check("dr7_bits", &d, EINVAL);
	}
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		d = one(0, 0x08049000, 0, 0, 0);
		d.dr[7] = good[i];
		check("dr7_bits", &d, 0);
	}
	report("dr7_bits", before);
}

/* An independent statement of the per-slot rules. */
static int
expect_slot(uint32_t addr, uint32_t rw, uint32_t lenf, int enabled)
{
	uint32_t len = lenf == 0 ? 1 : lenf == 1 ? 2 : 4;

	if (rw == 2 || lenf == 2)
		return EINVAL;
	if (addr != 0 && (uint64_t)addr + len > VM_MAXUSER_ADDRESS)
		return EINVAL;
	if (enabled && rw == 0 && lenf != 0)
		return EINVAL;
	if (enabled && addr % len != 0)
		return EINVAL;
	return 0;
}

static void
test_sweep(void)
{
	static const uint32_t addrs[] = {
		0, 1, 2, 3, 4, 0x1000, 0x08049000, 0x08049001, 0x08049002,
		0x08049003, VM_MAXUSER_ADDRESS - 4, VM_MAXUSER_ADDRESS - 3,
		VM_MAXUSER_ADDRESS - 2, VM_MAXUSER_ADDRESS - 1,
		VM_MAXUSER_ADDRESS, VM_MAXUSER_ADDRESS + 1, KERNBASE,
		0xc0100000, 0xfffffffc, 0xfffffffe, 0xffffffff,
	};
	int before = failures, slot;
	uint32_t rw, lenf, en;
	unsigned a;

	for (slot = 0; slot < 4; slot++)
		for (a = 0; a < sizeof(addrs) / sizeof(addrs[0]); a++)
			for (rw = 0; rw < 4; rw++)
				for (lenf = 0; lenf < 4; lenf++)
					for (en = 0; en < 4; en++) {
						struct dbreg d = one(slot,
						    addrs[a], rw, lenf, en);

						check("sweep", &d, expect_slot(
						    addrs[a], rw, lenf,
						    en != 0));
					}
	report("sweep", before);
}

/* One bad slot spoils a set whose other slots are fine. */
static void
test_whole_state(void)
{
	struct dbreg d;
	int before = failures, slot;

	for (slot = 0; slot < 4; slot++) {
		memset(&d, 0, sizeof(d));
		d.dr[0] = 0x08049000;
		d.dr[1] = 0x08049004;
		d.dr[2] = 0x08049008;
		d.dr[3] = 0x0804900c;
		d.dr[7] = 0xdddd00ff;		/* all: write, 4 bytes, L+G */
		check("whole_state", &d, 0);
		d.dr[slot] = KERNBASE;
		check("whole_state", &d, EINVAL);
		d.dr[7] = 0;			/* disabled: still refused */
		check("whole_state", &d, EINVAL);
	}
	report("whole_state", before);
}

/* DR4, DR5 and DR6 are not validated. */
static void
test_ignored(void)
{
	struct dbreg d = one(0, 0x08049000, 1, 3, 1);
	int before = failures;

	d.dr[4] = KERNBASE;
	d.dr[5] = 0xffffffff;
	d.dr[6] = 0xffffffff;
	check("ignored", &d, 0);
	report("ignored", before);
}

int
main(void)
{
	test_dr7_bits();
	test_sweep();
	test_whole_state();
	test_ignored();
	return failures != 0;
}
