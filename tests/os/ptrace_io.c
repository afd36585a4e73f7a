/*
 * ptrace_io.c - what moves when a transfer cannot complete (docs/ptrace.md,
 * "Partial transfers").
 *
 * A word (PT_WRITE_D, PT_WRITE_I) is all or nothing: one that straddles
 * into the kernel or into an unmapped page is EFAULT and leaves the bytes
 * it could have reached as they were. PT_IO reports what moved: when the
 * tracer's own buffer ends after 100 bytes (the next page is unmapped),
 * reading and writing both succeed with piod_len 100; nothing moved is
 * EFAULT. Under memory pressure (a hog holds every free page, then gives
 * them back one at a time) a word write into copy-on-write pages is ENOMEM
 * with nothing written until it succeeds whole, and PT_IO is ENOMEM with
 * nothing moved, or a success that says how much did.
 */
#include <stdint.h>
#include <stdlib.h>
#include "ptrace_lib.h"
#include "lib/pressure.h"

#define PAGE		4096u
#define USER_TOP	0xbfc00000u	/* VM_MAXUSER_ADDRESS */
#define PATTERN(i)	((uint8_t)((i) * 13 + 7))

static uint8_t area[4 * PAGE] __attribute__((aligned(4096)));
static uint8_t src[2 * PAGE], chk[2 * PAGE];
static volatile uint32_t heap_end;	/* set by the tracee, read by the tracer */

static void
fill_area(void)
{
	unsigned i;

	for (i = 0; i < sizeof(area); i++)
		area[i] = PATTERN(i);
}

static int
stop_twice(void)
{
	kill(getpid(), SIGSTOP);
	return 0;
}

/* The heap ends on a page boundary; the page above it is unmapped. */
static uintptr_t
heap_to_page_end(void)
{
	uintptr_t end = ((uintptr_t)sbrk(0) + PAGE - 1) & ~(uintptr_t)(PAGE - 1);

	if (brk((void *)end) != 0)
		return 0;
	return end;
}

static int
end_heap_then_stop(void)
{
	if ((heap_end = heap_to_page_end()) == 0)
		return 100;
	memset((void *)(heap_end - 64), 0x5a, 64);
	kill(getpid(), SIGSTOP);
	return 0;
}

/* A word write refused as whole: EFAULT, and the word at `check` unchanged. */
static int
refused_word(pid_t pid, int req, uint32_t addr, uint32_t check)
{
	uint32_t before, after;

	errno = 0;
	before = ptrace(PT_READ_D, pid, (caddr_t)check, 0);
	KT_CHECK(errno == 0, "read %#x: errno %d", check, errno);
	KT_CHECK(ptrace(req, pid, (caddr_t)addr, (int)~before) == -1 &&
	    errno == EFAULT, "write of %#x: errno %d", addr, errno);
	errno = 0;
	after = ptrace(PT_READ_D, pid, (caddr_t)check, 0);
	KT_CHECK(errno == 0 && after == before, "a refused write at %#x "
	    "changed %#x: %#x -> %#x", addr, check, before, after);
	return 0;
}

/* A word straddling the top of user space: its two user bytes stay. */
PT_CASE(word_straddling_kernel)
{
	pid_t pid = pt_traced(stop_twice);

	KT_CHECK(pid > 0, "no tracee");
	if (refused_word(pid, PT_WRITE_D, USER_TOP - 2, USER_TOP - 4) ||
	    refused_word(pid, PT_WRITE_I, USER_TOP - 2, USER_TOP - 4) ||
	    refused_word(pid, PT_WRITE_D, USER_TOP - 1, USER_TOP - 4) ||
	    refused_word(pid, PT_WRITE_I, USER_TOP - 3, USER_TOP - 4))
		return 1;
	return 0;
}

/* A word straddling into an unmapped page: its mapped bytes stay. */
PT_CASE(word_straddling_unmapped)
{
	pid_t pid = pt_traced(end_heap_then_stop);
	uint32_t end;

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGSTOP);
	errno = 0;
	end = ptrace(PT_READ_D, pid, (caddr_t)&heap_end, 0);
	KT_CHECK(errno == 0 && end != 0, "no heap end");
	if (refused_word(pid, PT_WRITE_D, end - 2, end - 4) ||
	    refused_word(pid, PT_WRITE_I, end - 1, end - 4) ||
	    refused_word(pid, PT_WRITE_D, end - 3, end - 4))
		return 1;
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

