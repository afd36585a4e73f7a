/*
 * mem.c - the inferior's memory: x/NFU, print, set var.
 *
 * Memory moves with PT_IO (PIOD_READ_D/PIOD_WRITE_D); a short transfer means
 * the rest is not mapped, and the message names the first byte that failed.
 *
 * dbg has no debug information, only ELF symbols, so a value's type is
 * guessed from its symbol, and the guess is the rule "print" documents:
 *   - a function prints as its address: {<text variable, no debug info>} ...
 *   - a data symbol of size 1, 2 or 4 is a signed integer (size 1: also the
 *     character), of size 8 a double; any other size is an array: a string
 *     if it holds one, else 32-bit integers if the size allows, else bytes
 *     (the first 64 bytes);
 *   - /x /d /u /c /f override the guess (/f of 4 bytes: a float);
 *   - anything else ($reg, numbers, &sym, sym+4) is a 32-bit number.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include "dbg.h"

#define XS_MAX	200		/* longest string x/s shows */
#define PRINT_MAX	64		/* most bytes of an object print shows */

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

/* As many bytes as can be read, quietly. */
size_t
peek_mem(struct dbg *d, uint32_t addr, void *buf, size_t len)
{
	if (d->pid == 0)
		return 0;
	return io(d, PIOD_READ_D, addr, buf, len);
}

