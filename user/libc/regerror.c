/* regerror.c - the message for each of <regex.h>'s error codes. */
#include <regex.h>
#include <stdio.h>
#include <string.h>

size_t
regerror(int code, const regex_t *__restrict re, char *__restrict buf,
    size_t size)
{
	static const char *const msgs[] = {
		"success", "regexec() failed to match",
		"invalid regular expression", "invalid collating element",
		"invalid character class", "trailing backslash (\\)",
		"invalid backreference number", "brackets ([ ]) not balanced",
		"parentheses not balanced", "braces not balanced",
		"invalid repetition count(s)", "invalid character range",
		"out of memory", "repetition-operator operand invalid",
		"empty (sub)expression", "\"can't happen\" -- you found a bug",
		"invalid argument to regex routine", "illegal byte sequence",
	};
	const char *msg = code >= 0 && code < (int)(sizeof(msgs) /
	    sizeof(msgs[0])) ? msgs[code] : "unknown regex error";

	(void)re;
	if (size > 0)
		snprintf(buf, size, "%s", msg);
	return strlen(msg) + 1;
}
