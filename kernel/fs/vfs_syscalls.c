/*
 * vfs_syscalls.c - the system calls on path names: open, stat, access,
 * mkdir, unlink, rmdir, rename, chmod, chown, utimes, truncate, and the
 * current directory (chdir, fchdir, __getcwd) with umask. Each resolves its
 * path (vfs_namei) and hands it to the file-system switch (vfs.c).
 *
 * A path that ends in "/" must name a directory. POSIX's special names are
 * refused where they would be ambiguous: rmdir(".") and renaming "." or ".."
 * are EINVAL, rmdir("..") is ENOTEMPTY.
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <fcntl.h>
#include <unistd.h>
#include "kernel/dev/rtc.h"
#include "kernel/fs/file.h"
#include "kernel/fs/vfs.h"
#include "kernel/syscall.h"
#include "proc/proc.h"
#include "vm/vm.h"

/*
 * The path at user address uarg, resolved for td's process into norm.
 * *last gets what its last name was ("." and ".." vanish in norm) and
 * *slash whether it ended in '/'; either may be NULL.
 */
static int
lookup(struct thread *td, uint32_t uarg, char *norm, char *last, int *slash)
{
	char path[VFS_PATHMAX];
	const char *name;
	int error;

	if ((error = copyinstr((void *)uarg, path, sizeof(path), NULL)) != 0)
		return error;
	if (slash != NULL)
		*slash = vfs_ends_in_slash(path);
	if (last != NULL) {
		while (vfs_ends_in_slash(path))
			path[strlen(path) - 1] = '\0';
		name = strrchr(path, '/');
		strlcpy(last, name != NULL ? name + 1 : path, 3);
	}
	return vfs_namei(td->td_proc, path, norm);
}

/* With slash: norm must be a directory. */
static int
check_dir(struct proc *p, const char *norm, int slash)
{
	struct stat st;
	int error;

	if (!slash)
		return 0;
	if ((error = vfs_stat(p, norm, &st)) != 0)
		return error;
	return S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
}

static int
is_dot(const char *last)
{
	return strcmp(last, ".") == 0 || strcmp(last, "..") == 0;
}

int
sys_open(struct thread *td, uint32_t *args)
{
	struct proc *p = td->td_proc;
	char norm[VFS_PATHMAX];
	int oflags = (int)args[1], fd, slash, error;
	struct file *fp;
	struct stat st;

	if ((error = lookup(td, args[0], norm, NULL, &slash)) != 0)
		return error;
	if (slash) {
		if ((oflags & O_CREAT) && vfs_stat(p, norm, &st) == ENOENT)
			return EISDIR;
		oflags |= O_DIRECTORY;
	}
	if ((error = vfs_open(p, norm, oflags, (int)args[2], &fp)) != 0)
		return error;
	if ((error = fd_alloc(p, fp, 0, &fd)) != 0) {
		fdrop(fp);
		return error;
	}
	if (oflags & O_CLOEXEC)
		p->p_fdflags[fd] |= UF_EXCLOSE;
	td->td_retval[0] = fd;
	return 0;
}

int
sys_stat(struct thread *td, uint32_t *args)
{
	char norm[VFS_PATHMAX];
	struct stat st;
	int slash, error;

	if ((error = lookup(td, args[0], norm, NULL, &slash)) != 0 ||
	    (error = vfs_stat(td->td_proc, norm, &st)) != 0)
		return error;
	if (slash && !S_ISDIR(st.st_mode))
		return ENOTDIR;
	return copyout(&st, (void *)args[1], sizeof(st));
}

/* access(2): with the real user and group ids, as POSIX says. */
int
sys_access(struct thread *td, uint32_t *args)
{
	struct proc *p = td->td_proc;
	char norm[VFS_PATHMAX];
	int mode = (int)args[1], error;
	struct stat st;

	if (mode & ~(R_OK | W_OK | X_OK))
		return EINVAL;
	if ((error = lookup(td, args[0], norm, NULL, NULL)) != 0 ||
	    (error = vfs_stat(p, norm, &st)) != 0)
		return error;
	/* As FreeBSD: a read-only file system before the permission bits. */
	if ((mode & W_OK) && vfs_readonly(norm))
		return EROFS;
	return vaccess(st.st_mode & S_IFMT, st.st_mode, st.st_uid, st.st_gid,
	    p->p_cred.cr_ruid, p->p_cred.cr_rgid, mode);
}

int
sys_mkdir(struct thread *td, uint32_t *args)
{
	char norm[VFS_PATHMAX];
	int error = lookup(td, args[0], norm, NULL, NULL);

	return error != 0 ? error : vfs_mkdir(td->td_proc, norm, (int)args[1]);
}

int
sys_unlink(struct thread *td, uint32_t *args)
{
	char norm[VFS_PATHMAX];
	int slash, error;

	if ((error = lookup(td, args[0], norm, NULL, &slash)) != 0 ||
	    (error = check_dir(td->td_proc, norm, slash)) != 0)
		return error;
	return vfs_unlink(td->td_proc, norm);
}

int
sys_rmdir(struct thread *td, uint32_t *args)
{
	char norm[VFS_PATHMAX], last[3];
	int error;

	if ((error = lookup(td, args[0], norm, last, NULL)) != 0)
		return error;
	if (strcmp(last, ".") == 0)
		return EINVAL;
	if (strcmp(last, "..") == 0)
		return ENOTEMPTY;
	return vfs_rmdir(td->td_proc, norm);
}