static int
fill_then_stop(void)
{
	fill_area();
	kill(getpid(), SIGSTOP);
	return 0;
}

/* PT_IO between tracee address `at` and a tracer buffer 100 bytes from its end. */
static int
short_buffer(pid_t pid, uint8_t *at, uint8_t *buf)
{
	struct ptrace_io_desc io;
	unsigned i, off = at - area;

	io = (struct ptrace_io_desc){ PIOD_READ_D, at, buf, 300 };
	PT_OK(PT_IO, pid, &io, 0);
	KT_CHECK(io.piod_len == 100, "read: piod_len %u, expected 100",
	    (unsigned)io.piod_len);
	for (i = 0; i < 100; i++)
		KT_CHECK(buf[i] == PATTERN(off + i), "read: byte %u is %#x", i,
		    buf[i]);
	for (i = 0; i < 100; i++)
		buf[i] = (uint8_t)~PATTERN(off + i);
	io = (struct ptrace_io_desc){ PIOD_WRITE_D, at, buf, 300 };
	PT_OK(PT_IO, pid, &io, 0);
	KT_CHECK(io.piod_len == 100, "write: piod_len %u, expected 100",
	    (unsigned)io.piod_len);
	io = (struct ptrace_io_desc){ PIOD_READ_D, at, chk, 300 };
	PT_OK(PT_IO, pid, &io, 0);
	KT_CHECK(io.piod_len == 300, "read back: piod_len %u",
	    (unsigned)io.piod_len);
	for (i = 0; i < 300; i++)
		KT_CHECK(chk[i] == (i < 100 ? (uint8_t)~PATTERN(off + i) :
		    PATTERN(off + i)), "after the write: byte %u is %#x", i,
		    chk[i]);
	return 0;
}

/*
 * The tracer's buffer ends 100 bytes in (the page above our break is not
 * mapped): 100 bytes move either way and PT_IO says so; a buffer with
 * nothing mapped, or read-only for a read, is EFAULT.
 */
PT_CASE(io_tracer_buffer_short)
{
	struct ptrace_io_desc io;
	uintptr_t end = heap_to_page_end();
	pid_t pid = pt_traced(fill_then_stop);

	KT_CHECK(pid > 0 && end != 0, "no tracee or no heap");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGSTOP);
	if (short_buffer(pid, area + 1000, (uint8_t *)end - 100) ||
	    short_buffer(pid, area + PAGE - 40, (uint8_t *)end - 100))
		return 1;
	io = (struct ptrace_io_desc){ PIOD_READ_D, area, (void *)end, 300 };
	PT_ERR(EFAULT, PT_IO, pid, &io, 0);
	io.piod_op = PIOD_WRITE_D;
	PT_ERR(EFAULT, PT_IO, pid, &io, 0);
	io = (struct ptrace_io_desc){ PIOD_READ_D, area, (void *)stop_twice, 64 };
	PT_ERR(EFAULT, PT_IO, pid, &io, 0);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

/*
 * The tracee fills area and forks a child that shares its pages (copy on
 * write), so that every write the tracer makes there needs a new page; the
 * child goes when the tracee does (end of file on its pipe).
 */
static int
share_then_stop(void)
{
	sigset_t chld;
	int fds[2];
	pid_t c;
	char k;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);	/* its end is no stop for the tracer */
	sigprocmask(SIG_BLOCK, &chld, NULL);
	fill_area();
	if (pipe(fds) != 0 || (c = fork()) < 0)
		return 101;
	if (c == 0) {
		close(fds[1]);
		read(fds[0], &k, 1);
		_exit(0);
	}
	close(fds[0]);
	kill(getpid(), SIGSTOP);
	close(fds[1]);
	return kt_wait_status(c, NULL) == c ? 0 : 102;
}

