/*
 * mem.c - the inferior's memory: reading and writing it, x/NFU, print.
 *
 * Memory moves with PT_IO (PIOD_READ_D/PIOD_WRITE_D); a short transfer means
 * the rest is not mapped, and the message names the first byte that failed.
 * Before "run" there is no process, and memory is read from the program's
 * file instead (.bss as zeros), as gdb does: print and x/i work already.
 * print evaluates a C expression (cexpr.c) and prints it typed (value.c).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include "dbg.h"

#define XS_MAX	200		/* longest string x/s shows */

static size_t
io(struct dbg *d, int op, uint32_t addr, void *buf, size_t len)
{
	struct ptrace_io_desc desc;

	desc.piod_op = op;
	desc.piod_offs = (void *)addr;
	desc.piod_addr = buf;
	desc.piod_len = len;
	if (ptrace(PT_IO, d->pid, (caddr_t)&desc, 0) != 0)
		return 0;
	return desc.piod_len;
}

/*
 * Before "run": the program file's initial contents, as gdb reads them,
 * .bss as zeros. As many bytes as the section holding addr has.
 */
static size_t
peek_file(struct dbg *d, uint32_t addr, void *buf, size_t len)
{
	const struct elf_file *ef = &d->syms.elf;
	size_t n;
	int i;

	if (d->syms.file == NULL)
		return 0;
	for (i = 0; i < ef->nsh; i++) {
		const struct elf32_shdr *s = &ef->sh[i];

		if (!(s->sh_flags & SHF_ALLOC) || addr - s->sh_addr >= s->sh_size)
			continue;
		n = s->sh_addr + s->sh_size - addr;
		if (n > len)
			n = len;
		if (s->sh_type == SHT_NOBITS)
			memset(buf, 0, n);
		else if (s->sh_offset + (uint64_t)(addr - s->sh_addr) + n <= ef->len)
			memcpy(buf, ef->data + s->sh_offset + (addr - s->sh_addr),
			    n);
		else
			return 0;
		return n;
	}
	return 0;
}

/* As many bytes as can be read, quietly. */
size_t
peek_mem(struct dbg *d, uint32_t addr, void *buf, size_t len)
{
	if (d->pid == 0)
		return peek_file(d, addr, buf, len);
	return io(d, PIOD_READ_D, addr, buf, len);
}

int
read_mem(struct dbg *d, uint32_t addr, void *buf, size_t len)
{
	size_t n;

	if ((n = peek_mem(d, addr, buf, len)) == len)
		return 0;
	printf("Cannot access memory at address 0x%x\n", (unsigned)(addr + n));
	return -1;
}

int
write_mem(struct dbg *d, uint32_t addr, const void *buf, size_t len)
{
	size_t n;

	if (need_process(d) != 0)
		return -1;
	if ((n = io(d, PIOD_WRITE_D, addr, (void *)buf, len)) == len)
		return 0;
	printf("Cannot access memory at address 0x%x\n", (unsigned)(addr + n));
	return -1;
}

static uint64_t
as_unsigned(const unsigned char *b, size_t size)
{
	uint64_t v = 0;

	while (size-- > 0)
		v = v << 8 | b[size];
	return v;
}

static int64_t
as_signed(const unsigned char *b, size_t size)
{
	uint64_t v = as_unsigned(b, size);
	int shift = 64 - 8 * size;

	return shift > 0 && shift < 64 ? (int64_t)(v << shift) >> shift :
	    (int64_t)v;
}

static void
format_char(char *buf, size_t n, int c)
{
	static const char esc[] = "\a\b\f\n\r\t\v\\'";
	static const char name[] = "abfnrtv\\'";
	const char *p;

	c &= 0xff;
	if (c != 0 && (p = strchr(esc, c)) != NULL)
		snprintf(buf, n, "%d '\\%c'", (signed char)c, name[p - esc]);
	else if (isprint(c))
		snprintf(buf, n, "%d '%c'", (signed char)c, c);
	else
		snprintf(buf, n, "%d '\\%03o'", (signed char)c, c);
}

/*
 * One value of size bytes in gdb's notation. fmt: 0 (the natural one:
 * a double if isfloat, else a signed integer, a char for one byte),
 * 'x', 'd', 'u', 'c' or 'f'.
 */
void
format_value(char *buf, size_t n, const unsigned char *b, size_t size,
    int isfloat, char fmt)
{
	double dv;
	float fv;

	if (fmt == 0)
		fmt = isfloat ? 'f' : size == 1 ? 'c' : 'd';
	switch (fmt) {
	case 'x':
	case 'a':
		snprintf(buf, n, "0x%llx",
		    (unsigned long long)as_unsigned(b, size));
		return;
	case 'o':
		snprintf(buf, n, as_unsigned(b, size) ? "0%llo" : "0",
		    (unsigned long long)as_unsigned(b, size));
		return;
	case 't': {
		uint64_t v = as_unsigned(b, size);
		size_t i = 0;
		int bit = 63;

		while (bit > 0 && !(v >> bit & 1))
			bit--;
		for (; bit >= 0 && i + 1 < n; bit--)
			buf[i++] = '0' + (int)(v >> bit & 1);
		buf[i] = '\0';
		return;
	}
	case 'u':
		snprintf(buf, n, "%llu",
		    (unsigned long long)as_unsigned(b, size));
		return;
	case 'c':
		format_char(buf, n, b[0]);
		return;
	case 'f':
		if (size == 8) {
			memcpy(&dv, b, 8);
			snprintf(buf, n, "%.17g", dv);
			return;
		}
		if (size == 4) {
			memcpy(&fv, b, 4);
			snprintf(buf, n, "%.9g", (double)fv);
			return;
		}
		break;
	}
	snprintf(buf, n, "%lld", (long long)as_signed(b, size));
}

