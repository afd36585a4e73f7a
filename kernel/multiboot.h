/*
 * multiboot.h - what the boot loader told us, copied out of the Multiboot
 * information structure before anything can overwrite it.
 */
#ifndef KERNEL_MULTIBOOT_H
#define KERNEL_MULTIBOOT_H

#include <stdint.h>
#include "kernel/cmdline.h"

#define MULTIBOOT_LOADER_MAGIC	0x2BADB002
#define BOOT_MAXRANGES		32
#define BOOT_MAXMODS		4

struct boot_range {
	uint64_t	start;		/* usable RAM [start, end) */
	uint64_t	end;
};

struct boot_module {
	uint32_t	start;		/* physical [start, end) */
	uint32_t	end;
	char		name[32];
};

struct boot_info {
	int			nranges;
	struct boot_range	ranges[BOOT_MAXRANGES];
	int			nmods;
	struct boot_module	mods[BOOT_MAXMODS];
	char			cmdline[CMDLINE_MAX];
	uint64_t		ram_bytes;	/* sum of the usable ranges */
};

extern struct boot_info boot_info;

/* Returns 0, or -1 if magic is not the Multiboot loader's. */
int	multiboot_parse(uint32_t magic, uint32_t info_pa);

#endif
