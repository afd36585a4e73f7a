/*
 * sys/queue.h - FreeBSD's intrusive lists, as macros: the links live inside
 * the elements, so adding or removing never allocates.
 *
 *	SLIST	singly linked; O(1) insert at the head or after an element
 *	STAILQ	singly linked with a tail pointer; O(1) insert at the tail too
 *	LIST	doubly linked; O(1) removal of any element
 *	TAILQ	doubly linked with a tail pointer; walks both ways
 *
 * Each kind has NAME_HEAD(name, type) for the list head, NAME_ENTRY(type)
 * for the link field inside an element, and the operations of queue(3)
 * with FreeBSD's names and argument orders. The _SAFE loops allow the
 * current element to be removed (or freed) inside the loop.
 */
#ifndef _SYS_QUEUE_H_
#define _SYS_QUEUE_H_

#include <stddef.h>

#ifndef __containerof
#define __containerof(p, type, field) \
	((type *)(void *)((char *)(p) - offsetof(type, field)))
#endif

/* ---------------------------------------------------------------- SLIST */
#define SLIST_HEAD(name, type)						\
struct name {								\
	struct type *slh_first;						\
}
#define SLIST_HEAD_INITIALIZER(head)	{ NULL }
#define SLIST_ENTRY(type)						\
struct {								\
	struct type *sle_next;						\
}

#define SLIST_EMPTY(head)	((head)->slh_first == NULL)
#define SLIST_FIRST(head)	((head)->slh_first)
#define SLIST_NEXT(elm, field)	((elm)->field.sle_next)

#define SLIST_FOREACH(var, head, field)					\
	for ((var) = SLIST_FIRST(head); (var) != NULL;			\
	    (var) = SLIST_NEXT(var, field))
#define SLIST_FOREACH_FROM(var, head, field)				\
	for ((var) = (var) != NULL ? (var) : SLIST_FIRST(head);	\
	    (var) != NULL; (var) = SLIST_NEXT(var, field))
#define SLIST_FOREACH_SAFE(var, head, field, tvar)			\
	for ((var) = SLIST_FIRST(head);					\
	    (var) != NULL && ((tvar) = SLIST_NEXT(var, field), 1);	\
	    (var) = (tvar))
#define SLIST_FOREACH_FROM_SAFE(var, head, field, tvar)		\
	for ((var) = (var) != NULL ? (var) : SLIST_FIRST(head);	\
	    (var) != NULL && ((tvar) = SLIST_NEXT(var, field), 1);	\
	    (var) = (tvar))
#define SLIST_FOREACH_PREVPTR(var, varp, head, field)			\
	for ((varp) = &SLIST_FIRST(head); ((var) = *(varp)) != NULL;	\
	    (varp) = &SLIST_NEXT(var, field))

#define SLIST_INIT(head)	do { SLIST_FIRST(head) = NULL; } while (0)
#define SLIST_INSERT_HEAD(head, elm, field) do {			\
	SLIST_NEXT(elm, field) = SLIST_FIRST(head);			\
	SLIST_FIRST(head) = (elm);					\
} while (0)
#define SLIST_INSERT_AFTER(slistelm, elm, field) do {			\
	SLIST_NEXT(elm, field) = SLIST_NEXT(slistelm, field);		\
	SLIST_NEXT(slistelm, field) = (elm);				\
} while (0)
#define SLIST_REMOVE_HEAD(head, field) do {				\
	SLIST_FIRST(head) = SLIST_NEXT(SLIST_FIRST(head), field);	\
} while (0)
#define SLIST_REMOVE_AFTER(elm, field) do {				\
	SLIST_NEXT(elm, field) =					\
	    SLIST_NEXT(SLIST_NEXT(elm, field), field);			\
} while (0)
/* O(n): the element before elm is found by walking from the head. */
#define SLIST_REMOVE(head, elm, type, field) do {			\
	if (SLIST_FIRST(head) == (elm))					\
		SLIST_REMOVE_HEAD(head, field);				\
	else {								\
		struct type *_cur = SLIST_FIRST(head);			\
		while (SLIST_NEXT(_cur, field) != (elm))		\
			_cur = SLIST_NEXT(_cur, field);			\
		SLIST_REMOVE_AFTER(_cur, field);			\
	}								\
} while (0)
#define SLIST_CONCAT(head1, head2, type, field) do {			\
	struct type *_cur = SLIST_FIRST(head1);				\
	if (_cur == NULL)						\
		SLIST_FIRST(head1) = SLIST_FIRST(head2);		\
	else if (SLIST_FIRST(head2) != NULL) {				\
		while (SLIST_NEXT(_cur, field) != NULL)			\
			_cur = SLIST_NEXT(_cur, field);			\
		SLIST_NEXT(_cur, field) = SLIST_FIRST(head2);		\
	}								\
	SLIST_INIT(head2);						\
} while (0)
#define SLIST_SWAP(head1, head2, type) do {				\
	struct type *_first = SLIST_FIRST(head1);			\
	SLIST_FIRST(head1) = SLIST_FIRST(head2);			\
	SLIST_FIRST(head2) = _first;					\
} while (0)

