/*
 * vm_mmap.c - mmap, munmap and mprotect: anonymous private memory (pages
 * on first touch, copy-on-write across fork), anonymous shared memory
 * (parent and child see each other's writes), private mappings of initrd
 * and /tmp files, protections changed on part of a mapping (SIGSEGV where
 * they forbid), MAP_FIXED, and every refusal FreeBSD documents. Each case
 * ends with its pages back (the harness counts them).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/ktest.h"

#define PG	4096

/* Does touching p (writing when write) kill a child with SIGSEGV? */
static int
faults(volatile char *p, int write)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		if (write)
			*p = 1;
		else
			(void)*p;
		_exit(0);
	}
	kt_wait_status(pid, &status);
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV;
}

static int
test_anon_private(void)
{
	int before = kt_free_pages(), i;
	char *p;

	p = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE,
	    -1, 0);
	KT_CHECK(p != MAP_FAILED && ((unsigned long)p & (PG - 1)) == 0,
	    "mmap: %s", strerror(errno));
	KT_CHECK(kt_free_pages() >= before - 1, "pages before the first touch");
	for (i = 0; i < 3 * PG; i++)
		KT_CHECK(p[i] == 0, "byte %d is not 0", i);
	memset(p, 'a', 3 * PG);
	KT_CHECK(p[3 * PG - 1] == 'a', "write");
	KT_CHECK(munmap(p + PG, PG) == 0, "munmap the middle page");
	KT_CHECK(p[0] == 'a' && p[2 * PG] == 'a', "the other pages");
	KT_CHECK(faults(p + PG, 0), "the unmapped page is still there");
	KT_CHECK(munmap(p, 3 * PG) == 0, "munmap the rest (with its hole)");
	KT_CHECK(faults(p, 0), "still mapped after munmap");
	return 0;
}

static int
test_fork_private_shared(void)
{
	char *priv, *shared;
	int status;
	pid_t pid;

	priv = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE,
	    -1, 0);
	shared = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE,
	    MAP_ANON | MAP_SHARED, -1, 0);
	KT_CHECK(priv != MAP_FAILED && shared != MAP_FAILED, "mmap");
	priv[0] = shared[0] = 'p';
	if ((pid = fork()) == 0) {
		priv[0] = shared[0] = 'c';
		shared[PG] = 'C';
		_exit(0);
	}
	kt_wait_status(pid, &status);
	KT_CHECK(priv[0] == 'p', "a private page was shared");
	KT_CHECK(shared[0] == 'c' && shared[PG] == 'C', "the child's writes "
	    "to a shared mapping are not seen: %c %c", shared[0], shared[PG]);
	shared[1] = 'P';
	if ((pid = fork()) == 0)
		_exit(shared[1] == 'P' ? 0 : 1);
	kt_wait_status(pid, &status);
	KT_CHECK(status == 0, "the parent's write is not seen");
	KT_CHECK(munmap(priv, PG) == 0 && munmap(shared, 2 * PG) == 0, "munmap");
	return 0;
}

static int
test_mprotect(void)
{
	char *p = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE,
	    MAP_ANON | MAP_PRIVATE, -1, 0);

	KT_CHECK(p != MAP_FAILED, "mmap");
	memset(p, 'x', 4 * PG);
	KT_CHECK(mprotect(p + PG, 2 * PG, PROT_READ) == 0, "read-only");
	KT_CHECK(faults(p + PG, 1) && faults(p + 2 * PG, 1), "written while "
	    "read-only");
	KT_CHECK(!faults(p, 1) && !faults(p + 3 * PG, 1) && p[PG] == 'x',
	    "the pages around changed too");
	KT_CHECK(mprotect(p + PG, PG, PROT_NONE) == 0 && faults(p + PG, 0),
	    "PROT_NONE is readable");
	KT_CHECK(mprotect(p, 4 * PG, PROT_READ | PROT_WRITE) == 0, "back");
	p[PG] = 'y';
	p[2 * PG] = 'z';
	KT_CHECK(p[PG] == 'y' && p[2 * PG] == 'z' && p[PG + 1] == 'x',
	    "contents after mprotect");
	KT_CHECK(mprotect(p - PG, 2 * PG, PROT_READ) == -1 && errno == ENOMEM,
	    "mprotect of memory partly unmapped");
	KT_CHECK(mprotect(p + 1, PG, PROT_READ) == -1 && errno == EINVAL,
	    "unaligned");
	KT_CHECK(mprotect(p, PG, 0x80) == -1 && errno == EINVAL, "bad prot");
	KT_CHECK(munmap(p, 4 * PG) == 0, "munmap");
	return 0;
}

