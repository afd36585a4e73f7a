/*
 * elf.h - reading an ELF32 i386 file held in memory: its section headers,
 * a section by name and its bytes, the symbol table. The layouts are those
 * of the System V ABI; nothing here allocates, so the reader serves dbg,
 * gdbstub and host tests alike.
 */
#ifndef LIBDEBUG_ELF_H
#define LIBDEBUG_ELF_H

#include <stddef.h>
#include <stdint.h>

struct elf32_shdr {
	uint32_t	sh_name, sh_type, sh_flags, sh_addr, sh_offset, sh_size;
	uint32_t	sh_link, sh_info, sh_addralign, sh_entsize;
};

struct elf32_sym {
	uint32_t	st_name, st_value, st_size;
	unsigned char	st_info, st_other;
	uint16_t	st_shndx;
};

#define SHT_PROGBITS	1
#define SHT_SYMTAB	2
#define SHT_NOBITS	8
#define SHF_ALLOC	0x2
#define SHF_EXECINSTR	0x4
#define STT_NOTYPE	0
#define STT_OBJECT	1
#define STT_FUNC	2
#define STT_SECTION	3
#define STT_FILE	4
#define STB_LOCAL	0
#define SHN_UNDEF	0
#define SHN_LORESERVE	0xff00

struct elf_file {
	const uint8_t		*data;
	size_t			len;
	const struct elf32_shdr	*sh;
	int			nsh;
	const struct elf32_shdr	*symtab, *strtab;	/* NULL if stripped */
};

/* Check data as an ELF32 i386 file and index it. 0, or -1 if it is not one. */
int	elf_open(struct elf_file *ef, const void *data, size_t len);

/* The section named name, or NULL. */
const struct elf32_shdr *elf_section(const struct elf_file *ef,
	    const char *name);
const char *elf_section_name(const struct elf_file *ef,
	    const struct elf32_shdr *s);

/* The bytes of section s (NULL for NOBITS), *len set to its size. */
const uint8_t *elf_section_data(const struct elf_file *ef,
	    const struct elf32_shdr *s, size_t *len);

/* The loaded section holding address addr (PROGBITS), or NULL. */
const struct elf32_shdr *elf_section_at(const struct elf_file *ef,
	    uint32_t addr);

/* Number of symbols, and symbol i with its name ("" if none). */
int	elf_nsyms(const struct elf_file *ef);
const struct elf32_sym *elf_sym(const struct elf_file *ef, int i,
	    const char **name);

#endif
