/*
 * id - who am I: id [-g | -u | -G] [-nr] [user].
 *
 * With no option: "uid=0(root) gid=0(wheel) groups=0(wheel)", the names
 * from /etc/passwd and /etc/group, with "euid=" and "egid=" when they
 * differ from the real ids. -u, -g and -G print only the user id, the group
 * id or the groups, -n as names and -r the real instead of the effective
 * id. Kestrel keeps no supplementary groups, so a process's groups are its
 * group id. With a user name (or number) the ids are that user's, from
 * /etc/passwd.
 */
#include <err.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void
usage(void)
{
	fprintf(stderr, "usage: id [user]\n       id -G [-n] [user]\n"
	    "       id -g [-nr] [user]\n       id -u [-nr] [user]\n");
	exit(1);
}

static void
print_user(const char *label, uid_t uid)
{
	struct passwd *pw = getpwuid(uid);

	printf("%s=%u", label, (unsigned)uid);
	if (pw != NULL)
		printf("(%s)", pw->pw_name);
}

static void
print_group(const char *label, gid_t gid)
{
	struct group *gr = getgrgid(gid);

	printf("%s=%u", label, (unsigned)gid);
	if (gr != NULL)
		printf("(%s)", gr->gr_name);
}

/* One id for -u or -g: a number, or with -n its name if it has one. */
static void
print_one(unsigned id, int group, int names)
{
	struct passwd *pw;
	struct group *gr;

	if (names && !group && (pw = getpwuid(id)) != NULL)
		printf("%s\n", pw->pw_name);
	else if (names && group && (gr = getgrgid(id)) != NULL)
		printf("%s\n", gr->gr_name);
	else
		printf("%u\n", id);
}

int
main(int argc, char *argv[])
{
	int ch, gflag = 0, uflag = 0, Gflag = 0, nflag = 0, rflag = 0;
	uid_t uid = getuid(), euid = geteuid();
	gid_t gid = getgid(), egid = getegid();
	struct passwd *pw;
	char *end;

	while ((ch = getopt(argc, argv, "gGnru")) != -1)
		switch (ch) {
		case 'g':
			gflag = 1;
			break;
		case 'G':
			Gflag = 1;
			break;
		case 'n':
			nflag = 1;
			break;
		case 'r':
			rflag = 1;
			break;
		case 'u':
			uflag = 1;
			break;
		default:
			usage();
		}
	argc -= optind;
	argv += optind;
	if (gflag + uflag + Gflag > 1 || argc > 1 ||
	    ((nflag || rflag) && !(gflag || uflag || Gflag)))
		usage();
	if (argc == 1) {
		pw = getpwnam(argv[0]);
		if (pw == NULL && (uid = (uid_t)strtoul(argv[0], &end, 10),
		    *end == '\0'))
			pw = getpwuid(uid);
		if (pw == NULL)
			errx(1, "%s: no such user", argv[0]);
		uid = euid = pw->pw_uid;
		gid = egid = pw->pw_gid;
	}
	if (uflag) {
		print_one(rflag ? uid : euid, 0, nflag);
		return 0;
	}
	if (gflag || Gflag) {
		print_one(rflag ? gid : egid, 1, nflag);
		return 0;
	}
	print_user("uid", uid);
	putchar(' ');
	print_group("gid", gid);
	if (euid != uid) {
		putchar(' ');
		print_user("euid", euid);
	}
	if (egid != gid) {
		putchar(' ');
		print_group("egid", egid);
	}
	putchar(' ');
	print_group("groups", egid);
	putchar('\n');
	return 0;
}
