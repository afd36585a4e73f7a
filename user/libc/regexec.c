/*
 * regexec.c - running a compiled regular expression by backtracking.
 *
 * From each starting position in turn (the leftmost match wins), seq()
 * walks the pattern's nodes; an atom that repeats tries its largest count
 * first, a group tries one more iteration before stopping, and what is
 * still to do after a group's iteration travels as a chain of
 * continuations (struct cont) on the C stack. When the caller wants the
 * positions, every way of matching at that start is tried and the longest
 * kept, which is POSIX's leftmost-longest rule for the whole match; the
 * subexpressions are those of the first longest way found. Without
 * positions (REG_NOSUB), the first way that matches ends the search.
 * A pattern that would take too long on its input (more than STEP_LIMIT
 * steps) gives REG_ESPACE instead of hanging.
 */
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include "regex_impl.h"

#define STEP_LIMIT	2000000L
#define MAXSUB		32	/* subexpressions whose positions are kept */

/* What remains after an iteration of the group `node'. */
struct cont {
	int			node;
	int			count;	/* iterations done, this one included */
	const char		*start;	/* where this iteration began */
	const struct cont	*up;	/* and after the group */
};

struct match {
	const struct re_guts	*g;
	const char	*base;		/* offsets count from here */
	const char	*str, *end;	/* the text searched */
	int		eflags;
	int		first;		/* any match will do */
	int		nsub;		/* captures kept: groups 0 .. nsub - 1 */
	regoff_t	so[MAXSUB], eo[MAXSUB];
	regoff_t	bso[MAXSUB], beo[MAXSUB];	/* the best so far */
	const char	*best_end;
	int		found;
	long		steps;
};

static int seq(struct match *, int, const char *, const struct cont *);

static int
at_bol(const struct match *m, const char *s)
{
	if (s == m->str)
		return !(m->eflags & REG_NOTBOL);
	return (m->g->cflags & REG_NEWLINE) && s[-1] == '\n';
}

static int
at_eol(const struct match *m, const char *s)
{
	if (s == m->end)
		return !(m->eflags & REG_NOTEOL);
	return (m->g->cflags & REG_NEWLINE) && *s == '\n';
}

static int
one(const struct match *m, const struct rnode *r, unsigned char c)
{
	switch (r->type) {
	case R_CHAR:
		return c == r->c;
	case R_ANY:
		return !(c == '\n' && (m->g->cflags & REG_NEWLINE));
	default:
		return SET_HAS(m->g->sets[r->set], c) != 0;
	}
}

/* The end of the pattern reached at s: a match. Returns 1 to stop. */
static int
matched(struct match *m, const char *s)
{
	if (!m->found || s > m->best_end) {
		memcpy(m->bso, m->so, sizeof(m->so));
		memcpy(m->beo, m->eo, sizeof(m->eo));
		m->beo[0] = s - m->base;
		m->best_end = s;
		m->found = 1;
	}
	return m->first;
}

/* Iteration `count' + 1 of group n at s, or stopping after count. */
static int
group(struct match *m, int n, const char *s, int count,
    const struct cont *k)
{
	const struct rnode *r = &m->g->nodes[n];
	struct cont c = { n, count + 1, s, k };
	regoff_t oso = 0;
	int i, cap = r->group >= 0 && r->group < m->nsub;

	if (r->max < 0 || count < r->max) {
		if (cap) {
			oso = m->so[r->group];
			m->so[r->group] = s - m->base;
		}
		for (i = 0; i < r->nalt; i++)
			if (seq(m, m->g->alts[r->alt + i], s, &c))
				return 1;
		if (cap)
			m->so[r->group] = oso;
	}
	if (count >= r->min)
		return seq(m, r->next, s, k);
	return 0;
}

