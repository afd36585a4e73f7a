/*
 * shrun.h - running a command line the way a user does, for the suites of
 * the shell and the utilities: sh -c LINE with its output captured.
 */
#ifndef SHRUN_H
#define SHRUN_H

#include <stddef.h>

/*
 * Runs /bin/sh -c line with standard input closed (a pipe the shell makes
 * may then land on descriptor 0: pipelines must cope) and standard output
 * and error both into out (NUL-terminated, truncated to size). Returns
 * the wait status, or -1. Waits until init has reaped what the shell may
 * have orphaned, so that page counts taken afterwards are settled.
 */
int	kt_sh(const char *line, char *out, size_t size);

/* One line to run, the exit status it must give and its exact output. */
struct sh_case {
	const char	*line;
	int		status;
	const char	*output;	/* NULL: not checked */
};

/*
 * Runs every case; on the first wrong status or output reports it (with
 * KT_CHECK's message) and returns 1. Returns 0 if all agree.
 */
int	kt_sh_cases(const struct sh_case *cases, size_t n);

#endif
