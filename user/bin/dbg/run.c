/*
 * run.c - making the inferior go, and what its next stop means.
 *
 * resume() is the one place the inferior runs. int3 bytes are planted just
 * before PT_CONTINUE and taken out at the stop, so between commands memory
 * reads show the program's own bytes and stepi never meets our int3s. A
 * breakpoint at the current EIP would fire again at once, so resume first
 * steps over it alone: int3s out and that address's DR execution breakpoint
 * disabled for one PT_STEP (watchpoints stay armed; that one instruction may
 * be the write being watched).
 *
 * A SIGTRAP stop is classified with DR6 from PT_GETDBREGS (which slot fired,
 * or BS for a finished step) and PT_LWPINFO (si_code TRAP_BRKPT for int3,
 * PL_FLAG_EXEC after execve), in that order: the hardware's word first, so
 * that a flag the kernel leaves set too long cannot hide a breakpoint. Our
 * int3 leaves EIP one past the 0xCC: it is moved back so the instruction
 * runs when the program goes on. Then the events of the event mask: exec,
 * fork, vfork done, a system call's entry or exit (catch.c decides which
 * the user sees). Any other SIGTRAP is the program's own.
 *
 * nexti and finish use a temporary int3 (BP_TEMP) with the stack pointer the
 * program will have when it gets there, so a recursive call's hit of the same
 * address is not mistaken for the return.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include "dbg.h"
#include "libdebug/disasm.h"

#define DR6_B_MASK	0x0f
#define DR6_BS		0x4000

static int
read_dr6(struct dbg *d, uint32_t *dr6)
{
	struct dbreg db;

	if (ptrace(PT_GETDBREGS, dbg_lwp(d), (caddr_t)&db, 0) != 0)
		return -1;
	*dr6 = db.dr[6];
	if (db.dr[6] != 0) {
		/* DR6 is sticky: clear it so the next stop is not misread. */
		db.dr[6] = 0;
		ptrace(PT_SETDBREGS, dbg_lwp(d), (caddr_t)&db, 0);
	}
	return 0;
}

/* A SIGTRAP stop: whose was it? */
static void
classify_trap(struct dbg *d, struct stop *st)
{
	struct ptrace_lwpinfo pl;
	struct reg r;
	struct bpt *b;
	int i;

	memset(&pl, 0, sizeof(pl));
	ptrace(PT_LWPINFO, d->pid, (caddr_t)&pl, sizeof(pl));
	if (get_regs(d, &r) != 0 || read_dr6(d, &st->dr6) != 0)
		return;
	st->eip = r.r_eip;
	for (i = 0; i < DBG_NDR; i++) {
		if (!(st->dr6 & (1U << i)) || (b = bpt_by_slot(d, i)) == NULL)
			continue;
		st->kind = b->kind == BP_HBREAK ? ST_BREAK : ST_WATCH;
		st->bpt = b;
		if (b->kind == BP_HBREAK)
			return;
	}
	if (st->kind == ST_WATCH)
		return;
	if (pl.pl_siginfo.si_code == TRAP_BRKPT &&
	    (b = bpt_at(d, r.r_eip - 1, 0)) != NULL && b->inserted) {
		r.r_eip--;
		set_regs(d, &r, "registers");
		st->kind = ST_BREAK;
		st->bpt = b;
		st->eip = r.r_eip;
		return;
	}
	if (st->dr6 & DR6_BS)
		st->kind = ST_STEP;
	else if (pl.pl_flags & PL_FLAG_EXEC)
		st->kind = ST_EXEC;
	else if (pl.pl_flags & PL_FLAG_FORKED) {
		st->kind = ST_FORK;
		st->child = pl.pl_child_pid;
		st->vfork = (pl.pl_flags & PL_FLAG_VFORKED) != 0;
	} else if (pl.pl_flags & PL_FLAG_VFORK_DONE)
		st->kind = ST_VFORK_DONE;
	else if (pl.pl_flags & (PL_FLAG_SCE | PL_FLAG_SCX)) {
		st->kind = ST_SYSCALL;
		st->sc_code = pl.pl_syscall_code;
		st->sc_entry = (pl.pl_flags & PL_FLAG_SCE) != 0;
	}
}

/* Collect the stop of the inferior and say what it was. */
static int
wait_stop(struct dbg *d, struct stop *st)
{
	int status;

	memset(st, 0, sizeof(*st));
	st->pid = d->pid;
	while (waitpid(d->pid, &status, 0) < 0) {
		if (errno != EINTR) {
			printf("waitpid: %s.\n", strerror(errno));
			inferior_gone(d);
			st->kind = ST_KILLED;
			return -1;
		}
	}
	if (WIFEXITED(status) || WIFSIGNALED(status)) {
		st->kind = WIFEXITED(status) ? ST_EXITED : ST_KILLED;
		st->status = WIFEXITED(status) ? WEXITSTATUS(status) : 0;
		st->sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
		return 0;
	}
	st->kind = ST_SIGNAL;
	st->sig = WSTOPSIG(status);
	threads_note_stop(d);
	if (st->sig == SIGTRAP)
		classify_trap(d, st);
	if (st->kind == ST_EXEC) {
		int i;

		/* The old image is gone, and our int3s with it. */
		for (i = 0; i < d->nbpts; i++)
			d->bpts[i].inserted = 0;
	}
	if (st->kind == ST_FORK)
		catch_fork_stop(d, st);
	return 0;
}