/* --------------------------------------------------------------- STAILQ */
/* stqh_last points at the link that ends the list (&stqh_first if empty). */
#define STAILQ_HEAD(name, type)						\
struct name {								\
	struct type *stqh_first;					\
	struct type **stqh_last;					\
}
#define STAILQ_HEAD_INITIALIZER(head)	{ NULL, &(head).stqh_first }
#define STAILQ_ENTRY(type)						\
struct {								\
	struct type *stqe_next;						\
}

#define STAILQ_EMPTY(head)	((head)->stqh_first == NULL)
#define STAILQ_FIRST(head)	((head)->stqh_first)
#define STAILQ_NEXT(elm, field)	((elm)->field.stqe_next)
#define STAILQ_LAST(head, type, field)					\
	(STAILQ_EMPTY(head) ? NULL :					\
	    __containerof((head)->stqh_last, struct type, field.stqe_next))

#define STAILQ_FOREACH(var, head, field)				\
	for ((var) = STAILQ_FIRST(head); (var) != NULL;			\
	    (var) = STAILQ_NEXT(var, field))
#define STAILQ_FOREACH_FROM(var, head, field)				\
	for ((var) = (var) != NULL ? (var) : STAILQ_FIRST(head);	\
	    (var) != NULL; (var) = STAILQ_NEXT(var, field))
#define STAILQ_FOREACH_SAFE(var, head, field, tvar)			\
	for ((var) = STAILQ_FIRST(head);				\
	    (var) != NULL && ((tvar) = STAILQ_NEXT(var, field), 1);	\
	    (var) = (tvar))
#define STAILQ_FOREACH_FROM_SAFE(var, head, field, tvar)		\
	for ((var) = (var) != NULL ? (var) : STAILQ_FIRST(head);	\
	    (var) != NULL && ((tvar) = STAILQ_NEXT(var, field), 1);	\
	    (var) = (tvar))

