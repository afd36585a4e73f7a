/*
 * bpt.c - the breakpoint table and its commands: break, tbreak, hbreak,
 * watch, rwatch, awatch, delete, info breakpoints (which also list and
 * delete the catchpoints of catch.c, numbered with the breakpoints).
 *
 * Breakpoints and watchpoints share one numbering, as in gdb. A location is
 * what linespec.c reads (FUNC, FILE:LINE, LINE, *ADDR); a watchpoint is on
 * an lvalue expression, its length the value's size (or the LEN argument,
 * or 4 for a bare address), a float or double shown as one. Hardware entries
 * use DR0-DR3 (insert.c splits a watched range into aligned 1/2/4-byte
 * pieces), so there is room for four pieces in all; the table is refused
 * beyond that rather than failing later at "continue". Everything is
 * loaded into the process at once if there is one, else at "run".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dbg.h"

struct bpt *
bpt_at(struct dbg *d, uint32_t addr, int hard)
{
	int i;

	for (i = 0; i < d->nbpts; i++) {
		struct bpt *b = &d->bpts[i];
		int is_hard = b->kind == BP_HBREAK;

		if (b->addr == addr && is_hard == hard &&
		    (is_hard || b->kind == BP_BREAK || b->kind == BP_TEMP))
			return b;
	}
	return NULL;
}

/* The entry that owns debug register slot (the same order as dr_program). */
struct bpt *
bpt_by_slot(struct dbg *d, int slot)
{
	uint32_t addr[DBG_NDR], len[DBG_NDR];
	int i, used = 0;

	for (i = 0; i < d->nbpts; i++) {
		used += dr_slots(&d->bpts[i], addr, len);
		if (slot < used)
			return &d->bpts[i];
	}
	return NULL;
}

static int
slots_in_use(struct dbg *d)
{
	uint32_t addr[DBG_NDR], len[DBG_NDR];
	int i, used = 0;

	for (i = 0; i < d->nbpts; i++)
		used += dr_slots(&d->bpts[i], addr, len);
	return used;
}

