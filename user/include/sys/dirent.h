/* sys/dirent.h - directory entries as getdents returns them. */
#ifndef _SYS_DIRENT_H_
#define _SYS_DIRENT_H_

#include <sys/types.h>

struct dirent {
	uint32_t	d_fileno;	/* file number (initrd index + 1) */
	uint16_t	d_reclen;	/* length of this record */
	uint8_t		d_type;		/* DT_* */
	uint8_t		d_namlen;	/* length of d_name */
	char		d_name[256];	/* NUL-terminated name */
};
#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_REG		8

#endif
