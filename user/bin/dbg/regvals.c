/*
 * regvals.c - "$" names in expressions: registers with gdb's types, the
 * value history ($, $$, $N) and info all-registers.
 *
 * $eax..$edi and the segments are ints, $eip/$pc a "void (*)()", $esp and
 * $ebp "void *", $eflags and $mxcsr flag words printed by bit name,
 * $st0..$st7 the x87 registers as long doubles (PT_GETFPREGS, in stack
 * order), $xmm0..$xmm7 gdb's vec128 union (PT_GETXMMREGS). A register is
 * an lvalue of the selected frame, by its DWARF number, so "set var $eax
 * = 5" and "p $eax" go through the same frame_register() as variables do.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/kinfo.h>
#include <sys/ptrace.h>
#include "dbg.h"

static const char *const eflags_bits[32] = {
	"CF", "", "PF", "", "AF", "", "ZF", "SF", "TF", "IF", "DF", "OF",
	"", "", "NT", "", "RF", "VM", "AC", "VIF", "VIP", "ID",
};
static const char *const mxcsr_bits[32] = {
	"IE", "DE", "ZE", "OE", "UE", "PE", "DAZ", "IM", "DM", "ZM", "OM",
	"UM", "PM", "", "", "FZ",
};

/* DWARF numbers of the registers by gdb's names (i386 SysV psABI). */
static const struct {
	const char	*name;
	int		dwreg;
} gpnames[] = {
	{ "eax", 0 }, { "ecx", 1 }, { "edx", 2 }, { "ebx", 3 }, { "esp", 4 },
	{ "ebp", 5 }, { "esi", 6 }, { "edi", 7 }, { "eip", 8 },
	{ "eflags", 9 }, { "es", 40 }, { "cs", 41 }, { "ss", 42 },
	{ "ds", 43 }, { "fs", 44 }, { "gs", 45 }, { "pc", 8 }, { "sp", 4 },
	{ "fp", 5 }, { "ps", 9 }, { "mxcsr", 39 },
};

static struct type *
flags_type(struct dbg *d, const char *name, const char *const *bits)
{
	struct type *t;

	for (t = d->types; t != NULL; t = t->next)
		if (t->kind == TY_FLAGS && t->bits == bits)
			return t;
	if ((t = calloc(1, sizeof(*t))) == NULL)
		return NULL;
	t->kind = TY_FLAGS;
	t->size = 4;
	t->name = name;
	t->bits = bits;
	t->next = d->types;
	d->types = t;
	return t;
}

static struct type *
special_type(struct dbg *d, enum tkind kind, uint32_t size, const char *name)
{
	struct type *t;

	for (t = d->types; t != NULL; t = t->next)
		if (t->kind == kind && t->die == NULL && t->name == name)
			return t;
	if ((t = calloc(1, sizeof(*t))) == NULL)
		return NULL;
	t->kind = kind;
	t->size = size;
	t->name = name;
	t->next = d->types;
	d->types = t;
	return t;
}

/* The type of a function without debug information. */
struct type *
type_nodebug_text(struct dbg *d)
{
	return special_type(d, TY_FUNC, 1, "<text variable, no debug info>");
}

/* gdb's type for register dwreg. */
static struct type *
reg_type(struct dbg *d, int dwreg)
{
	if (dwreg == 8)
		return type_pointer(d, special_type(d, TY_FUNC, 1, NULL));
	if (dwreg == 4 || dwreg == 5)
		return type_pointer(d, type_base(d, "void"));
	if (dwreg == 9)
		return flags_type(d, "i386_eflags", eflags_bits);
	if (dwreg == 39)
		return flags_type(d, "i386_mxcsr", mxcsr_bits);
	if (dwreg >= 11 && dwreg <= 18)
		return type_base(d, "long double");
	if (dwreg >= 21 && dwreg <= 28)
		return special_type(d, TY_VEC, 16, "vec128");
	return type_base(d, "int");
}

