/*
 * hazards_g4.c - PT_WRITE_D and PT_IO against an address space that keeps
 * changing (SerenityOS #4990: a poke raced an munmap and the kernel used a
 * freed region). Kestrel has no mmap; its equivalent is the break: the
 * child grows it by two pages, checks they are all zero, fills them, and
 * shrinks it again, over and over, while the tracer attaches, writes a
 * word into the second page, reads 8 KiB across the break (the page below
 * it and the first new one) and detaches, 1,000 times. Every call is 0
 * or EFAULT (PT_IO: the whole 8 KiB, or a short count of the one page);
 * the child never finds a page that is not fresh (a write that landed
 * after the shrink would have made one, or leaked it: the harness counts
 * the free pages); neither side crashes; and both outcomes happen.
 */
#include "hazards_lib.h"

#define PAGE	4096u
#define ROUNDS	1000

static uint32_t base;		/* the child's break at fork: the churning page */

static int
churn(void)
{
	uint32_t *pg;
	int i;

	for (;;) {
		pg = sbrk(2 * PAGE);
		if (pg == (void *)-1 || (uint32_t)pg != base)
			return 2;
		for (i = 0; i < (int)(2 * PAGE / 4); i++)
			if (pg[i] != 0)
				return 3;	/* not a fresh page */
		memset(pg, 0x5a, 2 * PAGE);
		if (sbrk(-2 * (int)PAGE) == (void *)-1)
			return 4;
		sched_yield();		/* a stop here finds no page */
	}
}

HZ_CASE(test_churn)
{
	static char buf[2 * PAGE];
	struct ptrace_io_desc io;
	int i, st, r, e, efaults = 0, full = 0;
	pid_t c;

	base = (uint32_t)sbrk(0);
	if (base & (PAGE - 1))
		sbrk(PAGE - (base & (PAGE - 1)));
	base = (uint32_t)sbrk(0);
	KT_CHECK((base & (PAGE - 1)) == 0, "break %#x not page-aligned", base);
	c = hz_child(churn);
	for (i = 0; i < ROUNDS; i++) {
		PT_OK(PT_ATTACH, c, 0, 0);
		st = pt_wait(c);
		KT_CHECK(st != -1 && WIFSTOPPED(st), "round %d: %s", i,
		    pt_str(st));
		r = ptrace(PT_WRITE_D, c, (caddr_t)(base + PAGE), 0);
		e = errno;
		KT_CHECK(r == 0 || e == EFAULT, "PT_WRITE_D: errno %d", e);
		efaults += r != 0;
		io.piod_op = PIOD_READ_D;
		io.piod_offs = (void *)(base - PAGE);
		io.piod_addr = buf;
		io.piod_len = sizeof(buf);
		r = ptrace(PT_IO, c, (caddr_t)&io, 0);
		KT_CHECK(r == 0 && (io.piod_len == PAGE ||
		    io.piod_len == 2 * PAGE), "PT_IO: %d, moved %u, errno %d",
		    r, io.piod_len, errno);
		full += io.piod_len == 2 * PAGE;
		KT_CHECK((r = ptrace(PT_DETACH, c, (caddr_t)1, 0)) == 0,
		    "PT_DETACH: errno %d", errno);
		KT_CHECK(waitpid(c, &st, WNOHANG) == 0, "the child ended: %s",
		    pt_str(st));
		sched_yield();		/* let it move on: its next stop varies */
	}
	KT_CHECK(efaults > 0 && efaults < ROUNDS, "%d of %d pokes found no "
	    "page: the race was not run", efaults, ROUNDS);
	KT_CHECK(full > 0 && full < ROUNDS, "%d of %d reads crossed", full,
	    ROUNDS);
	return 0;
}

int
main(void)
{
	kt_suite("hazards_g4");
	kt_run("churn", test_churn);
	return kt_finish();
}
