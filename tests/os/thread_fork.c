// RUN: qemu hz=1000
/*
 * thread_fork.c - fork, exec and exit in the thread library's world:
 * pthread_atfork's handlers run in POSIX's order (prepare last registered
 * first, parent and child in registration order), in a program without
 * threads too; a fork while another thread is inside malloc leaves the
 * child a heap it can use (fork holds the heap lock across the call);
 * process-shared semaphores in a MAP_SHARED mapping work between a parent
 * and its child, including a sem_wait that sleeps in one process until
 * the other posts; and an exit racing an exec from another thread ends
 * the process one way or the other, never both and never neither.
 */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lib/ktest.h"

static char trail[32];
static int ntrail;

/* The handlers: each leaves its letter on the trail. */
#define HANDLER(name, c)						\
static void								\
name(void)								\
{									\
	trail[ntrail++] = (c);						\
}
HANDLER(prep1, 'a')
HANDLER(prep2, 'b')
HANDLER(par1, 'P')
HANDLER(par2, 'Q')
HANDLER(chi1, 'c')
HANDLER(chi2, 'd')

/*
 * Two handler triples (the second with no parent handler): prepare runs
 * b then a; the parent runs P; the child c then d. The child reports its
 * trail through its exit status.
 */
static int
test_atfork_order(void)
{
	int status;
	pid_t pid;

	KT_CHECK(pthread_atfork(prep1, par1, chi1) == 0, "first");
	KT_CHECK(pthread_atfork(prep2, NULL, chi2) == 0, "second");
	KT_CHECK(pthread_atfork(NULL, par2, NULL) == 0, "third");
	if ((pid = fork()) == 0)
		_exit(strcmp(trail, "bacd") == 0 ? 0 : 1);
	KT_CHECK(pid > 0, "fork: errno %d", errno);
	KT_CHECK(strcmp(trail, "baPQ") == 0, "the parent's trail %s", trail);
	KT_CHECK(kt_wait_status(pid, &status) == pid && status == 0,
	    "the child's trail was wrong (status %#x)", status);
	return 0;
}

/* pthread_atfork has room for 32 triples; the 33rd is ENOMEM. */
static int
test_atfork_full(void)
{
	int i, r = 0;

	for (i = 0; i < 32 && r == 0; i++)
		r = pthread_atfork(NULL, NULL, NULL);
	KT_CHECK(r == 0, "triple %d: %d", i, r);
	KT_CHECK(pthread_atfork(NULL, NULL, NULL) == ENOMEM, "the 33rd");
	return 0;
}

static volatile int churn_stop;

/* Allocates and frees without a pause: mostly inside malloc or free. */
static void *
churner(void *arg)
{
	void *p[8];
	unsigned i = 0;

	(void)arg;
	memset(p, 0, sizeof(p));
	while (!churn_stop) {
		free(p[i % 8]);
		p[i % 8] = malloc(16 + (i * 37) % 3000);
		i++;
	}
	for (i = 0; i < 8; i++)
		free(p[i]);
	return NULL;
}

/* Wait up to 3 s for pid; its status, or -1 (then it is killed). */
static int
wait_briefly(pid_t pid)
{
	int status, i;

	for (i = 0; i < 300; i++) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			return status;
		usleep(10000);
	}
	kill(pid, SIGKILL);
	kt_wait_status(pid, &status);
	return -1;
}

/*
 * Fork 40 times while another thread churns the heap under a 1000 Hz
 * clock: every child can malloc and free (none finds the heap lock held
 * by a thread it does not have).
 */
static int
test_fork_during_malloc(void)
{
	pthread_t t;
	int i, status;
	pid_t pid;

	KT_CHECK(pthread_create(&t, NULL, churner, NULL) == 0, "create");
	for (i = 0; i < 40; i++) {
		usleep(2000);
		if ((pid = fork()) == 0) {
			void *p = malloc(100);

			free(p);
			_exit(p != NULL ? 0 : 1);
		}
		KT_CHECK(pid > 0, "fork %d: errno %d", i, errno);
		status = wait_briefly(pid);
		if (status != 0) {
			churn_stop = 1;
			pthread_join(t, NULL);
		}
		KT_CHECK(status == 0, "child %d: status %#x (-1: hung)", i,
		    status);
	}
	churn_stop = 1;
	pthread_join(t, NULL);
	return 0;
}

struct shared {
	sem_t	ping, pong;
	int	rounds;
};

