/*
 * display.c - expressions shown at every stop, gdb's display command:
 *
 *	display counter		1: counter = 27
 *	display/x table		2: /x table = {0x25, 0x2f, ...}
 *	display/i $pc		3: x/i $pc
 *				=> 0x8048223 <main+19>:	mov    ...
 *
 * undisplay N (or all), info display. As in gdb, an expression made where
 * the program stopped in a function with local variables is shown only
 * while the program is in that function; one that cannot be evaluated at
 * a stop shows its error and stays in the list.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dbg.h"

static int
is_name_char(int c)
{
	return isalnum(c) || c == '_';
}

static void
show(struct dbg *d, const struct display *disp)
{
	char fmt = 0, unit = 0, *f = (char *)disp->fmt;
	int count = 1;
	uint32_t addr;
	struct value v;

	if (disp->fmt[0] != '\0')
		parse_format(&f, &count, &fmt, &unit);
	if (fmt == 'i' || fmt == 's') {
		printf("%d: x%s %s\n", disp->num, disp->fmt, disp->expr);
		if (expr_eval(d, disp->expr, &addr, NULL) != 0)
			return;
		if (fmt == 'i')
			x_insns(d, addr, count);
		else {
			char cmd[128];

			snprintf(cmd, sizeof(cmd), "%s %s", disp->fmt, disp->expr);
			cmd_x(d, cmd);
		}
		return;
	}
	printf("%d: %s%s%s = ", disp->num, disp->fmt, disp->fmt[0] ? " " : "",
	    disp->expr);
	if (cexpr_eval(d, disp->expr, &v, 0) == 0) {
		value_print(d, &v, fmt, 0);
		printf("\n");
	}
}

/* The entry of the selected frame's function, 0 if none is known. */
static uint32_t
current_func(struct dbg *d)
{
	const struct dw_die *fn;
	struct frame f;

	if (d->pid == 0 || frame_selected(d, &f) != 0 ||
	    (fn = dw_function_at(&d->info, frame_lookup_pc(&f, d->frame))) ==
	    NULL)
		return 0;
	return fn->low_pc;
}

void
do_displays(struct dbg *d)
{
	uint32_t func = current_func(d);
	int i;

	for (i = 0; i < d->ndisplays; i++)
		if (d->displays[i].func == 0 || d->displays[i].func == func)
			show(d, &d->displays[i]);
}

/* Does expr mention a name the word name (not inside a longer name)? */
static int
mentions(const char *expr, const char *name)
{
	size_t n = strlen(name);
	const char *p;

	for (p = strstr(expr, name); p != NULL; p = strstr(p + 1, name))
		if ((p == expr || !is_name_char((unsigned char)p[-1])) &&
		    !is_name_char((unsigned char)p[n]))
			return 1;
	return 0;
}

/* Does expr name a variable or parameter of scope or its inner blocks? */
static int
uses_locals(const struct dw_die *scope, const char *expr)
{
	const struct dw_die *c;

	for (c = scope ? scope->child : NULL; c != NULL; c = c->sibling) {
		if (c->tag == DW_TAG_lexical_block && uses_locals(c, expr))
			return 1;
		if ((c->tag == DW_TAG_variable ||
		    c->tag == DW_TAG_formal_parameter) && c->name != NULL &&
		    mentions(expr, c->name))
			return 1;
	}
	return 0;
}

/* display[/FMT] EXPR; alone: show them all now. */
void
cmd_display(struct dbg *d, char *a)
{
	struct display *disp;
	size_t n;

	a = cmd_trim(a);
	if (*a == '\0') {
		if (d->pid != 0)
			do_displays(d);
		return;
	}
	if (d->ndisplays == DBG_MAXDISPLAY) {
		printf("Too many displays (%d).\n", DBG_MAXDISPLAY);
		return;
	}
	disp = &d->displays[d->ndisplays];
	memset(disp, 0, sizeof(*disp));
	if (*a == '/') {
		n = strcspn(a, " \t");
		if (n >= sizeof(disp->fmt)) {
			printf("Invalid display format \"%.*s\".\n", (int)n, a);
			return;
		}
		memcpy(disp->fmt, a, n);
		a = cmd_trim(a + n);
	}
	if (*a == '\0') {
		printf("Argument required (expression to compute).\n");
		return;
	}
	snprintf(disp->expr, sizeof(disp->expr), "%s", a);
	disp->func = current_func(d);
	if (!uses_locals(dw_function_at(&d->info, disp->func), a))
		disp->func = 0;
	disp->num = ++d->next_display;
	d->ndisplays++;
	if (d->pid != 0)
		show(d, disp);
}

/* undisplay [N...]: remove displays (all of them without N). */
void
cmd_undisplay(struct dbg *d, char *a)
{
	char *w, *end;
	long num;
	int i;

	if (*cmd_trim(a) == '\0') {
		d->ndisplays = 0;
		return;
	}
	while (*(w = cmd_word(&a)) != '\0') {
		num = strtol(w, &end, 10);
		for (i = 0; i < d->ndisplays; i++)
			if (d->displays[i].num == num)
				break;
		if (*end != '\0' || i == d->ndisplays) {
			printf("Arguments must be display numbers.\n");
			continue;
		}
		memmove(&d->displays[i], &d->displays[i + 1],
		    (d->ndisplays - i - 1) * sizeof(d->displays[0]));
		d->ndisplays--;
	}
}

void
cmd_info_display(struct dbg *d, char *a)
{
	int i;

	(void)a;
	if (d->ndisplays == 0) {
		printf("There are no auto-display expressions now.\n");
		return;
	}
	printf("Auto-display expressions now in effect:\nNum Enb Expression\n");
	for (i = 0; i < d->ndisplays; i++)
		printf("%d:   y  %s%s%s\n", d->displays[i].num,
		    d->displays[i].fmt, d->displays[i].fmt[0] ? " " : "",
		    d->displays[i].expr);
}
