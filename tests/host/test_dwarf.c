// SOURCES: user/libdebug/elf.c user/libdebug/dwarf_read.c user/libdebug/dwarf_line.c user/libdebug/dwarf_forms.c user/libdebug/dwarf_info.c user/libdebug/dwarf_loc.c
/*
 * test_dwarf.c - libdebug's DWARF readers on real gcc output: the -O0
 * debuggee (tests/debuggee/debuggee.c, DWARF 5 as gcc 12 writes it) as
 * built for Kestrel, the same source compiled here with -gdwarf-4, and
 * /bin/demo (-O2, location lists).
 *
 * The line table is checked against binutils' addr2line: for every row's
 * address, the file and line both give must agree. The entries are checked
 * against facts of the source: the types and members of its globals, the
 * parameters of its functions, where -O0 keeps them (frame base + offset).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "libdebug/dwarf.h"

static int failures;

#define CHECK(name, cond, ...)						\
	do {								\
		if (cond)						\
			printf("PASS %s\n", name);			\
		else {							\
			printf("FAIL %s: ", name);			\
			printf(__VA_ARGS__);				\
			printf("\n");					\
			failures++;					\
		}							\
	} while (0)

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	if (n > 0 && (buf = malloc(n)) != NULL &&
	    fread(buf, 1, n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = n;
	return buf;
}

/* Every row's address through addr2line: file basename and line agree. */
static void
check_lines(const char *label, const char *path, const struct dw_lines *dl)
{
	char cmd[600], line[600], name[64], ours[600], *colon, *base;
	int i, asked = 0, bad = 0;
	FILE *out, *in;

	snprintf(cmd, sizeof(cmd), "addr2line -e '%s' < %s.addrs > %s.a2l",
	    path, path, path);
	snprintf(line, sizeof(line), "%s.addrs", path);
	if ((out = fopen(line, "w")) == NULL) {
		CHECK(label, 0, "cannot write %s", line);
		return;
	}
	for (i = 0; i < dl->nrows; i++)
		if (!dl->rows[i].end_seq && (i + 1 == dl->nrows ||
		    dl->rows[i + 1].addr != dl->rows[i].addr)) {
			fprintf(out, "0x%x\n", (unsigned)dl->rows[i].addr);
			asked++;
		}
	fclose(out);
	snprintf(name, sizeof(name), "%s.lines", label);
	if (asked < 10 || system(cmd) != 0) {
		CHECK(name, 0, "%d rows; addr2line failed", asked);
		return;
	}
	snprintf(line, sizeof(line), "%s.a2l", path);
	in = fopen(line, "r");
	for (i = 0; in != NULL && i < dl->nrows; i++) {
		const struct dw_row *r = &dl->rows[i];

		if (r->end_seq || (i + 1 < dl->nrows && dl->rows[i + 1].addr ==
		    r->addr))
			continue;
		if (fgets(line, sizeof(line), in) == NULL)
			break;
		line[strcspn(line, " \n")] = '\0';
		dw_file_path(dl, r->file, ours, sizeof(ours));
		base = strrchr(ours, '/') ? strrchr(ours, '/') + 1 : ours;
		colon = strrchr(line, ':');
		if (colon == NULL || (unsigned)atoi(colon + 1) != r->line ||
		    (*colon = '\0', strcmp(strrchr(line, '/') ? strrchr(line, '/') +
		    1 : line, base) != 0)) {
			if (bad++ == 0)
				printf("  at 0x%x: addr2line %s, ours %s:%u\n",
				    (unsigned)r->addr, line, ours, (unsigned)r->line);
		}
	}
	if (in != NULL)
		fclose(in);
	CHECK(name, bad == 0 && in != NULL, "%d of %d rows differ", bad, asked);
}

static struct dw_die *
named(const struct dw_info *di, int tag, const char *name)
{
	int i;

	for (i = 0; i < di->ndies; i++)
		if (di->dies[i].tag == tag && di->dies[i].name != NULL &&
		    strcmp(di->dies[i].name, name) == 0 &&
		    !di->dies[i].declaration)
			return &di->dies[i];
	return NULL;
}

/* The type entry of die, with typedefs and qualifiers left as they are. */
static struct dw_die *
type_of(const struct dw_info *di, const struct dw_die *die)
{
	return die != NULL && die->type ? dw_die_at(di, die->type) : NULL;
}

static struct dw_die *
member(const struct dw_die *s, const char *name)
{
	struct dw_die *m;

	for (m = s ? s->child : NULL; m != NULL; m = m->sibling)
		if (m->name != NULL && strcmp(m->name, name) == 0)
			return m;
	return NULL;
}

