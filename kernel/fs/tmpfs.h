/*
 * tmpfs.h - the RAM file system mounted on /tmp: its nodes and directory
 * entries, shared by kernel/fs/tmpfs_subr.c (nodes, pages, quotas, path
 * walks) and kernel/fs/tmpfs_vnops.c (the operations).
 *
 * A node is a file or a directory. A file's bytes live in whole pages from
 * the page allocator, one slot per page of the file in tn_pages (0: a hole,
 * read as zeros); the pages go back when the file shrinks or is gone. A
 * directory is a list of entries, each a name and the node it names; "."
 * and ".." are not entries (getdents makes them up). A node lives while a
 * name or an open file refers to it: unlinking an open file leaves it
 * readable until it is closed.
 */
#ifndef KERNEL_FS_TMPFS_H
#define KERNEL_FS_TMPFS_H

#include <stdint.h>
#include <sys/types.h>
#include <time.h>
#include "kernel/fs/vfs.h"
#include "vm/vm.h"

#define TMPFS_MAXFILE	(64u << 20)	/* bytes in one file */
#define TMPFS_USER_NODES 1024		/* files and directories per user */

struct tmpfs_node;

struct tmpfs_dirent {
	struct tmpfs_dirent	*td_next;
	struct tmpfs_node	*td_node;
	char			td_name[];	/* NUL-terminated */
};

struct tmpfs_node {
	mode_t			tn_type;	/* S_IFREG or S_IFDIR */
	mode_t			tn_mode;	/* permission bits */
	uid_t			tn_uid;		/* its pages are charged to this user */
	gid_t			tn_gid;
	uint32_t		tn_ino;
	int			tn_nlink;	/* 0: no name refers to it any more */
	int			tn_open;	/* open files */
	struct timespec		tn_atime, tn_mtime, tn_ctime;
	/* files */
	uint32_t		tn_size;
	paddr_t			*tn_pages;
	uint32_t		tn_nslots;	/* of tn_pages */
	uint32_t		tn_resident;	/* pages present */
	/* directories */
	struct tmpfs_dirent	*tn_entries;
	uint32_t		tn_nentries;
	struct tmpfs_node	*tn_parent;
};

struct ucred;

/* tmpfs_subr.c */
struct tmpfs_node *tmpfs_root(void);
void	tmpfs_now(struct timespec *ts);
int	tmpfs_access(const struct tmpfs_node *n, const struct ucred *cr, int want);
int	tmpfs_walk(const char *rest, const struct ucred *cr, struct tmpfs_node **np);
int	tmpfs_walk_parent(const char *rest, const struct ucred *cr,
	    struct tmpfs_node **dirp, const char **namep);
struct tmpfs_dirent *tmpfs_lookup(const struct tmpfs_node *dir, const char *name);
int	tmpfs_create(struct tmpfs_node *dir, const char *name, mode_t type,
	    int mode, const struct ucred *cr, struct tmpfs_node **np);
int	tmpfs_attach(struct tmpfs_node *dir, const char *name,
	    struct tmpfs_node *n);
void	tmpfs_detach(struct tmpfs_node *dir, struct tmpfs_dirent *de);
int	tmpfs_move(struct tmpfs_node *fdir, struct tmpfs_dirent *de,
	    struct tmpfs_node *tdir, const char *tname);
void	tmpfs_release(struct tmpfs_node *n);
int	tmpfs_sticky_ok(const struct tmpfs_node *dir, const struct tmpfs_node *n,
	    const struct ucred *cr);
int	tmpfs_page(struct tmpfs_node *n, uint32_t index, int alloc, paddr_t *pap);
int	tmpfs_truncate(struct tmpfs_node *n, uint32_t size);
int	tmpfs_chown(struct tmpfs_node *n, uid_t uid);
int	tmpfs_path(const struct tmpfs_node *n, char *buf, size_t size);

#endif