int
sys_rename(struct thread *td, uint32_t *args)
{
	struct proc *p = td->td_proc;
	char from[VFS_PATHMAX], to[VFS_PATHMAX], flast[3], tlast[3];
	int slash, error;

	if ((error = lookup(td, args[0], from, flast, &slash)) != 0 ||
	    (error = check_dir(p, from, slash)) != 0 ||
	    (error = lookup(td, args[1], to, tlast, NULL)) != 0)
		return error;
	if (is_dot(flast) || is_dot(tlast))
		return EINVAL;
	return vfs_rename(p, from, to);
}

static int
setattr(struct thread *td, uint32_t upath, const struct vattr *va)
{
	char norm[VFS_PATHMAX];
	int error = lookup(td, upath, norm, NULL, NULL);

	return error != 0 ? error : vfs_setattr(td->td_proc, norm, va);
}

int
sys_chmod(struct thread *td, uint32_t *args)
{
	struct vattr va = { (int)(args[1] & 07777), -1, -1, NULL, 0 };

	return setattr(td, args[0], &va);
}

/* chown(path, uid, gid): -1 leaves that id as it is. */
int
sys_chown(struct thread *td, uint32_t *args)
{
	struct vattr va = { -1, (int32_t)args[1], (int32_t)args[2], NULL, 0 };

	return setattr(td, args[0], &va);
}

/* utimes(path, times): access and modification times, or now for NULL. */
int
sys_utimes(struct thread *td, uint32_t *args)
{
	struct timeval tv[2];
	struct timespec ts[2];
	struct vattr va = { -1, -1, -1, ts, 0 };
	uint64_t ns;
	int i;

	if (args[1] == 0) {
		ns = realtime_ns();
		ts[0].tv_sec = ts[1].tv_sec = (time_t)(ns / 1000000000u);
		ts[0].tv_nsec = ts[1].tv_nsec = (long)(ns % 1000000000u);
		va.va_now = 1;
	} else {
		if (copyin((void *)args[1], tv, sizeof(tv)) != 0)
			return EFAULT;
		for (i = 0; i < 2; i++) {
			if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000)
				return EINVAL;
			ts[i].tv_sec = tv[i].tv_sec;
			ts[i].tv_nsec = tv[i].tv_usec * 1000;
		}
	}
	return setattr(td, args[0], &va);
}

int
sys_umask(struct thread *td, uint32_t *args)
{
	struct proc *p = td->td_proc;

	td->td_retval[0] = p->p_umask;
	p->p_umask = args[0] & 0777;
	return 0;
}

/* truncate(path, length): the file opened for writing, and cut or grown. */
int
sys_truncate(struct thread *td, uint32_t *args)
{
	int64_t len = (int64_t)((uint64_t)args[2] << 32 | args[1]);
	char norm[VFS_PATHMAX];
	struct file *fp;
	int error;

	if (len < 0)
		return EINVAL;
	if ((error = lookup(td, args[0], norm, NULL, NULL)) != 0 ||
	    (error = vfs_open(td->td_proc, norm, O_WRONLY, 0, &fp)) != 0)
		return error;
	error = fp->f_ops->fo_truncate != NULL ?
	    fp->f_ops->fo_truncate(fp, len) : EINVAL;
	fdrop(fp);
	return error;
}

/* Make norm the current directory: it must be one, and searchable. */
static int
change_dir(struct proc *p, const char *norm)
{
	const struct ucred *cr = &p->p_cred;
	struct stat st;
	int error;

	if ((error = vfs_stat(p, norm, &st)) != 0)
		return error;
	if (!S_ISDIR(st.st_mode))
		return ENOTDIR;
	if ((error = vaccess(S_IFDIR, st.st_mode, st.st_uid, st.st_gid,
	    cr->cr_uid, cr->cr_gid, X_OK)) != 0)
		return error;
	strlcpy(p->p_cwd, norm, sizeof(p->p_cwd));
	return 0;
}

int
sys_chdir(struct thread *td, uint32_t *args)
{
	char norm[VFS_PATHMAX];
	int error = lookup(td, args[0], norm, NULL, NULL);

	return error != 0 ? error : change_dir(td->td_proc, norm);
}

int
sys_fchdir(struct thread *td, uint32_t *args)
{
	struct file *fp = fd_get(td, (int)args[0]);
	char norm[VFS_PATHMAX];
	int error;

	if (fp == NULL)
		return EBADF;
	if (fp->f_ops->fo_path == NULL)
		return ENOTDIR;
	if ((error = fp->f_ops->fo_path(fp, norm, sizeof(norm))) != 0)
		return error;
	return change_dir(td->td_proc, norm);
}

/*
 * __getcwd(buf, size): the current directory as an absolute path. ENOENT
 * once it has been removed; ERANGE if buf is too small.
 */
int
sys___getcwd(struct thread *td, uint32_t *args)
{
	struct proc *p = td->td_proc;
	char path[VFS_PATHMAX + 1];
	struct stat st;
	size_t len;
	int error;

	if ((error = vfs_stat(p, p->p_cwd, &st)) != 0)
		return error;
	path[0] = '/';
	strlcpy(path + 1, p->p_cwd, sizeof(path) - 1);
	len = strlen(path) + 1;
	if (args[1] < len)
		return ERANGE;
	return copyout(path, (void *)args[0], len);
}
