/*
 * initrd.c - the read-only root file system, served straight from the
 * ustar archive in memory (the Multiboot module). At boot the archive is
 * indexed once: every file and directory becomes a node, and directories
 * the archive only implies ("bin" for "bin/sh") are added, as are "dev"
 * and "tmp" (where devices and the RAM file system live, see vfs.c). A
 * path finds its node through a hash table (the index at boot and every
 * open and exec look paths up). Files are read in place; nothing is ever
 * copied or written. Its operations for the file-system switch are
 * initrd_vfsops.
 */
#include <stddef.h>
#include <string.h>
#include <sys/errno.h>
#include <sys/dirent.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>
#include "kernel/fs/initrd.h"
#include "kernel/fs/devfs.h"
#include "kernel/fs/file.h"
#include "kernel/fs/vfs.h"
#include "kernel/kprintf.h"
#include "proc/proc.h"
#include "vm/vm.h"

#define MAXNODES	512
#define NBUCKETS	256	/* a power of two, about half of MAXNODES */

struct ustar_header {
	char name[100];
	char mode[8];
	char uid[8];
	char gid[8];
	char size[12];
	char mtime[12];
	char chksum[8];
	char typeflag;
	char linkname[100];
	char magic[6];
	char version[2];
	char uname[32];
	char gname[32];
	char devmajor[8];
	char devminor[8];
	char prefix[155];
	char pad[12];
};
_Static_assert(sizeof(struct ustar_header) == INITRD_BLOCK &&
    offsetof(struct ustar_header, chksum) == INITRD_CHKSUM,
    "initrd_checksum_ok() and this header disagree");

static struct initrd_node *nodes;
static int nnodes;
static int16_t bucket[NBUCKETS];	/* the first node of each chain, or -1 */
static int16_t chain[MAXNODES];		/* the next node in its chain, or -1 */

int
initrd_count(void)
{
	return nnodes;
}

/* A path's chain: FNV-1a over its bytes. */
static unsigned
hash(const char *norm)
{
	uint32_t h = 2166136261u;

	while (*norm != '\0')
		h = (h ^ (unsigned char)*norm++) * 16777619u;
	return h & (NBUCKETS - 1);
}

static struct initrd_node *
find(const char *norm)
{
	int i;

	for (i = bucket[hash(norm)]; i >= 0; i = chain[i])
		if (strcmp(nodes[i].path, norm) == 0)
			return &nodes[i];
	return NULL;
}

static struct initrd_node *
add_node(const char *norm, uint8_t type)
{
	struct initrd_node *n = find(norm);
	unsigned h;

	if (n != NULL || nnodes == MAXNODES)
		return n;
	h = hash(norm);
	chain[nnodes] = bucket[h];
	bucket[h] = nnodes;
	n = &nodes[nnodes++];
	memset(n, 0, sizeof(*n));
	strlcpy(n->path, norm, sizeof(n->path));
	n->type = type;
	n->mode = type == DT_DIR ? 0555 : 0444;
	return n;
}

/*
 * Make sure every ancestor directory of norm exists. A node's ancestors
 * are all added with it, so the walk up ends at the first one found.
 */
static void
add_parents(const char *norm)
{
	char buf[INITRD_PATHMAX];
	char *slash;

	strlcpy(buf, norm, sizeof(buf));
	while ((slash = strrchr(buf, '/')) != NULL) {
		*slash = '\0';
		if (find(buf) != NULL)
			return;
		add_node(buf, DT_DIR);
	}
}

static void
index_entry(const struct ustar_header *h, const char *data)
{
	char full[sizeof(h->prefix) + sizeof(h->name) + 2], norm[INITRD_PATHMAX];
	struct initrd_node *n;
	size_t plen, nlen;
	uint8_t type;

	if (h->typeflag == '5')
		type = DT_DIR;
	else if (h->typeflag == '0' || h->typeflag == '\0')
		type = DT_REG;
	else
		return;			/* links, devices: not supported */
	/* ustar splits long names: prefix "/" name, neither NUL-terminated. */
	plen = strnlen(h->prefix, sizeof(h->prefix));
	nlen = strnlen(h->name, sizeof(h->name));
	memcpy(full, h->prefix, plen);
	full[plen] = '/';
	memcpy(full + plen + 1, h->name, nlen);
	full[plen + 1 + nlen] = '\0';
	if (initrd_normalize(full, norm, sizeof(norm)) != 0 || norm[0] == '\0')
		return;
	add_parents(norm);
	if ((n = add_node(norm, type)) == NULL)
		return;
	n->mode = initrd_octal(h->mode, sizeof(h->mode)) & 07777;
	n->uid = initrd_octal(h->uid, sizeof(h->uid));
	n->gid = initrd_octal(h->gid, sizeof(h->gid));
	n->mtime = initrd_octal(h->mtime, sizeof(h->mtime));
	if (type == DT_REG) {
		n->data = data;
		n->size = initrd_octal(h->size, sizeof(h->size));
	}
}

