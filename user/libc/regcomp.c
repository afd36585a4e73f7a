/*
 * regcomp.c - compiling POSIX regular expressions (see regex_impl.h for
 * the compiled form) and regfree.
 *
 * Basic syntax (the default): . [...] ^ at the start, $ at the end, * (a
 * literal when it comes first), \{m,n\}, \( \) and the back-references
 * \1 to \9; a backslash before any other character makes it literal.
 * Extended syntax (REG_EXTENDED): . [...] ^ $ ( ) | * + ? {m,n}; a
 * repetition operator with nothing before it is REG_BADRPT. Bracket
 * expressions have ranges, a leading ^, a leading ] and the classes
 * [:alpha:] and friends of the C locale. REG_ICASE, REG_NOSUB,
 * REG_NEWLINE and REG_NOSPEC (the whole pattern is literal) work as POSIX
 * and FreeBSD say.
 */
#include <ctype.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include "ctype_class.h"
#include "regex_impl.h"

#define MAXALTS		64	/* alternatives in one group */
#define MAXDEPTH	64	/* nested groups */
#define MAXREPEAT	255	/* the largest count in {m,n} (RE_DUP_MAX) */

struct parser {
	struct re_guts	*g;
	const char	*p, *end;
	int		ere;
	int		err;
	int		depth;
};

/* Grows *arr (of *cap elements of size sz) to hold n + 1; 0 or -1. */
static int
grow(void **arr, int *cap, int n, size_t sz)
{
	void *grown;
	int ncap;

	if (n < *cap)
		return 0;
	ncap = *cap ? *cap * 2 : 16;
	if ((grown = realloc(*arr, (size_t)ncap * sz)) == NULL)
		return -1;
	*arr = grown;
	*cap = ncap;
	return 0;
}

static int
new_node(struct parser *ps, enum rtype type)
{
	struct re_guts *g = ps->g;
	struct rnode *r;

	if (grow((void **)&g->nodes, &g->capnodes, g->nnodes,
	    sizeof(*g->nodes)) == -1) {
		ps->err = REG_ESPACE;
		return -1;
	}
	r = &g->nodes[g->nnodes];
	memset(r, 0, sizeof(*r));
	r->type = type;
	r->min = r->max = 1;
	r->next = -1;
	r->group = -1;
	return g->nnodes++;
}

static int
new_set(struct parser *ps)
{
	struct re_guts *g = ps->g;

	if (grow((void **)&g->sets, &g->capsets, g->nsets,
	    sizeof(*g->sets)) == -1) {
		ps->err = REG_ESPACE;
		return -1;
	}
	memset(g->sets[g->nsets], 0, sizeof(g->sets[0]));
	return g->nsets++;
}

/* With REG_ICASE a letter stands for both its cases. */
static void
fold_set(unsigned char *set)
{
	int c;

	for (c = 'a'; c <= 'z'; c++)
		if (SET_HAS(set, c) || SET_HAS(set, toupper(c))) {
			SET_ADD(set, c);
			SET_ADD(set, toupper(c));
		}
}

static int
class_add(unsigned char *set, const char *name, size_t len)
{
	int (*is)(int) = __ctype_class(name, len);
	int c;

	if (is == NULL)
		return -1;
	for (c = 0; c < 256; c++)
		if (is(c))
			SET_ADD(set, c);
	return 0;
}

