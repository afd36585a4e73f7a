/*
 * initrd.c - the read-only root file system, served straight from the
 * ustar archive in memory (the Multiboot module). At boot the archive is
 * indexed once: every file and directory becomes a node, and directories
 * the archive only implies ("bin" for "bin/sh") are added. Files are read
 * in place; nothing is ever copied or written.
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/dirent.h>
#include <sys/stat.h>
#include "kernel/fs/initrd.h"
#include "kernel/fs/devfs.h"
#include "kernel/fs/file.h"
#include "kernel/kprintf.h"
#include "vm/vm.h"

#define BLOCK		512
#define MAXNODES	512

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

static struct initrd_node *nodes;
static int nnodes;

int
initrd_count(void)
{
	return nnodes;
}

static struct initrd_node *
find(const char *norm)
{
	int i;

	for (i = 0; i < nnodes; i++)
		if (strcmp(nodes[i].path, norm) == 0)
			return &nodes[i];
	return NULL;
}

static struct initrd_node *
add_node(const char *norm, uint8_t type)
{
	struct initrd_node *n = find(norm);

	if (n != NULL || nnodes == MAXNODES)
		return n;
	n = &nodes[nnodes++];
	memset(n, 0, sizeof(*n));
	strlcpy(n->path, norm, sizeof(n->path));
	n->type = type;
	n->mode = type == DT_DIR ? 0555 : 0444;
	return n;
}

/* Make sure every ancestor directory of norm exists. */
static void
add_parents(const char *norm)
{
	char buf[INITRD_PATHMAX];
	char *slash;

	strlcpy(buf, norm, sizeof(buf));
	while ((slash = strrchr(buf, '/')) != NULL) {
		*slash = '\0';
		add_node(buf, DT_DIR);
	}
}

static int
checksum_ok(const struct ustar_header *h)
{
	const unsigned char *b = (const unsigned char *)h;
	uint32_t sum = 0, i;

	for (i = 0; i < BLOCK; i++)
		sum += (i >= 148 && i < 156) ? ' ' : b[i];
	return sum == initrd_octal(h->chksum, sizeof(h->chksum));
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
	add_node("", DT_DIR);
	add_node("dev", DT_DIR);
	for (i = 0; i < devfs_count(); i++)
		add_node(devfs_name(i), DT_CHR);
	while (p + BLOCK <= end) {
		const struct ustar_header *h = (const struct ustar_header *)p;
		uint32_t fsize;

		if (h->name[0] == '\0')
			break;			/* the end-of-archive blocks */
		if (!checksum_ok(h)) {
			kprintf("initrd: bad header checksum, stopping\n");
			break;
		}
		fsize = initrd_octal(h->size, sizeof(h->size));
		if (fsize > (uint32_t)(end - p - BLOCK))
			break;			/* truncated archive */
		index_entry(h, p + BLOCK);
		p += BLOCK + (fsize + BLOCK - 1) / BLOCK * BLOCK;
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
 * The node a path names. POSIX errors: the empty path names nothing
 * (ENOENT), and a file cannot be passed through ("file/x") or named as a
 * directory ("file/"): ENOTDIR.
 */
int
initrd_lookup(const char *path, const struct initrd_node **np)
{
	char norm[INITRD_PATHMAX];
	const struct initrd_node *n;

	if (path[0] == '\0')
		return ENOENT;
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
	st->st_ino = node - nodes + 1;
	st->st_mode = node->mode | (node->type == DT_DIR ? S_IFDIR : S_IFREG);
	st->st_nlink = 1;
	st->st_uid = node->uid;
	st->st_gid = node->gid;
	st->st_size = node->size;
	st->st_blksize = BLOCK;
	st->st_blocks = (node->size + BLOCK - 1) / BLOCK;
	st->st_mtim.tv_sec = node->mtime;
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

/*
 * Directories: read() is getdents(), one struct dirent per child. f_offset
 * is the node index to continue from.
 */
static int
dir_read(struct file *fp, void *ubuf, size_t n, size_t *done)
{
	const struct initrd_node *dir = fp->f_data;
	struct dirent d;
	int error;

	*done = 0;
	for (; fp->f_offset < nnodes; fp->f_offset++) {
		const struct initrd_node *c = &nodes[fp->f_offset];
		const char *name;
		size_t namelen, reclen;

		if (!is_child(dir, c))
			continue;
		name = strrchr(c->path, '/');
		name = name != NULL ? name + 1 : c->path;
		namelen = strlen(name);
		reclen = (offsetof(struct dirent, d_name) + namelen + 1 + 3) & ~3u;
		if (*done + reclen > n)
			return *done == 0 ? EINVAL : 0;
		memset(&d, 0, sizeof(d));
		d.d_fileno = fp->f_offset + 1;
		d.d_reclen = reclen;
		d.d_type = c->type;
		d.d_namlen = namelen;
		memcpy(d.d_name, name, namelen);
		error = copyout(&d, (char *)ubuf + *done, reclen);
		if (error)
			return error;
		*done += reclen;
	}
	return 0;
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
};

int
initrd_open(const char *path, int flag, int want_dir, struct file **fpp)
{
	const struct initrd_node *n;
	struct file *fp;
	int error;

	if ((error = initrd_lookup(path, &n)) != 0)
		return error;
	if (flag & FWRITE)
		return n->type == DT_DIR ? EISDIR : EROFS;
	if (want_dir && n->type != DT_DIR)
		return ENOTDIR;
	fp = falloc(n->type == DT_DIR ? &dir_ops : &file_ops, (void *)n, flag);
	if (fp == NULL)
		return ENOMEM;
	*fpp = fp;
	return 0;
}
