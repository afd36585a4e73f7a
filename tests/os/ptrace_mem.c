/*
 * ptrace_mem.c - the tracee's memory through PT_READ/PT_WRITE (I and D) and
 * PT_IO: data and text, across a page boundary, up to an unmapped page (a
 * partial PT_IO), kernel addresses (EFAULT, and not one kernel byte read),
 * bad operations and buffers, address wrap-around; the debugger's classic
 * int3 dance; and copy-on-write: a breakpoint written into a traced child's
 * text is seen by no other process, forked or freshly exec'd.
 *
 * "/test/ptrace_mem first-byte" is a helper: it exits with the first byte
 * of cow_target as this program's image has it.
 */
#include <stdint.h>
#include <stdlib.h>
#include "ptrace_lib.h"

#define SELF		"/test/ptrace_mem"
#define PAGE		4096u
#define USER_TOP	0xbfc00000u	/* VM_MAXUSER_ADDRESS */

static volatile uint32_t data_word = 0x11223344;
static volatile uint32_t heap_end;	/* set by the tracee, read by the tracer */
static uint8_t big[3 * PAGE] __attribute__((aligned(4096)));

static int __attribute__((noipa))
cow_target(int x)
{
	return x * 3 + 1;
}

static int __attribute__((noipa))
dance_target(int x)
{
	return x + 1;
}

/* Stop, then report what the tracer wrote: exit 0 if data_word is now 0x55aa. */
static int
check_data_word(void)
{
	kill(getpid(), SIGSTOP);
	return data_word == 0x55aa ? 0 : 1;
}

PT_CASE(read_write_data)
{
	pid_t pid = pt_traced(check_data_word);
	int w;

	KT_CHECK(pid > 0, "no tracee");
	errno = 0;
	w = ptrace(PT_READ_D, pid, (caddr_t)&data_word, 0);
	KT_CHECK(errno == 0 && w == 0x11223344, "PT_READ_D: %#x errno %d", w,
	    errno);
	PT_OK(PT_WRITE_D, pid, &data_word, 0x55aa);
	KT_CHECK(data_word == 0x11223344, "the tracer's own copy changed");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGSTOP);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

/* A word of -1 is data, not an error: errno tells. */
PT_CASE(read_minus_one)
{
	pid_t pid = pt_traced(check_data_word);
	int w;

	KT_CHECK(pid > 0, "no tracee");
	PT_OK(PT_WRITE_D, pid, &data_word, -1);
	errno = 0;
	w = ptrace(PT_READ_D, pid, (caddr_t)&data_word, 0);
	KT_CHECK(w == -1 && errno == 0, "word -1 read as %d errno %d", w, errno);
	return 0;
}

static int
call_cow_target(void)
{
	kill(getpid(), SIGSTOP);
	return cow_target(4);
}

/* Text reads as the program's bytes; a patched immediate takes effect. */
PT_CASE(read_write_text)
{
	const uint8_t *code = (const uint8_t *)cow_target;
	pid_t pid = pt_traced(call_cow_target);
	uint32_t w, mine;
	int i;

	KT_CHECK(pid > 0, "no tracee");
	for (i = 0; i < 16; i += 4) {
		memcpy(&mine, code + i, 4);
		errno = 0;
		w = ptrace(PT_READ_I, pid, (caddr_t)(code + i), 0);
		KT_CHECK(errno == 0 && w == mine, "text word %d: %#x, mine %#x", i,
		    w, mine);
	}
	/* Replace cow_target with "mov $77, %eax; ret". */
	PT_OK(PT_WRITE_I, pid, code, 0x00004db8);
	PT_OK(PT_WRITE_I, pid, code + 4, 0x9090c300);
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGSTOP);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 77);
	KT_CHECK(cow_target(4) == 13, "the tracer's own text changed");
	return 0;
}

