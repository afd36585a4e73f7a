/*
 * scanf.c - formatted input: scanf, fscanf, sscanf and their va_list forms,
 * one engine over two kinds of source (a stream, a string).
 *
 * The engine reads one character at a time and can put back only one, as
 * C guarantees for a stream. A number is therefore scanned in two steps:
 * the longest run of characters that could still begin a number of the
 * conversion's kind is gathered (within the field width), then strtoull,
 * strtoll or strtod converts it. When the gathered text is longer than the
 * number in it ("1e" for %f, "0x" for %x), the number counts and the rest is
 * consumed, which is what glibc does too; when no number is there at all
 * it is a matching failure.
 *
 * Handled: white space, literal characters, %%, '*' (no assignment), field
 * widths, the length modifiers hh h l ll q j z t L, and the conversions
 * d i u o x X p a A e E f F g G s c [ n.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NUMBUF	512	/* longest number text scanned */

enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_J, LEN_Z, LEN_T,
	LEN_LDBL };

struct source {
	FILE		*f;	/* the stream, or NULL for the string s */
	const char	*s;
	int		count;	/* characters consumed, for %n */
};

static int
get(struct source *in)
{
	int c;

	if (in->f != NULL)
		c = fgetc(in->f);
	else
		c = *in->s != '\0' ? (unsigned char)*in->s++ : EOF;
	if (c != EOF)
		in->count++;
	return c;
}

static void
unget(struct source *in, int c)
{
	if (c == EOF)
		return;
	in->count--;
	if (in->f != NULL)
		ungetc(c, in->f);
	else
		in->s--;
}

/* Skips white space; returns the first other character (still unread). */
static int
skip_space(struct source *in)
{
	int c;

	while ((c = get(in)) != EOF && isspace(c))
		;
	unget(in, c);
	return c;
}

/* A number's text being gathered: the characters so far and the next one. */
struct numtext {
	char	buf[NUMBUF];
	int	n;
	int	width;
	int	c;		/* the next input character, not yet taken */
};

/* Takes the next character if it is in `set' (case-insensitive letters). */
static int
take(struct source *in, struct numtext *t, const char *set)
{
	if (t->n >= t->width || t->c == EOF || t->c == '\0' ||
	    strchr(set, tolower(t->c)) == NULL)
		return 0;
	t->buf[t->n++] = (char)t->c;
	t->c = get(in);
	return 1;
}

static int
take_run(struct source *in, struct numtext *t, const char *set)
{
	int n = 0;

	while (take(in, t, set))
		n++;
	return n;
}

/* Takes as much of `word' as is there, letter by letter. */
static int
take_word(struct source *in, struct numtext *t, const char *word)
{
	char one[2] = { 0, 0 };

	for (; *word != '\0'; word++) {
		one[0] = *word;
		if (!take(in, t, one))
			return 0;
	}
	return 1;
}

static void
begin(struct source *in, struct numtext *t, int width)
{
	t->n = 0;
	t->width = width > 0 && width < NUMBUF ? width : NUMBUF - 1;
	t->c = get(in);
}

static void
finish(struct source *in, struct numtext *t)
{
	unget(in, t->c);
	t->buf[t->n] = '\0';
}

/* The text of an integer in base 0 (C's prefixes), 8, 10 or 16. */
static void
gather_int(struct source *in, struct numtext *t, int *base)
{
	take(in, t, "+-");
	if ((*base == 0 || *base == 16) && take(in, t, "0")) {
		if (take(in, t, "x"))
			*base = 16;
		else if (*base == 0)
			*base = 8;
	}
	if (*base == 0)
		*base = 10;
	take_run(in, t, *base == 8 ? "01234567" : *base == 10 ?
	    "0123456789" : "0123456789abcdef");
}

/* The text of a floating-point number, as strtod reads them. */
static void
gather_float(struct source *in, struct numtext *t)
{
	const char *digits = "0123456789";

	take(in, t, "+-");
	if (t->c == 'i' || t->c == 'I') {
		if (take_word(in, t, "inf"))
			take_word(in, t, "inity");
		return;
	}
	if (t->c == 'n' || t->c == 'N') {
		if (take_word(in, t, "nan") && take(in, t, "(")) {
			take_run(in, t, "abcdefghijklmnopqrstuvwxyz0123456789_");
			take(in, t, ")");
		}
		return;
	}
	if (take(in, t, "0") && take(in, t, "x"))
		digits = "0123456789abcdef";
	take_run(in, t, digits);
	if (take(in, t, "."))
		take_run(in, t, digits);
	if (take(in, t, digits[10] != '\0' ? "p" : "e")) {
		take(in, t, "+-");
		take_run(in, t, "0123456789");
	}
}

