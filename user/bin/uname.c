/*
 * uname - the system's name: uname [-amnprsv]. -s the system (the
 * default), -n the node, -r the release, -v the version, -m the machine,
 * -p the processor, -a all of them but -p, in that order. The names come
 * from uname(2).
 */
#include <sys/utsname.h>
#include <stddef.h>
#include <err.h>
#include <stdio.h>
#include <unistd.h>

#define SFLAG	0x01
#define NFLAG	0x02
#define RFLAG	0x04
#define VFLAG	0x08
#define MFLAG	0x10
#define PFLAG	0x20

int
main(int argc, char *argv[])
{
	static const struct {
		int	flag;
		size_t	off;
	} fields[] = {
		{ SFLAG, offsetof(struct utsname, sysname) },
		{ NFLAG, offsetof(struct utsname, nodename) },
		{ RFLAG, offsetof(struct utsname, release) },
		{ VFLAG, offsetof(struct utsname, version) },
		{ MFLAG, offsetof(struct utsname, machine) },
		{ PFLAG, offsetof(struct utsname, machine) },
	};
	struct utsname u;
	int ch, flags = 0, first = 1;
	size_t i;

	while ((ch = getopt(argc, argv, "amnprsv")) != -1)
		switch (ch) {
		case 'a': flags |= SFLAG | NFLAG | RFLAG | VFLAG | MFLAG; break;
		case 'm': flags |= MFLAG; break;
		case 'n': flags |= NFLAG; break;
		case 'p': flags |= PFLAG; break;
		case 'r': flags |= RFLAG; break;
		case 's': flags |= SFLAG; break;
		case 'v': flags |= VFLAG; break;
		default:
			fprintf(stderr, "usage: uname [-amnprsv]\n");
			return 1;
		}
	if (optind < argc) {
		fprintf(stderr, "usage: uname [-amnprsv]\n");
		return 1;
	}
	if (flags == 0)
		flags = SFLAG;
	if (uname(&u) == -1)
		err(1, "uname");
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (flags & fields[i].flag) {
			printf("%s%s", first ? "" : " ",
			    (char *)&u + fields[i].off);
			first = 0;
		}
	putchar('\n');
	return 0;
}
