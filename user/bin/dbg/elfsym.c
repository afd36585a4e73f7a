/*
 * elfsym.c - the program's symbols, from the .symtab section of its ELF file.
 *
 * The whole file is read into memory once and kept (Kestrel's programs are
 * small): libdebug's ELF reader finds the symbol table, the DWARF readers
 * find their sections, and disassembly before "run" reads the file's code.
 * The functions and objects are kept, sorted by address, with their size
 * and whether they live in code or data; names point into the file.
 *
 * Lookup by name prefers a global symbol to a local one of the same name;
 * lookup by address takes the symbol whose [value, value + size) holds the
 * address, or else the nearest untyped label before it (assembly code such
 * as crt0's _start has no size).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "dbg.h"

static char *
read_file(const char *path, size_t *lenp)
{
	char *buf = NULL, *nb;
	size_t len = 0, cap = 0;
	ssize_t r;
	int fd;

	if ((fd = open(path, O_RDONLY)) < 0)
		return NULL;
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 65536;
			if ((nb = realloc(buf, cap)) == NULL)
				break;
			buf = nb;
		}
		if ((r = read(fd, buf + len, cap - len)) <= 0)
			break;
		len += r;
	}
	close(fd);
	*lenp = len;
	return buf;
}

static int
by_value(const void *a, const void *b)
{
	const struct sym *x = a, *y = b;

	if (x->value != y->value)
		return x->value < y->value ? -1 : 1;
	return (int)y->size - (int)x->size;	/* the sized one first */
}

/* Keep the named functions, objects and labels of a valid section. */
static void
take_symbols(struct symtab *st)
{
	const struct elf_file *ef = &st->elf;
	int i, n = elf_nsyms(ef);

	st->syms = calloc(n + 1, sizeof(*st->syms));
	if (st->syms == NULL)
		return;
	for (i = 0; i < n; i++) {
		const char *name;
		const struct elf32_sym *es = elf_sym(ef, i, &name);
		int type = es->st_info & 0xf;
		struct sym *s = &st->syms[st->n];

		if (es->st_shndx == SHN_UNDEF || es->st_shndx >= SHN_LORESERVE ||
		    es->st_shndx >= ef->nsh)
			continue;
		if (type != STT_NOTYPE && type != STT_OBJECT && type != STT_FUNC)
			continue;
		if (name[0] == '.' || name[0] == '\0')
			continue;	/* local labels of assembly code */
		s->name = name;
		s->value = es->st_value;
		s->size = es->st_size;
		s->global = (es->st_info >> 4) != STB_LOCAL;
		s->data = !(ef->sh[es->st_shndx].sh_flags & SHF_EXECINSTR);
		s->func = !s->data && type != STT_OBJECT;
		st->n++;
	}
	qsort(st->syms, st->n, sizeof(*st->syms), by_value);
}

/* Load path's symbols into st. 0, or -1 with a message printed. */
int
symtab_load(struct symtab *st, const char *path)
{
	size_t len;
	char *file = read_file(path, &len);

	memset(st, 0, sizeof(*st));
	if (file == NULL) {
		printf("%s: No such file or directory.\n", path);
		return -1;
	}
	if (elf_open(&st->elf, file, len) != 0) {
		printf("\"%s\": not in executable format: file format not "
		    "recognized\n", path);
		free(file);
		return -1;
	}
	st->file = file;
	st->path = strdup(path);
	if (st->elf.symtab == NULL) {
		printf("(No debugging symbols found in %s)\n", path);
		return 0;
	}
	take_symbols(st);
	return 0;
}

void
symtab_free(struct symtab *st)
{
	free(st->syms);
	free(st->file);
	free(st->path);
	memset(st, 0, sizeof(*st));
}

const struct sym *
sym_by_name(const struct symtab *st, const char *name)
{
	const struct sym *found = NULL;
	int i;

	for (i = 0; i < st->n; i++)
		if (strcmp(st->syms[i].name, name) == 0) {
			if (st->syms[i].global)
				return &st->syms[i];
			if (found == NULL)
				found = &st->syms[i];
		}
	return found;
}

const struct sym *
sym_by_addr(const struct symtab *st, uint32_t addr)
{
	const struct sym *label = NULL;
	int i;

	for (i = 0; i < st->n && st->syms[i].value <= addr; i++) {
		const struct sym *s = &st->syms[i];

		if (addr - s->value < s->size)
			return s;
		if (s->size == 0)
			label = s;
		else if (label != NULL && label->value < s->value)
			label = NULL;	/* a sized symbol ends its reach */
	}
	if (label != NULL && addr - label->value >= 0x10000)
		return NULL;
	return label;
}
