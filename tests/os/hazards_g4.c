/*
 * hazards_g4.c - PT_WRITE_D and PT_IO against an address space that keeps
 * changing (SerenityOS #4990: a poke raced an munmap and the kernel used a
 * freed region). Kestrel has no mmap; its equivalent is the break. The
 * child grows it by two pages, checks they are all zero, fills them, and
 * shrinks it again; the tracer attaches, writes a word into the second
 * page, reads 8 KiB across the old break (the page below it and the first
 * new one) and detaches, 1,000 times. Every call is 0 or EFAULT (PT_IO:
 * the whole 8 KiB, or a short count of the one page below; the heap keeps
 * its first page as a region even when the break is back at its start, so
 * that page may read as zeroes even then); the child never finds a page
 * that is not fresh (a write that landed after the shrink would have made
 * one, or leaked it: the harness counts the free pages); neither side
 * crashes.
 *
 * Two schedules: "stepped" tells the child, through a pipe, to grow or
 * shrink before each round, so exactly half the pokes find the pages and
 * half find none; "free" lets it churn in a tight loop and the stops land
 * wherever the scheduler puts them.
 */
#include "hazards_lib.h"

#define PAGE	4096u
#define ROUNDS	1000

static uint32_t base;		/* the break at fork: where the pages come and go */
static int cmd[2];

static int
grow(void)
{
	uint32_t *pg = sbrk(2 * PAGE);
	int i;

	if (pg == (void *)-1 || (uint32_t)pg != base)
		return 2;
	for (i = 0; i < (int)(2 * PAGE / 4); i++)
		if (pg[i] != 0)
			return 3;	/* not a fresh page */
	memset(pg, 0x5a, 2 * PAGE);
	return 0;
}

static int
shrink(void)
{
	return sbrk(-2 * (int)PAGE) == (void *)-1 ? 4 : 0;
}

static int
churn_free(void)
{
	int r;

	for (;;) {
		if ((r = grow()) != 0 || (r = shrink()) != 0)
			return r;
		sched_yield();
	}
}

/* 'g' grows, 's' shrinks; end of file ends it. */
static int
churn_stepped(void)
{
	char c;
	ssize_t n;
	int r = 0;

	close(cmd[1]);
	for (;;) {
		n = read(cmd[0], &c, 1);
		if (n < 0 && errno == EINTR)
			continue;	/* the attach's stop interrupted it */
		if (n != 1)
			return 0;
		if ((r = c == 'g' ? grow() : shrink()) != 0)
			return r;
	}
}

/* One round on the stopped child: 1 if the poke found the pages, else 0. */
static int
poke_round(pid_t c)
{
	static char buf[2 * PAGE];
	struct ptrace_io_desc io;
	int r, e;

	r = ptrace(PT_WRITE_D, c, (caddr_t)(base + PAGE), 0);
	e = errno;
	KT_CHECK(r == 0 || e == EFAULT, "PT_WRITE_D: errno %d", e);
	io.piod_op = PIOD_READ_D;
	io.piod_offs = (void *)(base - PAGE);
	io.piod_addr = buf;
	io.piod_len = sizeof(buf);
	KT_CHECK(ptrace(PT_IO, c, (caddr_t)&io, 0) == 0 &&
	    (io.piod_len == 2 * PAGE || (r != 0 && io.piod_len == PAGE)),
	    "PT_IO moved %u, errno %d, the poke %s", io.piod_len, errno,
	    r == 0 ? "worked" : "failed");
	return r == 0 ? 1 : 0;
}

static int
attach_poke_detach(pid_t c, int *found)
{
	int st, r;

	PT_OK(PT_ATTACH, c, 0, 0);
	st = pt_wait(c);
	KT_CHECK(st != -1 && WIFSTOPPED(st), "attach: %s", pt_str(st));
	if ((r = poke_round(c)) < 0 || r > 1)
		return 1;
	*found += r;
	PT_OK(PT_DETACH, c, 1, 0);
	KT_CHECK(waitpid(c, &st, WNOHANG) == 0, "the child ended: %s",
	    pt_str(st));
	return 0;
}

/* The break at a page boundary, remembered in base for the child. */
static int
align_break(void)
{
	base = (uint32_t)sbrk(0);
	if (base & (PAGE - 1))
		sbrk(PAGE - (base & (PAGE - 1)));
	base = (uint32_t)sbrk(0);
	KT_CHECK((base & (PAGE - 1)) == 0, "break %#x not page-aligned", base);
	return 0;
}

HZ_CASE(test_stepped)
{
	int i, found = 0;
	pid_t c;

	KT_CHECK(align_break() == 0 && pipe(cmd) == 0, "setup");
	c = hz_child(churn_stepped);
	close(cmd[0]);
	for (i = 0; i < ROUNDS; i++) {
		KT_CHECK(write(cmd[1], i % 2 ? "s" : "g", 1) == 1, "write");
		KT_CHECK(pt_await_state(c, SSLEEP) == 0, "child not asleep");
		KT_CHECK(attach_poke_detach(c, &found) == 0, "round %d", i);
	}
	close(cmd[1]);
	PT_EXITS(c, 0);
	KT_CHECK(found == ROUNDS / 2, "%d of %d pokes found the pages", found,
	    ROUNDS);
	return 0;
}

HZ_CASE(test_free)
{
	int i, found = 0;
	pid_t c;

	KT_CHECK(align_break() == 0, "setup");
	c = hz_child(churn_free);
	for (i = 0; i < ROUNDS; i++) {
		KT_CHECK(attach_poke_detach(c, &found) == 0, "round %d", i);
		sched_yield();
	}
	kt_log("%d of %d pokes found the pages", found, ROUNDS);
	return 0;
}

int
main(void)
{
	kt_suite("hazards_g4");
	kt_run("stepped", test_stepped);
	kt_run("free", test_free);
	return kt_finish();
}
