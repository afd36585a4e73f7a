/*
 * kern_sysctl.c - sysctl(3): the kernel's named values, as a tree with
 * FreeBSD's names and numbers.
 *
 * __sysctl(name, namelen, old, oldlenp, new, newlen) walks the tree along
 * the MIB name[] and runs the handler it finds there: the value goes out
 * to old (at most *oldlenp bytes; *oldlenp says how many the whole value
 * takes, or how many were copied if old was too small: ENOMEM), and a new
 * value comes in from new. old == NULL asks for the size only. The rules,
 * FreeBSD's: an unknown name is ENOENT, a name that goes past a leaf
 * ENOTDIR, one that stops at a node EISDIR; writing a read-only value is
 * EPERM, and only root may write at all.
 *
 * sysctlbyname() in the libc turns a dotted name into a MIB first, through
 * the tree's own node sysctl.name2oid ({ 0, 3 }, the name in new).
 *
 * The values live where they belong (kern.proc in proc/kern_proc.c,
 * max_pending_per_proc in proc/kern_sigqueue.c, the limits of
 * setrlimit in proc/kern_resource.c); this file has the tree,
 * the walk, and the handlers for plain ints and strings.
 */
#include <string.h>
#include <sys/errno.h>
#include "kernel/kern_sysctl.h"
#include "kernel/syscall.h"
#include "kernel/version.h"
#include "proc/proc.h"
#include "vm/vm.h"

#define MAXHOSTNAMELEN	256

static int ncpu = 1;
static int byteorder = 1234;
static int pagesize = PAGE_SIZE;
static int maxproc = NPROC;
static int osreldate = KESTREL_OSRELDATE;
static char hostname[MAXHOSTNAMELEN] = "kestrel";

int
sysctl_out(struct sysctl_req *req, const void *p, size_t len)
{
	size_t room = 0, n;
	int error;

	if (req->oldptr != NULL && req->oldidx < req->oldlen)
		room = req->oldlen - req->oldidx;
	n = len < room ? len : room;
	if (n > 0 && (error = copyout(p, (char *)req->oldptr + req->oldidx,
	    n)) != 0)
		return error;
	req->oldidx += len;
	return req->oldptr != NULL && n < len ? ENOMEM : 0;
}

int
sysctl_in(struct sysctl_req *req, void *p, size_t len)
{
	if (req->newlen != len)
		return EINVAL;
	return copyin(req->newptr, p, len);
}

/* A leaf int at oid_arg1; a new value must not be negative. */
int
sysctl_handle_int(struct sysctl_req *req, const struct sysctl_oid *oid,
    const int *name, unsigned namelen)
{
	int *v = oid->oid_arg1, nv, error;

	(void)name;
	(void)namelen;
	if ((error = sysctl_out(req, v, sizeof(*v))) != 0 ||
	    req->newptr == NULL)
		return error;
	if ((error = sysctl_in(req, &nv, sizeof(nv))) != 0)
		return error;
	if (nv < 0)
		return EINVAL;
	*v = nv;
	return 0;
}

/* A leaf string at oid_arg1 (a buffer of oid_arg2 bytes if writable). */
int
sysctl_handle_string(struct sysctl_req *req, const struct sysctl_oid *oid,
    const int *name, unsigned namelen)
{
	char *s = oid->oid_arg1;
	int error;

	(void)name;
	(void)namelen;
	if ((error = sysctl_out(req, s, strlen(s) + 1)) != 0 ||
	    req->newptr == NULL)
		return error;
	if (req->newlen >= (size_t)oid->oid_arg2)
		return EINVAL;
	if ((error = copyin(req->newptr, s, req->newlen)) != 0)
		return error;
	s[req->newlen] = '\0';
	return 0;
}

/* hw.physmem: bytes of RAM, an unsigned long as on FreeBSD. */
static int
sysctl_hw_physmem(struct sysctl_req *req, const struct sysctl_oid *oid,
    const int *name, unsigned namelen)
{
	unsigned long bytes = (unsigned long)vm_page_total() * PAGE_SIZE;

	(void)oid;
	(void)name;
	(void)namelen;
	return sysctl_out(req, &bytes, sizeof(bytes));
}

static sysctl_handler_t sysctl_name2oid;

