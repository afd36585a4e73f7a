/*
 * imgact_elf.h - loading a static ELF32 i386 executable into an address space.
 */
#ifndef PROC_IMGACT_ELF_H
#define PROC_IMGACT_ELF_H

#include <stddef.h>
#include <stdint.h>

struct vmspace;

#define ELF_MAX_PHDRS	16
#define ELF_MAX_IMAGE	(64u << 20)	/* a program's segments together */

/* Check the headers of image (size bytes); 0 or ENOEXEC. */
int	elf_check(const void *image, size_t size);
/* Map and fill the segments into vm; *entry and *brk_base on success. */
int	elf_load(struct vmspace *vm, const void *image, size_t size,
	    uint32_t *entry, uint32_t *brk_base);

#endif
