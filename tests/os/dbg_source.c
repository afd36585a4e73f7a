/*
 * dbg_source.c - scripted dbg sessions by source line on /test/debuggee
 * (tests/debuggee/debuggee.c, built -O0 -g): breakpoints on FILE:LINE,
 * next over a call and step into it, finish with the returned value,
 * frames, typed values, ptype, display, until/advance/tbreak, and x/i and
 * disassemble against objdump's listing of the same binary.
 *
 * Lines are found by the "L:name" markers in the installed source
 * (/usr/src/kestrel/tests/debuggee/debuggee.c), never by number. Values
 * are checked against what the program prints itself when run alone
 * ("debuggee: NAME=VALUE"), and instructions against /test/debuggee.objdump,
 * written on the host by objdump at build time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/kinfo.h>
#include "lib/ktest.h"
#include "dbg_lib.h"

#define SOURCE	"/usr/src/kestrel/tests/debuggee/debuggee.c"
#define OBJDUMP	"/test/debuggee.objdump"
#define FILE_AT	"at tests/debuggee/debuggee.c:"

static struct dbg_run run;
static const char *const prog[] = { "/test/debuggee", NULL };
static char program_out[4096];

/* The line number of marker "L:name" in the source, or 0. */
static int
line_of(const char *name)
{
	char buf[256], mark[64];
	FILE *f = fopen(SOURCE, "r");
	int n = 0;

	snprintf(mark, sizeof(mark), "L:%s ", name);
	while (f != NULL && fgets(buf, sizeof(buf), f) != NULL) {
		n++;
		if (strstr(buf, mark) != NULL) {
			fclose(f);
			return n;
		}
	}
	if (f != NULL)
		fclose(f);
	kt_log("no marker %s in %s", name, SOURCE);
	return 0;
}

/* What the program printed for name ("debuggee: name=VALUE"), or "?". */
static const char *
printed(const char *name)
{
	static char value[256];
	char key[64];
	const char *p;

	if (program_out[0] == '\0') {
		struct dbg_run *r = malloc(sizeof(*r));

		/* The program's own run, through dbg's "run" (no breakpoints). */
		if (r != NULL && dbg_session(r, "run\n", prog) == 0)
			snprintf(program_out, sizeof(program_out), "%s", r->out);
		free(r);
	}
	snprintf(key, sizeof(key), "debuggee: %s=", name);
	if ((p = strstr(program_out, key)) == NULL)
		return "?";
	p += strlen(key);
	snprintf(value, sizeof(value), "%.*s", (int)strcspn(p, "\n"), p);
	return value;
}

/* A break on a line, next over a call, step into it, finish, up, down. */
static int
test_line_stepping(void)
{
	int first = line_of("area_first"), second = line_of("area_second");
	int body = line_of("square_body"), call = line_of("main_area");

	if (dbg_session(&run, dbg_fmt("break debuggee.c:%d\nrun\nnext\nstep\n"
	    "bt\nfinish\nup\ndown\nkill\n", first), prog))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, dbg_fmt(": file tests/debuggee/debuggee.c, line %d.\n",
	    first));
	DBG_EXPECT(&run, "Breakpoint 1, area (p=0x");
	DBG_EXPECT(&run, dbg_fmt(" <box+12>) " FILE_AT "%d\n%d\t\tint w = "
	    "square(p->x);", first, first));
	DBG_EXPECT(&run, "\n=> 0x");
	DBG_EXPECT(&run, dbg_fmt("(dbg) next\n%d\t\tint h = square(p->y);",
	    second));
	DBG_EXPECT(&run, dbg_fmt("(dbg) step\nsquare (v=4) " FILE_AT "%d\n%d\t",
	    body, body));
	DBG_EXPECT(&run, dbg_fmt("(dbg) bt\n#0  square (v=4) " FILE_AT "%d\n"
	    "#1  0x", body));
	DBG_EXPECT(&run, dbg_fmt(" in area (p=0x"));
	DBG_EXPECT(&run, dbg_fmt(" in main () " FILE_AT "%d\n", call));
	DBG_EXPECT(&run, dbg_fmt("(dbg) finish\nRun till exit from #0  square "
	    "(v=4) " FILE_AT "%d\n0x", body));
	DBG_EXPECT(&run, dbg_fmt(" in area (p=0x"));
	DBG_EXPECT(&run, dbg_fmt(FILE_AT "%d\n", second));
	DBG_EXPECT(&run, "Value returned is $1 = 16\n");
	DBG_EXPECT(&run, "(dbg) up\n#1  0x");
	DBG_EXPECT(&run, dbg_fmt(" in main () " FILE_AT "%d\n%d\t", call, call));
	DBG_EXPECT(&run, "(dbg) down\n#0  0x");
	DBG_EXPECT(&run, " in area (p=0x");
	/* next ran square(3) whole: no stop was reported inside it. */
	DBG_ABSENT(&run, "square (v=3) at");
	return 0;
}

