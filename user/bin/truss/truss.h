/*
 * truss.h - what truss's files share.
 *
 * truss follows one process with PT_SYSCALL: at each system call entry it
 * reads the number and arguments (PT_LWPINFO, PT_GET_SC_ARGS) and decodes
 * the arguments the call reads; at the exit it decodes those the call wrote
 * and the result (PT_GET_SC_RET), and prints one line like FreeBSD's truss:
 *
 *	name(arg,arg,...)<tabs to column 48> = 6 (0x6)
 *	name(arg,arg,...)<tabs> ERR#2 'No such file or directory'
 *
 * syscalls.c looks a call up in the table of calls and argument kinds
 * (generated from kernel/syscalls.master, whose header names the kinds),
 * args.c turns one argument into text, main.c runs the tracee and the
 * event loop.
 */
#ifndef TRUSS_H
#define TRUSS_H

#include <stdint.h>
#include <sys/types.h>

/* What an argument is; A_OUT: the call fills it in, print it at the exit. */
enum argkind {
	A_INT, A_UINT, A_HEX, A_OCTAL, A_PTR,
	A_PATH,		/* a string */
	A_BUF,		/* bytes; their count is the next argument */
	A_RBUF,		/* bytes; their count is the result (an A_OUT) */
	A_OPENFLAGS, A_SIGNAL, A_SIGHOW, A_SIGSET, A_SIGACTION,
	A_WAITOPTS, A_WSTATUS, A_TIMESPEC, A_WHENCE,
	A_OFF,		/* a 64-bit offset in two argument words */
	A_PTREQ, A_IOCTL, A_PIPEFDS, A_ARGV, A_ENVP, A_CLOCKID, A_STAT,
};
#define A_OUT		0x100
#define A_KIND(t)	((t) & 0xff)

struct sysarg {
	uint16_t	type;	/* enum argkind, maybe | A_OUT */
	uint8_t		word;	/* which argument word it starts at */
};

#define R_INT	0	/* " = 6 (0x6)" */
#define R_OFF	1	/* a 64-bit result in eax:edx */
#define R_NONE	2	/* the call does not return (exit) */

struct sysdesc {
	const char	*name;
	int		nargs;	/* printed arguments */
	int		ret;	/* R_* */
	struct sysarg	args[6];
};

/* The kernel's "errors" that are not errors, as PT_GET_SC_RET reports them. */
#define TRUSS_ERESTART		(-1)
#define TRUSS_EJUSTRETURN	(-2)

/* Options that change how arguments print. */
struct truss_opts {
	int	strsize;	/* -s: bytes of a buffer shown (32) */
	int	show_argv;	/* -a: execve's arguments */
	int	show_envp;	/* -e: execve's environment */
	int	follow;		/* -f: follow forks, pid on every line */
};
extern struct truss_opts opts;

/* syscalls.c, and the table generated from kernel/syscalls.master */
extern const struct sysdesc truss_syscalls[];
const struct sysdesc *sys_lookup(unsigned code, unsigned narg);

/* A growing string (args.c). */
struct text {
	char	*s;
	size_t	len, cap;
};
void	tprintf(struct text *t, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* args.c: text for argument a of a call with argument words w (malloc'd). */
char	*format_arg(pid_t pid, const struct sysarg *a, const uint32_t *w,
	    const uint32_t *retval);
const char *signame(int sig);

#endif