/* A "$" name: a register, a history value, or an empty convenience one. */
int
dollar(struct dbg *d, const char *name, struct value *v)
{
	const char *n = name + 1;
	char *end;
	long k;
	size_t i;

	memset(v, 0, sizeof(*v));
	if (*n == '\0' || *n == '$' || (*n >= '0' && *n <= '9')) {
		k = *n == '$' ? (n[1] ? -strtol(n + 1, &end, 10) : -1) :
		    *n ? strtol(n, &end, 10) : 0;
		if (k <= 0)
			k += d->nvalues;
		if (d->nvalues == 0 && k == 0) {
			v->t = type_base(d, "void");
			return 0;
		}
		if (k < 1 || k > d->nvalues || d->nvalues - k >= DBG_HISTORY) {
			printf("History has not yet reached $%ld.\n", k);
			return -1;
		}
		*v = d->history[(k - 1) % DBG_HISTORY];
		return 0;
	}
	for (i = 0; i < sizeof(gpnames) / sizeof(gpnames[0]); i++)
		if (strcmp(gpnames[i].name, n) == 0)
			break;
	k = i < sizeof(gpnames) / sizeof(gpnames[0]) ? gpnames[i].dwreg : -1;
	if (strncmp(n, "st", 2) == 0 && n[2] >= '0' && n[2] <= '7' && !n[3])
		k = 11 + n[2] - '0';
	if (strncmp(n, "xmm", 3) == 0 && n[3] >= '0' && n[3] <= '7' && !n[4])
		k = 21 + n[3] - '0';
	if (k < 0) {
		v->t = type_base(d, "void");	/* a convenience variable */
		return 0;
	}
	if (d->pid == 0) {
		printf("No registers.\n");
		return -1;
	}
	v->t = reg_type(d, k);
	v->where = V_REG;
	v->reg = k;
	return value_fetch(d, v);
}

/* Remember a printed value as $N; returns N. */
int
history_add(struct dbg *d, const struct value *v)
{
	d->history[d->nvalues % DBG_HISTORY] = *v;
	return ++d->nvalues;
}

/* $st(k) as a long double's bytes (PT_GETFPREGS keeps stack order). */
int
fpu_register_value(struct dbg *d, int k, void *buf, uint32_t size)
{
	struct fpreg fp;
	long double l;
	double x;
	float f;

	if (ptrace(PT_GETFPREGS, dbg_lwp(d), (caddr_t)&fp, 0) != 0) {
		printf("Couldn't get floating point status.\n");
		return -1;
	}
	memset(&l, 0, sizeof(l));
	memcpy(&l, fp.fpr_acc[k], 10);
	x = (double)l;
	f = (float)l;
	memcpy(buf, size == 4 ? (void *)&f : size == 8 ? (void *)&x :
	    (void *)&l, size < sizeof(l) ? size : sizeof(l));
	return 0;
}

/* $xmmK's 16 bytes, or MXCSR for k == -1. */
int
xmm_register_value(struct dbg *d, int k, void *buf, uint32_t size)
{
	struct xmmreg x;

	if (!(kinfo(KINFO_CPUFEATURES) & KCPU_SSE) ||
	    ptrace(PT_GETXMMREGS, dbg_lwp(d), (caddr_t)&x, 0) != 0) {
		printf("This CPU has no SSE registers.\n");
		return -1;
	}
	if (k < 0)
		memcpy(buf, &x.xmm_env[6], size < 4 ? size : 4);
	else
		memcpy(buf, x.xmm_reg[k], size < 16 ? size : 16);
	return 0;
}

