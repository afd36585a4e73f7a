/*
 * printf - formatted output: printf format [argument ...]
 *
 * The format is C's, with the backslash escapes of POSIX (\n \t \\ \a \b
 * \f \r \v \NNN) and these conversions: d i o u x X c s b (a string whose
 * own backslash escapes are interpreted) e E f F g G %, each with flags,
 * width and precision (which may be '*'). The format is used again while
 * arguments remain; missing arguments count as "" or 0. A numeric argument
 * may be 'c or "c, the code of c. An argument that is not a whole number
 * is reported and the exit status becomes 1.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char **args;
static int status;

static const char *
next_arg(void)
{
	return *args != NULL ? *args++ : NULL;
}

/* A number argument: decimal, 0x.., 0.., or 'c. Bad ones are reported. */
static long long
num_arg(void)
{
	const char *s = next_arg();
	long long v;
	char *end;

	if (s == NULL)
		return 0;
	if (*s == '\'' || *s == '"')
		return (unsigned char)s[1];
	errno = 0;
	v = strtoll(s, &end, 0);
	if (end == s || *end != '\0' || errno == ERANGE) {
		fprintf(stderr, "printf: %s: %s\n", s, errno == ERANGE ?
		    "Result too large" : end == s ? "expected numeric value" :
		    "not completely converted");
		status = 1;
	}
	return v;
}

static double
float_arg(void)
{
	const char *s = next_arg();
	double v;
	char *end;

	if (s == NULL)
		return 0;
	if (*s == '\'' || *s == '"')
		return (unsigned char)s[1];
	v = strtod(s, &end);
	if (end == s || *end != '\0') {
		fprintf(stderr, "printf: %s: expected numeric value\n", s);
		status = 1;
	}
	return v;
}

/*
 * The escape at *p (just past the backslash) as a byte; moves *p past it.
 * In %b, \c means "stop all output" (returns -1) and octal takes a 0 first.
 */
static int
escape(const char **p, int in_b)
{
	const char *s = *p;
	int c = 0, n;

	switch (*s) {
	case 'a': c = '\a'; break;
	case 'b': c = '\b'; break;
	case 'f': c = '\f'; break;
	case 'n': c = '\n'; break;
	case 'r': c = '\r'; break;
	case 't': c = '\t'; break;
	case 'v': c = '\v'; break;
	case '\\': c = '\\'; break;
	case 'c':
		if (in_b) {
			*p = s + 1;
			return -1;
		}
		/* FALLTHROUGH */
	default:
		if (*s >= '0' && *s <= '7') {
			if (in_b && *s == '0')
				s++;
			for (n = 0; n < 3 && *s >= '0' && *s <= '7'; n++)
				c = c * 8 + (*s++ - '0');
			*p = s;
			return c;
		}
		if (*s == '\0') {
			*p = s;
			return '\\';
		}
		putchar('\\');	/* unknown escape: kept as written */
		c = (unsigned char)*s;
		break;
	}
	*p = s + 1;
	return c;
}

/* %b's argument; returns -1 if it held \c. */
static int
print_b(const char *s, const char *spec)
{
	char *buf = malloc(strlen(s) + 1), *q = buf;
	int c, stop = 0;

	if (buf == NULL)
		return 0;
	while (*s != '\0') {
		if (*s != '\\') {
			*q++ = *s++;
			continue;
		}
		s++;
		if ((c = escape(&s, 1)) == -1) {
			stop = 1;
			break;
		}
		*q++ = (char)c;
	}
	*q = '\0';
	printf(spec, buf);
	free(buf);
	return stop ? -1 : 0;
}

/*
 * One conversion: spec is "%" flags width precision, already with '*'
 * replaced by numbers, and conv its letter. Returns -1 to stop (%b \c).
 */
static int
convert(char *spec, size_t len, int conv)
{
	const char *s;

	switch (conv) {
	case 'd':
	case 'i':
		strcpy(spec + len, "lld");
		printf(spec, num_arg());
		break;
	case 'o':
	case 'u':
	case 'x':
	case 'X':
		spec[len] = 'l';
		spec[len + 1] = 'l';
		spec[len + 2] = (char)conv;
		spec[len + 3] = '\0';
		printf(spec, (unsigned long long)num_arg());
		break;
	case 'e':
	case 'E':
	case 'f':
	case 'F':
	case 'g':
	case 'G':
		spec[len] = (char)conv;
		spec[len + 1] = '\0';
		printf(spec, float_arg());
		break;
	case 'c':
		strcpy(spec + len, "c");
		s = next_arg();
		printf(spec, s != NULL ? s[0] : '\0');
		break;
	case 's':
	case 'b':
		strcpy(spec + len, "s");
		s = next_arg();
		if (s == NULL)
			s = "";
		if (conv == 'b')
			return print_b(s, spec);
		printf(spec, s);
		break;
	default:
		fprintf(stderr, "printf: illegal format character %c\n", conv);
		status = 1;
		return -1;
	}
	return 0;
}

/* One pass over the format. Returns -1 to stop all output. */
static int
pass(const char *f)
{
	char spec[64];
	size_t len;
	int c;

	while (*f != '\0') {
		if (*f == '\\') {
			f++;
			putchar(escape(&f, 0));
			continue;
		}
		if (*f != '%') {
			putchar(*f++);
			continue;
		}
		if (f[1] == '%') {
			putchar('%');
			f += 2;
			continue;
		}
		spec[0] = *f++;
		len = 1;
		while (*f != '\0' && strchr("-+ #0", *f) != NULL && len < 20)
			spec[len++] = *f++;
		for (c = 0; c < 2; c++) {	/* width, then precision */
			if (c == 1) {
				if (*f != '.')
					break;
				spec[len++] = *f++;
			}
			if (*f == '*') {
				len += (size_t)snprintf(spec + len, 12, "%d",
				    (int)num_arg());
				f++;
			} else
				while (isdigit((unsigned char)*f) && len < 40)
					spec[len++] = *f++;
		}
		if (*f == '\0') {
			fprintf(stderr, "printf: missing format character\n");
			status = 1;
			return -1;
		}
		if (convert(spec, len, *f++) == -1)
			return -1;
	}
	return 0;
}

int
main(int argc, char *argv[])
{
	char **before;

	if (argc < 2) {
		fprintf(stderr, "usage: printf format [arguments ...]\n");
		return 1;
	}
	args = argv + 2;
	do {
		before = args;
		if (pass(argv[1]) == -1)
			break;
	} while (*args != NULL && args != before);
	return status;
}
