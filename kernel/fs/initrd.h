/*
 * initrd.h - the root file system: a ustar archive the boot loader put in
 * memory, mounted read-only at "/".
 */
#ifndef KERNEL_FS_INITRD_H
#define KERNEL_FS_INITRD_H

#include <stddef.h>
#include <stdint.h>

#define INITRD_PATHMAX	256
#define INITRD_BLOCK	512	/* a ustar header, and the unit of file data */
#define INITRD_CHKSUM	148	/* where a header's 8-byte checksum field is */

struct file;

struct initrd_node {
	char		path[INITRD_PATHMAX];	/* "bin/sh"; "" is the root */
	const char	*data;			/* file contents, in the archive */
	uint32_t	size;
	uint16_t	mode;			/* permission bits */
	uint8_t		type;			/* DT_REG, DT_DIR, DT_CHR (<sys/dirent.h>) */
	uint32_t	uid;
	uint32_t	gid;
	uint32_t	mtime;
};

int	initrd_init(const void *archive, size_t size);
int	initrd_lookup(const char *path, const struct initrd_node **np);
int	initrd_count(void);

/* Pure helpers, shared with the host tests. */
int	initrd_normalize(const char *path, char *out, size_t outsize);
uint32_t initrd_octal(const char *s, size_t n);
int	initrd_checksum_ok(const void *header);

#endif