/* A bracket expression; ps->p is just past the '['. Returns a node. */
static int
bracket(struct parser *ps)
{
	int n, s, neg = 0, first = 1, lo, hi, c;
	unsigned char *set;
	const char *close;

	if ((n = new_node(ps, R_SET)) == -1 || (s = new_set(ps)) == -1)
		return -1;
	ps->g->nodes[n].set = s;
	set = ps->g->sets[s];
	if (ps->p < ps->end && *ps->p == '^') {
		neg = 1;
		ps->p++;
	}
	for (;; first = 0) {
		if (ps->p >= ps->end) {
			ps->err = REG_EBRACK;
			return -1;
		}
		if (*ps->p == ']' && !first)
			break;
		if (ps->p[0] == '[' && ps->p + 1 < ps->end &&
		    (ps->p[1] == ':' || ps->p[1] == '.' || ps->p[1] == '=')) {
			c = ps->p[1];
			for (close = ps->p + 2; close + 1 < ps->end &&
			    !(close[0] == c && close[1] == ']'); close++)
				;
			if (close + 1 >= ps->end) {
				ps->err = REG_EBRACK;
				return -1;
			}
			if (c == ':') {
				if (class_add(set, ps->p + 2,
				    (size_t)(close - ps->p - 2)) == -1) {
					ps->err = REG_ECTYPE;
					return -1;
				}
			} else if (close - ps->p - 2 == 1)
				SET_ADD(set, (unsigned char)ps->p[2]);
			else {		/* no multi-character collating elements */
				ps->err = REG_ECOLLATE;
				return -1;
			}
			ps->p = close + 2;
			continue;
		}
		lo = (unsigned char)*ps->p++;
		hi = lo;
		if (ps->p + 1 < ps->end && ps->p[0] == '-' && ps->p[1] != ']') {
			hi = (unsigned char)ps->p[1];
			ps->p += 2;
			if (hi < lo) {
				ps->err = REG_ERANGE;
				return -1;
			}
		}
		for (c = lo; c <= hi; c++)
			SET_ADD(set, c);
	}
	ps->p++;
	if (ps->g->cflags & REG_ICASE)
		fold_set(set);
	if (neg) {
		for (c = 0; c < 32; c++)
			set[c] = (unsigned char)~set[c];
		if (ps->g->cflags & REG_NEWLINE)
			set['\n' >> 3] &= (unsigned char)~(1 << ('\n' & 7));
	}
	return n;
}

/* A literal byte (a set of both cases with REG_ICASE). */
static int
literal(struct parser *ps, int c)
{
	int n, s;

	if ((ps->g->cflags & REG_ICASE) && isalpha(c)) {
		if ((n = new_node(ps, R_SET)) == -1 || (s = new_set(ps)) == -1)
			return -1;
		ps->g->nodes[n].set = s;
		SET_ADD(ps->g->sets[s], c);
		fold_set(ps->g->sets[s]);
		return n;
	}
	if ((n = new_node(ps, R_CHAR)) != -1)
		ps->g->nodes[n].c = (unsigned char)c;
	return n;
}

static int parse_group(struct parser *, int group);

/* Reads the m,n of an interval (after the '{'); -1 on a bad one. */
static int
interval(struct parser *ps, int *min, int *max)
{
	int v = 0, have = 0;

	for (; ps->p < ps->end && isdigit((unsigned char)*ps->p); ps->p++) {
		v = v * 10 + (*ps->p - '0');
		have = 1;
		if (v > MAXREPEAT) {
			ps->err = REG_BADBR;
			return -1;
		}
	}
	if (!have) {
		ps->err = REG_BADBR;
		return -1;
	}
	*min = *max = v;
	if (ps->p < ps->end && *ps->p == ',') {
		ps->p++;
		*max = -1;
		if (ps->p < ps->end && isdigit((unsigned char)*ps->p)) {
			for (v = 0; ps->p < ps->end &&
			    isdigit((unsigned char)*ps->p); ps->p++)
				if ((v = v * 10 + (*ps->p - '0')) > MAXREPEAT) {
					ps->err = REG_BADBR;
					return -1;
				}
			*max = v;
		}
	}
	if (ps->ere ? (ps->p < ps->end && *ps->p == '}') :
	    (ps->p + 1 < ps->end && ps->p[0] == '\\' && ps->p[1] == '}'))
		ps->p += ps->ere ? 1 : 2;
	else {
		ps->err = REG_EBRACE;
		return -1;
	}
	if (*max >= 0 && *max < *min) {
		ps->err = REG_BADBR;
		return -1;
	}
	return 0;
}

