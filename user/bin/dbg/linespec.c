/*
 * linespec.c - the places a user names: "*ADDR", "FUNC", "LINE" and
 * "FILE:LINE", as break, tbreak, until, advance and list take them.
 *
 * A function with line information is entered past its prologue, as gdb
 * does: the address where the line table's first row for the function
 * ends, so the frame is built and the arguments are where DWARF says.
 * A line that has no code takes the next line that has some. A function
 * without line information (assembly) is taken at its first byte.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dbg.h"

/* The address just past func_addr's prologue, or func_addr itself. */
uint32_t
skip_prologue(struct dbg *d, uint32_t func_addr)
{
	const struct dw_row *r = dw_row_at(&d->lines, func_addr);
	const struct dw_die *f = dw_function_at(&d->info, func_addr);
	uint32_t end;

	if (r == NULL || r->addr != func_addr || f == NULL)
		return func_addr;
	end = dw_row_end(&d->lines, r);
	return end > func_addr && end < f->high_pc ? end : func_addr;
}

/* Fill loc's file and line from its address, when the line table has it. */
static void
set_line(struct dbg *d, struct location *loc)
{
	const struct dw_row *r = dw_row_at(&d->lines, loc->addr);

	loc->file = r ? r->file : -1;
	loc->line = r ? r->line : 0;
}

/* The file the user means by a bare LINE: the one listed or stopped in. */
static int
default_file(struct dbg *d)
{
	const struct dw_row *r;
	struct frame f;
	const struct sym *m;

	if (d->list_file >= 0)
		return d->list_file;
	if (frame_selected(d, &f) == 0 &&
	    (r = dw_row_at(&d->lines, frame_lookup_pc(&f, d->frame))) != NULL)
		return r->file;
	if ((m = sym_by_name(&d->syms, "main")) != NULL &&
	    (r = dw_row_at(&d->lines, m->value)) != NULL)
		return r->file;
	return -1;
}

/* The code of line (or the next line with code) of the file named like f. */
static int
line_address(struct dbg *d, int f, uint32_t line, struct location *loc)
{
	const struct dw_row *r, *best = NULL;
	int i;

	for (i = 0; i < d->lines.nrows; i++) {
		r = &d->lines.rows[i];
		if (r->end_seq || !r->is_stmt || r->line < line ||
		    (r->file != f && !dw_file_matches(&d->lines, r->file,
		    d->lines.files[f].name)))
			continue;
		if (best == NULL || r->line < best->line ||
		    (r->line == best->line && r->addr < best->addr))
			best = r;
	}
	if (best == NULL)
		return -1;
	loc->addr = best->addr;
	loc->file = best->file;
	loc->line = best->line;
	return 0;
}

/* The DWARF file whose path ends with name, or -1. */
static int
file_named(struct dbg *d, const char *name)
{
	int i;

	for (i = 0; i < d->lines.nfiles; i++)
		if (d->lines.files[i].name[0] != '\0' &&
		    dw_file_matches(&d->lines, i, name))
			return i;
	return -1;
}

/*
 * Resolve spec into *loc. for_break: a function is entered past its
 * prologue. 0, or -1 with gdb's message printed.
 */
int
linespec(struct dbg *d, const char *spec, struct location *loc, int for_break)
{
	const char *colon = strrchr(spec, ':');
	struct value v;
	char *end;
	long line;
	int file;

	memset(loc, 0, sizeof(*loc));
	loc->file = -1;
	if (*spec == '*') {
		if (cexpr_eval(d, spec + 1, &v, 0) != 0 || value_addr(d, &v,
		    &loc->addr) != 0)
			return -1;
		set_line(d, loc);
		return 0;
	}
	line = strtol(colon ? colon + 1 : spec, &end, 10);
	if (*end == '\0' && end != (colon ? colon + 1 : spec)) {
		char name[256];

		if (colon != NULL) {
			snprintf(name, sizeof(name), "%.*s", (int)(colon - spec),
			    spec);
			if ((file = file_named(d, name)) < 0) {
				printf("No source file named %s.\n", name);
				return -1;
			}
		} else if ((file = default_file(d)) < 0) {
			printf("No symbol table is loaded.  Use the \"file\" "
			    "command.\n");
			return -1;
		}
		if (line_address(d, file, line, loc) != 0) {
			dw_file_path(&d->lines, file, name, sizeof(name));
			printf("Line %ld out of range; \"%s\" has no code there.\n",
			    line, name);
			return -1;
		}
		if (!for_break)
			loc->line = line;
		return 0;
	}
	if (cexpr_eval(d, spec, &v, 0) != 0)
		return -1;
	if (type_strip(v.t)->kind != TY_FUNC || v.where != V_MEM) {
		printf("Function \"%s\" not defined.\n", spec);
		return -1;
	}
	loc->addr = for_break ? skip_prologue(d, v.addr) : v.addr;
	loc->func = v.addr;
	set_line(d, loc);
	return 0;
}
