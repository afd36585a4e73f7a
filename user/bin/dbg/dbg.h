/*
 * dbg.h - the state of one debugging session and the interfaces between the
 * files of dbg, the debugger that runs inside Kestrel.
 *
 * One struct dbg holds everything a session knows: the inferior (at most
 * one process), the program's ELF symbols and DWARF tables, the breakpoint
 * table, the signal table and the little state gdb keeps between commands
 * (the last x/ format, the value history, the selected frame, the
 * displays). Every command gets it as its first argument;
 * there is no other global state.
 *
 * The files, one concern each:
 *	main.c		options, the command loop, echoing scripted commands
 *	cmd.c		the command table, gdb's abbreviations, help
 *	expr.c		register names; an expression as an address
 *	cexpr.c		C expressions: parsing, names, members, casts
 *	cexpr_ops.c	C's operators and conversions
 *	types.c		C types from DWARF; ptype.c: their names, ptype
 *	value.c		printing a typed value as gdb does
 *	regvals.c	$registers, $st, $xmm, the value history
 *	scope.c		which variable a name means; info locals/args
 *	linespec.c	FUNC, FILE:LINE, *ADDR; the end of a prologue
 *	source.c	source files and list
 *	disas.c		x/i, disassemble, the "=>" instruction line
 *	stack.c		backtrace, frame, up, down, info frame
 *	step.c		step, next, until, advance by source line
 *	display.c	display and undisplay
 *	elfsym.c	the program's ELF .symtab
 *	bpt.c		the breakpoint table and its commands
 *	insert.c	planting int3 bytes and programming DR0-DR7
 *	proc.c		run, attach, detach, kill, the inferior's life
 *	run.c		continue, stepi, nexti, finish, and what a stop means
 *	report.c	telling the user where the inferior stopped and why
 *	frame.c		the frames of the stack; registers of a frame
 *	regs.c		info registers, info all-registers, set var
 *	fpu.c		info float: the x87 stack and the SSE registers
 *	mem.c		memory (or the file before run), x/, print
 *	signals.c	info signals, handle
 *	catch.c		catchpoints, following forks, the event mask
 *	threads.c	info threads, thread N, thread apply all bt
 */
#ifndef DBG_H
#define DBG_H

#include <stddef.h>
#include <stdint.h>
#include <signal.h>
#include <sys/types.h>
#include <machine/reg.h>
#include "libdebug/elf.h"
#include "libdebug/dwarf.h"
#include "types.h"

#define DBG_MAXARGS	16
#define DBG_MAXBPTS	32
#define DBG_NDR		4		/* DR0-DR3 */
#define DBG_HISTORY	64		/* values kept as $N */
#define DBG_MAXDISPLAY	16
#define MAXFRAMES	64
#define DBG_MAXCATCH	16
#define DBG_MAXSYS	8		/* calls named by one catch syscall */
#define DBG_MAXTHREADS	32		/* threads dbg numbers */

/* ---- ELF symbols (elfsym.c) */
struct sym {
	const char	*name;
	uint32_t	value;
	uint32_t	size;
	unsigned char	func;		/* STT_FUNC, or an untyped text label */
	unsigned char	global;
	unsigned char	data;		/* in a data, bss or rodata section */
};

struct symtab {
	struct sym	*syms;		/* sorted by value */
	int		n;
	char		*file;		/* the whole ELF file */
	struct elf_file	elf;
	char		*path;
};

int	symtab_load(struct symtab *st, const char *path);
void	symtab_free(struct symtab *st);
const struct sym *sym_by_name(const struct symtab *st, const char *name);
const struct sym *sym_by_addr(const struct symtab *st, uint32_t addr);

/* ---- breakpoints (bpt.c, insert.c) */
enum bpkind {
	BP_BREAK,	/* int3 */
	BP_HBREAK,	/* DR execution breakpoint */
	BP_WATCH,	/* DR write watchpoint */
	BP_RWATCH,	/* DR read/write watchpoint */
	BP_AWATCH,	/* DR access watchpoint: reads and writes */
	BP_TEMP		/* internal int3 for nexti and finish */
};

struct bpt {
	int		num;		/* 0 for BP_TEMP */
	enum bpkind	kind;
	int		once;		/* tbreak: deleted when hit */
	uint32_t	addr;
	uint32_t	len;		/* watchpoints: 1..8 bytes */
	int		isfloat;	/* watched value is a double */
	char		what[48];	/* watchpoints: the expression */
	int		hits;
	int		inserted;	/* int3 planted */
	unsigned char	saved;		/* the byte under the int3 */
	unsigned char	old[8];		/* watchpoints: last value seen */
	uint32_t	temp_sp;	/* BP_TEMP: esp expected at the hit */
};