static int
first_byte_of_fresh_image(void)
{
	char *argv[] = { SELF, "first-byte", NULL };
	pid_t pid = kt_spawn(SELF, argv);
	int st;

	if (pid < 0 || kt_wait_status(pid, &st) != pid || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

/*
 * Copy-on-write of text: a breakpoint written into the child's text (with
 * PT_WRITE_I, then with PIOD_WRITE_I) is seen by the child only; not by us
 * (its parent, sharing the page since fork), nor by a sibling forked
 * earlier, nor by a fresh exec of the program.
 */
static int
cow_case(int use_io)
{
	const uint8_t *code = (const uint8_t *)cow_target;
	uint8_t before = code[0], cc = 0xcc, byte;
	int sib[2], ask[2];
	pid_t pid, sibling;
	uint32_t w;

	KT_CHECK(pipe(sib) == 0 && pipe(ask) == 0, "pipe");
	sibling = pt_track(fork());
	if (sibling == 0) {
		char c;

		read(ask[0], &c, 1);
		c = *(volatile uint8_t *)code;
		write(sib[1], &c, 1);
		_exit(cow_target(1) == 4 ? 0 : 1);	/* an int3 would kill it */
	}
	pid = pt_traced(call_cow_target);
	KT_CHECK(pid > 0, "no tracee");
	if (use_io) {
		struct ptrace_io_desc io = { PIOD_WRITE_I, (void *)code, &cc, 1 };

		PT_OK(PT_IO, pid, &io, 0);
		KT_CHECK(io.piod_len == 1, "piod_len %u", (unsigned)io.piod_len);
	} else {
		memcpy(&w, code, 4);
		PT_OK(PT_WRITE_I, pid, code, (w & ~0xffu) | 0xcc);
	}
	errno = 0;
	w = ptrace(PT_READ_I, pid, (caddr_t)code, 0);
	KT_CHECK(errno == 0 && (w & 0xff) == 0xcc, "tracee's byte %#x", w & 0xff);
	KT_CHECK(*(volatile uint8_t *)code == before, "the parent sees the 0xcc");
	KT_CHECK(cow_target(2) == 7, "the parent's cow_target broke");
	write(ask[1], "?", 1);
	KT_CHECK(read(sib[0], &byte, 1) == 1 && byte == before,
	    "the sibling sees %#x", byte);
	PT_EXITS(sibling, 0);
	KT_CHECK(first_byte_of_fresh_image() == before,
	    "a fresh exec sees %#x, not %#x", first_byte_of_fresh_image(), before);
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGSTOP);
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);			/* the tracee hits it */
	PT_OK(PT_KILL, pid, 0, 0);
	PT_KILLED(pid, SIGKILL);
	KT_CHECK(first_byte_of_fresh_image() == before, "a later exec sees it");
	return 0;
}

PT_CASE(cow_text_write_i)
{
	return cow_case(0);
}

PT_CASE(cow_text_piod_write_i)
{
	return cow_case(1);
}

static int
dance_body(void)
{
	int i, sum = 0;

	for (i = 0; i < 3; i++)
		sum += dance_target(i);
	return sum;
}

/*
 * The debugger's dance: plant int3, hit it (EIP just after it), put the
 * original byte back, rewind EIP, step over the instruction, plant again,
 * continue; three calls, three hits, and the program computes what it
 * would have computed without the debugger.
 */
PT_CASE(int3_dance)
{
	const uint8_t *at = (const uint8_t *)dance_target;
	struct reg r;
	uint32_t orig;
	pid_t pid = pt_traced(dance_body);
	int hits = 0;

	KT_CHECK(pid > 0, "no tracee");
	errno = 0;
	orig = ptrace(PT_READ_I, pid, (caddr_t)at, 0);
	KT_CHECK(errno == 0, "PT_READ_I errno %d", errno);
	PT_OK(PT_WRITE_I, pid, at, (orig & ~0xffu) | 0xcc);
	for (;;) {
		PT_CONT(pid, 0);
		PT_STOP(pid, SIGTRAP);
		PT_OK(PT_GETREGS, pid, &r, 0);
		KT_CHECK(r.r_eip == (uint32_t)at + 1, "hit %d: eip %#x, expected "
		    "%p+1", hits, r.r_eip, at);
		hits++;
		PT_OK(PT_WRITE_I, pid, at, orig);
		r.r_eip--;
		PT_OK(PT_SETREGS, pid, &r, 0);
		PT_OK(PT_STEP, pid, 1, 0);
		PT_STOP(pid, SIGTRAP);
		PT_OK(PT_GETREGS, pid, &r, 0);
		KT_CHECK(r.r_eip > (uint32_t)at && r.r_eip < (uint32_t)at + 8,
		    "the step went to %#x", r.r_eip);
		if (hits == 3)
			break;
		PT_OK(PT_WRITE_I, pid, at, (orig & ~0xffu) | 0xcc);
	}
	PT_CONT(pid, 0);
	PT_EXITS(pid, 6);
	return 0;
}

static int
fill_big_then_stop(void)
{
	unsigned i;

	for (i = 0; i < sizeof(big); i++)
		big[i] = (uint8_t)(i * 7 + 1);
	kill(getpid(), SIGSTOP);
	for (i = PAGE - 40; i < PAGE + 40; i++)
		if (big[i] != (uint8_t)~(i * 7 + 1))
			return 1;
	return 0;
}