/* sem_wait, but giving up after 2 s (a lost wake fails the case quickly). */
static int
wait_2s(sem_t *s)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += 2;
	return sem_timedwait(s, &ts);
}

/*
 * Semaphores with pshared in a MAP_SHARED page: the child sleeps in
 * sem_wait until the parent posts, then 200 round trips between the two
 * processes; the mapping goes away without a leak.
 */
static int
test_pshared_sem(void)
{
	struct shared *sh;
	int i, status, v = -1;
	pid_t pid;

	sh = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANON,
	    -1, 0);
	KT_CHECK(sh != MAP_FAILED, "mmap: errno %d", errno);
	KT_CHECK(sem_init(&sh->ping, 1, 0) == 0 && sem_init(&sh->pong, 1, 0) ==
	    0, "sem_init: errno %d", errno);
	if ((pid = fork()) == 0) {
		for (i = 0; i < 201; i++) {
			if (wait_2s(&sh->ping) != 0)
				_exit(1);
			sh->rounds++;
			sem_post(&sh->pong);
		}
		_exit(0);
	}
	KT_CHECK(pid > 0, "fork: errno %d", errno);
	usleep(30000);		/* the child is asleep in sem_wait by now */
	KT_CHECK(sh->rounds == 0, "the child did not wait");
	for (i = 0; i < 201; i++) {
		sem_post(&sh->ping);
		if (wait_2s(&sh->pong) != 0)
			break;
	}
	status = wait_briefly(pid);
	KT_CHECK(status == 0 && sh->rounds == 201, "status %#x after %d rounds",
	    status, sh->rounds);
	KT_CHECK(sem_getvalue(&sh->ping, &v) == 0 && v == 0, "value %d", v);
	sem_destroy(&sh->ping);
	sem_destroy(&sh->pong);
	KT_CHECK(munmap(sh, 4096) == 0, "munmap");
	return 0;
}

static pthread_barrier_t start;

/* Burn about n units of CPU: shifts the race between the two threads. */
static void
spin(int n)
{
	volatile int i;

	for (i = 0; i < n * 2000; i++)
		;
}

static void *
racer_exec(void *arg)
{
	char *argv[] = { "true", NULL };

	pthread_barrier_wait(&start);
	spin((int)arg);
	execv("/bin/true", argv);
	_exit(99);
}

/* Exits after arg ms asleep (0: at once), which lets the exec go first. */
static void *
racer_exit(void *arg)
{
	pthread_barrier_wait(&start);
	if ((int)arg > 0)
		usleep((int)arg * 1000);
	_exit(5);
}

/*
 * One thread execs /bin/true while another calls _exit(5), at 40 offsets
 * from each other: each child ends with status 0 (the exec won, and its
 * single-threading ended the exiting thread where it slept) or 5 (the exit
 * won, and the exec gave up its new image), never hangs, and both
 * outcomes happen.
 */
static int
test_exit_races_exec(void)
{
	int i, status, won_exec = 0, won_exit = 0;
	pthread_t a, b;
	pid_t pid;

	for (i = 0; i < 40; i++) {
		if ((pid = fork()) == 0) {
			pthread_barrier_init(&start, NULL, 3);
			pthread_create(&a, NULL, racer_exec, (void *)(i % 8));
			pthread_create(&b, NULL, racer_exit, (void *)(i / 8));
			pthread_barrier_wait(&start);
			pause();
			_exit(98);
		}
		KT_CHECK(pid > 0, "fork %d: errno %d", i, errno);
		status = wait_briefly(pid);
		KT_CHECK(WIFEXITED(status) && (WEXITSTATUS(status) == 0 ||
		    WEXITSTATUS(status) == 5), "round %d: status %#x (-1: hung)",
		    i, status);
		if (WEXITSTATUS(status) == 0)
			won_exec++;
		else
			won_exit++;
	}
	KT_CHECK(won_exec > 0 && won_exit > 0, "exec won %d times, exit %d",
	    won_exec, won_exit);
	return 0;
}

int
main(void)
{
	kt_suite("thread_fork");
	kt_run("atfork_order", test_atfork_order);
	kt_run("atfork_full", test_atfork_full);
	kt_run("fork_during_malloc", test_fork_during_malloc);
	kt_run("pshared_sem", test_pshared_sem);
	kt_run("exit_races_exec", test_exit_races_exec);
	return kt_finish();
}
