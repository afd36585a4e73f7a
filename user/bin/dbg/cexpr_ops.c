/*
 * cexpr_ops.c - the operators of dbg's C expressions, with C's rules as gdb
 * applies them: operands narrower than int are promoted, the usual
 * arithmetic conversions pick the result type (a float stays a float, as
 * in gdb), an array used as a value becomes a pointer to its first element,
 * pointer arithmetic counts in elements, comparisons give an int.
 */
#include <stdio.h>
#include <string.h>
#include "dbg.h"

/* Make v the object of type t at addr; its bytes are read if scalar. */
int
value_at(struct dbg *d, struct value *v, struct type *t, uint32_t addr,
    int noside)
{
	memset(v, 0, sizeof(*v));
	v->t = t;
	v->where = V_MEM;
	v->addr = addr;
	if (noside || !type_is_scalar(t))
		return 0;
	return value_fetch(d, v);
}

/* An array or function used as a value: a pointer to it. */
static int
decay(struct dbg *d, struct value *v)
{
	struct type *t = type_strip(v->t);
	uint32_t a = v->addr;

	if (t->kind == TY_ARRAY || t->kind == TY_FUNC) {
		if (v->where != V_MEM) {
			printf("Attempt to take address of value not located "
			    "in memory.\n");
			return -1;
		}
		value_from_int(d, v, type_pointer(d, t->kind == TY_ARRAY ?
		    t->target : v->t), a);
	}
	return 0;
}

static struct type *
promoted(struct dbg *d, struct type *t)
{
	t = type_strip(t);
	if (t->kind == TY_FLOAT || t->kind == TY_PTR)
		return t;
	if (t->size < 4 || t->kind == TY_ENUM || t->kind == TY_BOOL ||
	    t->kind == TY_FLAGS)
		return type_base(d, "int");
	return t;
}

/* The type both operands convert to (C's usual arithmetic conversions). */
static struct type *
common(struct dbg *d, struct type *a, struct type *b)
{
	a = promoted(d, a);
	b = promoted(d, b);
	if (a->kind == TY_FLOAT || b->kind == TY_FLOAT) {
		if (a->kind == TY_FLOAT && b->kind == TY_FLOAT)
			return a->size >= b->size ? a : b;
		return a->kind == TY_FLOAT ? a : b;
	}
	if (a->size != b->size)
		return a->size > b->size ? a : b;
	return !a->is_signed ? a : b;
}

static int
is_ptr(struct value *v)
{
	return type_strip(v->t)->kind == TY_PTR;
}

static uint32_t
target_size(struct value *v)
{
	struct type *t = type_strip(type_strip(v->t)->target);

	return t == NULL || t->kind == TY_VOID || t->size == 0 ? 1 : t->size;
}

static int
arith_ok(struct value *v)
{
	struct type *t = type_strip(v->t);

	if (t->kind == TY_STRUCT || t->kind == TY_UNION || t->kind == TY_VOID ||
	    t->kind == TY_VEC) {
		printf("Argument to arithmetic operation not a number or "
		    "boolean.\n");
		return 0;
	}
	return 1;
}

/* Integer operation op on a and b, in type t (signed or not). */
static int64_t
int_op(const char *op, struct type *t, int64_t a, int64_t b, int *err)
{
	uint64_t ua = (uint64_t)a, ub = (uint64_t)b;

	*err = 0;
	if ((op[0] == '/' || op[0] == '%') && b == 0) {
		printf("Division by zero\n");
		*err = 1;
		return 0;
	}
	switch (op[0]) {
	case '*': return a * b;
	case '/': return t->is_signed ? a / b : (int64_t)(ua / ub);
	case '%': return t->is_signed ? a % b : (int64_t)(ua % ub);
	case '+': return a + b;
	case '-': return a - b;
	case '&': return op[1] ? (a && b) : a & b;
	case '|': return op[1] ? (a || b) : a | b;
	case '^': return a ^ b;
	case '<':
		if (op[1] == '<')
			return (int64_t)(ua << (b & 63));
		return t->is_signed ? (op[1] ? a <= b : a < b) :
		    (op[1] ? ua <= ub : ua < ub);
	case '>':
		if (op[1] == '>')
			return t->is_signed ? a >> (b & 63) :
			    (int64_t)(ua >> (b & 63));
		return t->is_signed ? (op[1] ? a >= b : a > b) :
		    (op[1] ? ua >= ub : ua > ub);
	case '=': return a == b;
	case '!': return a != b;
	}
	return 0;
}

static int
is_compare(const char *op)
{
	return strchr("<>=!", op[0]) != NULL && strcmp(op, "<<") != 0 &&
	    strcmp(op, ">>") != 0;
}

