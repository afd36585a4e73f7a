/*
 * tdesc.c - the target description gdb reads with qXfer:features:read.
 *
 * It names the registers in the order of the 'g' packet (regs.c) and puts
 * them in the features gdb's i386 support looks for by name:
 * org.gnu.gdb.i386.core holds the general, segment and x87 registers, and
 * org.gnu.gdb.i386.sse the xmm registers and mxcsr, present only when the
 * CPU has FXSAVE (PT_GETXMMREGS works). With these names gdb maps every
 * register to its own i386 numbering, so `info float`, `p $xmm0` and
 * `info registers eflags` work as on any x86 target.
 */
#include <stdarg.h>
#include <stdio.h>
#include "gdbstub.h"

struct flag {
	const char	*name;
	int		bit;
};

static const struct flag eflags_bits[] = {
	{ "CF", 0 }, { "", 1 }, { "PF", 2 }, { "AF", 4 }, { "ZF", 6 },
	{ "SF", 7 }, { "TF", 8 }, { "IF", 9 }, { "DF", 10 }, { "OF", 11 },
	{ "NT", 14 }, { "RF", 16 }, { "VM", 17 }, { "AC", 18 }, { "VIF", 19 },
	{ "VIP", 20 }, { "ID", 21 }, { NULL, 0 }
};

static const struct flag mxcsr_bits[] = {
	{ "IE", 0 }, { "DE", 1 }, { "ZE", 2 }, { "OE", 3 }, { "UE", 4 },
	{ "PE", 5 }, { "DAZ", 6 }, { "IM", 7 }, { "DM", 8 }, { "ZM", 9 },
	{ "OM", 10 }, { "UM", 11 }, { "PM", 12 }, { "FZ", 15 }, { NULL, 0 }
};

/* The general registers, in the 'g' order; each is 32 bits wide. */
static const char *const core_regs[][2] = {
	{ "eax", "int32" }, { "ecx", "int32" }, { "edx", "int32" },
	{ "ebx", "int32" }, { "esp", "data_ptr" }, { "ebp", "data_ptr" },
	{ "esi", "int32" }, { "edi", "int32" }, { "eip", "code_ptr" },
	{ "eflags", "i386_eflags" }, { "cs", "int32" }, { "ss", "int32" },
	{ "ds", "int32" }, { "es", "int32" }, { "fs", "int32" }, { "gs", "int32" },
};

static const char *const x87_ctl[] = {
	"fctrl", "fstat", "ftag", "fiseg", "fioff", "foseg", "fooff", "fop",
};

static const char *const vec128_fields[][2] = {
	{ "v4_float", "v4f" }, { "v2_double", "v2d" }, { "v16_int8", "v16i8" },
	{ "v8_int16", "v8i16" }, { "v4_int32", "v4i32" },
	{ "v2_int64", "v2i64" }, { "uint128", "uint128" },
};

struct xmlbuf {
	char	text[6144];
	size_t	len;
};

static void
put(struct xmlbuf *x, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
put(struct xmlbuf *x, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(x->text + x->len, sizeof(x->text) - x->len, fmt, ap);
	va_end(ap);
	if (n > 0 && x->len + n < sizeof(x->text))
		x->len += n;
}

static void
put_flags(struct xmlbuf *x, const char *id, const struct flag *f)
{
	put(x, "<flags id=\"%s\" size=\"4\">\n", id);
	for (; f->name != NULL; f++)
		put(x, " <field name=\"%s\" start=\"%d\" end=\"%d\"/>\n",
		    f->name, f->bit, f->bit);
	put(x, "</flags>\n");
}

static void
put_core(struct xmlbuf *x)
{
	int i, n = 0;

	put(x, "<feature name=\"org.gnu.gdb.i386.core\">\n");
	put_flags(x, "i386_eflags", eflags_bits);
	for (i = 0; i < 16; i++, n++)
		put(x, "<reg name=\"%s\" bitsize=\"32\" type=\"%s\" regnum=\"%d\"/>\n",
		    core_regs[i][0], core_regs[i][1], n);
	for (i = 0; i < 8; i++, n++)
		put(x, "<reg name=\"st%d\" bitsize=\"80\" type=\"i387_ext\" "
		    "regnum=\"%d\"/>\n", i, n);
	for (i = 0; i < 8; i++, n++)
		put(x, "<reg name=\"%s\" bitsize=\"32\" type=\"int\" "
		    "group=\"float\" regnum=\"%d\"/>\n", x87_ctl[i], n);
	put(x, "</feature>\n");
}

static void
put_sse(struct xmlbuf *x)
{
	int i;

	put(x, "<feature name=\"org.gnu.gdb.i386.sse\">\n");
	put(x, "<vector id=\"v4f\" type=\"ieee_single\" count=\"4\"/>\n"
	    "<vector id=\"v2d\" type=\"ieee_double\" count=\"2\"/>\n"
	    "<vector id=\"v16i8\" type=\"int8\" count=\"16\"/>\n"
	    "<vector id=\"v8i16\" type=\"int16\" count=\"8\"/>\n"
	    "<vector id=\"v4i32\" type=\"int32\" count=\"4\"/>\n"
	    "<vector id=\"v2i64\" type=\"int64\" count=\"2\"/>\n");
	put(x, "<union id=\"vec128\">\n");
	for (i = 0; i < 7; i++)
		put(x, " <field name=\"%s\" type=\"%s\"/>\n", vec128_fields[i][0],
		    vec128_fields[i][1]);
	put(x, "</union>\n");
	put_flags(x, "i386_mxcsr", mxcsr_bits);
	for (i = 0; i < 8; i++)
		put(x, "<reg name=\"xmm%d\" bitsize=\"128\" type=\"vec128\" "
		    "regnum=\"%d\"/>\n", i, 32 + i);
	put(x, "<reg name=\"mxcsr\" bitsize=\"32\" type=\"i386_mxcsr\" "
	    "group=\"vector\" regnum=\"40\"/>\n");
	put(x, "</feature>\n");
}

/* The whole document for this CPU; its length, the text in *text. */
size_t
tdesc_xml(int have_xmm, const char **text)
{
	static struct xmlbuf x;

	x.len = 0;
	put(&x, "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
	    "<target version=\"1.0\">\n<architecture>i386</architecture>\n");
	put_core(&x);
	if (have_xmm)
		put_sse(&x);
	put(&x, "</target>\n");
	*text = x.text;
	return x.len;
}