/* ---- catchpoints (catch.c); numbered with the breakpoints */
enum catchkind { CATCH_FORK, CATCH_VFORK, CATCH_EXEC, CATCH_SYSCALL };

struct catchpt {
	int		num;
	enum catchkind	kind;
	int		hits;
	int		nsys;		/* CATCH_SYSCALL: 0 for any call */
	int		sys[DBG_MAXSYS];
	pid_t		pid;		/* the last child caught */
	char		prog[64];	/* the last program exec'd */
};

/* ---- per-signal handling (signals.c) */
struct sigflags {
	unsigned char	stop, print, pass;
};

/* ---- a stack frame (frame.c) */
struct frame {
	uint32_t	pc, cfa, esp, ebp;
};

/* ---- a place in the program (linespec.c) */
struct location {
	uint32_t	addr;		/* where to stop */
	uint32_t	func;		/* the function's entry, if named */
	int		file;		/* DWARF file number, -1: none */
	uint32_t	line;
};

struct display {
	int		num;
	uint32_t	func;		/* shown only in this function; 0: always */
	char		fmt[8];		/* "/x", "/i" with count, or "" */
	char		expr[96];
};

/* ---- the session */
struct dbg {
	pid_t		pid;		/* the inferior, 0 if none */
	lwpid_t		tid;		/* the selected thread, 0 if none */
	lwpid_t		stop_tid;	/* the thread of the last stop */
	lwpid_t		threads[DBG_MAXTHREADS];	/* thread N is threads[N-1]; 0: gone */
	int		nthreads;
	int		attached;	/* by attach (quit detaches), not run */
	int		pending_sig;	/* delivered at the next resume */
	char		*prog;		/* path of the program, NULL if none */
	char		*args[DBG_MAXARGS + 1];	/* run's argv; args[0] = prog */
	struct symtab	syms;
	struct bpt	bpts[DBG_MAXBPTS];
	int		nbpts;
	int		next_num;	/* number of the next user breakpoint */
	int		nvalues;	/* $N of the last value printed */
	struct value	history[DBG_HISTORY];
	struct dw_lines	lines;		/* DWARF line table, may be empty */
	struct dw_info	info;		/* DWARF entries, may be empty */
	struct type	*types;		/* every type made (types.c) */
	int		frame;		/* the selected frame */
	int		list_file;	/* list: file and lines shown, -1 */
	int		list_first, list_last;
	struct display	displays[DBG_MAXDISPLAY];
	int		ndisplays, next_display;
	uint32_t	step_func, step_cfa;	/* where a step began */
	const char	*cmd_name;	/* the command being run */
	int		echo;		/* commands from a script: echo them */
	uint32_t	x_next;		/* where a bare x continues */
	char		x_fmt, x_unit;
	struct sigflags	sig[NSIG];
	struct catchpt	catches[DBG_MAXCATCH];
	int		ncatches;
	int		follow_child;	/* follow-fork-mode child */
	int		ptevents;	/* the event mask set, 0: not yet */
	pid_t		fork_child;	/* a fork not yet settled, 0: none */
	int		fork_vfork;	/* ... it was a vfork */
	int		vfork_parent;	/* the parent goes on: no int3s yet */
	int		vfork_child;	/* the child shares memory: no int3s */
};

/* What stopped the inferior (run.c). */
enum stopkind {
	ST_EXITED,	/* status: exit code */
	ST_KILLED,	/* sig: the signal that killed it */
	ST_STEP,	/* one instruction done */
	ST_BREAK,	/* bpt: a breakpoint, soft or hard */
	ST_WATCH,	/* dr6: one or more watchpoints fired */
	ST_SIGNAL,	/* sig: a signal, not the debugger's */
	ST_EXEC,	/* the SIGTRAP after execve */
	ST_FORK,	/* child, vfork: the parent's fork stop */
	ST_VFORK_DONE,	/* a vfork parent goes on */
	ST_SYSCALL	/* sc_code, sc_entry: a system call's entry or exit */
};

struct stop {
	enum stopkind	kind;
	pid_t		pid;
	int		sig;
	int		status;
	struct bpt	*bpt;
	uint32_t	dr6;
	uint32_t	eip;
	pid_t		child;
	int		vfork;
	int		sc_code;
	int		sc_entry;
	struct catchpt	*cp;		/* the catchpoint that wants the event */
};

