/*
 * value.c - a typed value as gdb prints it.
 *
 *	int 3, char 65 'A', double 3.1415926535897931, float 0.100000001,
 *	pointer (struct point *) 0x804e11c <box+12>, char * 0x8049a20 "hello",
 *	array {10, 20, 30} and {0 <repeats 16 times>}, char array "box\000",
 *	struct {x = 3, y = 4}, enum GREEN, function {int (int)} 0x8048220 <f>.
 *
 * Floating point uses as many digits as make the value read back exactly:
 * 9 for a float, 17 for a double (gdb's %g). A run of more than ten equal
 * array elements is collapsed, and at most 200 elements are shown, as gdb
 * does by default. A format letter (/x /d /u /o /t /c /a /f) applies to
 * every scalar inside; /x of a floating-point value shows its raw bits.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dbg.h"

#define REPEAT_THRESHOLD	10
#define PRINT_MAX		200
#define FETCH_MAX		65536	/* gdb's max-value-size */

static void print_bytes(struct dbg *d, struct type *t, const unsigned char *b,
    char fmt, int top);

static uint64_t
raw(const unsigned char *b, uint32_t size)
{
	uint64_t v = 0;

	if (size > 8)
		size = 8;
	while (size-- > 0)
		v = v << 8 | b[size];
	return v;
}

static int64_t
as_int(struct type *t, const unsigned char *b)
{
	uint64_t v = raw(b, t->size);
	int shift = 64 - 8 * (t->size > 8 ? 8 : t->size);

	if (t->is_signed && shift > 0 && shift < 64)
		return (int64_t)(v << shift) >> shift;
	return (int64_t)v;
}

static double
as_double(struct type *t, const unsigned char *b)
{
	float f;
	double x;

	if (t->kind != TY_FLOAT)
		return t->is_signed ? (double)as_int(t, b) :
		    (double)(uint64_t)as_int(t, b);
	if (t->size == 4) {
		memcpy(&f, b, 4);
		return f;
	}
	if (t->size == 8) {
		memcpy(&x, b, 8);
		return x;
	}
	return x87_to_double(b);
}

int64_t
value_as_int(struct value *v)
{
	struct type *t = type_strip(v->t);

	return t->kind == TY_FLOAT ? (int64_t)as_double(t, v->b) : as_int(t, v->b);
}

double
value_as_double(struct value *v)
{
	return as_double(type_strip(v->t), v->b);
}

void
value_from_int(struct dbg *d, struct value *v, struct type *t, int64_t i)
{
	(void)d;
	memset(v, 0, sizeof(*v));
	v->t = t;
	if (type_strip(t)->kind == TY_FLOAT)
		value_from_double(v, t, (double)i);
	else
		memcpy(v->b, &i, 8);
}

void
value_from_double(struct value *v, struct type *t, double x)
{
	float f = (float)x;
	long double l = x;

	memset(v, 0, sizeof(*v));
	v->t = t;
	if (t->size == 4)
		memcpy(v->b, &f, 4);
	else if (t->size == 8)
		memcpy(v->b, &x, 8);
	else
		memcpy(v->b, &l, 10);
}

/* Read a scalar's bytes from where it lives. 0, or -1 with a message. */
int
value_fetch(struct dbg *d, struct value *v)
{
	uint32_t size = v->t ? v->t->size : 0;

	if (v->optimized) {
		printf("value has been optimized out\n");
		return -1;
	}
	if (v->where == V_MEM && size <= VAL_BYTES)
		return read_mem(d, v->addr, v->b, size);
	if (v->where == V_REG)
		return frame_register(d, v->reg, v->b, size);
	return 0;
}

static void
char_text(int c, int quote, char *buf, size_t n)
{
	static const char esc[] = "\a\b\f\n\r\t\v";
	static const char name[] = "abfnrtv";
	const char *p;

	c &= 0xff;
	if (c != 0 && (p = strchr(esc, c)) != NULL)
		snprintf(buf, n, "\\%c", name[p - esc]);
	else if (c == quote || c == '\\')
		snprintf(buf, n, "\\%c", c);
	else if (c >= 0x20 && c < 0x7f)
		snprintf(buf, n, "%c", c);
	else
		snprintf(buf, n, "\\%03o", c);
}

static void
print_float(struct type *t, const unsigned char *b)
{
	double x = as_double(t, b);
	uint64_t bits = raw(b, t->size > 8 ? 8 : t->size);

	if (x != x) {
		uint64_t mant = t->size == 4 ? bits & 0x7fffff :
		    t->size == 8 ? bits & 0xfffffffffffffULL :
		    bits & 0x7fffffffffffffffULL;

		printf("%snan(0x%llx)", (b[t->size > 8 ? 9 : t->size - 1] &
		    0x80) ? "-" : "", (unsigned long long)mant);
	} else if (x != 0 && x * 0.5 == x)	/* only an infinity */
		printf("%sinf", x < 0 ? "-" : "");
	else
		printf(t->size == 4 ? "%.9g" : "%.17g", x);
}