/*
 * Gives node n the repetition min..max; a node that repeats already is
 * first wrapped in a group of its own ("a**", "(a){2}{3}").
 */
static int
repeat(struct parser *ps, int n, int min, int max)
{
	struct re_guts *g = ps->g;
	int w;

	if (g->nodes[n].min != 1 || g->nodes[n].max != 1) {
		if ((w = new_node(ps, R_GROUP)) == -1 ||
		    grow((void **)&g->alts, &g->capalts, g->nalts,
		    sizeof(int)) == -1) {
			ps->err = REG_ESPACE;
			return -1;
		}
		g->nodes[w].nalt = 1;
		g->nodes[w].alt = g->nalts;
		g->alts[g->nalts++] = n;
		n = w;
	}
	g->nodes[n].min = min;
	g->nodes[n].max = max;
	return n;
}

/* One atom and what repeats it; *done says the sequence ends here. */
static int
parse_atom(struct parser *ps, int at_start, int *done)
{
	const char *p = ps->p;
	int n, c, min, max;

	*done = 0;
	c = (unsigned char)*p;
	if (ps->g->cflags & REG_NOSPEC) {
		ps->p++;
		return literal(ps, c);
	}
	if (ps->ere) {
		if (c == '|' || c == ')') {
			*done = 1;
			return -1;
		}
		if (c == '*' || c == '+' || c == '?' || (c == '{' &&
		    p + 1 < ps->end && isdigit((unsigned char)p[1]))) {
			ps->err = REG_BADRPT;
			return -1;
		}
	} else if (c == '\\' && p + 1 < ps->end && p[1] == ')') {
		*done = 1;
		return -1;
	}
	ps->p++;
	if (c == '.')
		n = new_node(ps, R_ANY);
	else if (c == '[')
		n = bracket(ps);
	else if (c == '^' && (ps->ere || at_start))
		n = new_node(ps, R_BOL);
	else if (c == '$' && (ps->ere || ps->p == ps->end ||
	    (ps->p + 1 < ps->end && ps->p[0] == '\\' && ps->p[1] == ')')))
		n = new_node(ps, R_EOL);
	else if (c == '(' && ps->ere)
		n = parse_group(ps, ++ps->g->nsub);
	else if (c == '\\') {
		if (ps->p >= ps->end) {
			ps->err = REG_EESCAPE;
			return -1;
		}
		c = (unsigned char)*ps->p++;
		if (!ps->ere && c == '(')
			n = parse_group(ps, ++ps->g->nsub);
		else if (!ps->ere && c >= '1' && c <= '9') {
			if (c - '0' > ps->g->nsub) {
				ps->err = REG_ESUBREG;
				return -1;
			}
			if ((n = new_node(ps, R_BACKREF)) != -1)
				ps->g->nodes[n].group = c - '0';
		} else
			n = literal(ps, c);
	} else if (c == '*' && !ps->ere && at_start)
		n = literal(ps, c);	/* a leading '*' is an ordinary char */
	else
		n = literal(ps, c);
	if (n == -1)
		return -1;
	for (;;) {			/* the repetition operators */
		p = ps->p;
		if (p >= ps->end || !(*p == '*' || (ps->ere ? (*p == '+' ||
		    *p == '?' || (*p == '{' && p + 1 < ps->end &&
		    isdigit((unsigned char)p[1]))) : (*p == '\\' &&
		    p + 1 < ps->end && p[1] == '{'))))
			break;
		if (ps->g->nodes[n].type == R_BOL ||
		    ps->g->nodes[n].type == R_EOL) {
			if (ps->ere) {	/* "^*": nothing to repeat */
				ps->err = REG_BADRPT;
				return -1;
			}
			break;		/* basic: the '*' is a literal next */
		}
		if (*p == '*') {
			min = 0;
			max = -1;
			ps->p++;
		} else if (*p == '+' || *p == '?') {
			min = *p == '+';
			max = *p == '+' ? -1 : 1;
			ps->p++;
		} else {
			ps->p += ps->ere ? 1 : 2;
			if (interval(ps, &min, &max) == -1)
				return -1;
		}
		if ((n = repeat(ps, n, min, max)) == -1)
			return -1;
	}
	return n;
}

