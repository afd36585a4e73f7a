/*
 * pwd.c - the user database: getpwnam, getpwuid and the getpwent loop over
 * /etc/passwd (name:password:uid:gid:gecos:home:shell). The entry returned
 * lives in static storage that the next call overwrites, as POSIX allows.
 */
#include <pwd.h>
#include <string.h>
#include "dbfile.h"

static struct dbfile db = { _PATH_PASSWD, NULL, "" };
static struct passwd pw;

struct passwd *
getpwent(void)
{
	char *f[7];
	long uid, gid;

	for (;;) {
		if (__db_next(&db, f, 7) == -1)
			return NULL;
		if ((uid = __db_id(f[2])) == -1 || (gid = __db_id(f[3])) == -1)
			continue;
		pw.pw_name = f[0];
		pw.pw_passwd = f[1];
		pw.pw_uid = (uid_t)uid;
		pw.pw_gid = (gid_t)gid;
		pw.pw_change = 0;
		pw.pw_class = "";
		pw.pw_gecos = f[4];
		pw.pw_dir = f[5];
		pw.pw_shell = f[6];
		pw.pw_expire = 0;
		pw.pw_fields = 7;
		return &pw;
	}
}

void
setpwent(void)
{
	__db_rewind(&db);
}

void
endpwent(void)
{
	__db_close(&db);
}

/* The first entry that matches; the file is closed afterwards. */
static struct passwd *
lookup(const char *name, uid_t uid)
{
	struct passwd *p;

	__db_close(&db);
	while ((p = getpwent()) != NULL)
		if (name != NULL ? strcmp(p->pw_name, name) == 0 :
		    p->pw_uid == uid)
			break;
	__db_close(&db);
	return p;
}

struct passwd *
getpwnam(const char *name)
{
	return lookup(name, 0);
}

struct passwd *
getpwuid(uid_t uid)
{
	return lookup(NULL, uid);
}
