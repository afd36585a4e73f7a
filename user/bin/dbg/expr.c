/*
 * expr.c - the names of the general registers in gdb's order, and an
 * expression (cexpr.c) taken as an address, as x, break and watch take it.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dbg.h"

static const struct {
	const char	*name;
	size_t		off;
} regnames[] = {
	{ "eax", offsetof(struct reg, r_eax) },
	{ "ecx", offsetof(struct reg, r_ecx) },
	{ "edx", offsetof(struct reg, r_edx) },
	{ "ebx", offsetof(struct reg, r_ebx) },
	{ "esp", offsetof(struct reg, r_esp) },
	{ "ebp", offsetof(struct reg, r_ebp) },
	{ "esi", offsetof(struct reg, r_esi) },
	{ "edi", offsetof(struct reg, r_edi) },
	{ "eip", offsetof(struct reg, r_eip) },
	{ "eflags", offsetof(struct reg, r_eflags) },
	{ "cs", offsetof(struct reg, r_cs) },
	{ "ss", offsetof(struct reg, r_ss) },
	{ "ds", offsetof(struct reg, r_ds) },
	{ "es", offsetof(struct reg, r_es) },
	{ "fs", offsetof(struct reg, r_fs) },
	{ "gs", offsetof(struct reg, r_gs) },
	{ "pc", offsetof(struct reg, r_eip) },
	{ "sp", offsetof(struct reg, r_esp) },
	{ "fp", offsetof(struct reg, r_ebp) },
	{ "ps", offsetof(struct reg, r_eflags) },
};

/* The i-th general register of gdb's "info registers" order, or NULL. */
const char *
reg_name(int i, size_t *off)
{
	if (i < 0 || i >= 16)
		return NULL;
	*off = regnames[i].off;
	return regnames[i].name;
}

/* 0 and the register's offset in struct reg, or -1 if there is no such name. */
int
reg_lookup(const char *name, size_t *off)
{
	size_t i;

	for (i = 0; i < sizeof(regnames) / sizeof(regnames[0]); i++)
		if (strcmp(regnames[i].name, name) == 0) {
			*off = regnames[i].off;
			return 0;
		}
	return -1;
}

uint32_t *
reg_field(struct reg *r, size_t off)
{
	return (uint32_t *)((char *)r + off);
}

/*
 * The address an expression stands for, as gdb's x and break take it: an
 * array or a function is its address, anything else its value.
 */
int
value_addr(struct dbg *d, struct value *v, uint32_t *addr)
{
	struct type *t = type_strip(v->t);

	if ((t->kind == TY_ARRAY || t->kind == TY_FUNC) && v->where == V_MEM) {
		*addr = v->addr;
		return 0;
	}
	if (!type_is_scalar(v->t) || value_fetch(d, v) != 0) {
		if (!type_is_scalar(v->t))
			printf("Invalid cast.\n");
		return -1;
	}
	*addr = (uint32_t)value_as_int(v);
	return 0;
}

/*
 * Evaluate s as an address into *v. *symp (if not NULL) gets the ELF
 * symbol when the whole expression is one symbol's name, else NULL.
 * 0, or -1 with a message printed.
 */
int
expr_eval(struct dbg *d, const char *s, uint32_t *v, const struct sym **symp)
{
	struct value val;

	if (symp != NULL)
		*symp = sym_by_name(&d->syms, s);
	if (cexpr_eval(d, s, &val, 0) != 0)
		return -1;
	return value_addr(d, &val, v);
}
