/*
 * step.c - moving by source line: step, next, until, advance.
 *
 * A line is a range of addresses in the line table. step and next execute
 * instructions one by one (PT_STEP) while the pc stays in the range of the
 * line they started on; a call is run whole by a temporary breakpoint at
 * its return address (with the stack pointer expected there, so recursion
 * does not fool it) when the command is next, or when the called function
 * has no line information (gdb never steps into such code). step into a
 * function with lines stops past its prologue. Returning into the middle
 * of the caller's line keeps stepping to the start of the next line, as
 * gdb does. until is next that does not go back (a loop's jump to its
 * top runs on); until LOCATION and advance LOCATION run to the place or
 * to the return of the current function, whichever comes first.
 */
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include "dbg.h"
#include "libdebug/disasm.h"

/* The address range [*lo, *hi) of the row holding pc; 0, or -1: none. */
static int
line_range(struct dbg *d, uint32_t pc, uint32_t *lo, uint32_t *hi)
{
	const struct dw_row *r = dw_row_at(&d->lines, pc);

	if (r == NULL || dw_function_at(&d->info, pc) == NULL)
		return -1;
	*lo = r->addr;
	*hi = dw_row_end(&d->lines, r);
	return 0;
}

/* Is pc the start of a statement on a line other than (file, line)? */
static int
new_line(struct dbg *d, uint32_t pc, int file, uint32_t line)
{
	const struct dw_row *r = dw_row_at(&d->lines, pc);

	return r != NULL && r->addr == pc && r->is_stmt &&
	    (r->line != line || r->file != file);
}

static int
has_lines(struct dbg *d, uint32_t pc)
{
	return dw_row_at(&d->lines, pc) != NULL &&
	    dw_function_at(&d->info, pc) != NULL;
}

/* One instruction, running a call whole if over (or if it has no lines). */
static int
step_insn(struct dbg *d, int over)
{
	uint8_t code[DIS_MAXLEN];
	uint32_t target;
	struct stop st;
	struct reg r;
	int len;

	if (get_regs(d, &r) != 0)
		return -1;
	memset(code, 0, sizeof(code));
	peek_mem(d, r.r_eip, code, sizeof(code));
	len = dis_call_length(code, sizeof(code));
	if (len > 0 && !over && code[0] == 0xe8) {
		memcpy(&target, code + 1, 4);
		target += r.r_eip + 5;
		over = !has_lines(d, target);
	}
	if (len > 0 && over)
		return run_to(d, r.r_eip + len, r.r_esp) == 1 ? 0 : 1;
	if (resume(d, PT_STEP, &st) != 0)
		return -1;
	if (st.kind != ST_STEP) {
		report_stop(d, &st, 1);
		return 1;
	}
	return 0;
}

/*
 * One source line: 0 when it ended at a line (not yet reported), 1 when
 * something else stopped the program (reported), -1 on error.
 */
static int
step_line(struct dbg *d, int over, int no_back)
{
	uint32_t lo, hi, start_cfa, slot, ret, line = 0;
	const struct dw_row *row;
	const struct dw_die *fn;
	struct frame f;
	struct reg r;
	int rc, file = -1;

	if (frame_selected(d, &f) != 0)
		return -1;
	start_cfa = f.cfa;
	if (line_range(d, f.pc, &lo, &hi) != 0) {
		const struct sym *s = sym_by_addr(&d->syms, f.pc);

		printf("Single stepping until exit from function %s,\nwhich has "
		    "no line number information.\n", s ? s->name : "??");
		if (get_regs(d, &r) != 0 || caller_of(d, &r, &ret, &slot) != 0)
			return -1;
		if ((rc = run_to(d, ret, slot + 4)) != 1)
			return rc == 0 ? 1 : -1;
		if (frame_selected(d, &f) != 0 || line_range(d, f.pc, &lo, &hi))
			return 0;
		start_cfa = f.cfa;
	}
	if ((row = dw_row_at(&d->lines, f.pc)) != NULL) {
		file = row->file;
		line = row->line;
	}
	/* until: the whole function up to this line is "this line". */
	fn = dw_function_at(&d->info, f.pc);
	if (no_back && fn != NULL)
		lo = fn->low_pc;
	for (;;) {
		if ((rc = step_insn(d, over)) != 0)
			return rc;
		if (frame_selected(d, &f) != 0)
			return -1;
		if (f.pc >= lo && f.pc < hi && f.cfa == start_cfa)
			continue;
		if (f.cfa < start_cfa) {
			/* Into a called function: on to its first line. */
			if (!has_lines(d, f.pc)) {
				if (get_regs(d, &r) != 0 ||
				    caller_of(d, &r, &ret, &slot) != 0)
					return -1;
				if ((rc = run_to(d, ret, slot + 4)) != 1)
					return rc == 0 ? 1 : -1;
				continue;
			}
			if (skip_prologue(d, f.pc) != f.pc &&
			    (rc = run_to(d, skip_prologue(d, f.pc), 0)) != 1)
				return rc == 0 ? 1 : -1;
			return 0;
		}
		if (!has_lines(d, f.pc))
			continue;
		if (f.cfa > start_cfa) {
			/* Returned: finish the caller's line first. */
			start_cfa = f.cfa;
			line_range(d, f.pc, &lo, &hi);
			if ((row = dw_row_at(&d->lines, f.pc)) != NULL &&
			    row->addr != f.pc) {
				file = row->file;
				line = row->line;
				continue;
			}
			return 0;
		}
		if (new_line(d, f.pc, file, line))
			return 0;
		/* The same line again, or its middle: on with its range. */
		if (!no_back || f.pc >= hi) {
			line_range(d, f.pc, &lo, &hi);
			if (no_back && fn != NULL)
				lo = fn->low_pc;
		}
	}
}

static void
step_cmd(struct dbg *d, char *a, int over, int no_back)
{
	int n, i, rc = 0;

	if (count_arg(a, &n) != 0 || need_process(d) != 0)
		return;
	d->frame = 0;
	step_begin(d);
	for (i = 0; i < n && rc == 0; i++)
		rc = step_line(d, over, no_back);
	if (rc == 0)
		print_stop_location(d, same_frame(d));
}

void
cmd_step(struct dbg *d, char *a)
{
	step_cmd(d, a, 0, 0);
}

void
cmd_next(struct dbg *d, char *a)
{
	step_cmd(d, a, 1, 0);
}

/* Run to loc or to the return of the selected frame's function. */
static void
run_to_location(struct dbg *d, char *a)
{
	struct location loc;
	struct frame f[2];
	struct bpt *t;
	int n;

	if (need_process(d) != 0 || linespec(d, cmd_trim(a), &loc, 1) != 0)
		return;
	n = frame_list(d, f, 2);
	step_begin(d);
	if ((t = bpt_add(d, BP_TEMP, loc.addr)) == NULL)
		return;
	if (n == 2 && (t = bpt_add(d, BP_TEMP, f[1].pc)) != NULL)
		t->temp_sp = f[1].esp;
	if (run_temps(d) == 1)
		print_stop_location(d, 0);
}

void
cmd_until(struct dbg *d, char *a)
{
	if (*cmd_trim(a) == '\0')
		step_cmd(d, a, 1, 1);
	else
		run_to_location(d, a);
}

void
cmd_advance(struct dbg *d, char *a)
{
	if (*cmd_trim(a) == '\0') {
		printf("Argument required (a location).\n");
		return;
	}
	run_to_location(d, a);
}