static int
ptrace_go(struct dbg *d, int req, int sig)
{
	fflush(stdout);
	if (ptrace(req, req == PT_STEP ? dbg_lwp(d) : d->pid, (caddr_t)1,
	    sig) == 0)
		return 0;
	printf("Cannot resume process %d: %s.\n", (int)d->pid, strerror(errno));
	return -1;
}

/* One PT_STEP past a breakpoint at eip; ST_STEP if nothing else happened. */
static int
step_over(struct dbg *d, uint32_t eip, int sig, struct stop *st)
{
	/* LAB dbg: BEGIN stub:
	 *	(void)d;
	 *	(void)sig;
	 *	(void)st;
	 *	printf("Cannot step over the breakpoint at 0x%x yet.\n",
	 *	    (unsigned)eip);
	 *	return -1;
	 */
	int hard = bpt_at(d, eip, 1) != NULL;

	if (hard && dr_program(d, eip) != 0)
		return -1;
	if (ptrace_go(d, PT_STEP, sig) != 0)
		return -1;
	if (wait_stop(d, st) != 0)
		return -1;
	if (hard && d->pid != 0 && st->kind != ST_EXEC)
		dr_program(d, 0);
	return 0;
	/* LAB dbg: END */
}

/* resume(), once: the next stop, whatever it is. */
static int
resume_once(struct dbg *d, int req, struct stop *st)
{
	struct reg r;
	int sig;

	if (req == PT_CONTINUE && d->stop_tid != 0)
		d->tid = d->stop_tid;	/* it may stand on a breakpoint */
	if (need_process(d) != 0 || catch_arm(d, req) != 0 ||
	    get_regs(d, &r) != 0)
		return -1;
	sig = d->pending_sig;
	d->pending_sig = 0;
	if (bpt_at(d, r.r_eip, 0) != NULL || bpt_at(d, r.r_eip, 1) != NULL) {
		if (step_over(d, r.r_eip, sig, st) != 0)
			return -1;
		if (req == PT_STEP || st->kind != ST_STEP)
			goto done;
		sig = 0;
	}
	if (req == PT_CONTINUE && catch_may_plant(d) && soft_insert_all(d) != 0)
		return -1;
	if (ptrace_go(d, req, sig) != 0) {
		soft_remove_all(d);
		return -1;
	}
	if (wait_stop(d, st) != 0)
		return -1;
done:
	if (st->kind == ST_EXITED || st->kind == ST_KILLED)
		inferior_gone(d);
	else
		soft_remove_all(d);
	return 0;
}

/*
 * Run the inferior with req (PT_CONTINUE or PT_STEP), delivering the pending
 * signal, until it stops in a way the user may care about (events nobody
 * caught are passed over); *st says why. 0, or -1 (message printed) if it
 * could not be resumed.
 */
int
resume(struct dbg *d, int req, struct stop *st)
{
	do {
		if (resume_once(d, req, st) != 0)
			return -1;
	} while (d->pid != 0 && !catch_event(d, st));
	return 0;
}

void
cmd_continue(struct dbg *d, char *a)
{
	struct stop st;

	(void)a;
	if (need_process(d) != 0)
		return;
	printf("Continuing.\n");
	while (resume(d, PT_CONTINUE, &st) == 0 && !report_stop(d, &st, 0))
		;
}

int
count_arg(char *a, int *n)
{
	char *w = cmd_word(&a), *end;

	*n = 1;
	if (*w == '\0')
		return 0;
	*n = strtol(w, &end, 0);
	if (*end != '\0' || *n < 1) {
		printf("Invalid count \"%s\".\n", w);
		return -1;
	}
	return 0;
}

void
cmd_stepi(struct dbg *d, char *a)
{
	struct stop st;
	int n, i;

	if (count_arg(a, &n) != 0 || need_process(d) != 0)
		return;
	step_begin(d);
	for (i = 0; i < n; i++) {
		if (resume(d, PT_STEP, &st) != 0)
			return;
		if (st.kind == ST_STEP && i < n - 1)
			continue;
		if (report_stop(d, &st, 1))
			return;
	}
}

/*
 * Run until one of the temporary breakpoints is reached with the stack
 * pointer it expects (temp_sp; 0: any). 1 if one was (nothing reported
 * yet), 0 if something else stopped the inferior (already reported), -1
 * on error. The temporary breakpoints are gone afterwards.
 */
