/*
 * proc_sysinfo.c - sysinfo(2), end to end: its counters agree with
 * kinfo()'s, the free-page count follows memory that is touched and given
 * back, the process count follows children that come and go, a bad buffer
 * is EFAULT (never a panic), and truss names the call.
 *
 * "/test/proc_sysinfo call" makes the one call and exits 0 if it worked:
 * the program truss watches.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/kinfo.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/ktest.h"

#define PAGE	4096
#define NPAGES	32
#define NKIDS	3

/* Both counters, taken with nothing allocated in between. */
static int
snapshot(struct sysinfo *si)
{
	memset(si, 0xa5, sizeof(*si));
	if (sysinfo(si) != 0) {
		kt_fail(__FILE__, __LINE__, "sysinfo: %s", strerror(errno));
		return -1;
	}
	return 0;
}

static int
test_matches_kinfo(void)
{
	struct sysinfo si;
	int before, after, ticks;

	before = kinfo(KINFO_FREEPAGES);
	if (snapshot(&si) != 0)
		return 1;
	after = kinfo(KINFO_FREEPAGES);
	ticks = kinfo(KINFO_TICKS);
	KT_CHECK(si.si_freepages <= (u_int)before &&
	    si.si_freepages >= (u_int)after, "si_freepages %u, kinfo says %d "
	    "before and %d after", si.si_freepages, before, after);
	KT_CHECK(si.si_totalpages == (u_int)kinfo(KINFO_TOTALPAGES),
	    "si_totalpages %u, kinfo %d", si.si_totalpages,
	    kinfo(KINFO_TOTALPAGES));
	KT_CHECK(si.si_pagesize == PAGE, "si_pagesize %u", si.si_pagesize);
	KT_CHECK(si.si_nprocs == (u_int)kinfo(KINFO_NPROCS),
	    "si_nprocs %u, kinfo %d", si.si_nprocs, kinfo(KINFO_NPROCS));
	KT_CHECK(si.si_uptime + 1 >= (u_int)(ticks / kinfo(KINFO_HZ)) &&
	    si.si_uptime <= (u_int)(ticks / kinfo(KINFO_HZ)),
	    "si_uptime %u s, %d ticks at %d Hz", si.si_uptime, ticks,
	    kinfo(KINFO_HZ));
	return 0;
}

/* NPAGES fresh heap pages, touched: the count drops; given back: it rises. */
static int
test_free_pages_follow_memory(void)
{
	struct sysinfo a, b, c;
	char *heap;
	int i;

	if (snapshot(&a) != 0)
		return 1;
	heap = sbrk(NPAGES * PAGE);
	KT_CHECK(heap != (char *)-1, "sbrk: %s", strerror(errno));
	for (i = 0; i < NPAGES; i++)
		heap[i * PAGE] = 1;
	if (snapshot(&b) != 0)
		return 1;
	KT_CHECK(a.si_freepages - b.si_freepages >= NPAGES &&
	    a.si_freepages - b.si_freepages <= NPAGES + 2,
	    "touching %d pages took %d", NPAGES,
	    (int)(a.si_freepages - b.si_freepages));
	KT_CHECK(sbrk(-NPAGES * PAGE) != (char *)-1, "sbrk back: %s",
	    strerror(errno));
	if (snapshot(&c) != 0)
		return 1;
	KT_CHECK(c.si_freepages - b.si_freepages == NPAGES,
	    "giving %d pages back freed %d", NPAGES,
	    (int)(c.si_freepages - b.si_freepages));
	return 0;
}

/* si_nprocs once the kernel has freed every exited child (up to ~3 s). */
static int
settled_nprocs(u_int want, u_int *got)
{
	struct sysinfo si;
	int i;

	for (i = 0; i < 300; i++) {
		if (sysinfo(&si) != 0)
			return -1;
		*got = si.si_nprocs;
		if (si.si_nprocs == want)
			return 0;
		usleep(10000);
	}
	return 0;
}