/* a = a OP b. 0, or -1 with the error printed. */
int
cexpr_binary(struct dbg *d, const char *op, struct value *a, struct value *b)
{
	struct type *t, *it = type_base(d, "int");
	int64_t r;
	int err;

	if (decay(d, a) != 0 || decay(d, b) != 0 || !arith_ok(a) ||
	    !arith_ok(b) || value_fetch(d, a) != 0 || value_fetch(d, b) != 0)
		return -1;
	if ((op[0] == '+' || op[0] == '-') && (is_ptr(a) || is_ptr(b))) {
		if (is_ptr(a) && is_ptr(b) && op[0] == '-') {
			value_from_int(d, a, it, ((int64_t)(uint32_t)value_as_int(a) -
			    (int64_t)(uint32_t)value_as_int(b)) /
			    (int64_t)target_size(a));
			return 0;
		}
		if (is_ptr(b) && op[0] == '+') {
			struct value tmp = *a;

			*a = *b;
			*b = tmp;
		}
		if (is_ptr(b)) {
			printf("Argument to arithmetic operation not a number "
			    "or boolean.\n");
			return -1;
		}
		r = value_as_int(b) * (int64_t)target_size(a);
		t = a->t;
		value_from_int(d, a, t, (uint32_t)(value_as_int(a) +
		    (op[0] == '+' ? r : -r)));
		return 0;
	}
	t = is_ptr(a) || is_ptr(b) ? type_base(d, "unsigned int") :
	    common(d, a->t, b->t);
	if (t->kind == TY_FLOAT && strchr("%&|^", op[0]) == NULL &&
	    strcmp(op, "<<") != 0 && strcmp(op, ">>") != 0) {
		double x = value_as_double(a), y = value_as_double(b), z = 0;

		switch (op[0]) {
		case '*': z = x * y; break;
		case '/': z = x / y; break;
		case '+': z = x + y; break;
		case '-': z = x - y; break;
		case '<': z = op[1] ? x <= y : x < y; break;
		case '>': z = op[1] ? x >= y : x > y; break;
		case '=': z = x == y; break;
		case '!': z = x != y; break;
		}
		if (is_compare(op))
			value_from_int(d, a, it, (int64_t)z);
		else
			value_from_double(a, t, z);
		return 0;
	}
	if (t->kind == TY_FLOAT && strcmp(op, "&&") != 0 &&
	    strcmp(op, "||") != 0) {
		printf("Integer only operation %s.\n", op);
		return -1;
	}
	r = int_op(op, t, value_as_int(a), value_as_int(b), &err);
	if (err)
		return -1;
	value_from_int(d, a, is_compare(op) || op[1] == '&' || op[1] == '|' ?
	    it : t, r);
	return 0;
}

/* v = OP v for the unary operators - ! ~ * & +. */
int
cexpr_unary(struct dbg *d, char op, struct value *v, int noside)
{
	struct type *t = type_strip(v->t);

	if (op == '&') {
		if (v->where != V_MEM) {
			printf("Attempt to take address of value not located "
			    "in memory.\n");
			return -1;
		}
		value_from_int(d, v, type_pointer(d, v->t), v->addr);
		return 0;
	}
	if (op == '*') {
		if (t->kind == TY_FUNC)
			return 0;
		if (decay(d, v) != 0)
			return -1;
		t = type_strip(v->t);
		if (t->kind != TY_PTR && t->kind != TY_INT) {
			printf("Attempt to take contents of a non-pointer "
			    "value.\n");
			return -1;
		}
		if (value_fetch(d, v) != 0)
			return -1;
		return value_at(d, v, t->kind == TY_PTR ? t->target :
		    type_base(d, "long int"), (uint32_t)value_as_int(v), noside);
	}
	if (!arith_ok(v) || decay(d, v) != 0 || value_fetch(d, v) != 0)
		return -1;
	t = promoted(d, v->t);
	if (op == '!')
		value_from_int(d, v, type_base(d, "int"), t->kind == TY_FLOAT ?
		    value_as_double(v) == 0 : value_as_int(v) == 0);
	else if (t->kind == TY_FLOAT && op == '-')
		value_from_double(v, t, -value_as_double(v));
	else if (t->kind == TY_FLOAT && op == '~') {
		printf("Argument to complement operation not an integer.\n");
		return -1;
	} else if (t->kind != TY_FLOAT)
		value_from_int(d, v, t, op == '-' ? -value_as_int(v) :
		    op == '~' ? ~value_as_int(v) : value_as_int(v));
	return 0;
}

/* v = (t) v. */
int
cexpr_cast(struct dbg *d, struct value *v, struct type *t)
{
	struct type *to = type_strip(t), *from;

	if (to->kind == TY_STRUCT || to->kind == TY_UNION ||
	    to->kind == TY_ARRAY) {
		if (type_strip(v->t) == to) {
			v->t = t;
			return 0;
		}
		printf("Invalid cast.\n");
		return -1;
	}
	if (decay(d, v) != 0 || !arith_ok(v) || value_fetch(d, v) != 0)
		return -1;
	from = type_strip(v->t);
	if (to->kind == TY_FLOAT)
		value_from_double(v, t, value_as_double(v));
	else if (from->kind == TY_FLOAT)
		value_from_int(d, v, t, (int64_t)value_as_double(v));
	else {
		int64_t i = value_as_int(v);
		int shift = 64 - 8 * (to->size > 8 ? 8 : to->size);

		if (shift > 0 && shift < 64)
			i = to->is_signed || to->kind == TY_ENUM ?
			    (int64_t)((uint64_t)i << shift) >> shift :
			    (int64_t)((uint64_t)i << shift >> shift);
		value_from_int(d, v, t, to->kind == TY_BOOL ? i != 0 : i);
	}
	return 0;
}

/* lhs = rhs, written to the program. */
int
cexpr_assign(struct dbg *d, struct value *lhs, struct value *rhs)
{
	struct value conv = *rhs;

	if (lhs->where == V_NONE || lhs->optimized) {
		printf("Left operand of assignment is not an lvalue.\n");
		return -1;
	}
	if (!type_is_scalar(lhs->t)) {
		printf("Only scalars can be assigned by dbg.\n");
		return -1;
	}
	if (cexpr_cast(d, &conv, lhs->t) != 0)
		return -1;
	if (lhs->where == V_MEM) {
		if (write_mem(d, lhs->addr, conv.b, lhs->t->size) != 0)
			return -1;
	} else if (frame_set_register(d, lhs->reg, conv.b, lhs->t->size) != 0)
		return -1;
	memcpy(lhs->b, conv.b, VAL_BYTES);
	return 0;
}
