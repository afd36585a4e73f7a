/*
 * test_sys_queue.c - the list macros of user/include/sys/queue.h (used
 * directly: they are only macros): every operation of SLIST, STAILQ, LIST
 * and TAILQ, checking the order seen walking forwards (and backwards for
 * TAILQ) and the head's tail pointer after each change, including the
 * _SAFE loops removing as they go, CONCAT and SWAP with empty lists.
 */
#include <stdio.h>
#include <string.h>
#include "include/sys/queue.h"

static int failures;

struct node {
	int			v;
	SLIST_ENTRY(node)	sl;
	STAILQ_ENTRY(node)	stq;
	LIST_ENTRY(node)	l;
	TAILQ_ENTRY(node)	tq;
};

SLIST_HEAD(shead, node);
STAILQ_HEAD(sthead, node);
LIST_HEAD(lhead, node);
TAILQ_HEAD(thead, node);

static struct node n[10];

#define WALK(buf, var, head, kind, field) do {				\
	char *p_ = (buf);						\
	*p_ = '\0';							\
	kind##_FOREACH(var, head, field)				\
		p_ += sprintf(p_, "%d", (var)->v);			\
} while (0)

static void
expect(const char *name, const char *got, const char *want)
{
	if (strcmp(got, want) != 0) {
		failures++;
		printf("FAIL %s: \"%s\", expected \"%s\"\n", name, got, want);
	}
}

static void
test_slist(void)
{
	struct shead h = SLIST_HEAD_INITIALIZER(h), h2;
	struct node *v, *t;
	char buf[32];
	int before = failures;

	SLIST_INSERT_HEAD(&h, &n[1], sl);
	SLIST_INSERT_HEAD(&h, &n[0], sl);
	SLIST_INSERT_AFTER(&n[1], &n[3], sl);
	SLIST_INSERT_AFTER(&n[1], &n[2], sl);
	WALK(buf, v, &h, SLIST, sl);
	expect("queue_slist", buf, "0123");
	SLIST_REMOVE(&h, &n[2], node, sl);
	SLIST_REMOVE_HEAD(&h, sl);
	WALK(buf, v, &h, SLIST, sl);
	expect("queue_slist", buf, "13");
	SLIST_FOREACH_SAFE(v, &h, sl, t)
		if (v->v == 1)
			SLIST_REMOVE(&h, v, node, sl);
	WALK(buf, v, &h, SLIST, sl);
	expect("queue_slist", buf, "3");
	SLIST_INIT(&h2);
	SLIST_INSERT_HEAD(&h2, &n[5], sl);
	SLIST_CONCAT(&h, &h2, node, sl);
	WALK(buf, v, &h, SLIST, sl);
	expect("queue_slist", buf, "35");
	SLIST_SWAP(&h, &h2, node);
	WALK(buf, v, &h2, SLIST, sl);
	expect("queue_slist", buf, "35");
	if (!SLIST_EMPTY(&h) || SLIST_FIRST(&h2) != &n[3] ||
	    SLIST_NEXT(&n[3], sl) != &n[5])
		expect("queue_slist", "bad head", "");
	if (failures == before)
		printf("PASS queue_slist\n");
}

static void
test_stailq(void)
{
	struct sthead h = STAILQ_HEAD_INITIALIZER(h), h2;
	struct node *v, *t;
	char buf[32];
	int before = failures;

	STAILQ_INSERT_TAIL(&h, &n[2], stq);
	STAILQ_INSERT_HEAD(&h, &n[0], stq);
	STAILQ_INSERT_AFTER(&h, &n[0], &n[1], stq);
	STAILQ_INSERT_AFTER(&h, &n[2], &n[3], stq);	/* a new tail */
	STAILQ_INSERT_TAIL(&h, &n[4], stq);
	WALK(buf, v, &h, STAILQ, stq);
	expect("queue_stailq", buf, "01234");
	if (STAILQ_LAST(&h, node, stq) != &n[4])
		expect("queue_stailq", "last", "4");
	STAILQ_REMOVE(&h, &n[4], node, stq);		/* the tail */
	STAILQ_INSERT_TAIL(&h, &n[5], stq);
	STAILQ_REMOVE_HEAD(&h, stq);
	WALK(buf, v, &h, STAILQ, stq);
	expect("queue_stailq", buf, "1235");
	STAILQ_FOREACH_SAFE(v, &h, stq, t)
		STAILQ_REMOVE(&h, v, node, stq);
	if (!STAILQ_EMPTY(&h) || STAILQ_LAST(&h, node, stq) != NULL)
		expect("queue_stailq", "not empty", "");
	STAILQ_INSERT_TAIL(&h, &n[7], stq);
	STAILQ_INIT(&h2);
	STAILQ_INSERT_TAIL(&h2, &n[8], stq);
	STAILQ_INSERT_TAIL(&h2, &n[9], stq);
	STAILQ_CONCAT(&h, &h2);
	STAILQ_INSERT_TAIL(&h, &n[6], stq);
	WALK(buf, v, &h, STAILQ, stq);
	expect("queue_stailq", buf, "7896");
	STAILQ_SWAP(&h, &h2, node);
	STAILQ_INSERT_TAIL(&h, &n[1], stq);		/* h was emptied */
	WALK(buf, v, &h, STAILQ, stq);
	expect("queue_stailq", buf, "1");
	WALK(buf, v, &h2, STAILQ, stq);
	expect("queue_stailq", buf, "7896");
	if (failures == before)
		printf("PASS queue_stailq\n");
}