/* Parse "/NFU" (any part may be missing). 0, or -1 with a message. */
int
parse_format(char **ap, int *count, char *fmt, char *unit)
{
	char *a = *ap;

	if (*a != '/')
		return 0;
	a++;
	if (isdigit((unsigned char)*a))
		*count = strtol(a, &a, 10);
	for (; *a != '\0' && !isspace((unsigned char)*a); a++) {
		if (strchr("bhwg", *a) != NULL)
			*unit = *a;
		else if (strchr("xducsfiotaz", *a) != NULL)
			*fmt = *a;
		else {
			printf("Undefined output format \"%c\".\n", *a);
			return -1;
		}
	}
	*ap = a;
	return 0;
}

static size_t
unit_size(char unit)
{
	return unit == 'b' ? 1 : unit == 'h' ? 2 : unit == 'g' ? 8 : 4;
}

static void
print_label(struct dbg *d, uint32_t addr)
{
	char where[80];

	format_symaddr(d, addr, where, sizeof(where));
	printf("0x%x%s%s:", (unsigned)addr, where[0] ? " " : "", where);
}

/* x/s: one string, gdb-quoted; *next: the address after it. 0, or -1. */
static int
x_string(struct dbg *d, uint32_t addr, uint32_t *next)
{
	unsigned char s[XS_MAX];
	size_t n = peek_mem(d, addr, s, sizeof(s)), i;

	if (n == 0) {
		print_label(d, addr);
		printf("\t<error: Cannot access memory at address 0x%x>\n",
		    (unsigned)addr);
		return -1;
	}
	print_label(d, addr);
	printf("\t\"");
	for (i = 0; i < n && s[i] != '\0'; i++) {
		if (s[i] == '"' || s[i] == '\\')
			printf("\\%c", s[i]);
		else if (s[i] == '\n')
			printf("\\n");
		else if (s[i] == '\t')
			printf("\\t");
		else if (isprint(s[i]))
			putchar(s[i]);
		else
			printf("\\%03o", s[i]);
	}
	printf(i == n ? "\"...\n" : "\"\n");
	*next = addr + i + 1;
	return 0;
}

void
cmd_x(struct dbg *d, char *a)
{
	unsigned char b[8];
	char text[48];
	int count = 1, i, perline;
	uint32_t addr;
	size_t size;

	if (d->x_fmt == 0) {
		d->x_fmt = 'x';
		d->x_unit = 'w';
	}
	a = cmd_trim(a);
	if (parse_format(&a, &count, &d->x_fmt, &d->x_unit) != 0)
		return;
	a = cmd_trim(a);
	if (*a != '\0') {
		if (expr_eval(d, a, &addr, NULL) != 0)
			return;
	} else if ((addr = d->x_next) == 0) {
		printf("Argument required (starting display address).\n");
		return;
	}
	if (d->x_fmt == 's') {
		for (i = 0; i < count; i++)
			if (x_string(d, addr, &addr) != 0)
				break;
		d->x_next = addr;
		return;
	}
	if (d->x_fmt == 'i') {
		d->x_next = x_insns(d, addr, count);
		return;
	}
	if (d->x_fmt == 'c')
		d->x_unit = 'b';
	size = unit_size(d->x_unit);
	perline = size == 8 ? 2 : size == 4 ? 4 : 8;
	for (i = 0; i < count; i++, addr += size) {
		if (read_mem(d, addr, b, size) != 0)
			break;
		if (i % perline == 0) {
			if (i > 0)
				printf("\n");
			print_label(d, addr);
		}
		if (d->x_fmt == 'x')
			snprintf(text, sizeof(text), "0x%0*llx", (int)size * 2,
			    (unsigned long long)as_unsigned(b, size));
		else
			format_value(text, sizeof(text), b, size, 0,
			    d->x_fmt == 'f' && size < 4 ? 'd' : d->x_fmt);
		printf("\t%s", text);
	}
	if (i > 0)
		printf("\n");
	d->x_next = addr;
}

/* print[/FMT] EXPR (output: without "$N = " and the newline). */
static void
print_expr(struct dbg *d, char *a, int record)
{
	char fmt = 0, unit = 0;
	int count = 1;
	struct value v;

	a = cmd_trim(a);
	if (parse_format(&a, &count, &fmt, &unit) != 0)
		return;
	a = cmd_trim(a);
	if (*a == '\0' && record) {
		if (d->nvalues == 0) {
			printf("$1 = <error: History is empty.>\n");
			return;
		}
		a = "$";
	}
	if (cexpr_eval(d, a, &v, 1) != 0)
		return;
	if (record)
		printf("$%d = ", history_add(d, &v));
	value_print(d, &v, fmt, 1);
	if (record)
		printf("\n");
}

void
cmd_print(struct dbg *d, char *a)
{
	print_expr(d, a, 1);
}

void
cmd_output(struct dbg *d, char *a)
{
	print_expr(d, a, 0);
}