#define STAILQ_INIT(head) do {						\
	STAILQ_FIRST(head) = NULL;					\
	(head)->stqh_last = &STAILQ_FIRST(head);			\
} while (0)
#define STAILQ_INSERT_HEAD(head, elm, field) do {			\
	if ((STAILQ_NEXT(elm, field) = STAILQ_FIRST(head)) == NULL)	\
		(head)->stqh_last = &STAILQ_NEXT(elm, field);		\
	STAILQ_FIRST(head) = (elm);					\
} while (0)
#define STAILQ_INSERT_TAIL(head, elm, field) do {			\
	STAILQ_NEXT(elm, field) = NULL;					\
	*(head)->stqh_last = (elm);					\
	(head)->stqh_last = &STAILQ_NEXT(elm, field);			\
} while (0)
#define STAILQ_INSERT_AFTER(head, tqelm, elm, field) do {		\
	if ((STAILQ_NEXT(elm, field) = STAILQ_NEXT(tqelm, field)) == NULL) \
		(head)->stqh_last = &STAILQ_NEXT(elm, field);		\
	STAILQ_NEXT(tqelm, field) = (elm);				\
} while (0)
#define STAILQ_REMOVE_HEAD(head, field) do {				\
	if ((STAILQ_FIRST(head) =					\
	    STAILQ_NEXT(STAILQ_FIRST(head), field)) == NULL)		\
		(head)->stqh_last = &STAILQ_FIRST(head);		\
} while (0)
#define STAILQ_REMOVE_AFTER(head, elm, field) do {			\
	if ((STAILQ_NEXT(elm, field) =					\
	    STAILQ_NEXT(STAILQ_NEXT(elm, field), field)) == NULL)	\
		(head)->stqh_last = &STAILQ_NEXT(elm, field);		\
} while (0)
#define STAILQ_REMOVE(head, elm, type, field) do {			\
	if (STAILQ_FIRST(head) == (elm))				\
		STAILQ_REMOVE_HEAD(head, field);			\
	else {								\
		struct type *_cur = STAILQ_FIRST(head);			\
		while (STAILQ_NEXT(_cur, field) != (elm))		\
			_cur = STAILQ_NEXT(_cur, field);		\
		STAILQ_REMOVE_AFTER(head, _cur, field);			\
	}								\
} while (0)
#define STAILQ_CONCAT(head1, head2) do {				\
	if (!STAILQ_EMPTY(head2)) {					\
		*(head1)->stqh_last = (head2)->stqh_first;		\
		(head1)->stqh_last = (head2)->stqh_last;		\
		STAILQ_INIT(head2);					\
	}								\
} while (0)
#define STAILQ_SWAP(head1, head2, type) do {				\
	struct type *_first = STAILQ_FIRST(head1);			\
	struct type **_last = (head1)->stqh_last;			\
	STAILQ_FIRST(head1) = STAILQ_FIRST(head2);			\
	(head1)->stqh_last = (head2)->stqh_last;			\
	STAILQ_FIRST(head2) = _first;					\
	(head2)->stqh_last = _last;					\
	if (STAILQ_EMPTY(head1))					\
		(head1)->stqh_last = &STAILQ_FIRST(head1);		\
	if (STAILQ_EMPTY(head2))					\
		(head2)->stqh_last = &STAILQ_FIRST(head2);		\
} while (0)

/* ----------------------------------------------------------------- LIST */
/* le_prev points at the link that points at this element. */
#define LIST_HEAD(name, type)						\
struct name {								\
	struct type *lh_first;						\
}
#define LIST_HEAD_INITIALIZER(head)	{ NULL }
#define LIST_ENTRY(type)						\
struct {								\
	struct type *le_next;						\
	struct type **le_prev;						\
}

#define LIST_EMPTY(head)	((head)->lh_first == NULL)
#define LIST_FIRST(head)	((head)->lh_first)
#define LIST_NEXT(elm, field)	((elm)->field.le_next)
#define LIST_PREV(elm, head, type, field)				\
	((elm)->field.le_prev == &LIST_FIRST(head) ? NULL :		\
	    __containerof((elm)->field.le_prev, struct type, field.le_next))

#define LIST_FOREACH(var, head, field)					\
	for ((var) = LIST_FIRST(head); (var) != NULL;			\
	    (var) = LIST_NEXT(var, field))
#define LIST_FOREACH_FROM(var, head, field)				\
	for ((var) = (var) != NULL ? (var) : LIST_FIRST(head);		\
	    (var) != NULL; (var) = LIST_NEXT(var, field))
#define LIST_FOREACH_SAFE(var, head, field, tvar)			\
	for ((var) = LIST_FIRST(head);					\
	    (var) != NULL && ((tvar) = LIST_NEXT(var, field), 1);	\
	    (var) = (tvar))
#define LIST_FOREACH_FROM_SAFE(var, head, field, tvar)			\
	for ((var) = (var) != NULL ? (var) : LIST_FIRST(head);		\
	    (var) != NULL && ((tvar) = LIST_NEXT(var, field), 1);	\
	    (var) = (tvar))