static void
test_list(void)
{
	struct lhead h = LIST_HEAD_INITIALIZER(h), h2;
	struct node *v, *t;
	char buf[32];
	int before = failures;

	LIST_INSERT_HEAD(&h, &n[2], l);
	LIST_INSERT_HEAD(&h, &n[0], l);
	LIST_INSERT_AFTER(&n[0], &n[1], l);
	LIST_INSERT_BEFORE(&n[0], &n[9], l);	/* a new head */
	LIST_INSERT_AFTER(&n[2], &n[3], l);
	WALK(buf, v, &h, LIST, l);
	expect("queue_list", buf, "90123");
	if (LIST_PREV(&n[9], &h, node, l) != NULL ||
	    LIST_PREV(&n[1], &h, node, l) != &n[0])
		expect("queue_list", "prev", "");
	LIST_REMOVE(&n[9], l);
	LIST_REMOVE(&n[2], l);
	LIST_REMOVE(&n[3], l);
	WALK(buf, v, &h, LIST, l);
	expect("queue_list", buf, "01");
	LIST_INIT(&h2);
	LIST_INSERT_HEAD(&h2, &n[5], l);
	LIST_CONCAT(&h, &h2, node, l);
	LIST_FOREACH_SAFE(v, &h, l, t)
		if (v->v == 0)
			LIST_REMOVE(v, l);
	WALK(buf, v, &h, LIST, l);
	expect("queue_list", buf, "15");
	LIST_SWAP(&h, &h2, node, l);
	LIST_INSERT_HEAD(&h2, &n[4], l);
	WALK(buf, v, &h2, LIST, l);
	expect("queue_list", buf, "415");
	if (!LIST_EMPTY(&h))
		expect("queue_list", "not empty", "");
	if (failures == before)
		printf("PASS queue_list\n");
}

static void
test_tailq(void)
{
	struct thead h = TAILQ_HEAD_INITIALIZER(h), h2;
	struct node *v, *t;
	char buf[32], *p;
	int before = failures;

	TAILQ_INSERT_TAIL(&h, &n[1], tq);
	TAILQ_INSERT_HEAD(&h, &n[0], tq);
	TAILQ_INSERT_TAIL(&h, &n[3], tq);
	TAILQ_INSERT_BEFORE(&n[3], &n[2], tq);
	TAILQ_INSERT_AFTER(&h, &n[3], &n[4], tq);
	WALK(buf, v, &h, TAILQ, tq);
	expect("queue_tailq", buf, "01234");
	p = buf;
	TAILQ_FOREACH_REVERSE(v, &h, thead, tq)
		p += sprintf(p, "%d", v->v);
	expect("queue_tailq", buf, "43210");
	if (TAILQ_LAST(&h, thead) != &n[4] ||
	    TAILQ_PREV(&n[0], thead, tq) != NULL ||
	    TAILQ_PREV(&n[2], thead, tq) != &n[1])
		expect("queue_tailq", "last or prev", "");
	TAILQ_REMOVE(&h, &n[4], tq);
	TAILQ_REMOVE(&h, &n[0], tq);
	TAILQ_INSERT_TAIL(&h, &n[5], tq);
	p = buf;
	TAILQ_FOREACH_REVERSE_SAFE(v, &h, thead, tq, t) {
		p += sprintf(p, "%d", v->v);
		if (v->v % 2 == 0)
			TAILQ_REMOVE(&h, v, tq);
	}
	expect("queue_tailq", buf, "5321");
	WALK(buf, v, &h, TAILQ, tq);
	expect("queue_tailq", buf, "135");
	TAILQ_INIT(&h2);
	TAILQ_INSERT_TAIL(&h2, &n[7], tq);
	TAILQ_CONCAT(&h, &h2, tq);
	TAILQ_INSERT_TAIL(&h, &n[8], tq);
	WALK(buf, v, &h, TAILQ, tq);
	expect("queue_tailq", buf, "13578");
	TAILQ_SWAP(&h, &h2, node, tq);
	TAILQ_INSERT_TAIL(&h, &n[6], tq);
	TAILQ_INSERT_HEAD(&h2, &n[0], tq);
	WALK(buf, v, &h, TAILQ, tq);
	expect("queue_tailq", buf, "6");
	p = buf;
	TAILQ_FOREACH_REVERSE(v, &h2, thead, tq)
		p += sprintf(p, "%d", v->v);
	expect("queue_tailq", buf, "875310");
	if (failures == before)
		printf("PASS queue_tailq\n");
}

int
main(void)
{
	for (int i = 0; i < 10; i++)
		n[i].v = i;
	test_slist();
	test_stailq();
	test_list();
	test_tailq();
	return failures != 0;
}
