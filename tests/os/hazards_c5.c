/*
 * hazards_c5.c - a user watchpoint that the kernel trips over. DR0-DR3 hold
 * user addresses, and the kernel touches user memory on the process's
 * behalf: copyout in read(2) and stat(2), copyin in sigaction(2), the signal
 * frame written on the way into a handler and read back by sigreturn. That
 * is a #DB in ring 0, which a kernel must neither panic on nor loop on
 * (FreeBSD's user_dbreg_trap, Linux's notify_debug). Kestrel's rule
 * (docs/debug-registers.md): the call completes with the right data, the
 * process gets exactly one SIGTRAP after it (DR6 naming the slot), and the
 * watchpoint is armed again for the program's own access, which traps once
 * more. A tracer's PT_IO write into the watched buffer goes through the
 * tracee's pages, not its registers: no trap at all.
 *
 * Each body below does its call, stops itself with SIGUSR2, writes the
 * watched word, and stops with SIGUSR2 again; the tracer checks the stops.
 */
#include <fcntl.h>
#include <sys/stat.h>
#include "hazards_lib.h"

static char buf[64] __attribute__((aligned(16)));
static struct stat stbuf;
static struct sigaction act;

/* The call, then the two checkpoints around the program's own write. */
static int
finish(int ok, volatile void *own)
{
	raise(SIGUSR2);
	*(volatile char *)own = 1;
	raise(SIGUSR2);
	return ok ? 0 : 2;
}

static int
read_body(void)
{
	char check[16];
	int fd = open("/bin/true", O_RDONLY), fd2 = open("/bin/true", O_RDONLY);
	int ok = fd >= 0 && read(fd, buf, 16) == 16 && fd2 >= 0 &&
	    read(fd2, check, 16) == 16 && !memcmp(buf, check, 16);

	return finish(ok, buf);
}

static int
pipe_body(void)
{
	static const char msg[16] = "kestrel-c5-pipe";
	int p[2], ok;

	ok = pipe(p) == 0 && write(p[1], msg, 16) == 16 &&
	    read(p[0], buf, 16) == 16 && !memcmp(buf, msg, 16);
	return finish(ok, buf);
}

static int
stat_body(void)
{
	int ok = stat("/bin/true", &stbuf) == 0 && S_ISREG(stbuf.st_mode);

	return finish(ok, &stbuf);
}

static void
on_usr1(int sig)
{
	(void)sig;
}

static int
sigaction_body(void)
{
	struct sigaction old;
	int ok;

	memset(&old, 0, sizeof(old));
	ok = sigaction(SIGUSR1, &act, NULL) == 0 &&
	    sigaction(SIGUSR1, NULL, &old) == 0 && old.sa_handler == on_usr1;
	return finish(ok, &act);
}

static int
ptio_body(void)
{
	return finish(!memcmp(buf, "written by PT_IO", 16), buf);
}

static const struct {
	const char	*name;
	int		(*body)(void);
	void		*watch;
	uint32_t	dr7;
	int		ptio;		/* the tracer writes buf with PT_IO */
} calls[] = {
	{ "read_file", read_body, buf, 0x000d0001, 0 },
	{ "read_pipe", pipe_body, buf, 0x000d0001, 0 },
	{ "stat", stat_body, &stbuf, 0x000d0001, 0 },
	{ "sigaction_rdwr", sigaction_body, &act, 0x000f0001, 0 },
	{ "ptio_write", ptio_body, buf, 0x000d0001, 1 },
};
static int cur;

