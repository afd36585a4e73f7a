/*
 * packet.c - the remote protocol's framing on a raw serial line.
 *
 * A packet is "$payload#cc", cc being the payload's byte sum modulo 256 in
 * two hex digits. The receiver answers '+' (good) or '-' (bad checksum: send
 * it again). Between packets gdb may send a lone 0x03 to interrupt the
 * running program. Everything else on the line is noise: it is counted, and
 * RSP_NOISE_LIMIT bytes of it without one good packet in between mean that
 * nobody sane is at the other end any more (the caller detaches).
 *
 * The line is opened twice: a blocking descriptor for waiting on gdb, and a
 * non-blocking one for peeking at it while the program runs (and for a wait
 * with a time limit). Both share one read-ahead buffer here, because the
 * kernel's receive queue behind them is one and the same.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "gdbstub.h"

#define RD_EOF		(-1)
#define RD_TIMEOUT	(-2)
#define POLL_MS		10
#define SEND_TRIES	8

int
rsp_open(struct rsp *r, const char *dev)
{
	if ((r->fd = open(dev, O_RDWR)) < 0)
		return -1;
	if ((r->pollfd = open(dev, O_RDWR | O_NONBLOCK)) < 0) {
		close(r->fd);
		return -1;
	}
	r->rpos = r->rlen = 0;
	r->out[0] = '$';
	return 0;
}

static void
log_packet(const struct rsp *r, const char *dir, const char *p, int n)
{
	char text[81];
	int i, m = n < 80 ? n : 80;

	if (!r->verbose)
		return;
	for (i = 0; i < m; i++)
		text[i] = (p[i] >= ' ' && p[i] < 0x7f) ? p[i] : '.';
	text[m] = '\0';
	fprintf(stderr, "gdbstub: %s %s%s\n", dir, text, n > m ? "..." : "");
}

/* The next byte from the line, or RD_EOF, or RD_TIMEOUT after idle_ms. */
static int
line_getc(struct rsp *r)
{
	int waited = 0;
	ssize_t n;

	if (r->rpos < r->rlen)
		return r->rbuf[r->rpos++];
	for (;;) {
		n = read(r->idle_ms ? r->pollfd : r->fd, r->rbuf, sizeof(r->rbuf));
		if (n > 0) {
			r->rpos = 1;
			r->rlen = n;
			return r->rbuf[0];
		}
		if (n == 0)
			return RD_EOF;
		if (errno == EINTR)
			continue;
		if (errno != EAGAIN)
			return RD_EOF;
		if (waited >= r->idle_ms)
			return RD_TIMEOUT;
		usleep(POLL_MS * 1000);
		waited += POLL_MS;
	}
}

static void
line_write(struct rsp *r, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(r->fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		p += w;
		n -= w;
	}
}

static enum rsp_event
read_error(int c)
{
	return c == RD_EOF ? RSP_EOF : RSP_TIMEOUT;
}

/*
 * The rest of a packet after its '$'. Returns RSP_PACKET, RSP_TOOLONG, an
 * end of the line, or -1 when the packet was bad (and has been refused).
 */
static int
read_body(struct rsp *r)
{
	unsigned sum = 0;
	int n = 0, c, hi, lo;

	while ((c = line_getc(r)) != '#') {
		if (c < 0)
			return read_error(c);
		if (c == '$') {		/* a new start: the old one was cut off */
			r->noise += n + 1;
			n = 0;
			sum = 0;
			continue;
		}
		sum += c;
		if (n < RSP_PKTMAX)
			r->in[n] = c;
		n++;
	}
	if ((hi = line_getc(r)) < 0 || (lo = line_getc(r)) < 0)
		return read_error(hi < 0 ? hi : lo);
	if (hexval(hi) < 0 || hexval(lo) < 0 ||
	    (unsigned)(hexval(hi) << 4 | hexval(lo)) != (sum & 0xff)) {
		line_write(r, "-", 1);
		r->noise += n + 3;
		log_packet(r, "bad checksum:", r->in, n < RSP_PKTMAX ? n : RSP_PKTMAX);
		return -1;
	}
	line_write(r, "+", 1);
	r->noise = 0;
	if (n > RSP_PKTMAX) {
		log_packet(r, "too long:", r->in, RSP_PKTMAX);
		return RSP_TOOLONG;
	}
	r->in[n] = '\0';
	r->inlen = n;
	log_packet(r, "<-", r->in, n);
	return RSP_PACKET;
}

