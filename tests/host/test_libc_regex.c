// SOURCES: user/libc/regcomp.c user/libc/regexec.c user/libc/regerror.c user/libc/ctype_class.c
// CFLAGS: -fno-builtin -Itests/host/kinclude -Dregcomp=k_regcomp -Dregexec=k_regexec -Dregerror=k_regerror -Dregfree=k_regfree
/*
 * test_libc_regex.c - the regular expressions of user/libc (renamed k_*)
 * against glibc's: for basic and extended patterns, with REG_ICASE and
 * REG_NEWLINE, whether each compiles and matches each string, and where
 * the whole match lies (both follow POSIX's leftmost-longest rule), plus
 * the subexpressions where POSIX leaves no choice. The library uses
 * FreeBSD's regex_t and flag values (Kestrel's <regex.h>); glibc's are
 * spelt out here.
 */
#include <regex.h>
#include <stdio.h>
#include <string.h>

/* glibc's interface: its regex_t is opaque here, its offsets are ints. */
typedef struct {
	int	rm_so, rm_eo;
} glibc_regmatch_t;
#define G_EXTENDED	1
#define G_ICASE		2
#define G_NEWLINE	4
#define G_NOSUB		8
#undef regcomp
#undef regexec
#undef regfree
int	regcomp(void *, const char *, int);
int	regexec(const void *, const char *, size_t, glibc_regmatch_t *, int);
void	regfree(void *);

static int failures;

static int
glibc_flags(int f)
{
	return (f & REG_EXTENDED ? G_EXTENDED : 0) | (f & REG_ICASE ? G_ICASE :
	    0) | (f & REG_NEWLINE ? G_NEWLINE : 0) | (f & REG_NOSUB ? G_NOSUB :
	    0);
}

static const char *const strings[] = { "", "abc", "aabbcc", "xabcx",
	"abcd", "hello world", "Hello", "a\nb", "colour color", "aaaa",
	"abab", "123.45.6", "x*y", "a]b", "ab)", "xyzzy", "a.c abc", "b",
	"abbbbc", "ba", "aXb", "(a)" };

struct pat {
	const char	*re;
	int		flags;
	int		subs;		/* compare subexpressions too */
};

static const struct pat pats[] = {
	{ "abc", 0, 1 }, { "a.c", 0, 1 }, { "a*", 0, 1 }, { "^ab", 0, 1 },
	{ "bc$", 0, 1 }, { "a\\{2,3\\}", 0, 1 }, { "\\(ab\\)*c", 0, 1 },
	{ "\\(a\\)\\1", 0, 1 }, { "\\(ab\\)\\1", 0, 1 }, { "[a-c]x", 0, 1 },
	{ "[^a-c]", 0, 1 }, { "*a", 0, 1 }, { "x*", 0, 1 }, { "^*", 0, 1 },
	{ ".*", 0, 1 }, { "[]a]", 0, 1 }, { "[^]a]", 0, 1 },
	{ "[[:digit:]][[:digit:]]*", 0, 1 }, { "a\\.c", 0, 1 },
	{ "b*$", 0, 1 }, { "\\(b*\\)c", 0, 1 },
	{ "a|b", REG_EXTENDED, 1 }, { "a|ab", REG_EXTENDED, 1 },
	{ "(a|ab)(c|bcd)?", REG_EXTENDED, 0 }, { "b|bc|bcd", REG_EXTENDED, 1 },
	{ "(ab|a)(bc|c)", REG_EXTENDED, 0 },
	{ "a+", REG_EXTENDED, 1 }, { "ab?c", REG_EXTENDED, 1 },
	{ "a{2}", REG_EXTENDED, 1 }, { "(a|ab)(c|bcd)(d*)", REG_EXTENDED, 0 },
	{ "^$", REG_EXTENDED, 1 }, { "colou?r", REG_EXTENDED, 1 },
	{ "[[:alpha:]]+", REG_EXTENDED, 1 }, { "x(y|z)*", REG_EXTENDED, 0 },
	{ "(a*)*", REG_EXTENDED, 0 }, { "(a*)+b", REG_EXTENDED, 0 },
	{ "((a)|b)+", REG_EXTENDED, 0 }, { "\\.", REG_EXTENDED, 1 },
	{ "[0-9]{1,3}\\.[0-9]{1,3}", REG_EXTENDED, 1 },
	{ "(ab)+$", REG_EXTENDED, 0 }, { "a{1,}b{0,2}", REG_EXTENDED, 1 },
	{ "o(r|ur)", REG_EXTENDED, 1 }, { "[abc]{2,}", REG_EXTENDED, 1 },
	{ "\\(", REG_EXTENDED, 1 }, { "a**", REG_EXTENDED, 1 },
	{ "HeLLo", REG_ICASE, 1 }, { "[h-h]ELLO", REG_ICASE, 1 },
	{ "^b", REG_NEWLINE, 1 }, { "a$", REG_NEWLINE, 1 },
	{ "a.b", REG_NEWLINE, 1 }, { "a[^x]b", REG_NEWLINE, 1 },
	{ "a.b", 0, 1 }, { "^b", 0, 1 },
	/* Errors (both must refuse them). */
	{ "a\\{1", 0, 1 }, { "[abc", 0, 1 }, { "(ab", REG_EXTENDED, 1 },
	{ "\\(ab", 0, 1 }, { "ab\\", 0, 1 }, { "a{3,1}", REG_EXTENDED, 1 },
	{ "[[:nope:]]", 0, 1 }, { "[z-a]", 0, 1 }, { "\\(a\\)\\2", 0, 1 },
};