/* Carries on after what the continuation k stands for. */
static int
resume(struct match *m, const char *s, const struct cont *k)
{
	const struct rnode *r;
	regoff_t oeo = 0;
	int res, cap;

	if (k == NULL)
		return matched(m, s);
	r = &m->g->nodes[k->node];
	cap = r->group >= 0 && r->group < m->nsub;
	if (cap) {
		oeo = m->eo[r->group];
		m->eo[r->group] = s - m->base;
	}
	/* An iteration that matched nothing would loop forever: stop. */
	if (s == k->start && k->count > r->min)
		res = seq(m, r->next, s, k->up);
	else
		res = group(m, k->node, s, k->count, k->up);
	if (cap)
		m->eo[r->group] = oeo;
	return res;
}

/* What group g matched, for a back-reference; -1 if it matched nothing yet. */
static long
captured(const struct match *m, int g, const char **p)
{
	if (g >= m->nsub || m->so[g] < 0 || m->eo[g] < m->so[g])
		return -1;
	*p = m->base + m->so[g];
	return (long)(m->eo[g] - m->so[g]);
}

/* Matches node n and the rest of its sequence at s. Returns 1 to stop. */
static int
seq(struct match *m, int n, const char *s, const struct cont *k)
{
	const struct rnode *r;
	const char *ref;
	long len, cnt;

	if (++m->steps > STEP_LIMIT)
		return 1;
	if (n < 0)
		return resume(m, s, k);
	r = &m->g->nodes[n];
	switch (r->type) {
	case R_GROUP:
		return group(m, n, s, 0, k);
	case R_BOL:
		return at_bol(m, s) && seq(m, r->next, s, k);
	case R_EOL:
		return at_eol(m, s) && seq(m, r->next, s, k);
	case R_BACKREF:
		if ((len = captured(m, r->group, &ref)) < 0)
			return 0;
		for (cnt = 0; (r->max < 0 || cnt < r->max) && len > 0 &&
		    m->end - s - cnt * len >= len &&
		    memcmp(s + cnt * len, ref, (size_t)len) == 0; cnt++)
			;
		if (len == 0)
			cnt = r->min;
		for (; cnt >= r->min; cnt--)
			if (seq(m, r->next, s + cnt * len, k))
				return 1;
		return 0;
	default:
		for (cnt = 0; (r->max < 0 || cnt < r->max) && s + cnt < m->end &&
		    one(m, r, (unsigned char)s[cnt]); cnt++)
			;
		for (; cnt >= r->min; cnt--)
			if (seq(m, r->next, s + cnt, k))
				return 1;
		return 0;
	}
}

int
regexec(const regex_t *__restrict re, const char *__restrict string,
    size_t nmatch, regmatch_t *__restrict pmatch, int eflags)
{
	struct match *m;
	const char *s;
	size_t i;
	int r = REG_NOMATCH;

	if (re->re_magic != RE_MAGIC || re->re_g == NULL)
		return REG_BADPAT;
	if ((m = malloc(sizeof(*m))) == NULL)
		return REG_ESPACE;
	m->g = re->re_g;
	m->base = string;
	m->str = string;
	m->end = string + strlen(string);
	if ((eflags & REG_STARTEND) && pmatch != NULL) {
		m->str = string + pmatch[0].rm_so;
		m->end = string + pmatch[0].rm_eo;
	}
	m->eflags = eflags;
	m->first = nmatch == 0 || (m->g->cflags & REG_NOSUB);
	m->nsub = m->g->nsub + 1 < MAXSUB ? m->g->nsub + 1 : MAXSUB;
	m->found = 0;
	m->steps = 0;
	for (s = m->str; s <= m->end && !m->found; s++) {
		for (i = 0; i < MAXSUB; i++)
			m->so[i] = m->eo[i] = -1;
		group(m, m->g->top, s, 0, NULL);
		if (m->steps > STEP_LIMIT)
			break;
	}
	if (m->found) {
		r = 0;
		for (i = 0; !m->first && i < nmatch; i++) {
			pmatch[i].rm_so = i < (size_t)m->nsub ? m->bso[i] : -1;
			pmatch[i].rm_eo = i < (size_t)m->nsub ? m->beo[i] : -1;
		}
	} else if (m->steps > STEP_LIMIT)
		r = REG_ESPACE;
	free(m);
	return r;
}
