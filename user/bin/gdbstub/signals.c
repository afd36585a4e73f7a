/*
 * signals.c - Kestrel's (FreeBSD's) signal numbers against the protocol's.
 *
 * gdb numbers signals its own way (include/gdb/signals.def), the same on
 * every host. For 1-28, 30 and 31 it happens to agree with FreeBSD; SIGINFO
 * (29 here) is 142 there, and gdb's 29 is SIGLOST, which Kestrel lacks.
 */
#include <signal.h>
#include "gdbstub.h"

#define GDB_SIGINFO	142

int
sig_to_gdb(int sig)
{
	if (sig == SIGINFO)
		return GDB_SIGINFO;
	if (sig > 0 && sig < NSIG)
		return sig;
	return 0;
}

/* Kestrel's number for gdb's signal gsig; -1 if Kestrel has no such signal. */
int
sig_from_gdb(int gsig)
{
	if (gsig == GDB_SIGINFO)
		return SIGINFO;
	if (gsig == 0)
		return 0;
	if (gsig > 0 && gsig < NSIG && gsig != SIGINFO)
		return gsig;
	return -1;
}