/* cmd.c */
int	cmd_execute(struct dbg *d, char *line);
void	cmd_repeat(const char *line, char *out, size_t len);
char	*cmd_word(char **s);
char	*cmd_trim(char *s);

/* expr.c */
int	expr_eval(struct dbg *d, const char *s, uint32_t *v,
	    const struct sym **symp);
int	value_addr(struct dbg *d, struct value *v, uint32_t *addr);
const char *reg_name(int i, size_t *off);
int	reg_lookup(const char *name, size_t *off);
uint32_t	*reg_field(struct reg *r, size_t off);

/* proc.c: the inferior's life */
int	need_process(struct dbg *d);
int	get_regs(struct dbg *d, struct reg *r);
int	set_regs(struct dbg *d, struct reg *r, const char *what);
void	inferior_gone(struct dbg *d);
void	proc_quit(struct dbg *d);
int	load_program(struct dbg *d, const char *path);
int	program_of_pid(pid_t pid, char *path, size_t len);
void	cmd_run(struct dbg *d, char *a);
void	cmd_attach(struct dbg *d, char *a);
void	cmd_detach(struct dbg *d, char *a);
void	cmd_kill(struct dbg *d, char *a);
void	cmd_file(struct dbg *d, char *a);

/* run.c */
int	resume(struct dbg *d, int req, struct stop *st);
void	cmd_continue(struct dbg *d, char *a);
int	run_to(struct dbg *d, uint32_t addr, uint32_t sp);
int	run_temps(struct dbg *d);
void	step_begin(struct dbg *d);
int	count_arg(char *a, int *n);
void	cmd_stepi(struct dbg *d, char *a);
void	cmd_nexti(struct dbg *d, char *a);
void	cmd_finish(struct dbg *d, char *a);

/* threads.c */
pid_t	dbg_lwp(struct dbg *d);
void	threads_note_stop(struct dbg *d);
void	threads_forget(struct dbg *d);
int	threads_many(struct dbg *d);
int	thread_num(struct dbg *d, lwpid_t tid);
void	thread_name(struct dbg *d, lwpid_t tid, char *buf, size_t len);
void	cmd_info_threads(struct dbg *d, char *a);
void	cmd_thread(struct dbg *d, char *a);

/* report.c */
int	report_stop(struct dbg *d, struct stop *st, int stepping);
void	print_location(struct dbg *d, uint32_t eip);
void	print_stop_location(struct dbg *d, int source_only);
int	same_frame(struct dbg *d);
void	format_symaddr(struct dbg *d, uint32_t a, char *buf, size_t len);

/* frame.c */
int	caller_of(struct dbg *d, const struct reg *r, uint32_t *ret,
	    uint32_t *ret_slot);
int	frame_list(struct dbg *d, struct frame *f, int max);
int	frame_selected(struct dbg *d, struct frame *f);
uint32_t frame_lookup_pc(const struct frame *f, int level);
int	frame_register(struct dbg *d, int dwreg, void *buf, uint32_t size);
int	frame_set_register(struct dbg *d, int dwreg, const void *buf,
	    uint32_t size);

/* stack.c */
void	print_frame(struct dbg *d, const struct frame *f, int level,
	    int with_level, int with_source);
void	cmd_backtrace(struct dbg *d, char *a);
void	cmd_frame(struct dbg *d, char *a);
void	cmd_up(struct dbg *d, char *a);
void	cmd_down(struct dbg *d, char *a);
void	cmd_info_frame(struct dbg *d, char *a);

/* cexpr.c, cexpr_ops.c */
int	cexpr_eval(struct dbg *d, const char *s, struct value *v, int effects);
int	cexpr_binary(struct dbg *d, const char *op, struct value *a,
	    struct value *b);
int	cexpr_unary(struct dbg *d, char op, struct value *v, int noside);
int	cexpr_cast(struct dbg *d, struct value *v, struct type *t);
int	cexpr_assign(struct dbg *d, struct value *lhs, struct value *rhs);
int	value_at(struct dbg *d, struct value *v, struct type *t, uint32_t addr,
	    int noside);

/* regvals.c */
int	dollar(struct dbg *d, const char *name, struct value *v);
int	history_add(struct dbg *d, const struct value *v);
int	fpu_register_value(struct dbg *d, int k, void *buf, uint32_t size);
int	xmm_register_value(struct dbg *d, int k, void *buf, uint32_t size);
void	print_vector(struct dbg *d, const unsigned char *b, char fmt);
struct type *type_nodebug_text(struct dbg *d);
void	cmd_info_all_registers(struct dbg *d, char *a);

