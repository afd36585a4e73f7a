/*
 * format.c - the printf engine (see format.h), shared with the kernel.
 *
 * __format walks the format string; each '%' starts a conversion
 * specification that parse_spec decodes into a struct fmt_spec (flags, width,
 * precision) and a length modifier. Integer conversions become a digit string
 * here; floating-point conversions go to format_float.c, which is user-space
 * only because the kernel is built without the FPU.
 *
 * The kernel does not link libgcc, so 64-bit division is done by hand with
 * 32-bit operations (div64).
 */
#include <stdarg.h>
#include <stddef.h>
#include "format.h"
#include "format_impl.h"

enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_J, LEN_Z, LEN_T,
	LEN_LDBL };

void
__fmt_putc(struct fmt_out *out, int c)
{
	out->put(c, out->arg);
	out->count++;
}

void
__fmt_repeat(struct fmt_out *out, int c, int n)
{
	for (; n > 0; n--)
		__fmt_putc(out, c);
}

/*
 * Emits prefix, then `zeros' '0's, then body, padded with spaces to the
 * field width on the side the '-' flag asks for.
 */
static void
emit_field(struct fmt_out *out, const struct fmt_spec *sp, const char *prefix,
    int zeros, const char *body, int len)
{
	int plen = 0, pad;

	while (prefix[plen] != '\0')
		plen++;
	pad = sp->width - plen - zeros - len;
	if (!(sp->flags & FMT_MINUS))
		__fmt_repeat(out, ' ', pad);
	while (*prefix != '\0')
		__fmt_putc(out, *prefix++);
	__fmt_repeat(out, '0', zeros);
	while (len-- > 0)
		__fmt_putc(out, *body++);
	if (sp->flags & FMT_MINUS)
		__fmt_repeat(out, ' ', pad);
}

/* Divides *v by base (2..16) in place and returns the remainder. */
static unsigned
div64(unsigned long long *v, unsigned base)
{
	unsigned hi = (unsigned)(*v >> 32), lo = (unsigned)*v;
	unsigned qhi, q1, q0, r, x;

	if (hi == 0) {
		*v = lo / base;
		return lo % base;
	}
	qhi = hi / base;
	r = hi % base;
	/* r < base <= 16, so each 16-bit step fits in 32 bits. */
	x = r << 16 | lo >> 16;
	q1 = x / base;
	r = x % base;
	x = r << 16 | (lo & 0xffff);
	q0 = x / base;
	r = x % base;
	*v = (unsigned long long)qhi << 32 | q1 << 16 | q0;
	return r;
}

/* d i o u x X p: v is the magnitude, neg says whether the value was negative. */
static void
fmt_integer(struct fmt_out *out, const struct fmt_spec *sp,
    unsigned long long v, int neg)
{
	const char *digits = sp->conv == 'X' ? "0123456789ABCDEF" :
	    "0123456789abcdef";
	char buf[24], *p = buf + sizeof(buf);
	const char *prefix = "";
	unsigned base = 10;
	int len, zeros, iszero = v == 0;

	if (sp->conv == 'o')
		base = 8;
	else if (sp->conv == 'x' || sp->conv == 'X' || sp->conv == 'p')
		base = 16;
	while (v != 0)
		*--p = digits[div64(&v, base)];
	len = buf + sizeof(buf) - p;
	if (iszero && sp->prec != 0)
		*--p = '0', len = 1;

	if (sp->conv == 'd' || sp->conv == 'i') {
		if (neg)
			prefix = "-";
		else if (sp->flags & FMT_PLUS)
			prefix = "+";
		else if (sp->flags & FMT_SPACE)
			prefix = " ";
	} else if (sp->conv == 'p' ||
	    ((sp->flags & FMT_ALT) && !iszero && base == 16))
		prefix = sp->conv == 'X' ? "0X" : "0x";

	zeros = sp->prec > len ? sp->prec - len : 0;
	/* '#' with 'o' makes the first digit a 0. */
	if (base == 8 && (sp->flags & FMT_ALT) && zeros == 0 &&
	    (len == 0 || *p != '0'))
		zeros = 1;
	if (sp->prec < 0 && (sp->flags & (FMT_ZERO | FMT_MINUS)) == FMT_ZERO) {
		int plen = prefix[0] == '\0' ? 0 : prefix[1] == '\0' ? 1 : 2;

		if (sp->width - plen - len > zeros)
			zeros = sp->width - plen - len;
	}
	emit_field(out, sp, prefix, zeros, p, len);
}

static void
fmt_string(struct fmt_out *out, const struct fmt_spec *sp, const char *s)
{
	int len = 0;

	if (s == NULL)
		s = "(null)";
	/* With a precision, s need not be NUL-terminated: read no further. */
	while ((sp->prec < 0 || len < sp->prec) && s[len] != '\0')
		len++;
	emit_field(out, sp, "", 0, s, len);
}

/*
 * Parses flags, width, precision and length modifier after a '%'. Returns
 * the position of the conversion character.
 */
