/*
 * ls - list directory contents: the names in a directory (read with
 * getdents through readdir), sorted. With no operand, lists the current
 * directory; operands that are files come first, then each directory. -l adds
 * the mode, link count, owner, group and size of each entry (from stat);
 * -a includes names that begin with a dot.
 */
#include <sys/stat.h>
#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int lflag, aflag;

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * "drwxr-xr-x": the file type, then read/write/execute for owner, group,
 * others (s for set-id, t for the sticky bit).
 */
static void
mode_string(mode_t m, char *s)
{
	static const char rwx[] = "rwx";
	int i;

	switch (m & S_IFMT) {
	case S_IFDIR:
		s[0] = 'd';
		break;
	case S_IFCHR:
		s[0] = 'c';
		break;
	case S_IFIFO:
		s[0] = 'p';
		break;
	case S_IFLNK:
		s[0] = 'l';
		break;
	default:
		s[0] = '-';
		break;
	}
	for (i = 0; i < 9; i++)
		s[1 + i] = m & (0400 >> i) ? rwx[i % 3] : '-';
	if (m & S_ISUID)
		s[3] = s[3] == 'x' ? 's' : 'S';
	if (m & S_ISGID)
		s[6] = s[6] == 'x' ? 's' : 'S';
	if (m & S_ISVTX)
		s[9] = s[9] == 'x' ? 't' : 'T';
	s[10] = '\0';
}

/* Prints one entry; path is what to stat, name what to show. */
static int
show(const char *path, const char *name)
{
	struct stat st;
	char mode[11];

	if (!lflag) {
		printf("%s\n", name);
		return 0;
	}
	if (stat(path, &st) == -1) {
		warn("%s", path);
		return -1;
	}
	mode_string(st.st_mode, mode);
	printf("%s %2u %4u %4u %8lld %s\n", mode, (unsigned)st.st_nlink,
	    (unsigned)st.st_uid, (unsigned)st.st_gid, (long long)st.st_size,
	    name);
	return 0;
}

/* Reads every name of the directory, then prints them sorted. */
static int
list_dir(const char *dir)
{
	char **names = NULL, **grown, path[PATH_MAX];
	size_t n = 0, cap = 0, i;
	struct dirent *de;
	int status = 0;
	DIR *d;

	if ((d = opendir(dir)) == NULL) {
		warn("%s", dir);
		return -1;
	}
	errno = 0;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' && !aflag)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			if ((grown = realloc(names, cap * sizeof(*names))) == NULL)
				err(1, "out of memory");
			names = grown;
		}
		if ((names[n++] = strdup(de->d_name)) == NULL)
			err(1, "out of memory");
	}
	if (errno != 0) {
		warn("%s", dir);
		status = -1;
	}
	closedir(d);
	qsort(names, n, sizeof(*names), cmp_names);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s%s%s", dir,
		    dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
		if (show(path, names[i]) == -1)
			status = -1;
		free(names[i]);
	}
	free(names);
	return status;
}

int
main(int argc, char *argv[])
{
	int c, i, status = 0, shown = 0, many;
	struct stat st;

	while ((c = getopt(argc, argv, "al")) != -1) {
		switch (c) {
		case 'a':
			aflag = 1;
			break;
		case 'l':
			lflag = 1;
			break;
		default:
			fprintf(stderr, "usage: ls [-al] [file ...]\n");
			return 2;
		}
	}
	if (optind == argc)
		return list_dir(".") == 0 ? 0 : 1;
	many = argc - optind > 1;
	qsort(argv + optind, argc - optind, sizeof(*argv), cmp_names);
	/* As FreeBSD's ls: the files first, then each directory's entries. */
	for (i = optind; i < argc; i++) {
		if (stat(argv[i], &st) == -1) {
			warn("%s", argv[i]);
			status = 1;
			argv[i] = NULL;
		} else if (!S_ISDIR(st.st_mode)) {
			if (show(argv[i], argv[i]) == -1)
				status = 1;
			shown = 1;
			argv[i] = NULL;
		}
	}
	for (i = optind; i < argc; i++) {
		if (argv[i] == NULL)
			continue;
		if (shown)
			putchar('\n');
		if (many)
			printf("%s:\n", argv[i]);
		if (list_dir(argv[i]) == -1)
			status = 1;
		shown = 1;
	}
	return status;
}
