/*
 * kern_sysctl.h - the sysctl tree (kernel/kern_sysctl.c) and what the
 * files that own its values provide.
 *
 * A node of the tree is a struct sysctl_oid: a name, FreeBSD's number, a
 * kind (CTLTYPE_*) and access (CTLFLAG_*), and either children (a node
 * whose children are ended by one with a NULL name) or a handler. A
 * handler answers for a leaf, or for a node that takes the rest of the MIB
 * itself (kern.proc.pid.<pid>): it gets the request and the remaining name.
 */
#ifndef KERNEL_KERN_SYSCTL_H
#define KERNEL_KERN_SYSCTL_H

#include <stddef.h>
#include <sys/sysctl.h>

#define CTLFLAG_ANYBODY	0x10000000	/* any user may write it */

struct thread;
struct sysctl_oid;

/* One sysctl call: where the old value goes, where a new one comes from. */
struct sysctl_req {
	struct thread	*td;
	void		*oldptr;	/* user buffer; NULL: only say the size */
	size_t		oldlen;		/* its size */
	size_t		oldidx;		/* bytes of the value so far */
	const void	*newptr;	/* user buffer of a new value, or NULL */
	size_t		newlen;
};

typedef int sysctl_handler_t(struct sysctl_req *req,
    const struct sysctl_oid *oid, const int *name, unsigned namelen);

struct sysctl_oid {
	const char		*oid_name;
	int			oid_number;
	unsigned		oid_kind;	/* CTLTYPE_* | CTLFLAG_* */
	const struct sysctl_oid	*oid_children;
	sysctl_handler_t	*oid_handler;
	void			*oid_arg1;	/* the int, or the string */
	int			oid_arg2;	/* a string's buffer size */
};

/*
 * sysctl_out: len more bytes of the old value (all of it counts towards
 * the size; what does not fit is ENOMEM). sysctl_in: the new value, which
 * must be exactly len bytes (EINVAL).
 */
int	sysctl_out(struct sysctl_req *req, const void *p, size_t len);
int	sysctl_in(struct sysctl_req *req, void *p, size_t len);
sysctl_handler_t sysctl_handle_int;
sysctl_handler_t sysctl_handle_string;

/* proc/kern_proc.c: kern.proc.all, kern.proc.pid (and their _td forms) */
sysctl_handler_t sysctl_kern_proc_all;
sysctl_handler_t sysctl_kern_proc_pid;

#endif
