/*
 * report.c - telling the user where the inferior is and why it stopped,
 * in gdb's words:
 *
 *	Breakpoint 1, 0x08048220 in step_c () <step_c>
 *	Hardware watchpoint 2: counter  /  Old value = 0  /  New value = 1
 *	Program received signal SIGSEGV, Segmentation fault.
 *	Program terminated with signal SIGSEGV, Segmentation fault.
 *	[Inferior 1 (process 7) exited with code 3]
 *
 * With line information a stop shows the function, its arguments, file and
 * line, then the source line ("20\t  return 3 * x + 1;"); a step that stays
 * in the same function shows only the source line. Code without it shows
 * gdb's "ADDR in FUNC ()" with the exact symbol+offset after it. Every stop
 * ends with the instruction at the pc, "=> 0x8048223 <step_c+3>: mov ...",
 * then the display expressions. report_stop() also decides, from the
 * signal table and the watched values, whether the stop is one the user
 * sees or one dbg passes over silently.
 */
#include <stdio.h>
#include <string.h>
#include "dbg.h"

/* "<sym+off>" for an address inside a known symbol, else "". */
void
format_symaddr(struct dbg *d, uint32_t a, char *buf, size_t len)
{
	const struct sym *s = sym_by_addr(&d->syms, a);

	if (s == NULL)
		buf[0] = '\0';
	else if (a == s->value)
		snprintf(buf, len, "<%s>", s->name);
	else
		snprintf(buf, len, "<%s+%u>", s->name, (unsigned)(a - s->value));
}

/* "0x08048221 in step_c () <step_c+1>", a line of its own. */
void
print_location(struct dbg *d, uint32_t eip)
{
	const struct sym *s = sym_by_addr(&d->syms, eip);
	char where[80];

	if (s == NULL || !s->func) {
		printf("0x%08x in ?? ()\n", (unsigned)eip);
		return;
	}
	format_symaddr(d, eip, where, sizeof(where));
	printf("0x%08x in %s () %s\n", (unsigned)eip, s->name, where);
}

/*
 * Where the program stopped: the frame (or, source_only, just the source
 * line when still in the function the command started in), the "=>"
 * instruction line and the displays.
 */
void
print_stop_location(struct dbg *d, int source_only)
{
	struct frame f;
	const struct dw_row *r;

	d->frame = 0;
	d->list_file = -1;
	if (frame_selected(d, &f) != 0)
		return;
	r = dw_row_at(&d->lines, f.pc);
	if (r != NULL && source_only && dw_function_at(&d->info, f.pc)) {
		if (r->addr != f.pc || !r->is_stmt)
			printf("0x%08x\t", (unsigned)f.pc);
		source_print_line(d, r->file, r->line);
	} else
		print_frame(d, &f, 0, 0, 1);
	print_insn_line(d, f.pc, f.pc);
	do_displays(d);
}

/* Is the program in the function and frame the stepping started in? */
int
same_frame(struct dbg *d)
{
	struct frame f;
	const struct dw_die *fn;

	if (frame_selected(d, &f) != 0 || d->step_cfa == 0)
		return 0;
	fn = dw_function_at(&d->info, f.pc);
	return fn != NULL && fn->low_pc == d->step_func && f.cfa == d->step_cfa;
}

