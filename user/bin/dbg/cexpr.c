/*
 * cexpr.c - C expressions with gdb's rules, for print, display, set var,
 * x, break and watch.
 *
 *	expr := assign; assign := or ['=' assign]; or := and {'||' and} ...
 *	unary := ('-' | '!' | '~' | '*' | '&' | '(' TYPE ')' | sizeof) unary
 *	postfix := primary { '[' expr ']' | '.' NAME | '->' NAME } ['@' unary]
 *	primary := NUMBER | 'c' | NAME | $REG | $N | '(' expr ')'
 *
 * Precedence climbing over the binary operators (cexpr_ops.c does the
 * arithmetic with C's conversions). A name is looked up where the program
 * is stopped (scope.c): the selected frame's blocks, its function's
 * arguments, then globals, functions, enumerators and ELF symbols. Every
 * error is printed here in gdb's words.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dbg.h"

struct parser {
	struct dbg	*d;
	const char	*s, *start;
	int		effects;	/* assignments allowed */
	int		noside;		/* sizeof's operand: no memory reads */
};

static int assign(struct parser *p, struct value *v);
static int unary(struct parser *p, struct value *v);

static void
skip(struct parser *p)
{
	while (isspace((unsigned char)*p->s))
		p->s++;
}

static int
syntax(struct parser *p)
{
	printf("A syntax error in expression, near `%s'.\n", p->s);
	return -1;
}

static int
accept(struct parser *p, const char *tok)
{
	size_t n = strlen(tok);

	skip(p);
	if (strncmp(p->s, tok, n) != 0)
		return 0;
	/* "<" is not the start of "<<", "&" not of "&&", and so on. */
	if (n == 1 && strchr("<>&|=", tok[0]) && p->s[1] == tok[0])
		return 0;
	if (n == 1 && strchr("<>!=", tok[0]) && p->s[1] == '=')
		return 0;
	if ((n == 1 && tok[0] == '-' && p->s[1] == '>'))
		return 0;
	p->s += n;
	return 1;
}

/*
 * A decimal floating-point literal at s; *end past it. The digits are
 * gathered as an integer and scaled by an exact power of ten once, so a
 * literal of up to 15 significant digits comes out correctly rounded.
 */
static double
decimal(const char *s, const char **end)
{
	uint64_t m = 0;
	int exp = 0, e = 0, eneg = 0;
	double x, p10 = 1;

	for (; isdigit((unsigned char)*s); s++)
		if (m < 100000000000000000ULL)
			m = m * 10 + (*s - '0');
		else
			exp++;
	if (*s == '.')
		for (s++; isdigit((unsigned char)*s); s++)
			if (m < 100000000000000000ULL) {
				m = m * 10 + (*s - '0');
				exp--;
			}
	if (*s == 'e' || *s == 'E') {
		const char *t = s + 1;

		if (*t == '-' || *t == '+')
			eneg = *t++ == '-';
		if (isdigit((unsigned char)*t)) {
			for (; isdigit((unsigned char)*t); t++)
				e = e < 1000 ? e * 10 + (*t - '0') : e;
			s = t;
			exp += eneg ? -e : e;
		}
	}
	*end = s;
	x = (double)m;
	for (e = exp < 0 ? -exp : exp; e > 0; e--)
		p10 *= 10;
	return exp < 0 ? x / p10 : x * p10;
}

static int
number(struct parser *p, struct value *v)
{
	const char *s = p->s, *e;
	unsigned long long u;
	double x;
	int is_float = 0;

	for (e = s; isalnum((unsigned char)*e) || *e == '.'; e++)
		if (*e == '.' || ((*e == 'e' || *e == 'E') && !(s[0] == '0' &&
		    (s[1] == 'x' || s[1] == 'X'))))
			is_float = 1;
	if (is_float) {
		const char *end;

		x = decimal(s, &end);
		if (*end == 'f' || *end == 'F') {
			value_from_double(v, type_base(p->d, "float"), x);
			end++;
		} else
			value_from_double(v, type_base(p->d, "double"), x);
		if (end != e) {
			printf("Invalid number \"%.*s\".\n", (int)(e - s), s);
			return -1;
		}
		p->s = e;
		return 0;
	}
	u = strtoull(s, (char **)&e, 0);
	while (*e == 'u' || *e == 'U' || *e == 'l' || *e == 'L')
		e++;
	if (isalnum((unsigned char)*e) || *e == '_') {
		printf("Invalid number \"%.*s\".\n", (int)strcspn(s, " \t+-*/)"),
		    s);
		return -1;
	}
	value_from_int(p->d, v, type_base(p->d, u <= 0x7fffffff ? "int" :
	    u <= 0xffffffffULL ? "unsigned int" : "long long int"), (int64_t)u);
	p->s = e;
	return 0;
}