int
initrd_init(const void *archive, size_t size)
{
	const char *p = archive, *end = p + size;
	int i;

	nodes = kzalloc(MAXNODES * sizeof(*nodes));
	if (nodes == NULL)
		return ENOMEM;
	memset(bucket, 0xff, sizeof(bucket));
	add_node("", DT_DIR);
	add_node("dev", DT_DIR);
	add_node("tmp", DT_DIR);
	for (i = 0; i < devfs_count(); i++)
		add_node(devfs_name(i), DT_CHR);
	while (p + INITRD_BLOCK <= end) {
		const struct ustar_header *h = (const struct ustar_header *)p;
		uint32_t fsize;

		if (h->name[0] == '\0')
			break;			/* the end-of-archive blocks */
		if (!initrd_checksum_ok(h)) {
			kprintf("initrd: bad header checksum, stopping\n");
			break;
		}
		fsize = initrd_octal(h->size, sizeof(h->size));
		if (fsize > (uint32_t)(end - p - INITRD_BLOCK))
			break;			/* truncated archive */
		index_entry(h, p + INITRD_BLOCK);
		p += INITRD_BLOCK +
		    (fsize + INITRD_BLOCK - 1) / INITRD_BLOCK * INITRD_BLOCK;
	}
	return 0;
}

/* Does a leading part of the missing path norm name a file, not a directory? */
static int
under_a_file(const char *norm)
{
	char buf[INITRD_PATHMAX];
	const struct initrd_node *n;
	char *slash;

	strlcpy(buf, norm, sizeof(buf));
	while ((slash = strrchr(buf, '/')) != NULL) {
		*slash = '\0';
		if ((n = find(buf)) != NULL)
			return n->type != DT_DIR;
	}
	return 0;
}

/*
 * The node a path names ("" is the root). POSIX errors: a file cannot be
 * passed through ("file/x") or named as a directory ("file/"): ENOTDIR.
 */
int
initrd_lookup(const char *path, const struct initrd_node **np)
{
	char norm[INITRD_PATHMAX];
	const struct initrd_node *n;

	if (initrd_normalize(path, norm, sizeof(norm)) != 0)
		return ENAMETOOLONG;
	if ((n = find(norm)) == NULL)
		return under_a_file(norm) ? ENOTDIR : ENOENT;
	if (path[strlen(path) - 1] == '/' && n->type != DT_DIR)
		return ENOTDIR;
	*np = n;
	return 0;
}

/* Regular files: read at the offset, never write. */
static int
file_read(struct file *fp, void *ubuf, size_t n, size_t *done)
{
	const struct initrd_node *node = fp->f_data;
	int error;

	*done = 0;
	if (fp->f_offset >= node->size)
		return 0;
	if (n > node->size - fp->f_offset)
		n = node->size - fp->f_offset;
	if ((error = copyout(node->data + fp->f_offset, ubuf, n)) != 0)
		return error;
	fp->f_offset += n;
	*done = n;
	return 0;
}

static int
ro_write(struct file *fp, const void *ubuf, size_t n, size_t *done)
{
	(void)fp, (void)ubuf, (void)n;
	*done = 0;
	return EBADF;
}

static int
node_stat(struct file *fp, struct stat *st)
{
	const struct initrd_node *node = fp->f_data;

	memset(st, 0, sizeof(*st));
	st->st_dev = VFS_DEV_INITRD;
	st->st_ino = node - nodes + 1;
	st->st_mode = node->mode | (node->type == DT_DIR ? S_IFDIR : S_IFREG);
	st->st_nlink = 1;
	st->st_uid = node->uid;
	st->st_gid = node->gid;
	st->st_size = node->size;
	st->st_blksize = INITRD_BLOCK;
	st->st_blocks = (node->size + INITRD_BLOCK - 1) / INITRD_BLOCK;
	st->st_atim.tv_sec = st->st_mtim.tv_sec = st->st_ctim.tv_sec =
	    node->mtime;
	return 0;
}