/*
 * debug.cr3_reload reads the count of CR3 loads since boot; writing it (any
 * int, by anybody) loads CR3 once more, which is how `make bench` times one
 * CR3 write on the running emulator.
 */
static int
sysctl_debug_cr3_reload(struct sysctl_req *req, const struct sysctl_oid *oid,
    const int *name, unsigned namelen)
{
	int v = (int)cr3_writes, error;

	(void)oid, (void)name, (void)namelen;
	if ((error = sysctl_out(req, &v, sizeof(v))) != 0 || req->newptr == NULL)
		return error;
	if ((error = sysctl_in(req, &v, sizeof(v))) != 0)
		return error;
	pmap_reload();
	return 0;
}

#define RD	CTLFLAG_RD
#define RW	CTLFLAG_RW
#define NODE(n, num, kids)	{ n, num, CTLTYPE_NODE | RD, kids, NULL, NULL, 0 }
#define INT(n, num, fl, var)	{ n, num, CTLTYPE_INT | (fl), NULL, \
	sysctl_handle_int, var, 0 }
#define STR(n, num, s)		{ n, num, CTLTYPE_STRING | RD, NULL, \
	sysctl_handle_string, (void *)(s), 0 }
#define END			{ NULL, 0, 0, NULL, NULL, NULL, 0 }

static const struct sysctl_oid sigqueue_oids[] = {
	INT("max_pending_per_proc", CTL_AUTO_START, RW, &max_pending_per_proc),
	END
};

static const struct sysctl_oid proc_oids[] = {
	{ "all", KERN_PROC_ALL, CTLTYPE_NODE | RD, NULL,
	    sysctl_kern_proc_all, NULL, 0 },
	{ "pid", KERN_PROC_PID, CTLTYPE_NODE | RD, NULL,
	    sysctl_kern_proc_pid, NULL, 0 },
	{ "all_td", KERN_PROC_ALL | KERN_PROC_INC_THREAD, CTLTYPE_NODE | RD,
	    NULL, sysctl_kern_proc_all, NULL, 0 },
	{ "pid_td", KERN_PROC_PID | KERN_PROC_INC_THREAD, CTLTYPE_NODE | RD,
	    NULL, sysctl_kern_proc_pid, NULL, 0 },
	END
};

static const struct sysctl_oid kern_oids[] = {
	STR("ostype", KERN_OSTYPE, "Kestrel"),
	STR("osrelease", KERN_OSRELEASE, KESTREL_VERSION),
	STR("version", KERN_VERSION, "Kestrel " KESTREL_VERSION " (i386)"),
	INT("maxproc", KERN_MAXPROC, RD, &maxproc),
	INT("maxfilesperproc", KERN_MAXFILESPERPROC, RD, &maxfilesperproc),
	INT("maxprocperuid", KERN_MAXPROCPERUID, RD, &maxprocperuid),
	{ "hostname", KERN_HOSTNAME, CTLTYPE_STRING | RW, NULL,
	    sysctl_handle_string, hostname, sizeof(hostname) },
	NODE("proc", KERN_PROC, proc_oids),
	INT("osreldate", KERN_OSRELDATE, RD, &osreldate),
	NODE("sigqueue", CTL_AUTO_START, sigqueue_oids),
	END
};

static const struct sysctl_oid hw_oids[] = {
	STR("machine", HW_MACHINE, "i386"),
	INT("ncpu", HW_NCPU, RD, &ncpu),
	INT("byteorder", HW_BYTEORDER, RD, &byteorder),
	{ "physmem", HW_PHYSMEM, CTLTYPE_ULONG | RD, NULL,
	    sysctl_hw_physmem, NULL, 0 },
	INT("pagesize", HW_PAGESIZE, RD, &pagesize),
	STR("machine_arch", HW_MACHINE_ARCH, "i386"),
	END
};

static const struct sysctl_oid debug_oids[] = {
	{ "cr3_reload", CTL_AUTO_START, CTLTYPE_INT | RW | CTLFLAG_ANYBODY,
	    NULL, sysctl_debug_cr3_reload, NULL, 0 },
	END
};

static const struct sysctl_oid sysctl_oids[] = {
	{ "name2oid", 3, CTLTYPE_INT | RW | CTLFLAG_ANYBODY, NULL,
	    sysctl_name2oid, NULL, 0 },
	END
};

