/*
 * elfsym.c - the program's symbols, from the .symtab section of its ELF file.
 *
 * The whole file is read into memory once (Kestrel's programs are small),
 * the symbol table is found through the section headers (SHT_SYMTAB and the
 * string table its sh_link names), and the functions and objects are kept,
 * sorted by address, with their size and whether they live in code or data.
 * Names point into the file's string table, which is kept; the rest of the
 * file is freed.
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

/* The ELF32 structures and constants used here (System V ABI, ELF spec). */
struct elf_ehdr {
	unsigned char	e_ident[16];
	uint16_t	e_type, e_machine;
	uint32_t	e_version, e_entry, e_phoff, e_shoff, e_flags;
	uint16_t	e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum;
	uint16_t	e_shstrndx;
};

struct elf_shdr {
	uint32_t	sh_name, sh_type, sh_flags, sh_addr, sh_offset, sh_size;
	uint32_t	sh_link, sh_info, sh_addralign, sh_entsize;
};

struct elf_sym {
	uint32_t	st_name, st_value, st_size;
	unsigned char	st_info, st_other;
	uint16_t	st_shndx;
};

#define EM_386		3
#define SHT_SYMTAB	2
#define SHF_EXECINSTR	0x4
#define STT_NOTYPE	0
#define STT_OBJECT	1
#define STT_FUNC	2
#define STB_LOCAL	0
#define SHN_UNDEF	0
#define SHN_LORESERVE	0xff00

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
take_symbols(struct symtab *st, const char *file, const struct elf_shdr *sh,
    int nsh, const struct elf_shdr *symsec)
{
	const struct elf_sym *es = (const void *)(file + symsec->sh_offset);
	int i, n = symsec->sh_size / sizeof(*es);

	st->syms = calloc(n, sizeof(*st->syms));
	if (st->syms == NULL)
		return;
	for (i = 0; i < n; i++) {
		int type = es[i].st_info & 0xf;
		struct sym *s = &st->syms[st->n];

		if (es[i].st_name == 0 || es[i].st_shndx == SHN_UNDEF ||
		    es[i].st_shndx >= SHN_LORESERVE || es[i].st_shndx >= nsh)
			continue;
		if (type != STT_NOTYPE && type != STT_OBJECT && type != STT_FUNC)
			continue;
		s->name = st->strings + es[i].st_name;
		if (s->name[0] == '.' || s->name[0] == '\0')
			continue;	/* local labels of assembly code */
		s->value = es[i].st_value;
		s->size = es[i].st_size;
		s->global = (es[i].st_info >> 4) != STB_LOCAL;
		s->data = !(sh[es[i].st_shndx].sh_flags & SHF_EXECINSTR);
		s->func = !s->data && type != STT_OBJECT;
		st->n++;
	}
	qsort(st->syms, st->n, sizeof(*st->syms), by_value);
}

/* Load path's symbols into st. 0, or -1 with a message printed. */
int
symtab_load(struct symtab *st, const char *path)
{
	const struct elf_ehdr *eh;
	const struct elf_shdr *sh, *strsec = NULL, *symsec = NULL;
	size_t len;
	char *file = read_file(path, &len);
	int i;

	memset(st, 0, sizeof(*st));
	if (file == NULL) {
		printf("%s: No such file or directory.\n", path);
		return -1;
	}
	eh = (const void *)file;
	if (len < sizeof(*eh) || memcmp(eh->e_ident, "\177ELF", 4) != 0 ||
	    eh->e_ident[4] != 1 || eh->e_machine != EM_386 ||
	    eh->e_shentsize != sizeof(*sh) ||
	    eh->e_shoff + (uint64_t)eh->e_shnum * sizeof(*sh) > len) {
		printf("\"%s\": not in executable format: file format not "
		    "recognized\n", path);
		free(file);
		return -1;
	}
	sh = (const void *)(file + eh->e_shoff);
	for (i = 0; i < eh->e_shnum; i++)
		if (sh[i].sh_type == SHT_SYMTAB && sh[i].sh_link < eh->e_shnum &&
		    sh[i].sh_offset + (uint64_t)sh[i].sh_size <= len) {
			symsec = &sh[i];
			strsec = &sh[sh[i].sh_link];
		}
	if (symsec == NULL ||
	    strsec->sh_offset + (uint64_t)strsec->sh_size > len ||
	    strsec->sh_size == 0 ||
	    file[strsec->sh_offset + strsec->sh_size - 1] != '\0') {
		printf("(No debugging symbols found in %s)\n", path);
		free(file);
		st->path = strdup(path);
		return 0;
	}
	st->strings = malloc(strsec->sh_size);
	if (st->strings != NULL) {
		memcpy(st->strings, file + strsec->sh_offset, strsec->sh_size);
		take_symbols(st, file, sh, eh->e_shnum, symsec);
	}
	free(file);
	st->path = strdup(path);
	return 0;
}

void
symtab_free(struct symtab *st)
{
	free(st->syms);
	free(st->strings);
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
