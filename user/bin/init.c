/*
 * init - process 1. With no arguments it runs the shell on the console,
 * again whenever the shell exits (and says so: typing exit or ^D at the
 * prompt gives a fresh shell, it does not end the system). With arguments (the kernel option
 * init=PROG and the words after "--") it runs that one program as the job
 * instead, as a session of its own in the foreground of the console, and
 * when the job ends it reports the status and powers the machine off with
 * the status as the emulator's exit code (128+N for a death by signal N):
 * this is how `make run-prog` and the test suite run programs. In both
 * cases it reaps every orphan that is handed to it.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <unistd.h>

#define SHELL	"/bin/sh"

/*
 * Starts argv as a session of its own (setsid), with the console as its
 * controlling terminal (TIOCSCTTY) and its group in the foreground, the way
 * FreeBSD's getty and login start a user's shell. init itself stays outside
 * that session: nothing typed at the console reaches it, and the kernel
 * takes no default action of any signal for process 1.
 */
static pid_t
spawn(char **argv)
{
	pid_t pid = fork();

	if (pid < 0) {
		perror("init: fork");
		return -1;
	}
	if (pid == 0) {
		if (setsid() == -1 || ioctl(STDIN_FILENO, TIOCSCTTY, 0) == -1)
			perror("init: the console as controlling terminal");
		execv(argv[0], argv);
		fprintf(stderr, "init: cannot run %s: %s\n", argv[0],
		    strerror(errno));
		_exit(127);
	}
	return pid;
}

/* Wait until job ends, reaping any other child on the way. */
static int
wait_for(pid_t job)
{
	int status;
	pid_t pid;

	for (;;) {
		pid = wait(&status);
		if (pid == job)
			return status;
		if (pid < 0 && errno == ECHILD)
			return -1;
	}
}

static int
exit_code(int status)
{
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return 255;
}

/*
 * The job's output lies between the "running job" line and the report, which
 * starts with a newline of its own (the job's last line may lack one):
 * tools/run_prog.py relays exactly what is in between.
 */
static void
run_job(char **argv)
{
	int status, code;

	printf("init: running job %s\n", argv[0]);
	fflush(stdout);
	status = wait_for(spawn(argv));
	code = exit_code(status);
	printf("\n");
	if (WIFSIGNALED(status))
		printf("init: job %s killed by signal %d\n", argv[0],
		    WTERMSIG(status));
	printf("init: job exited with status %d\n", code);
	fflush(stdout);
	reboot(RB_POWEROFF | RB_EXITCODE(code));
}

int
main(int argc, char **argv)
{
	char *shell[] = { SHELL, NULL };

	(void)argc;
	if (getpid() != 1) {
		fprintf(stderr, "init: must run as process 1\n");
		return 1;
	}
	if (argv[1] != NULL)
		run_job(argv + 1);
	for (;;) {
		pid_t sh = spawn(shell);
		int status = sh < 0 ? -1 : wait_for(sh);

		if (status < 0) {
			sleep(1);
			continue;
		}
		printf("init: the shell exited with status %d; starting a new "
		    "one\n", exit_code(status));
		fflush(stdout);
	}
}
