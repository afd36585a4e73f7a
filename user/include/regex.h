/*
 * regex.h - POSIX regular expressions (regcomp, regexec, regerror,
 * regfree), FreeBSD's names, values and layouts. Basic (BRE) and extended
 * (ERE) syntax; see user/libc/regcomp.c for what is understood.
 */
#ifndef _REGEX_H_
#define _REGEX_H_

#include <sys/types.h>

typedef off_t	regoff_t;

typedef struct {
	int		re_magic;
	size_t		re_nsub;	/* number of parenthesized subexpressions */
	const char	*re_endp;	/* end pointer for REG_PEND */
	struct re_guts	*re_g;		/* the compiled program */
} regex_t;

typedef struct {
	regoff_t	rm_so;		/* start of match */
	regoff_t	rm_eo;		/* end of match */
} regmatch_t;

/* regcomp() flags */
#define REG_BASIC	0000
#define REG_EXTENDED	0001
#define REG_ICASE	0002
#define REG_NOSUB	0004
#define REG_NEWLINE	0010
#define REG_NOSPEC	0020
#define REG_PEND	0040

/* errors */
#define REG_NOMATCH	 1
#define REG_BADPAT	 2
#define REG_ECOLLATE	 3
#define REG_ECTYPE	 4
#define REG_EESCAPE	 5
#define REG_ESUBREG	 6
#define REG_EBRACK	 7
#define REG_EPAREN	 8
#define REG_EBRACE	 9
#define REG_BADBR	10
#define REG_ERANGE	11
#define REG_ESPACE	12
#define REG_BADRPT	13
#define REG_EMPTY	14
#define REG_ASSERT	15
#define REG_INVARG	16
#define REG_ILLSEQ	17

/* regexec() flags */
#define REG_NOTBOL	00001
#define REG_NOTEOL	00002
#define REG_STARTEND	00004

int	regcomp(regex_t *__restrict, const char *__restrict, int);
size_t	regerror(int, const regex_t *__restrict, char *__restrict, size_t);
int	regexec(const regex_t *__restrict, const char *__restrict, size_t,
	    regmatch_t *__restrict, int);
void	regfree(regex_t *);

#endif
