/*
 * dbg_break.c - scripted dbg sessions about code: breakpoints, backtrace,
 * stepi, nexti, finish (in a recursion too), hbreak and the breakpoint
 * table.
 *
 * Two inferiors: /bin/demo (the call chain main -> compute -> step_a ->
 * step_b -> step_c, documented in user/bin/demo.c) and this very program
 * run as "/test/dbg_break seq", which calls dbg_seq, a hand-written
 * instruction sequence whose addresses the test knows exactly because they
 * are its own:
 *	+0 nop; +1 mov $7,%eax; +6 add $3,%eax; +9 call dbg_leaf; +14 nop;
 *	+15 ret		and dbg_leaf: add $100,%eax; ret
 * so dbg_seq returns 110 and the program exits with 110. "/test/dbg_break
 * rec" exits with dbg_rec(5) = 89, where dbg_rec(n) is 1 for n = 0 and
 * 2 * dbg_rec(n - 1) + n otherwise, a recursion written by hand (so that no
 * optimisation turns it into a loop).
 */
#include <stdint.h>
#include <string.h>
#include "lib/ktest.h"
#include "dbg_lib.h"

int	dbg_seq(void);
void	dbg_leaf(void);
int	dbg_rec(int n);

__asm__(
	".text\n"
	".globl dbg_seq\n.type dbg_seq, @function\n"
	"dbg_seq:\n"
	"	nop\n"
	"	movl $7, %eax\n"
	"	addl $3, %eax\n"
	"	call dbg_leaf\n"
	"	nop\n"
	"	ret\n"
	".size dbg_seq, . - dbg_seq\n"
	".globl dbg_leaf\n.type dbg_leaf, @function\n"
	"dbg_leaf:\n"
	"	addl $100, %eax\n"
	"	ret\n"
	".size dbg_leaf, . - dbg_leaf\n"
	".globl dbg_rec\n.type dbg_rec, @function\n"
	"dbg_rec:\n"
	"	pushl %ebp\n"
	"	movl %esp, %ebp\n"
	"	movl 8(%ebp), %eax\n"
	"	testl %eax, %eax\n"
	"	jnz 1f\n"
	"	movl $1, %eax\n"
	"	popl %ebp\n"
	"	ret\n"
	"1:	decl %eax\n"
	"	pushl %eax\n"
	"	call dbg_rec\n"
	"	addl $4, %esp\n"
	"	addl %eax, %eax\n"
	"	addl 8(%ebp), %eax\n"
	"	popl %ebp\n"
	"	ret\n"
	".size dbg_rec, . - dbg_rec\n");

static struct dbg_run run;
static const char *const demo[] = { "/bin/demo", NULL };
static const char *const self[] = { "/test/dbg_break", "seq", NULL };
static const char *const rec[] = { "/test/dbg_break", "rec", NULL };

static unsigned
seq(int off)
{
	return (unsigned)(uintptr_t)dbg_seq + off;
}

/* break on a function; backtrace names the whole chain, innermost first. */
static int
test_break_backtrace(void)
{
	if (dbg_session(&run, "break step_c\nrun\nbacktrace\nquit\n", demo))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "(dbg) break step_c\nBreakpoint 1 at 0x");
	DBG_EXPECT(&run, "(dbg) run\nStarting program: /bin/demo\n");
	DBG_EXPECT(&run, "\nBreakpoint 1, step_c (x=0) at user/bin/demo.c:");
	DBG_EXPECT(&run, "\treturn 3 * x + 1;\n=> 0x");
	DBG_EXPECT(&run, "(dbg) backtrace\n#0  step_c (x=0) at user/bin/demo.c:");
	DBG_EXPECT(&run, "\n#1  0x");
	DBG_EXPECT(&run, " in step_b (x=");
	DBG_EXPECT(&run, "\n#2  0x");
	DBG_EXPECT(&run, " in step_a (x=");
	DBG_EXPECT(&run, "\n#3  0x");
	DBG_EXPECT(&run, "compute (n=");
	DBG_EXPECT(&run, "\n#4  0x");
	DBG_EXPECT(&run, "main (argc=");
	DBG_EXPECT(&run, "\n(dbg) quit\n");
	DBG_ABSENT(&run, "#5");
	DBG_ABSENT(&run, "total =");	/* quit killed it */
	return 0;
}

