// RUN: bochs
/*
 * dbreg_validate.c - PT_SETDBREGS refuses every unsafe set with EINVAL and
 * keeps the old registers; it keeps an accepted set exactly (NetBSD's
 * dbregs_preserve_* tests: across a get, a sched_yield and a run/stop
 * cycle). The rules are in kernel/i386/dbreg_validate.c; the same function is
 * unit-tested on the host (tests/host/test_dbreg_validate.c). Here they are
 * checked through the user-space contract, and the tracee then runs through
 * a hundred context switches to show that nothing unsafe was loaded.
 */
#include <sched.h>
#include <stdint.h>
#include "dbreg_lib.h"

#define VM_MAXUSER_ADDRESS	0xbfc00000u

volatile uint32_t g, g2;
void	val_fn(void);

__asm__(".text\n.globl val_fn\nval_fn: nop\n ret\n");

static int
stop_twice_then_yield(void)
{
	int i;

	kill(getpid(), SIGSTOP);
	for (i = 0; i < 100; i++) {
		g2 = i;
		sched_yield();
	}
	return 0;
}

/* Through the second stop to the exit. */
static int
finish(pid_t pid)
{
	if (dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
	    dbt_expect(pid, SIGSTOP, ~0u, "second stop") < 0)
		return -1;
	return dbt_finish(pid, 0);
}

/* A valid state with all four slots in use; the refused sets must keep it. */
static void
good_state(struct dbreg *d)
{
	memset(d, 0, sizeof(*d));
	d->dr[0] = (uint32_t)&g;
	d->dr[1] = (uint32_t)val_fn;
	d->dr[2] = (uint32_t)&g + 2;
	d->dr[3] = VM_MAXUSER_ADDRESS - 1;
	d->dr[7] = DR7_L(0) | DR7_RWLEN(0, RW_WRITE, LEN4) | DR7_G(1) |
	    DR7_RWLEN(1, RW_EXEC, LEN1) | DR7_L(2) | DR7_G(2) |
	    DR7_RWLEN(2, RW_RDWR, LEN2) | DR7_RWLEN(3, RW_WRITE, LEN1);
}

/* Expect EINVAL for bad, and the registers unchanged. */
static int
refused(pid_t pid, const struct dbreg *bad, const char *what)
{
	struct dbreg before, after;
	int r;

	if (dbt_get(pid, &before) < 0)
		return -1;
	errno = 0;
	r = ptrace(PT_SETDBREGS, pid, (caddr_t)bad, 0);
	if (r != -1 || errno != EINVAL)
		return DBT_FAIL("%s (dr7 %#x): returned %d, errno %d", what,
		    bad->dr[7], r, errno);
	if (dbt_get(pid, &after) < 0)
		return -1;
	if (memcmp(&before, &after, sizeof(before)) != 0)
		return DBT_FAIL("%s: the registers changed", what);
	return 0;
}

/* Expect the set to be accepted and read back exactly (DR4/5 as 0). */
static int
accepted(pid_t pid, const struct dbreg *ok, const char *what)
{
	struct dbreg want = *ok, got;

	if (ptrace(PT_SETDBREGS, pid, (caddr_t)ok, 0) != 0)
		return DBT_FAIL("%s (dr7 %#x): errno %d", what, ok->dr[7],
		    errno);
	if (dbt_get(pid, &got) < 0)
		return -1;
	want.dr[4] = want.dr[5] = want.dr[6] = 0;
	if (memcmp(&want, &got, sizeof(got)) != 0)
		return DBT_FAIL("%s: read back dr0 %#x dr3 %#x dr7 %#x", what,
		    got.dr[0], got.dr[3], got.dr[7]);
	return 0;
}

static const uint32_t bad_dr7[] = {
	0x00002001,	/* GD */
	0x00020001,	/* slot 0: R/W = 10, I/O */
	0x00090001,	/* slot 0: LEN = 10, undefined */
	0x000c0001,	/* slot 0: execute, 4 bytes */
	0x00040001,	/* slot 0: execute, 2 bytes */
	0x00000801, 0x00001001, 0x00004001, 0x00008001,	/* reserved bits */
	0x0000d801,
	0xffffffff,
	0x00200000,	/* slot 1 disabled, R/W = 10 */
	0x80000000,	/* slot 3 disabled, LEN = 10 */
};

