// SOURCES: user/libdebug/disasm.c user/libdebug/dis_tab.c user/libdebug/dis_sse.c user/libdebug/dis_x87.c user/libdebug/dis_operand.c user/libdebug/elf.c
/*
 * test_disasm.c - the disassembler against binutils' objdump, instruction by
 * instruction, on every Kestrel binary: each program in build/bin and
 * build/test, the kernel, and a corpus of hand-picked encodings
 * (tests/host/disasm_corpus.s, assembled here with the host's as) that
 * reaches the instructions the binaries do not contain yet.
 *
 * objdump -d -z --no-show-raw-insn lists "ADDR:\tTEXT" for each instruction
 * (-z: runs of zero bytes are disassembled too, not elided as "..."). For
 * each line the test decodes the bytes at ADDR itself and compares the text
 * and, through the next line's address, the length. Branch targets are
 * named as objdump names them: the nearest symbol at or below the target;
 * of several at one address, the first in objdump's order (a function, a
 * global, the larger, then by name). A binary passes with
 * no difference at all; the exceptions below are the only tolerated ones.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "libdebug/disasm.h"
#include "libdebug/elf.h"

/*
 * Allowed differences, each with its reason: objdump's text, ours. None are
 * needed today; an entry is for a spelling where objdump's own choice
 * depends on something a one-instruction decoder cannot see.
 */
static const struct {
	const char	*objdump, *ours, *why;
} exceptions[] = {
	{ NULL, NULL, NULL },
};

struct symbol {
	uint32_t	value, size;
	const char	*name;
	int		func, global;
};

static struct symbol *syms;
static int nsyms;

static int
by_value(const void *a, const void *b)
{
	const struct symbol *x = a, *y = b;

	if (x->value != y->value)
		return x->value < y->value ? -1 : 1;
	if (x->func != y->func)
		return y->func - x->func;
	if (x->global != y->global)
		return y->global - x->global;
	if (x->size != y->size)
		return x->size > y->size ? -1 : 1;
	return strcmp(x->name, y->name);
}

static void
load_symbols(const struct elf_file *ef)
{
	int i, n = elf_nsyms(ef);

	free(syms);
	syms = calloc(n + 1, sizeof(*syms));
	nsyms = 0;
	for (i = 0; i < n; i++) {
		const char *name;
		const struct elf32_sym *s = elf_sym(ef, i, &name);
		int type = s->st_info & 0xf;

		if (name[0] == '\0' || s->st_shndx == SHN_UNDEF ||
		    type == STT_SECTION || type == STT_FILE)
			continue;
		syms[nsyms].value = s->st_value;
		syms[nsyms].name = name;
		syms[nsyms].size = s->st_size;
		syms[nsyms].func = type == STT_FUNC;
		syms[nsyms].global = (s->st_info >> 4) != STB_LOCAL;
		nsyms++;
	}
	qsort(syms, nsyms, sizeof(*syms), by_value);
}