static const struct sysctl_oid root_oids[] = {
	NODE("sysctl", CTL_UNSPEC, sysctl_oids),
	NODE("kern", CTL_KERN, kern_oids),
	NODE("debug", CTL_DEBUG, debug_oids),
	NODE("hw", CTL_HW, hw_oids),
	END
};

/*
 * Follow name[0..namelen) from the root. 0 and *oidp, and in *used how
 * many numbers led there (a node with a handler takes the rest); or
 * ENOENT, ENOTDIR.
 */
static int
find_oid(const int *name, unsigned namelen, const struct sysctl_oid **oidp,
    unsigned *used)
{
	const struct sysctl_oid *list = root_oids, *o;
	unsigned i;

	for (i = 0; i < namelen; i++) {
		if (list == NULL)
			return ENOTDIR;		/* past a leaf */
		for (o = list; o->oid_name != NULL; o++)
			if (o->oid_number == name[i])
				break;
		if (o->oid_name == NULL)
			return ENOENT;
		*oidp = o;
		*used = i + 1;
		if (o->oid_handler != NULL)
			return (o->oid_kind & CTLTYPE) == CTLTYPE_NODE ||
			    i + 1 == namelen ? 0 : ENOTDIR;
		list = o->oid_children;
	}
	return 0;
}

/* sysctl.name2oid: the MIB of the dotted name in new. */
static int
sysctl_name2oid(struct sysctl_req *req, const struct sysctl_oid *oid,
    const int *name, unsigned namelen)
{
	const struct sysctl_oid *list = root_oids, *o = NULL;
	char buf[MAXHOSTNAMELEN], *s, *dot;
	int mib[CTL_MAXNAME], n = 0, error;

	(void)oid;
	(void)name;
	(void)namelen;
	if (req->newptr == NULL || req->newlen == 0)
		return ENOENT;
	if (req->newlen >= sizeof(buf))
		return ENAMETOOLONG;
	if ((error = copyin(req->newptr, buf, req->newlen)) != 0)
		return error;
	buf[req->newlen] = '\0';
	for (s = buf; s != NULL; s = dot) {
		if ((dot = strchr(s, '.')) != NULL)
			*dot++ = '\0';
		if (list == NULL || n == CTL_MAXNAME)
			return ENOENT;
		for (o = list; o->oid_name != NULL; o++)
			if (strcmp(o->oid_name, s) == 0)
				break;
		if (o->oid_name == NULL)
			return ENOENT;
		mib[n++] = o->oid_number;
		list = o->oid_children;
	}
	return sysctl_out(req, mib, n * sizeof(int));
}

int
sys___sysctl(struct thread *td, uint32_t *args)
{
	unsigned namelen = args[1], used = 0;
	size_t *uoldlenp = (size_t *)args[3], len;
	const struct sysctl_oid *oid = NULL;
	struct sysctl_req req;
	int name[CTL_MAXNAME], error;

	if (namelen < 2 || namelen > CTL_MAXNAME)
		return EINVAL;
	if ((error = copyin((void *)args[0], name, namelen * sizeof(int))) != 0)
		return error;
	memset(&req, 0, sizeof(req));
	req.td = td;
	if (uoldlenp != NULL) {
		if ((error = copyin(uoldlenp, &req.oldlen, sizeof(size_t))) != 0)
			return error;
		req.oldptr = (void *)args[2];
	}
	if ((req.newptr = (const void *)args[4]) != NULL)
		req.newlen = args[5];	/* without a new value, newlen means nothing */
	if ((error = find_oid(name, namelen, &oid, &used)) != 0)
		return error;
	if (oid->oid_handler == NULL)
		return EISDIR;
	if (req.newptr != NULL && (!(oid->oid_kind & CTLFLAG_WR) ||
	    (!(oid->oid_kind & CTLFLAG_ANYBODY) &&
	    td->td_proc->p_cred.cr_uid != 0)))
		return EPERM;
	error = oid->oid_handler(&req, oid, name + used, namelen - used);
	if (error != 0 && error != ENOMEM)
		return error;
	if (uoldlenp != NULL) {
		len = req.oldptr != NULL && req.oldidx > req.oldlen ?
		    req.oldlen : req.oldidx;
		if (copyout(&len, uoldlenp, sizeof(len)) != 0)
			return EFAULT;
	}
	return error;
}
