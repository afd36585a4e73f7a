/*
 * pthread_key.c - thread-specific data: PTHREAD_KEYS_MAX keys, each a
 * slot of every thread's pt_specific array, with an optional destructor
 * that pthread_exit runs on the thread's non-NULL values (again, up to
 * PTHREAD_DESTRUCTOR_ITERATIONS times, while destructors set new ones).
 */
#include <errno.h>
#include <pthread.h>
#include "libc_lock.h"
#include "thr_impl.h"

static struct {
	int	used;
	void	(*dtor)(void *);
} keys[PTHREAD_KEYS_MAX];
static struct __libc_lock key_lock;

int
pthread_key_create(pthread_key_t *key, void (*dtor)(void *))
{
	int k;

	__libc_lock(&key_lock);
	for (k = 0; k < PTHREAD_KEYS_MAX && keys[k].used; k++)
		;
	if (k < PTHREAD_KEYS_MAX) {
		keys[k].used = 1;
		keys[k].dtor = dtor;
	}
	__libc_unlock(&key_lock);
	if (k == PTHREAD_KEYS_MAX)
		return EAGAIN;
	*key = k;
	return 0;
}

int
pthread_key_delete(pthread_key_t key)
{
	if (key < 0 || key >= PTHREAD_KEYS_MAX || !keys[key].used)
		return EINVAL;
	keys[key].used = 0;
	keys[key].dtor = NULL;
	return 0;
}

void *
pthread_getspecific(pthread_key_t key)
{
	if (key < 0 || key >= PTHREAD_KEYS_MAX)
		return NULL;
	return (void *)_thr_self()->pt_specific[key];
}

int
pthread_setspecific(pthread_key_t key, const void *value)
{
	if (key < 0 || key >= PTHREAD_KEYS_MAX || !keys[key].used)
		return EINVAL;
	_thr_self()->pt_specific[key] = value;
	return 0;
}

void
_thr_run_destructors(struct pthread *t)
{
	int round, k, again = 1;
	void *v;

	for (round = 0; again && round < PTHREAD_DESTRUCTOR_ITERATIONS; round++) {
		again = 0;
		for (k = 0; k < PTHREAD_KEYS_MAX; k++) {
			if ((v = (void *)t->pt_specific[k]) == NULL ||
			    !keys[k].used || keys[k].dtor == NULL)
				continue;
			t->pt_specific[k] = NULL;
			keys[k].dtor(v);
			again = 1;
		}
	}
}
