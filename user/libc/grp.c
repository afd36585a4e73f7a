/*
 * grp.c - the group database: getgrnam, getgrgid and the getgrent loop
 * over /etc/group (name:password:gid:member,member,...). The entry and its
 * member list live in static storage that the next call overwrites.
 */
#include <grp.h>
#include <string.h>
#include "dbfile.h"

#define MAXMEMBERS	64

static struct dbfile db = { _PATH_GROUP, NULL, "" };
static struct group gr;
static char *members[MAXMEMBERS + 1];

struct group *
getgrent(void)
{
	char *f[4], *list, *m;
	long gid;
	int n;

	for (;;) {
		if (__db_next(&db, f, 4) == -1)
			return NULL;
		if ((gid = __db_id(f[2])) == -1)
			continue;
		gr.gr_name = f[0];
		gr.gr_passwd = f[1];
		gr.gr_gid = (gid_t)gid;
		for (n = 0, list = f[3]; n < MAXMEMBERS &&
		    (m = strsep(&list, ",")) != NULL;)
			if (*m != '\0')
				members[n++] = m;
		members[n] = NULL;
		gr.gr_mem = members;
		return &gr;
	}
}

void
setgrent(void)
{
	__db_rewind(&db);
}

void
endgrent(void)
{
	__db_close(&db);
}

static struct group *
lookup(const char *name, gid_t gid)
{
	struct group *g;

	__db_close(&db);
	while ((g = getgrent()) != NULL)
		if (name != NULL ? strcmp(g->gr_name, name) == 0 :
		    g->gr_gid == gid)
			break;
	__db_close(&db);
	return g;
}

struct group *
getgrnam(const char *name)
{
	return lookup(name, 0);
}

struct group *
getgrgid(gid_t gid)
{
	return lookup(NULL, gid);
}