/* Forbidden DR7 encodings, each with a valid DR0. */
static int
test_bad_dr7(void)
{
	struct dbreg d;
	pid_t pid;
	unsigned i;

	if ((pid = dbt_start(stop_twice_then_yield)) < 0)
		return 1;
	good_state(&d);
	if (dbt_set(pid, &d) < 0)
		return 1;
	for (i = 0; i < sizeof(bad_dr7) / sizeof(bad_dr7[0]); i++) {
		good_state(&d);
		d.dr[7] = bad_dr7[i];
		if (refused(pid, &d, "bad dr7") < 0)
			return 1;
	}
	return finish(pid) < 0;
}

static const struct {
	uint32_t	addr;
	uint32_t	rw, len;
	int		enabled;
	const char	*what;
} bad_addr[] = {
	{ 0xc0000000, RW_EXEC, LEN1, 1, "KERNBASE, execute" },
	{ 0xc0100000, RW_WRITE, LEN4, 1, "kernel text, write" },
	{ 0xfffffffc, RW_RDWR, LEN4, 1, "0xfffffffc, read/write" },
	{ 0xffffffff, RW_WRITE, LEN1, 1, "0xffffffff" },
	{ VM_MAXUSER_ADDRESS, RW_WRITE, LEN1, 1, "VM_MAXUSER_ADDRESS" },
	{ VM_MAXUSER_ADDRESS, RW_EXEC, LEN1, 1, "VM_MAXUSER_ADDRESS, execute" },
	{ VM_MAXUSER_ADDRESS - 1, RW_WRITE, LEN2, 1, "crossing, 2 bytes" },
	{ VM_MAXUSER_ADDRESS - 2, RW_WRITE, LEN4, 1, "crossing, 4 bytes" },
	{ 0xc0100000, RW_WRITE, LEN4, 0, "kernel address, disabled" },
	{ VM_MAXUSER_ADDRESS - 2, RW_WRITE, LEN4, 0, "crossing, disabled" },
	{ 0x08049001, RW_WRITE, LEN2, 1, "misaligned 2 bytes" },
	{ 0x08049002, RW_WRITE, LEN4, 1, "misaligned 4 bytes (2)" },
	{ 0x08049003, RW_RDWR, LEN4, 1, "misaligned 4 bytes (3)" },
};

/*
 * Unsafe addresses in each slot, through L and G enable bits alike; the
 * other slots hold the valid state.
 */
static int
test_bad_addr(void)
{
	struct dbreg d;
	pid_t pid;
	unsigned i;
	int s, e;

	if ((pid = dbt_start(stop_twice_then_yield)) < 0)
		return 1;
	good_state(&d);
	if (dbt_set(pid, &d) < 0)
		return 1;
	for (s = 0; s < 4; s++)
		for (e = 0; e < 2; e++)
			for (i = 0; i < sizeof(bad_addr) / sizeof(bad_addr[0]);
			    i++) {
				good_state(&d);
				d.dr[s] = bad_addr[i].addr;
				d.dr[7] &= ~(0xfu << (16 + 4 * s) | 3u << 2 * s);
				d.dr[7] |= DR7_RWLEN(s, bad_addr[i].rw,
				    bad_addr[i].len);
				if (bad_addr[i].enabled)
					d.dr[7] |= e ? DR7_G(s) : DR7_L(s);
				if (refused(pid, &d, bad_addr[i].what) < 0)
					return 1;
			}
	return finish(pid) < 0;
}

/*
 * CVE-2018-1000199's shape: store a kernel address while disabled, then
 * enable it. Kestrel refuses the first step already, and the second (the
 * combined state) too.
 */
static int
test_disabled_then_enabled(void)
{
	struct dbreg d;
	pid_t pid;

	if ((pid = dbt_start(stop_twice_then_yield)) < 0)
		return 1;
	memset(&d, 0, sizeof(d));
	d.dr[0] = 0xc0100000;
	if (refused(pid, &d, "kernel address, disabled") < 0 ||
	    dbt_get(pid, &d) < 0)
		return 1;
	KT_CHECK(d.dr[0] == 0, "dr0 %#x stored", d.dr[0]);
	d.dr[0] = 0xc0100000;
	d.dr[7] = DR7_G(0) | DR7_RWLEN(0, RW_WRITE, LEN4);
	if (refused(pid, &d, "then enabled") < 0)
		return 1;
	d.dr[0] = (uint32_t)&g;
	d.dr[7] = 0;
	if (accepted(pid, &d, "user address, disabled") < 0)
		return 1;
	d.dr[0] = 0xc0100000;
	if (refused(pid, &d, "kernel address over a disabled slot") < 0)
		return 1;
	return finish(pid) < 0;
}

