/*
 * disas.c - machine instructions as gdb shows them, decoded by libdebug's
 * disassembler (the one the host test checks against objdump):
 *
 *	x/3i $pc		=> 0x8048223 <step_c+3>:	mov    0x8(%ebp),%eax
 *	disassemble [FUNC | ADDR | START,END | START,+LEN]
 *	info symbol ADDR	step_c + 3 in section .text
 *
 * A branch target is written "0x8048220 <step_c>", offsets in decimal, as
 * gdb writes them; the instruction at the pc is marked "=>". The bytes are
 * the program's own: dbg's int3s are out of memory whenever it is stopped.
 */
#include <stdio.h>
#include <string.h>
#include "dbg.h"
#include "libdebug/disasm.h"

static void
gdb_target(void *arg, uint32_t addr, char *buf, size_t n)
{
	char where[96];

	format_symaddr(arg, addr, where, sizeof(where));
	snprintf(buf, n, "0x%x%s%s", (unsigned)addr, where[0] ? " " : "", where);
}

/* The instruction at addr as text; its length, 0 if unreadable. */
int
insn_text(struct dbg *d, uint32_t addr, char *text)
{
	uint8_t code[DIS_MAXLEN];
	size_t n = peek_mem(d, addr, code, sizeof(code));

	if (n == 0)
		return 0;
	return dis_decode(code, n, addr, gdb_target, d, text);
}

static uint32_t
current_pc(struct dbg *d)
{
	struct reg r;

	return d->pid != 0 && get_regs(d, &r) == 0 ? r.r_eip : 0xffffffff;
}

/* "=> 0x8048223 <step_c+3>:\tmov ...", as x/i and stops show it. */
void
print_insn_line(struct dbg *d, uint32_t addr, uint32_t pc)
{
	char text[DIS_TEXTMAX], where[96];

	format_symaddr(d, addr, where, sizeof(where));
	printf("%s0x%x%s%s:\t", addr == pc ? "=> " : "   ", (unsigned)addr,
	    where[0] ? " " : "", where);
	if (insn_text(d, addr, text) == 0)
		printf("Cannot access memory at address 0x%x\n", (unsigned)addr);
	else
		printf("%s\n", text);
}

/* x/Ni: count instructions from addr; returns the address after them. */
uint32_t
x_insns(struct dbg *d, uint32_t addr, int count)
{
	char text[DIS_TEXTMAX];
	uint32_t pc = current_pc(d);
	int i, len;

	for (i = 0; i < count; i++) {
		print_insn_line(d, addr, pc);
		if ((len = insn_text(d, addr, text)) == 0)
			break;
		addr += len;
	}
	return addr;
}

/* The listing of [start, end); func: offsets "<+N>" relative to it. */
static void
dump(struct dbg *d, uint32_t start, uint32_t end, const struct sym *func)
{
	char text[DIS_TEXTMAX], where[96];
	uint32_t a, pc = current_pc(d);
	int len;

	for (a = start; a < end; a += len) {
		if (func != NULL)
			snprintf(where, sizeof(where), "<+%u>",
			    (unsigned)(a - func->value));
		else {
			const struct sym *s = sym_by_addr(&d->syms, a);

			if (s != NULL)
				snprintf(where, sizeof(where), "<%s+%u>", s->name,
				    (unsigned)(a - s->value));
			else
				where[0] = '\0';
		}
		if ((len = insn_text(d, a, text)) == 0) {
			printf("Cannot access memory at address 0x%x\n",
			    (unsigned)a);
			break;
		}
		printf("%s0x%08x %s:\t%s\n", a == pc ? "=> " : "   ",
		    (unsigned)a, where, text);
	}
	printf("End of assembler dump.\n");
}

/* disassemble [FUNC | ADDR | START,END | START,+LENGTH] */
void
cmd_disassemble(struct dbg *d, char *a)
{
	char *comma, *second;
	const struct sym *s;
	uint32_t start, end;

	a = cmd_trim(a);
	while (*a == '/') {		/* /r, /m, /s: not kept apart */
		a += strcspn(a, " \t");
		a = cmd_trim(a);
	}
	if ((comma = strchr(a, ',')) != NULL) {
		*comma = '\0';
		second = cmd_trim(comma + 1);
		if (expr_eval(d, cmd_trim(a), &start, NULL) != 0 ||
		    expr_eval(d, *second == '+' ? second + 1 : second, &end,
		    NULL) != 0)
			return;
		if (*second == '+')
			end += start;
		printf("Dump of assembler code from 0x%x to 0x%x:\n",
		    (unsigned)start, (unsigned)end);
		dump(d, start, end, NULL);
		return;
	}
	if (*a == '\0') {
		if (d->pid == 0) {
			printf("No frame selected.\n");
			return;
		}
		start = current_pc(d);
	} else if (expr_eval(d, a, &start, NULL) != 0)
		return;
	s = sym_by_addr(&d->syms, start);
	if (s == NULL || !s->func || s->size == 0) {
		printf("No function contains specified address.\n");
		return;
	}
	printf("Dump of assembler code for function %s:\n", s->name);
	dump(d, s->value, s->value + s->size, s);
}

/* info symbol ADDR: "counter in section .bss", "main + 4 in section .text" */
void
cmd_info_symbol(struct dbg *d, char *a)
{
	const struct elf32_shdr *sec = NULL;
	const struct sym *s;
	uint32_t addr;
	int i;

	if (*cmd_trim(a) == '\0') {
		printf("Argument required (address).\n");
		return;
	}
	if (expr_eval(d, cmd_trim(a), &addr, NULL) != 0)
		return;
	s = sym_by_addr(&d->syms, addr);
	for (i = 0; i < d->syms.elf.nsh; i++) {
		const struct elf32_shdr *h = &d->syms.elf.sh[i];

		if ((h->sh_flags & SHF_ALLOC) && addr - h->sh_addr < h->sh_size)
			sec = h;
	}
	if (s == NULL || sec == NULL || (s->size && addr - s->value >= s->size)) {
		printf("No symbol matches %s.\n", cmd_trim(a));
		return;
	}
	if (addr == s->value)
		printf("%s in section %s\n", s->name,
		    elf_section_name(&d->syms.elf, sec));
	else
		printf("%s + %u in section %s\n", s->name,
		    (unsigned)(addr - s->value), elf_section_name(&d->syms.elf, sec));
}