/* Wait for gdb's next packet (or interrupt, or the end of the line). */
enum rsp_event
rsp_getpkt(struct rsp *r)
{
	int c, ev;

	for (;;) {
		if ((c = line_getc(r)) < 0)
			return read_error(c);
		if (c == '$') {
			if ((ev = read_body(r)) >= 0)
				return ev;
		} else if (c == 0x03) {
			return RSP_INTR;
		} else if (c != '+' && c != '-') {
			r->noise++;	/* '+'/'-' are stray acknowledgements */
		}
		if (r->noise > RSP_NOISE_LIMIT)
			return RSP_LOST;
	}
}

/*
 * Has gdb sent 0x03 while the program runs? Never blocks. Acknowledgements
 * before it are dropped; anything else stays queued for rsp_getpkt().
 */
int
rsp_interrupted(struct rsp *r)
{
	ssize_t n;

	if (r->rpos == r->rlen)
		r->rpos = r->rlen = 0;
	if (r->rlen < (int)sizeof(r->rbuf)) {
		n = read(r->pollfd, r->rbuf + r->rlen, sizeof(r->rbuf) - r->rlen);
		if (n > 0)
			r->rlen += n;
	}
	while (r->rpos < r->rlen &&
	    (r->rbuf[r->rpos] == '+' || r->rbuf[r->rpos] == '-'))
		r->rpos++;
	if (r->rpos < r->rlen && r->rbuf[r->rpos] == 0x03) {
		r->rpos++;
		return 1;
	}
	return 0;
}

/* gdb's answer to a packet we sent: '+', '-', or negative when the line is gone. */
static int
await_ack(struct rsp *r)
{
	int c;

	for (;;) {
		c = line_getc(r);
		if (c == '+' || c == '-' || c < 0)
			return c;
		if (c == '$') {
			/* gdb has moved on to its next packet: take ours as received. */
			r->rpos--;
			return '+';
		}
		if (c != 0x03 && ++r->noise > RSP_NOISE_LIMIT)
			return RD_EOF;
	}
}

/* Frame the reply in rsp.out and send it until gdb acknowledges it. */
void
rsp_send(struct rsp *r)
{
	static const char digits[] = "0123456789abcdef";
	unsigned sum = 0;
	int i, tries;

	for (i = 1; i <= r->outlen; i++)
		sum += (unsigned char)r->out[i];
	r->out[r->outlen + 1] = '#';
	r->out[r->outlen + 2] = digits[(sum >> 4) & 0xf];
	r->out[r->outlen + 3] = digits[sum & 0xf];
	log_packet(r, "->", r->out + 1, r->outlen);
	for (tries = 0; tries < SEND_TRIES; tries++) {
		line_write(r, r->out, r->outlen + 4);
		if (await_ack(r) != '-')
			return;
	}
}

void
reply_append(struct rsp *r, const char *fmt, ...)
{
	va_list ap;
	int room = RSP_PKTMAX - r->outlen, n;

	va_start(ap, fmt);
	n = vsnprintf(r->out + 1 + r->outlen, room + 1, fmt, ap);
	va_end(ap);
	if (n > 0)
		r->outlen += n < room ? n : room;
}

void
reply(struct rsp *r, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(r->out + 1, RSP_PKTMAX + 1, fmt, ap);
	va_end(ap);
	r->outlen = n < 0 ? 0 : n < RSP_PKTMAX ? n : RSP_PKTMAX;
}

void
reply_hex(struct rsp *r, const unsigned char *p, size_t n)
{
	size_t room = (RSP_PKTMAX - r->outlen) / 2;

	if (n > room)
		n = room;
	hex_encode(r->out + 1 + r->outlen, p, n);
	r->outlen += 2 * n;
}

/* Binary data, with '#', '$', '}' and '*' escaped as '}' and the byte ^ 0x20. */
void
reply_binary(struct rsp *r, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n && r->outlen < RSP_PKTMAX - 1; i++) {
		char c = p[i];

		if (c == '#' || c == '$' || c == '}' || c == '*') {
			r->out[1 + r->outlen++] = '}';
			c ^= 0x20;
		}
		r->out[1 + r->outlen++] = c;
	}
}

/* "Enn": nn is an errno value, or 1 for a packet we could not parse. */
void
reply_error(struct rsp *r, int code)
{
	reply(r, "E%02x", code & 0xff);
}

/* Undo reply_binary()'s escapes in place; the new length, or -1. */
int
unescape_binary(char *p, int n)
{
	int i, j;

	for (i = j = 0; i < n; i++) {
		if (p[i] == '}') {
			if (++i == n)
				return -1;
			p[j++] = p[i] ^ 0x20;
		} else {
			p[j++] = p[i];
		}
	}
	return j;
}
