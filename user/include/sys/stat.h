/* sys/stat.h - file status. */
#ifndef _SYS_STAT_H_
#define _SYS_STAT_H_

#include <sys/types.h>
#include <time.h>

struct stat {
	dev_t		st_dev;
	ino_t		st_ino;
	mode_t		st_mode;
	uint16_t	__pad0;
	nlink_t		st_nlink;
	uid_t		st_uid;
	gid_t		st_gid;
	dev_t		st_rdev;
	off_t		st_size;
	blksize_t	st_blksize;
	blkcnt_t	st_blocks;
	struct timespec	st_atim;
	struct timespec	st_mtim;
	struct timespec	st_ctim;
};
#define st_atime	st_atim.tv_sec
#define st_mtime	st_mtim.tv_sec
#define st_ctime	st_ctim.tv_sec

#define S_IFMT		0170000
#define S_IFIFO		0010000
#define S_IFCHR		0020000
#define S_IFDIR		0040000
#define S_IFREG		0100000
#define S_IFLNK		0120000
#define S_ISUID		0004000
#define S_ISGID		0002000
#define S_IRWXU		0000700
#define S_IRUSR		0000400
#define S_IWUSR		0000200
#define S_IXUSR		0000100
#define S_IRWXG		0000070
#define S_IRWXO		0000007
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)
#define S_ISFIFO(m)	(((m) & S_IFMT) == S_IFIFO)
#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)

#define S_ISVTX		0001000
#define S_IRGRP		0000040
#define S_IWGRP		0000020
#define S_IXGRP		0000010
#define S_IROTH		0000004
#define S_IWOTH		0000002
#define S_IXOTH		0000001

#ifndef _KERNEL
int	stat(const char *__restrict, struct stat *__restrict);
int	fstat(int, struct stat *);
int	lstat(const char *__restrict, struct stat *__restrict);
int	mkdir(const char *, mode_t);
int	chmod(const char *, mode_t);
mode_t	umask(mode_t);
#endif

#endif