/* objdump's way: "8048220 <step_c>", "8048225 <step_c+0x5>", or "0x..". */
static void
objdump_target(void *arg, uint32_t addr, char *buf, size_t n)
{
	int lo = 0, hi = nsyms - 1, best = -1;

	(void)arg;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;

		if (syms[mid].value <= addr) {
			best = mid;
			lo = mid + 1;
		} else
			hi = mid - 1;
	}
	while (best > 0 && syms[best - 1].value == syms[best].value)
		best--;
	if (best < 0 && nsyms == 0)
		snprintf(buf, n, "0x%x", (unsigned)addr);
	else if (best < 0)	/* below every symbol: the first one, minus */
		snprintf(buf, n, "%x <%s-0x%x>", (unsigned)addr, syms[0].name,
		    (unsigned)(syms[0].value - addr));
	else if (syms[best].value == addr)
		snprintf(buf, n, "%x <%s>", (unsigned)addr, syms[best].name);
	else
		snprintf(buf, n, "%x <%s+0x%x>", (unsigned)addr, syms[best].name,
		    (unsigned)(addr - syms[best].value));
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(n > 0 ? n : 1);
	if (buf != NULL && fread(buf, 1, n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = n;
	return buf;
}

static int
excepted(const char *theirs, const char *ours)
{
	size_t i;

	for (i = 0; exceptions[i].objdump != NULL; i++)
		if (strcmp(theirs, exceptions[i].objdump) == 0 &&
		    strcmp(ours, exceptions[i].ours) == 0)
			return 1;
	return 0;
}

/* One objdump listing line: 1 and its address and text, else 0. */
static int
parse_line(char *line, uint32_t *addr, char **text)
{
	char *tab = strchr(line, '\t'), *end;

	if (tab == NULL || tab == line || tab[-1] != ':')
		return 0;
	*addr = strtoul(line, &end, 16);
	if (end != tab - 1)
		return 0;
	*text = tab + 1;
	tab[strcspn(tab, "\n")] = '\0';
	return 1;
}

/*
 * Compare every instruction of path with objdump's. Prints the verdict
 * line; returns the number of differences.
 */
static int
check_binary(const char *label, const char *path)
{
	char cmd[1200], line[512], prev_text[512] = "", ours[DIS_TEXTMAX];
	char first[1200] = "";
	uint32_t addr, prev = 0;
	int have_prev = 0, bad = 0, count = 0;
	struct elf_file ef;
	size_t len;
	char *file = slurp(path, &len), *text;
	FILE *p;

	if (file == NULL || elf_open(&ef, file, len) != 0) {
		printf("FAIL %s: cannot read %s as ELF\n", label, path);
		free(file);
		return 1;
	}
	load_symbols(&ef);
	snprintf(cmd, sizeof(cmd), "objdump -d -z --no-show-raw-insn '%s'", path);
	if ((p = popen(cmd, "r")) == NULL) {
		printf("FAIL %s: cannot run objdump\n", label);
		free(file);
		return 1;
	}
	for (;;) {
		int more = fgets(line, sizeof(line), p) != NULL;
		int is_insn = more && parse_line(line, &addr, &text);

		if (have_prev) {
			const struct elf32_shdr *s = elf_section_at(&ef, prev);
			size_t avail = s ? s->sh_addr + s->sh_size - prev : 0;
			const uint8_t *code = (uint8_t *)file + (s ? s->sh_offset +
			    (prev - s->sh_addr) : 0);
			int n = dis_decode(code, avail, prev, objdump_target,
			    NULL, ours);

			count++;
			if ((strcmp(ours, prev_text) != 0 &&
			    !excepted(prev_text, ours)) ||
			    (is_insn && n != (int)(addr - prev))) {
				size_t l = strlen(first);

				if (bad++ < 4)
					snprintf(first + l, sizeof(first) - l,
					    "; at %x: objdump \"%s\", ours \"%s\" "
					    "(%d bytes)", (unsigned)prev, prev_text,
					    ours, n);
			}
			have_prev = 0;
		}
		if (!more)
			break;
		if (is_insn) {
			prev = addr;
			snprintf(prev_text, sizeof(prev_text), "%s", text);
			have_prev = 1;
		}
	}
	pclose(p);
	free(file);
	if (count == 0)
		printf("FAIL %s: objdump listed no instructions\n", label);
	else if (bad)
		printf("FAIL %s: %d of %d differ%s\n", label, bad, count, first);
	else
		printf("PASS %s\n", label);
	return bad || count == 0;
}

/* Every file of directory dir under the build directory. */
static int
check_dir(const char *build, const char *dir)
{
	char path[1024], label[300];
	struct dirent **names;
	int n, i, failed = 0;

	snprintf(path, sizeof(path), "%s/%s", build, dir);
	if ((n = scandir(path, &names, NULL, alphasort)) < 0) {
		printf("FAIL %s: no directory %s (build first)\n", dir, path);
		return 1;
	}
	for (i = 0; i < n; i++) {
		if (names[i]->d_name[0] != '.' &&
		    strchr(names[i]->d_name, '.') == NULL) {
			snprintf(path, sizeof(path), "%s/%s/%s", build, dir,
			    names[i]->d_name);
			snprintf(label, sizeof(label), "%s.%s", dir,
			    names[i]->d_name);
			failed += check_binary(label, path);
		}
		free(names[i]);
	}
	free(names);
	return failed;
}

int
main(void)
{
	const char *build = getenv("KESTREL_BUILD");
	char path[1200], obj[1024];
	int failed = 0;

	if (build == NULL)
		build = "build";
	failed += check_dir(build, "bin");
	failed += check_dir(build, "test");
	snprintf(path, sizeof(path), "%.900s/kernel.elf", build);
	failed += check_binary("kernel", path);
	snprintf(obj, sizeof(obj), "%.900s/host/disasm_corpus.o", build);
	snprintf(path, sizeof(path), "as --32 tests/host/disasm_corpus.s -o '%s'",
	    obj);
	if (system(path) != 0) {
		printf("FAIL corpus: as could not assemble the corpus\n");
		failed++;
	} else
		failed += check_binary("corpus", obj);
	return failed != 0;
}