/* stepi and "stepi N" land on exact addresses; registers follow. */
static int
test_stepi_exact(void)
{
	if (dbg_session(&run, "break dbg_seq\nrun\nstepi\nsi\ninfo registers "
	    "eip\nstepi 2\ninfo registers eax\nstepi\ncontinue\n", self))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, dbg_fmt("Breakpoint 1 at 0x%x\n", seq(0)));
	DBG_EXPECT(&run, dbg_fmt("Breakpoint 1, 0x%08x in dbg_seq () <dbg_seq>\n"
	    "=> 0x%x <dbg_seq>:\tnop\n", seq(0), seq(0)));
	DBG_EXPECT(&run, dbg_fmt("(dbg) stepi\n0x%08x in dbg_seq () <dbg_seq+1>\n"
	    "=> 0x%x <dbg_seq+1>:\tmov    $0x7,%%eax\n", seq(1), seq(1)));
	DBG_EXPECT(&run, dbg_fmt("(dbg) si\n0x%08x in dbg_seq () <dbg_seq+6>\n",
	    seq(6)));
	DBG_EXPECT(&run, dbg_fmt("eip            0x%-17x0x%x <dbg_seq+6>\n",
	    seq(6), seq(6)));
	/* stepi 2 shows only where it ends: into the call. */
	DBG_EXPECT(&run, dbg_fmt("(dbg) stepi 2\n0x%08x in dbg_leaf () <dbg_leaf>\n"
	    "=> 0x%x <dbg_leaf>:\tadd    $0x64,%%eax\n"
	    "(dbg) info registers eax\neax            0xa                10\n",
	    (unsigned)(uintptr_t)dbg_leaf, (unsigned)(uintptr_t)dbg_leaf));
	DBG_EXPECT(&run, dbg_fmt("(dbg) stepi\n0x%08x in dbg_leaf () <dbg_leaf+3>\n",
	    (unsigned)(uintptr_t)dbg_leaf + 3));
	DBG_EXPECT(&run, "[Inferior 1 (process ");
	DBG_EXPECT(&run, ") exited with code 110]\n");
	return 0;
}

/* nexti runs a whole call; stepi would have entered it. */
static int
test_nexti_over_call(void)
{
	if (dbg_session(&run, dbg_fmt("break *0x%x\nrun\nnexti\ninfo registers "
	    "eax\nni\nbacktrace\nc\n", seq(9)), self))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, dbg_fmt("Breakpoint 1, 0x%08x in dbg_seq () <dbg_seq+9>\n",
	    seq(9)));
	DBG_EXPECT(&run, dbg_fmt("(dbg) nexti\n0x%08x in dbg_seq () <dbg_seq+14>\n",
	    seq(14)));
	DBG_EXPECT(&run, "eax            0x6e               110\n");
	DBG_EXPECT(&run, dbg_fmt("(dbg) ni\n0x%08x in dbg_seq () <dbg_seq+15>\n",
	    seq(15)));
	DBG_EXPECT(&run, dbg_fmt("#0  0x%08x in dbg_seq () <dbg_seq+15>\n#1  0x",
	    seq(15)));
	DBG_EXPECT(&run, "main (argc=");
	DBG_EXPECT(&run, "exited with code 110]\n");
	return 0;
}

/* finish returns to the caller and shows eax, up to main. */
static int
test_finish(void)
{
	if (dbg_session(&run, "break step_c\nrun\nfinish\nfinish\nbt\n"
	    "delete\nfinish\nfinish\nkill\n", demo))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "(dbg) finish\nRun till exit from #0  step_c (x=0) at "
	    "user/bin/demo.c:");
	DBG_EXPECT(&run, " in step_b (x=");
	DBG_EXPECT(&run, "\nValue returned is $1 = 1\n");	/* step_c(0) */
	DBG_EXPECT(&run, "(dbg) finish\nRun till exit from #0  0x");
	DBG_EXPECT(&run, " in step_a (x=");
	DBG_EXPECT(&run, "\nValue returned is $2 = 3\n");	/* step_b(0) */
	DBG_EXPECT(&run, "(dbg) bt\n#0  0x");
	DBG_EXPECT(&run, " in step_a (x=");
	DBG_EXPECT(&run, "#1  0x");
	DBG_EXPECT(&run, "compute (n=");
	DBG_EXPECT(&run, "\nValue returned is $3 = 6\n");	/* step_a(0) */
	DBG_EXPECT(&run, "main (argc=");
	DBG_EXPECT(&run, "\nValue returned is $4 = 90\n");	/* compute(5) */
	DBG_EXPECT(&run, "(dbg) kill\n[Inferior 1 (process ");
	DBG_EXPECT(&run, ") killed]\n");
	return 0;
}

/*
 * finish in a recursion: from dbg_rec(3) it stops when dbg_rec(3) returns
 * into dbg_rec(4), not at the deeper returns that pass the same address
 * first (the temporary breakpoint is for one stack pointer only).
 */
