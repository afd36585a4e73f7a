/*
 * tmpfs_vnops.c - what programs do with the RAM file system on /tmp: the
 * path operations the file-system switch calls (tmpfs_vfsops) and the
 * operations on its open files and directories. POSIX's rules, checked
 * here: opening needs read or write permission, creating and removing a
 * name needs write and search permission on its directory (and, in a
 * sticky directory, owning the name or the directory), only the owner
 * changes a file's mode and times, only root its owner.
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/dirent.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>
#include "kernel/fs/tmpfs.h"
#include "kernel/fs/file.h"
#include "proc/proc.h"

static const uint8_t zeros[256];

/* ---------------------------------------------------------------- open files */

static int
file_read(struct file *fp, void *ubuf, size_t n, size_t *done)
{
	struct tmpfs_node *node = fp->f_data;
	uint32_t off = fp->f_offset, in, chunk, z;
	paddr_t pa;
	int error = 0;

	*done = 0;
	if (fp->f_offset >= node->tn_size)
		return 0;
	if (n > node->tn_size - off)
		n = node->tn_size - off;
	while (error == 0 && *done < n) {
		in = (off + *done) % PAGE_SIZE;
		chunk = PAGE_SIZE - in < n - *done ? PAGE_SIZE - in : n - *done;
		tmpfs_page(node, (off + *done) / PAGE_SIZE, 0, &pa);
		if (pa != 0)
			error = copyout((char *)PHYS_TO_KVA(pa) + in,
			    (char *)ubuf + *done, chunk);
		for (z = 0; pa == 0 && error == 0 && z < chunk; z += sizeof(zeros))
			error = copyout(zeros, (char *)ubuf + *done + z,
			    chunk - z < sizeof(zeros) ? chunk - z : sizeof(zeros));
		if (error == 0)
			*done += chunk;
	}
	fp->f_offset += *done;
	tmpfs_now(&node->tn_atime);
	return *done > 0 ? 0 : error;
}

/* Writes go page by page; an error after some bytes is a short write. */
static int
file_write(struct file *fp, const void *ubuf, size_t n, size_t *done)
{
	struct tmpfs_node *node = fp->f_data;
	uint32_t off, in, chunk;
	paddr_t pa;
	int error = 0;

	*done = 0;
	off = (fp->f_flag & FAPPEND) ? node->tn_size : (uint32_t)fp->f_offset;
	if (fp->f_offset > TMPFS_MAXFILE && !(fp->f_flag & FAPPEND))
		return EFBIG;
	while (error == 0 && *done < n) {
		in = (off + *done) % PAGE_SIZE;
		chunk = PAGE_SIZE - in < n - *done ? PAGE_SIZE - in : n - *done;
		error = tmpfs_page(node, (off + *done) / PAGE_SIZE, 1, &pa);
		if (error == 0)
			error = copyin((const char *)ubuf + *done,
			    (char *)PHYS_TO_KVA(pa) + in, chunk);
		if (error == 0) {
			*done += chunk;
			if (off + *done > node->tn_size)
				node->tn_size = off + *done;
		}
	}
	if (*done == 0)
		return error;
	fp->f_offset = off + *done;
	tmpfs_now(&node->tn_mtime);
	node->tn_ctime = node->tn_mtime;
	return 0;
}

static int
node_stat(const struct tmpfs_node *n, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = VFS_DEV_TMPFS;
	st->st_ino = n->tn_ino;
	st->st_mode = n->tn_type | n->tn_mode;
	st->st_nlink = n->tn_nlink;
	st->st_uid = n->tn_uid;
	st->st_gid = n->tn_gid;
	st->st_size = n->tn_type == S_IFDIR ?
	    (n->tn_nentries + 2) * sizeof(struct tmpfs_dirent) : n->tn_size;
	st->st_blksize = PAGE_SIZE;
	st->st_blocks = n->tn_resident * (PAGE_SIZE / 512);
	st->st_atim = n->tn_atime;
	st->st_mtim = n->tn_mtime;
	st->st_ctim = n->tn_ctime;
	return 0;
}