/* A watchpoint slot fired: 1 if the user is to hear of it. */
static int
report_watch(struct dbg *d, struct bpt *b)
{
	unsigned char now[8];
	char oldv[64], newv[64];

	if (read_mem(d, b->addr, now, b->len) != 0)
		return 1;
	format_value(oldv, sizeof(oldv), b->old, b->len, b->isfloat, 0);
	format_value(newv, sizeof(newv), now, b->len, b->isfloat, 0);
	if (b->kind == BP_WATCH) {
		if (memcmp(now, b->old, b->len) == 0)
			return 0;	/* the same value again: gdb says nothing */
		b->hits++;
		printf("\nHardware watchpoint %d: %s\n\nOld value = %s\n"
		    "New value = %s\n", b->num, b->what, oldv, newv);
	} else if (b->kind == BP_AWATCH) {
		b->hits++;
		printf("\nHardware access (read/write) watchpoint %d: %s\n\n",
		    b->num, b->what);
		if (memcmp(now, b->old, b->len) == 0)
			printf("Value = %s\n", newv);
		else
			printf("Old value = %s\nNew value = %s\n", oldv, newv);
	} else {
		b->hits++;
		printf("\nHardware read watchpoint %d: %s\n\nValue = %s\n",
		    b->num, b->what, newv);
	}
	memcpy(b->old, now, b->len);
	return 1;
}

/* Every watchpoint whose slot is in dr6 (one write can hit two). */
static int
report_watches(struct dbg *d, uint32_t dr6)
{
	struct bpt *b, *seen[DBG_NDR];
	int i, j, n = 0, shown = 0;

	for (i = 0; i < DBG_NDR; i++) {
		if (!(dr6 & (1U << i)) || (b = bpt_by_slot(d, i)) == NULL)
			continue;
		for (j = 0; j < n && seen[j] != b; j++)
			;
		if (j < n)
			continue;
		seen[n++] = b;
		shown |= report_watch(d, b);
	}
	return shown;
}

/* "Program" or, in a process with threads, 'Thread N "name"' (gdb's words). */
static void
print_who(struct dbg *d)
{
	char name[32];

	if (!threads_many(d) || d->tid == 0) {
		printf("Program");
		return;
	}
	thread_name(d, d->tid, name, sizeof(name));
	printf("Thread %d \"%s\"", thread_num(d, d->tid), name);
}

static void
report_signal(struct dbg *d, int sig, const char *how)
{
	printf("\n");
	if (strcmp(how, "received") == 0)
		print_who(d);
	else
		printf("Program");
	printf(" %s signal %s, %s.\n", how, signal_name(sig),
	    sys_siglist[sig]);
}

/*
 * Report st if the user should see it. 1: the command ends here (the
 * inferior is stopped or gone); 0: dbg lets it run on. stepping: the
 * stop ends a stepi, so it is shown even when nothing else happened.
 */
int
report_stop(struct dbg *d, struct stop *st, int stepping)
{
	struct sigflags *f;
	struct reg r;

	switch (st->kind) {
	case ST_EXITED:
		if (st->status == 0)
			printf("[Inferior 1 (process %d) exited normally]\n",
			    (int)st->pid);
		else
			printf("[Inferior 1 (process %d) exited with code %d]\n",
			    (int)st->pid, st->status);
		return 1;
	case ST_KILLED:
		report_signal(d, st->sig, "terminated with");
		printf("The program no longer exists.\n");
		return 1;
	case ST_EXEC:
	case ST_FORK:
	case ST_VFORK_DONE:
	case ST_SYSCALL:
		return catch_report(d, st);
	case ST_BREAK:
		st->bpt->hits++;
		printf("\n");
		if (threads_many(d)) {
			print_who(d);
			printf(" hit ");
		}
		printf("%sreakpoint %d, ", st->bpt->once ? "Temporary b" : "B",
		    st->bpt->num);
		if (st->bpt->once)
			bpt_remove(d, st->bpt);
		print_stop_location(d, 0);
		return 1;
	case ST_WATCH:
		if (!report_watches(d, st->dr6) && !stepping)
			return 0;
		print_stop_location(d, 0);
		return 1;
	case ST_STEP:
		print_stop_location(d, same_frame(d));
		return 1;
	case ST_SIGNAL:
		break;
	}
	f = &d->sig[st->sig];
	d->pending_sig = f->pass ? st->sig : 0;
	if (f->print)
		report_signal(d, st->sig, "received");
	if (!f->stop && !stepping)
		return 0;
	if (get_regs(d, &r) == 0)
		print_stop_location(d, 0);
	return 1;
}