static const char *
parse_spec(const char *f, struct fmt_spec *sp, enum length *len, va_list *ap)
{
	sp->flags = 0;
	sp->width = 0;
	sp->prec = -1;
	for (;; f++) {
		if (*f == '-')
			sp->flags |= FMT_MINUS;
		else if (*f == '+')
			sp->flags |= FMT_PLUS;
		else if (*f == ' ')
			sp->flags |= FMT_SPACE;
		else if (*f == '#')
			sp->flags |= FMT_ALT;
		else if (*f == '0')
			sp->flags |= FMT_ZERO;
		else
			break;
	}
	if (*f == '*') {
		sp->width = va_arg(*ap, int);
		if (sp->width < 0) {
			/* A negative width from '*' is a '-' flag (C11 7.21.6.1). */
			sp->flags |= FMT_MINUS;
			sp->width = -sp->width;
		}
		f++;
	} else
		for (; *f >= '0' && *f <= '9'; f++)
			sp->width = sp->width * 10 + (*f - '0');
	if (*f == '.') {
		f++;
		sp->prec = 0;
		if (*f == '*') {
			sp->prec = va_arg(*ap, int);
			if (sp->prec < 0)
				sp->prec = -1;
			f++;
		} else
			for (; *f >= '0' && *f <= '9'; f++)
				sp->prec = sp->prec * 10 + (*f - '0');
	}
	*len = LEN_NONE;
	switch (*f) {
	case 'h':
		*len = f[1] == 'h' ? LEN_HH : LEN_H;
		f += *len == LEN_HH ? 2 : 1;
		break;
	case 'l':
		*len = f[1] == 'l' ? LEN_LL : LEN_L;
		f += *len == LEN_LL ? 2 : 1;
		break;
	case 'q':
		*len = LEN_LL;
		f++;
		break;
	case 'j':
		*len = LEN_J;
		f++;
		break;
	case 'z':
		*len = LEN_Z;
		f++;
		break;
	case 't':
		*len = LEN_T;
		f++;
		break;
	case 'L':
		*len = LEN_LDBL;
		f++;
		break;
	}
	return f;
}

/* Fetches a signed argument of the given length, widened to long long. */
static long long
signed_arg(va_list *ap, enum length len)
{
	switch (len) {
	case LEN_HH:
		return (signed char)va_arg(*ap, int);
	case LEN_H:
		return (short)va_arg(*ap, int);
	case LEN_L:
		return va_arg(*ap, long);
	case LEN_LL:
	case LEN_J:
		return va_arg(*ap, long long);
	case LEN_Z:
	case LEN_T:
		return va_arg(*ap, ptrdiff_t);
	default:
		return va_arg(*ap, int);
	}
}

static unsigned long long
unsigned_arg(va_list *ap, enum length len)
{
	switch (len) {
	case LEN_HH:
		return (unsigned char)va_arg(*ap, unsigned);
	case LEN_H:
		return (unsigned short)va_arg(*ap, unsigned);
	case LEN_L:
		return va_arg(*ap, unsigned long);
	case LEN_LL:
	case LEN_J:
		return va_arg(*ap, unsigned long long);
	case LEN_Z:
	case LEN_T:
		return va_arg(*ap, size_t);
	default:
		return va_arg(*ap, unsigned);
	}
}

/* Performs one conversion; sp->conv says which. */
static void
convert(struct fmt_out *out, struct fmt_spec *sp, enum length len,
    va_list *ap)
{
	long long sv;
	char c;

	switch (sp->conv) {
	case 'd':
	case 'i':
		sv = signed_arg(ap, len);
		fmt_integer(out, sp, sv < 0 ? -(unsigned long long)sv :
		    (unsigned long long)sv, sv < 0);
		break;
	case 'o':
	case 'u':
	case 'x':
	case 'X':
		fmt_integer(out, sp, unsigned_arg(ap, len), 0);
		break;
	case 'p':
		fmt_integer(out, sp, (size_t)va_arg(*ap, void *), 0);
		break;
	case 'c':
		c = (char)va_arg(*ap, int);
		sp->prec = -1;
		emit_field(out, sp, "", 0, &c, 1);
		break;
	case 's':
		fmt_string(out, sp, va_arg(*ap, const char *));
		break;
#ifndef _KERNEL
	case 'f':
	case 'F':
	case 'e':
	case 'E':
	case 'g':
	case 'G':
	case 'a':
	case 'A':
		if (len == LEN_LDBL)
			__fmt_double(out, sp, (double)va_arg(*ap, long double));
		else
			__fmt_double(out, sp, va_arg(*ap, double));
		break;
#endif
	case '%':
		__fmt_putc(out, '%');
		break;
	default:
		/* Unknown conversion: show it as written. */
		__fmt_putc(out, '%');
		__fmt_putc(out, sp->conv);
		break;
	}
}

int
__format(void (*put)(int c, void *arg), void *arg, const char *fmt,
    va_list ap)
{
	struct fmt_out out = { put, arg, 0 };
	struct fmt_spec spec;
	enum length len;
	va_list aq;

	/* A copy that helpers can advance through a pointer on every ABI. */
	va_copy(aq, ap);
	for (; *fmt != '\0'; fmt++) {
		if (*fmt != '%') {
			__fmt_putc(&out, *fmt);
			continue;
		}
		fmt = parse_spec(fmt + 1, &spec, &len, &aq);
		if (*fmt == '\0')
			break;
		spec.conv = *fmt;
		convert(&out, &spec, len, &aq);
	}
	va_end(aq);
	return out.count;
}
