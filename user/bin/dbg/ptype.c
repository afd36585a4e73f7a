/*
 * ptype.c - writing C types as gdb does, reading type names, and the ptype
 * and whatis commands.
 *
 * A C declaration is written inside out: "int (*)[5]" is a pointer to an
 * array of 5 ints. type_decl() builds the declarator around the name (or
 * around nothing) from the outermost type in, then puts the base type's
 * name in front. ptype expands a struct, union or enum at the base of the
 * type into its members; whatis only names the type.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dbg.h"

#define DECL_MAX	256

/* "(int, char **)" for a function type's parameters. */
static void
params(struct dbg *d, struct type *f, char *buf, size_t n)
{
	const struct dw_die *p;
	char one[DECL_MAX];
	size_t len;

	snprintf(buf, n, "(");
	if (f->die == NULL) {		/* gdb's "void (*)()" for $pc */
		snprintf(buf, n, "()");
		return;
	}
	for (p = f->die->child; p != NULL; p = p->sibling) {
		if (p->tag == DW_TAG_unspecified_parameters)
			snprintf(one, sizeof(one), "...");
		else if (p->tag == DW_TAG_formal_parameter)
			type_name(d, type_of_die(d, p->type), one, sizeof(one));
		else
			continue;
		len = strlen(buf);
		snprintf(buf + len, n - len, "%s%s", len > 1 ? ", " : "", one);
	}
	len = strlen(buf);
	snprintf(buf + len, n - len, "%s)", len == 1 ? "void" : "");
}

static void
base_name(struct type *t, char *buf, size_t n)
{
	const char *tag = t->kind == TY_STRUCT ? "struct " :
	    t->kind == TY_UNION ? "union " : t->kind == TY_ENUM ? "enum " : "";

	if (t->name == NULL && *tag != '\0')
		snprintf(buf, n, "%s{...}", tag);
	else
		snprintf(buf, n, "%s%s", tag, t->name ? t->name : "void");
}

void
type_decl(struct dbg *d, struct type *t, const char *inner, char *buf, size_t n)
{
	char in[DECL_MAX], more[DECL_MAX];

	if (t == NULL) {
		snprintf(buf, n, "void%s%s", *inner ? " " : "", inner);
		return;
	}
	switch (t->kind) {
	case TY_PTR:
		if (t->target && (t->target->kind == TY_ARRAY ||
		    t->target->kind == TY_FUNC))
			snprintf(in, sizeof(in), "(*%s)", inner);
		else
			snprintf(in, sizeof(in), "*%s", inner);
		type_decl(d, t->target, in, buf, n);
		return;
	case TY_ARRAY:
		if (t->count)
			snprintf(in, sizeof(in), "%s[%u]", inner, (unsigned)t->count);
		else
			snprintf(in, sizeof(in), "%s[]", inner);
		type_decl(d, t->target, in, buf, n);
		return;
	case TY_FUNC:
		params(d, t, more, sizeof(more));
		snprintf(in, sizeof(in), "%s%s", inner, more);
		type_decl(d, t->target, in, buf, n);
		return;
	case TY_CONST:
	case TY_VOLATILE:
		type_decl(d, t->target, inner, more, sizeof(more));
		snprintf(buf, n, "%s %s", t->kind == TY_CONST ? "const" :
		    "volatile", more);
		return;
	default:
		base_name(t, more, sizeof(more));
		snprintf(buf, n, "%s%s%s", more, *inner ? " " : "", inner);
	}
}

void
type_name(struct dbg *d, struct type *t, char *buf, size_t n)
{
	type_decl(d, t, "", buf, n);
}

/* A DWARF type entry with this tag and name (a definition), or NULL. */
static struct type *
find_named(struct dbg *d, int tag, const char *name, size_t len)
{
	int i;

	for (i = 0; i < d->info.ndies; i++) {
		const struct dw_die *e = &d->info.dies[i];

		if (e->tag == tag && e->name != NULL && !e->declaration &&
		    strncmp(e->name, name, len) == 0 && e->name[len] == '\0')
			return type_of_die(d, e->off);
	}
	return NULL;
}

static const char *const keywords[] = {
	"unsigned", "signed", "short", "long", "int", "char", "float", "double",
	"void", "_Bool", "const", "volatile"
};

/*
 * A type name at *sp ("unsigned int", "struct point *", "count_t"), with
 * *sp moved past it; NULL (and *sp unchanged) if there is none.
 */