/* scope.c */
int	scope_value(struct dbg *d, const char *name, struct value *v);
void	scope_print_args(struct dbg *d, const struct dw_die *func,
	    const struct frame *f);
void	cmd_info_locals(struct dbg *d, char *a);
void	cmd_info_args(struct dbg *d, char *a);

/* ptype.c */
void	cmd_ptype(struct dbg *d, char *a);
void	cmd_whatis(struct dbg *d, char *a);

/* linespec.c */
int	linespec(struct dbg *d, const char *spec, struct location *loc,
	    int for_break);
uint32_t skip_prologue(struct dbg *d, uint32_t func_addr);

/* source.c */
int	source_print_line(struct dbg *d, int file, uint32_t line);
void	cmd_list(struct dbg *d, char *a);

/* disas.c */
int	insn_text(struct dbg *d, uint32_t addr, char *text);
void	print_insn_line(struct dbg *d, uint32_t addr, uint32_t pc);
uint32_t x_insns(struct dbg *d, uint32_t addr, int count);
void	cmd_disassemble(struct dbg *d, char *a);
void	cmd_info_symbol(struct dbg *d, char *a);

/* step.c */
void	cmd_step(struct dbg *d, char *a);
void	cmd_next(struct dbg *d, char *a);
void	cmd_until(struct dbg *d, char *a);
void	cmd_advance(struct dbg *d, char *a);

/* display.c */
void	cmd_display(struct dbg *d, char *a);
void	cmd_undisplay(struct dbg *d, char *a);
void	cmd_info_display(struct dbg *d, char *a);
void	do_displays(struct dbg *d);

/* bpt.c */
struct bpt *bpt_at(struct dbg *d, uint32_t addr, int hard);
struct bpt *bpt_by_slot(struct dbg *d, int slot);
struct bpt *bpt_add(struct dbg *d, enum bpkind kind, uint32_t addr);
void	bpt_remove(struct dbg *d, struct bpt *b);
void	bpt_remove_temps(struct dbg *d);
void	watch_snapshot(struct dbg *d);
void	cmd_break(struct dbg *d, char *a);
void	cmd_hbreak(struct dbg *d, char *a);
void	cmd_watch(struct dbg *d, char *a);
void	cmd_tbreak(struct dbg *d, char *a);
void	cmd_awatch(struct dbg *d, char *a);
void	cmd_rwatch(struct dbg *d, char *a);
void	cmd_delete(struct dbg *d, char *a);
void	cmd_info_breakpoints(struct dbg *d, char *a);

/* insert.c */
int	soft_insert_all(struct dbg *d);
void	soft_remove_all(struct dbg *d);
int	dr_program(struct dbg *d, uint32_t skip_exec_at);
int	dr_slots(const struct bpt *b, uint32_t addr[DBG_NDR],
	    uint32_t len[DBG_NDR]);

/* regs.c */
void	cmd_info_registers(struct dbg *d, char *a);
void	cmd_set(struct dbg *d, char *a);

/* fpu.c */
void	cmd_info_float(struct dbg *d, char *a);
double	x87_to_double(const unsigned char ext[10]);

/* mem.c */
size_t	peek_mem(struct dbg *d, uint32_t addr, void *buf, size_t len);
int	read_mem(struct dbg *d, uint32_t addr, void *buf, size_t len);
int	write_mem(struct dbg *d, uint32_t addr, const void *buf, size_t len);
void	format_value(char *buf, size_t n, const unsigned char *bytes,
	    size_t size, int isfloat, char fmt);
int	parse_format(char **ap, int *count, char *fmt, char *unit);
void	cmd_x(struct dbg *d, char *a);
void	cmd_print(struct dbg *d, char *a);
void	cmd_output(struct dbg *d, char *a);

/* catch.c */
void	cmd_catch(struct dbg *d, char *a);
void	cmd_show(struct dbg *d, char *a);
int	catch_set(struct dbg *d, char *a);
struct catchpt *catch_by_number(struct dbg *d, int num);
void	catch_remove(struct dbg *d, struct catchpt *c);
void	catch_print_row(struct dbg *d, const struct catchpt *c);
void	catch_fork_stop(struct dbg *d, struct stop *st);
int	catch_arm(struct dbg *d, int req);
int	catch_may_plant(struct dbg *d);
void	catch_inferior_gone(struct dbg *d);
int	catch_event(struct dbg *d, struct stop *st);
int	catch_report(struct dbg *d, struct stop *st);

/* signals.c */
void	signals_init(struct dbg *d);
const char *signal_name(int sig);
void	cmd_info_signals(struct dbg *d, char *a);
void	cmd_handle(struct dbg *d, char *a);

#endif