static int
test_counts_processes(void)
{
	struct sysinfo a, b;
	pid_t kids[NKIDS];
	int fds[2], i, status;
	u_int got = 0;
	char c;

	KT_CHECK(pipe(fds) == 0, "pipe");
	if (snapshot(&a) != 0)
		return 1;
	for (i = 0; i < NKIDS; i++) {
		kids[i] = fork();
		KT_CHECK(kids[i] >= 0, "fork: %s", strerror(errno));
		if (kids[i] == 0) {
			close(fds[1]);
			_exit(read(fds[0], &c, 1) == 0 ? 0 : 1);
		}
	}
	if (snapshot(&b) != 0)
		return 1;
	close(fds[1]);
	for (i = 0; i < NKIDS; i++)
		kt_wait_status(kids[i], &status);
	close(fds[0]);
	KT_CHECK(b.si_nprocs == a.si_nprocs + NKIDS, "%u processes, then %u "
	    "with %d more children", a.si_nprocs, b.si_nprocs, NKIDS);
	KT_CHECK(settled_nprocs(a.si_nprocs, &got) == 0 &&
	    got == a.si_nprocs, "%u processes after the children were reaped, "
	    "%u before", got, a.si_nprocs);
	return 0;
}

static int
test_bad_buffer_efault(void)
{
	struct sysinfo si;
	char *end_of_stack = (char *)0xbfc00000 - sizeof(si) / 2;

	errno = 0;
	KT_CHECK(sysinfo(NULL) == -1 && errno == EFAULT,
	    "sysinfo(NULL): errno %d, not EFAULT", errno);
	errno = 0;
	KT_CHECK(sysinfo((struct sysinfo *)0xc0100000) == -1 &&
	    errno == EFAULT, "a kernel address: errno %d, not EFAULT", errno);
	errno = 0;
	KT_CHECK(sysinfo((struct sysinfo *)end_of_stack) == -1 &&
	    errno == EFAULT, "a buffer running past user space: errno %d, not "
	    "EFAULT", errno);
	errno = 0;
	KT_CHECK(sysinfo((struct sysinfo *)(void *)test_bad_buffer_efault) ==
	    -1 && errno == EFAULT, "read-only program text: errno %d, not "
	    "EFAULT", errno);
	KT_CHECK(sysinfo(&si) == 0, "a good buffer after the bad ones: %s",
	    strerror(errno));
	return 0;
}

/* truss /test/proc_sysinfo call: the trace has the call, by name, and 0. */
static int
test_truss_names_it(void)
{
	char out[2048], *line;
	int p[2], null = open("/dev/null", O_RDWR), status;
	size_t n = 0;
	ssize_t r;
	pid_t pid;

	KT_CHECK(null >= 0 && pipe(p) == 0, "setup");
	pid = fork();
	if (pid == 0) {
		dup2(null, 0);
		dup2(null, 1);
		dup2(p[1], 2);
		close(p[0]);
		execl("/bin/truss", "truss", "/test/proc_sysinfo", "call", NULL);
		_exit(127);
	}
	close(p[1]);
	while (n + 1 < sizeof(out) && (r = read(p[0], out + n,
	    sizeof(out) - 1 - n)) > 0)
		n += r;
	out[n] = '\0';
	close(p[0]);
	kt_wait_status(pid, &status);
	KT_CHECK(strstr(out, "process exit, rval = 0") != NULL,
	    "the program did not exit 0:\n%s", out);
	line = strstr(out, "sysinfo(0x");
	KT_CHECK(line != NULL && (line == out || line[-1] == '\n'),
	    "no line for sysinfo in the trace:\n%s", out);
	line[strcspn(line, "\n")] = '\0';
	KT_CHECK(strstr(line, " = 0 (0x0)") != NULL, "sysinfo did not "
	    "return 0: \"%s\"", line);
	return 0;
}

int
main(int argc, char **argv)
{
	struct sysinfo si;

	if (argc == 2 && strcmp(argv[1], "call") == 0)
		return sysinfo(&si) == 0 ? 0 : 1;
	kt_suite("proc_sysinfo");
	kt_run("matches_kinfo", test_matches_kinfo);
	kt_run("free_pages_follow_memory", test_free_pages_follow_memory);
	kt_run("counts_processes", test_counts_processes);
	kt_run("bad_buffer_efault", test_bad_buffer_efault);
	kt_run("truss_names_it", test_truss_names_it);
	return kt_finish();
}