/* Every print form, compared with the program's own output. */
static int
test_print_forms(void)
{
	static const char *const names[] = { "a", "d", "f", "counter",
	    "table[3]", "box.corner.y", "pi", "calls", "table", "box.corner",
	    "*box.origin", NULL };
	char script[1024] = "", counter[32];
	int i, n;

	snprintf(counter, sizeof(counter), "%s", printed("counter"));
	KT_CHECK(strcmp(counter, "?") != 0, "the program printed no counter");
	n = snprintf(script, sizeof(script), "break debuggee.c:%d\nrun\n",
	    line_of("main_print"));
	for (i = 0; names[i] != NULL; i++)
		n += snprintf(script + n, sizeof(script) - n, "p %s\n", names[i]);
	snprintf(script + n, sizeof(script) - n, "p box.name\np word.b[0]\n"
	    "p counter + 1\np/x counter\np &box.corner\np greeting\np $esp+8\n"
	    "p 1.5\np 10/4\np (char)65\np sizeof(box)\nx/s 0\nkill\n");
	if (dbg_session(&run, script, prog))
		return 1;
	DBG_CLEAN_EXIT(&run);
	for (i = 0; names[i] != NULL; i++)
		DBG_EXPECT(&run, dbg_fmt("(dbg) p %s\n$%d = %s\n", names[i], i + 1,
		    printed(names[i])));
	DBG_EXPECT(&run, dbg_fmt("$12 = \"%s\\000", printed("box.name")));
	DBG_EXPECT(&run, dbg_fmt("$13 = %s '", printed("word.b[0]")));
	DBG_EXPECT(&run, dbg_fmt("$14 = %d\n", atoi(counter) + 1));
	DBG_EXPECT(&run, dbg_fmt("$15 = 0x%x\n", atoi(counter)));
	DBG_EXPECT(&run, "$16 = (struct point *) 0x");
	DBG_EXPECT(&run, " <box+12>\n");
	DBG_EXPECT(&run, "$17 = 0x");
	DBG_EXPECT(&run, " \"hello\"\n");
	DBG_EXPECT(&run, "$18 = (void *) 0xbf");
	DBG_EXPECT(&run, "$19 = 1.5\n(dbg) p 10/4\n$20 = 2\n(dbg) p (char)65\n"
	    "$21 = 65 'A'\n(dbg) p sizeof(box)\n$22 = 44\n");
	DBG_EXPECT(&run, "(dbg) x/s 0\n0x0:\t<error: Cannot access memory at "
	    "address 0x0>\n");
	return 0;
}

