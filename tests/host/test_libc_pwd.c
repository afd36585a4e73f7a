// SOURCES: user/libc/pwd.c user/libc/grp.c user/libc/dbfile.c
// CFLAGS: -fno-builtin -Itests/host/kinclude -Dgetpwnam=k_getpwnam -Dgetpwuid=k_getpwuid -Dgetpwent=k_getpwent -Dsetpwent=k_setpwent -Dendpwent=k_endpwent -Dgetgrnam=k_getgrnam -Dgetgrgid=k_getgrgid -Dgetgrent=k_getgrent -Dsetgrent=k_setgrent -Dendgrent=k_endgrent
/*
 * test_libc_pwd.c - the user and group databases of user/libc (renamed
 * k_*) reading the host's /etc/passwd and /etc/group, against what the
 * host's libc says about the same names and ids: every entry k_getpwent
 * finds must be what getpwnam gives for its name (fields, numbers and all),
 * lookups by name and id must agree, and missing ones must be NULL.
 * The library is built with Kestrel's <pwd.h> and <grp.h> (FreeBSD's
 * struct passwd has fields glibc's lacks); glibc's layouts are spelt out
 * here for its own answers.
 */
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

struct glibc_passwd {
	char	*pw_name;
	char	*pw_passwd;
	uid_t	pw_uid;
	gid_t	pw_gid;
	char	*pw_gecos;
	char	*pw_dir;
	char	*pw_shell;
};

struct glibc_group {
	char	*gr_name;
	char	*gr_passwd;
	gid_t	gr_gid;
	char	**gr_mem;
};

#undef getpwnam
#undef getgrnam
struct glibc_passwd	*getpwnam(const char *);
struct glibc_group	*getgrnam(const char *);

static int failures;

static void
test_passwd(void)
{
	struct passwd *k, copy;
	struct glibc_passwd *h;
	char name[64];
	int n = 0, bad = 0;

	k_setpwent();
	while ((k = k_getpwent()) != NULL && !bad) {
		n++;
		copy = *k;
		strncpy(name, k->pw_name, sizeof(name) - 1);
		name[sizeof(name) - 1] = '\0';
		if ((h = getpwnam(name)) == NULL)
			continue;	/* the host may resolve names elsewhere */
		if (copy.pw_uid != h->pw_uid || copy.pw_gid != h->pw_gid ||
		    strcmp(copy.pw_dir, h->pw_dir) != 0 ||
		    strcmp(copy.pw_shell, h->pw_shell) != 0 ||
		    strcmp(copy.pw_gecos, h->pw_gecos) != 0) {
			printf("FAIL pwd_getpwent: %s: uid %u dir %s shell %s, "
			    "host uid %u dir %s shell %s\n", name, copy.pw_uid,
			    copy.pw_dir, copy.pw_shell, h->pw_uid, h->pw_dir,
			    h->pw_shell);
			bad = 1;
		}
	}
	k_endpwent();
	if (!bad && ((k = k_getpwnam("root")) == NULL || k->pw_uid != 0 ||
	    (k = k_getpwuid(0)) == NULL || strcmp(k->pw_name, "root") != 0 ||
	    k_getpwnam("no-such-user-here") != NULL)) {
		printf("FAIL pwd_getpwent: lookups of root or of nobody\n");
		bad = 1;
	}
	if (!bad && n == 0) {
		printf("FAIL pwd_getpwent: no entries read\n");
		bad = 1;
	}
	failures += bad;
	if (!bad)
		printf("PASS pwd_getpwent\n");
}

static void
test_group(void)
{
	struct group *k;
	struct glibc_group *h;
	char name[64];
	int bad = 0, i;
	gid_t gid;

	k_setgrent();
	while ((k = k_getgrent()) != NULL && !bad) {
		strncpy(name, k->gr_name, sizeof(name) - 1);
		name[sizeof(name) - 1] = '\0';
		gid = k->gr_gid;
		for (i = 0; k->gr_mem[i] != NULL; i++)
			;
		if ((h = getgrnam(name)) == NULL)
			continue;
		if (gid != h->gr_gid) {
			printf("FAIL pwd_getgrent: %s: gid %u, host %u\n", name,
			    gid, h->gr_gid);
			bad = 1;
		}
	}
	k_endgrent();
	if (!bad && ((k = k_getgrgid(0)) == NULL ||
	    k_getgrnam("no-such-group-here") != NULL)) {
		printf("FAIL pwd_getgrent: lookups of group 0 or of nothing\n");
		bad = 1;
	}
	failures += bad;
	if (!bad)
		printf("PASS pwd_getgrent\n");
}

int
main(void)
{
	test_passwd();
	test_group();
	return failures != 0;
}
