/*
 * tmpfs_subr.c - the RAM file system's nodes (see tmpfs.h): making and
 * freeing them, naming them in directories, walking a path to one, their
 * pages, and what each user may keep.
 *
 * Quotas. Every page and node of /tmp is charged to the user who owns the
 * node. A user other than root may keep at most a quarter of the machine's
 * pages and TMPFS_USER_NODES nodes there; past that, writes and creations
 * fail with EDQUOT, so /tmp cannot be used to take all memory. When the
 * page allocator itself has nothing left, they fail with ENOSPC.
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/stat.h>
#include <unistd.h>
#include "kernel/fs/tmpfs.h"
#include "kernel/dev/rtc.h"
#include "kernel/kprintf.h"
#include "proc/proc.h"

#define NUSERS		32	/* users with something in /tmp at once */
#define ROOT_INO	2

struct usage {
	uid_t		uid;
	uint32_t	pages;
	uint32_t	nodes;
};

static struct usage usage[NUSERS];
static struct tmpfs_node *root;
static uint32_t next_ino = ROOT_INO + 1;

void
tmpfs_now(struct timespec *ts)
{
	uint64_t ns = realtime_ns();

	ts->tv_sec = (time_t)(ns / 1000000000u);
	ts->tv_nsec = (long)(ns % 1000000000u);
}

/* ---------------------------------------------------------------- quotas */

static struct usage *
usage_of(uid_t uid, int create)
{
	struct usage *free = NULL;
	int i;

	for (i = 0; i < NUSERS; i++) {
		if ((usage[i].pages != 0 || usage[i].nodes != 0) &&
		    usage[i].uid == uid)
			return &usage[i];
		if (free == NULL && usage[i].pages == 0 && usage[i].nodes == 0)
			free = &usage[i];
	}
	if (create && free != NULL)
		free->uid = uid;
	return create ? free : NULL;
}

/* Charge uid with pages and nodes: 0, or EDQUOT past its share. */
static int
charge(uid_t uid, uint32_t pages, uint32_t nodes, int force)
{
	struct usage *u;

	if (uid == 0)
		return 0;
	if ((u = usage_of(uid, 1)) == NULL)
		return EDQUOT;
	if (!force && (u->pages + pages > vm_page_total() / 4 ||
	    u->nodes + nodes > TMPFS_USER_NODES))
		return EDQUOT;
	u->pages += pages;
	u->nodes += nodes;
	return 0;
}

static void
uncharge(uid_t uid, uint32_t pages, uint32_t nodes)
{
	struct usage *u;

	if (uid == 0 || (u = usage_of(uid, 0)) == NULL)
		return;
	u->pages -= pages;
	u->nodes -= nodes;
}

/* ---------------------------------------------------------------- nodes */

static struct tmpfs_node *
node_alloc(mode_t type, int mode, uid_t uid, gid_t gid)
{
	struct tmpfs_node *n = kzalloc(sizeof(*n));

	if (n == NULL)
		return NULL;
	n->tn_type = type;
	n->tn_mode = mode & 07777;
	n->tn_uid = uid;
	n->tn_gid = gid;
	n->tn_ino = next_ino++;
	tmpfs_now(&n->tn_mtime);
	n->tn_atime = n->tn_ctime = n->tn_mtime;
	return n;
}

/* Mount /tmp: its root, 01777 like every /tmp (sticky, see unlink). */
int
tmpfs_mount(void)
{
	if ((root = node_alloc(S_IFDIR, 01777, 0, 0)) == NULL)
		return ENOMEM;
	root->tn_ino = ROOT_INO;
	root->tn_nlink = 2;
	root->tn_parent = root;
	return 0;
}

struct tmpfs_node *
tmpfs_root(void)
{
	return root;
}

/* Free n if nothing refers to it any more: no name, no open file. */
void
tmpfs_release(struct tmpfs_node *n)
{
	if (n->tn_nlink > 0 || n->tn_open > 0)
		return;
	tmpfs_truncate(n, 0);
	kfree(n->tn_pages);
	uncharge(n->tn_uid, 0, 1);
	kfree(n);
}

int
tmpfs_access(const struct tmpfs_node *n, const struct ucred *cr, int want)
{
	return vaccess(n->tn_type, n->tn_mode, n->tn_uid, n->tn_gid,
	    cr->cr_uid, cr->cr_gid, want);
}

/*
 * In a sticky directory (S_ISVTX, as /tmp itself) only the owner of an
 * entry, the owner of the directory or root may remove or rename it.
 */
int
tmpfs_sticky_ok(const struct tmpfs_node *dir, const struct tmpfs_node *n,
    const struct ucred *cr)
{
	if (!(dir->tn_mode & S_ISVTX) || cr->cr_uid == 0 ||
	    cr->cr_uid == n->tn_uid || cr->cr_uid == dir->tn_uid)
		return 0;
	return EPERM;
}

/* ---------------------------------------------------------------- directories */

struct tmpfs_dirent *
tmpfs_lookup(const struct tmpfs_node *dir, const char *name)
{
	struct tmpfs_dirent *de;

	for (de = dir->tn_entries; de != NULL; de = de->td_next)
		if (strcmp(de->td_name, name) == 0)
			return de;
	return NULL;
}