static int
char_literal(struct parser *p, struct value *v)
{
	const char *s = p->s + 1;
	int c = (unsigned char)*s++;

	if (c == '\\') {
		static const char esc[] = "abfnrtv", val[] = "\a\b\f\n\r\t\v";
		const char *q = strchr(esc, *s);

		if (*s >= '0' && *s <= '7')
			c = strtol(s, (char **)&s, 8);
		else if (*s == 'x')
			c = strtol(s + 1, (char **)&s, 16);
		else
			c = q != NULL && *q ? val[q - esc] : *s, s++;
	}
	if (*s != '\'')
		return syntax(p);
	value_from_int(p->d, v, type_base(p->d, "char"), (signed char)c);
	p->s = s + 1;
	return 0;
}

static int
primary(struct parser *p, struct value *v)
{
	char name[64];
	size_t n = 0;

	skip(p);
	memset(v, 0, sizeof(*v));
	if (isdigit((unsigned char)*p->s) || (*p->s == '.' &&
	    isdigit((unsigned char)p->s[1])))
		return number(p, v);
	if (*p->s == '\'')
		return char_literal(p, v);
	if (*p->s == '(') {
		p->s++;
		if (assign(p, v) != 0)
			return -1;
		return accept(p, ")") ? 0 : syntax(p);
	}
	if (*p->s == '$' || isalpha((unsigned char)*p->s) || *p->s == '_') {
		if (*p->s == '$')
			name[n++] = *p->s++;
		while ((isalnum((unsigned char)*p->s) || *p->s == '_' ||
		    *p->s == '$') && n < sizeof(name) - 1)
			name[n++] = *p->s++;
		name[n] = '\0';
		if (name[0] == '$')
			return dollar(p->d, name, v);
		return scope_value(p->d, name, v);
	}
	if (*p->s == '"') {
		printf("Strings are not supported in dbg's expressions.\n");
		return -1;
	}
	if (*p->s == '\0' && p->s == p->start) {
		printf("Argument required (expression to compute).\n");
		return -1;
	}
	return syntax(p);
}

/* v[index]: the element, an lvalue in memory. */
static int
subscript(struct parser *p, struct value *v, struct value *index)
{
	struct type *t = type_strip(v->t);
	uint32_t base;

	if (t->kind == TY_ARRAY && v->where == V_MEM)
		base = v->addr;
	else if (t->kind == TY_PTR) {
		if (value_fetch(p->d, v) != 0)
			return -1;
		base = (uint32_t)value_as_int(v);
	} else {
		printf("cannot subscript something of type `%s'\n",
		    t->name ? t->name : "?");
		return -1;
	}
	if (value_fetch(p->d, index) != 0)
		return -1;
	return value_at(p->d, v, t->target, base +
	    (uint32_t)value_as_int(index) * type_strip(t->target)->size,
	    p->noside);
}

/* v.name (arrow: v->name). */
static int
member(struct parser *p, struct value *v, int arrow)
{
	struct type *t = type_strip(v->t);
	const struct dw_die *m;
	char name[64];
	size_t n = 0;
	uint32_t base;

	skip(p);
	while ((isalnum((unsigned char)*p->s) || *p->s == '_') &&
	    n < sizeof(name) - 1)
		name[n++] = *p->s++;
	name[n] = '\0';
	if (n == 0)
		return syntax(p);
	if (arrow || t->kind == TY_PTR) {
		if (t->kind != TY_PTR || value_fetch(p->d, v) != 0) {
			if (t->kind != TY_PTR)
				printf("The -> operator needs a pointer.\n");
			return -1;
		}
		base = (uint32_t)value_as_int(v);
		t = type_strip(t->target);
	} else
		base = v->addr;
	if (t == NULL || (t->kind != TY_STRUCT && t->kind != TY_UNION)) {
		printf("Attempt to extract a component of a value that is not "
		    "a structure%s.\n", arrow ? " pointer" : "");
		return -1;
	}
	for (m = t->die ? t->die->child : NULL; m != NULL; m = m->sibling)
		if (m->tag == DW_TAG_member && m->name &&
		    strcmp(m->name, name) == 0)
			break;
	if (m == NULL) {
		printf("There is no member named %s.\n", name);
		return -1;
	}
	if (v->where != V_MEM && !arrow && t == type_strip(v->t)) {
		struct value whole = *v;

		v->t = type_of_die(p->d, m->type);
		memmove(v->b, whole.b + m->member_off,
		    VAL_BYTES - m->member_off);
		return 0;
	}
	return value_at(p->d, v, type_of_die(p->d, m->type),
	    base + m->member_off, p->noside);
}

