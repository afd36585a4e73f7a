/*
 * fnmatch.c - matching a shell pattern: * (any string), ? (any one
 * character), [...] (one of a set: ranges, a leading ! or ^ to negate,
 * [:class:]), and \ to quote the next character (unless FNM_NOESCAPE).
 * FNM_PATHNAME keeps '/' out of * ? and [...], FNM_PERIOD a leading '.'
 * (at the start, or after a '/' with FNM_PATHNAME), FNM_CASEFOLD ignores
 * case, and FNM_LEADING_DIR lets the pattern stop at a '/' of the string.
 * A '*' backtracks by recursion, one level per '*' in the pattern.
 */
#include <ctype.h>
#include <fnmatch.h>
#include <string.h>
#include "ctype_class.h"

static int
fold(int c, int flags)
{
	return (flags & FNM_CASEFOLD) ? tolower(c) : c;
}

/* A leading period that only a literal '.' may match? */
static int
hidden(const char *s, const char *start, int flags)
{
	return *s == '.' && (flags & FNM_PERIOD) && (s == start ||
	    ((flags & FNM_PATHNAME) && s[-1] == '/'));
}

/*
 * The bracket expression at p (just past the '[') against c. Returns what
 * follows it, with *ok set, or NULL if there is no closing ']' (then the
 * '[' is an ordinary character).
 */
static const char *
bracket(const char *p, int c, int flags, int *ok)
{
	int neg = 0, lo, hi, first = 1, (*is)(int);
	const char *end;

	*ok = 0;
	if (*p == '!' || *p == '^') {
		neg = 1;
		p++;
	}
	for (;; first = 0) {
		if (*p == '\0')
			return NULL;
		if (*p == ']' && !first)
			break;
		if (p[0] == '[' && p[1] == ':' &&
		    (end = strstr(p + 2, ":]")) != NULL) {
			is = __ctype_class(p + 2, (size_t)(end - p - 2));
			if (is != NULL && is(c))
				*ok = 1;
			p = end + 2;
			continue;
		}
		if (*p == '\\' && !(flags & FNM_NOESCAPE) && p[1] != '\0')
			p++;
		lo = (unsigned char)*p++;
		hi = lo;
		if (p[0] == '-' && p[1] != ']' && p[1] != '\0') {
			p++;
			if (*p == '\\' && !(flags & FNM_NOESCAPE) && p[1] != '\0')
				p++;
			hi = (unsigned char)*p++;
		}
		if ((fold(c, flags) >= fold(lo, flags) &&
		    fold(c, flags) <= fold(hi, flags)) || (c >= lo && c <= hi))
			*ok = 1;
	}
	if (neg)
		*ok = !*ok;
	return p + 1;
}

static int
match(const char *p, const char *s, const char *start, int flags)
{
	const char *next;
	int ok;

	for (;; p++, s++) {
		switch (*p) {
		case '\0':
			return *s == '\0' || ((flags & FNM_LEADING_DIR) &&
			    *s == '/') ? 0 : FNM_NOMATCH;
		case '?':
			if (*s == '\0' || (*s == '/' && (flags & FNM_PATHNAME)) ||
			    hidden(s, start, flags))
				return FNM_NOMATCH;
			break;
		case '*':
			while (p[1] == '*')
				p++;
			if (hidden(s, start, flags))
				return FNM_NOMATCH;
			/* Try every length, shortest first. */
			for (;; s++) {
				if (match(p + 1, s, start, flags) == 0)
					return 0;
				if (*s == '\0' || (*s == '/' &&
				    (flags & FNM_PATHNAME)))
					return FNM_NOMATCH;
			}
		case '[':
			if (*s == '\0' || (*s == '/' && (flags & FNM_PATHNAME)) ||
			    hidden(s, start, flags))
				return FNM_NOMATCH;
			if ((next = bracket(p + 1, (unsigned char)*s, flags,
			    &ok)) == NULL) {
				if (*s != '[')	/* no ']': a literal '[' */
					return FNM_NOMATCH;
				break;
			}
			if (!ok)
				return FNM_NOMATCH;
			p = next - 1;
			break;
		case '\\':
			if (!(flags & FNM_NOESCAPE) && p[1] != '\0')
				p++;
			/* FALLTHROUGH */
		default:
			if (fold((unsigned char)*p, flags) !=
			    fold((unsigned char)*s, flags))
				return FNM_NOMATCH;
			break;
		}
	}
}

int
fnmatch(const char *pattern, const char *string, int flags)
{
	return match(pattern, string, string, flags);
}