/* Code in an executable mapping runs: 0xb8 imm32 0xc3 is mov $imm, %eax; ret. */
static int
test_exec_mapping(void)
{
	static const unsigned char code[] = { 0xb8, 42, 0, 0, 0, 0xc3 };
	unsigned char *p = mmap(NULL, PG, PROT_READ | PROT_WRITE,
	    MAP_ANON | MAP_PRIVATE, -1, 0);
	int (*fn)(void);

	KT_CHECK(p != MAP_FAILED, "mmap");
	memcpy(p, code, sizeof(code));
	KT_CHECK(mprotect(p, PG, PROT_READ | PROT_EXEC) == 0, "mprotect");
	fn = (int (*)(void))(void *)p;
	KT_CHECK(fn() == 42, "the mapped code did not return 42");
	KT_CHECK(munmap(p, PG) == 0, "munmap");
	return 0;
}

static int
test_files(void)
{
	char buf[3 * PG], *p;
	ssize_t n;
	int fd;

	KT_CHECK((fd = open("/etc/passwd", O_RDONLY)) >= 0 &&
	    (n = read(fd, buf, sizeof(buf))) > 0, "read /etc/passwd");
	p = mmap(NULL, (size_t)n, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	KT_CHECK(p != MAP_FAILED && memcmp(p, buf, n) == 0,
	    "the mapping is not the file: %s", strerror(errno));
	KT_CHECK(p[n] == 0 && p[PG - 1] == 0, "past the end of the file");
	p[0] = '#';
	KT_CHECK(lseek(fd, 0, SEEK_CUR) == n, "mmap moved the file offset");
	KT_CHECK(munmap(p, (size_t)n) == 0, "munmap");
	close(fd);
	KT_CHECK((fd = open("/etc/passwd", O_RDONLY)) >= 0 &&
	    read(fd, buf, 1) == 1 && buf[0] != '#', "a private write reached "
	    "the file");
	close(fd);

	fd = open("/tmp/m", O_RDWR | O_CREAT | O_TRUNC, 0644);
	memset(buf, 'A', PG);
	memset(buf + PG, 'B', PG);
	memset(buf + 2 * PG, 'C', 100);
	KT_CHECK(write(fd, buf, 2 * PG + 100) == 2 * PG + 100, "write");
	p = mmap(NULL, 2 * PG, PROT_READ, MAP_PRIVATE, fd, PG);
	KT_CHECK(p != MAP_FAILED && p[0] == 'B' && p[PG] == 'C' &&
	    p[PG + 100] == 0, "a /tmp file from offset 4096");
	KT_CHECK(faults(p, 1), "a read-only file mapping was written");
	KT_CHECK(munmap(p, 2 * PG) == 0, "munmap");
	KT_CHECK(mmap(NULL, PG, PROT_READ, MAP_SHARED, fd, 0) == MAP_FAILED &&
	    errno == ENODEV, "a shared file mapping");
	close(fd);
	fd = open("/tmp/m", O_WRONLY);
	KT_CHECK(mmap(NULL, PG, PROT_READ, MAP_PRIVATE, fd, 0) == MAP_FAILED &&
	    errno == EACCES, "a write-only descriptor");
	close(fd);
	KT_CHECK(unlink("/tmp/m") == 0, "unlink");
	fd = open("/tmp", O_RDONLY);
	KT_CHECK(mmap(NULL, PG, PROT_READ, MAP_PRIVATE, fd, 0) == MAP_FAILED &&
	    errno == ENODEV, "a directory");
	close(fd);
	fd = open("/dev/tty", O_RDONLY);
	KT_CHECK(mmap(NULL, PG, PROT_READ, MAP_PRIVATE, fd, 0) == MAP_FAILED &&
	    errno == ENODEV, "the terminal");
	close(fd);
	KT_CHECK(mmap(NULL, PG, PROT_READ, MAP_PRIVATE, 77, 0) == MAP_FAILED &&
	    errno == EBADF, "a bad descriptor");
	return 0;
}

static int
test_fixed(void)
{
	char *p = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE,
	    MAP_ANON | MAP_PRIVATE, -1, 0), *q;

	KT_CHECK(p != MAP_FAILED, "mmap");
	p[0] = p[PG] = 'o';
	q = mmap(p + PG, PG, PROT_READ | PROT_WRITE,
	    MAP_ANON | MAP_PRIVATE | MAP_FIXED, -1, 0);
	KT_CHECK(q == p + PG && q[0] == 0 && p[0] == 'o', "MAP_FIXED over the "
	    "second page");
	KT_CHECK(mmap(p, PG, PROT_READ, MAP_ANON | MAP_PRIVATE | MAP_FIXED |
	    MAP_EXCL, -1, 0) == MAP_FAILED && errno == EINVAL, "MAP_EXCL");
	KT_CHECK(mmap(p + 1, PG, PROT_READ, MAP_ANON | MAP_PRIVATE | MAP_FIXED,
	    -1, 0) == MAP_FAILED && errno == EINVAL, "unaligned MAP_FIXED");
	KT_CHECK(mmap((void *)0xc0000000, PG, PROT_READ, MAP_ANON |
	    MAP_PRIVATE | MAP_FIXED, -1, 0) == MAP_FAILED && errno == EINVAL,
	    "MAP_FIXED in the kernel");
	KT_CHECK(munmap(p, 2 * PG) == 0, "munmap");
	return 0;
}

