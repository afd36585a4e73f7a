/*
 * vfs.c - the file-system switch (see vfs.h): resolving a path against the
 * current directory, the mount table, and the operations on paths, each
 * handed to the file system the path lies on.
 *
 * Kestrel's mount table is fixed at build time: the initrd is the root,
 * the RAM file system (kernel/fs/tmpfs*.c) is mounted on /tmp. The initrd
 * has a directory "tmp" too, so that the mount point shows in listings of
 * "/"; a path that reaches /tmp never looks at it. The device names under
 * /dev are recognised before the mount table (kernel/fs/devfs.c).
 *
 * Paths are resolved by name, not by following objects: the current
 * directory is the resolved path of the directory (p_cwd), "." and ".."
 * are removed as the path is built (each only after a directory: "f/.."
 * with a file f is ENOTDIR). Renaming a directory moves every current
 * directory inside it along; a removed current directory is simply a path
 * that names nothing any more (ENOENT), even if it is made again later.
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/dirent.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>
#include "kernel/fs/vfs.h"
#include "kernel/fs/devfs.h"
#include "kernel/fs/file.h"
#include "kernel/kprintf.h"
#include "proc/proc.h"
#include "vm/vm.h"

struct mount {
	const char		*mnt_path;	/* the mount point, resolved */
	const struct vfsops	*mnt_op;
};

static const struct mount mounts[] = {
	{ "", &initrd_vfsops },
	{ "tmp", &tmpfs_vfsops },
};

/* The mount norm lies on; *rest is the path below its mount point. */
static const struct mount *
mount_of(const char *norm, const char **rest)
{
	const struct mount *best = &mounts[0];
	size_t i, len, bestlen = 0;

	*rest = norm;
	for (i = 1; i < sizeof(mounts) / sizeof(mounts[0]); i++) {
		len = strlen(mounts[i].mnt_path);
		if (len > bestlen && strncmp(norm, mounts[i].mnt_path, len) == 0 &&
		    (norm[len] == '\0' || norm[len] == '/')) {
			best = &mounts[i];
			bestlen = len;
			*rest = norm + len + (norm[len] == '/');
		}
	}
	return best;
}

int
vaccess(int type, int mode, uid_t fuid, gid_t fgid, uid_t uid, gid_t gid,
    int want)
{
	int granted;

	if (uid == 0) {
		if ((want & X_OK) && type != S_IFDIR && !(mode & 0111))
			return EACCES;
		return 0;
	}
	if (uid == fuid)
		granted = (mode >> 6) & 7;
	else if (gid == fgid)
		granted = (mode >> 3) & 7;
	else
		granted = mode & 7;
	return (want & ~granted) != 0 ? EACCES : 0;
}

/* Is norm a directory? 0, ENOTDIR, or why it cannot be looked at. */
static int
must_be_dir(struct proc *p, const char *norm)
{
	struct stat st;
	int error = vfs_stat(p, norm, &st);

	if (error == 0 && !S_ISDIR(st.st_mode))
		error = ENOTDIR;
	return error;
}

/*
 * The resolved form of path for p into norm (VFS_PATHMAX bytes): 0,
 * ENOENT for "", ENAMETOOLONG, or an error of a directory that "." or
 * ".." had to look at.
 */
int
vfs_namei(struct proc *p, const char *path, char *norm)
{
	const char *s = path, *start;
	size_t len, n;
	int error;

	if (*path == '\0')
		return ENOENT;
	if (*path == '/')
		norm[0] = '\0';
	else
		strlcpy(norm, p->p_cwd, VFS_PATHMAX);
	len = strlen(norm);
	while (*s != '\0') {
		while (*s == '/')
			s++;
		for (start = s; *s != '\0' && *s != '/'; s++)
			;
		if ((n = s - start) == 0)
			continue;
		if (n > VFS_NAMEMAX)
			return ENAMETOOLONG;
		if (start[0] == '.' && (n == 1 || (n == 2 && start[1] == '.'))) {
			if ((error = must_be_dir(p, norm)) != 0)
				return error;
			if (n == 1)
				continue;
			while (len > 0 && norm[len - 1] != '/')
				len--;
			if (len > 0)
				len--;
			norm[len] = '\0';
			continue;
		}
		if (len + (len > 0) + n + 1 > VFS_PATHMAX)
			return ENAMETOOLONG;
		if (len > 0)
			norm[len++] = '/';
		memcpy(norm + len, start, n);
		len += n;
		norm[len] = '\0';
	}
	return 0;
}