/* ptype expands a struct, whatis names a type, before "run". */
static int
test_ptype_whatis(void)
{
	if (dbg_session(&run, "ptype box\nptype struct point\nwhatis table\n"
	    "whatis calls\nptype calls\nwhatis &box.corner\nptype enum color\n"
	    "whatis box.origin->x\nptype union word\n", prog))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "(dbg) ptype box\ntype = struct shape {\n"
	    "    char name[12];\n    struct point corner;\n"
	    "    struct point *origin;\n    enum color color;\n"
	    "    double scale;\n    float ratio;\n    short int id;\n}\n");
	DBG_EXPECT(&run, "type = struct point {\n    int x;\n    int y;\n}\n");
	DBG_EXPECT(&run, "(dbg) whatis table\ntype = int [5]\n");
	DBG_EXPECT(&run, "(dbg) whatis calls\ntype = count_t\n");
	DBG_EXPECT(&run, "(dbg) ptype calls\ntype = unsigned int\n");
	DBG_EXPECT(&run, "type = struct point *\n");
	DBG_EXPECT(&run, "type = enum color {RED, GREEN = 2, BLUE}\n");
	DBG_EXPECT(&run, "(dbg) whatis box.origin->x\ntype = int\n");
	DBG_EXPECT(&run, "type = union word {\n    unsigned int u;\n"
	    "    unsigned char b[4];\n}\n");
	return 0;
}

/* display shows its expressions after every step, until undisplay. */
static int
test_display(void)
{
	int loop = line_of("main_loop");

	if (dbg_session(&run, dbg_fmt("break debuggee.c:%d\nrun\nnext\n"
	    "display i\ndisplay/x table[0]\nnext\nnext\ninfo display\n"
	    "undisplay 1\nnext\nkill\n", loop), prog))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "(dbg) display i\n1: i = 0\n");
	DBG_EXPECT(&run, "(dbg) display/x table[0]\n2: /x table[0] = 0xa\n");
	DBG_EXPECT(&run, dbg_fmt("(dbg) next\n%d\t", loop));
	DBG_EXPECT(&run, "1: i = 0\n2: /x table[0] = 0x23\n");
	DBG_EXPECT(&run, dbg_fmt("(dbg) next\n%d\t", loop + 1));
	DBG_EXPECT(&run, "1: i = 1\n2: /x table[0] = 0x23\n");
	DBG_EXPECT(&run, "Num Enb Expression\n1:   y  i\n2:   y  /x table[0]\n");
	DBG_EXPECT(&run, "(dbg) undisplay 1\n(dbg) next\n");
	DBG_EXPECT(&run, "2: /x table[0] = 0x23\n(dbg) kill");
	return 0;
}

/* objdump's text in gdb's spelling: "call   80480b8 <f+0x1a>" -> "0x..<f+26>" */
static void
gdb_spelling(const char *in, char *out, size_t n)
{
	const char *lt = strstr(in, " <"), *plus, *sp;

	snprintf(out, n, "%s", in);
	if (lt == NULL)
		return;
	for (sp = lt; sp > in && sp[-1] != ' ' && sp[-1] != '*'; sp--)
		;
	if (sp == lt)
		return;
	plus = strstr(lt, "+0x");
	if (plus != NULL)
		snprintf(out, n, "%.*s0x%.*s%.*s+%ld>", (int)(sp - in), in,
		    (int)(lt - sp), sp, (int)(plus - lt), lt,
		    strtol(plus + 3, NULL, 16));
	else
		snprintf(out, n, "%.*s0x%s", (int)(sp - in), in, sp);
}

/* objdump's instruction text at addr, in gdb's spelling, or "". */
static const char *
objdump_at(unsigned addr)
{
	static char text[256];
	char line[256], key[16];
	FILE *f = fopen(OBJDUMP, "r");

	text[0] = '\0';
	snprintf(key, sizeof(key), "%x:\t", addr);
	while (f != NULL && fgets(line, sizeof(line), f) != NULL) {
		const char *p = line + strspn(line, " ");

		if (strncmp(p, key, strlen(key)) == 0) {
			p += strlen(key);
			line[strcspn(line, "\n")] = '\0';
			gdb_spelling(p, text, sizeof(text));
			break;
		}
	}
	if (f != NULL)
		fclose(f);
	return text;
}

