/*
 * siglist.c - the names and descriptions of the signals (BSD's sys_signame
 * and sys_siglist, with FreeBSD's wording), strsignal and psignal.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>

const char *const sys_signame[NSIG] = {
	"Signal 0", "hup", "int", "quit", "ill", "trap", "abrt", "emt", "fpe",
	"kill", "bus", "segv", "sys", "pipe", "alrm", "term", "urg", "stop",
	"tstp", "cont", "chld", "ttin", "ttou", "io", "xcpu", "xfsz", "vtalrm",
	"prof", "winch", "info", "usr1", "usr2",
};

const char *const sys_siglist[NSIG] = {
	"Signal 0",
	"Hangup",
	"Interrupt",
	"Quit",
	"Illegal instruction",
	"Trace/BPT trap",
	"Abort trap",
	"EMT trap",
	"Floating point exception",
	"Killed",
	"Bus error",
	"Segmentation fault",
	"Bad system call",
	"Broken pipe",
	"Alarm clock",
	"Terminated",
	"Urgent I/O condition",
	"Suspended (signal)",
	"Suspended",
	"Continued",
	"Child exited",
	"Stopped (tty input)",
	"Stopped (tty output)",
	"I/O possible",
	"Cputime limit exceeded",
	"Filesize limit exceeded",
	"Virtual timer expired",
	"Profiling timer expired",
	"Window size changes",
	"Information request",
	"User defined signal 1",
	"User defined signal 2",
};

char *
strsignal(int sig)
{
	static char unknown[24];

	if (sig > 0 && sig < NSIG)
		return (char *)sys_siglist[sig];
	snprintf(unknown, sizeof(unknown), "Unknown signal: %d", sig);
	return unknown;
}

void
psignal(int sig, const char *s)
{
	if (s != NULL && *s != '\0')
		fprintf(stderr, "%s: ", s);
	fprintf(stderr, "%s\n", strsignal(sig));
}