#define LIST_INIT(head)		do { LIST_FIRST(head) = NULL; } while (0)
#define LIST_INSERT_HEAD(head, elm, field) do {				\
	if ((LIST_NEXT(elm, field) = LIST_FIRST(head)) != NULL)		\
		LIST_FIRST(head)->field.le_prev = &LIST_NEXT(elm, field); \
	LIST_FIRST(head) = (elm);					\
	(elm)->field.le_prev = &LIST_FIRST(head);			\
} while (0)
#define LIST_INSERT_AFTER(listelm, elm, field) do {			\
	if ((LIST_NEXT(elm, field) = LIST_NEXT(listelm, field)) != NULL) \
		LIST_NEXT(listelm, field)->field.le_prev =		\
		    &LIST_NEXT(elm, field);				\
	LIST_NEXT(listelm, field) = (elm);				\
	(elm)->field.le_prev = &LIST_NEXT(listelm, field);		\
} while (0)
#define LIST_INSERT_BEFORE(listelm, elm, field) do {			\
	(elm)->field.le_prev = (listelm)->field.le_prev;		\
	LIST_NEXT(elm, field) = (listelm);				\
	*(listelm)->field.le_prev = (elm);				\
	(listelm)->field.le_prev = &LIST_NEXT(elm, field);		\
} while (0)
#define LIST_REMOVE(elm, field) do {					\
	if (LIST_NEXT(elm, field) != NULL)				\
		LIST_NEXT(elm, field)->field.le_prev =			\
		    (elm)->field.le_prev;				\
	*(elm)->field.le_prev = LIST_NEXT(elm, field);			\
} while (0)
#define LIST_CONCAT(head1, head2, type, field) do {			\
	struct type *_cur = LIST_FIRST(head1);				\
	if (_cur == NULL) {						\
		if ((LIST_FIRST(head1) = LIST_FIRST(head2)) != NULL)	\
			LIST_FIRST(head2)->field.le_prev =		\
			    &LIST_FIRST(head1);				\
	} else if (LIST_FIRST(head2) != NULL) {				\
		while (LIST_NEXT(_cur, field) != NULL)			\
			_cur = LIST_NEXT(_cur, field);			\
		LIST_NEXT(_cur, field) = LIST_FIRST(head2);		\
		LIST_FIRST(head2)->field.le_prev = &LIST_NEXT(_cur, field); \
	}								\
	LIST_INIT(head2);						\
} while (0)
#define LIST_SWAP(head1, head2, type, field) do {			\
	struct type *_first = LIST_FIRST(head1);			\
	LIST_FIRST(head1) = LIST_FIRST(head2);				\
	LIST_FIRST(head2) = _first;					\
	if ((_first = LIST_FIRST(head1)) != NULL)			\
		_first->field.le_prev = &LIST_FIRST(head1);		\
	if ((_first = LIST_FIRST(head2)) != NULL)			\
		_first->field.le_prev = &LIST_FIRST(head2);		\
} while (0)

/* ---------------------------------------------------------------- TAILQ */
/*
 * tqh_last and tqe_prev point at the link that points at the element
 * (or at the end). A head and an entry have the same two pointers, so a
 * link can be read as a head to go backwards (TAILQ_LAST, TAILQ_PREV).
 */
#define TAILQ_HEAD(name, type)						\
struct name {								\
	struct type *tqh_first;						\
	struct type **tqh_last;						\
}
#define TAILQ_HEAD_INITIALIZER(head)	{ NULL, &(head).tqh_first }
#define TAILQ_ENTRY(type)						\
struct {								\
	struct type *tqe_next;						\
	struct type **tqe_prev;						\
}

#define TAILQ_EMPTY(head)	((head)->tqh_first == NULL)
#define TAILQ_FIRST(head)	((head)->tqh_first)
#define TAILQ_NEXT(elm, field)	((elm)->field.tqe_next)
#define TAILQ_LAST(head, headname)					\
	(*(((struct headname *)((head)->tqh_last))->tqh_last))
#define TAILQ_PREV(elm, headname, field)				\
	(*(((struct headname *)((elm)->field.tqe_prev))->tqh_last))

#define TAILQ_FOREACH(var, head, field)					\
	for ((var) = TAILQ_FIRST(head); (var) != NULL;			\
	    (var) = TAILQ_NEXT(var, field))
#define TAILQ_FOREACH_FROM(var, head, field)				\
	for ((var) = (var) != NULL ? (var) : TAILQ_FIRST(head);	\
	    (var) != NULL; (var) = TAILQ_NEXT(var, field))
#define TAILQ_FOREACH_SAFE(var, head, field, tvar)			\
	for ((var) = TAILQ_FIRST(head);					\
	    (var) != NULL && ((tvar) = TAILQ_NEXT(var, field), 1);	\
	    (var) = (tvar))
#define TAILQ_FOREACH_FROM_SAFE(var, head, field, tvar)		\
	for ((var) = (var) != NULL ? (var) : TAILQ_FIRST(head);	\
	    (var) != NULL && ((tvar) = TAILQ_NEXT(var, field), 1);	\
	    (var) = (tvar))
