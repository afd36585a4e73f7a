/*
 * mem.c - the program's memory: 'm' (read), 'M' (write, hex) and 'X'
 * (write, binary).
 *
 * Reads and writes go through PT_IO, which moves whole ranges and says how
 * far it got, so a read that runs into an unmapped page returns the part
 * before it (gdb accepts a short read) and an address with nothing behind
 * it at all is EFAULT. The stub's own int3 bytes are invisible: a read shows
 * the original instruction bytes, and a write over a planted breakpoint
 * changes the byte to restore later while the int3 stays in place. gdb
 * relies on both, since it disassembles and single-steps around them.
 */
#include <errno.h>
#include <string.h>
#include <sys/ptrace.h>
#include "gdbstub.h"

#define INT3	0xcc

static int
pt_io(struct stub *s, int op, uint32_t addr, void *buf, size_t len,
    size_t *done)
{
	struct ptrace_io_desc io;

	io.piod_op = op;
	io.piod_offs = (void *)addr;
	io.piod_addr = buf;
	io.piod_len = len;
	*done = 0;
	if (ptrace(PT_IO, s->tg.pid, (caddr_t)&io, 0) < 0)
		return errno;
	*done = io.piod_len;
	return 0;
}

/* The bytes up to the end of the address space, at most len. */
static size_t
clamp(uint32_t addr, size_t len)
{
	uint32_t room = 0xffffffffU - addr + 1;

	return (room != 0 && len > room) ? room : len;
}

/* Read up to len bytes at addr, as the program sees them; 0 if any were read. */
int
mem_read(struct stub *s, uint32_t addr, unsigned char *buf, size_t len,
    size_t *done)
{
	int error, i;

	len = clamp(addr, len);
	error = pt_io(s, PIOD_READ_D, addr, buf, len, done);
	if (*done == 0)
		return error ? error : EFAULT;
	for (i = 0; i < NSWBREAK; i++) {
		const struct swbreak *b = &s->sw[i];

		if (b->used && b->addr - addr < *done)
			buf[b->addr - addr] = b->orig;
	}
	return 0;
}

/* Write all len bytes at addr, keeping planted int3s in place; 0 or an errno. */
int
mem_write(struct stub *s, uint32_t addr, const unsigned char *buf, size_t len)
{
	unsigned char copy[RSP_PKTMAX];
	size_t done;
	int error, i;

	if (len > sizeof(copy) || clamp(addr, len) != len)
		return EFAULT;
	memcpy(copy, buf, len);
	for (i = 0; i < NSWBREAK; i++)
		if (s->sw[i].used && s->sw[i].addr - addr < len)
			copy[s->sw[i].addr - addr] = INT3;
	error = pt_io(s, PIOD_WRITE_I, addr, copy, len, &done);
	if (error == 0 && done != len)
		error = EFAULT;
	if (error)
		return error;
	for (i = 0; i < NSWBREAK; i++)
		if (s->sw[i].used && s->sw[i].addr - addr < len)
			s->sw[i].orig = buf[s->sw[i].addr - addr];
	return 0;
}

/* "ADDR,LEN" then the character sep; the rest after it, or NULL. */
static const char *
parse_range(const char *p, char sep, uint32_t *addr, uint32_t *len)
{
	if ((p = hex_parse(p, addr)) == NULL || *p++ != ',')
		return NULL;
	if ((p = hex_parse(p, len)) == NULL || *p != sep)
		return NULL;
	return sep == '\0' ? p : p + 1;
}

static void
read_cmd(struct stub *s, const char *arg)
{
	unsigned char buf[RSP_PKTMAX / 2];
	uint32_t addr, len;
	size_t done;
	int error;

	if (parse_range(arg, '\0', &addr, &len) == NULL) {
		reply_error(&s->rsp, 1);
		return;
	}
	if (len > sizeof(buf))
		len = sizeof(buf);	/* a short read; gdb asks for the rest */
	s->rsp.outlen = 0;
	if (len == 0)
		return;
	if ((error = mem_read(s, addr, buf, len, &done)) != 0) {
		reply_error(&s->rsp, error);
		return;
	}
	reply_hex(&s->rsp, buf, done);
}

static void
write_cmd(struct stub *s, const char *arg, int binary)
{
	unsigned char buf[RSP_PKTMAX];
	uint32_t addr, len;
	const char *data = parse_range(arg, ':', &addr, &len);
	int n, error;

	if (data == NULL || len > sizeof(buf)) {
		reply_error(&s->rsp, 1);
		return;
	}
	if (binary) {
		n = s->rsp.inlen - (int)(data - s->rsp.in);
		memcpy(buf, data, n);
		n = unescape_binary((char *)buf, n);
	} else {
		n = strlen(data) == 2 * (size_t)len ?
		    hex_decode(data, 2 * len, buf) : -1;
	}
	if (n < 0 || (uint32_t)n != len) {
		reply_error(&s->rsp, 1);
		return;
	}
	if (len > 0 && (error = mem_write(s, addr, buf, len)) != 0)
		reply_error(&s->rsp, error);
	else
		reply(&s->rsp, "OK");
}

void
handle_mem(struct stub *s, const char *pkt)
{
	switch (pkt[0]) {
	case 'm':
		read_cmd(s, pkt + 1);
		break;
	case 'M':
		write_cmd(s, pkt + 1, 0);
		break;
	case 'X':
		write_cmd(s, pkt + 1, 1);
		break;
	}
}
