/*
 * test_kernel_nofpu.c - the built kernel contains no floating-point, MMX or
 * SSE instruction except the few that kernel/i386/fpu.c and kernel/i386/fpu_insn.asm
 * use on purpose, all of them non-waiting (FRSTOR and FXRSTOR, which check
 * for a pending exception, only right after FNINIT). This is what
 * -mno-sse -mno-mmx -mno-80387 in KCFLAGS promise and docs/fpu.md relies on.
 *
 * Reads `objdump -d` of $KESTREL_BUILD/kernel.elf (or build/kernel.elf);
 * SKIP when there is no kernel yet.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const allowed[] = {
	"fninit", "fnclex", "fnstsw", "fnstcw", "fnsave", "fxsave",
	"frstor", "fxrstor", "stmxcsr", "ldmxcsr",
};

/* Does this mnemonic belong to the x87, MMX or SSE instruction sets? */
static int
is_fpu(const char *m)
{
	static const char *const sse[] = {
		"mxcsr", "movap", "movup", "movdq", "movq", "movd", "movs",
		"xorp", "andp", "orp", "addp", "subp", "mulp", "divp", "cvt",
		"pxor", "emms", "sqrt", "comis", "ucomis", "shufp", "unpck",
	};
	size_t i;

	if (m[0] == 'f' && strcmp(m, "fs") != 0)
		return 1;
	if (strcmp(m, "wait") == 0)
		return 1;
	for (i = 0; i < sizeof(sse) / sizeof(sse[0]); i++)
		if (strstr(m, sse[i]) != NULL && strcmp(m, "movsb") != 0 &&
		    strcmp(m, "movsw") != 0 && strcmp(m, "movsl") != 0 &&
		    strcmp(m, "movsbl") != 0 && strcmp(m, "movsbw") != 0 &&
		    strcmp(m, "movswl") != 0 && strcmp(m, "movzbl") != 0)
			return 1;
	return 0;
}

static int
is_allowed(const char *m)
{
	size_t i;

	for (i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++)
		if (strcmp(m, allowed[i]) == 0)
			return 1;
	return 0;
}

int
main(void)
{
	const char *dir = getenv("KESTREL_BUILD");
	char cmd[600], line[512], fn[256] = "?", prev[32] = "", m[32];
	int bad = 0, seen = 0, restore_ok = 1;
	FILE *f, *p;

	snprintf(cmd, sizeof(cmd), "%s/kernel.elf", dir ? dir : "build");
	if ((f = fopen(cmd, "r")) == NULL) {
		printf("SKIP fpu_instructions: no kernel at %s\n", cmd);
		return 0;
	}
	fclose(f);
	snprintf(cmd, sizeof(cmd), "objdump -d --no-show-raw-insn %s/kernel.elf",
	    dir ? dir : "build");
	if ((p = popen(cmd, "r")) == NULL) {
		printf("FAIL fpu_instructions: cannot run objdump\n");
		return 1;
	}
	while (fgets(line, sizeof(line), p) != NULL) {
		char *tab = strchr(line, '\t');

		if (strstr(line, ">:") != NULL)
			sscanf(line, "%*s %255s", fn);
		if (tab == NULL || sscanf(tab + 1, "%31s", m) != 1)
			continue;
		if (is_fpu(m)) {
			seen++;
			if (!is_allowed(m)) {
				printf("  %s %s\n", fn, m);
				bad++;
			}
			if ((strcmp(m, "frstor") == 0 ||
			    strcmp(m, "fxrstor") == 0) &&
			    strcmp(prev, "fninit") != 0)
				restore_ok = 0;
		}
		strcpy(prev, m);
	}
	pclose(p);
	if (bad != 0)
		printf("FAIL fpu_instructions: %d unexpected FP/SSE "
		    "instructions (listed above)\n", bad);
	else if (!restore_ok)
		printf("FAIL fpu_instructions: an FRSTOR/FXRSTOR not right "
		    "after FNINIT\n");
	else if (seen == 0)
		printf("FAIL fpu_instructions: no FPU instruction at all: "
		    "is this the kernel?\n");
	else
		printf("PASS fpu_instructions\n");
	return bad != 0 || !restore_ok || seen == 0;
}