static int
reg_ebp(void *arg, int r, uint32_t *v)
{
	(void)arg;
	*v = 0x1000 + r;
	return 0;
}

static int
no_mem(void *arg, uint32_t a, uint32_t *v)
{
	(void)arg;
	(void)a;
	*v = 0;
	return -1;
}

static void
check_info(const char *label, const struct dw_info *di)
{
	struct dw_die *box = named(di, DW_TAG_variable, "box");
	struct dw_die *shape = type_of(di, box), *table, *arr, *sq, *v;
	struct dw_frame_ctx ctx = { 0, 0x2000, reg_ebp, no_mem, NULL };
	struct dw_loc loc;
	char name[64];

	snprintf(name, sizeof(name), "%s.struct", label);
	CHECK(name, shape != NULL && shape->tag == DW_TAG_structure_type &&
	    strcmp(shape->name, "shape") == 0 && shape->byte_size == 44 &&
	    member(shape, "corner") && member(shape, "corner")->member_off == 12 &&
	    member(shape, "scale")->member_off == 28,
	    "struct shape not as declared");
	table = named(di, DW_TAG_variable, "table");
	arr = type_of(di, table);
	snprintf(name, sizeof(name), "%s.array", label);
	CHECK(name, arr != NULL && arr->tag == DW_TAG_array_type &&
	    arr->child != NULL && arr->child->has_bound &&
	    arr->child->upper_bound == 4, "int table[5] not an array of 5");
	snprintf(name, sizeof(name), "%s.global_addr", label);
	/* (In the unlinked object the address is 0, to be relocated.) */
	CHECK(name, table != NULL && dw_locate(di, table, NULL, &ctx, &loc) == 0 &&
	    loc.where == DW_MEMORY, "no DW_OP_addr for table");
	sq = named(di, DW_TAG_subprogram, "square");
	v = sq ? sq->child : NULL;
	snprintf(name, sizeof(name), "%s.param", label);
	CHECK(name, v != NULL && v->tag == DW_TAG_formal_parameter &&
	    strcmp(v->name, "v") == 0, "square's first child is not v");
	ctx.pc = sq ? sq->low_pc : 0;
	snprintf(name, sizeof(name), "%s.fbreg", label);
	/* -O0: v is at the CFA (frame base) + 0: the first argument slot. */
	CHECK(name, v != NULL && dw_locate(di, v, sq, &ctx, &loc) == 0 &&
	    loc.where == DW_MEMORY && loc.addr == 0x2000,
	    "v at 0x%x", (unsigned)loc.addr);
	snprintf(name, sizeof(name), "%s.function_at", label);
	CHECK(name, sq != NULL && dw_function_at(di, sq->low_pc + 3) == sq,
	    "pc inside square not found");
}

static void
check_file(const char *label, const char *path, int info)
{
	struct elf_file ef;
	struct dw_lines dl;
	struct dw_info di;
	size_t len;
	char *file = slurp(path, &len), name[64];

	snprintf(name, sizeof(name), "%s.read", label);
	if (file == NULL || elf_open(&ef, file, len) != 0) {
		CHECK(name, 0, "cannot read %s", path);
		return;
	}
	CHECK(name, dw_lines_load(&dl, &ef) == 0 && dl.nrows > 0 &&
	    dw_info_load(&di, &ef) == 0 && di.ndies > 0, "no DWARF in %s", path);
	check_lines(label, path, &dl);
	if (info)
		check_info(label, &di);
	dw_lines_free(&dl);
	dw_info_free(&di);
	free(file);
}

int
main(void)
{
	const char *build = getenv("KESTREL_BUILD");
	char path[600], cmd[1400];

	if (build == NULL)
		build = "build";
	snprintf(path, sizeof(path), "%.500s/test/debuggee", build);
	check_file("dwarf5", path, 1);
	snprintf(path, sizeof(path), "%.500s/host/debuggee-dwarf4.o", build);
	snprintf(cmd, sizeof(cmd), "gcc -m32 -O0 -gdwarf-4 -ffreestanding "
	    "-nostdinc -isystem user/include -Iuser -c tests/debuggee/debuggee.c "
	    "-o '%s'", path);
	if (system(cmd) != 0)
		CHECK("dwarf4.compile", 0, "gcc -gdwarf-4 failed");
	else
		check_file("dwarf4", path, 1);
	snprintf(path, sizeof(path), "%.500s/bin/demo", build);
	check_file("demo_O2", path, 0);
	return failures != 0;
}