static void
store_int(va_list *ap, enum length len, unsigned long long v)
{
	switch (len) {
	case LEN_HH:
		*va_arg(*ap, signed char *) = (signed char)v;
		break;
	case LEN_H:
		*va_arg(*ap, short *) = (short)v;
		break;
	case LEN_L:
		*va_arg(*ap, long *) = (long)v;
		break;
	case LEN_LL:
	case LEN_LDBL:
		*va_arg(*ap, long long *) = (long long)v;
		break;
	case LEN_J:
		*va_arg(*ap, intmax_t *) = (intmax_t)v;
		break;
	case LEN_Z:
		*va_arg(*ap, size_t *) = (size_t)v;
		break;
	case LEN_T:
		*va_arg(*ap, ptrdiff_t *) = (ptrdiff_t)v;
		break;
	default:
		*va_arg(*ap, int *) = (int)v;
		break;
	}
}

/* d i u o x X p. Returns 0, or -1 on a matching failure. */
static int
scan_int(struct source *in, int conv, int width, int skip, enum length len,
    va_list *ap)
{
	struct numtext t;
	int base = conv == 'd' || conv == 'u' ? 10 : conv == 'o' ? 8 :
	    conv == 'i' ? 0 : 16;
	unsigned long long v;
	char *end;

	begin(in, &t, width);
	gather_int(in, &t, &base);
	finish(in, &t);
	if (conv == 'd' || conv == 'i')
		v = (unsigned long long)strtoll(t.buf, &end, base);
	else
		v = strtoull(t.buf, &end, base);
	if (end == t.buf)
		return -1;
	if (skip)
		return 0;
	if (conv == 'p')
		*va_arg(*ap, void **) = (void *)(uintptr_t)v;
	else
		store_int(ap, len, v);
	return 0;
}

/* a e f g (any case). Returns 0, or -1 on a matching failure. */
static int
scan_float(struct source *in, int width, int skip, enum length len,
    va_list *ap)
{
	struct numtext t;
	char *end;

	begin(in, &t, width);
	gather_float(in, &t);
	finish(in, &t);
	if (len == LEN_LDBL) {
		long double v = strtold(t.buf, &end);

		if (end != t.buf && !skip)
			*va_arg(*ap, long double *) = v;
	} else if (len == LEN_L) {
		double v = strtod(t.buf, &end);

		if (end != t.buf && !skip)
			*va_arg(*ap, double *) = v;
	} else {
		float v = strtof(t.buf, &end);

		if (end != t.buf && !skip)
			*va_arg(*ap, float *) = v;
	}
	return end == t.buf ? -1 : 0;
}

/*
 * Parses a scanset such as "[abc]", "[^abc]", "[]abc]" or "[a-z0-9]"
 * (f is just past the '['); returns what follows it.
 */
static const char *
scanset(const char *f, char set[256])
{
	int neg = 0, i, c;

	if (*f == '^') {
		neg = 1;
		f++;
	}
	for (i = 0; i < 256; i++)
		set[i] = (char)neg;
	if (*f == ']')
		set[(unsigned char)*f++] = (char)!neg;
	for (; *f != '\0' && *f != ']'; f++) {
		if (f[1] == '-' && f[2] != ']' && f[2] != '\0') {
			for (c = (unsigned char)f[0]; c <= (unsigned char)f[2]; c++)
				set[c] = (char)!neg;
			f += 2;
		} else
			set[(unsigned char)*f] = (char)!neg;
	}
	return *f == ']' ? f + 1 : f;
}

/*
 * s c [: characters into the next argument. Returns the count taken, or
 * -1 when none could be (the conversion fails).
 */
static int
scan_chars(struct source *in, int conv, const char *set, int width,
    char *out)
{
	int n = 0, c = EOF;

	if (width <= 0)
		width = conv == 'c' ? 1 : -1;
	while (width < 0 || n < width) {
		if ((c = get(in)) == EOF)
			break;
		if ((conv == 's' && isspace(c)) ||
		    (conv == '[' && !set[(unsigned char)c])) {
			unget(in, c);
			break;
		}
		if (out != NULL)
			out[n] = (char)c;
		n++;
	}
	if (n == 0 || (conv == 'c' && n < width))
		return -1;
	if (out != NULL && conv != 'c')
		out[n] = '\0';
	return n;
}

