/*
 * hazards_f3.c - address checks on both sides of a ptrace transfer: the
 * tracee's address and the tracer's buffer (ToaruOS #303 wrote anywhere in
 * the kernel; its early PEEKDATA read anywhere). Kernel addresses, page 0,
 * the unmapped gap below the stack and words straddling the end of user
 * space are EFAULT for PT_READ_D and PT_WRITE_D and move no byte; PT_IO
 * stops at the end of user space (a short count, the tracer's buffer past
 * it untouched), refuses a range that wraps, a kernel buffer on the
 * tracer's side (in both directions) and an unknown op (EINVAL), and moves
 * nothing, successfully, for a zero length. Reads of pages the tracee has
 * never touched give their true contents: zeroes for untouched bss and
 * stack, the file's bytes for untouched read-only data.
 * A refused word write changes nothing: one that straddles the end of
 * user space leaves its user bytes as they were (the top word of user
 * space is read back after every refused write).
 */
#include "hazards_lib.h"

#define PAGE		4096u
#define STACK_BOTTOM	(HZ_USER_TOP - (8u << 20))	/* below: no region */

static char bss_far[4 * PAGE] __attribute__((aligned(4096)));
static const uint32_t ro_far[2048] __attribute__((aligned(4096))) = {
	[0] = 0x600df00d, [1024] = 0x0ddba11, [2047] = 0xfeedface,
};

static const uint32_t bad_addrs[] = {
	0xc0000000u, 0xfffffffcu, 0x00000000u, STACK_BOTTOM - 4,
	HZ_USER_TOP - 2, HZ_USER_TOP - 1,
};

HZ_CASE(test_word_bad_addresses)
{
	pid_t pid = pt_traced(hz_exit0);
	unsigned i;
	int w, top, now;

	KT_CHECK(pid > 0, "no tracee");
	errno = 0;
	top = ptrace(PT_READ_D, pid, (caddr_t)(HZ_USER_TOP - 4), 0);
	KT_CHECK(errno == 0, "PT_READ_D of the top word: errno %d", errno);
	for (i = 0; i < HZ_NELEM(bad_addrs); i++) {
		errno = 0;
		w = ptrace(PT_READ_D, pid, (caddr_t)bad_addrs[i], 0);
		KT_CHECK(w == -1 && errno == EFAULT, "PT_READ_D %#x: %#x errno "
		    "%d", bad_addrs[i], w, errno);
		PT_ERR(EFAULT, PT_WRITE_D, pid, bad_addrs[i], 0x41414141);
		errno = 0;
		now = ptrace(PT_READ_D, pid, (caddr_t)(HZ_USER_TOP - 4), 0);
		KT_CHECK(errno == 0 && now == top, "after PT_WRITE_D %#x the top "
		    "word is %#x, was %#x", bad_addrs[i], now, top);
	}
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

static unsigned char tbuf[3 * PAGE];

/* PT_IO with these fields on a fresh tracee; the tracer's buffer is tbuf. */
static int
io(pid_t pid, int op, uint32_t offs, void *addr, size_t len, size_t *moved)
{
	struct ptrace_io_desc d = { op, (void *)offs, addr, len };
	int r = ptrace(PT_IO, pid, (caddr_t)&d, 0);

	*moved = d.piod_len;
	return r;
}

HZ_CASE(test_io_into_kernel)
{
	pid_t pid = pt_traced(hz_exit0);
	size_t moved;
	unsigned i;

	KT_CHECK(pid > 0, "no tracee");
	memset(tbuf, 0xa5, sizeof(tbuf));
	/* The top stack page, then the kernel: a short count of one page. */
	KT_CHECK(io(pid, PIOD_READ_D, HZ_USER_TOP - PAGE, tbuf, 2 * PAGE,
	    &moved) == 0 && moved == PAGE, "crossing read: moved %u, errno %d",
	    moved, errno);
	for (i = PAGE; i < sizeof(tbuf); i++)
		KT_CHECK(tbuf[i] == 0xa5, "tracer byte %u written", i);
	/* Writing back what was read: the tracee's stack stays as it was. */
	KT_CHECK(io(pid, PIOD_WRITE_D, HZ_USER_TOP - PAGE, tbuf, 2 * PAGE,
	    &moved) == 0 && moved == PAGE, "crossing write: moved %u, errno %d",
	    moved, errno);
	KT_CHECK(io(pid, PIOD_READ_D, 0xfffff000u, tbuf, 0xffffffffu, &moved)
	    == -1 && errno == EFAULT, "wrapping read: moved %u errno %d",
	    moved, errno);
	KT_CHECK(io(pid, PIOD_READ_D, 0xc0000000u, tbuf, 16, &moved) == -1 &&
	    errno == EFAULT, "kernel read: errno %d", errno);
	KT_CHECK(io(pid, PIOD_WRITE_D, 0xc0000000u, tbuf, 16, &moved) == -1 &&
	    errno == EFAULT, "kernel write: errno %d", errno);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

HZ_CASE(test_io_odd_requests)
{
	static uint32_t target = 0x12345678;
	pid_t pid = pt_traced(hz_exit0);
	size_t moved;

	KT_CHECK(pid > 0, "no tracee");
	KT_CHECK(io(pid, PIOD_READ_D, (uint32_t)&target, tbuf, 0, &moved) == 0 &&
	    moved == 0, "zero length: moved %u errno %d", moved, errno);
	KT_CHECK(io(pid, 99, (uint32_t)&target, tbuf, 4, &moved) == -1 &&
	    errno == EINVAL, "op 99: errno %d", errno);
	KT_CHECK(io(pid, PIOD_READ_D, (uint32_t)&target, (void *)0xc0000000u,
	    4, &moved) == -1 && errno == EFAULT, "read into a kernel buffer: "
	    "errno %d", errno);
	KT_CHECK(io(pid, PIOD_WRITE_D, (uint32_t)&target, (void *)0xc0000000u,
	    4, &moved) == -1 && errno == EFAULT, "write from a kernel buffer: "
	    "errno %d", errno);
	errno = 0;
	KT_CHECK(ptrace(PT_READ_D, pid, (caddr_t)&target, 0) == 0x12345678 &&
	    errno == 0, "the tracee's word changed");
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

/* Pages the tracee never touched read as what they hold. */
HZ_CASE(test_untouched_pages)
{
	pid_t pid = pt_traced(hz_exit0);
	const uint32_t deep = STACK_BOTTOM + PAGE;
	int i;

	KT_CHECK(pid > 0, "no tracee");
	errno = 0;
	KT_CHECK(ptrace(PT_READ_D, pid, (caddr_t)&bss_far[2 * PAGE], 0) == 0 &&
	    errno == 0, "untouched bss: errno %d", errno);
	KT_CHECK(ptrace(PT_READ_D, pid, (caddr_t)deep, 0) == 0 && errno == 0,
	    "untouched stack: errno %d", errno);
	for (i = 0; i < 2048; i += 1023) {
		errno = 0;
		KT_CHECK((uint32_t)ptrace(PT_READ_D, pid, (caddr_t)&ro_far[i], 0)
		    == ro_far[i] && errno == 0, "rodata[%d]: errno %d", i,
		    errno);
	}
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

int
main(void)
{
	kt_suite("hazards_f3");
	kt_run("word_bad_addresses", test_word_bad_addresses);
	kt_run("io_into_kernel", test_io_into_kernel);
	kt_run("io_odd_requests", test_io_odd_requests);
	kt_run("untouched_pages", test_untouched_pages);
	return kt_finish();
}
