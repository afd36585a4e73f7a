/*
 * gdbstub.h - the GDB remote-serial-protocol server's shared state.
 *
 * One struct stub holds everything a session needs, split by the file that
 * owns each part: the line and its packets (packet.c), the program being
 * debugged (run.c) and its threads (threads.c), its register image (regs.c) and its breakpoints
 * (breakpoints.c). main.c creates it; dispatch.c hands each packet from gdb
 * to the handler that answers it. Nothing else is global.
 */
#ifndef GDBSTUB_H
#define GDBSTUB_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <machine/reg.h>

#define RSP_PKTMAX	4096	/* payload bytes we accept ("PacketSize") */
#define RSP_NOISE_LIMIT	16384	/* bytes of non-packets before the line counts as lost */
#define NSWBREAK	64	/* software breakpoints at once */
#define NHWSLOT		4	/* DR0-DR3 */
#define HW_EXEC		1	/* hwslot.type of a Z1 execution breakpoint */

/* What rsp_getpkt() found on the line. */
enum rsp_event {
	RSP_PACKET,		/* a packet with a good checksum, in rsp.in */
	RSP_TOOLONG,		/* a good packet longer than RSP_PKTMAX */
	RSP_INTR,		/* gdb's interrupt byte, 0x03 */
	RSP_EOF,		/* the line reported end of file or an error */
	RSP_TIMEOUT,		/* nothing for rsp.idle_ms */
	RSP_LOST,		/* only garbage for RSP_NOISE_LIMIT bytes */
};

struct rsp {
	int		fd;		/* the line, blocking reads */
	int		pollfd;		/* the same line, O_NONBLOCK */
	int		verbose;	/* log packets on stderr */
	int		idle_ms;	/* give up waiting after this long; 0: never */
	unsigned	noise;		/* garbage bytes since the last good packet */
	unsigned char	rbuf[256];	/* read-ahead */
	int		rpos, rlen;
	char		in[RSP_PKTMAX + 1];	/* last packet, NUL-terminated */
	int		inlen;
	char		out[RSP_PKTMAX + 8];	/* reply being built */
	int		outlen;
	int		noreply;	/* this packet gets no reply at all */
};

/* The register image in gdb's order and layout (see regs.c). */
#define REGS_MAX_BYTES	308
struct regcache {
	int		valid;
	int		have_xmm;	/* the CPU has FXSR/SSE: xmm0-7 and mxcsr */
	struct reg	r;
	struct xmmreg	x;		/* when have_xmm */
	struct fpreg	f;		/* otherwise */
};

struct swbreak {
	uint32_t	addr;
	unsigned char	orig;		/* the byte the int3 replaced */
	int		used;
};

/* One debug register: its part of a gdb Z1..Z4 request. */
struct hwslot {
	int		type;		/* 1 exec, 2 write, 3 read, 4 access; 0 free */
	uint32_t	addr, len;	/* the request as gdb made it */
	uint32_t	daddr, dlen;	/* the aligned piece this slot watches */
};

struct target {
	pid_t		pid;
	lwpid_t		stopped;	/* the thread whose stop was reported */
	lwpid_t		cur;		/* Hg: the thread of register packets */
	lwpid_t		step_tid;	/* Hc or vCont: the thread to step; 0: stopped */
	int		lock_step;	/* vCont: only that thread runs during the step */
	int		attached;	/* PT_ATTACHed rather than started by us */
	int		alive;		/* 0 once it has exited or been killed */
	int		status;		/* the wait status of its end */
	int		detached;	/* PT_DETACHed on gdb's request */
	char		stop[96];	/* the last stop reply, for '?' */
};

struct stub {
	struct rsp	rsp;
	struct target	tg;
	struct regcache	rc;
	struct swbreak	sw[NSWBREAK];
	struct hwslot	hw[NHWSLOT];
	int		gdb_swbreak;	/* gdb takes the swbreak stop reason */
	int		gdb_hwbreak;	/* and hwbreak */
	int		quit;		/* leave the packet loop */
};

/* hex.c */
int	hexval(int c);
const char *hex_parse(const char *p, uint32_t *v);
int	hex_decode(const char *p, size_t nchars, unsigned char *out);
void	hex_encode(char *out, const unsigned char *in, size_t n);

/* packet.c */
int	rsp_open(struct rsp *r, const char *dev);
enum rsp_event	rsp_getpkt(struct rsp *r);
int	rsp_interrupted(struct rsp *r);
void	rsp_send(struct rsp *r);
void	reply(struct rsp *r, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	reply_append(struct rsp *r, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	reply_hex(struct rsp *r, const unsigned char *p, size_t n);
void	reply_binary(struct rsp *r, const char *p, size_t n);
void	reply_error(struct rsp *r, int code);
int	unescape_binary(char *p, int n);

/* dispatch.c, query.c */
void	dispatch(struct stub *s);
void	handle_query(struct stub *s, const char *pkt);
void	handle_v(struct stub *s, const char *pkt);
void	xfer_reply(struct stub *s, const char *p, const char *text,
	    size_t total);

/* regs.c */
int	regs_fetch(struct stub *s);
int	regs_count(const struct stub *s);
int	regs_bytes(const struct stub *s);
int	regs_to_image(struct stub *s, unsigned char *img);
int	regs_from_image(struct stub *s, const unsigned char *img);
uint32_t	regs_pc(struct stub *s);
int	regs_set_pc(struct stub *s, uint32_t pc);
void	handle_regs(struct stub *s, const char *pkt);

/* tdesc.c */
size_t	tdesc_xml(int have_xmm, const char **text);

/* mem.c */
int	mem_read(struct stub *s, uint32_t addr, unsigned char *buf, size_t len,
	    size_t *done);
int	mem_write(struct stub *s, uint32_t addr, const unsigned char *buf,
	    size_t len);
void	handle_mem(struct stub *s, const char *pkt);

/* breakpoints.c */
void	handle_breakpoint(struct stub *s, const char *pkt);
struct swbreak	*sw_at(struct stub *s, uint32_t addr);
int	sw_lift(struct stub *s, struct swbreak *b);
int	sw_plant(struct stub *s, struct swbreak *b);
void	bp_clear_all(struct stub *s);
int	hw_hit(struct stub *s, uint32_t *dr6);
const char *hw_reason(int type);

/* run.c */
int	target_start(struct stub *s, char **argv);
int	target_attach(struct stub *s, pid_t pid);
void	handle_resume(struct stub *s, int step, int gsig, const char *addr);
void	handle_vcont(struct stub *s, const char *actions);
void	target_kill(struct stub *s);
int	target_detach(struct stub *s);
int	target_exit_code(const struct stub *s);

/* threads.c */
pid_t	tg_regs_lwp(const struct stub *s);
pid_t	tg_step_lwp(const struct stub *s);
void	threads_stopped(struct stub *s);
int	thread_alive(const struct stub *s, lwpid_t tid);
void	thread_info(struct stub *s);
void	thread_extra_info(struct stub *s, const char *arg);
void	xfer_threads(struct stub *s, const char *range);
int	parse_tid(const struct stub *s, const char *p, const char **endp,
	    lwpid_t *tid);
void	set_thread(struct stub *s, const char *pkt);
void	thread_alive_packet(struct stub *s, const char *pkt);

/* signals.c */
int	sig_to_gdb(int sig);
int	sig_from_gdb(int gsig);

#endif
