/*
 * bench - Kestrel's benchmark program (see bench.h). `bench` runs every
 * benchmark; `bench proc|ptrace|threads` runs one group (/bin/fpubench measures
 * FPU context switches). tools/bench.py boots
 * Kestrel with it and turns the BENCH lines into the table `make bench`
 * prints.
 */
#include <stdio.h>
#include <string.h>
#include <sys/kinfo.h>
#include "bench.h"

/* n / ops with two decimals. */
static void
print_ratio(uint64_t n, uint64_t ops)
{
	printf("%llu.%02llu", (unsigned long long)(n / ops),
	    (unsigned long long)((n % ops) * 100 / ops));
}

void
bench_report(const char *name, uint64_t ticks, uint64_t ops, const char *unit)
{
	printf("BENCH %s ", name);
	print_ratio(ticks, ops);
	printf(" %s\n", unit);
	fflush(stdout);
}

void
bench_start(struct bench_mark *m)
{
	m->cr3 = kinfo(KINFO_CR3WRITES);
	m->tsc = rdtsc();
}

void
bench_cr3(const char *name, const struct bench_mark *m, uint64_t ops)
{
	uint32_t cr3 = kinfo(KINFO_CR3WRITES);

	printf("CR3 %s ", name);
	print_ratio(cr3 - m->cr3, ops);
	printf("\n");
	fflush(stdout);
}

void
bench_end(const char *name, const struct bench_mark *m, uint64_t ops,
    const char *unit)
{
	bench_report(name, rdtsc() - m->tsc, ops, unit);
	bench_cr3(name, m, ops);
}

int
main(int argc, char **argv)
{
	const char *only = argc > 1 ? argv[1] : NULL;

	if (only == NULL || strcmp(only, "proc") == 0)
		bench_proc();
	if (only == NULL || strcmp(only, "ptrace") == 0)
		bench_ptrace();
	if (only == NULL || strcmp(only, "threads") == 0)
		bench_threads();
	printf("BENCH done\n");
	return 0;
}
