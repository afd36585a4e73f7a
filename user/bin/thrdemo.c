/*
 * thrdemo - the three-thread program that docs/threads.md, the dbg thread
 * suite and the gdb thread test debug. Its shape is a promise: the names
 * below are stable and the tests rely on them.
 *
 * main names itself "main", starts two threads, which name themselves
 * "worker-1" and "worker-2", and joins them. Each worker calls spot(id)
 * once: worker-1 first (once worker-2 has its name), then worker-2, which
 * waits on a semaphore that worker-1 posts after its spot returns.
 * spot(id) adds id to the global `visits` and returns id * 10; the workers
 * add that to `total` under a mutex. main prints
 *	total = 30
 * and exits with status total (30). Break at spot and the first stop is
 * worker-1's, with main waiting in pthread_join and worker-2 in sem_wait.
 */
#include <pthread.h>
#include <pthread_np.h>
#include <semaphore.h>
#include <stdio.h>

int visits, total;
static sem_t named, second;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

__attribute__((noinline)) int
spot(int id)
{
	visits += id;
	return id * 10;
}

static void *
worker(void *arg)
{
	int id = (int)arg, v;

	pthread_set_name_np(pthread_self(), id == 1 ? "worker-1" : "worker-2");
	if (id == 1)
		sem_wait(&named);	/* worker-2 has its name first */
	if (id == 2) {
		sem_post(&named);
		sem_wait(&second);
	}
	v = spot(id);
	pthread_mutex_lock(&lock);
	total += v;
	pthread_mutex_unlock(&lock);
	if (id == 1)
		sem_post(&second);
	return NULL;
}

int
main(void)
{
	pthread_t t1, t2;

	sem_init(&named, 0, 0);
	sem_init(&second, 0, 0);
	pthread_set_name_np(pthread_self(), "main");
	pthread_create(&t1, NULL, worker, (void *)1);
	pthread_create(&t2, NULL, worker, (void *)2);
	pthread_join(t1, NULL);
	pthread_join(t2, NULL);
	printf("total = %d\n", total);
	return total;
}
