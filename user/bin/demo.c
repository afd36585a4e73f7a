/*
 * demo - the program that docs/debugging.md, the dbg tests and the gdbstub
 * tests debug. Everything here exists to be looked at from a debugger, so its
 * shape is a promise: the names below are stable and other tests rely on them.
 *
 *	demo [-d MSEC] [-s SIG] [N]
 *
 * main parses the options and calls compute(N) (N defaults to 5). compute's
 * loop runs i = 0 .. N-1: it stores i in the global `counter` (the variable
 * to watch: written once per iteration, before the call chain), then adds
 * step_a(i) to the global `total`. The call chain is
 *	main -> compute -> step_a -> step_b -> step_c
 * with step_c(x) = 3x + 1, step_b(x) = step_c(x) + 2, step_a(x) = 2 * step_b(x),
 * so step_a(i) = 6i + 6 and, for N = 5, total = 90.
 * After the loop, mean(total, N) returns total / N as a double (in st(0), the
 * i386 convention: 18.0 for N = 5); main stores it in the double `average`,
 * multiplies it by the double global `ratio` (2.5) into `scaled` (45.0),
 * prints
 *	total = 90
 *	average = 18.000
 *	scaled = 45.000
 * and exits with status total % 256 (90).
 *
 * -d MSEC sleeps MSEC milliseconds in each iteration (so that a debugger can
 * attach to a running demo); -s SIG installs a handler for SIG (which counts
 * into the global `caught`) and raises SIG once, in the iteration i = 1,
 * and main then also prints "caught = 1".
 *
 * Globals: int counter, int total, int caught, double ratio = 2.5,
 * double average, double scaled; functions: main, compute, step_a, step_b,
 * step_c, mean. Like every user program it is built with -g and frame
 * pointers; noinline/noipa keep each function a real call with its own frame
 * despite -O2.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define DEMO_FN	__attribute__((noinline, noipa))

int counter;
int total;
int caught;
double ratio = 2.5;
double average;
double scaled;

static int delay_ms;
static int raise_sig;

DEMO_FN int
step_c(int x)
{
	return 3 * x + 1;
}

DEMO_FN int
step_b(int x)
{
	return step_c(x) + 2;
}

DEMO_FN int
step_a(int x)
{
	return 2 * step_b(x);
}

DEMO_FN double
mean(int sum, int n)
{
	return (double)sum / n;
}

static void
on_signal(int sig)
{
	(void)sig;
	caught++;
}

DEMO_FN int
compute(int n)
{
	int i;

	for (i = 0; i < n; i++) {
		counter = i;
		if (raise_sig != 0 && i == 1)
			raise(raise_sig);
		total += step_a(i);
		if (delay_ms > 0)
			usleep(delay_ms * 1000);
	}
	return total;
}

int
main(int argc, char *argv[])
{
	int n = 5, c;

	while ((c = getopt(argc, argv, "d:s:")) != -1) {
		switch (c) {
		case 'd':
			delay_ms = atoi(optarg);
			break;
		case 's':
			raise_sig = atoi(optarg);
			signal(raise_sig, on_signal);
			break;
		default:
			fprintf(stderr, "usage: demo [-d msec] [-s sig] [n]\n");
			return 1;
		}
	}
	if (optind < argc)
		n = atoi(argv[optind]);
	if (n < 1)
		n = 1;
	compute(n);
	average = mean(total, n);
	scaled = average * ratio;
	printf("total = %d\naverage = %.3f\nscaled = %.3f\n", total, average,
	    scaled);
	if (raise_sig != 0)
		printf("caught = %d\n", caught);
	return total % 256;
}