/* Each "ADDR ...:\tTEXT" line of dbg after from: TEXT must be objdump's. */
static int
compare_listing(const char *from, int want)
{
	const char *p = strstr(run.out, from), *colon, *nl;
	char mine[256];
	int n = 0;

	while (p != NULL && n < want && (p = strstr(p, "0x")) != NULL &&
	    (colon = strstr(p, ":\t")) != NULL) {
		unsigned addr = strtoul(p, NULL, 16);

		nl = strchr(colon, '\n');
		snprintf(mine, sizeof(mine), "%.*s", nl ? (int)(nl - colon - 2) :
		    0, colon + 2);
		if (strcmp(mine, objdump_at(addr)) != 0) {
			dbg_log_transcript(&run);
			kt_log("at 0x%x: dbg \"%s\", objdump \"%s\"", addr, mine,
			    objdump_at(addr));
			return -1;
		}
		n++;
		p = nl;
	}
	return n == want ? 0 : -1;
}

/* x/5i and disassemble give objdump's text for the same bytes. */
static int
test_disassembly(void)
{
	const char *p;
	int count = 0;

	if (dbg_session(&run, "disassemble square\nbreak area\nrun\nx/5i $pc\n"
	    "kill\n", prog))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "Dump of assembler code for function square:\n"
	    "   0x");
	DBG_EXPECT(&run, " <+0>:\tpush   %ebp\n");
	DBG_EXPECT(&run, "End of assembler dump.\n");
	for (p = strstr(run.out, "function square:"); p != NULL &&
	    (p = strstr(p + 1, "\n   0x")) != NULL &&
	    p < strstr(run.out, "End of assembler"); )
		count++;
	KT_CHECK(count > 5, "square has %d instructions", count);
	KT_CHECK(compare_listing("function square:", count) == 0,
	    "disassemble differs from objdump");
	DBG_EXPECT(&run, "(dbg) x/5i $pc\n=> 0x");
	KT_CHECK(compare_listing("(dbg) x/5i $pc\n", 5) == 0,
	    "x/5i differs from objdump");
	return 0;
}

/* info args/locals/frame, list, frame N, tbreak, until and advance. */
static int
test_frames_and_motion(void)
{
	int body = line_of("square_body"), loop = line_of("main_loop");
	int print = line_of("main_print");

	if (dbg_session(&run, dbg_fmt("break square\ntbreak debuggee.c:%d\n"
	    "run\ninfo args\ninfo locals\ninfo frame\nup\ninfo locals\nframe 2\n"
	    "list\ndelete 1\ncontinue\nuntil\nadvance %d\ninfo breakpoints\n"
	    "kill\n", loop, print), prog))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, dbg_fmt("Breakpoint 1, square (v=3) " FILE_AT "%d\n",
	    body));
	DBG_EXPECT(&run, "(dbg) info args\nv = 3\n(dbg) info locals\nsq = ");
	DBG_EXPECT(&run, "(dbg) info frame\nStack level 0, frame at 0x");
	DBG_EXPECT(&run, dbg_fmt(" in square (tests/debuggee/debuggee.c:%d); "
	    "saved eip = 0x", body));
	DBG_EXPECT(&run, " called by frame at 0x");
	DBG_EXPECT(&run, "args: v=3\n");
	DBG_EXPECT(&run, "  ebp at 0x");
	DBG_EXPECT(&run, "(dbg) up\n#1  0x");
	DBG_EXPECT(&run, "(dbg) info locals\nw = ");
	DBG_EXPECT(&run, "\nh = ");
	DBG_EXPECT(&run, "(dbg) frame 2\n#2  0x");
	DBG_EXPECT(&run, dbg_fmt("(dbg) list\n%d\t", line_of("main_area") - 5));
	DBG_EXPECT(&run, dbg_fmt("Temporary breakpoint 2, main () " FILE_AT "%d\n",
	    loop));
	DBG_EXPECT(&run, dbg_fmt("(dbg) until\n%d\t", line_of("main_counter")));
	DBG_EXPECT(&run, dbg_fmt("(dbg) advance %d\nmain () " FILE_AT "%d\n",
	    print, print));
	DBG_EXPECT(&run, "(dbg) info breakpoints\nNo breakpoints or "
	    "watchpoints.\n");
	return 0;
}

