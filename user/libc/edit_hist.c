/*
 * edit_hist.c - the history of lines entered: at most HISTORY_MAX, the
 * oldest forgotten first. An empty line or a repeat of the last one is
 * not kept. hist_search serves ^R: the newest entry before a position
 * that contains a given text.
 */
#include <stdlib.h>
#include <string.h>
#include "edit_impl.h"

/* Returns 0, or -1 if out of memory (the history is unchanged then). */
int
hist_add(struct history *h, const char *line)
{
	char *copy;

	if (line[0] == '\0' ||
	    (h->n > 0 && strcmp(h->entry[h->n - 1], line) == 0))
		return 0;
	if ((copy = malloc(strlen(line) + 1)) == NULL)
		return -1;
	strcpy(copy, line);
	if (h->n == HISTORY_MAX) {
		free(h->entry[0]);
		memmove(h->entry, h->entry + 1, (HISTORY_MAX - 1) * sizeof(char *));
		h->n--;
	}
	h->entry[h->n++] = copy;
	return 0;
}

/* The newest entry below index `before' that contains text, or -1. */
int
hist_search(const struct history *h, const char *text, int before)
{
	int i;

	if (before > h->n)
		before = h->n;
	for (i = before - 1; i >= 0; i--)
		if (strstr(h->entry[i], text) != NULL)
			return i;
	return -1;
}

void
hist_clear(struct history *h)
{
	while (h->n > 0)
		free(h->entry[--h->n]);
}