/* Parses the length modifier at *fp. */
static enum length
length(const char **fp)
{
	const char *f = *fp;
	enum length len = LEN_NONE;

	switch (*f) {
	case 'h':
		len = f[1] == 'h' ? LEN_HH : LEN_H;
		break;
	case 'l':
		len = f[1] == 'l' ? LEN_LL : LEN_L;
		break;
	case 'q':
		len = LEN_LL;
		break;
	case 'j':
		len = LEN_J;
		break;
	case 'z':
		len = LEN_Z;
		break;
	case 't':
		len = LEN_T;
		break;
	case 'L':
		len = LEN_LDBL;
		break;
	default:
		return LEN_NONE;
	}
	*fp = f + (len == LEN_HH || (len == LEN_LL && f[0] == 'l') ? 2 : 1);
	return len;
}

/*
 * The engine. Returns the number of assignments, or EOF if the input ended
 * before the first conversion.
 */
static int
scan(struct source *in, const char *fmt, va_list ap)
{
	int assigned = 0, converted = 0, width, skip, conv, c, r;
	enum length len;
	char set[256];
	va_list aq;

	va_copy(aq, ap);
	for (; *fmt != '\0'; fmt++) {
		if (isspace((unsigned char)*fmt)) {
			skip_space(in);
			continue;
		}
		if (*fmt != '%') {
			if ((c = get(in)) != (unsigned char)*fmt) {
				unget(in, c);
				if (c == EOF)
					goto input_failure;
				break;
			}
			continue;
		}
		fmt++;
		skip = *fmt == '*';
		fmt += skip;
		for (width = 0; isdigit((unsigned char)*fmt); fmt++)
			width = width * 10 + (*fmt - '0');
		len = length(&fmt);
		conv = *fmt;
		if (conv == 'n') {
			if (!skip)
				store_int(&aq, len, (unsigned long long)in->count);
			continue;
		}
		/* Every conversion but %c and %[ skips leading white space. */
		if (conv != 'c' && conv != '[' && skip_space(in) == EOF)
			goto input_failure;
		switch (conv) {
		case '%':
			if ((c = get(in)) != '%') {
				unget(in, c);
				goto done;
			}
			continue;
		case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
		case 'p':
			r = scan_int(in, conv, width, skip, len, &aq);
			break;
		case 'a': case 'A': case 'e': case 'E': case 'f': case 'F':
		case 'g': case 'G':
			r = scan_float(in, width, skip, len, &aq);
			break;
		case '[':
			fmt = scanset(fmt + 1, set) - 1;
			/* FALLTHROUGH */
		case 's':
		case 'c':
			if ((c = get(in)) == EOF)
				goto input_failure;
			unget(in, c);
			r = scan_chars(in, conv, set, width,
			    skip ? NULL : va_arg(aq, char *));
			break;
		default:
			goto done;
		}
		if (r == -1)
			goto done;
		converted++;
		assigned += !skip;
	}
	goto done;
input_failure:
	if (converted == 0)
		assigned = EOF;
done:
	va_end(aq);
	return assigned;
}

int
vfscanf(FILE *__restrict f, const char *__restrict fmt, va_list ap)
{
	struct source in = { f, NULL, 0 };
	int n;

	flockfile(f);		/* the whole conversion, as one call */
	n = scan(&in, fmt, ap);
	funlockfile(f);
	return n;
}

int
vsscanf(const char *__restrict str, const char *__restrict fmt, va_list ap)
{
	struct source in = { NULL, str, 0 };

	return scan(&in, fmt, ap);
}

int
vscanf(const char *__restrict fmt, va_list ap)
{
	return vfscanf(stdin, fmt, ap);
}

int
fscanf(FILE *__restrict f, const char *__restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfscanf(f, fmt, ap);
	va_end(ap);
	return n;
}

int
sscanf(const char *__restrict str, const char *__restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsscanf(str, fmt, ap);
	va_end(ap);
	return n;
}

int
scanf(const char *__restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfscanf(stdin, fmt, ap);
	va_end(ap);
	return n;
}