/* Is n a direct child of the directory dir? */
static int
is_child(const struct initrd_node *dir, const struct initrd_node *n)
{
	size_t dl = strlen(dir->path);
	const char *rest;

	if (n == dir || n->path[0] == '\0')
		return 0;
	if (dl > 0 && (strncmp(n->path, dir->path, dl) != 0 || n->path[dl] != '/'))
		return 0;
	rest = n->path + (dl > 0 ? dl + 1 : 0);
	return strchr(rest, '/') == NULL;
}

/* The node of the directory that holds n ("" for the root itself). */
static const struct initrd_node *
parent_of(const struct initrd_node *n)
{
	char buf[INITRD_PATHMAX];
	char *slash;

	strlcpy(buf, n->path, sizeof(buf));
	slash = strrchr(buf, '/');
	if (slash != NULL)
		*slash = '\0';
	else
		buf[0] = '\0';
	return find(buf);
}

/*
 * Directories: read() is getdents(), one struct dirent per child after "."
 * and "..". f_offset counts: 0 ".", 1 "..", then 2 + the node index to
 * continue from.
 */
static int
dir_read(struct file *fp, void *ubuf, size_t n, size_t *done)
{
	const struct initrd_node *dir = fp->f_data, *c;
	const char *name;
	int error = 0;

	*done = 0;
	for (; error == 0 && fp->f_offset < nnodes + 2; fp->f_offset++) {
		if (fp->f_offset < 2) {
			c = fp->f_offset == 0 ? dir : parent_of(dir);
			name = fp->f_offset == 0 ? "." : "..";
		} else {
			c = &nodes[fp->f_offset - 2];
			if (!is_child(dir, c))
				continue;
			name = strrchr(c->path, '/');
			name = name != NULL ? name + 1 : c->path;
		}
		error = vfs_dirent_out(ubuf, n, done, c - nodes + 1, c->type, name);
	}
	if (error == ENOSPC) {
		fp->f_offset--;		/* that entry comes next time */
		return *done == 0 ? EINVAL : 0;
	}
	return error;
}

/* The directory's resolved path, for fchdir(). */
static int
dir_path(struct file *fp, char *buf, size_t size)
{
	const struct initrd_node *dir = fp->f_data;

	return strlcpy(buf, dir->path, size) < size ? 0 : ENAMETOOLONG;
}

static const struct fileops file_ops = {
	.fo_read = file_read,
	.fo_write = ro_write,
	.fo_stat = node_stat,
};

static const struct fileops dir_ops = {
	.fo_read = dir_read,
	.fo_write = ro_write,
	.fo_stat = node_stat,
	.fo_path = dir_path,
};

static int
initrd_open(const char *rest, int oflags, int mode, const struct ucred *cr,
    struct file **fpp)
{
	const struct initrd_node *n;
	int flag = open_fflags(oflags), error, want;

	(void)mode;
	if ((error = initrd_lookup(rest, &n)) != 0)
		return error == ENOENT && (oflags & O_CREAT) ? EROFS : error;
	if ((oflags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
		return EEXIST;
	if ((flag & FWRITE) || (oflags & O_TRUNC))
		return n->type == DT_DIR ? EISDIR : EROFS;
	if ((oflags & O_DIRECTORY) && n->type != DT_DIR)
		return ENOTDIR;
	want = (flag & FREAD) ? R_OK : 0;
	if ((error = vaccess(n->type == DT_DIR ? S_IFDIR : S_IFREG, n->mode,
	    n->uid, n->gid, cr->cr_uid, cr->cr_gid, want)) != 0)
		return error;
	*fpp = falloc(n->type == DT_DIR ? &dir_ops : &file_ops, (void *)n,
	    flag);
	return *fpp == NULL ? ENOMEM : 0;
}

static int
initrd_stat(const char *rest, const struct ucred *cr, struct stat *st)
{
	const struct initrd_node *n;
	struct file f;
	int error;

	(void)cr;
	if ((error = initrd_lookup(rest, &n)) != 0)
		return error;
	memset(&f, 0, sizeof(f));
	f.f_data = (void *)n;
	return node_stat(&f, st);
}

/* Executables are read in place: the archive is contiguous in memory. */
static int
initrd_image(const char *rest, const char **image, size_t *size, int *release)
{
	const struct initrd_node *n;
	int error;

	if ((error = initrd_lookup(rest, &n)) != 0)
		return error;
	*image = n->data;
	*size = n->size;
	*release = 0;
	return 0;
}

const struct vfsops initrd_vfsops = {
	.vfs_name = "initrd",
	.vfs_open = initrd_open,
	.vfs_stat = initrd_stat,
	.vfs_image = initrd_image,
};
