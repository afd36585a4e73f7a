/*
 * regs.c - info registers and set: the general registers, gdb's layout.
 *
 *	eax            0x5                 5
 *	eip            0x8048220           0x8048220 <step_c>
 *	eflags         0x246               [ PF ZF IF ]
 *
 * "set $REG = VALUE" rewrites one field of struct reg and hands the whole
 * set to PT_SETREGS; the kernel validates it (EFLAGS' privileged bits,
 * segment selectors) and a refusal is shown with the kernel's errno.
 * "set var NAME = VALUE" (or "set NAME = VALUE") writes memory (mem.c).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dbg.h"

static const char *const eflags_bits[22] = {
	"CF", "", "PF", "", "AF", "", "ZF", "SF", "TF", "IF", "DF", "OF",
	"", "", "NT", "", "RF", "VM", "AC", "VIF", "VIP", "ID",
};

static void
print_eflags(uint32_t v)
{
	int i;

	printf("[ ");
	for (i = 0; i < 22; i++)
		if ((v & (1U << i)) && eflags_bits[i][0] != '\0')
			printf("%s ", eflags_bits[i]);
	printf("]");
}

static void
print_reg(struct dbg *d, const char *name, size_t off, struct reg *r)
{
	uint32_t v = *reg_field(r, off);
	char hex[16], where[80];

	snprintf(hex, sizeof(hex), "0x%x", (unsigned)v);
	printf("%-15s%-19s", name, hex);
	if (off == offsetof(struct reg, r_eip)) {
		format_symaddr(d, v, where, sizeof(where));
		printf("0x%x %s", (unsigned)v, where);
	} else if (off == offsetof(struct reg, r_esp) ||
	    off == offsetof(struct reg, r_ebp)) {
		printf("0x%x", (unsigned)v);
	} else if (off == offsetof(struct reg, r_eflags)) {
		print_eflags(v);
	} else {
		printf("%d", (int)v);
	}
	printf("\n");
}

void
cmd_info_registers(struct dbg *d, char *a)
{
	const char *name;
	struct reg r;
	size_t off;
	char *w;
	int i;

	if (d->pid == 0) {
		printf("The program has no registers now.\n");
		return;
	}
	if (get_regs(d, &r) != 0)
		return;
	if (*cmd_trim(a) == '\0') {
		for (i = 0; (name = reg_name(i, &off)) != NULL; i++)
			print_reg(d, name, off, &r);
		return;
	}
	while (*(w = cmd_word(&a)) != '\0') {
		if (*w == '$')
			w++;
		if (reg_lookup(w, &off) != 0) {
			printf("Invalid register `%s'\n", w);
			return;
		}
		print_reg(d, w, off, &r);
	}
}

/* "$REG = VALUE": write one register through PT_SETREGS. */
static void
set_register(struct dbg *d, char *lhs, char *rhs)
{
	struct reg r;
	uint32_t v;
	size_t off;

	if (reg_lookup(lhs + 1, &off) != 0) {
		printf("Invalid register \"%s\".\n", lhs);
		return;
	}
	if (need_process(d) != 0 || expr_eval(d, rhs, &v, NULL) != 0 ||
	    get_regs(d, &r) != 0)
		return;
	*reg_field(&r, off) = v;
	set_regs(d, &r, "registers");
}

/* set $REG = V | set var NAME = V | set NAME = V; gdb's own settings pass. */
void
cmd_set(struct dbg *d, char *a)
{
	static const char *const ignored[] = {
		"confirm", "pagination", "width", "height", "verbose", NULL,
	};
	char *lhs, *rhs, *eq;
	int i;

	a = cmd_trim(a);
	if (strncmp(a, "var ", 4) == 0 || strncmp(a, "variable ", 9) == 0)
		a = cmd_trim(strchr(a, ' '));
	else
		for (i = 0; ignored[i] != NULL; i++)
			if (strncmp(a, ignored[i], strlen(ignored[i])) == 0 &&
			    !isalnum((unsigned char)a[strlen(ignored[i])]) &&
			    strchr(a, '=') == NULL)
				return;
	if ((eq = strchr(a, '=')) == NULL) {
		printf("A syntax error in expression, near `'.\n");
		return;
	}
	*eq = '\0';
	lhs = cmd_trim(a);
	rhs = cmd_trim(eq + 1);
	if (*rhs == '\0' || *lhs == '\0') {
		printf("A syntax error in expression, near `%s'.\n", rhs);
		return;
	}
	if (lhs[0] == '$')
		set_register(d, lhs, rhs);
	else
		set_variable(d, lhs, rhs);
}
