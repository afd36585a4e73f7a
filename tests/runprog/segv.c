/*
 * segv.c - a run-prog sample: prints a line, then writes through a NULL
 * pointer and dies of SIGSEGV (run-prog's status: 128 + 11 = 139).
 */
#include <stdio.h>

int
main(void)
{
	volatile int *p = NULL;

	printf("about to fault\n");
	fflush(stdout);
	*p = 1;
	printf("not reached\n");
	return 0;
}
