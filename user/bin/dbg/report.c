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
 * A location is gdb's "ADDR in FUNC ()" with the exact symbol+offset after
 * it, since dbg has no line numbers to offer instead. report_stop() also
 * decides, from the signal table and the watched values, whether the stop
 * is one the user sees or one dbg passes over silently.
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

static void
report_signal(struct dbg *d, int sig, const char *how)
{
	(void)d;
	printf("\nProgram %s signal %s, %s.\n", how, signal_name(sig),
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
		/* The new image has no int3s and, after exec, no DR state. */
		printf("process %d is executing a new program\n", (int)st->pid);
		dr_program(d, 0);
		return 0;
	case ST_BREAK:
		st->bpt->hits++;
		printf("\nBreakpoint %d, ", st->bpt->num);
		print_location(d, st->eip);
		return 1;
	case ST_WATCH:
		if (!report_watches(d, st->dr6) && !stepping)
			return 0;
		print_location(d, st->eip);
		return 1;
	case ST_STEP:
		print_location(d, st->eip);
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
		print_location(d, r.r_eip);
	return 1;
}
