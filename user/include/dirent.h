/* dirent.h - reading directories: opendir/readdir over getdents(2). */
#ifndef _DIRENT_H_
#define _DIRENT_H_

#include <sys/types.h>
#include <sys/dirent.h>

typedef struct __dirstream DIR;

DIR	*opendir(const char *);
struct dirent	*readdir(DIR *);
int	closedir(DIR *);
void	rewinddir(DIR *);
int	dirfd(DIR *);
ssize_t	getdents(int, char *, size_t);

#endif