static int
test_finish_recursion(void)
{
	if (dbg_session(&run, "break dbg_rec\nrun\nc\nc\ndelete\nfinish\n"
	    "finish\nc\n", rec))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "\nBreakpoint 1, 0x");
	DBG_EXPECT(&run, "\nBreakpoint 1, 0x");
	DBG_EXPECT(&run, "\nBreakpoint 1, 0x");
	DBG_EXPECT(&run, "(dbg) finish\nRun till exit from #0  0x");
	DBG_EXPECT(&run, " in dbg_rec () <dbg_rec+");
	DBG_EXPECT(&run, "\nValue returned is $1 = 19\n");	/* dbg_rec(3) */
	DBG_EXPECT(&run, "(dbg) finish\nRun till exit from #0  0x");
	DBG_EXPECT(&run, " in dbg_rec () <dbg_rec+");
	DBG_EXPECT(&run, "\nValue returned is $2 = 42\n");	/* dbg_rec(4) */
	DBG_EXPECT(&run, "exited with code 89]\n");
	return 0;
}

/* hbreak uses a debug register; hits are counted, delete removes it. */
static int
test_hbreak_counts(void)
{
	if (dbg_session(&run, "hbreak step_b\nbreak step_c\nrun\nc\nc\n"
	    "info breakpoints\ndelete 1\nc\ninfo breakpoints\ndelete\n"
	    "info breakpoints\nc\n", demo))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "(dbg) hbreak step_b\nHardware assisted breakpoint 1 at 0x");
	DBG_EXPECT(&run, "(dbg) break step_c\nBreakpoint 2 at 0x");
	DBG_EXPECT(&run, "\nBreakpoint 1, step_b (x=0) at user/bin/demo.c:");
	DBG_EXPECT(&run, "\nBreakpoint 2, step_c (x=0) at");
	DBG_EXPECT(&run, "\nBreakpoint 1, step_b (x=1) at");
	DBG_EXPECT(&run, "(dbg) info breakpoints\n"
	    "Num     Type            Disp Enb Address    What\n"
	    "1       hw breakpoint   keep y   0x");
	DBG_EXPECT(&run, " in step_b at user/bin/demo.c:");
	DBG_EXPECT(&run, "\n\tbreakpoint already hit 2 times\n"
	    "2       breakpoint      keep y   0x");
	DBG_EXPECT(&run, " in step_c at user/bin/demo.c:");
	DBG_EXPECT(&run, "\n\tbreakpoint already hit 1 time\n");
	DBG_EXPECT(&run, "(dbg) delete 1\n(dbg) c\nContinuing.\n\n"
	    "Breakpoint 2, step_c (x=1) at");
	DBG_EXPECT(&run, " in step_c at user/bin/demo.c:");
	DBG_EXPECT(&run, "\n\tbreakpoint already hit 2 times\n");
	DBG_EXPECT(&run, "(dbg) info breakpoints\nNo breakpoints or watchpoints.\n");
	DBG_EXPECT(&run, "total = 90\n");
	DBG_EXPECT(&run, "exited with code 90]\n");
	return 0;
}

/* A breakpoint by address with "*", and the gdb abbreviations. */
static int
test_abbreviations(void)
{
	if (dbg_session(&run, dbg_fmt("b *0x%x\nr\ni r eip\ni b\nd 1\ncont\n",
	    seq(6)), self))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, dbg_fmt("Breakpoint 1 at 0x%x\n", seq(6)));
	DBG_EXPECT(&run, dbg_fmt("Breakpoint 1, 0x%08x in dbg_seq () <dbg_seq+6>\n",
	    seq(6)));
	DBG_EXPECT(&run, dbg_fmt("(dbg) i r eip\neip            0x%-17x", seq(6)));
	DBG_EXPECT(&run, dbg_fmt("(dbg) i b\nNum     Type            Disp Enb "
	    "Address    What\n1       breakpoint      keep y   0x%08x "
	    "<dbg_seq+6>\n", seq(6)));
	DBG_EXPECT(&run, "(dbg) cont\nContinuing.\n[Inferior 1 (process ");
	return 0;
}

/*
 * The session docs/debugging.md walks through on /bin/demo, step by step:
 * what the document shows is what dbg prints (addresses aside, which the
 * compiler chooses).
 */