static int
file_stat(struct file *fp, struct stat *st)
{
	return node_stat(fp->f_data, st);
}

static void
file_close(struct file *fp)
{
	struct tmpfs_node *n = fp->f_data;

	n->tn_open--;
	tmpfs_release(n);
}

static int
file_truncate(struct file *fp, off_t length)
{
	if (length < 0)
		return EINVAL;
	if (length > TMPFS_MAXFILE)
		return EFBIG;
	return tmpfs_truncate(fp->f_data, (uint32_t)length);
}

/*
 * getdents: "." and ".." first, then the entries in the order they were
 * made. f_offset counts entries (0 ".", 1 "..", 2 the first entry).
 */
static int
dir_read(struct file *fp, void *ubuf, size_t n, size_t *done)
{
	struct tmpfs_node *dir = fp->f_data, *c;
	struct tmpfs_dirent *de = dir->tn_entries;
	const char *name;
	off_t i;
	int error = 0;

	*done = 0;
	for (i = 2; de != NULL && i < fp->f_offset; i++)
		de = de->td_next;
	while (error == 0 && (fp->f_offset < 2 || de != NULL)) {
		if (fp->f_offset < 2) {
			c = fp->f_offset == 0 ? dir : dir->tn_parent;
			name = fp->f_offset == 0 ? "." : "..";
		} else {
			c = de->td_node;
			name = de->td_name;
		}
		error = vfs_dirent_out(ubuf, n, done, c->tn_ino,
		    c->tn_type == S_IFDIR ? DT_DIR : DT_REG, name);
		if (error == 0) {
			if (fp->f_offset++ >= 2)
				de = de->td_next;
		}
	}
	if (error == ENOSPC)
		return *done == 0 ? EINVAL : 0;
	return error;
}

static int
dir_path(struct file *fp, char *buf, size_t size)
{
	return tmpfs_path(fp->f_data, buf, size);
}

static int
no_write(struct file *fp, const void *ubuf, size_t n, size_t *done)
{
	(void)fp, (void)ubuf, (void)n;
	*done = 0;
	return EBADF;
}

static const struct fileops file_ops = {
	.fo_read = file_read,
	.fo_write = file_write,
	.fo_stat = file_stat,
	.fo_close = file_close,
	.fo_truncate = file_truncate,
};

static const struct fileops dir_ops = {
	.fo_read = dir_read,
	.fo_write = no_write,
	.fo_stat = file_stat,
	.fo_close = file_close,
	.fo_path = dir_path,
};

/* ---------------------------------------------------------------- paths */