static void
touch_dir(struct tmpfs_node *dir)
{
	tmpfs_now(&dir->tn_mtime);
	dir->tn_ctime = dir->tn_mtime;
}

/* A new entry name -> n at the end of dir's list; NULL if out of memory. */
static struct tmpfs_dirent *
entry_add(struct tmpfs_node *dir, const char *name, struct tmpfs_node *n)
{
	size_t len = strlen(name);
	struct tmpfs_dirent *de = kmalloc(sizeof(*de) + len + 1), **pp;

	if (de == NULL)
		return NULL;
	de->td_next = NULL;
	de->td_node = n;
	memcpy(de->td_name, name, len + 1);
	for (pp = &dir->tn_entries; *pp != NULL; pp = &(*pp)->td_next)
		;
	*pp = de;
	dir->tn_nentries++;
	touch_dir(dir);
	return de;
}

static void
entry_remove(struct tmpfs_node *dir, struct tmpfs_dirent *de)
{
	struct tmpfs_dirent **pp;

	for (pp = &dir->tn_entries; *pp != de; pp = &(*pp)->td_next)
		;
	*pp = de->td_next;
	dir->tn_nentries--;
	kfree(de);
	touch_dir(dir);
}

/* Give the new node n the name in dir. 0 or ENOMEM. */
int
tmpfs_attach(struct tmpfs_node *dir, const char *name, struct tmpfs_node *n)
{
	if (entry_add(dir, name, n) == NULL)
		return ENOMEM;
	if (n->tn_type == S_IFDIR) {
		n->tn_nlink = 2;		/* its name and its "." */
		n->tn_parent = dir;
		dir->tn_nlink++;		/* the new directory's ".." */
	} else
		n->tn_nlink = 1;
	tmpfs_now(&n->tn_ctime);
	return 0;
}

/* Remove the entry de from dir; its node goes if nothing else refers to it. */
void
tmpfs_detach(struct tmpfs_node *dir, struct tmpfs_dirent *de)
{
	struct tmpfs_node *n = de->td_node;

	entry_remove(dir, de);
	if (n->tn_type == S_IFDIR) {
		dir->tn_nlink--;
		n->tn_parent = n;	/* an open descriptor's ".." is itself now */
	}
	n->tn_nlink = 0;
	tmpfs_now(&n->tn_ctime);
	tmpfs_release(n);
}

/*
 * rename: the entry de of fdir becomes tname in tdir, where no entry has
 * that name. 0 or ENOMEM (and nothing changed).
 */
int
tmpfs_move(struct tmpfs_node *fdir, struct tmpfs_dirent *de,
    struct tmpfs_node *tdir, const char *tname)
{
	struct tmpfs_node *n = de->td_node;

	if (entry_add(tdir, tname, n) == NULL)
		return ENOMEM;
	entry_remove(fdir, de);
	if (n->tn_type == S_IFDIR && fdir != tdir) {
		fdir->tn_nlink--;
		tdir->tn_nlink++;
		n->tn_parent = tdir;
	}
	tmpfs_now(&n->tn_ctime);
	return 0;
}

/*
 * A new node named name in dir, owned by the caller, in dir's group (the
 * BSD rule). The caller must be allowed to write dir; dir must not have
 * been removed. 0, EACCES, ENOENT, EDQUOT or ENOMEM.
 */
int
tmpfs_create(struct tmpfs_node *dir, const char *name, mode_t type, int mode,
    const struct ucred *cr, struct tmpfs_node **np)
{
	struct tmpfs_node *n;
	int error;

	if (dir->tn_nlink == 0)
		return ENOENT;
	if ((error = tmpfs_access(dir, cr, W_OK | X_OK)) != 0)
		return error;
	if ((error = charge(cr->cr_uid, 0, 1, 0)) != 0)
		return error;
	if ((n = node_alloc(type, mode, cr->cr_uid, dir->tn_gid)) == NULL ||
	    tmpfs_attach(dir, name, n) != 0) {
		kfree(n);
		uncharge(cr->cr_uid, 0, 1);
		return ENOMEM;
	}
	*np = n;
	return 0;
}

/*
 * Walk len bytes of rest (resolved: names separated by one '/') from the
 * root; every directory passed through must be searchable by cr.
 */
static int
walk(const char *rest, size_t len, const struct ucred *cr,
    struct tmpfs_node **np)
{
	struct tmpfs_node *n = tmpfs_root();
	struct tmpfs_dirent *de;
	char name[VFS_NAMEMAX + 1];
	size_t i = 0, j;
	int error;

	while (i < len) {
		for (j = i; j < len && rest[j] != '/'; j++)
			;
		if (n->tn_type != S_IFDIR)
			return ENOTDIR;
		if ((error = tmpfs_access(n, cr, X_OK)) != 0)
			return error;
		memcpy(name, rest + i, j - i);
		name[j - i] = '\0';
		if ((de = tmpfs_lookup(n, name)) == NULL)
			return ENOENT;
		n = de->td_node;
		i = j + 1;
	}
	*np = n;
	return 0;
}