/* Accepted edge cases, each read back exactly. */
static int
test_accepted(void)
{
	struct dbreg d;
	pid_t pid;

	if ((pid = dbt_start(stop_twice_then_yield)) < 0)
		return 1;
	memset(&d, 0, sizeof(d));
	d.dr[0] = VM_MAXUSER_ADDRESS - 1;
	d.dr[7] = DR7_L(0) | DR7_RWLEN(0, RW_WRITE, LEN1);
	if (accepted(pid, &d, "last user byte") < 0)
		return 1;
	d.dr[1] = VM_MAXUSER_ADDRESS - 4;
	d.dr[2] = VM_MAXUSER_ADDRESS - 2;
	d.dr[7] |= DR7_G(1) | DR7_RWLEN(1, RW_RDWR, LEN4) | DR7_L(2) |
	    DR7_RWLEN(2, RW_WRITE, LEN2);
	if (accepted(pid, &d, "last user word and dword") < 0)
		return 1;
	d.dr[7] |= 0x700;		/* LE, GE and bit 10: harmless */
	if (accepted(pid, &d, "LE GE bit 10") < 0)
		return 1;
	memset(&d, 0, sizeof(d));
	d.dr[7] = 0x300;
	if (accepted(pid, &d, "LE GE only") < 0)
		return 1;
	good_state(&d);
	d.dr[4] = 0xc0000000;		/* DR4 and DR5 are ignored */
	d.dr[5] = 0xffffffff;
	if (accepted(pid, &d, "DR4 DR5 ignored") < 0)
		return 1;
	memset(&d, 0, sizeof(d));	/* leave nothing armed near the stack */
	if (dbt_set(pid, &d) < 0)
		return 1;
	return finish(pid) < 0;
}

/*
 * NetBSD's dbregs_preserve_dr{0..3}{,_yield,_continued}: an address put
 * into DRn without enabling it reads back byte for byte after a get, after
 * the tracer yields, and after the tracee ran and stopped again; so does a
 * fully armed state.
 */
static int
preserve(int how)
{
	struct dbreg d, got;
	pid_t pid;
	int n;

	for (n = 0; n <= 4; n++) {
		if ((pid = dbt_start(stop_twice_then_yield)) < 0)
			return 1;
		memset(&d, 0, sizeof(d));
		if (n < 4)
			d.dr[n] = (uint32_t)&g;
		else
			good_state(&d);
		if (dbt_set(pid, &d) < 0)
			return 1;
		if (how == 1)
			sched_yield();
		if (how == 2 && (dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
		    dbt_expect(pid, SIGSTOP, 0, "second stop") < 0))
			return 1;
		if (dbt_get(pid, &got) < 0)
			return 1;
		KT_CHECK(memcmp(&d, &got, sizeof(d)) == 0, "case %d: dr%d "
		    "%#x dr7 %#x", n, n & 3, got.dr[n & 3], got.dr[7]);
		dbt_kill(pid);
	}
	return 0;
}

static int test_preserve(void) { return preserve(0); }
static int test_preserve_yield(void) { return preserve(1); }
static int test_preserve_continued(void) { return preserve(2); }

/* Requests that are not about the registers' contents. */
static int
test_bad_requests(void)
{
	struct dbreg d;
	pid_t pid;

	if ((pid = dbt_start(stop_twice_then_yield)) < 0)
		return 1;
	errno = 0;
	KT_CHECK(ptrace(PT_SETDBREGS, pid, (caddr_t)0xc0000000, 0) == -1 &&
	    errno == EFAULT, "kernel buffer: errno %d", errno);
	errno = 0;
	KT_CHECK(ptrace(PT_GETDBREGS, pid, (caddr_t)0xc0000000, 0) == -1 &&
	    errno == EFAULT, "kernel buffer: errno %d", errno);
	memset(&d, 0, sizeof(d));
	errno = 0;
	KT_CHECK(ptrace(PT_SETDBREGS, getpid(), (caddr_t)&d, 0) == -1,
	    "PT_SETDBREGS on an untraced process succeeded");
	return finish(pid) < 0;
}

int
main(void)
{
	kt_suite("dbreg_validate");
	kt_run("bad_dr7", test_bad_dr7);
	kt_run("bad_addr", test_bad_addr);
	kt_run("disabled_then_enabled", test_disabled_then_enabled);
	kt_run("accepted", test_accepted);
	kt_run("preserve", test_preserve);
	kt_run("preserve_yield", test_preserve_yield);
	kt_run("preserve_continued", test_preserve_continued);
	kt_run("bad_requests", test_bad_requests);
	return kt_finish();
}
