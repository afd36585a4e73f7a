/*
 * pwd.h - the user database (/etc/passwd), struct passwd with FreeBSD's
 * layout. Kestrel keeps no shadow file: pw_passwd is what /etc/passwd
 * says ("*"), pw_class is empty and the change and expiry times are 0.
 */
#ifndef _PWD_H_
#define _PWD_H_

#include <sys/types.h>

#define _PATH_PASSWD	"/etc/passwd"

struct passwd {
	char	*pw_name;	/* user name */
	char	*pw_passwd;	/* encrypted password */
	uid_t	pw_uid;		/* user id */
	gid_t	pw_gid;		/* group id */
	time_t	pw_change;	/* password change time */
	char	*pw_class;	/* user access class */
	char	*pw_gecos;	/* full name and more */
	char	*pw_dir;	/* home directory */
	char	*pw_shell;	/* login shell */
	time_t	pw_expire;	/* account expiration */
	int	pw_fields;	/* fields filled in */
};

struct passwd	*getpwnam(const char *);
struct passwd	*getpwuid(uid_t);
struct passwd	*getpwent(void);
void	setpwent(void);
void	endpwent(void);

#endif
