/*
 * dbfile.c - the line reader behind getpwent and getgrent (see dbfile.h).
 * The file is opened at the first read and stays open until endXXent, so
 * a loop over getpwent reads it once.
 */
#include <stdlib.h>
#include <string.h>
#include "dbfile.h"

static int
split(char *line, char **field, int nfields)
{
	int n = 0;
	char *p = line;

	while (p != NULL && n < nfields)
		field[n++] = strsep(&p, ":");
	return n == nfields && p == NULL ? 0 : -1;
}

int
__db_next(struct dbfile *db, char **field, int nfields)
{
	size_t len;

	if (db->f == NULL && (db->f = fopen(db->path, "re")) == NULL)
		return -1;
	while (fgets(db->line, sizeof(db->line), db->f) != NULL) {
		len = strcspn(db->line, "\n");
		if (db->line[len] != '\n' && !feof(db->f)) {
			/* Too long to be an entry: skip the rest of it. */
			while (fgets(db->line, sizeof(db->line), db->f) != NULL &&
			    strchr(db->line, '\n') == NULL)
				;
			continue;
		}
		db->line[len] = '\0';
		if (db->line[0] == '#' || db->line[0] == '\0')
			continue;
		if (split(db->line, field, nfields) == 0)
			return 0;
	}
	return -1;
}

void
__db_rewind(struct dbfile *db)
{
	if (db->f != NULL)
		rewind(db->f);
}

void
__db_close(struct dbfile *db)
{
	if (db->f != NULL)
		fclose(db->f);
	db->f = NULL;
}

long
__db_id(const char *s)
{
	char *end;
	long v;

	if (*s < '0' || *s > '9')
		return -1;
	v = strtol(s, &end, 10);
	return *end == '\0' ? v : -1;
}
