// TIMEOUT: 300
/*
 * hazards_fuzz.c - the ptrace fuzzer (/bin/ptfuzz, user/bin/ptfuzz/) as
 * part of the test run: 20,000 requests from a fixed seed must leave every
 * invariant standing (ptfuzz checks them every 1,000 requests, and the
 * free pages and kernel heap at the end), and the request stream must be a
 * function of the seed alone, or a failure's seed would replay nothing.
 * Long runs and other seeds: `make fuzz' (docs/hazards.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include "hazards_lib.h"

/* Run ptfuzz with these arguments; its exit status, *digest from its report. */
static int
ptfuzz(const char *n, const char *seed, uint32_t *digest)
{
	char *argv[] = { "ptfuzz", "-n", (char *)n, "-s", (char *)seed, NULL };
	char out[4096], *d;
	size_t len = 0;
	ssize_t r;
	int p[2], st;
	pid_t pid;

	if (pipe(p) < 0)
		return -1;
	if ((pid = fork()) == 0) {
		dup2(p[1], 1);
		close(p[0]);
		close(p[1]);
		execv("/bin/ptfuzz", argv);
		_exit(127);
	}
	close(p[1]);
	while (len + 1 < sizeof(out) &&
	    (r = read(p[0], out + len, sizeof(out) - 1 - len)) > 0)
		len += r;
	out[len] = '\0';
	close(p[0]);
	if (pid < 0 || kt_wait_status(pid, &st) != pid)
		return -1;
	fputs(out, stdout);		/* the report, in the test log */
	d = strstr(out, "digest ");
	*digest = d ? strtoul(d + 7, NULL, 16) : 0;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

HZ_CASE(test_short_run)
{
	uint32_t d;
	int r = ptfuzz("20000", "20240501", &d);

	KT_CHECK(r == 0, "ptfuzz exited %d (its report is above)", r);
	return 0;
}

HZ_CASE(test_seed_decides)
{
	uint32_t a, b, c;

	KT_CHECK(ptfuzz("3000", "99", &a) == 0 && ptfuzz("3000", "99", &b) == 0
	    && ptfuzz("3000", "100", &c) == 0, "a run failed");
	KT_CHECK(a != 0 && a == b, "seed 99 gave digests %08x and %08x", a, b);
	KT_CHECK(c != a, "seeds 99 and 100 gave the same stream");
	return 0;
}

int
main(void)
{
	kt_suite("hazards_fuzz");
	kt_set_timeout(240);
	kt_run("short_run", test_short_run);
	kt_run("seed_decides", test_seed_decides);
	return kt_finish();
}
