/* grp.h - the group database (/etc/group), struct group with FreeBSD's layout. */
#ifndef _GRP_H_
#define _GRP_H_

#include <sys/types.h>

#define _PATH_GROUP	"/etc/group"

struct group {
	char	*gr_name;	/* group name */
	char	*gr_passwd;	/* group password */
	gid_t	gr_gid;		/* group id */
	char	**gr_mem;	/* member names, NULL-terminated */
};

struct group	*getgrnam(const char *);
struct group	*getgrgid(gid_t);
struct group	*getgrent(void);
void	setgrent(void);
void	endgrent(void);

#endif