/* A 16-bit float (IEEE half or bfloat16) as gdb prints it. */
static void
print_half(uint16_t h, int bfloat)
{
	int ebits = bfloat ? 8 : 5, mbits = bfloat ? 7 : 10;
	int e = (h >> mbits) & ((1 << ebits) - 1), bias = (1 << (ebits - 1)) - 1;
	uint32_t m = h & ((1 << mbits) - 1);
	double x;

	if (e == (1 << ebits) - 1) {
		if (m == 0)
			printf("%sinf", h & 0x8000 ? "-" : "");
		else
			printf("%snan(0x%x)", h & 0x8000 ? "-" : "", (unsigned)m);
		return;
	}
	x = e == 0 ? m / (double)(1 << mbits) * 2 / (1 << bias) :
	    (1 + m / (double)(1 << mbits));
	for (; e > bias; e--)
		x *= 2;
	for (; e > 0 && e < bias; e++)
		x /= 2;
	printf(bfloat ? "%.4g" : "%.5g", h & 0x8000 ? -x : x);
}

/* One lane list of the vec128 union: {a, b, ...} with gdb's repeats. */
static void
lanes(const char *name, const unsigned char *b, int size, int n, int kind,
    char fmt)
{
	int i, run;

	printf("%s = {", name);
	for (i = 0; i < n; i += run) {
		const unsigned char *e = b + i * size;
		int64_t s = 0;

		for (run = 1; i + run < n && memcmp(e, e + run * size, size) == 0;
		    run++)
			;
		if (run <= 10)
			run = 1;
		memcpy(&s, e, size);
		if (size < 8)
			s = (int64_t)((uint64_t)s << (64 - 8 * size)) >>
			    (64 - 8 * size);
		printf("%s", i ? ", " : "");
		if (fmt == 'x')
			printf("0x%llx", (unsigned long long)s &
			    (size == 8 ? ~0ULL : (1ULL << (8 * size)) - 1));
		else if (kind == 'h' || kind == 'b')
			print_half((uint16_t)s, kind == 'b');
		else if (kind == 'f' && size == 4) {
			float f;

			memcpy(&f, e, 4);
			if (f != f)
				printf("%snan(0x%x)", s < 0 ? "-" : "",
				    (unsigned)(s & 0x7fffff));
			else
				printf("%.9g", f);
		} else if (kind == 'f') {
			double x;

			memcpy(&x, e, 8);
			if (x != x)
				printf("%snan(0x%llx)", s < 0 ? "-" : "",
				    (unsigned long long)(s & 0xfffffffffffffLL));
			else
				printf("%.17g", x);
		} else
			printf("%lld", (long long)s);
		if (run > 1)
			printf(" <repeats %d times>", run);
	}
	printf("}, ");
}

/* The vec128 union of an xmm register, as gdb 13 prints it. */
void
print_vector(struct dbg *d, const unsigned char *b, char fmt)
{
	uint32_t w[4], q[4];
	char digits[48];
	int i, n = 0;

	(void)d;
	printf("{");
	lanes("v8_bfloat16", b, 2, 8, 'b', fmt);
	lanes("v8_half", b, 2, 8, 'h', fmt);
	lanes("v4_float", b, 4, 4, 'f', fmt);
	lanes("v2_double", b, 8, 2, 'f', fmt);
	lanes("v16_int8", b, 1, 16, 'i', fmt);
	lanes("v8_int16", b, 2, 8, 'i', fmt);
	lanes("v4_int32", b, 4, 4, 'i', fmt);
	lanes("v2_int64", b, 8, 2, 'i', fmt);
	memcpy(w, b, 16);
	if (fmt == 'x') {
		for (i = 3; i > 0 && w[i] == 0; i--)
			;
		printf("uint128 = 0x%x", (unsigned)w[i]);
		while (--i >= 0)
			printf("%08x", (unsigned)w[i]);
		printf("}");
		return;
	}
	/* The 128-bit number in decimal: divide by ten, limb by limb. */
	memcpy(q, w, 16);
	do {
		uint64_t rem = 0;

		for (i = 3; i >= 0; i--) {
			uint64_t cur = rem << 32 | q[i];

			q[i] = (uint32_t)(cur / 10);
			rem = cur % 10;
		}
		digits[n++] = '0' + (int)rem;
	} while ((q[0] | q[1] | q[2] | q[3]) != 0 && n < 47);
	printf("uint128 = ");
	while (n > 0)
		putchar(digits[--n]);
	printf("}");
}
