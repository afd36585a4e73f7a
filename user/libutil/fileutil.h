/*
 * fileutil.h - what cp, mv and rm share (user/libutil): the target of
 * "cp a b" against "cp a ... directory", the yes-or-no question their -i
 * asks, and the walk over a directory's entries that copying a tree and
 * removing one both make.
 */
#ifndef LIBUTIL_FILEUTIL_H
#define LIBUTIL_FILEUTIL_H

#include <stdio.h>

/*
 * The operands of "prog source target" or "prog source ... directory"
 * (n >= 2, the last one the target): op(source, target) for each source,
 * with the target directory/basename(source) when the last operand is a
 * directory. More than two operands and no directory is a fatal error.
 * Returns the exit status: 1 if an op failed (returned -1), else 0.
 */
int	to_target(int n, char *operand[],
	    int (*op)(const char *from, const char *to));

/* Prints the question on stderr; 1 if the answer read from stdin is y or Y. */
int	ask(const char *fmt, ...) __printflike(1, 2);

/*
 * fn(path, name, arg) for each entry of directory dir but . and ..,
 * path being dir/name. The names are all read before the first call, so
 * fn may add or remove entries. -1 (told) if dir cannot be read, and
 * nothing is called; 1 if a path was too long (told) or a call returned
 * -1; else 0.
 */
int	each_entry(const char *dir,
	    int (*fn)(const char *path, const char *name, void *arg), void *arg);

#endif