/* Bits of a flags register as gdb shows them: "[ PF ZF IF ]". */
static void
print_flags(struct type *t, uint64_t v)
{
	int i;

	printf("[ ");
	for (i = 0; i < 32; i++)
		if ((v & (1ULL << i)) && t->bits[i] != NULL && *t->bits[i])
			printf("%s ", t->bits[i]);
	printf("]");
}

static void
print_int(struct type *t, const unsigned char *b, char fmt)
{
	int64_t s = as_int(t, b);
	uint64_t u = raw(b, t->size);
	char c[8];
	int i;

	switch (fmt) {
	case 'x':
		printf("0x%llx", (unsigned long long)u);
		return;
	case 'o':
		printf(u ? "0%llo" : "0", (unsigned long long)u);
		return;
	case 't':
		for (i = 63; i > 0 && !(u >> i & 1); i--)
			;
		for (; i >= 0; i--)
			putchar('0' + (int)(u >> i & 1));
		return;
	case 'u':
		printf("%llu", (unsigned long long)u);
		return;
	case 'd':
		printf("%lld", (long long)(t->is_signed ? s :
		    (int64_t)u << (64 - 8 * t->size) >> (64 - 8 * t->size)));
		return;
	case 'c':
		char_text((int)u, '\'', c, sizeof(c));
		printf("%d '%s'", (signed char)u, c);
		return;
	}
	if (t->kind == TY_BOOL)
		printf(u == 0 ? "false" : u == 1 ? "true" : "%llu",
		    (unsigned long long)u);
	else if (t->is_char) {
		char_text((int)u, '\'', c, sizeof(c));
		printf("%lld '%s'", (long long)s, c);
	} else
		printf(t->is_signed ? "%lld" : "%llu", (long long)s);
}

/* A char array: "text", with runs of more than ten as 'c' <repeats N times>. */
static void
print_chars(const unsigned char *b, uint32_t n)
{
	uint32_t i = 0, run;
	int open = 0, any = 0;
	char c[8];

	if (n > 0 && b[n - 1] == '\0')
		n--;
	while (i < n) {
		for (run = 1; i + run < n && b[i + run] == b[i]; run++)
			;
		if (run > REPEAT_THRESHOLD) {
			char_text(b[i], '\'', c, sizeof(c));
			printf("%s'%s' <repeats %u times>", open ? "\", " :
			    any ? ", " : "", c, (unsigned)run);
			open = 0;
			i += run;
		} else {
			if (!open)
				printf("%s\"", any ? ", " : "");
			open = 1;
			char_text(b[i], '"', c, sizeof(c));
			printf("%s", c);
			i++;
		}
		any = 1;
	}
	if (open || !any)
		printf(any ? "\"" : "\"\"");
}

/* The string a char pointer points to, as gdb shows it after the address. */
static void
print_target_string(struct dbg *d, uint32_t addr)
{
	unsigned char s[PRINT_MAX + 1];
	size_t n = peek_mem(d, addr, s, sizeof(s) - 1), i;
	char c[8];

	if (n == 0) {
		printf(" <error: Cannot access memory at address 0x%x>",
		    (unsigned)addr);
		return;
	}
	printf(" \"");
	for (i = 0; i < n && s[i] != '\0'; i++) {
		char_text(s[i], '"', c, sizeof(c));
		printf("%s", c);
	}
	printf(i == n ? "\"..." : "\"");
}

static void
print_pointer(struct dbg *d, struct type *t, uint32_t p, char fmt, int top)
{
	struct type *to = type_strip(t->target);
	char name[256], where[96];

	if (fmt != 0 && fmt != 'a') {
		print_int(t, (unsigned char *)&p, fmt);
		return;
	}
	if (to != NULL && to->kind == TY_INT && to->is_char && to->size == 1) {
		printf("0x%x", (unsigned)p);
		if (p != 0)
			print_target_string(d, p);
		return;
	}
	if (top) {
		type_name(d, t, name, sizeof(name));
		printf("(%s) ", name);
	}
	printf("0x%x", (unsigned)p);
	format_symaddr(d, p, where, sizeof(where));
	if (p != 0 && where[0] != '\0')
		printf(" %s", where);
}

static void
print_enum(struct type *t, const unsigned char *b, char fmt)
{
	const struct dw_die *e;
	int64_t v = as_int(t, b);

	if (fmt == 0)
		for (e = t->die ? t->die->child : NULL; e; e = e->sibling)
			if (e->has_const && e->const_value == v) {
				printf("%s", e->name);
				return;
			}
	print_int(t, b, fmt == 0 ? 'd' : fmt);
}

