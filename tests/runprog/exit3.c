/*
 * exit3.c - a run-prog sample: prints two lines (the second without a
 * newline) and exits with status 3. tests/client/test_runprog.py checks that
 * `make run-prog` relays exactly this output and the status.
 */
#include <stdio.h>

int
main(void)
{
	printf("hello from exit3\n");
	printf("no newline at the end");
	return 3;
}
