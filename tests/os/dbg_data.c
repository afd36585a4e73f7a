// RUN: qemu | -cpu pentium
// RUN: qemu fpu=lazy
/*
 * dbg_data.c - scripted dbg sessions about data: hardware watchpoints with
 * old and new values, info float with a known double, set $eax changing the
 * program's result, set var, print, and every x/ format.
 *
 * The watch and float cases debug /bin/demo (see user/bin/demo.c: counter
 * goes 0..4, total ends at 90, mean() returns 18.0 in st(0)). The x/ and
 * print cases debug this program run as "/test/dbg_data data", whose
 * globals below have values the test knows. The run on a Pentium (no FXSR,
 * no SSE) shows info float from the FNSAVE image alone; the fpu=lazy run
 * reads the FPU state of a tracee that may not own the FPU at the time.
 */
#include <string.h>
#include "lib/ktest.h"
#include "dbg_lib.h"
#include <sys/kinfo.h>

char	dbg_text[] = "kestrel\tdbg";
int	dbg_words[4] = { 1, -2, 3, 0x7fffffff };
unsigned short dbg_halves[4] = { 0x1234, 0xffff, 0, 7 };
double	dbg_pi = 3.25;
int	dbg_small = -5;

static struct dbg_run run;
static const char *const demo[] = { "/bin/demo", NULL };
static const char *const self[] = { "/test/dbg_data", "data", NULL };

static unsigned
addr(const void *p)
{
	return (unsigned)(uintptr_t)p;
}

/* watch: every change of counter, with old and new values. */
static int
test_watch_old_new(void)
{
	if (dbg_session(&run, "watch counter\nrun\nc\ninfo breakpoints\n"
	    "delete\nc\n", demo))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "(dbg) watch counter\nHardware watchpoint 1: counter\n");
	/* counter = 0 over 0 changes nothing: gdb stays silent, so does dbg. */
	DBG_EXPECT(&run, "\nHardware watchpoint 1: counter\n\nOld value = 0\n"
	    "New value = 1\n");
	DBG_EXPECT(&run, "compute (n=");
	DBG_EXPECT(&run, "(dbg) c\nContinuing.\n\nHardware watchpoint 1: counter\n"
	    "\nOld value = 1\nNew value = 2\n");
	DBG_EXPECT(&run, "1       hw watchpoint   keep y              counter\n"
	    "\tbreakpoint already hit 2 times\n");
	DBG_EXPECT(&run, "total = 90\n");
	DBG_EXPECT(&run, "exited with code 90]\n");
	return 0;
}

/* A double takes two debug registers; rwatch reports reads; LEN works. */
static int
test_watch_double_rwatch_len(void)
{
	if (dbg_session(&run, "watch average\nrwatch total\nwatch counter 2\n"
	    "run\nc\nc\ndelete 2 3\nc\nc\n", demo))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "Hardware watchpoint 1: average\n");
	DBG_EXPECT(&run, "Hardware read watchpoint 2: total\n");
	DBG_EXPECT(&run, "Hardware watchpoint 3: counter\n");
	/* total += step_a(0): a read (and write) of total, now 6. */
	DBG_EXPECT(&run, "\nHardware read watchpoint 2: total\n\nValue = 6\n");
	DBG_EXPECT(&run, "\nHardware watchpoint 3: counter\n\nOld value = 0\n"
	    "New value = 1\n");
	DBG_EXPECT(&run, "\nHardware read watchpoint 2: total\n\nValue = 18\n");
	DBG_EXPECT(&run, "(dbg) delete 2 3\n(dbg) c\nContinuing.\n\n"
	    "Hardware watchpoint 1: average\n\nOld value = 0\nNew value = 18\n");
	DBG_EXPECT(&run, "main (argc=");
	DBG_EXPECT(&run, "total = 90\n");
	return 0;
}

