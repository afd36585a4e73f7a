/*
 * echoargs.c - a run-prog sample: prints each argument on a line of its
 * own, between brackets, so a test can see that ARGS arrived as written
 * (leading dashes, quotes, dollar signs); exits with the argument count.
 */
#include <stdio.h>

int
main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		printf("[%s]\n", argv[i]);
	return argc - 1;
}
