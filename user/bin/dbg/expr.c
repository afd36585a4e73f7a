/*
 * expr.c - the small expression language of addresses and values.
 *
 *	expr := term { ('+' | '-') term }
 *	term := NUMBER | '-' term | '$'REG | SYMBOL | '&'SYMBOL
 *
 * Numbers are C literals (0x1f, 31, 037). A symbol stands for its address,
 * as in nm's output ("x/4xw counter", "break step_c", "watch total"); print
 * reads its contents instead, which it decides itself. Registers have gdb's
 * names ($eax ... $gs, and $pc, $sp, $fp, $ps) and need a stopped process.
 * Every error is printed here, in gdb's words, and makes the result -1.
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

static int
is_ident(int c)
{
	return isalnum(c) || c == '_' || c == '.';
}

static int term(struct dbg *d, const char **sp, uint32_t *v,
    const struct sym **symp);

static int
reg_term(struct dbg *d, const char **sp, uint32_t *v)
{
	char name[16];
	size_t n = 0, off;
	struct reg r;

	for ((*sp)++; is_ident((unsigned char)**sp); (*sp)++)
		if (n < sizeof(name) - 1)
			name[n++] = **sp;
	name[n] = '\0';
	if (reg_lookup(name, &off) != 0) {
		printf("Invalid register \"$%s\".\n", name);
		return -1;
	}
	if (d->pid == 0) {
		printf("No registers.\n");
		return -1;
	}
	if (get_regs(d, &r) != 0)
		return -1;
	*v = *reg_field(&r, off);
	return 0;
}

static int
sym_term(struct dbg *d, const char **sp, uint32_t *v, const struct sym **symp)
{
	char name[64];
	size_t n = 0;
	const struct sym *s;

	for (; is_ident((unsigned char)**sp); (*sp)++)
		if (n < sizeof(name) - 1)
			name[n++] = **sp;
	name[n] = '\0';
	if ((s = sym_by_name(&d->syms, name)) == NULL) {
		printf("No symbol \"%s\" in current context.\n", name);
		return -1;
	}
	*v = s->value;
	*symp = s;
	return 0;
}

static int
term(struct dbg *d, const char **sp, uint32_t *v, const struct sym **symp)
{
	const char *s = *sp;
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	*sp = s;
	*symp = NULL;
	if (*s == '-') {
		const struct sym *ignored;

		*sp = s + 1;
		if (term(d, sp, v, &ignored) != 0)
			return -1;
		*v = -*v;
		return 0;
	}
	if (*s == '$')
		return reg_term(d, sp, v);
	if (*s == '&') {
		*sp = s + 1;
		while (isspace((unsigned char)**sp))
			(*sp)++;
		if (!isalpha((unsigned char)**sp) && **sp != '_')
			goto syntax;
		return sym_term(d, sp, v, symp);
	}
	if (isdigit((unsigned char)*s)) {
		*v = strtoul(s, &end, 0);
		if (is_ident((unsigned char)*end)) {
			printf("Invalid number \"%.*s\".\n",
			    (int)strcspn(s, " \t+-"), s);
			return -1;
		}
		*sp = end;
		return 0;
	}
	if (isalpha((unsigned char)*s) || *s == '_')
		return sym_term(d, sp, v, symp);
syntax:
	if (*s == '\0')
		printf("Argument required (expression to compute).\n");
	else
		printf("A syntax error in expression, near `%s'.\n", s);
	return -1;
}

/*
 * Evaluate s into *v. *symp (if not NULL) gets the symbol when the whole
 * expression is one symbol, else NULL. 0, or -1 with a message printed.
 */
int
expr_eval(struct dbg *d, const char *s, uint32_t *v, const struct sym **symp)
{
	const struct sym *sym, *first;
	uint32_t t;
	int op, n = 0;

	if (term(d, &s, v, &first) != 0)
		return -1;
	for (;;) {
		while (isspace((unsigned char)*s))
			s++;
		if (*s != '+' && *s != '-')
			break;
		op = *s++;
		if (term(d, &s, &t, &sym) != 0)
			return -1;
		*v = op == '+' ? *v + t : *v - t;
		n++;
	}
	if (*s != '\0') {
		printf("A syntax error in expression, near `%s'.\n", s);
		return -1;
	}
	if (symp != NULL)
		*symp = n == 0 ? first : NULL;
	return 0;
}
