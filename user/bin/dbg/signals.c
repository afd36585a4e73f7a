/*
 * signals.c - what dbg does when the inferior gets a signal: info signals,
 * handle.
 *
 * Every signal sent to a traced process stops it first; dbg then decides,
 * per signal, whether to stop and give the user the prompt ("stop"), whether
 * to say so ("print"), and whether the program gets the signal when it goes
 * on ("pass"). The defaults are gdb's: everything stops, prints and passes,
 * except SIGINT and SIGTRAP (the debugger's own: not passed) and the signals
 * that are no error (SIGALRM, SIGURG, SIGCHLD, SIGIO, SIGVTALRM, SIGPROF,
 * SIGWINCH: neither stop nor print). "stop" implies "print"; "noprint"
 * implies "nostop".
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "dbg.h"

void
signals_init(struct dbg *d)
{
	static const int quiet[] = {
		SIGALRM, SIGURG, SIGCHLD, SIGIO, SIGVTALRM, SIGPROF, SIGWINCH,
	};
	size_t i;
	int sig;

	for (sig = 1; sig < NSIG; sig++) {
		d->sig[sig].stop = 1;
		d->sig[sig].print = 1;
		d->sig[sig].pass = 1;
	}
	d->sig[SIGINT].pass = 0;
	d->sig[SIGTRAP].pass = 0;
	for (i = 0; i < sizeof(quiet) / sizeof(quiet[0]); i++) {
		d->sig[quiet[i]].stop = 0;
		d->sig[quiet[i]].print = 0;
	}
}

/* "SIGSEGV" for 11. */
const char *
signal_name(int sig)
{
	static char names[NSIG][12];
	int i;

	if (sig <= 0 || sig >= NSIG)
		return "SIG?";
	if (names[sig][0] == '\0') {
		strcpy(names[sig], "SIG");
		for (i = 0; sys_signame[sig][i] != '\0' && i < 8; i++)
			names[sig][3 + i] =
			    toupper((unsigned char)sys_signame[sig][i]);
	}
	return names[sig];
}

/*
 * "SIGSEGV" (any case) or a number 1-15 (gdb's limit); 0 if none. The
 * prefix is required: "stop" is an action, not SIGSTOP.
 */
static int
parse_signal(const char *w)
{
	char *end;
	long n;
	int sig;

	if (isdigit((unsigned char)*w)) {
		n = strtol(w, &end, 10);
		return *end == '\0' && n >= 1 && n <= 15 ? n : 0;
	}
	if (strncasecmp(w, "SIG", 3) != 0)
		return 0;
	w += 3;
	for (sig = 1; sig < NSIG; sig++)
		if (strcasecmp(w, sys_signame[sig]) == 0)
			return sig;
	return 0;
}

static void
header(void)
{
	printf("Signal        Stop\tPrint\tPass to program\tDescription\n");
}

static void
row(struct dbg *d, int sig)
{
	const struct sigflags *f = &d->sig[sig];

	printf("%-14s%s\t%s\t%s\t\t%s\n", signal_name(sig),
	    f->stop ? "Yes" : "No", f->print ? "Yes" : "No",
	    f->pass ? "Yes" : "No", sys_siglist[sig]);
}

void
cmd_info_signals(struct dbg *d, char *a)
{
	char *w = cmd_word(&a);
	int sig;

	if (*w != '\0') {
		if ((sig = parse_signal(w)) == 0) {
			printf("Only signals 1-15 are valid as numeric signals.\n"
			    "Use \"info signals\" for a list of symbolic "
			    "signals.\n");
			return;
		}
		header();
		row(d, sig);
		return;
	}
	header();
	printf("\n");
	for (sig = 1; sig < NSIG; sig++)
		row(d, sig);
	printf("\nUse the \"handle\" command to change these tables.\n");
}

/* Apply one action word to f; -1 if the word is not an action. */
static int
apply(struct sigflags *f, const char *w)
{
	if (strcmp(w, "stop") == 0)
		f->stop = f->print = 1;
	else if (strcmp(w, "nostop") == 0)
		f->stop = 0;
	else if (strcmp(w, "print") == 0)
		f->print = 1;
	else if (strcmp(w, "noprint") == 0)
		f->print = f->stop = 0;
	else if (strcmp(w, "pass") == 0 || strcmp(w, "noignore") == 0)
		f->pass = 1;
	else if (strcmp(w, "nopass") == 0 || strcmp(w, "ignore") == 0)
		f->pass = 0;
	else
		return -1;
	return 0;
}

/* handle SIG... ACTION...: signals first, then actions, as gdb reads them. */
void
cmd_handle(struct dbg *d, char *a)
{
	int sigs[NSIG], n = 0, i, sig, acted = 0;
	struct sigflags f[NSIG];
	char *w;

	memcpy(f, d->sig, sizeof(f));
	if (*cmd_trim(a) == '\0') {
		printf("Argument required (signal to handle).\n");
		return;
	}
	while (*(w = cmd_word(&a)) != '\0') {
		if (n < NSIG && (sig = parse_signal(w)) != 0) {
			sigs[n++] = sig;
			continue;
		}
		for (i = 0; i < n; i++)
			if (apply(&f[sigs[i]], w) != 0)
				break;
		if (n == 0 || i < n) {
			printf("Unrecognized or ambiguous flag word: \"%s\".\n",
			    w);
			return;
		}
		acted = 1;
	}
	memcpy(d->sig, f, sizeof(f));
	if (!acted && n == 0)
		return;
	header();
	for (i = 0; i < n; i++)
		row(d, sigs[i]);
}