/* info float after mean() returned 18.0 in st(0). */
static int
test_info_float(void)
{
	if (dbg_session(&run, "break mean\nrun\nfinish\ninfo float\nkill\n",
	    demo))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "(dbg) info float\n"
	    "=>R7: Valid   0x40039000000000000000 +18\n"
	    "  R6: Empty   0x");	/* empty, but 5.0 (mean's n) may linger */
	DBG_EXPECT(&run, "  R0: Empty   0x");
	DBG_EXPECT(&run, "\nStatus Word:         0x3800\n"
	    "                       TOP: 7\n"
	    "Control Word:        0x");
	DBG_EXPECT(&run, "   IM DM ZM OM UM PM\n");
	DBG_EXPECT(&run, "                       RC: Round to nearest\n"
	    "Tag Word:            0x3fff\n");
	if (kt_has(KCPU_SSE))
		DBG_EXPECT(&run, "\nmxcsr          0x1f80             [ IM DM ZM OM UM"
		    " PM ]\nxmm0           {v8_bfloat16 = {");
	else
		DBG_ABSENT(&run, "mxcsr");
	DBG_EXPECT(&run, "(dbg) kill\n");
	return 0;
}

/* set $eax after finish changes what the program computes and prints. */
static int
test_set_eax(void)
{
	if (dbg_session(&run, "break step_a\nrun\nfinish\nset $eax = 1000\n"
	    "print $eax\ndelete\ncontinue\n", demo))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "Value returned is $1 = 6\n(dbg) set $eax = 1000\n"
	    "(dbg) print $eax\n$2 = 1000\n");
	/* step_a(0) = 6 became 1000: 1000 + 12 + 18 + 24 + 30. */
	DBG_EXPECT(&run, "total = 1084\n");
	DBG_EXPECT(&run, "exited with code 60]\n");	/* 1084 % 256 */
	return 0;
}

/* set var writes memory sized by the symbol; the kernel's refusals show. */
static int
test_set_var_and_refusals(void)
{
	if (dbg_session(&run, "break step_a\nrun\nset var total = 100\n"
	    "set var ratio = 4.5\nprint total\nprint ratio\nset $cs = 8\n"
	    "set $eflags = 0x3202\ninfo registers cs\ndelete\nc\n", demo))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "(dbg) print total\n$1 = 100\n(dbg) print ratio\n"
	    "$2 = 4.5\n");
	DBG_EXPECT(&run, "(dbg) set $cs = 8\n"
	    "Couldn't write registers: Invalid argument.\n");
	DBG_EXPECT(&run, "(dbg) set $eflags = 0x3202\n"
	    "Couldn't write registers: Invalid argument.\n");
	DBG_EXPECT(&run, "cs             0x1b               27\n");
	/* 100 + 90; scaled = 38 * 4.5 */
	DBG_EXPECT(&run, "total = 190\naverage = 38.000\nscaled = 171.000\n");
	DBG_EXPECT(&run, "exited with code 190]\n");
	return 0;
}