static void
check(const struct pat *p)
{
	regex_t kre;
	regmatch_t km[4];
	glibc_regmatch_t gm[4];
	union { char b[256]; long long align; } gre;
	int kc, gc, kr, gr, bad = 0, i;
	unsigned s;

	kc = k_regcomp(&kre, p->re, p->flags);
	gc = regcomp(&gre, p->re, glibc_flags(p->flags));
	if ((kc == 0) != (gc == 0)) {
		printf("FAIL regex: /%s/ flags %d compiles: %d, glibc %d\n",
		    p->re, p->flags, kc, gc);
		failures++;
		if (kc == 0)
			k_regfree(&kre);
		if (gc == 0)
			regfree(&gre);
		return;
	}
	if (kc != 0)
		return;
	for (s = 0; s < sizeof(strings) / sizeof(strings[0]) && !bad; s++) {
		memset(km, 0xff, sizeof(km));
		memset(gm, 0xff, sizeof(gm));
		kr = k_regexec(&kre, strings[s], 4, km, 0);
		gr = regexec(&gre, strings[s], 4, gm, 0);
		if (kr != gr || (kr == 0 && (km[0].rm_so != gm[0].rm_so ||
		    km[0].rm_eo != gm[0].rm_eo)))
			bad = 1;
		for (i = 1; i < 4 && kr == 0 && p->subs && !bad; i++)
			if (km[i].rm_so != gm[i].rm_so ||
			    km[i].rm_eo != gm[i].rm_eo)
				bad = 1;
		if (bad) {
			printf("FAIL regex: /%s/ flags %d on \"%s\": %d [%d,%d) "
			    "[%d,%d), glibc %d [%d,%d) [%d,%d)\n", p->re,
			    p->flags, strings[s], kr, (int)km[0].rm_so,
			    (int)km[0].rm_eo, (int)km[1].rm_so, (int)km[1].rm_eo,
			    gr, gm[0].rm_so, gm[0].rm_eo, gm[1].rm_so,
			    gm[1].rm_eo);
			failures++;
		}
		/* REG_NOSUB and nmatch 0 must agree on the verdict. */
		if (!bad && k_regexec(&kre, strings[s], 0, NULL, 0) != kr) {
			printf("FAIL regex: /%s/ without positions differs\n",
			    p->re);
			failures++;
			bad = 1;
		}
	}
	k_regfree(&kre);
	regfree(&gre);
}

/* FreeBSD refuses what glibc lets through; and regerror, REG_NOTBOL. */
static void
test_freebsd(void)
{
	regex_t re;
	regmatch_t m[1];
	char buf[64];
	int bad = 0;

	if (k_regcomp(&re, "ab)", REG_EXTENDED) != REG_EPAREN ||
	    k_regcomp(&re, "*a", REG_EXTENDED) != REG_BADRPT ||
	    k_regcomp(&re, "a|*b", REG_EXTENDED) != REG_BADRPT)
		bad = 1;
	if (k_regerror(REG_EBRACK, NULL, buf, sizeof(buf)) !=
	    strlen("brackets ([ ]) not balanced") + 1 ||
	    strcmp(buf, "brackets ([ ]) not balanced") != 0)
		bad = 1;
	if (k_regcomp(&re, "^a", 0) != 0 ||
	    k_regexec(&re, "a", 0, NULL, REG_NOTBOL) != REG_NOMATCH ||
	    k_regexec(&re, "a", 0, NULL, 0) != 0)
		bad = 1;
	k_regfree(&re);
	if (k_regcomp(&re, "b+", REG_EXTENDED) != 0)
		bad = 1;
	m[0].rm_so = 3;
	m[0].rm_eo = 6;
	if (k_regexec(&re, "bbxbbbb", 1, m, REG_STARTEND) != 0 ||
	    m[0].rm_so != 3 || m[0].rm_eo != 6)
		bad = 1;
	k_regfree(&re);
	/* Exponential backtracking ends with REG_ESPACE, not a hang. */
	if (k_regcomp(&re, "(a*)*(a*)*(a*)*(a*)*b", REG_EXTENDED) != 0 ||
	    k_regexec(&re, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	    1, m, 0) != REG_ESPACE)
		bad = 1;
	k_regfree(&re);
	failures += bad;
	printf("%s regex_freebsd\n", bad ? "FAIL" : "PASS");
}

int
main(void)
{
	unsigned i;
	int before = failures;

	for (i = 0; i < sizeof(pats) / sizeof(pats[0]); i++)
		check(&pats[i]);
	if (failures == before)
		printf("PASS regex_glibc\n");
	test_freebsd();
	return failures != 0;
}