struct type *
type_parse(struct dbg *d, const char **sp)
{
	const char *s = *sp, *w;
	int uns = 0, sig = 0, shorts = 0, longs = 0, base = 0, c = 0;
	struct type *t = NULL;
	char name[32];
	size_t len, i;

	for (;;) {
		while (isspace((unsigned char)*s))
			s++;
		for (w = s; isalnum((unsigned char)*s) || *s == '_'; s++)
			;
		len = s - w;
		for (i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
			if (strlen(keywords[i]) == len &&
			    strncmp(keywords[i], w, len) == 0)
				break;
		if (len == 0 || t != NULL)
			break;
		if (i < sizeof(keywords) / sizeof(keywords[0])) {
			uns += i == 0;
			sig += i == 1;
			shorts += i == 2;
			longs += i == 3;
			if (i >= 4 && i <= 9)
				base = i;
			c++;
			continue;
		}
		if (c > 0) {
			s = w;
			break;
		}
		if ((len == 6 && strncmp(w, "struct", 6) == 0) ||
		    (len == 5 && strncmp(w, "union", 5) == 0) ||
		    (len == 4 && strncmp(w, "enum", 4) == 0)) {
			int tag = w[0] == 's' ? DW_TAG_structure_type :
			    w[0] == 'u' ? DW_TAG_union_type :
			    DW_TAG_enumeration_type;

			while (isspace((unsigned char)*s))
				s++;
			for (w = s; isalnum((unsigned char)*s) || *s == '_'; s++)
				;
			if ((t = find_named(d, tag, w, s - w)) == NULL)
				return NULL;
			continue;
		}
		if ((t = find_named(d, DW_TAG_typedef, w, len)) == NULL &&
		    (t = find_named(d, DW_TAG_base_type, w, len)) == NULL)
			return NULL;
	}
	if (t == NULL && c == 0)
		return NULL;
	if (t == NULL) {
		const char *b = base == 5 ? "char" : base == 6 ? "float" :
		    base == 7 ? "double" : base == 8 ? "void" :
		    base == 9 ? "_Bool" : "int";

		if (base == 5)
			snprintf(name, sizeof(name), "%schar", uns ? "unsigned " :
			    sig ? "signed " : "");
		else if (base == 7 && longs)
			snprintf(name, sizeof(name), "long double");
		else if (base == 4 || base == 0)
			snprintf(name, sizeof(name), "%s%sint",
			    shorts ? "short " : longs > 1 ? "long long " :
			    longs ? "long " : "", uns ? "unsigned " : "");
		else
			snprintf(name, sizeof(name), "%s", b);
		if ((t = type_base(d, name)) == NULL)
			return NULL;
	}
	for (;;) {
		while (isspace((unsigned char)*s))
			s++;
		if (*s != '*')
			break;
		t = type_pointer(d, t);
		s++;
	}
	*sp = s;
	return t;
}

/* ptype's expansion of a struct, union or enum. */
static void
expand(struct dbg *d, struct type *b)
{
	const struct dw_die *m;
	char decl[DECL_MAX], head[DECL_MAX];
	int64_t next = 0;
	const char *sep = "";

	base_name(b, head, sizeof(head));
	if (b->name == NULL)
		head[strlen(head) - 5] = '\0';	/* "struct {...}" -> "struct" */
	if (b->kind == TY_ENUM) {
		printf("%s {", head);
		for (m = b->die ? b->die->child : NULL; m; m = m->sibling) {
			printf("%s%s", sep, m->name ? m->name : "?");
			if (m->const_value != next)
				printf(" = %lld", (long long)m->const_value);
			next = m->const_value + 1;
			sep = ", ";
		}
		printf("}");
		return;
	}
	printf("%s {\n", head);
	for (m = b->die ? b->die->child : NULL; m; m = m->sibling) {
		if (m->tag != DW_TAG_member)
			continue;
		type_decl(d, type_of_die(d, m->type), m->name ? m->name : "",
		    decl, sizeof(decl));
		printf("    %s;\n", decl);
	}
	printf("}");
}

/* ptype/whatis ARG: a type name, else an expression's type. */
static void
describe(struct dbg *d, char *a, int full)
{
	const char *s = cmd_trim(a), *rest;
	struct type *t, *b;
	struct value v;
	char name[DECL_MAX], bn[DECL_MAX];

	if (*s == '\0') {
		printf("Argument required (one or more choice items).\n");
		return;
	}
	t = type_parse(d, &s);
	if (t == NULL || *s != '\0') {
		if (cexpr_eval(d, cmd_trim(a), &v, 0) != 0)
			return;
		t = v.t;
	}
	if (!full) {
		type_name(d, t, name, sizeof(name));
		printf("type = %s\n", name);
		return;
	}
	while (t != NULL && t->kind == TY_TYPEDEF)
		t = t->target;
	for (b = t; b != NULL && (b->kind == TY_PTR || b->kind == TY_ARRAY ||
	    b->kind == TY_FUNC || b->kind == TY_CONST); b = b->target)
		;
	b = type_strip(b);
	type_name(d, t, name, sizeof(name));
	if (b == NULL || (b->kind != TY_STRUCT && b->kind != TY_UNION &&
	    b->kind != TY_ENUM) || b->die == NULL) {
		printf("type = %s\n", name);
		return;
	}
	/* "struct point {...} *": the declarator after the base's name. */
	base_name(b, bn, sizeof(bn));
	rest = strstr(name, bn);
	printf("type = ");
	expand(d, b);
	printf("%s\n", rest != NULL ? rest + strlen(bn) : "");
}

void
cmd_ptype(struct dbg *d, char *a)
{
	describe(d, a, 1);
}

void
cmd_whatis(struct dbg *d, char *a)
{
	describe(d, a, 0);
}
