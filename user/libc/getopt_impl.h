/*
 * getopt_impl.h - what getopt.c shares with getopt_long.c: the place
 * inside a cluster of short options ("-abc") and the error message.
 */
#ifndef _LIBC_GETOPT_IMPL_H_
#define _LIBC_GETOPT_IMPL_H_

extern int	__getopt_next;	/* position inside argv[optind], 0: between words */

/* Starts over when the caller set optreset (BSD) or optind = 0 (GNU). */
void	__getopt_restart(void);
/* "prog: msg -- c" or "prog: msg -- name" on stderr, if opterr allows. */
void	__getopt_complain(const char *argv0, const char *opts, const char *msg,
	    int c, const char *name);

#endif