static void
print_array(struct dbg *d, struct type *t, const unsigned char *b, char fmt)
{
	struct type *el = type_strip(t->target);
	uint32_t i, run, n = t->count, size = el ? el->size : 0;
	const char *sep = "";

	if (el == NULL || size == 0) {
		printf("{}");
		return;
	}
	if (el->kind == TY_INT && el->is_char && size == 1 && fmt == 0) {
		print_chars(b, n > PRINT_MAX ? PRINT_MAX : n);
		if (n > PRINT_MAX)
			printf("...");
		return;
	}
	printf("{");
	for (i = 0; i < n && i < PRINT_MAX; i += run) {
		for (run = 1; i + run < n && memcmp(b + i * size,
		    b + (i + run) * size, size) == 0; run++)
			;
		printf("%s", sep);
		print_bytes(d, t->target, b + i * size, fmt, 0);
		if (run > REPEAT_THRESHOLD)
			printf(" <repeats %u times>", (unsigned)run);
		else
			run = 1;
		sep = ", ";
	}
	printf("%s}", i < n ? "..." : "");
}

static void
print_struct(struct dbg *d, struct type *t, const unsigned char *b, char fmt)
{
	const struct dw_die *m;
	const char *sep = "";

	printf("{");
	for (m = t->die ? t->die->child : NULL; m != NULL; m = m->sibling) {
		struct type *mt;

		if (m->tag != DW_TAG_member)
			continue;
		mt = type_of_die(d, m->type);
		if (m->member_off + (mt ? mt->size : 0) > t->size)
			continue;
		printf("%s%s = ", sep, m->name ? m->name : "");
		print_bytes(d, mt, b + m->member_off, fmt, 0);
		sep = ", ";
	}
	printf("}");
}

static void
print_bytes(struct dbg *d, struct type *t, const unsigned char *b, char fmt,
    int top)
{
	struct type *s = type_strip(t);
	char name[256], where[96];
	uint32_t a;

	switch (s ? s->kind : TY_VOID) {
	case TY_INT:
	case TY_BOOL:
		print_int(s, b, fmt);
		break;
	case TY_FLOAT:
		if (fmt == 0 || fmt == 'f')
			print_float(s, b);
		else
			print_int(type_base(d, s->size == 4 ? "int" :
			    "long long int"), b, fmt);
		break;
	case TY_PTR:
		memcpy(&a, b, 4);
		print_pointer(d, s, a, fmt, top);
		break;
	case TY_ENUM:
		print_enum(s, b, fmt);
		break;
	case TY_FLAGS:
		if (fmt == 0)
			print_flags(s, raw(b, s->size));
		else
			print_int(s, b, fmt);
		break;
	case TY_ARRAY:
		print_array(d, s, b, fmt);
		break;
	case TY_STRUCT:
	case TY_UNION:
	case TY_VEC:
		if (s->kind == TY_VEC)
			print_vector(d, b, fmt);
		else
			print_struct(d, s, b, fmt);
		break;
	case TY_FUNC:
		memcpy(&a, b, 4);
		if (s->die == NULL && s->name != NULL)
			snprintf(name, sizeof(name), "%s", s->name);
		else
			type_name(d, s, name, sizeof(name));
		format_symaddr(d, a, where, sizeof(where));
		printf("{%s} 0x%x %s", name, (unsigned)a, where);
		break;
	default:
		printf("void");
	}
}

/* Print v; top: the whole value of a print command (pointer types shown). */
void
value_print(struct dbg *d, struct value *v, char fmt, int top)
{
	struct type *s = type_strip(v->t);
	uint32_t size = v->t ? v->t->size : 0;
	unsigned char *buf;

	if (v->optimized) {
		printf("<optimized out>");
		return;
	}
	if (s != NULL && s->kind == TY_FUNC) {
		memcpy(v->b, &v->addr, 4);
		print_bytes(d, v->t, v->b, fmt, top);
		return;
	}
	if (v->where != V_MEM) {
		print_bytes(d, v->t, v->b, fmt, top);
		return;
	}
	if (size > FETCH_MAX) {
		printf("<error: value requires %u bytes, which is more than "
		    "max-value-size>", (unsigned)size);
		return;
	}
	if ((buf = malloc(size)) == NULL)
		return;
	if (peek_mem(d, v->addr, buf, size) != size)
		printf("<error: Cannot access memory at address 0x%x>",
		    (unsigned)v->addr);
	else
		print_bytes(d, v->t, buf, fmt, top);
	free(buf);
}
