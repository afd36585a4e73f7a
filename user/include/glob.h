/*
 * glob.h - the path names that match a shell pattern (glob(3)), FreeBSD's
 * layout and values. The alternate directory functions (GLOB_ALTDIRFUNC)
 * are in the structure but not used.
 */
#ifndef _GLOB_H_
#define _GLOB_H_

#include <sys/types.h>

struct dirent;
struct stat;

typedef struct {
	size_t	gl_pathc;	/* count of paths matched */
	size_t	gl_matchc;	/* count of paths matching the pattern */
	size_t	gl_offs;	/* NULLs reserved at the start of gl_pathv */
	int	gl_flags;	/* the flags given to glob */
	char	**gl_pathv;	/* the paths, NULL-terminated */
	int	(*gl_errfunc)(const char *, int);
	void	(*gl_closedir)(void *);
	struct dirent *(*gl_readdir)(void *);
	void	*(*gl_opendir)(const char *);
	int	(*gl_lstat)(const char *, struct stat *);
	int	(*gl_stat)(const char *, struct stat *);
} glob_t;

#define GLOB_APPEND	0x0001	/* append to the results of an earlier call */
#define GLOB_DOOFFS	0x0002	/* use gl_offs */
#define GLOB_ERR	0x0004	/* stop at an unreadable directory */
#define GLOB_MARK	0x0008	/* append '/' to directories */
#define GLOB_NOCHECK	0x0010	/* no match: return the pattern itself */
#define GLOB_NOSORT	0x0020	/* do not sort */
#define GLOB_MAGCHAR	0x0100	/* set when the pattern had * ? or [ */
#define GLOB_NOESCAPE	0x2000	/* a backslash is an ordinary character */

#define GLOB_NOSPACE	(-1)	/* out of memory */
#define GLOB_ABORTED	(-2)	/* a directory could not be read (GLOB_ERR) */
#define GLOB_NOMATCH	(-3)	/* nothing matched, no GLOB_NOCHECK */
#define GLOB_NOSYS	(-4)

int	glob(const char *__restrict, int, int (*)(const char *, int),
	    glob_t *__restrict);
void	globfree(glob_t *);

#endif
