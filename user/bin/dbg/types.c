/*
 * types.c - C types from DWARF entries, the few dbg makes itself, and their
 * names as gdb writes them ("int [5]", "struct point *", "int (*)(void)").
 *
 * A type entry becomes one struct type, remembered by the entry's offset,
 * so a struct that points to itself is built once and terminates. Base
 * types named in a cast ("unsigned int", "long") are taken from the
 * program's DWARF when it has them, else made with the i386 sizes.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dbg.h"

static struct type *
new_type(struct dbg *d, enum tkind kind, uint32_t size, const char *name)
{
	struct type *t = calloc(1, sizeof(*t));

	if (t == NULL)
		return NULL;
	t->kind = kind;
	t->size = size;
	t->name = name;
	t->next = d->types;
	d->types = t;
	return t;
}

void
types_free(struct dbg *d)
{
	struct type *t, *next;

	for (t = d->types; t != NULL; t = next) {
		next = t->next;
		free(t);
	}
	d->types = NULL;
}

struct type *
type_strip(struct type *t)
{
	while (t != NULL && (t->kind == TY_TYPEDEF || t->kind == TY_CONST ||
	    t->kind == TY_VOLATILE))
		t = t->target;
	return t;
}

int
type_is_scalar(struct type *t)
{
	t = type_strip(t);
	return t != NULL && (t->kind == TY_INT || t->kind == TY_BOOL ||
	    t->kind == TY_FLOAT || t->kind == TY_PTR || t->kind == TY_ENUM ||
	    t->kind == TY_FLAGS);
}

/* An array type from the subrange entries after sub, of element type el. */
static struct type *
array_of(struct dbg *d, const struct dw_die *sub, struct type *el)
{
	struct type *t, *inner;

	while (sub != NULL && sub->tag != DW_TAG_subrange_type)
		sub = sub->sibling;
	if (sub == NULL)
		return el;
	inner = array_of(d, sub->sibling, el);
	if ((t = new_type(d, TY_ARRAY, 0, NULL)) == NULL)
		return NULL;
	t->target = inner;
	t->count = sub->has_bound ? sub->upper_bound + 1 : 0;
	t->size = t->count * (inner ? inner->size : 0);
	return t;
}

static void
from_die(struct dbg *d, struct type *t, const struct dw_die *die)
{
	t->name = die->name;
	t->size = die->byte_size;
	switch (die->tag) {
	case DW_TAG_base_type:
		t->kind = die->encoding == DW_ATE_float ? TY_FLOAT :
		    die->encoding == DW_ATE_boolean ? TY_BOOL : TY_INT;
		t->is_signed = die->encoding == DW_ATE_signed ||
		    die->encoding == DW_ATE_signed_char;
		t->is_char = die->encoding == DW_ATE_signed_char ||
		    die->encoding == DW_ATE_unsigned_char;
		break;
	case DW_TAG_pointer_type:
		t->kind = TY_PTR;
		t->size = 4;
		t->target = type_of_die(d, die->type);
		break;
	case DW_TAG_structure_type:
		t->kind = TY_STRUCT;
		break;
	case DW_TAG_union_type:
		t->kind = TY_UNION;
		break;
	case DW_TAG_enumeration_type:
		t->kind = TY_ENUM;
		t->is_signed = 1;
		break;
	case DW_TAG_typedef:
	case DW_TAG_const_type:
	case DW_TAG_volatile_type:
	case DW_TAG_restrict_type:
		t->kind = die->tag == DW_TAG_typedef ? TY_TYPEDEF :
		    die->tag == DW_TAG_const_type ? TY_CONST : TY_VOLATILE;
		t->target = type_of_die(d, die->type);
		t->size = t->target ? t->target->size : 0;
		break;
	case DW_TAG_subroutine_type:
	case DW_TAG_subprogram:
		t->kind = TY_FUNC;
		t->size = 1;
		t->target = type_of_die(d, die->type);
		break;
	case DW_TAG_array_type:
		t->kind = TY_TYPEDEF;	/* a transparent alias of the array */
		t->name = NULL;
		t->target = array_of(d, die->child, type_of_die(d, die->type));
		t->size = t->target ? t->target->size : 0;
		break;
	default:
		t->kind = TY_VOID;
	}
}

/* The type of the entry at off (0: void). */
struct type *
type_of_die(struct dbg *d, uint32_t off)
{
	const struct dw_die *die;
	struct type *t;

	if (off == 0)
		return type_base(d, "void");
	for (t = d->types; t != NULL; t = t->next)
		if (t->die != NULL && t->die->off == off)
			return t->kind == TY_TYPEDEF && t->name == NULL ?
			    t->target : t;
	if ((die = dw_die_at(&d->info, off)) == NULL)
		return type_base(d, "void");
	if ((t = new_type(d, TY_VOID, 0, NULL)) == NULL)
		return NULL;
	t->die = die;
	from_die(d, t, die);
	return t->kind == TY_TYPEDEF && t->name == NULL ? t->target : t;
}

static const struct {
	const char	*name;
	uint32_t	size;
	enum tkind	kind;
	int		is_signed, is_char;
} bases[] = {
	{ "void", 1, TY_VOID, 0, 0 }, { "char", 1, TY_INT, 1, 1 },
	{ "signed char", 1, TY_INT, 1, 1 }, { "unsigned char", 1, TY_INT, 0, 1 },
	{ "short int", 2, TY_INT, 1, 0 }, { "short unsigned int", 2, TY_INT, 0, 0 },
	{ "int", 4, TY_INT, 1, 0 }, { "unsigned int", 4, TY_INT, 0, 0 },
	{ "long int", 4, TY_INT, 1, 0 }, { "long unsigned int", 4, TY_INT, 0, 0 },
	{ "long long int", 8, TY_INT, 1, 0 },
	{ "long long unsigned int", 8, TY_INT, 0, 0 },
	{ "float", 4, TY_FLOAT, 1, 0 }, { "double", 8, TY_FLOAT, 1, 0 },
	{ "long double", 12, TY_FLOAT, 1, 0 }, { "_Bool", 1, TY_BOOL, 0, 0 },
};

/* A base type by gcc's name for it ("long unsigned int"). */
struct type *
type_base(struct dbg *d, const char *name)
{
	struct type *t;
	size_t i;

	for (t = d->types; t != NULL; t = t->next)
		if (t->name != NULL && t->target == NULL &&
		    (t->kind == TY_INT || t->kind == TY_FLOAT ||
		    t->kind == TY_VOID || t->kind == TY_BOOL) &&
		    strcmp(t->name, name) == 0)
			return t;
	for (i = 0; i < sizeof(bases) / sizeof(bases[0]); i++)
		if (strcmp(bases[i].name, name) == 0)
			break;
	if (i == sizeof(bases) / sizeof(bases[0]) ||
	    (t = new_type(d, bases[i].kind, bases[i].size, bases[i].name)) == NULL)
		return NULL;
	t->is_signed = bases[i].is_signed;
	t->is_char = bases[i].is_char;
	return t;
}

struct type *
type_pointer(struct dbg *d, struct type *to)
{
	struct type *t;

	for (t = d->types; t != NULL; t = t->next)
		if (t->kind == TY_PTR && t->target == to && t->die == NULL)
			return t;
	if ((t = new_type(d, TY_PTR, 4, NULL)) != NULL)
		t->target = to;
	return t;
}

struct type *
type_array(struct dbg *d, struct type *of, uint32_t n)
{
	struct type *t = new_type(d, TY_ARRAY, n * of->size, NULL);

	if (t != NULL) {
		t->target = of;
		t->count = n;
	}
	return t;
}

