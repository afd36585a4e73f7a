/*
 * bench - Kestrel's benchmark program (see bench.h). `bench` runs every
 * benchmark; `bench proc|ptrace|threads` runs one group (/bin/fpubench measures
 * FPU context switches). tools/bench.py boots
 * Kestrel with it and turns the BENCH lines into the table `make bench`
 * prints.
 */
#include <stdio.h>
#include <string.h>
#include "bench.h"

void
bench_report(const char *name, uint64_t ticks, uint64_t ops, const char *unit)
{
	uint64_t whole = ticks / ops, frac = (ticks % ops) * 100 / ops;

	printf("BENCH %s %llu.%02llu %s\n", name, (unsigned long long)whole,
	    (unsigned long long)frac, unit);
	fflush(stdout);
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