int
run_temps(struct dbg *d)
{
	/* LAB dbg: BEGIN stub:
	 *	bpt_remove_temps(d);
	 *	printf("Cannot run to a temporary breakpoint yet.\n");
	 *	return -1;
	 */
	struct stop st;
	struct reg r;
	int ret = -1;

	while (resume(d, PT_CONTINUE, &st) == 0) {
		if (st.kind == ST_BREAK && st.bpt->kind == BP_TEMP) {
			if (get_regs(d, &r) != 0)
				break;
			if (st.bpt->temp_sp == 0 || r.r_esp == st.bpt->temp_sp) {
				ret = 1;
				break;
			}
			continue;
		}
		if (report_stop(d, &st, 0)) {
			ret = 0;
			break;
		}
	}
	bpt_remove_temps(d);
	return ret;
	/* LAB dbg: END */
}

/* Run to a temporary breakpoint at addr hit with esp == sp (0: any). */
int
run_to(struct dbg *d, uint32_t addr, uint32_t sp)
{
	struct bpt *t = bpt_add(d, BP_TEMP, addr);

	if (t == NULL)
		return -1;
	t->temp_sp = sp;
	return run_temps(d);
}

void
cmd_nexti(struct dbg *d, char *a)
{
	unsigned char insn[DIS_MAXLEN];
	struct stop st;
	struct reg r;
	int n, i, len;

	if (count_arg(a, &n) != 0 || need_process(d) != 0)
		return;
	step_begin(d);
	for (i = 0; i < n; i++) {
		if (get_regs(d, &r) != 0)
			return;
		memset(insn, 0, sizeof(insn));
		peek_mem(d, r.r_eip, insn, sizeof(insn));
		if ((len = dis_call_length(insn, sizeof(insn))) == 0) {
			if (resume(d, PT_STEP, &st) != 0)
				return;
			if (st.kind == ST_STEP && i < n - 1)
				continue;
			if (report_stop(d, &st, 1))
				return;
			continue;
		}
		if (run_to(d, r.r_eip + len, r.r_esp) != 1)
			return;
		if (i == n - 1)
			print_stop_location(d, same_frame(d));
	}
}

/* Remember the frame a stepping command starts in (report.c compares). */
void
step_begin(struct dbg *d)
{
	const struct dw_die *fn;
	struct frame f;

	d->step_func = d->step_cfa = 0;
	if (frame_selected(d, &f) != 0 || d->frame != 0)
		return;
	fn = dw_function_at(&d->info, f.pc);
	d->step_func = fn ? fn->low_pc : 0;
	d->step_cfa = f.cfa;
}

/*
 * "Value returned is $N = ..." for function func (just returned): i386
 * returns integers and pointers in EAX (EDX:EAX for 8 bytes), floating
 * point in st(0), and a struct in memory whose address comes back in EAX.
 */
static void
print_returned(struct dbg *d, const struct dw_die *func, const struct reg *r)
{
	struct type *t = func ? type_of_die(d, func->type) : NULL;
	struct type *s = type_strip(t);
	struct value v;

	if (func == NULL || s == NULL || s->kind == TY_VOID)
		return;
	memset(&v, 0, sizeof(v));
	v.t = t;
	if (s->kind == TY_STRUCT || s->kind == TY_UNION || s->kind == TY_ARRAY) {
		v.where = V_MEM;
		v.addr = r->r_eax;
	} else if (s->kind == TY_FLOAT) {
		if (fpu_register_value(d, 0, v.b, s->size) != 0)
			return;
	} else {
		memcpy(v.b, &r->r_eax, 4);
		memcpy(v.b + 4, &r->r_edx, 4);
	}
	printf("Value returned is $%d = ", history_add(d, &v));
	value_print(d, &v, 0, 1);
	printf("\n");
}

/* finish: run until the selected frame's function returns to its caller. */
void
cmd_finish(struct dbg *d, char *a)
{
	const struct dw_die *func;
	struct frame f[MAXFRAMES];
	struct reg r;
	int n, k = d->frame;

	(void)a;
	if (need_process(d) != 0)
		return;
	n = frame_list(d, f, MAXFRAMES);
	if (k + 1 >= n) {
		printf("\"finish\" not meaningful in the outermost frame.\n");
		return;
	}
	func = dw_function_at(&d->info, frame_lookup_pc(&f[k], k));
	printf("Run till exit from ");
	print_frame(d, &f[k], k, 1, 0);
	/* LAB dbg: BEGIN stub:
	 *	printf("Cannot run back to the caller yet.\n");
	 *	return;
	 */
	/* Back in the caller, the stack pointer is the callee's CFA. */
	if (run_to(d, f[k + 1].pc, f[k].cfa) != 1 || get_regs(d, &r) != 0)
		return;
	/* LAB dbg: END */
	step_begin(d);
	print_stop_location(d, 0);
	if (func != NULL)
		print_returned(d, func, &r);
	else
		printf("Value returned is $%d = %d\n", ++d->nvalues,
		    (int)r.r_eax);
}
