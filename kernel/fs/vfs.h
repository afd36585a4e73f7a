/*
 * vfs.h - the file-system switch: path names, mount points and the
 * operations every file system provides (kernel/fs/vfs.c; the guide's
 * chapter is docs/files.md).
 *
 * A path is resolved in two steps. vfs_namei() turns what a program passed
 * into one absolute, normalised path ("tmp/notes/a.txt": no leading slash,
 * no "." or ".."), starting at the process's current directory when it is
 * relative. Then the mount table picks the file system whose mount point is
 * the longest prefix ("tmp" for the RAM file system, "" for the initrd) and
 * hands it the rest ("notes/a.txt"; "" is that file system's root). A file
 * system is a struct vfsops: functions of such a rest path and the caller's
 * credentials. Once a file is open, its struct file's operations (file.h)
 * take over.
 */
#ifndef KERNEL_FS_VFS_H
#define KERNEL_FS_VFS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define VFS_PATHMAX	256	/* a resolved path, with its NUL */
#define VFS_NAMEMAX	255	/* one component */

/* st_dev of each file system */
#define VFS_DEV_INITRD	1
#define VFS_DEV_TMPFS	2
#define VFS_DEV_DEVFS	3

struct file;
struct stat;
struct ucred;
struct proc;
struct timespec;

/*
 * What setattr changes; a field of -1 (or va_times NULL) is left alone.
 * va_now: the times are the current time, which anyone who may write the
 * file may set (explicit times are for its owner).
 */
struct vattr {
	int			va_mode;	/* permission bits */
	int64_t			va_uid;
	int64_t			va_gid;
	const struct timespec	*va_times;	/* access, modification */
	int			va_now;
};

struct vfsops {
	const char *vfs_name;
	/* oflags: open(2)'s; mode: the new file's, umask applied. */
	int	(*vfs_open)(const char *rest, int oflags, int mode,
		    const struct ucred *cr, struct file **fpp);
	int	(*vfs_stat)(const char *rest, const struct ucred *cr,
		    struct stat *st);
	/* The rest are NULL on a read-only file system (EROFS). */
	int	(*vfs_mkdir)(const char *rest, int mode, const struct ucred *cr);
	int	(*vfs_unlink)(const char *rest, const struct ucred *cr);
	int	(*vfs_rmdir)(const char *rest, const struct ucred *cr);
	int	(*vfs_rename)(const char *from, const char *to,
		    const struct ucred *cr);
	int	(*vfs_setattr)(const char *rest, const struct vattr *va,
		    const struct ucred *cr);
	/*
	 * The whole contents of a regular file for exec, contiguous in kernel
	 * memory: *release says whether the caller must kfree(*image).
	 */
	int	(*vfs_image)(const char *rest, const char **image, size_t *size,
		    int *release);
};

extern const struct vfsops initrd_vfsops, tmpfs_vfsops;

int	tmpfs_mount(void);		/* at boot, after the initrd */

/* Path names (vfs.c). */
int	vfs_namei(struct proc *p, const char *path, char *norm);
int	vfs_namei_user(struct proc *p, const void *upath, char *norm);
int	vfs_ends_in_slash(const char *path);

/* Operations on resolved paths (vfs.c), with permission checks. */
int	vfs_open(struct proc *p, const char *norm, int oflags, int mode,
	    struct file **fpp);
int	vfs_stat(struct proc *p, const char *norm, struct stat *st);
int	vfs_readonly(const char *norm);
int	vfs_mkdir(struct proc *p, const char *norm, int mode);
int	vfs_unlink(struct proc *p, const char *norm);
int	vfs_rmdir(struct proc *p, const char *norm);
int	vfs_rename(struct proc *p, const char *from, const char *to);
int	vfs_setattr(struct proc *p, const char *norm, const struct vattr *va);
int	vfs_image(struct proc *p, const char *norm, const char **image,
	    size_t *size, int *release);

int	vfs_dirent_out(void *ubuf, size_t n, size_t *done, uint32_t ino,
	    int type, const char *name);

/*
 * May credentials with uid/gid do want (R_OK, W_OK, X_OK bits) to a file
 * with mode, uid and gid? POSIX's owner, group, other rule; root may do
 * anything but execute a file without any x bit. 0 or EACCES.
 */
int	vaccess(int type, int mode, uid_t fuid, gid_t fgid, uid_t uid,
	    gid_t gid, int want);

#endif
