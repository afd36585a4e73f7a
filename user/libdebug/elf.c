/*
 * elf.c - an ELF32 file in memory: validation of the header and of every
 * section's extent, then lookups. A section or string that would run past
 * the end of the file is treated as absent, so a damaged file gives "no
 * such section" rather than a read out of bounds.
 */
#include <string.h>
#include "elf.h"

struct elf32_ehdr {
	unsigned char	e_ident[16];
	uint16_t	e_type, e_machine;
	uint32_t	e_version, e_entry, e_phoff, e_shoff, e_flags;
	uint16_t	e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum;
	uint16_t	e_shstrndx;
};

#define EM_386	3

static int
fits(const struct elf_file *ef, uint32_t off, uint32_t size)
{
	return off <= ef->len && size <= ef->len - off;
}

int
elf_open(struct elf_file *ef, const void *data, size_t len)
{
	const struct elf32_ehdr *eh = data;
	int i;

	memset(ef, 0, sizeof(*ef));
	ef->data = data;
	ef->len = len;
	if (len < sizeof(*eh) || memcmp(eh->e_ident, "\177ELF", 4) != 0 ||
	    eh->e_ident[4] != 1 || eh->e_machine != EM_386 ||
	    eh->e_shentsize != sizeof(struct elf32_shdr) ||
	    !fits(ef, eh->e_shoff, eh->e_shnum * sizeof(struct elf32_shdr)) ||
	    eh->e_shoff % 4 != 0 || eh->e_shstrndx >= eh->e_shnum)
		return -1;
	ef->sh = (const void *)(ef->data + eh->e_shoff);
	ef->nsh = eh->e_shnum;
	for (i = 0; i < ef->nsh; i++) {
		const struct elf32_shdr *s = &ef->sh[i];

		if (s->sh_type == SHT_SYMTAB && s->sh_link < (uint32_t)ef->nsh &&
		    fits(ef, s->sh_offset, s->sh_size) && s->sh_offset % 4 == 0 &&
		    fits(ef, ef->sh[s->sh_link].sh_offset,
		    ef->sh[s->sh_link].sh_size)) {
			ef->symtab = s;
			ef->strtab = &ef->sh[s->sh_link];
		}
	}
	return 0;
}

/* The NUL-terminated string at off in string section s, or "". */
static const char *
string_at(const struct elf_file *ef, const struct elf32_shdr *s, uint32_t off)
{
	const char *p;

	if (s == NULL || off >= s->sh_size || !fits(ef, s->sh_offset, s->sh_size))
		return "";
	p = (const char *)ef->data + s->sh_offset + off;
	return memchr(p, '\0', s->sh_size - off) != NULL ? p : "";
}

const char *
elf_section_name(const struct elf_file *ef, const struct elf32_shdr *s)
{
	const struct elf32_ehdr *eh = (const void *)ef->data;

	return string_at(ef, &ef->sh[eh->e_shstrndx], s->sh_name);
}

const struct elf32_shdr *
elf_section(const struct elf_file *ef, const char *name)
{
	int i;

	for (i = 0; i < ef->nsh; i++)
		if (strcmp(elf_section_name(ef, &ef->sh[i]), name) == 0)
			return &ef->sh[i];
	return NULL;
}

const uint8_t *
elf_section_data(const struct elf_file *ef, const struct elf32_shdr *s,
    size_t *len)
{
	*len = 0;
	if (s == NULL || s->sh_type == SHT_NOBITS ||
	    !fits(ef, s->sh_offset, s->sh_size))
		return NULL;
	*len = s->sh_size;
	return ef->data + s->sh_offset;
}

const struct elf32_shdr *
elf_section_at(const struct elf_file *ef, uint32_t addr)
{
	int i;

	for (i = 0; i < ef->nsh; i++) {
		const struct elf32_shdr *s = &ef->sh[i];

		if (s->sh_type == SHT_PROGBITS && (s->sh_flags & SHF_ALLOC) &&
		    addr - s->sh_addr < s->sh_size)
			return s;
	}
	return NULL;
}

int
elf_nsyms(const struct elf_file *ef)
{
	return ef->symtab ? ef->symtab->sh_size / sizeof(struct elf32_sym) : 0;
}

const struct elf32_sym *
elf_sym(const struct elf_file *ef, int i, const char **name)
{
	const struct elf32_sym *s;

	s = (const void *)(ef->data + ef->symtab->sh_offset);
	*name = string_at(ef, ef->strtab, s[i].st_name);
	return &s[i];
}