/* PT_IO across a page boundary, both ways; each word op too. */
PT_CASE(io_across_page_boundary)
{
	uint8_t buf[80];
	struct ptrace_io_desc io;
	unsigned i;
	uint32_t w;
	pid_t pid = pt_traced(fill_big_then_stop);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGSTOP);
	io = (struct ptrace_io_desc){ PIOD_READ_D, big + PAGE - 40, buf, 80 };
	PT_OK(PT_IO, pid, &io, 0);
	KT_CHECK(io.piod_len == 80, "read piod_len %u", (unsigned)io.piod_len);
	for (i = 0; i < 80; i++)
		KT_CHECK(buf[i] == (uint8_t)((PAGE - 40 + i) * 7 + 1),
		    "byte %u is %#x", i, buf[i]);
	errno = 0;
	w = ptrace(PT_READ_D, pid, (caddr_t)(big + PAGE - 2), 0);
	KT_CHECK(errno == 0 && w == (uint32_t)(buf[38] | buf[39] << 8 |
	    buf[40] << 16 | (uint32_t)buf[41] << 24), "straddling word %#x", w);
	for (i = 0; i < 80; i++)
		buf[i] = (uint8_t)~((PAGE - 40 + i) * 7 + 1);
	io = (struct ptrace_io_desc){ PIOD_WRITE_D, big + PAGE - 40, buf, 80 };
	PT_OK(PT_IO, pid, &io, 0);
	KT_CHECK(io.piod_len == 80, "write piod_len %u", (unsigned)io.piod_len);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

/* The heap ends on a page boundary; the page above it is unmapped. */
static int
end_heap_then_stop(void)
{
	uintptr_t end = ((uintptr_t)sbrk(0) + PAGE - 1) & ~(uintptr_t)(PAGE - 1);

	if (brk((void *)end) != 0)
		return 100;
	heap_end = end;
	memset((void *)(end - 64), 0x5a, 64);
	kill(getpid(), SIGSTOP);
	return *(volatile uint8_t *)(end - 1);
}

/* PT_IO running into an unmapped page: a partial transfer, told in piod_len. */
PT_CASE(io_partial_unmapped)
{
	uint8_t buf[64], src[64];
	struct ptrace_io_desc io;
	uint32_t end;
	pid_t pid = pt_traced(end_heap_then_stop);
	int i;

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGSTOP);
	errno = 0;
	end = ptrace(PT_READ_D, pid, (caddr_t)&heap_end, 0);
	KT_CHECK(errno == 0 && end != 0, "no heap end");
	memset(buf, 0xa5, sizeof(buf));
	io = (struct ptrace_io_desc){ PIOD_READ_D, (void *)(end - 16), buf, 64 };
	PT_OK(PT_IO, pid, &io, 0);
	KT_CHECK(io.piod_len == 16, "piod_len %u, expected 16",
	    (unsigned)io.piod_len);
	for (i = 0; i < 64; i++)
		KT_CHECK(buf[i] == (i < 16 ? 0x5a : 0xa5), "byte %d is %#x", i,
		    buf[i]);
	memset(src, 0x77, sizeof(src));
	io = (struct ptrace_io_desc){ PIOD_WRITE_D, (void *)(end - 8), src, 64 };
	PT_OK(PT_IO, pid, &io, 0);
	KT_CHECK(io.piod_len == 8, "write piod_len %u, expected 8",
	    (unsigned)io.piod_len);
	/* Wholly unmapped: nothing moved, EFAULT. */
	io = (struct ptrace_io_desc){ PIOD_READ_D, (void *)end, buf, 64 };
	PT_ERR(EFAULT, PT_IO, pid, &io, 0);
	PT_ERR(EFAULT, PT_READ_D, pid, end, 0);
	PT_ERR(EFAULT, PT_WRITE_D, pid, end, 0);
	PT_ERR(EFAULT, PT_READ_D, pid, end - 2, 0);	/* straddles into it */
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0x77);
	return 0;
}

/* Kernel addresses: EFAULT, and no kernel byte reaches the tracer. */
PT_CASE(kernel_addresses)
{
	static const uint32_t bad[] = {
		0xc0000000, 0xc0100000, 0xfffffffc, USER_TOP, 0x00000000,
		USER_TOP - 2,
	};
	uint8_t buf[0x2000];
	struct ptrace_io_desc io;
	unsigned i, j, user;
	pid_t pid = pt_traced(check_data_word);

	KT_CHECK(pid > 0, "no tracee");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		PT_ERR(EFAULT, PT_READ_D, pid, bad[i], 0);
		PT_ERR(EFAULT, PT_READ_I, pid, bad[i], 0);
		PT_ERR(EFAULT, PT_WRITE_D, pid, bad[i], 0);
		PT_ERR(EFAULT, PT_WRITE_I, pid, bad[i], 0);
		memset(buf, 0xa5, 64);
		io = (struct ptrace_io_desc){ PIOD_READ_D, (void *)bad[i], buf, 64 };
		user = bad[i] == USER_TOP - 2 ? 2 : 0;	/* bytes below the top */
		if (user != 0) {
			PT_OK(PT_IO, pid, &io, 0);
			KT_CHECK(io.piod_len == user, "piod_len %u",
			    (unsigned)io.piod_len);
		} else {
			PT_ERR(EFAULT, PT_IO, pid, &io, 0);
		}
		for (j = user; j < 64; j++)
			KT_CHECK(buf[j] == 0xa5, "kernel byte %u read at %#x", j,
			    bad[i]);
	}
	/* From the last user page into the kernel: the user part only. */
	memset(buf, 0xa5, sizeof(buf));
	io = (struct ptrace_io_desc){ PIOD_READ_D, (void *)(USER_TOP - PAGE), buf,
	    sizeof(buf) };
	PT_OK(PT_IO, pid, &io, 0);
	KT_CHECK(io.piod_len == PAGE, "piod_len %#x", (unsigned)io.piod_len);
	for (i = PAGE; i < sizeof(buf); i++)
		KT_CHECK(buf[i] == 0xa5, "kernel byte at offset %#x", i);
	return 0;
}