/* x/NFU in every format and unit, and a bare x going on. */
static int
test_x_formats(void)
{
	if (dbg_session(&run, "break main\nrun\nx/4xw dbg_words\nx/4dw "
	    "&dbg_words\nx/4uw dbg_words\nx/4xh dbg_halves\nx/2dh dbg_halves\n"
	    "x/s dbg_text\nx/3c dbg_text\nx/2xb dbg_text\nx\nx/xg &dbg_pi\n"
	    "x/2xw (char *)dbg_words+4\nx/2xw dbg_words+1\nkill\n", self))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, dbg_fmt("(dbg) x/4xw dbg_words\n0x%x <dbg_words>:\t"
	    "0x00000001\t0xfffffffe\t0x00000003\t0x7fffffff\n", addr(dbg_words)));
	DBG_EXPECT(&run, dbg_fmt("0x%x <dbg_words>:\t1\t-2\t3\t2147483647\n",
	    addr(dbg_words)));
	DBG_EXPECT(&run, dbg_fmt("0x%x <dbg_words>:\t1\t4294967294\t3\t"
	    "2147483647\n", addr(dbg_words)));
	DBG_EXPECT(&run, dbg_fmt("0x%x <dbg_halves>:\t0x1234\t0xffff\t0x0000\t"
	    "0x0007\n", addr(dbg_halves)));
	DBG_EXPECT(&run, dbg_fmt("0x%x <dbg_halves>:\t4660\t-1\n",
	    addr(dbg_halves)));
	DBG_EXPECT(&run, dbg_fmt("0x%x <dbg_text>:\t\"kestrel\\tdbg\"\n",
	    addr(dbg_text)));
	DBG_EXPECT(&run, dbg_fmt("0x%x <dbg_text>:\t107 'k'\t101 'e'\t115 's'\n",
	    addr(dbg_text)));
	DBG_EXPECT(&run, dbg_fmt("0x%x <dbg_text>:\t0x6b\t0x65\n(dbg) x\n"
	    "0x%x <dbg_text+2>:\t0x73\n", addr(dbg_text), addr(dbg_text) + 2));
	DBG_EXPECT(&run, dbg_fmt("0x%x <dbg_pi>:\t0x400a000000000000\n",
	    addr(&dbg_pi)));
	/* C's pointer arithmetic: a char * moves by bytes, an int array by ints. */
	DBG_EXPECT(&run, dbg_fmt("0x%x <dbg_words+4>:\t0xfffffffe\t0x00000003\n",
	    addr(dbg_words) + 4));
	DBG_EXPECT(&run, dbg_fmt("0x%x <dbg_words+4>:\t0xfffffffe\t0x00000003\n",
	    addr(dbg_words) + 4));
	return 0;
}

/* print types a value by its DWARF type; formats apply to every element. */
static int
test_print(void)
{
	if (dbg_session(&run, "break main\nrun\nprint dbg_pi\nprint dbg_small\n"
	    "print/x dbg_small\nprint/u dbg_small\nprint dbg_words\n"
	    "print dbg_text\nprint/x dbg_halves\nprint &dbg_pi\nprint main\n"
	    "p 6*7\np 0x10+2\np/x 255\nkill\n", self))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "(dbg) print dbg_pi\n$1 = 3.25\n");
	DBG_EXPECT(&run, "(dbg) print dbg_small\n$2 = -5\n");
	DBG_EXPECT(&run, "(dbg) print/x dbg_small\n$3 = 0xfffffffb\n");
	DBG_EXPECT(&run, "(dbg) print/u dbg_small\n$4 = 4294967291\n");
	DBG_EXPECT(&run, "(dbg) print dbg_words\n$5 = {1, -2, 3, 2147483647}\n");
	DBG_EXPECT(&run, "(dbg) print dbg_text\n$6 = \"kestrel\\tdbg\"\n");
	DBG_EXPECT(&run, "(dbg) print/x dbg_halves\n$7 = {0x1234, 0xffff, 0x0, "
	    "0x7}\n");
	DBG_EXPECT(&run, dbg_fmt("(dbg) print &dbg_pi\n$8 = (double *) 0x%x "
	    "<dbg_pi>\n", addr(&dbg_pi)));
	DBG_EXPECT(&run, "(dbg) print main\n$9 = {int (int, char **)} 0x");
	DBG_EXPECT(&run, " <main>\n");
	DBG_EXPECT(&run, "(dbg) p 6*7\n$10 = 42\n");
	DBG_EXPECT(&run, "(dbg) p 0x10+2\n$11 = 18\n(dbg) p/x 255\n$12 = 0xff\n");
	return 0;
}

int
main(int argc, char *argv[])
{
	if (argc > 1 && strcmp(argv[1], "data") == 0)
		return dbg_words[0] + dbg_halves[3] + dbg_text[0] + (int)dbg_pi +
		    dbg_small;
	kt_suite("dbg_data");
	kt_run("watch_old_new", test_watch_old_new);
	kt_run("watch_double_rwatch_len", test_watch_double_rwatch_len);
	kt_run("info_float", test_info_float);
	kt_run("set_eax", test_set_eax);
	kt_run("set_var_and_refusals", test_set_var_and_refusals);
	kt_run("x_formats", test_x_formats);
	kt_run("print", test_print);
	return kt_finish();
}
