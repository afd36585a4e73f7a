/*
 * scanf.c - sscanf: formatted input from a string. Handles whitespace and
 * literal characters, '*' (no assignment), field widths, the length
 * modifiers hh h l ll j z t, and the conversions d i u o x X s c [ n %.
 * That is enough for parsing numbers and words; there is no floating point.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL };

static void
store_int(va_list *ap, enum length len, unsigned long long v)
{
	switch (len) {
	case LEN_HH:
		*va_arg(*ap, char *) = (char)v;
		break;
	case LEN_H:
		*va_arg(*ap, short *) = (short)v;
		break;
	case LEN_L:
		*va_arg(*ap, long *) = (long)v;
		break;
	case LEN_LL:
		*va_arg(*ap, long long *) = (long long)v;
		break;
	default:
		*va_arg(*ap, int *) = (int)v;
		break;
	}
}

static int
base_of(int conv)
{
	switch (conv) {
	case 'd':
	case 'u':
		return 10;
	case 'o':
		return 8;
	case 'x':
	case 'X':
		return 16;
	default:
		return 0;	/* 'i': the prefix decides */
	}
}

/*
 * Scans an integer of at most width characters at *sp. Returns 0 and moves
 * *sp past it, or -1 if no digits are there.
 */
static int
scan_int(const char **sp, int width, int conv, unsigned long long *v)
{
	char tmp[72], *end;
	const char *s = *sp;
	int n = 0;

	if (width <= 0 || width > (int)sizeof(tmp) - 1)
		width = sizeof(tmp) - 1;
	/* Gather the longest prefix that could be a number; strtoull decides. */
	if (n < width && (s[n] == '+' || s[n] == '-'))
		n++;
	while (n < width && (isxdigit((unsigned char)s[n]) ||
	    ((s[n] == 'x' || s[n] == 'X') && n > 0 && s[n - 1] == '0')))
		n++;
	for (int i = 0; i < n; i++)
		tmp[i] = s[i];
	tmp[n] = '\0';
	if (conv == 'd' || conv == 'i')
		*v = (unsigned long long)strtoll(tmp, &end, base_of(conv));
	else
		*v = strtoull(tmp, &end, base_of(conv));
	if (end == tmp)
		return -1;
	*sp = s + (end - tmp);
	return 0;
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

int
vsscanf(const char *__restrict str, const char *__restrict fmt, va_list ap)
{
	const char *s = str;
	int assigned = 0, converted = 0, width, skip, n;
	enum length len;
	unsigned long long v;
	char set[256], *out;
	va_list aq;

	va_copy(aq, ap);
	for (; *fmt != '\0'; fmt++) {
		if (isspace((unsigned char)*fmt)) {
			while (isspace((unsigned char)*s))
				s++;
			continue;
		}
		if (*fmt != '%' || fmt[1] == '%') {
			fmt += *fmt == '%';
			if (*s != *fmt)
				break;
			s++;
			continue;
		}
		fmt++;
		skip = *fmt == '*';
		fmt += skip;
		for (width = 0; isdigit((unsigned char)*fmt); fmt++)
			width = width * 10 + (*fmt - '0');
		len = LEN_NONE;
		if (*fmt == 'h') {
			len = fmt[1] == 'h' ? LEN_HH : LEN_H;
			fmt += len == LEN_HH ? 2 : 1;
		} else if (*fmt == 'l') {
			len = fmt[1] == 'l' ? LEN_LL : LEN_L;
			fmt += len == LEN_LL ? 2 : 1;
		} else if (*fmt == 'j' || *fmt == 'q') {
			len = LEN_LL;
			fmt++;
		} else if (*fmt == 'z' || *fmt == 't')
			fmt++;		/* same width as int on i386 */
		if (*fmt == 'n') {
			if (!skip)
				*va_arg(aq, int *) = (int)(s - str);
			continue;
		}
		/* Every conversion but %c and %[ skips leading white space. */
		if (*fmt != 'c' && *fmt != '[')
			while (isspace((unsigned char)*s))
				s++;
		if (*s == '\0')
			break;
		switch (*fmt) {
		case 'd':
		case 'i':
		case 'u':
		case 'o':
		case 'x':
		case 'X':
			if (scan_int(&s, width, *fmt, &v) == -1)
				goto done;
			if (!skip)
				store_int(&aq, len, v);
			break;
		case 'c':
			out = skip ? NULL : va_arg(aq, char *);
			for (n = 0; n < (width > 0 ? width : 1) && *s != '\0'; n++, s++)
				if (out != NULL)
					out[n] = *s;
			break;
		case 's':
		case '[':
			if (*fmt == '[')
				fmt = scanset(fmt + 1, set) - 1;
			out = skip ? NULL : va_arg(aq, char *);
			for (n = 0; (width == 0 || n < width) && *s != '\0'; n++, s++) {
				if (*fmt == 's' ? isspace((unsigned char)*s) :
				    !set[(unsigned char)*s])
					break;
				if (out != NULL)
					out[n] = *s;
			}
			if (n == 0)
				goto done;
			if (out != NULL)
				out[n] = '\0';
			break;
		default:
			goto done;
		}
		converted++;
		assigned += !skip;
	}
done:
	va_end(aq);
	/* EOF only when the input ran out before the first conversion. */
	return converted == 0 && *s == '\0' && *fmt != '\0' ? EOF : assigned;
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