int
read_mem(struct dbg *d, uint32_t addr, void *buf, size_t len)
{
	size_t n;

	if (need_process(d) != 0)
		return -1;
	if ((n = io(d, PIOD_READ_D, addr, buf, len)) == len)
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
		snprintf(buf, n, "0x%llx",
		    (unsigned long long)as_unsigned(b, size));
		return;
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
static int
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
		else if (strchr("xducsf", *a) != NULL)
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

/* x/s: one string, gdb-quoted. Returns the address after it, or 0. */
static uint32_t
x_string(struct dbg *d, uint32_t addr)
{
	unsigned char s[XS_MAX];
	size_t n = peek_mem(d, addr, s, sizeof(s)), i;

	if (n == 0) {
		printf("Cannot access memory at address 0x%x\n", (unsigned)addr);
		return 0;
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
	return addr + i + 1;
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
	if (parse_format(&a, &count, &d->x_fmt, &d->x_unit) != 0 ||
	    need_process(d) != 0)
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
		for (i = 0; i < count && addr != 0; i++)
			addr = x_string(d, addr);
		d->x_next = addr;
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

/* print of a register: gdb's types for eip ("(void (*)()) ...") and esp. */
static void
print_register(struct dbg *d, const char *expr, uint32_t v, char fmt)
{
	char where[80];

	if (fmt == 0 && (strcmp(expr, "$eip") == 0 || strcmp(expr, "$pc") == 0)) {
		format_symaddr(d, v, where, sizeof(where));
		printf("$%d = (void (*)()) 0x%x %s\n", ++d->nvalues,
		    (unsigned)v, where);
	} else if (fmt == 0 && (strcmp(expr, "$esp") == 0 ||
	    strcmp(expr, "$sp") == 0 || strcmp(expr, "$ebp") == 0 ||
	    strcmp(expr, "$fp") == 0)) {
		printf("$%d = (void *) 0x%x\n", ++d->nvalues, (unsigned)v);
	} else {
		format_value(where, sizeof(where), (unsigned char *)&v, 4, 0,
		    fmt == 0 ? 'd' : fmt);
		printf("$%d = %s\n", ++d->nvalues, where);
	}
}

/* A NUL-terminated run of printable characters (or \t, \n) filling b? */
static int
looks_like_string(const unsigned char *b, size_t size)
{
	size_t i;

	for (i = 0; i < size && b[i] != '\0'; i++)
		if (!isprint(b[i]) && b[i] != '\t' && b[i] != '\n')
			return 0;
	return i > 0 && i < size;
}

static void
print_string(const unsigned char *b)
{
	putchar('"');
	for (; *b != '\0'; b++)
		if (*b == '\t')
			printf("\\t");
		else if (*b == '\n')
			printf("\\n");
		else if (*b == '"' || *b == '\\')
			printf("\\%c", *b);
		else
			putchar(*b);
	putchar('"');
}

/* print of a data symbol: its contents, typed by the rule above. */
static void
print_object(struct dbg *d, const struct sym *s, char fmt)
{
	unsigned char b[PRINT_MAX];
	char text[48];
	size_t size = s->size ? s->size : 4, n, i, step;

	n = size > sizeof(b) ? sizeof(b) : size;
	if (read_mem(d, s->value, b, n) != 0)
		return;
	printf("$%d = ", ++d->nvalues);
	if (size == 1 || size == 2 || size == 4 || size == 8) {
		format_value(text, sizeof(text), b, size, size == 8, fmt);
		printf("%s\n", text);
		return;
	}
	if (fmt == 0 && size <= n && looks_like_string(b, size)) {
		print_string(b);
		printf("\n");
		return;
	}
	step = size % 4 == 0 && fmt != 'c' ? 4 : 1;
	printf("{");
	for (i = 0; i + step <= n; i += step) {
		format_value(text, sizeof(text), b + i, step, 0,
		    fmt ? fmt : step == 4 ? 'd' : 'x');
		printf("%s%s", i ? ", " : "", text);
	}
	printf("%s}\n", size > n ? "..." : "");
}

void
cmd_print(struct dbg *d, char *a)
{
	const struct sym *s;
	char fmt = 0, unit = 0, where[80];
	int count = 1;
	uint32_t v;

	a = cmd_trim(a);
	if (parse_format(&a, &count, &fmt, &unit) != 0)
		return;
	a = cmd_trim(a);
	if (*a == '\0') {
		printf("Argument required (expression to compute).\n");
		return;
	}
	if (expr_eval(d, a, &v, &s) != 0)
		return;
	if (a[0] == '$') {
		print_register(d, a, v, fmt);
	} else if (s != NULL && a[0] == '&') {
		format_symaddr(d, v, where, sizeof(where));
		printf("$%d = (<%s variable, no debug info> *) 0x%x %s\n",
		    ++d->nvalues, s->func ? "text" : "data", (unsigned)v, where);
	} else if (s != NULL && s->func) {
		format_symaddr(d, v, where, sizeof(where));
		printf("$%d = {<text variable, no debug info>} 0x%x %s\n",
		    ++d->nvalues, (unsigned)v, where);
	} else if (s != NULL) {
		if (need_process(d) == 0)
			print_object(d, s, fmt);
	} else {
		format_value(where, sizeof(where), (unsigned char *)&v, 4, 0,
		    fmt == 0 ? 'd' : fmt);
		printf("$%d = %s\n", ++d->nvalues, where);
	}
}

/* A decimal number with an optional fraction and exponent; -1 if not one. */
static int
parse_double(const char *s, double *out)
{
	double v = 0, scale = 1;
	int neg = 0, exp = 0, eneg = 0, digits = 0;

	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	for (; isdigit((unsigned char)*s); s++, digits++)
		v = v * 10 + (*s - '0');
	if (*s == '.')
		for (s++; isdigit((unsigned char)*s); s++, digits++)
			v += (*s - '0') * (scale /= 10);
	if (digits > 0 && (*s == 'e' || *s == 'E')) {
		s++;
		if (*s == '-' || *s == '+')
			eneg = *s++ == '-';
		if (!isdigit((unsigned char)*s))
			return -1;
		for (; isdigit((unsigned char)*s); s++)
			exp = exp * 10 + (*s - '0');
		for (; exp > 0; exp--)
			v = eneg ? v / 10 : v * 10;
	}
	if (digits == 0 || *s != '\0')
		return -1;
	*out = neg ? -v : v;
	return 0;
}

/* set var NAME = VALUE: sized (and typed) by NAME's symbol, as print is. */
void
set_variable(struct dbg *d, char *lhs, char *rhs)
{
	const struct sym *s;
	uint32_t addr, v;
	size_t size = 4;
	double dv;

	if (expr_eval(d, lhs, &addr, &s) != 0 || need_process(d) != 0)
		return;
	if (s != NULL && s->size >= 1 && s->size <= 8)
		size = s->size;
	if (size == 8 && s->data) {
		if (parse_double(rhs, &dv) != 0) {
			if (expr_eval(d, rhs, &v, NULL) != 0)
				return;
			dv = (int32_t)v;
		}
		write_mem(d, addr, &dv, 8);
		return;
	}
	if (expr_eval(d, rhs, &v, NULL) != 0)
		return;
	if (size > 4)
		size = 4;
	write_mem(d, addr, &v, size);
}