#define TAILQ_FOREACH_REVERSE(var, head, headname, field)		\
	for ((var) = TAILQ_LAST(head, headname); (var) != NULL;		\
	    (var) = TAILQ_PREV(var, headname, field))
#define TAILQ_FOREACH_REVERSE_SAFE(var, head, headname, field, tvar)	\
	for ((var) = TAILQ_LAST(head, headname);			\
	    (var) != NULL && ((tvar) = TAILQ_PREV(var, headname, field), 1); \
	    (var) = (tvar))

#define TAILQ_INIT(head) do {						\
	TAILQ_FIRST(head) = NULL;					\
	(head)->tqh_last = &TAILQ_FIRST(head);				\
} while (0)
#define TAILQ_INSERT_HEAD(head, elm, field) do {			\
	if ((TAILQ_NEXT(elm, field) = TAILQ_FIRST(head)) != NULL)	\
		TAILQ_FIRST(head)->field.tqe_prev =			\
		    &TAILQ_NEXT(elm, field);				\
	else								\
		(head)->tqh_last = &TAILQ_NEXT(elm, field);		\
	TAILQ_FIRST(head) = (elm);					\
	(elm)->field.tqe_prev = &TAILQ_FIRST(head);			\
} while (0)
#define TAILQ_INSERT_TAIL(head, elm, field) do {			\
	TAILQ_NEXT(elm, field) = NULL;					\
	(elm)->field.tqe_prev = (head)->tqh_last;			\
	*(head)->tqh_last = (elm);					\
	(head)->tqh_last = &TAILQ_NEXT(elm, field);			\
} while (0)
#define TAILQ_INSERT_AFTER(head, listelm, elm, field) do {		\
	if ((TAILQ_NEXT(elm, field) = TAILQ_NEXT(listelm, field)) != NULL) \
		TAILQ_NEXT(elm, field)->field.tqe_prev =		\
		    &TAILQ_NEXT(elm, field);				\
	else								\
		(head)->tqh_last = &TAILQ_NEXT(elm, field);		\
	TAILQ_NEXT(listelm, field) = (elm);				\
	(elm)->field.tqe_prev = &TAILQ_NEXT(listelm, field);		\
} while (0)
#define TAILQ_INSERT_BEFORE(listelm, elm, field) do {			\
	(elm)->field.tqe_prev = (listelm)->field.tqe_prev;		\
	TAILQ_NEXT(elm, field) = (listelm);				\
	*(listelm)->field.tqe_prev = (elm);				\
	(listelm)->field.tqe_prev = &TAILQ_NEXT(elm, field);		\
} while (0)
#define TAILQ_REMOVE(head, elm, field) do {				\
	if (TAILQ_NEXT(elm, field) != NULL)				\
		TAILQ_NEXT(elm, field)->field.tqe_prev =		\
		    (elm)->field.tqe_prev;				\
	else								\
		(head)->tqh_last = (elm)->field.tqe_prev;		\
	*(elm)->field.tqe_prev = TAILQ_NEXT(elm, field);		\
} while (0)
#define TAILQ_CONCAT(head1, head2, field) do {				\
	if (!TAILQ_EMPTY(head2)) {					\
		*(head1)->tqh_last = (head2)->tqh_first;		\
		(head2)->tqh_first->field.tqe_prev = (head1)->tqh_last;	\
		(head1)->tqh_last = (head2)->tqh_last;			\
		TAILQ_INIT(head2);					\
	}								\
} while (0)
#define TAILQ_SWAP(head1, head2, type, field) do {			\
	struct type *_first = TAILQ_FIRST(head1);			\
	struct type **_last = (head1)->tqh_last;			\
	TAILQ_FIRST(head1) = TAILQ_FIRST(head2);			\
	(head1)->tqh_last = (head2)->tqh_last;				\
	TAILQ_FIRST(head2) = _first;					\
	(head2)->tqh_last = _last;					\
	if ((_first = TAILQ_FIRST(head1)) != NULL)			\
		_first->field.tqe_prev = &TAILQ_FIRST(head1);		\
	else								\
		(head1)->tqh_last = &TAILQ_FIRST(head1);		\
	if ((_first = TAILQ_FIRST(head2)) != NULL)			\
		_first->field.tqe_prev = &TAILQ_FIRST(head2);		\
	else								\
		(head2)->tqh_last = &TAILQ_FIRST(head2);		\
} while (0)

#endif
