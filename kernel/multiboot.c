/*
 * multiboot.c - read the Multiboot v1 information structure: the memory map
 * (or, from an old loader, just the upper-memory size), the modules (the
 * initrd) and the command line. The structure lives in memory the allocator
 * will hand out later, so everything is copied into boot_info first. The
 * loader puts it in low memory, which the boot page tables already map.
 */
#include <string.h>
#include "kernel/multiboot.h"
#include "kernel/i386/layout.h"

struct mb_info {
	uint32_t flags;
	uint32_t mem_lower;
	uint32_t mem_upper;
	uint32_t boot_device;
	uint32_t cmdline;
	uint32_t mods_count;
	uint32_t mods_addr;
	uint32_t syms[4];
	uint32_t mmap_length;
	uint32_t mmap_addr;
} __attribute__((packed));

struct mb_mmap_entry {
	uint32_t size;		/* of the rest of the entry */
	uint64_t base;
	uint64_t length;
	uint32_t type;
} __attribute__((packed));

struct mb_module {
	uint32_t start;
	uint32_t end;
	uint32_t string;
	uint32_t reserved;
} __attribute__((packed));

#define MBI_MEM		0x001
#define MBI_CMDLINE	0x004
#define MBI_MODS	0x008
#define MBI_MMAP	0x040
#define MMAP_AVAILABLE	1

struct boot_info boot_info;

static void
add_range(uint64_t start, uint64_t end)
{
	if (end <= start || boot_info.nranges == BOOT_MAXRANGES)
		return;
	boot_info.ranges[boot_info.nranges].start = start;
	boot_info.ranges[boot_info.nranges].end = end;
	boot_info.nranges++;
	boot_info.ram_bytes += end - start;
}

static void
copy_string(char *dst, uint32_t src_pa, uint32_t size)
{
	const char *src = PHYS_TO_KVA(src_pa);
	uint32_t i;

	for (i = 0; i + 1 < size && src[i] != '\0'; i++)
		dst[i] = src[i];
	dst[i] = '\0';
}

static void
read_mmap(const struct mb_info *mbi)
{
	uint32_t off = 0;

	while (off + sizeof(struct mb_mmap_entry) <= mbi->mmap_length + 4) {
		const struct mb_mmap_entry *e =
		    PHYS_TO_KVA(mbi->mmap_addr + off);

		if (e->type == MMAP_AVAILABLE)
			add_range(e->base, e->base + e->length);
		off += e->size + 4;
	}
}

static void
read_modules(const struct mb_info *mbi)
{
	const struct mb_module *m = PHYS_TO_KVA(mbi->mods_addr);
	uint32_t i;

	for (i = 0; i < mbi->mods_count && i < BOOT_MAXMODS; i++) {
		struct boot_module *bm = &boot_info.mods[boot_info.nmods++];

		bm->start = m[i].start;
		bm->end = m[i].end;
		if (m[i].string != 0)
			copy_string(bm->name, m[i].string, sizeof(bm->name));
	}
}

int
multiboot_parse(uint32_t magic, uint32_t info_pa)
{
	const struct mb_info *mbi = PHYS_TO_KVA(info_pa);

	if (magic != MULTIBOOT_LOADER_MAGIC)
		return -1;
	if (mbi->flags & MBI_MMAP)
		read_mmap(mbi);
	else if (mbi->flags & MBI_MEM)
		add_range(0x100000, 0x100000 + (uint64_t)mbi->mem_upper * 1024);
	if (mbi->flags & MBI_MODS)
		read_modules(mbi);
	if (mbi->flags & MBI_CMDLINE)
		copy_string(boot_info.cmdline, mbi->cmdline,
		    sizeof(boot_info.cmdline));
	return 0;
}