static int
postfix(struct parser *p, struct value *v)
{
	struct value i;

	if (primary(p, v) != 0)
		return -1;
	for (;;) {
		if (accept(p, "[")) {
			if (assign(p, &i) != 0)
				return -1;
			if (!accept(p, "]"))
				return syntax(p);
			if (subscript(p, v, &i) != 0)
				return -1;
		} else if (accept(p, "->")) {
			if (member(p, v, 1) != 0)
				return -1;
		} else if (accept(p, ".")) {
			if (member(p, v, 0) != 0)
				return -1;
		} else
			return 0;
	}
}

/* "(TYPE)" at p->s: the type, p->s past it; NULL if it is no cast. */
static struct type *
cast_type(struct parser *p)
{
	const char *save = p->s, *s;
	struct type *t;

	skip(p);
	if (*p->s != '(')
		return NULL;
	s = p->s + 1;
	if ((t = type_parse(p->d, &s)) == NULL) {
		p->s = save;
		return NULL;
	}
	while (isspace((unsigned char)*s))
		s++;
	if (*s != ')') {
		p->s = save;
		return NULL;
	}
	p->s = s + 1;
	return t;
}

static int
unary(struct parser *p, struct value *v)
{
	struct type *t;
	const char *save;

	skip(p);
	if (strncmp(p->s, "sizeof", 6) == 0 && !isalnum((unsigned char)p->s[6])) {
		int noside = p->noside;

		p->s += 6;
		save = p->s;
		skip(p);
		if (*p->s == '(' && (t = cast_type(p)) != NULL)
			;
		else {
			p->s = save;
			p->noside = 1;
			if (unary(p, v) != 0)
				return -1;
			p->noside = noside;
			t = v->t;
		}
		value_from_int(p->d, v, type_base(p->d, "unsigned int"), t->size);
		return 0;
	}
	if ((t = cast_type(p)) != NULL)
		return unary(p, v) != 0 ? -1 : cexpr_cast(p->d, v, t);
	if (accept(p, "-") || accept(p, "!") || accept(p, "~") ||
	    accept(p, "*") || accept(p, "&") || accept(p, "+")) {
		char op = p->s[-1];

		if (unary(p, v) != 0)
			return -1;
		return cexpr_unary(p->d, op, v, p->noside);
	}
	if (postfix(p, v) != 0)
		return -1;
	if (accept(p, "@")) {
		struct value n;

		if (unary(p, &n) != 0 || value_fetch(p->d, &n) != 0)
			return -1;
		if (v->where != V_MEM || value_as_int(&n) <= 0) {
			printf(v->where != V_MEM ? "Only values in memory can "
			    "be extended with '@'.\n" : "Invalid number %lld "
			    "of repetitions.\n", (long long)value_as_int(&n));
			return -1;
		}
		v->t = type_array(p->d, v->t, (uint32_t)value_as_int(&n));
	}
	return 0;
}

/* Binary operators by precedence, lowest first. */
static const char *const levels[][5] = {
	{ "||" }, { "&&" }, { "|" }, { "^" }, { "&" }, { "==", "!=" },
	{ "<=", ">=", "<", ">" }, { "<<", ">>" }, { "+", "-" },
	{ "*", "/", "%" },
};
#define NLEVELS	(int)(sizeof(levels) / sizeof(levels[0]))

static int
binary(struct parser *p, struct value *v, int level)
{
	struct value r;
	int i;

	if (level == NLEVELS)
		return unary(p, v);
	if (binary(p, v, level + 1) != 0)
		return -1;
	for (;;) {
		for (i = 0; i < 5 && levels[level][i] != NULL; i++)
			if (accept(p, levels[level][i]))
				break;
		if (i == 5 || levels[level][i] == NULL)
			return 0;
		if (binary(p, &r, level + 1) != 0 ||
		    cexpr_binary(p->d, levels[level][i], v, &r) != 0)
			return -1;
	}
}

static int
assign(struct parser *p, struct value *v)
{
	struct value r;

	if (binary(p, v, 0) != 0)
		return -1;
	if (!accept(p, "="))
		return 0;
	if (assign(p, &r) != 0)
		return -1;
	if (!p->effects) {
		printf("Assignments are not allowed here.\n");
		return -1;
	}
	return cexpr_assign(p->d, v, &r);
}

/* Evaluate s into *v. 0, or -1 with the error printed. */
int
cexpr_eval(struct dbg *d, const char *s, struct value *v, int effects)
{
	struct parser p = { d, s, s, effects, 0 };

	while (*p.start == ' ' || *p.start == '\t')
		p.start++;

	if (assign(&p, v) != 0)
		return -1;
	skip(&p);
	if (*p.s != '\0')
		return syntax(&p);
	return 0;
}
