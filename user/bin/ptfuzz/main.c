/*
 * main.c - ptfuzz [-n requests] [-s seed] [-v from]: fuzz ptrace, then say
 * whether the kernel came through (exit 0) or not (exit 1, with the seed);
 * -v prints every request from number `from' on, before it is made.
 *
 * The run: free pages and kernel heap are counted, the subjects started,
 * then the requests made; every 1,000 the invariants of the stopped
 * subjects and of the system are checked (check.c) and the subjects
 * replaced, with every process that escaped them. At the end everything
 * the run started is killed and reaped, and the free-page count and the
 * kernel heap must be back where they were. The report gives the rate,
 * the outcome of the requests by errno, and a digest of the request stream
 * (the same seed always gives the same digest).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/kinfo.h>
#include <unistd.h>
#include "ptfuzz.h"

static struct fuzz fz;

/* Report a failure with everything needed to replay it, and exit 1. */
void
fuzz_fail(struct fuzz *f, const char *fmt, ...)
{
	unsigned long i, first;
	va_list ap;

	if (getpid() != f->self)
		_exit(1);	/* a subject whose mutated %eip ran into our code */
	printf("ptfuzz: FAIL after request %lu of seed %u: ", f->done,
	    f->seed);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\nptfuzz: the last requests (req pid addr data -> errno):\n");
	first = f->done > NRECENT ? f->done - NRECENT : 0;
	for (i = first; i < f->done; i++) {
		struct recent *r = &f->recent[i % NRECENT];

		printf("  #%lu: %d %d %#x %d -> %d\n", i, r->req, (int)r->pid,
		    r->addr, r->data, r->err);
	}
	printf("ptfuzz: replay with: make fuzz SEED=%u N=%lu\n", f->seed,
	    f->done + 1);
	subjects_end(f);
	exit(1);
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Wait (up to ~2 s) for init to reap what the run orphaned. */
static void
await_nprocs(int n)
{
	int i;

	for (i = 0; i < 400 && kinfo(KINFO_NPROCS) > n; i++)
		usleep(5000);
}

static void
report(struct fuzz *f, double secs)
{
	int e;

	printf("ptfuzz: %lu requests in %.1f s (%.0f requests/s), seed %u, "
	    "digest %08x\n", f->done, secs, secs > 0 ? f->done / secs : 0.0,
	    f->seed, f->digest);
	printf("ptfuzz: %lu resumes, %lu subjects replaced; outcomes:",
	    f->resumes, f->respawns);
	for (e = 0; e <= MAXERRNO; e++)
		if (f->errs[e] != 0)
			printf(" %s %lu", e == 0 ? "ok" : e == MAXERRNO ?
			    "other" : strerror(e), f->errs[e]);
	printf("\n");
}

/*
 * The PT_IO buffer ends exactly at the break: past it nothing is mapped.
 * It is touched now, like the image buffer and some stack, so that pages
 * the kernel fills in later for the fuzzer itself do not count as lost.
 */
static uint8_t *
heap_end_buffer(void)
{
	uintptr_t brk = (uintptr_t)sbrk(0);
	volatile uint8_t stack[16384];
	uint8_t *b;

	if (brk & 4095)
		sbrk(4096 - (brk & 4095));
	if ((b = sbrk(IOBUF_SIZE)) != (void *)-1)
		memset(b, 0, IOBUF_SIZE);
	memset((void *)stack, 0, sizeof(stack));
	images_touch();
	return b;
}

int
main(int argc, char **argv)
{
	int c, pages, heap, nprocs;
	double t0;

	fz.n = 20000;
	fz.verbose_from = (unsigned long)-1;
	fz.seed = (uint32_t)time(NULL) ^ (uint32_t)getpid() << 16;
	while ((c = getopt(argc, argv, "n:s:v:")) != -1) {
		if (c == 'n')
			fz.n = strtoul(optarg, NULL, 0);
		else if (c == 's')
			fz.seed = strtoul(optarg, NULL, 0);
		else if (c == 'v')
			fz.verbose_from = strtoul(optarg, NULL, 0);
		else {
			fprintf(stderr, "usage: ptfuzz [-n requests] [-s seed] "
			    "[-v first-request-to-print]\n");
			return 2;
		}
	}
	fz.self = getpid();
	setvbuf(stdout, NULL, _IONBF, 0);
	printf("ptfuzz: seed %u, %lu requests\n", fz.seed, fz.n);
	if ((fz.iobuf = heap_end_buffer()) == (void *)-1) {
		printf("ptfuzz: no memory for the I/O buffer\n");
		return 2;
	}
	fz.digest = 2166136261u;
	rng_seed(&fz.rng, fz.seed);
	nprocs = kinfo(KINFO_NPROCS);
	pages = kinfo(KINFO_FREEPAGES);
	heap = kinfo(KINFO_KHEAP);
	subjects_start(&fz);
	t0 = now();
	while (fz.done < fz.n) {
		one_request(&fz);
		if (fz.done % 1000 == 0) {
			check_subjects(&fz);
			check_system(&fz);
			subjects_end(&fz);	/* and whatever escaped them */
			subjects_start(&fz);
		}
		if (fz.done % 100000 == 0)
			printf("ptfuzz: %lu requests\n", fz.done);
	}
	report(&fz, now() - t0);
	subjects_end(&fz);
	await_nprocs(nprocs);
	if (kinfo(KINFO_FREEPAGES) != pages || kinfo(KINFO_KHEAP) != heap) {
		fuzz_fail(&fz, "free pages %d before, %d after; kernel heap %d "
		    "bytes before, %d after; processes %d before, %d after",
		    pages, kinfo(KINFO_FREEPAGES), heap, kinfo(KINFO_KHEAP),
		    nprocs, kinfo(KINFO_NPROCS));
	}
	printf("ptfuzz: PASS (seed %u)\n", fz.seed);
	return 0;
}