/* The tracee's bytes [off, off+n) against what they must be now. */
static int
area_is(pid_t pid, unsigned off, unsigned n, unsigned written)
{
	struct ptrace_io_desc io = { PIOD_READ_D, area + off, chk, n };
	unsigned i;

	PT_OK(PT_IO, pid, &io, 0);
	KT_CHECK(io.piod_len == n, "read back: piod_len %u", (unsigned)io.piod_len);
	for (i = 0; i < n; i++)
		KT_CHECK(chk[i] == (i < written ? src[i] : PATTERN(off + i)),
		    "byte %u is %#x (%u written)", off + i, chk[i], written);
	return 0;
}

PT_CASE(word_under_pressure)
{
	uint32_t addr = (uint32_t)(area + PAGE - 2), w;
	int enomem = 0, i, r = -1;
	struct hog hog;
	pid_t pid = pt_traced(share_then_stop);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGSTOP);
	memset(src, 0xe1, 4);
	kt_own_pages();
	KT_CHECK(kt_hog_start(&hog, 0) == 0, "no hog");
	for (i = 0; i < 64 && r != 0; i++) {
		r = ptrace(PT_WRITE_D, pid, (caddr_t)addr, (int)0xe1e1e1e1);
		if (r != 0) {
			KT_CHECK(errno == ENOMEM, "PT_WRITE_D: errno %d", errno);
			enomem++;
			if (area_is(pid, PAGE - 8, 16, 0))
				return 1;
			KT_CHECK(kt_hog_give(&hog) == 0, "the hog died");
		}
	}
	KT_CHECK(kt_hog_stop(&hog) == 0, "the hog failed");
	KT_CHECK(r == 0, "PT_WRITE_D never worked");
	KT_CHECK(enomem > 0, "no ENOMEM: the test did not press");
	errno = 0;
	w = ptrace(PT_READ_D, pid, (caddr_t)addr, 0);
	KT_CHECK(errno == 0 && w == 0xe1e1e1e1, "the word reads %#x", w);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

PT_CASE(io_under_pressure)
{
	struct ptrace_io_desc io;
	unsigned written = 0, i, moved;
	int enomem = 0, partial = 0;
	struct hog hog;
	pid_t pid = pt_traced(share_then_stop);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGSTOP);
	for (i = 0; i < sizeof(src); i++)
		src[i] = (uint8_t)~PATTERN(2 * PAGE + i);
	kt_own_pages();
	KT_CHECK(kt_hog_start(&hog, 0) == 0, "no hog");
	for (i = 0; i < 64 && written < 2 * PAGE; i++) {
		io = (struct ptrace_io_desc){ PIOD_WRITE_D, area + 2 * PAGE, src,
		    2 * PAGE };
		if (ptrace(PT_IO, pid, (caddr_t)&io, 0) == -1) {
			KT_CHECK(errno == ENOMEM, "PT_IO: errno %d", errno);
			enomem++;
			moved = 0;
		} else {
			moved = io.piod_len;
			KT_CHECK(moved > 0, "PT_IO succeeded with piod_len 0");
			partial += moved < 2 * PAGE;
		}
		if (moved > written)
			written = moved;
		if (area_is(pid, 2 * PAGE, 2 * PAGE, written))
			return 1;
		if (written < 2 * PAGE)
			KT_CHECK(kt_hog_give(&hog) == 0, "the hog died");
	}
	KT_CHECK(kt_hog_stop(&hog) == 0, "the hog failed");
	KT_CHECK(written == 2 * PAGE, "PT_IO never moved it all");
	KT_CHECK(enomem > 0 && partial > 0, "%d ENOMEM, %d partial: the test "
	    "did not press", enomem, partial);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

int
main(void)
{
	kt_suite("ptrace_io");
	kt_run("word_straddling_kernel", word_straddling_kernel);
	kt_run("word_straddling_unmapped", word_straddling_unmapped);
	kt_run("io_tracer_buffer_short", io_tracer_buffer_short);
	kt_run("word_under_pressure", word_under_pressure);
	kt_run("io_under_pressure", io_under_pressure);
	return kt_finish();
}