static int
test_refusals(void)
{
	KT_CHECK(mmap(NULL, 0, PROT_READ, MAP_ANON | MAP_PRIVATE, -1, 0) ==
	    MAP_FAILED && errno == EINVAL, "length 0");
	KT_CHECK(mmap(NULL, PG, PROT_READ, MAP_ANON, -1, 0) == MAP_FAILED &&
	    errno == EINVAL, "neither shared nor private");
	KT_CHECK(mmap(NULL, PG, PROT_READ, MAP_ANON | MAP_SHARED | MAP_PRIVATE,
	    -1, 0) == MAP_FAILED && errno == EINVAL, "both");
	KT_CHECK(mmap(NULL, PG, PROT_READ, MAP_ANON | MAP_PRIVATE | 0x8000000,
	    -1, 0) == MAP_FAILED && errno == EINVAL, "an unknown flag");
	KT_CHECK(mmap(NULL, PG, 0x10, MAP_ANON | MAP_PRIVATE, -1, 0) ==
	    MAP_FAILED && errno == EINVAL, "an unknown protection");
	KT_CHECK(mmap(NULL, PG, PROT_READ, MAP_ANON | MAP_PRIVATE, 0, 0) ==
	    MAP_FAILED && errno == EINVAL, "MAP_ANON with a descriptor");
	KT_CHECK(mmap(NULL, PG, PROT_READ, MAP_PRIVATE, 0, 100) == MAP_FAILED &&
	    errno == EINVAL, "an unaligned offset");
	KT_CHECK(mmap(NULL, PG, PROT_READ, MAP_PRIVATE, 0, -4096) ==
	    MAP_FAILED && errno == EINVAL, "a negative offset");
	KT_CHECK(mmap(NULL, 0xf0000000u, PROT_READ, MAP_ANON | MAP_PRIVATE, -1,
	    0) == MAP_FAILED && errno == ENOMEM, "more than user space");
	KT_CHECK(munmap((void *)0x10001, PG) == -1 && errno == EINVAL,
	    "munmap unaligned");
	KT_CHECK(munmap((void *)0xc0000000, PG) == -1 && errno == EINVAL,
	    "munmap of the kernel");
	KT_CHECK(munmap((void *)0x10000000, 0) == -1 && errno == EINVAL,
	    "munmap of 0 bytes");
	KT_CHECK(munmap((void *)0x30000000, PG) == 0, "munmap of nothing");
	return 0;
}

/* The region table fills up: ENOMEM, and everything still works after. */
static int
test_many(void)
{
	char *maps[64];
	int n, i;

	for (n = 0; n < 64; n++) {
		maps[n] = mmap(NULL, PG, (n & 1) ? PROT_READ : PROT_READ |
		    PROT_WRITE, MAP_ANON | MAP_PRIVATE, -1, 0);
		if (maps[n] == MAP_FAILED)
			break;
	}
	KT_CHECK(n < 64 && errno == ENOMEM, "64 mappings and no limit?");
	KT_CHECK(n >= 32, "only %d mappings", n);
	KT_CHECK(mprotect(maps[0], PG, PROT_READ) == 0, "mprotect at the limit");
	for (i = 0; i < n; i++)
		KT_CHECK(munmap(maps[i], PG) == 0, "munmap %d", i);
	return 0;
}

/* A child that exits with mappings gives every page back. */
static int
test_exit_with_mappings(void)
{
	int before = kt_free_pages(), status, fd;
	pid_t pid = fork();

	if (pid == 0) {
		char *a = mmap(NULL, 8 * PG, PROT_READ | PROT_WRITE,
		    MAP_ANON | MAP_SHARED, -1, 0);
		char *b = mmap(NULL, 8 * PG, PROT_READ | PROT_WRITE,
		    MAP_ANON | MAP_PRIVATE, -1, 0);

		fd = open("/bin/sh", O_RDONLY);
		if (a == MAP_FAILED || b == MAP_FAILED || mmap(NULL, 16 * PG,
		    PROT_READ, MAP_PRIVATE, fd, 0) == MAP_FAILED)
			_exit(1);
		memset(b, 1, 8 * PG);
		if (fork() == 0)
			_exit(a[0]);
		_exit(0);
	}
	kt_wait_status(pid, &status);
	KT_CHECK(status == 0, "the child: status %#x", status);
	usleep(100000);		/* init reaps the grandchild */
	KT_CHECK(kt_free_pages() == before, "%d pages lost",
	    before - kt_free_pages());
	return 0;
}

int
main(void)
{
	kt_suite("vm_mmap");
	kt_run("anon_private", test_anon_private);
	kt_run("fork_private_shared", test_fork_private_shared);
	kt_run("mprotect", test_mprotect);
	kt_run("exec_mapping", test_exec_mapping);
	kt_run("files", test_files);
	kt_run("fixed", test_fixed);
	kt_run("refusals", test_refusals);
	kt_run("many", test_many);
	kt_run("exit_with_mappings", test_exit_with_mappings);
	return kt_finish();
}
