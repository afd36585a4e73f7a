// RUN: qemu fpu=lazy
// RUN: qemu | -cpu pentium
/*
 * fpu_owner.c - FPU state only for the threads that use the FPU. A process
 * that has not used the FPU since exec owns no FPU state (kinfo
 * KINFO_FPUSTATE is 0), also while another process's values are live and
 * across switches to and from that process; its first FP instruction sees
 * the clean state, nothing of the other's; and switching between two such
 * processes saves and loads no FPU image at all (KINFO_FPUSAVES does not
 * move). Eager and lazy switching, FXSAVE and FNSAVE (-cpu pentium).
 */
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "fpu_lib.h"

/* Run the image /test/fpu_owner MODE SEED in a child; its exit status. */
static int
run_image(const char *mode, const char *seed)
{
	int status;
	pid_t pid;

	if ((pid = fork()) == 0) {
		char *argv[] = { "fpu_owner", (char *)mode, (char *)seed, NULL };

		execv("/test/fpu_owner", argv);
		_exit(99);
	}
	if (pid < 0 || kt_wait_status(pid, &status) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
}

/*
 * main() of the image first_touch starts, while another process's values
 * are loaded: no FPU state of its own, before and after switches to and
 * from that process; its first FP instruction sees the clean state.
 */
static int
first_touch_child(unsigned seed)
{
	struct fppattern p;
	struct fpview v;
	char why[120];
	int i;

	if (kinfo(KINFO_FPUSTATE) != 0)
		return 2;
	for (i = 0; i < 20; i++)
		sched_yield();
	if (kinfo(KINFO_FPUSTATE) != 0)
		return 3;
	fpu_snapshot(&v);
	fpu_pattern(&p, seed);
	if (!fpu_is_clean(&v, why, sizeof(why))) {
		kt_log("first touch: %s", why);
		return 4;
	}
	if (fpu_shows(&p, &v))
		return 5;
	return kinfo(KINFO_FPUSTATE) == 1 ? 0 : 6;
}

static int
test_first_touch(void)
{
	struct fppattern p;
	int r, ready[2];
	char c;
	pid_t owner;

	KT_CHECK(pipe(ready) == 0, "pipe");
	if ((owner = fork()) == 0) {
		fpu_pattern(&p, 8);
		fpu_load(&p);
		write(ready[1], "x", 1);
		for (;;)
			sched_yield();
	}
	KT_CHECK(owner > 0, "fork");
	KT_CHECK(read(ready[0], &c, 1) == 1, "the owner did not start");
	r = run_image("first-touch", "8");
	kill(owner, SIGKILL);
	kt_wait_status(owner, NULL);
	close(ready[0]);
	close(ready[1]);
	KT_CHECK(r == 0, "the new image: %d (2, 3: it owns FPU state before "
	    "using the FPU, 4: not the clean state, 5: the other process's "
	    "values, 6: no state after its first FP instruction)", r);
	return 0;
}

/*
 * main() of the image no_images starts: it and its fork child, neither
 * ever using the FPU, hand the CPU to each other; the switches between
 * them save and load no FPU image (after the first, which may have had to
 * put away the test's own).
 */
static int
no_images_child(void)
{
	int i, images, sw, status;
	pid_t pid;

	if ((pid = fork()) == 0) {
		for (i = 0; i < 210; i++)
			sched_yield();
		_exit(0);
	}
	for (i = 0; i < 10; i++)
		sched_yield();
	images = kinfo(KINFO_FPUSAVES);
	sw = kinfo(KINFO_CTXSWITCHES);
	for (i = 0; i < 200; i++)
		sched_yield();
	images = kinfo(KINFO_FPUSAVES) - images;
	sw = kinfo(KINFO_CTXSWITCHES) - sw;
	kt_wait_status(pid, &status);
	if (sw < 200)
		return 2;
	if (images != 0) {
		kt_log("%d FPU images moved in %d switches", images, sw);
		return 3;
	}
	return kinfo(KINFO_FPUSTATE) == 0 ? 0 : 4;
}

static int
test_no_images(void)
{
	int r = run_image("no-images", "0");

	KT_CHECK(r == 0, "the new image: %d (2: too few switches, 3: FPU "
	    "images saved or loaded, 4: it owns FPU state)", r);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "first-touch") == 0)
		return first_touch_child(strtoul(argv[2], NULL, 10));
	if (argc == 3 && strcmp(argv[1], "no-images") == 0)
		return no_images_child();
	kt_suite("fpu_owner");
	kt_run("first_touch", test_first_touch);
	kt_run("no_images", test_no_images);
	return kt_finish();
}
