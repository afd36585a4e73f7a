/*
 * hazards_f2.c - a breakpoint planted in shared text stays private. After
 * fork the text pages are shared; a debugger's PT_WRITE_I of 0xcc must
 * copy the page for the tracee alone (SerenityOS poke_user_data), never
 * write the frame every copy runs from, nor the program file. So: a traced
 * copy traps at f while an untraced copy calls f 100,000 times untouched;
 * the tracer's own f is unchanged; a fresh exec of the program and the
 * file's own bytes still hold the original f; and pokes at an address
 * past the end of the image (unmapped) are EFAULT, with nothing mapped
 * there afterwards.
 */
#include <fcntl.h>
#include "hazards_lib.h"

int	f2_f(void);

__asm__(".text\n"
	".globl f2_f\nf2_f:\n"
	"	movl $0x2f2f2f2f, %eax\n"
	"	ret\n");

#define CALLS	100000

static int
call_many(void)
{
	int i;

	for (i = 0; i < CALLS; i++)
		if (f2_f() != 0x2f2f2f2f)
			return 2;
	return 0;
}

static int
call_once(void)
{
	return f2_f() == 0x2f2f2f2f ? 0 : 2;
}

/* The probe mode: 0 if this fresh image's f2_f starts with word `want'. */
static int
probe(const char *want)
{
	return *(uint32_t *)f2_f == strtoul(want, NULL, 16) ? 0 : 2;
}

static int
read_at(int fd, void *buf, size_t n, long off)
{
	if (lseek(fd, off, SEEK_SET) != off)
		return -1;
	return read(fd, buf, n) == (ssize_t)n ? 0 : -1;
}

/* The file offset of virtual address va in the ELF file fd, or -1. */
static long
file_offset(int fd, uint32_t va)
{
	unsigned char h[52], ph[32];
	uint32_t phoff, off, vaddr, filesz;
	int i, n;

	if (read_at(fd, h, sizeof(h), 0) < 0)
		return -1;
	memcpy(&phoff, h + 28, 4);
	n = h[44] | h[45] << 8;
	for (i = 0; i < n; i++) {
		if (read_at(fd, ph, sizeof(ph), phoff + 32 * i) < 0)
			return -1;
		memcpy(&off, ph + 4, 4);
		memcpy(&vaddr, ph + 8, 4);
		memcpy(&filesz, ph + 16, 4);
		if (ph[0] == 1 && va >= vaddr && va - vaddr < filesz)
			return off + (va - vaddr);
	}
	return -1;
}

HZ_CASE(test_breakpoint_private)
{
	uint32_t orig = *(uint32_t *)f2_f, word, ondisk = 0;
	char hex[12], *argv[] = { "hazards_f2", "probe", hex, NULL };
	pid_t p1 = pt_traced(call_once), p2, p3;
	struct reg r;
	long off;
	int fd;

	KT_CHECK(p1 > 0, "no tracee");
	word = (orig & ~0xffu) | 0xcc;
	PT_OK(PT_WRITE_I, p1, f2_f, word);
	p2 = hz_child(call_many);
	PT_CONT(p1, 0);
	PT_STOP(p1, SIGTRAP);
	KT_CHECK(pt_getregs(p1, &r) == 0 && r.r_eip == (uint32_t)f2_f + 1,
	    "trap at %#x", r.r_eip);
	PT_OK(PT_WRITE_I, p1, f2_f, orig);
	r.r_eip = (uint32_t)f2_f;
	PT_OK(PT_SETREGS, p1, &r, 0);
	PT_CONT(p1, 0);
	PT_EXITS(p1, 0);
	PT_EXITS(p2, 0);		/* it would have died of SIGTRAP */
	KT_CHECK(*(uint32_t *)f2_f == orig, "the tracer's own f changed");
	snprintf(hex, sizeof(hex), "%x", orig);
	KT_CHECK((p3 = kt_spawn("/test/hazards_f2", argv)) > 0, "spawn");
	PT_EXITS(p3, 0);
	fd = open("/test/hazards_f2", O_RDONLY);
	off = fd < 0 ? -1 : file_offset(fd, (uint32_t)f2_f);
	KT_CHECK(off >= 0 && read_at(fd, &ondisk, 4, off) == 0 && ondisk == orig,
	    "the file holds %#x at f, expected %#x", ondisk, orig);
	close(fd);
	return 0;
}

/* Past the end of the image (1 MiB above the break): EFAULT, nothing mapped. */
HZ_CASE(test_past_the_image)
{
	struct ptrace_io_desc io;
	uint32_t addr = (((uint32_t)sbrk(0) + 4095) & ~4095u) + 0x100000, w = 0;
	pid_t pid = pt_traced(hz_exit0);

	KT_CHECK(pid > 0, "no tracee");
	PT_ERR(EFAULT, PT_WRITE_I, pid, addr, 0xcccccccc);
	PT_ERR(EFAULT, PT_WRITE_D, pid, addr, 0xcccccccc);
	io.piod_op = PIOD_WRITE_I;
	io.piod_offs = (void *)addr;
	io.piod_addr = &w;
	io.piod_len = sizeof(w);
	PT_ERR(EFAULT, PT_IO, pid, &io, 0);
	errno = 0;
	ptrace(PT_READ_I, pid, (caddr_t)addr, 0);
	KT_CHECK(errno == EFAULT, "PT_READ_I after the pokes: errno %d", errno);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc > 2 && strcmp(argv[1], "probe") == 0)
		return probe(argv[2]);
	kt_suite("hazards_f2");
	kt_run("breakpoint_private", test_breakpoint_private);
	kt_run("past_the_image", test_past_the_image);
	return kt_finish();
}
