/*
 * reboot, poweroff - end the system: reboot [-np] restarts the machine,
 * poweroff (or reboot -p) turns it off. Only root may. As FreeBSD's reboot
 * does, every other process is first sent SIGTERM, given a moment to
 * finish, then SIGKILL (-n: skip that and stop at once).
 */
#include <err.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
	const char *name = strrchr(argv[0], '/') != NULL ?
	    strrchr(argv[0], '/') + 1 : argv[0];
	int ch, howto = strcmp(name, "poweroff") == 0 ? RB_POWEROFF : RB_AUTOBOOT;
	int nflag = 0;

	while ((ch = getopt(argc, argv, "np")) != -1)
		switch (ch) {
		case 'n':
			nflag = 1;
			break;
		case 'p':
			howto = RB_POWEROFF;
			break;
		default:
			fprintf(stderr, "usage: %s [-n%s]\n", name,
			    howto == RB_POWEROFF ? "" : "p");
			return 1;
		}
	if (geteuid() != 0)
		errx(1, "%s", strerror(1));	/* EPERM: "Operation not permitted" */
	if (!nflag) {
		/* The shell ends too, and its session's hangup must not end us. */
		signal(SIGHUP, SIG_IGN);
		signal(SIGTERM, SIG_IGN);
		kill(-1, SIGTERM);
		sleep(1);
		kill(-1, SIGKILL);
	}
	printf("%s\n", howto == RB_POWEROFF ? "Powering off." : "Rebooting.");
	fflush(stdout);
	reboot(howto);
	err(1, "reboot");
}