struct bpt *
bpt_add(struct dbg *d, enum bpkind kind, uint32_t addr)
{
	struct bpt *b;

	if (d->nbpts == DBG_MAXBPTS) {
		printf("Too many breakpoints (%d).\n", DBG_MAXBPTS);
		return NULL;
	}
	b = &d->bpts[d->nbpts++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->addr = addr;
	b->num = kind == BP_TEMP ? 0 : ++d->next_num;
	return b;
}

void
bpt_remove(struct dbg *d, struct bpt *b)
{
	int i = b - d->bpts;

	memmove(b, b + 1, (d->nbpts - i - 1) * sizeof(*b));
	d->nbpts--;
}

void
bpt_remove_temps(struct dbg *d)
{
	int i;

	for (i = d->nbpts - 1; i >= 0; i--)
		if (d->bpts[i].kind == BP_TEMP)
			bpt_remove(d, &d->bpts[i]);
}

/*
 * A breakpoint location (linespec.c: FUNC past its prologue, FILE:LINE,
 * LINE, *ADDR), or nothing: the current EIP.
 */
static int
location(struct dbg *d, char *a, struct location *loc)
{
	struct reg r;

	a = cmd_trim(a);
	if (*a != '\0')
		return linespec(d, a, loc, 1);
	if (d->pid == 0) {
		printf("No default breakpoint address now.\n");
		return -1;
	}
	if (get_regs(d, &r) != 0)
		return -1;
	memset(loc, 0, sizeof(*loc));
	loc->addr = r.r_eip;
	loc->file = -1;
	return 0;
}

/* " at 0x8048223: file user/bin/demo.c, line 20." or " at 0x8048220" */
static void
print_at(struct dbg *d, const struct location *loc)
{
	char path[256];

	printf(" at 0x%x", (unsigned)loc->addr);
	if (loc->file >= 0) {
		dw_file_path(&d->lines, loc->file, path, sizeof(path));
		printf(": file %s, line %u.", path, (unsigned)loc->line);
	}
	printf("\n");
}

static void
note_duplicates(struct dbg *d, uint32_t addr, const struct bpt *self)
{
	int i, n = 0;

	for (i = 0; i < d->nbpts; i++) {
		const struct bpt *b = &d->bpts[i];

		if (b == self || b->addr != addr ||
		    (b->kind != BP_BREAK && b->kind != BP_HBREAK))
			continue;
		printf(n++ == 0 ? "Note: breakpoint %d" : ", %d", b->num);
	}
	if (n > 0)
		printf(" also set at pc 0x%x.\n", (unsigned)addr);
}

static void
add_break(struct dbg *d, char *a, int once)
{
	struct location loc;
	struct bpt *b;

	if (location(d, a, &loc) != 0 ||
	    (b = bpt_add(d, BP_BREAK, loc.addr)) == NULL)
		return;
	b->once = once;
	note_duplicates(d, loc.addr, b);
	printf("%sreakpoint %d", once ? "Temporary b" : "B", b->num);
	print_at(d, &loc);
}

void
cmd_break(struct dbg *d, char *a)
{
	add_break(d, a, 0);
}

void
cmd_tbreak(struct dbg *d, char *a)
{
	add_break(d, a, 1);
}

/* Load the debug registers after a change; undo the change if refused. */
static int
apply_hw(struct dbg *d, struct bpt *b)
{
	if (dr_program(d, 0) == 0)
		return 0;
	bpt_remove(d, b);
	d->next_num--;
	dr_program(d, 0);
	return -1;
}

void
cmd_hbreak(struct dbg *d, char *a)
{
	struct location loc;
	struct bpt *b;
	uint32_t addr;

	if (location(d, a, &loc) != 0)
		return;
	addr = loc.addr;
	if (slots_in_use(d) + 1 > DBG_NDR) {
		printf("Hardware breakpoints used exceeds limit (%d debug "
		    "registers).\n", DBG_NDR);
		return;
	}
	if ((b = bpt_add(d, BP_HBREAK, addr)) == NULL || apply_hw(d, b) != 0)
		return;
	note_duplicates(d, addr, b);
	printf("Hardware assisted breakpoint %d", b->num);
	print_at(d, &loc);
}

/* Is the word after sp a LEN rather than the end of an expression? */
static int
has_length(const char *expr, const char *sp)
{
	const char *p = sp;

	while (p > expr && p[-1] == ' ')
		p--;
	return p > expr && p[-1] != '+' && p[-1] != '-' &&
	    (sp[1] >= '0' && sp[1] <= '9');
}

/* Read the current value of every watchpoint (a new process, or attach). */
void
watch_snapshot(struct dbg *d)
{
	int i;

	for (i = 0; i < d->nbpts; i++) {
		struct bpt *b = &d->bpts[i];

		if (b->kind == BP_WATCH || b->kind == BP_RWATCH ||
		    b->kind == BP_AWATCH)
			peek_mem(d, b->addr, b->old, b->len);
	}
}

/* watch/rwatch SYMBOL|ADDR [LEN] */
static void
add_watch(struct dbg *d, char *a, enum bpkind kind)
{
	char *expr = cmd_trim(a), *sp = strrchr(expr, ' '), *end;
	uint32_t addr[DBG_NDR], len[DBG_NDR], where, n = 4, size = 4;
	struct value v;
	struct bpt *b;

	if (sp != NULL && !has_length(expr, sp))
		sp = NULL;
	if (sp != NULL) {
		n = strtoul(sp + 1, &end, 0);
		if (*end != '\0' || n < 1 || n > 8) {
			printf("Invalid watch length \"%s\" (1 to 8 bytes).\n",
			    sp + 1);
			return;
		}
		*sp = '\0';
		expr = cmd_trim(expr);
	}
	if (*expr == '\0') {
		printf("Argument required (expression to compute).\n");
		return;
	}
	if (cexpr_eval(d, expr, &v, 0) != 0)
		return;
	if (v.where == V_MEM && !v.optimized) {
		where = v.addr;
		size = v.t->size;
	} else if (value_addr(d, &v, &where) != 0)
		return;
	if (sp == NULL)
		n = size < 1 ? 1 : size > 8 ? 8 : size;
	if ((b = bpt_add(d, kind, where)) == NULL)
		return;
	b->len = n;
	b->isfloat = sp == NULL && v.where == V_MEM &&
	    type_strip(v.t)->kind == TY_FLOAT;
	snprintf(b->what, sizeof(b->what), "%s", expr);
	if (slots_in_use(d) > DBG_NDR) {
		printf("Hardware watchpoints used exceed the %d debug registers "
		    "(%u bytes at 0x%x need %d).\n", DBG_NDR, (unsigned)n,
		    (unsigned)where, dr_slots(b, addr, len));
		bpt_remove(d, b);
		d->next_num--;
		return;
	}
	if (d->pid != 0 && read_mem(d, where, b->old, n) != 0) {
		bpt_remove(d, b);
		d->next_num--;
		return;
	}
	if (apply_hw(d, b) != 0)
		return;
	printf("Hardware %swatchpoint %d: %s\n", kind == BP_RWATCH ? "read " :
	    kind == BP_AWATCH ? "access (read/write) " : "", b->num, b->what);
}

void
cmd_watch(struct dbg *d, char *a)
{
	add_watch(d, a, BP_WATCH);
}

void
cmd_rwatch(struct dbg *d, char *a)
{
	add_watch(d, a, BP_RWATCH);
}

void
cmd_awatch(struct dbg *d, char *a)
{
	add_watch(d, a, BP_AWATCH);
}

static struct bpt *
by_number(struct dbg *d, int num)
{
	int i;

	for (i = 0; i < d->nbpts; i++)
		if (d->bpts[i].num == num && d->bpts[i].kind != BP_TEMP)
			return &d->bpts[i];
	return NULL;
}

void
cmd_delete(struct dbg *d, char *a)
{
	struct catchpt *c;
	struct bpt *b;
	char *w, *end;
	long num;

	if (*cmd_trim(a) == '\0') {
		d->nbpts = 0;
		d->ncatches = 0;
		dr_program(d, 0);
		return;
	}
	while (*(w = cmd_word(&a)) != '\0') {
		num = strtol(w, &end, 10);
		if (*end != '\0' || num <= 0)
			printf("Convenience variable must have integer value.\n"
			    "Bad breakpoint argument: '%s'\n", w);
		else if ((b = by_number(d, num)) != NULL)
			bpt_remove(d, b);
		else if ((c = catch_by_number(d, num)) != NULL)
			catch_remove(d, c);
		else
			printf("No breakpoint number %ld.\n", num);
	}
	dr_program(d, 0);
}

static const char *
bpkind_name(enum bpkind k)
{
	switch (k) {
	case BP_BREAK:
		return "breakpoint";
	case BP_HBREAK:
		return "hw breakpoint";
	case BP_WATCH:
		return "hw watchpoint";
	case BP_RWATCH:
		return "read watchpoint";
	case BP_AWATCH:
		return "acc watchpoint";
	default:
		return "temporary";
	}
}

/* One line of info breakpoints (and its hit count). */
static void
print_bpt_row(struct dbg *d, const struct bpt *b)
{
	const struct dw_row *r;
	const struct dw_die *f;
	char where[256];

	printf("%-7d %-15s %-4s y   ", b->num, bpkind_name(b->kind),
	    b->once ? "del" : "keep");
	if (b->kind == BP_WATCH || b->kind == BP_RWATCH ||
	    b->kind == BP_AWATCH) {
		printf("           %s\n", b->what);
	} else if ((r = dw_row_at(&d->lines, b->addr)) != NULL &&
	    (f = dw_function_at(&d->info, b->addr)) != NULL) {
		dw_file_path(&d->lines, r->file, where, sizeof(where));
		printf("0x%08x in %s at %s:%u\n", (unsigned)b->addr,
		    f->name ? f->name : "??", where, (unsigned)r->line);
	} else {
		format_symaddr(d, b->addr, where, sizeof(where));
		printf("0x%08x %s\n", (unsigned)b->addr, where);
	}
	if (b->hits > 0)
		printf("\tbreakpoint already hit %d time%s\n", b->hits,
		    b->hits == 1 ? "" : "s");
}

/* The breakpoints and catchpoints, in the order of their numbers. */
void
cmd_info_breakpoints(struct dbg *d, char *a)
{
	int i = 0, j = 0, n = 0;

	(void)a;
	while (i < d->nbpts || j < d->ncatches) {
		if (i < d->nbpts && d->bpts[i].kind == BP_TEMP) {
			i++;
			continue;
		}
		if (n++ == 0)
			printf("Num     Type            Disp Enb Address    "
			    "What\n");
		if (j == d->ncatches || (i < d->nbpts &&
		    d->bpts[i].num < d->catches[j].num))
			print_bpt_row(d, &d->bpts[i++]);
		else
			catch_print_row(d, &d->catches[j++]);
	}
	if (n == 0)
		printf("No breakpoints or watchpoints.\n");
}