int
vfs_namei_user(struct proc *p, const void *upath, char *norm)
{
	char path[VFS_PATHMAX];
	int error = copyinstr(upath, path, sizeof(path), NULL);

	if (error != 0)
		return error;
	return vfs_namei(p, path, norm);
}

/* Does path end in a slash after a name ("dir/"), asking for a directory? */
int
vfs_ends_in_slash(const char *path)
{
	size_t len = strlen(path);

	return len > 1 && path[len - 1] == '/';
}

int
vfs_open(struct proc *p, const char *norm, int oflags, int mode,
    struct file **fpp)
{
	const struct mount *m;
	const char *rest;

	if ((oflags & O_ACCMODE) == O_ACCMODE)
		return EINVAL;
	if (devfs_is_dev(norm)) {
		if ((oflags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
			return EEXIST;
		return devfs_open(norm, oflags, fpp);
	}
	m = mount_of(norm, &rest);
	return m->mnt_op->vfs_open(rest, oflags, mode & ~p->p_umask & 07777,
	    &p->p_cred, fpp);
}

/* Is norm on a read-only file system? (Devices are written, not changed.) */
int
vfs_readonly(const char *norm)
{
	const char *rest;

	return !devfs_is_dev(norm) && mount_of(norm, &rest)->mnt_op->vfs_mkdir
	    == NULL;
}

int
vfs_stat(struct proc *p, const char *norm, struct stat *st)
{
	const struct mount *m;
	struct file *fp;
	const char *rest;
	int error;

	if (devfs_is_dev(norm)) {
		if ((error = devfs_open(norm, O_RDONLY, &fp)) != 0)
			return error;
		error = fp->f_ops->fo_stat(fp, st);
		fdrop(fp);
		return error;
	}
	m = mount_of(norm, &rest);
	return m->mnt_op->vfs_stat(rest, &p->p_cred, st);
}

/*
 * A change asked of a read-only file system: the errors that the path's
 * state gives first (ENOENT, or exists when it must not), then EROFS.
 */
static int
read_only(struct proc *p, const char *norm, int exists_error)
{
	struct stat st;
	int error = vfs_stat(p, norm, &st);

	if (error == ENOENT && exists_error != 0)
		return EROFS;		/* mkdir of a new name */
	if (error != 0)
		return error;
	return exists_error != 0 ? exists_error : EROFS;
}

int
vfs_mkdir(struct proc *p, const char *norm, int mode)
{
	const char *rest;
	const struct mount *m = mount_of(norm, &rest);

	if (rest[0] == '\0')
		return EEXIST;
	if (m->mnt_op->vfs_mkdir == NULL)
		return read_only(p, norm, EEXIST);
	return m->mnt_op->vfs_mkdir(rest, mode & ~p->p_umask & 07777,
	    &p->p_cred);
}

int
vfs_unlink(struct proc *p, const char *norm)
{
	const char *rest;
	const struct mount *m = mount_of(norm, &rest);
	struct stat st;

	if (rest[0] == '\0')
		return vfs_stat(p, norm, &st) == 0 ? EPERM : ENOENT;
	if (m->mnt_op->vfs_unlink == NULL)
		return read_only(p, norm, 0);
	return m->mnt_op->vfs_unlink(rest, &p->p_cred);
}

int
vfs_rmdir(struct proc *p, const char *norm)
{
	const char *rest;
	const struct mount *m = mount_of(norm, &rest);
	int error;

	if (rest[0] == '\0')
		return EBUSY;		/* a mount point, or the root */
	if (m->mnt_op->vfs_rmdir == NULL) {
		if ((error = must_be_dir(p, norm)) != 0)
			return error;
		return EROFS;
	}
	return m->mnt_op->vfs_rmdir(rest, &p->p_cred);
}

/* The directory from moved to to: so do the current directories inside it. */
static void
move_cwds(const char *from, const char *to)
{
	size_t flen = strlen(from);
	char buf[VFS_PATHMAX];
	struct proc *q;

	FOREACH_PROC(q) {
		if (strncmp(q->p_cwd, from, flen) != 0 ||
		    (q->p_cwd[flen] != '\0' && q->p_cwd[flen] != '/'))
			continue;
		if ((size_t)ksnprintf(buf, sizeof(buf), "%s%s", to,
		    q->p_cwd + flen) >= sizeof(buf))
			continue;	/* too long now: it names nothing */
		strlcpy(q->p_cwd, buf, sizeof(q->p_cwd));
	}
}

int
vfs_rename(struct proc *p, const char *from, const char *to)
{
	const char *frest, *trest;
	const struct mount *fm = mount_of(from, &frest);
	const struct mount *tm = mount_of(to, &trest);
	size_t flen = strlen(from);
	struct stat st;
	int error;

	if ((error = vfs_stat(p, from, &st)) != 0)
		return error;
	if (frest[0] == '\0' || trest[0] == '\0')
		return EBUSY;
	if (fm != tm)
		return EXDEV;
	if (strncmp(to, from, flen) == 0 && to[flen] == '/')
		return EINVAL;		/* into itself */
	if (fm->mnt_op->vfs_rename == NULL)
		return EROFS;
	if ((error = fm->mnt_op->vfs_rename(frest, trest, &p->p_cred)) != 0)
		return error;
	if (S_ISDIR(st.st_mode) && strcmp(from, to) != 0)
		move_cwds(from, to);
	return 0;
}

int
vfs_setattr(struct proc *p, const char *norm, const struct vattr *va)
{
	const char *rest;
	const struct mount *m = mount_of(norm, &rest);

	if (devfs_is_dev(norm) || m->mnt_op->vfs_setattr == NULL)
		return read_only(p, norm, 0);
	return m->mnt_op->vfs_setattr(rest, va, &p->p_cred);
}

/* The contents of an executable: a regular file p may execute. */
int
vfs_image(struct proc *p, const char *norm, const char **image, size_t *size,
    int *release)
{
	const char *rest;
	const struct mount *m = mount_of(norm, &rest);
	const struct ucred *cr = &p->p_cred;
	struct stat st;
	int error;

	if ((error = vfs_stat(p, norm, &st)) != 0)
		return error;
	if (!S_ISREG(st.st_mode) || devfs_is_dev(norm))
		return EACCES;
	if ((error = vaccess(st.st_mode & S_IFMT, st.st_mode, st.st_uid,
	    st.st_gid, cr->cr_uid, cr->cr_gid, X_OK)) != 0)
		return error;
	return m->mnt_op->vfs_image(rest, image, size, release);
}

/*
 * getdents() of any file system: one struct dirent appended to the user
 * buffer at *done. 0, ENOSPC when it does not fit (the caller stops
 * there), or EFAULT.
 */
int
vfs_dirent_out(void *ubuf, size_t n, size_t *done, uint32_t ino, int type,
    const char *name)
{
	struct dirent d;
	size_t namelen = strlen(name);
	size_t reclen = (offsetof(struct dirent, d_name) + namelen + 1 + 3) & ~3u;

	if (*done + reclen > n)
		return ENOSPC;
	memset(&d, 0, sizeof(d));
	d.d_fileno = ino;
	d.d_reclen = reclen;
	d.d_type = type;
	d.d_namlen = namelen;
	memcpy(d.d_name, name, namelen);
	if (copyout(&d, (char *)ubuf + *done, reclen) != 0)
		return EFAULT;
	*done += reclen;
	return 0;
}
