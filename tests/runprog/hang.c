/*
 * hang.c - a run-prog sample that never ends: run-prog must give up after
 * TIMEOUT seconds with a non-zero status and a message.
 */
#include <stdio.h>

int
main(void)
{
	volatile unsigned long n = 0;

	printf("spinning forever\n");
	fflush(stdout);
	for (;;)
		n++;
}
