/*
 * cmdline.c - split the Multiboot command line into options (pure code; the
 * host unit tests in tests/host/test_cmdline.c run it on made-up lines).
 */
#include "kernel/cmdline.h"
#include <string.h>

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Loaders put the kernel's file name first: "/boot/kernel.elf", "kernel.elf". */
static int
is_file_name(const char *w)
{
	return strchr(w, '=') == NULL &&
	    (strchr(w, '/') != NULL || strchr(w, '.') != NULL || w[0] == '(');
}

void
cmdline_parse(struct cmdline *cl, const char *line)
{
	char *p, *word, *eq;
	int after_dashes = 0, first = 1;
	size_t n;

	memset(cl, 0, sizeof(*cl));
	if (line == NULL)
		return;
	n = strlen(line);
	if (n >= CMDLINE_MAX)
		n = CMDLINE_MAX - 1;
	memcpy(cl->buf, line, n);
	cl->buf[n] = '\0';

	for (p = cl->buf; *p != '\0';) {
		while (is_space(*p))
			*p++ = '\0';
		if (*p == '\0')
			break;
		word = p;
		while (*p != '\0' && !is_space(*p))
			p++;
		if (*p != '\0')
			*p++ = '\0';
		if (after_dashes) {
			if (cl->nargs < CMDLINE_MAXARGS)
				cl->args[cl->nargs++] = word;
			continue;
		}
		if (strcmp(word, "--") == 0) {
			after_dashes = 1;
			continue;
		}
		if ((first && is_file_name(word)) || cl->nopts == CMDLINE_MAXOPTS) {
			first = 0;
			continue;
		}
		first = 0;
		eq = strchr(word, '=');
		if (eq != NULL)
			*eq = '\0';
		cl->key[cl->nopts] = word;
		cl->val[cl->nopts] = eq != NULL ? eq + 1 : word + strlen(word);
		cl->nopts++;
	}
}

/* The value of the last occurrence of key, "" for a bare flag, NULL if absent. */
const char *
cmdline_get(const struct cmdline *cl, const char *key)
{
	int i;

	for (i = cl->nopts - 1; i >= 0; i--)
		if (strcmp(cl->key[i], key) == 0)
			return cl->val[i];
	return NULL;
}

/* A decimal (or 0x-hex) option; dflt when absent or malformed. */
int
cmdline_get_int(const struct cmdline *cl, const char *key, int dflt)
{
	const char *s = cmdline_get(cl, key);
	int v = 0, base = 10, d, any = 0;

	if (s == NULL)
		return dflt;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (base == 16 && *s >= 'a' && *s <= 'f')
			d = *s - 'a' + 10;
		else if (base == 16 && *s >= 'A' && *s <= 'F')
			d = *s - 'A' + 10;
		else
			return dflt;
		v = v * base + d;
		any = 1;
	}
	return any ? v : dflt;
}