/* An existing node opened: access by the open's mode, truncation. */
static int
open_existing(struct tmpfs_node *n, int oflags, int flag,
    const struct ucred *cr)
{
	int want = 0, error;

	if ((oflags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
		return EEXIST;
	if (n->tn_type == S_IFDIR && ((flag & FWRITE) || (oflags & O_TRUNC)))
		return EISDIR;
	if (flag & FREAD)
		want |= R_OK;
	if ((flag & FWRITE) || (oflags & O_TRUNC))
		want |= W_OK;
	if ((error = tmpfs_access(n, cr, want)) != 0)
		return error;
	if ((oflags & O_TRUNC) && n->tn_type == S_IFREG)
		return tmpfs_truncate(n, 0);
	return 0;
}

static int
tmpfs_open(const char *rest, int oflags, int mode, const struct ucred *cr,
    struct file **fpp)
{
	struct tmpfs_node *dir, *n = tmpfs_root();
	struct tmpfs_dirent *de;
	const char *name;
	int flag = open_fflags(oflags), error;

	if (rest[0] != '\0') {
		if ((error = tmpfs_walk_parent(rest, cr, &dir, &name)) != 0)
			return error;
		if ((de = tmpfs_lookup(dir, name)) != NULL)
			n = de->td_node;
		else if (!(oflags & O_CREAT))
			return ENOENT;
		else if ((error = tmpfs_create(dir, name, S_IFREG, mode, cr,
		    &n)) != 0)
			return error;
		if (de != NULL &&
		    (error = open_existing(n, oflags, flag, cr)) != 0)
			return error;
	} else if ((error = open_existing(n, oflags, flag, cr)) != 0)
		return error;
	if ((oflags & O_DIRECTORY) && n->tn_type != S_IFDIR)
		return ENOTDIR;
	*fpp = falloc(n->tn_type == S_IFDIR ? &dir_ops : &file_ops, n, flag);
	if (*fpp == NULL) {
		tmpfs_release(n);
		return ENOMEM;
	}
	n->tn_open++;
	return 0;
}

static int
tmpfs_stat(const char *rest, const struct ucred *cr, struct stat *st)
{
	struct tmpfs_node *n;
	int error = tmpfs_walk(rest, cr, &n);

	return error != 0 ? error : node_stat(n, st);
}

static int
tmpfs_mkdir(const char *rest, int mode, const struct ucred *cr)
{
	struct tmpfs_node *dir, *n;
	const char *name;
	int error;

	if ((error = tmpfs_walk_parent(rest, cr, &dir, &name)) != 0)
		return error;
	if (tmpfs_lookup(dir, name) != NULL)
		return EEXIST;
	return tmpfs_create(dir, name, S_IFDIR, mode, cr, &n);
}

/*
 * The entry rest names, which cr may remove from its directory: write and
 * search permission there and the sticky rule.
 */
static int
removable(const char *rest, const struct ucred *cr, struct tmpfs_node **dirp,
    struct tmpfs_dirent **dep)
{
	const char *name;
	int error;

	if ((error = tmpfs_walk_parent(rest, cr, dirp, &name)) != 0)
		return error;
	if ((*dep = tmpfs_lookup(*dirp, name)) == NULL)
		return ENOENT;
	if ((error = tmpfs_access(*dirp, cr, W_OK | X_OK)) != 0)
		return error;
	return tmpfs_sticky_ok(*dirp, (*dep)->td_node, cr);
}

static int
tmpfs_unlink(const char *rest, const struct ucred *cr)
{
	struct tmpfs_node *dir;
	struct tmpfs_dirent *de;
	int error;

	if ((error = removable(rest, cr, &dir, &de)) != 0)
		return error;
	if (de->td_node->tn_type == S_IFDIR)
		return EPERM;
	tmpfs_detach(dir, de);
	return 0;
}

static int
tmpfs_rmdir(const char *rest, const struct ucred *cr)
{
	struct tmpfs_node *dir;
	struct tmpfs_dirent *de;
	int error;

	if ((error = removable(rest, cr, &dir, &de)) != 0)
		return error;
	if (de->td_node->tn_type != S_IFDIR)
		return ENOTDIR;
	if (de->td_node->tn_entries != NULL)
		return ENOTEMPTY;
	tmpfs_detach(dir, de);
	return 0;
}

/*
 * rename(from, to): a name that exists at to is replaced, if it is of the
 * same kind (ENOTDIR, EISDIR) and, for a directory, empty (ENOTEMPTY). A
 * directory moving to another parent needs write permission on itself (its
 * ".." changes). The switch has refused moving a directory into itself.
 */
static int
tmpfs_rename(const char *from, const char *to, const struct ucred *cr)
{
	struct tmpfs_node *fdir, *tdir, *n, *old;
	struct tmpfs_dirent *fde, *tde;
	const char *tname;
	int error;

	if ((error = removable(from, cr, &fdir, &fde)) != 0)
		return error;
	n = fde->td_node;
	if ((error = tmpfs_walk_parent(to, cr, &tdir, &tname)) != 0)
		return error;
	if ((error = tmpfs_access(tdir, cr, W_OK | X_OK)) != 0)
		return error;
	if (tdir->tn_nlink == 0)
		return ENOENT;
	if ((tde = tmpfs_lookup(tdir, tname)) != NULL) {
		old = tde->td_node;
		if (old == n)
			return 0;
		if ((error = tmpfs_sticky_ok(tdir, old, cr)) != 0)
			return error;
		if (n->tn_type == S_IFDIR && old->tn_type != S_IFDIR)
			return ENOTDIR;
		if (n->tn_type != S_IFDIR && old->tn_type == S_IFDIR)
			return EISDIR;
		if (old->tn_entries != NULL)
			return ENOTEMPTY;
	}
	if (n->tn_type == S_IFDIR && fdir != tdir &&
	    (error = tmpfs_access(n, cr, W_OK)) != 0)
		return error;
	if (tde != NULL)
		tmpfs_detach(tdir, tde);
	return tmpfs_move(fdir, fde, tdir, tname);
}

/* chmod: the owner or root. chown: root; the owner only to its own group. */
static int
set_owner(struct tmpfs_node *n, const struct vattr *va, const struct ucred *cr)
{
	int error;

	if (va->va_uid != -1 && (uid_t)va->va_uid != n->tn_uid) {
		if (cr->cr_uid != 0)
			return EPERM;
		if ((error = tmpfs_chown(n, (uid_t)va->va_uid)) != 0)
			return error;
	}
	if (va->va_gid != -1 && (gid_t)va->va_gid != n->tn_gid) {
		if (cr->cr_uid != 0 && (cr->cr_uid != n->tn_uid ||
		    (gid_t)va->va_gid != cr->cr_gid))
			return EPERM;
		n->tn_gid = (gid_t)va->va_gid;
	}
	return 0;
}

static int
tmpfs_setattr(const char *rest, const struct vattr *va, const struct ucred *cr)
{
	struct tmpfs_node *n;
	int owner, error;

	if ((error = tmpfs_walk(rest, cr, &n)) != 0)
		return error;
	owner = cr->cr_uid == 0 || cr->cr_uid == n->tn_uid;
	if (va->va_mode != -1) {
		if (!owner)
			return EPERM;
		n->tn_mode = va->va_mode & 07777;
	}
	if ((error = set_owner(n, va, cr)) != 0)
		return error;
	if (va->va_times != NULL) {
		if (!owner && (!va->va_now ||
		    tmpfs_access(n, cr, W_OK) != 0))
			return va->va_now ? EACCES : EPERM;
		n->tn_atime = va->va_times[0];
		n->tn_mtime = va->va_times[1];
	}
	tmpfs_now(&n->tn_ctime);
	return 0;
}

/* exec: the file's pages copied into one kernel buffer. */
static int
tmpfs_image(const char *rest, const char **image, size_t *size, int *release)
{
	struct tmpfs_node *n;
	const struct ucred root_cred = { 0 };
	uint32_t off, chunk;
	paddr_t pa;
	char *buf;
	int error;

	if ((error = tmpfs_walk(rest, &root_cred, &n)) != 0)
		return error;
	if ((buf = kmalloc(n->tn_size > 0 ? n->tn_size : 1)) == NULL)
		return ENOMEM;
	for (off = 0; off < n->tn_size; off += chunk) {
		chunk = n->tn_size - off < PAGE_SIZE ? n->tn_size - off : PAGE_SIZE;
		tmpfs_page(n, off / PAGE_SIZE, 0, &pa);
		if (pa != 0)
			memcpy(buf + off, PHYS_TO_KVA(pa), chunk);
		else
			memset(buf + off, 0, chunk);
	}
	*image = buf;
	*size = n->tn_size;
	*release = 1;
	return 0;
}

const struct vfsops tmpfs_vfsops = {
	.vfs_name = "tmpfs",
	.vfs_open = tmpfs_open,
	.vfs_stat = tmpfs_stat,
	.vfs_mkdir = tmpfs_mkdir,
	.vfs_unlink = tmpfs_unlink,
	.vfs_rmdir = tmpfs_rmdir,
	.vfs_rename = tmpfs_rename,
	.vfs_setattr = tmpfs_setattr,
	.vfs_image = tmpfs_image,
};