/* piod_len 0, bad operations, bad tracer buffers, addresses that wrap. */
PT_CASE(io_edge_cases)
{
	static const int bad_ops[] = { 0, 5, 99, -1 };
	uint8_t buf[32];
	struct ptrace_io_desc io;
	unsigned i;
	pid_t pid = pt_traced(check_data_word);

	KT_CHECK(pid > 0, "no tracee");
	io = (struct ptrace_io_desc){ PIOD_READ_D, (void *)&data_word, buf, 0 };
	PT_OK(PT_IO, pid, &io, 0);
	KT_CHECK(io.piod_len == 0, "piod_len %u", (unsigned)io.piod_len);
	for (i = 0; i < sizeof(bad_ops) / sizeof(bad_ops[0]); i++) {
		io = (struct ptrace_io_desc){ bad_ops[i], (void *)&data_word, buf,
		    4 };
		PT_ERR(EINVAL, PT_IO, pid, &io, 0);
	}
	io = (struct ptrace_io_desc){ PIOD_READ_D, (void *)&data_word,
	    (void *)0xc0000000, 4 };
	PT_ERR(EFAULT, PT_IO, pid, &io, 0);
	io.piod_op = PIOD_WRITE_D;
	PT_ERR(EFAULT, PT_IO, pid, &io, 0);
	io.piod_addr = NULL;
	PT_ERR(EFAULT, PT_IO, pid, &io, 0);
	io.piod_op = PIOD_READ_D;
	PT_ERR(EFAULT, PT_IO, pid, &io, 0);
	PT_ERR(EFAULT, PT_IO, pid, 0xc0000000, 0);	/* the descriptor itself */
	memset(buf, 0xa5, sizeof(buf));
	io = (struct ptrace_io_desc){ PIOD_READ_D, (void *)0xfffffff0, buf, 32 };
	PT_ERR(EFAULT, PT_IO, pid, &io, 0);
	for (i = 0; i < sizeof(buf); i++)
		KT_CHECK(buf[i] == 0xa5, "wrapped read wrote byte %u", i);
	PT_ERR(EFAULT, PT_READ_D, pid, 0xfffffffe, 0);
	/* Tracee memory untouched by all that. */
	errno = 0;
	KT_CHECK(ptrace(PT_READ_D, pid, (caddr_t)&data_word, 0) == 0x11223344 &&
	    errno == 0, "data_word changed");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGSTOP);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 1);
	return 0;
}

static int
fresh_page_byte(void)
{
	return big[2 * PAGE + 5];
}

/* A page the tracee never touched reads as zeros; writing it creates it. */
PT_CASE(untouched_page)
{
	pid_t pid = pt_traced(fresh_page_byte);
	int w;

	KT_CHECK(pid > 0, "no tracee");
	errno = 0;
	w = ptrace(PT_READ_D, pid, (caddr_t)(big + 2 * PAGE + 4), 0);
	KT_CHECK(w == 0 && errno == 0, "untouched word %#x errno %d", w, errno);
	PT_OK(PT_WRITE_D, pid, big + 2 * PAGE + 4, 0x4200);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0x42);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "first-byte") == 0)
		return *(volatile uint8_t *)cow_target;
	kt_suite("ptrace_mem");
	kt_run("read_write_data", read_write_data);
	kt_run("read_minus_one", read_minus_one);
	kt_run("read_write_text", read_write_text);
	kt_run("cow_text_write_i", cow_text_write_i);
	kt_run("cow_text_piod_write_i", cow_text_piod_write_i);
	kt_run("int3_dance", int3_dance);
	kt_run("io_across_page_boundary", io_across_page_boundary);
	kt_run("io_partial_unmapped", io_partial_unmapped);
	kt_run("kernel_addresses", kernel_addresses);
	kt_run("io_edge_cases", io_edge_cases);
	kt_run("untouched_page", untouched_page);
	return kt_finish();
}
