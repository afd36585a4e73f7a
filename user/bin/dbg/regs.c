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
#include <sys/ptrace.h>
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

/* set var EXPR | set EXPR: an assignment; gdb's own settings pass. */
void
cmd_set(struct dbg *d, char *a)
{
	static const char *const ignored[] = {
		"confirm", "pagination", "width", "height", "verbose", "print",
		"listsize", "disassembly-flavor", NULL,
	};
	struct value v;
	int i;

	a = cmd_trim(a);
	if (strncmp(a, "follow-fork-mode", 16) == 0 && catch_set(d, a))
		return;
	if (strncmp(a, "var ", 4) == 0 || strncmp(a, "variable ", 9) == 0)
		a = cmd_trim(strchr(a, ' '));
	else
		for (i = 0; ignored[i] != NULL; i++)
			if (strncmp(a, ignored[i], strlen(ignored[i])) == 0 &&
			    !isalnum((unsigned char)a[strlen(ignored[i])]) &&
			    strchr(a, '=') == NULL)
				return;
	if (strchr(a, '=') == NULL) {
		printf("A syntax error in expression, near `'.\n");
		return;
	}
	cexpr_eval(d, a, &v, 1);
}

/* info all-registers: the general, x87 and SSE registers, gdb's layout. */
void
cmd_info_all_registers(struct dbg *d, char *a)
{
	static const char *const fnames[8] = { "fctrl", "fstat", "ftag",
	    "fiseg", "fioff", "foseg", "fooff", "fop" };
	char name[8], hex[24];
	struct fpreg fp;
	struct value v;
	uint32_t w[8];
	int i, j;

	cmd_info_registers(d, a);
	if (d->pid == 0 || ptrace(PT_GETFPREGS, dbg_lwp(d), (caddr_t)&fp, 0) != 0)
		return;
	for (i = 0; i < 8; i++) {
		snprintf(name, sizeof(name), "st%d", i);
		snprintf(hex, sizeof(hex), "%.17g", x87_to_double(fp.fpr_acc[i]));
		printf("%-15s%-19s(raw 0x", name, hex);
		for (j = 9; j >= 0; j--)
			printf("%02x", fp.fpr_acc[i][j]);
		printf(")\n");
	}
	w[0] = fp.fpr_env[0] & 0xffff;
	w[1] = fp.fpr_env[1] & 0xffff;
	w[2] = fp.fpr_env[2] & 0xffff;
	w[3] = fp.fpr_env[4] & 0xffff;
	w[4] = fp.fpr_env[3];
	w[5] = fp.fpr_env[6] & 0xffff;
	w[6] = fp.fpr_env[5];
	w[7] = (fp.fpr_env[4] >> 16) & 0x7ff;
	for (i = 0; i < 8; i++) {
		snprintf(hex, sizeof(hex), "0x%x", (unsigned)w[i]);
		printf("%-15s%-19s%u\n", fnames[i], hex, (unsigned)w[i]);
	}
	for (i = -1; i < 8; i++) {
		if (i < 0)
			snprintf(name, sizeof(name), "$mxcsr");
		else
			snprintf(name, sizeof(name), "$xmm%d", i);
		if (dollar(d, name, &v) != 0)
			return;
		if (i < 0) {
			snprintf(hex, sizeof(hex), "0x%x",
			    (unsigned)value_as_int(&v));
			printf("%-15s%-19s", name + 1, hex);
		} else
			printf("%-15s", name + 1);
		value_print(d, &v, 0, 0);
		printf("\n");
	}
}