HZ_CASE(test_call)
{
	struct ptrace_io_desc io = { PIOD_WRITE_D, buf, "written by PT_IO", 16 };
	struct hz_stop s[8];
	struct dbreg d;
	int st, n, i, want[4] = { SIGTRAP, SIGUSR2, SIGTRAP, SIGUSR2 };
	int *w = want + calls[cur].ptio;
	pid_t pid;

	act.sa_handler = on_usr1;
	KT_CHECK((pid = pt_traced(calls[cur].body)) > 0, "no tracee");
	memset(&d, 0, sizeof(d));
	d.dr[0] = (uint32_t)calls[cur].watch;
	d.dr[7] = calls[cur].dr7;
	PT_OK(PT_SETDBREGS, pid, &d, 0);
	if (calls[cur].ptio) {
		PT_OK(PT_IO, pid, &io, 0);
		KT_CHECK(io.piod_len == 16, "PT_IO moved %u", io.piod_len);
	}
	st = hz_collect(pid, s, 8, &n, 0);
	KT_CHECK(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	    "tracee: %s (2: the call's result was wrong)", pt_str(st));
	KT_CHECK(n == 4 - calls[cur].ptio, "%d stops", n);
	for (i = 0; i < n; i++)
		KT_CHECK(s[i].sig == w[i] && (w[i] != SIGTRAP ||
		    s[i].dr6 == HZ_DR6_B(0)), "stop %d: signal %d dr6 %#x", i,
		    s[i].sig, s[i].dr6);
	return 0;
}

static volatile int handled;

static void
on_usr1_count(int sig)
{
	(void)sig;
	handled++;
}

static int
frame_body(void)
{
	signal(SIGUSR1, on_usr1_count);
	raise(SIGUSR1);
	return handled == 1 ? 0 : 2;
}

/*
 * The signal frame written over a watched stack word (esp - 0x40 at the
 * SIGUSR1 stop): one SIGTRAP as the handler starts. With a read/write
 * watchpoint the tracer then moves it onto the saved EIP in the handler's
 * ucontext (its third argument), which sigreturn reads back: one more
 * SIGTRAP, at the interrupted instruction. Then it disarms, and the
 * program ends.
 */
static int
frame_case(uint32_t dr7)
{
	struct reg r, h;
	struct dbreg d;
	pid_t pid = pt_traced(frame_body);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGUSR1);
	KT_CHECK(pt_getregs(pid, &r) == 0, "GETREGS: errno %d", errno);
	memset(&d, 0, sizeof(d));
	d.dr[0] = (r.r_esp - 0x40) & ~3u;
	d.dr[7] = dr7;
	PT_OK(PT_SETDBREGS, pid, &d, 0);
	PT_CONT(pid, SIGUSR1);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK(pt_getregs(pid, &h) == 0 && h.r_eip == (uint32_t)on_usr1_count,
	    "trap at %#x, not the handler", h.r_eip);
	KT_CHECK(hz_dr6(pid) == HZ_DR6_B(0), "dr6 %#x", hz_dr6(pid));
	if (dr7 == 0x000f0001) {
		errno = 0;
		d.dr[0] = ptrace(PT_READ_D, pid, (caddr_t)(h.r_esp + 12), 0) +
		    offsetof(ucontext_t, uc_mcontext.mc_eip);
		KT_CHECK(errno == 0, "PT_READ_D: errno %d", errno);
		PT_OK(PT_SETDBREGS, pid, &d, 0);
		PT_CONT(pid, 0);
		PT_STOP(pid, SIGTRAP);
		KT_CHECK(pt_getregs(pid, &h) == 0 && h.r_eip == r.r_eip,
		    "after sigreturn at %#x, expected %#x", h.r_eip, r.r_eip);
		KT_CHECK(hz_dr6(pid) == HZ_DR6_B(0), "dr6 %#x", hz_dr6(pid));
	}
	d.dr[7] = 0;
	PT_OK(PT_SETDBREGS, pid, &d, 0);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

HZ_CASE(test_sigframe_write) { return frame_case(0x000d0001); }
HZ_CASE(test_sigframe_rdwr) { return frame_case(0x000f0001); }

int
main(void)
{
	kt_suite("hazards_c5");
	for (cur = 0; cur < (int)HZ_NELEM(calls); cur++)
		kt_run(calls[cur].name, test_call);
	kt_run("sigframe_write", test_sigframe_write);
	kt_run("sigframe_rdwr", test_sigframe_rdwr);
	return kt_finish();
}
