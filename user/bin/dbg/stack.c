/*
 * stack.c - the call stack as gdb shows it: backtrace, frame N, up, down
 * and info frame, over the frames frame.c finds.
 *
 *	#0  square (v=3) at tests/debuggee/debuggee.c:47
 *	#1  0x08048173 in area (p=0x804e11c <box+12>) at .../debuggee.c:56
 *
 * A frame with line information shows its function's arguments and its
 * file and line; code without it (assembly) shows "0x.. in NAME () <NAME+N>"
 * as before. The address is left out when frame 0 stands at the very start
 * of a line, as gdb does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dbg.h"

/* One frame's line; with_source: the source line after it. */
void
print_frame(struct dbg *d, const struct frame *f, int level, int with_level,
    int with_source)
{
	uint32_t pc = frame_lookup_pc(f, level);
	const struct dw_row *r = dw_row_at(&d->lines, pc);
	const struct dw_die *func = dw_function_at(&d->info, pc);
	char path[256];

	if (with_level)
		printf("#%-2d ", level);
	if (r == NULL || func == NULL) {
		print_location(d, f->pc);
		return;
	}
	if (level > 0 || r->addr != f->pc || !r->is_stmt)
		printf("0x%08x in ", (unsigned)f->pc);
	printf("%s (", func->name ? func->name : "??");
	scope_print_args(d, func, f);
	dw_file_path(&d->lines, r->file, path, sizeof(path));
	printf(") at %s:%u\n", path, (unsigned)r->line);
	if (with_source)
		source_print_line(d, r->file, r->line);
}

void
cmd_backtrace(struct dbg *d, char *a)
{
	struct frame f[MAXFRAMES];
	int n, i, limit = MAXFRAMES;

	a = cmd_trim(a);
	if (*a != '\0')
		limit = atoi(a) > 0 ? atoi(a) : MAXFRAMES;
	if (d->pid == 0) {
		printf("No stack.\n");
		return;
	}
	n = frame_list(d, f, MAXFRAMES);
	for (i = 0; i < n && i < limit; i++)
		print_frame(d, &f[i], i, 1, 0);
	if (i < n)
		printf("(More stack frames follow...)\n");
}

/* Select frame n (clamped) and show it, with gdb's messages at the ends. */
static void
select_frame(struct dbg *d, int n)
{
	struct frame f[MAXFRAMES];
	int count;

	if (d->pid == 0) {
		printf("No stack.\n");
		return;
	}
	count = frame_list(d, f, MAXFRAMES);
	if (n < 0) {
		printf("Bottom (innermost) frame selected; you cannot go down.\n");
		return;
	}
	if (n >= count) {
		printf("Initial frame selected; you cannot go up.\n");
		return;
	}
	d->frame = n;
	d->list_file = -1;
	print_frame(d, &f[n], n, 1, 1);
}

void
cmd_frame(struct dbg *d, char *a)
{
	a = cmd_trim(a);
	if (strncmp(a, "level ", 6) == 0)
		a = cmd_trim(a + 6);
	select_frame(d, *a ? atoi(a) : d->frame);
}

void
cmd_up(struct dbg *d, char *a)
{
	a = cmd_trim(a);
	select_frame(d, d->frame + (*a ? atoi(a) : 1));
}

void
cmd_down(struct dbg *d, char *a)
{
	a = cmd_trim(a);
	select_frame(d, d->frame - (*a ? atoi(a) : 1));
}

/* info frame: the selected frame's addresses, caller and saved registers. */
void
cmd_info_frame(struct dbg *d, char *a)
{
	struct frame f[MAXFRAMES];
	const struct dw_die *func;
	const struct dw_row *r;
	const struct sym *s;
	char path[256];
	int n, k = d->frame;
	uint32_t ret = 0;

	(void)a;
	if (d->pid == 0 || (n = frame_list(d, f, MAXFRAMES)) == 0) {
		printf("No stack.\n");
		return;
	}
	if (k >= n)
		k = d->frame = n - 1;
	func = dw_function_at(&d->info, frame_lookup_pc(&f[k], k));
	r = dw_row_at(&d->lines, frame_lookup_pc(&f[k], k));
	s = sym_by_addr(&d->syms, f[k].pc);
	printf("Stack level %d, frame at 0x%x:\n eip = 0x%x", k,
	    (unsigned)f[k].cfa, (unsigned)f[k].pc);
	if (s != NULL)
		printf(" in %s", s->name);
	if (r != NULL) {
		dw_file_path(&d->lines, r->file, path, sizeof(path));
		printf(" (%s:%u)", path, (unsigned)r->line);
	}
	peek_mem(d, f[k].cfa - 4, &ret, 4);
	printf("; saved eip = 0x%x\n", (unsigned)ret);
	if (k + 1 < n)
		printf(" called by frame at 0x%x\n", (unsigned)f[k + 1].cfa);
	if (k > 0)
		printf(" caller of frame at 0x%x\n", (unsigned)f[k - 1].cfa);
	if (func != NULL)
		printf(" source language c.\n");
	printf(" Arglist at 0x%x, args: ", (unsigned)f[k].cfa - 8);
	scope_print_args(d, func, &f[k]);
	printf("\n Locals at 0x%x, Previous frame's sp is 0x%x\n"
	    " Saved registers:\n", (unsigned)f[k].cfa - 8, (unsigned)f[k].cfa);
	printf("  ");
	if (k > 0 || f[k].esp < f[k].cfa - 4)
		printf("ebp at 0x%x, ", (unsigned)f[k].cfa - 8);
	printf("eip at 0x%x\n", (unsigned)f[k].cfa - 4);
}