/* A sequence of atoms; returns its first node, or -1 (empty, or error). */
static int
parse_seq(struct parser *ps)
{
	int first = -1, last = -1, n, done;

	while (ps->p < ps->end && !ps->err) {
		n = parse_atom(ps, first == -1, &done);
		if (done || n == -1)
			break;
		if (last == -1)
			first = n;
		else
			ps->g->nodes[last].next = n;
		last = n;
	}
	return first;
}

/* A group: alternatives up to the closing parenthesis (or the end). */
static int
parse_group(struct parser *ps, int group)
{
	struct re_guts *g = ps->g;
	int starts[MAXALTS], nalt = 0, n, i, closed = 0;

	if (++ps->depth > MAXDEPTH) {
		ps->err = REG_ESPACE;
		return -1;
	}
	for (;;) {
		starts[nalt++] = parse_seq(ps);
		if (ps->err)
			return -1;
		if (ps->p < ps->end && ps->ere && *ps->p == '|' &&
		    nalt < MAXALTS) {
			ps->p++;
			continue;
		}
		if (ps->p < ps->end && ps->ere && *ps->p == '|') {
			ps->err = REG_ESPACE;
			return -1;
		}
		break;
	}
	if (group > 0) {
		if (ps->ere && ps->p < ps->end && *ps->p == ')') {
			ps->p++;
			closed = 1;
		} else if (!ps->ere && ps->p + 1 < ps->end &&
		    ps->p[0] == '\\' && ps->p[1] == ')') {
			ps->p += 2;
			closed = 1;
		}
		if (!closed) {
			ps->err = REG_EPAREN;
			return -1;
		}
	} else if (ps->p < ps->end) {	/* a ')' with no '(' */
		ps->err = REG_EPAREN;
		return -1;
	}
	if ((n = new_node(ps, R_GROUP)) == -1)
		return -1;
	g->nodes[n].group = group;
	g->nodes[n].nalt = nalt;
	g->nodes[n].alt = g->nalts;
	for (i = 0; i < nalt; i++) {
		if (grow((void **)&g->alts, &g->capalts, g->nalts,
		    sizeof(int)) == -1) {
			ps->err = REG_ESPACE;
			return -1;
		}
		g->alts[g->nalts++] = starts[i];
	}
	ps->depth--;
	return n;
}

static void
free_guts(struct re_guts *g)
{
	if (g == NULL)
		return;
	free(g->nodes);
	free(g->sets);
	free(g->alts);
	free(g);
}

int
regcomp(regex_t *__restrict re, const char *__restrict pattern, int cflags)
{
	struct parser ps;
	struct re_guts *g;

	if ((cflags & REG_EXTENDED) && (cflags & REG_NOSPEC))
		return REG_INVARG;
	if ((g = calloc(1, sizeof(*g))) == NULL)
		return REG_ESPACE;
	g->cflags = cflags;
	ps.g = g;
	ps.p = pattern;
	ps.end = (cflags & REG_PEND) ? re->re_endp : pattern + strlen(pattern);
	ps.ere = (cflags & REG_EXTENDED) != 0;
	ps.err = 0;
	ps.depth = 0;
	if (ps.end < ps.p) {
		free_guts(g);
		return REG_INVARG;
	}
	g->top = parse_group(&ps, 0);
	if (ps.err) {
		free_guts(g);
		return ps.err;
	}
	re->re_magic = RE_MAGIC;
	re->re_nsub = (size_t)g->nsub;
	re->re_g = g;
	return 0;
}

void
regfree(regex_t *re)
{
	if (re->re_magic != RE_MAGIC)
		return;
	free_guts(re->re_g);
	re->re_g = NULL;
	re->re_magic = 0;
}