static int
test_doc_walkthrough(void)
{
	if (dbg_session(&run, "break step_c\nrun\nbacktrace\ninfo registers "
	    "eip esp ebp\nx/4xb step_c\nx/3i $pc\nstepi\nnexti\nfinish\n"
	    "delete 1\nwatch counter\ncontinue\ncontinue\nprint counter\n"
	    "print total\nprint/x total\nprint ratio\nprint &counter\n"
	    "x/4dw &counter\ninfo breakpoints\ndelete\nbreak mean\ncontinue\n"
	    "finish\np $st0\np $eax\ninfo float\nquit\n", demo))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, ": file user/bin/demo.c, line 55.\n");
	DBG_EXPECT(&run, "Breakpoint 1, step_c (x=0) at user/bin/demo.c:55\n"
	    "55\t\treturn 3 * x + 1;\n=> 0x");
	DBG_EXPECT(&run, " <step_c+6>:\tlea    (%eax,%eax,1),%edx\n");
	DBG_EXPECT(&run, "#4  0x");
	DBG_EXPECT(&run, " in main (argc=1, argv=0x");
	DBG_EXPECT(&run, "(dbg) info registers eip esp ebp\neip            0x");
	DBG_EXPECT(&run, " <step_c+6>\nesp            0x");
	DBG_EXPECT(&run, "\nebp            0x");
	DBG_EXPECT(&run, " <step_c>:\t0x55\t0x89\t0xe5\t0x");
	DBG_EXPECT(&run, "(dbg) x/3i $pc\n=> 0x");
	DBG_EXPECT(&run, "\tlea    0x1(%eax,%edx,1),%eax\n   0x");
	DBG_EXPECT(&run, "\tpop    %ebp\n(dbg) stepi\n0x");
	DBG_EXPECT(&run, "\t55\t\treturn 3 * x + 1;\n=> 0x");
	DBG_EXPECT(&run, "(dbg) nexti\n0x");
	DBG_EXPECT(&run, "\t56\t}\n=> 0x");
	DBG_EXPECT(&run, "(dbg) finish\nRun till exit from #0  0x");
	DBG_EXPECT(&run, " in step_b (x=<optimized out>) at user/bin/demo.c:61\n"
	    "61\t\treturn step_c(x) + 2;\n");
	DBG_EXPECT(&run, "Value returned is $1 = 1\n(dbg) delete 1\n"
	    "(dbg) watch counter\nHardware watchpoint 2: counter\n");
	DBG_EXPECT(&run, "Old value = 0\nNew value = 1\ncompute (n=<optimized "
	    "out>) at user/bin/demo.c:90\n");
	DBG_EXPECT(&run, "Old value = 1\nNew value = 2\n");
	DBG_EXPECT(&run, "(dbg) print counter\n$2 = 2\n(dbg) print total\n"
	    "$3 = 18\n(dbg) print/x total\n$4 = 0x12\n(dbg) print ratio\n"
	    "$5 = 2.5\n(dbg) print &counter\n$6 = (int *) 0x");
	DBG_EXPECT(&run, " <counter>\n(dbg) x/4dw &counter\n0x");
	DBG_EXPECT(&run, " <counter>:\t2\t");
	DBG_EXPECT(&run, "2       hw watchpoint   keep y              counter\n"
	    "\tbreakpoint already hit 2 times\n(dbg) delete\n");
	DBG_EXPECT(&run, ": file user/bin/demo.c, line 73.\n");
	DBG_EXPECT(&run, "Breakpoint 3, mean (sum=90, n=5) at user/bin/demo.c:73\n");
	DBG_EXPECT(&run, "(dbg) finish\nRun till exit from #0  mean (sum=90, n=5)");
	DBG_EXPECT(&run, " in main (argc=1, argv=0x");
	DBG_EXPECT(&run, "Value returned is $7 = 18\n(dbg) p $st0\n$8 = 18\n"
	    "(dbg) p $eax\n$9 = 90\n");
	DBG_EXPECT(&run, "(dbg) info float\n=>R7: Valid   "
	    "0x40039000000000000000 +18\n");
	return 0;
}

int
main(int argc, char *argv[])
{
	if (argc > 1 && strcmp(argv[1], "seq") == 0)
		return dbg_seq();
	if (argc > 1 && strcmp(argv[1], "rec") == 0)
		return dbg_rec(5);
	kt_suite("dbg_break");
	kt_run("break_backtrace", test_break_backtrace);
	kt_run("stepi_exact", test_stepi_exact);
	kt_run("nexti_over_call", test_nexti_over_call);
	kt_run("finish", test_finish);
	kt_run("finish_recursion", test_finish_recursion);
	kt_run("hbreak_counts", test_hbreak_counts);
	kt_run("abbreviations", test_abbreviations);
	kt_run("doc_walkthrough", test_doc_walkthrough);
	return kt_finish();
}