int
tmpfs_walk(const char *rest, const struct ucred *cr, struct tmpfs_node **np)
{
	return walk(rest, strlen(rest), cr, np);
}

/*
 * The directory rest's last name is to be looked up in, searchable by cr,
 * and that name (pointing into rest). rest must not be "" (the root).
 */
int
tmpfs_walk_parent(const char *rest, const struct ucred *cr,
    struct tmpfs_node **dirp, const char **namep)
{
	const char *slash = strrchr(rest, '/');
	struct tmpfs_node *dir;
	int error;

	error = walk(rest, slash != NULL ? (size_t)(slash - rest) : 0, cr, &dir);
	if (error != 0)
		return error;
	if (dir->tn_type != S_IFDIR)
		return ENOTDIR;
	if ((error = tmpfs_access(dir, cr, X_OK)) != 0)
		return error;
	*dirp = dir;
	*namep = slash != NULL ? slash + 1 : rest;
	return 0;
}

/* The path of directory n as the file-system switch names it ("tmp/a/b"). */
int
tmpfs_path(const struct tmpfs_node *n, char *buf, size_t size)
{
	char tail[VFS_PATHMAX] = "";
	const struct tmpfs_dirent *de;
	const struct tmpfs_node *p;

	for (; n != root; n = p) {
		if (n->tn_nlink == 0)
			return ENOENT;
		p = n->tn_parent;
		for (de = p->tn_entries; de->td_node != n; de = de->td_next)
			;
		if (strlen(de->td_name) + 1 + strlen(tail) + 1 > sizeof(tail))
			return ENAMETOOLONG;
		memmove(tail + strlen(de->td_name) + 1, tail, strlen(tail) + 1);
		memcpy(tail + 1, de->td_name, strlen(de->td_name));
		tail[0] = '/';
	}
	if ((size_t)ksnprintf(buf, size, "tmp%s", tail) >= size)
		return ENAMETOOLONG;
	return 0;
}

/* ---------------------------------------------------------------- pages */

/*
 * The page behind page index of file n in *pap (0 for a hole); with alloc,
 * a hole is filled with a zeroed page charged to the owner. 0, EFBIG,
 * EDQUOT, ENOSPC or ENOMEM.
 */
int
tmpfs_page(struct tmpfs_node *n, uint32_t index, int alloc, paddr_t *pap)
{
	uint32_t nslots;
	paddr_t *slots, pa;
	int error;

	*pap = index < n->tn_nslots ? n->tn_pages[index] : 0;
	if (*pap != 0 || !alloc)
		return 0;
	if (index >= TMPFS_MAXFILE / PAGE_SIZE)
		return EFBIG;
	if (index >= n->tn_nslots) {
		nslots = n->tn_nslots < 8 ? 8 : n->tn_nslots;
		while (nslots <= index)
			nslots *= 2;
		if ((slots = kzalloc(nslots * sizeof(*slots))) == NULL)
			return ENOMEM;
		if (n->tn_pages != NULL)
			memcpy(slots, n->tn_pages, n->tn_nslots * sizeof(*slots));
		kfree(n->tn_pages);
		n->tn_pages = slots;
		n->tn_nslots = nslots;
	}
	if ((error = charge(n->tn_uid, 1, 0, 0)) != 0)
		return error;
	if ((pa = vm_page_alloc_zeroed()) == 0) {
		uncharge(n->tn_uid, 1, 0);
		return ENOSPC;
	}
	n->tn_pages[index] = *pap = pa;
	n->tn_resident++;
	return 0;
}

/* Make file n size bytes long: pages past the end go back, the tail is zeroed. */
int
tmpfs_truncate(struct tmpfs_node *n, uint32_t size)
{
	uint32_t keep = (size + PAGE_SIZE - 1) / PAGE_SIZE, i;

	if (size > TMPFS_MAXFILE)
		return EFBIG;
	for (i = keep; i < n->tn_nslots; i++)
		if (n->tn_pages[i] != 0) {
			vm_page_unref(n->tn_pages[i]);
			n->tn_pages[i] = 0;
			n->tn_resident--;
			uncharge(n->tn_uid, 1, 0);
		}
	if (size % PAGE_SIZE != 0 && keep - 1 < n->tn_nslots &&
	    n->tn_pages[keep - 1] != 0)
		memset((char *)PHYS_TO_KVA(n->tn_pages[keep - 1]) +
		    size % PAGE_SIZE, 0, PAGE_SIZE - size % PAGE_SIZE);
	if (size != n->tn_size) {
		n->tn_size = size;
		tmpfs_now(&n->tn_mtime);
		n->tn_ctime = n->tn_mtime;
	}
	return 0;
}

/* A new owner: the node's charges move to it, whatever its quota says. */
int
tmpfs_chown(struct tmpfs_node *n, uid_t uid)
{
	if (uid == n->tn_uid)
		return 0;
	if (charge(uid, n->tn_resident, 1, 1) != 0)
		return EDQUOT;		/* no room in the usage table */
	uncharge(n->tn_uid, n->tn_resident, 1);
	n->tn_uid = uid;
	return 0;
}