/*
 * step runs a function without line information (assembly) whole; awatch
 * reports a read and a write.
 */
static int
test_no_lines_and_awatch(void)
{
	int line = line_of("main_twice");
	char script[256];

	snprintf(script, sizeof(script), "break debuggee.c:%d\nrun\nstep\n"
	    "p i\nkill\nbreak square\nrun\nawatch calls\ncontinue\n"
	    "continue\nkill\n", line);
	if (dbg_session(&run, script, prog))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, dbg_fmt("(dbg) step\n%d\t\tprintf(\"debuggee: "
	    "twice=%%d\\n\", i);\n", line + 1));
	DBG_EXPECT(&run, dbg_fmt("(dbg) p i\n$1 = %s\n", printed("twice")));
	DBG_ABSENT(&run, "twice (");
	DBG_EXPECT(&run, "(dbg) awatch calls\nHardware access (read/write) "
	    "watchpoint 3: calls\n");
	DBG_EXPECT(&run, "(dbg) continue\nContinuing.\n\nHardware access "
	    "(read/write) watchpoint 3: calls\n\nValue = 0\n");
	DBG_EXPECT(&run, "(dbg) continue\nContinuing.\n\nHardware access "
	    "(read/write) watchpoint 3: calls\n\nOld value = 0\nNew value = 1\n");
	return 0;
}

/* gdb's command habits: s and n, prefixes, registers, "not supported". */
static int
test_habits(void)
{
	if (dbg_session(&run, "break main\nrun\ns\nn\nfin\ni sym main\n"
	    "p $mxcsr\np $xmm1\np $st7\ncall square(2)\nkill\n", prog))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "(dbg) s\narea (p=0x");
	DBG_EXPECT(&run, "(dbg) n\n");
	DBG_EXPECT(&run, "(dbg) fin\nRun till exit from #0  ");
	DBG_EXPECT(&run, "Value returned is $1 = 25\n");
	DBG_EXPECT(&run, "(dbg) i sym main\nmain in section .text\n");
	if (kt_has(KCPU_SSE)) {
		DBG_EXPECT(&run, "(dbg) p $mxcsr\n$2 = [ IM DM ZM OM UM PM ]\n");
		DBG_EXPECT(&run, "(dbg) p $xmm1\n$3 = {v8_bfloat16 = {");
		DBG_EXPECT(&run, "v4_float = {0, 0, 0, 0}, v2_double = {0, 0}, "
		    "v16_int8 = {0 <repeats 16 times>}, v8_int16 = {0, 0, 0, 0, "
		    "0, 0, 0, 0}, v4_int32 = {0, 0, 0, 0}, v2_int64 = {0, 0}, "
		    "uint128 = 0}\n");
	}
	DBG_EXPECT(&run, "(dbg) p $st7\n$");
	DBG_EXPECT(&run, "(dbg) call square(2)\n\"call\" is not supported by "
	    "dbg.\n");
	return 0;
}

/*
 * The source-level session docs/debugging.md walks through: what the
 * document shows is what dbg prints (addresses aside).
 */
