/*
 * imgact_elf.c - the ELF image activator for static i386 executables.
 *
 * Everything in the headers is distrusted: the class, byte order, machine
 * and type must be ELF32, little-endian, i386, ET_EXEC; the program headers
 * must lie inside the file; each PT_LOAD segment's file bytes must lie
 * inside the file and its memory range wholly in user space, below the
 * stack; segments may not share a page; the entry point must be in an
 * executable segment. Anything else is ENOEXEC, found before the caller's
 * old image is touched.
 *
 * Loading makes one region per segment (read-only unless the segment is
 * writable) and copies the file bytes in; the rest of the segment (bss)
 * is demand-zero.
 */
#include <string.h>
#include <sys/errno.h>
#include "proc/imgact_elf.h"
#include "vm/vm.h"

#define EI_NIDENT	16
#define ELFCLASS32	1
#define ELFDATA2LSB	1
#define EV_CURRENT	1
#define ET_EXEC		2
#define EM_386		3
#define PT_LOAD		1
#define PF_X		1
#define PF_W		2
#define PF_R		4

typedef struct {
	uint8_t		e_ident[EI_NIDENT];
	uint16_t	e_type;
	uint16_t	e_machine;
	uint32_t	e_version;
	uint32_t	e_entry;
	uint32_t	e_phoff;
	uint32_t	e_shoff;
	uint32_t	e_flags;
	uint16_t	e_ehsize;
	uint16_t	e_phentsize;
	uint16_t	e_phnum;
	uint16_t	e_shentsize;
	uint16_t	e_shnum;
	uint16_t	e_shstrndx;
} Elf32_Ehdr;

typedef struct {
	uint32_t	p_type;
	uint32_t	p_offset;
	uint32_t	p_vaddr;
	uint32_t	p_paddr;
	uint32_t	p_filesz;
	uint32_t	p_memsz;
	uint32_t	p_flags;
	uint32_t	p_align;
} Elf32_Phdr;

static const Elf32_Phdr *
phdrs(const void *image)
{
	const Elf32_Ehdr *eh = image;

	return (const Elf32_Phdr *)((const char *)image + eh->e_phoff);
}

static int
segment_ok(const Elf32_Phdr *ph, size_t size)
{
	uint32_t end = ph->p_vaddr + ph->p_memsz;

	if (ph->p_offset > size || ph->p_filesz > size - ph->p_offset)
		return 0;
	if (ph->p_filesz > ph->p_memsz || ph->p_memsz > ELF_MAX_IMAGE)
		return 0;
	if (ph->p_vaddr < VM_MINUSER_ADDRESS || end < ph->p_vaddr ||
	    end > VM_MAXUSER_ADDRESS - MAXSSIZ)
		return 0;
	return 1;
}

int
elf_check(const void *image, size_t size)
{
	const Elf32_Ehdr *eh = image;
	const Elf32_Phdr *ph;
	uint32_t total = 0, last_end = 0;
	int i, entry_ok = 0;

	if (size < sizeof(*eh) || memcmp(eh->e_ident, "\177ELF", 4) != 0 ||
	    eh->e_ident[4] != ELFCLASS32 || eh->e_ident[5] != ELFDATA2LSB ||
	    eh->e_ident[6] != EV_CURRENT || eh->e_type != ET_EXEC ||
	    eh->e_machine != EM_386 || eh->e_phentsize != sizeof(Elf32_Phdr) ||
	    eh->e_phnum == 0 || eh->e_phnum > ELF_MAX_PHDRS ||
	    eh->e_phoff > size ||
	    size - eh->e_phoff < eh->e_phnum * sizeof(Elf32_Phdr))
		return ENOEXEC;
	ph = phdrs(image);
	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD || ph[i].p_memsz == 0)
			continue;
		if (!segment_ok(&ph[i], size))
			return ENOEXEC;
		if (trunc_page(ph[i].p_vaddr) < last_end)
			return ENOEXEC;		/* unsorted or sharing a page */
		last_end = round_page(ph[i].p_vaddr + ph[i].p_memsz);
		total += ph[i].p_memsz;
		if (total > ELF_MAX_IMAGE)
			return ENOEXEC;
		if ((ph[i].p_flags & PF_X) && eh->e_entry >= ph[i].p_vaddr &&
		    eh->e_entry < ph[i].p_vaddr + ph[i].p_memsz)
			entry_ok = 1;
	}
	return entry_ok ? 0 : ENOEXEC;
}

int
elf_load(struct vmspace *vm, const void *image, size_t size, uint32_t *entry,
    uint32_t *brk_base)
{
	const Elf32_Ehdr *eh = image;
	const Elf32_Phdr *ph = phdrs(image);
	uint32_t top = 0;
	int i, error;

	(void)size;
	for (i = 0; i < eh->e_phnum; i++) {
		uint32_t start, end;
		int prot = VM_PROT_READ;

		if (ph[i].p_type != PT_LOAD || ph[i].p_memsz == 0)
			continue;
		if (ph[i].p_flags & PF_W)
			prot |= VM_PROT_WRITE;
		if (ph[i].p_flags & PF_X)
			prot |= VM_PROT_EXEC;
		start = trunc_page(ph[i].p_vaddr);
		end = round_page(ph[i].p_vaddr + ph[i].p_memsz);
		if ((error = vm_map_region(vm, start, end, prot)) != 0)
			return error;
		error = vm_rw(vm, ph[i].p_vaddr,
		    (char *)image + ph[i].p_offset, ph[i].p_filesz, 1, 1, NULL);
		if (error)
			return error;
		if (end > top)
			top = end;
	}
	*entry = eh->e_entry;
	*brk_base = top;
	return 0;
}
