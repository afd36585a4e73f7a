/*
 * args.c - one system call argument as text, the way FreeBSD's truss
 * shows it: numbers and pointers in C notation, strings and buffers read
 * from the tracee with PT_IO (quoted, escaped like vis(3) with VIS_CSTYLE,
 * VIS_TAB and VIS_NL; a buffer is cut to the -s size and marked "..."),
 * flags and signal numbers by name, small structures between braces.
 * Whatever cannot be read from the tracee prints as its address.
 */
#include <ctype.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/ioctl.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "truss.h"

#define PATH_SHOWN	1024	/* longest string read from the tracee */

void
tprintf(struct text *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (t->len + n + 1 > t->cap) {
		size_t cap = (t->len + n + 1) * 2;
		char *s = realloc(t->s, cap);

		if (s == NULL)
			return;
		t->s = s;
		t->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
	va_end(ap);
	t->len += n;
}

/* len bytes at addr in the tracee; 0, or -1 if any is unreadable. */
static int
get_struct(pid_t pid, uint32_t addr, void *buf, size_t len)
{
	struct ptrace_io_desc io = { PIOD_READ_D, (void *)addr, buf, len };

	if (ptrace(PT_IO, pid, (caddr_t)&io, 0) < 0 || io.piod_len != len)
		return -1;
	return 0;
}

/* The NUL-terminated string at addr (at most max - 1 bytes); its length or -1. */
static int
get_string(pid_t pid, uint32_t addr, char *buf, size_t max)
{
	size_t got = 0;

	while (got + 1 < max) {
		size_t chunk = 4096 - ((addr + got) & 4095);
		struct ptrace_io_desc io;
		char *nul;

		if (chunk > max - 1 - got)
			chunk = max - 1 - got;
		io = (struct ptrace_io_desc){ PIOD_READ_D, (void *)(addr + got),
		    buf + got, chunk };
		if (ptrace(PT_IO, pid, (caddr_t)&io, 0) < 0 || io.piod_len == 0)
			return got > 0 ? (buf[got] = '\0', (int)got) : -1;
		if ((nul = memchr(buf + got, '\0', io.piod_len)) != NULL)
			return nul - buf;
		got += io.piod_len;
	}
	buf[got] = '\0';
	return got;
}

/* One byte as vis(3) shows it (VIS_CSTYLE | VIS_TAB | VIS_NL). */
static void
vis_byte(struct text *t, unsigned char c, int next)
{
	static const char cstyle[] = "\a\b\f\n\r\t\v";
	static const char letter[] = "abfnrtv";
	const char *p;

	if (c == '\\') {
		tprintf(t, "\\\\");
	} else if (c != '\0' && (p = strchr(cstyle, c)) != NULL) {
		tprintf(t, "\\%c", letter[p - cstyle]);
	} else if (c == '\0') {
		tprintf(t, (next >= '0' && next <= '7') ? "\\000" : "\\0");
	} else if (c >= 0x20 && c < 0x7f) {
		tprintf(t, "%c", c);
	} else {
		tprintf(t, "\\");
		if (c & 0x80) {
			c &= 0x7f;
			tprintf(t, c >= 0x20 && c < 0x7f ? "M-" : "M");
		}
		if (c < 0x20 || c == 0x7f)
			tprintf(t, "^%c", c == 0x7f ? '?' : c + '@');
		else
			tprintf(t, "%c", c);
	}
}

static size_t
vis_len(const unsigned char *b, size_t n)
{
	struct text t = { NULL, 0, 0 };
	size_t i, len;

	for (i = 0; i < n; i++)
		vis_byte(&t, b[i], i + 1 < n ? b[i + 1] : -1);
	len = t.len;
	free(t.s);
	return len;
}

static void
quoted(struct text *t, const unsigned char *b, size_t n)
{
	size_t i;

	tprintf(t, "\"");
	for (i = 0; i < n; i++)
		vis_byte(t, b[i], i + 1 < n ? b[i + 1] : -1);
	tprintf(t, "\"");
}

/* A buffer of len bytes: at most opts.strsize characters shown, then "...". */
static void
buffer(struct text *t, pid_t pid, uint32_t addr, uint32_t len)
{
	unsigned char *b;
	size_t n = len, max = opts.strsize;
	int cut = 0;

	if (n > max) {
		n = max;
		cut = 1;
	}
	if (n == 0 || (b = malloc(n)) == NULL) {
		tprintf(t, "0x%x", addr);
		return;
	}
	if (get_struct(pid, addr, b, n) < 0) {
		free(b);
		tprintf(t, "0x%x", addr);
		return;
	}
	while (n > 0 && vis_len(b, n) > max) {
		n--;
		cut = 1;
	}
	quoted(t, b, n);
	if (cut)
		tprintf(t, "...");
	free(b);
}

static void
path(struct text *t, pid_t pid, uint32_t addr)
{
	char buf[PATH_SHOWN];
	int n = get_string(pid, addr, buf, sizeof(buf));

	if (n < 0)
		tprintf(t, "0x%x", addr);
	else
		quoted(t, (unsigned char *)buf, n);
}

const char *
signame(int sig)
{
	static char name[16];
	int i;

	if (sig <= 0 || sig >= NSIG) {
		snprintf(name, sizeof(name), "%d", sig);
		return name;
	}
	snprintf(name, sizeof(name), "SIG%s", sys_signame[sig]);
	for (i = 3; name[i] != '\0'; i++)
		name[i] = toupper((unsigned char)name[i]);
	return name;
}

struct flagname {
	uint32_t	bit;
	const char	*name;
};

/* Set bits by name, joined by '|', the rest in hex; none at all: "0x0". */
static void
flags(struct text *t, const struct flagname *f, uint32_t v)
{
	int any = 0;

	for (; f->name != NULL; f++)
		if (v & f->bit) {
			tprintf(t, "%s%s", any ? "|" : "", f->name);
			v &= ~f->bit;
			any = 1;
		}
	if (v != 0 || !any)
		tprintf(t, "%s0x%x", any ? "|" : "", v);
}

/* A value by name from a table, or as a number (in hex if hex). */
static void
named(struct text *t, const struct flagname *f, uint32_t v, int hex)
{
	for (; f->name != NULL; f++)
		if (f->bit == v) {
			tprintf(t, "%s", f->name);
			return;
		}
	tprintf(t, hex ? "0x%x" : "%d", v);
}

#define F(x)	{ x, #x }
static const struct flagname open_flags[] = {
	F(O_NONBLOCK), F(O_APPEND), F(O_CREAT), F(O_TRUNC), F(O_EXCL),
	F(O_NOCTTY), F(O_DIRECTORY), F(O_CLOEXEC), { 0, NULL }
};
static const struct flagname open_modes[] = {
	F(O_RDONLY), F(O_WRONLY), F(O_RDWR), { 0, NULL }
};
static const struct flagname wait_options[] = {
	F(WNOHANG), F(WUNTRACED), F(WCONTINUED), F(WNOWAIT), F(WEXITED),
	F(WTRAPPED), { 0, NULL }
};
static const struct flagname sa_flags[] = {
	F(SA_ONSTACK), F(SA_RESTART), F(SA_RESETHAND), F(SA_NOCLDSTOP),
	F(SA_NODEFER), F(SA_NOCLDWAIT), F(SA_SIGINFO), { 0, NULL }
};
static const struct flagname sig_how[] = {
	F(SIG_BLOCK), F(SIG_UNBLOCK), F(SIG_SETMASK), { 0, NULL }
};
static const struct flagname whence[] = {
	F(SEEK_SET), F(SEEK_CUR), F(SEEK_END), { 0, NULL }
};
static const struct flagname clocks[] = {
	F(CLOCK_REALTIME), F(CLOCK_MONOTONIC), { 0, NULL }
};
static const struct flagname ioctls[] = {
	F(TIOCGPGRP), F(TIOCSPGRP), F(TIOCGETA), F(TIOCSETA), { 0, NULL }
};
static const struct flagname ptrace_reqs[] = {
	F(PT_TRACE_ME), F(PT_READ_I), F(PT_READ_D), F(PT_WRITE_I),
	F(PT_WRITE_D), F(PT_CONTINUE), F(PT_KILL), F(PT_STEP), F(PT_ATTACH),
	F(PT_DETACH), F(PT_IO), F(PT_LWPINFO), F(PT_CLEARSTEP), F(PT_SETSTEP),
	F(PT_TO_SCE), F(PT_TO_SCX), F(PT_SYSCALL), F(PT_GET_SC_ARGS),
	F(PT_GET_SC_RET), F(PT_GETREGS), F(PT_SETREGS), F(PT_GETFPREGS),
	F(PT_SETFPREGS), F(PT_GETDBREGS), F(PT_SETDBREGS), F(PT_GETXMMREGS),
	F(PT_SETXMMREGS), { 0, NULL }
};
#undef F

static void
open_flags_arg(struct text *t, uint32_t v)
{
	named(t, open_modes, v & O_ACCMODE, 1);
	if (v & ~O_ACCMODE) {
		tprintf(t, "|");
		flags(t, open_flags, v & ~O_ACCMODE);
	}
}

static void
sigset_arg(struct text *t, pid_t pid, uint32_t addr)
{
	sigset_t ss;
	int sig, any = 0;

	if (addr == 0 || get_struct(pid, addr, &ss, sizeof(ss)) < 0) {
		tprintf(t, "0x%x", addr);
		return;
	}
	tprintf(t, "{ ");
	for (sig = 1; sig < NSIG; sig++)
		if (sigismember(&ss, sig)) {
			tprintf(t, "%s%s", any ? "|" : "", signame(sig));
			any = 1;
		}
	tprintf(t, "%s}", any ? " " : "");
}

static void
sigaction_arg(struct text *t, pid_t pid, uint32_t addr)
{
	struct sigaction sa;

	if (addr == 0 || get_struct(pid, addr, &sa, sizeof(sa)) < 0) {
		tprintf(t, "0x%x", addr);
		return;
	}
	if (sa.sa_handler == SIG_DFL)
		tprintf(t, "{ SIG_DFL ");
	else if (sa.sa_handler == SIG_IGN)
		tprintf(t, "{ SIG_IGN ");
	else
		tprintf(t, "{ 0x%x ", (uint32_t)sa.sa_handler);
	flags(t, sa_flags, sa.sa_flags);
	tprintf(t, " ss_t }");
}

static void
wstatus_arg(struct text *t, pid_t pid, uint32_t addr)
{
	int st;

	if (addr == 0 || get_struct(pid, addr, &st, sizeof(st)) < 0)
		tprintf(t, "0x%x", addr);
	else if (WIFCONTINUED(st))
		tprintf(t, "{ CONTINUED }");
	else if (WIFEXITED(st))
		tprintf(t, "{ EXITED,val=%d }", WEXITSTATUS(st));
	else if (WIFSIGNALED(st))
		tprintf(t, "{ SIGNALED,sig=%s%s }", signame(WTERMSIG(st)),
		    WCOREDUMP(st) ? ",cored" : "");
	else
		tprintf(t, "{ STOPPED,sig=%s }", signame(WSTOPSIG(st)));
}

static void
timespec_arg(struct text *t, pid_t pid, uint32_t addr)
{
	struct timespec ts;

	if (addr == 0 || get_struct(pid, addr, &ts, sizeof(ts)) < 0)
		tprintf(t, "0x%x", addr);
	else
		tprintf(t, "{ %ld.%09ld }", (long)ts.tv_sec, (long)ts.tv_nsec);
}

/* The mode as ls -l shows it, with strmode(3)'s trailing blank. */
static void
stat_arg(struct text *t, pid_t pid, uint32_t addr)
{
	static const char rwx[] = "rwxrwxrwx";
	struct stat st;
	char mode[12];
	int i;

	if (addr == 0 || get_struct(pid, addr, &st, sizeof(st)) < 0) {
		tprintf(t, "0x%x", addr);
		return;
	}
	mode[0] = S_ISDIR(st.st_mode) ? 'd' : S_ISCHR(st.st_mode) ? 'c' :
	    S_ISFIFO(st.st_mode) ? 'p' : S_ISLNK(st.st_mode) ? 'l' : '-';
	for (i = 0; i < 9; i++)
		mode[i + 1] = (st.st_mode & (0400 >> i)) ? rwx[i] : '-';
	mode[10] = ' ';
	mode[11] = '\0';
	tprintf(t, "{ mode=%s,inode=%lu,size=%lld,blksize=%ld }", mode,
	    (unsigned long)st.st_ino, (long long)st.st_size,
	    (long)st.st_blksize);
}

static void
pipefds_arg(struct text *t, pid_t pid, uint32_t addr)
{
	int fds[2];

	if (addr == 0 || get_struct(pid, addr, fds, sizeof(fds)) < 0)
		tprintf(t, "0x%x", addr);
	else
		tprintf(t, "{ %d, %d }", fds[0], fds[1]);
}

/* execve's argument or environment vector, with -a / -e. */
static void
strings_arg(struct text *t, pid_t pid, uint32_t addr, int show)
{
	char buf[PATH_SHOWN];
	uint32_t p;
	int i, n;

	if (!show || addr == 0) {
		tprintf(t, "0x%x", addr);
		return;
	}
	tprintf(t, "[");
	for (i = 0;; i++) {
		if (get_struct(pid, addr + 4 * i, &p, sizeof(p)) < 0) {
			tprintf(t, "%s <inval>", i ? "," : "");
			break;
		}
		if (p == 0)
			break;
		n = get_string(pid, p, buf, sizeof(buf));
		tprintf(t, "%s ", i ? "," : "");
		if (n < 0)
			tprintf(t, "0x%x", p);
		else
			quoted(t, (unsigned char *)buf, n);
	}
	tprintf(t, " ]");
}

char *
format_arg(pid_t pid, const struct sysarg *a, const uint32_t *w,
    const uint32_t *retval)
{
	struct text t = { NULL, 0, 0 };
	uint32_t v = w[a->word];

	switch (A_KIND(a->type)) {
	case A_INT:	tprintf(&t, "%d", (int)v); break;
	case A_UINT:	tprintf(&t, "%u", v); break;
	case A_HEX:
	case A_PTR:	tprintf(&t, "0x%x", v); break;
	case A_OCTAL:	tprintf(&t, "0%o", v); break;
	case A_PATH:	path(&t, pid, v); break;
	case A_BUF:	buffer(&t, pid, v, w[a->word + 1]); break;
	case A_RBUF:	buffer(&t, pid, v, retval[0]); break;
	case A_OPENFLAGS: open_flags_arg(&t, v); break;
	case A_SIGNAL:	tprintf(&t, "%s", signame((int)v)); break;
	case A_SIGHOW:	named(&t, sig_how, v, 0); break;
	case A_SIGSET:	sigset_arg(&t, pid, v); break;
	case A_SIGACTION: sigaction_arg(&t, pid, v); break;
	case A_WAITOPTS: flags(&t, wait_options, v); break;
	case A_WSTATUS:	wstatus_arg(&t, pid, v); break;
	case A_TIMESPEC: timespec_arg(&t, pid, v); break;
	case A_WHENCE:	named(&t, whence, v, 0); break;
	case A_OFF:
		tprintf(&t, "0x%llx", (unsigned long long)w[a->word + 1] << 32 | v);
		break;
	case A_PTREQ:	named(&t, ptrace_reqs, v, 0); break;
	case A_IOCTL:	named(&t, ioctls, v, 1); break;
	case A_PIPEFDS:	pipefds_arg(&t, pid, v); break;
	case A_ARGV:	strings_arg(&t, pid, v, opts.show_argv); break;
	case A_ENVP:	strings_arg(&t, pid, v, opts.show_envp); break;
	case A_CLOCKID:	named(&t, clocks, v, 0); break;
	case A_STAT:	stat_arg(&t, pid, v); break;
	default:	tprintf(&t, "0x%x", v); break;
	}
	return t.s != NULL ? t.s : strdup("");
}