static int
test_doc_walkthrough(void)
{
	int first = line_of("area_first"), second = line_of("area_second");
	char script[1024];

	snprintf(script, sizeof(script), "list area\nbreak debuggee.c:%d\nrun\n"
	    "next\nstep\nbt\nfinish\nup\ninfo frame\ndown\ninfo locals\n"
	    "info args\np *p\np p->x + 1\nwhatis p\nptype p\np box\n"
	    "p box.name\np &box.corner\np table\np/x table\np table[1]@3\n"
	    "p greeting\np pi\np pi * 2\np 1.5\np $esp+8\np (char)table[0]\n"
	    "p sizeof(box)\nptype enum color\nwhatis calls\nptype calls\n"
	    "display w\ndisplay/x h\nnext\ndisassemble square\nkill\n", first);
	if (dbg_session(&run, script, prog))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, dbg_fmt("(dbg) list area\n%d\t", first - 6));
	DBG_EXPECT(&run, dbg_fmt("%d\tarea(struct point *p)\n", first - 2));
	DBG_EXPECT(&run, dbg_fmt("(dbg) next\n%d\t", second));
	DBG_EXPECT(&run, "(dbg) step\nsquare (v=4) at");
	DBG_EXPECT(&run, "(dbg) bt\n#0  square (v=4) at");
	DBG_EXPECT(&run, "Value returned is $1 = 16\n");
	DBG_EXPECT(&run, "(dbg) up\n#1  0x");
	DBG_EXPECT(&run, "(dbg) info frame\nStack level 1, frame at 0x");
	DBG_EXPECT(&run, " caller of frame at 0x");
	DBG_EXPECT(&run, " Arglist at 0x");
	DBG_EXPECT(&run, "(dbg) down\n#0  0x");
	DBG_EXPECT(&run, "(dbg) info locals\nw = 9\nh = 0\n(dbg) info args\n"
	    "p = 0x");
	DBG_EXPECT(&run, " <box+12>\n(dbg) p *p\n$2 = {x = 3, y = 4}\n"
	    "(dbg) p p->x + 1\n$3 = 4\n(dbg) whatis p\n"
	    "type = struct point *\n(dbg) ptype p\ntype = struct point {\n"
	    "    int x;\n    int y;\n} *\n");
	DBG_EXPECT(&run, "$4 = {name = \"box\\000\\000\\000\\000\\000\\000"
	    "\\000\\000\", corner = {x = 3, y = 4}, origin = 0x");
	DBG_EXPECT(&run, " <origin>, color = GREEN, scale = 1.5, ratio = 0.25, "
	    "id = 7}\n");
	DBG_EXPECT(&run, "$6 = (struct point *) 0x");
	DBG_EXPECT(&run, "$7 = {10, 20, 30, 40, 50}\n(dbg) p/x table\n"
	    "$8 = {0xa, 0x14, 0x1e, 0x28, 0x32}\n(dbg) p table[1]@3\n"
	    "$9 = {20, 30, 40}\n(dbg) p greeting\n$10 = 0x");
	DBG_EXPECT(&run, " \"hello\"\n(dbg) p pi\n$11 = 3.1415926535897931\n"
	    "(dbg) p pi * 2\n$12 = 6.2831853071795862\n(dbg) p 1.5\n"
	    "$13 = 1.5\n(dbg) p $esp+8\n$14 = (void *) 0x");
	DBG_EXPECT(&run, "(dbg) p (char)table[0]\n$15 = 10 '\\n'\n"
	    "(dbg) p sizeof(box)\n$16 = 44\n");
	DBG_EXPECT(&run, "(dbg) display w\n1: w = 9\n(dbg) display/x h\n"
	    "2: /x h = 0x0\n(dbg) next\n");
	DBG_EXPECT(&run, "\treturn w + h;\n=> 0x");
	DBG_EXPECT(&run, "1: w = 9\n2: /x h = 0x10\n");
	DBG_EXPECT(&run, " <+9>:\timul   %eax,%eax\n");
	return 0;
}

int
main(void)
{
	kt_suite("dbg_source");
	kt_run("line_stepping", test_line_stepping);
	kt_run("print_forms", test_print_forms);
	kt_run("ptype_whatis", test_ptype_whatis);
	kt_run("display", test_display);
	kt_run("disassembly", test_disassembly);
	kt_run("frames_and_motion", test_frames_and_motion);
	kt_run("no_lines_and_awatch", test_no_lines_and_awatch);
	kt_run("habits", test_habits);
	kt_run("doc_walkthrough", test_doc_walkthrough);
	return kt_finish();
}
