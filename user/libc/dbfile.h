/*
 * dbfile.h - reading the colon-separated databases (/etc/passwd,
 * /etc/group) one entry at a time, for pwd.c and grp.c.
 */
#ifndef _LIBC_DBFILE_H_
#define _LIBC_DBFILE_H_

#include <stdio.h>

#define DB_LINE		1024	/* longest entry */

struct dbfile {
	const char	*path;
	FILE		*f;		/* open between setXXent and endXXent */
	char		line[DB_LINE];
};

/*
 * Reads the next entry with exactly nfields fields into field[] (pointers
 * into db->line); skips blank, comment and malformed lines. Returns 0, or
 * -1 at the end of the file.
 */
int	__db_next(struct dbfile *db, char **field, int nfields);
void	__db_rewind(struct dbfile *db);
void	__db_close(struct dbfile *db);
/* A decimal id; -1 if s is not one. */
long	__db_id(const char *s);

#endif
