/*
 * source.c - source files and lines: where a pc is in the source, the text
 * of a line, and the list command.
 *
 * DWARF names a file by the path the compiler was given ("user/bin/demo.c",
 * relative to the directory of the build). Kestrel's initrd carries the
 * sources of its programs under /usr/src/kestrel, so a relative path is
 * looked up there, an absolute one as it is. A file is read whole the first
 * time one of its lines is wanted, and kept with the offsets of its lines.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "dbg.h"

#define SRC_ROOT	"/usr/src/kestrel"
#define NCACHED		8
#define LIST_LINES	10

struct srcfile {
	char		path[256];	/* DWARF's path, the cache key */
	char		*text;		/* NULL: the file is missing */
	uint32_t	*lines;		/* offset of each line, from line 1 */
	uint32_t	nlines;
};

static struct srcfile cache[NCACHED];
static int next_slot;

static char *
slurp(const char *path)
{
	char *buf = NULL, *nb;
	size_t len = 0, cap = 0;
	ssize_t r;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return NULL;
	for (;;) {
		if (len + 1 >= cap) {
			cap = cap ? cap * 2 : 8192;
			if ((nb = realloc(buf, cap)) == NULL)
				break;
			buf = nb;
		}
		if ((r = read(fd, buf + len, cap - len - 1)) <= 0)
			break;
		len += r;
	}
	close(fd);
	if (buf != NULL)
		buf[len] = '\0';
	return buf;
}

/* The cached file for DWARF path path, read (or found missing) if new. */
static struct srcfile *
source_file(const char *path)
{
	struct srcfile *f;
	char full[300];
	uint32_t n, cap = 256;
	char *p;
	int i;

	for (i = 0; i < NCACHED; i++)
		if (strcmp(cache[i].path, path) == 0)
			return &cache[i];
	f = &cache[next_slot];
	next_slot = (next_slot + 1) % NCACHED;
	free(f->text);
	free(f->lines);
	memset(f, 0, sizeof(*f));
	snprintf(f->path, sizeof(f->path), "%s", path);
	snprintf(full, sizeof(full), "%s%s%s", path[0] == '/' ? "" : SRC_ROOT,
	    path[0] == '/' ? "" : "/", path);
	if ((f->text = slurp(full)) == NULL)
		return f;
	f->lines = malloc(cap * sizeof(*f->lines));
	for (p = f->text, n = 0; f->lines != NULL && *p != '\0'; n++) {
		if (n == cap) {
			uint32_t *nl = realloc(f->lines, 2 * cap * sizeof(*nl));

			if (nl == NULL)
				break;
			f->lines = nl;
			cap *= 2;
		}
		f->lines[n] = p - f->text;
		p += strcspn(p, "\n");
		if (*p == '\n')
			p++;
	}
	f->nlines = n;
	return f;
}

/* Print "LINE\tTEXT" for line of DWARF file number file. 0, or -1: missing. */
int
source_print_line(struct dbg *d, int file, uint32_t line)
{
	char path[256];
	struct srcfile *f;
	const char *t;

	dw_file_path(&d->lines, file, path, sizeof(path));
	f = source_file(path);
	if (f->text == NULL) {
		printf("%u\t%s: No such file or directory.\n", (unsigned)line,
		    path);
		return -1;
	}
	if (line < 1 || line > f->nlines) {
		printf("Line number %u out of range; \"%s\" has %u lines.\n",
		    (unsigned)line, path, (unsigned)f->nlines);
		return -1;
	}
	t = f->text + f->lines[line - 1];
	printf("%u\t%.*s\n", (unsigned)line, (int)strcspn(t, "\n"), t);
	return 0;
}

/* The number of lines of DWARF file file (0 if it is missing). */
static uint32_t
source_nlines(struct dbg *d, int file)
{
	char path[256];

	dw_file_path(&d->lines, file, path, sizeof(path));
	return source_file(path)->nlines;
}

/* Lines first..first+9 of file, remembered for the next "list". */
static void
list_from(struct dbg *d, int file, int first)
{
	uint32_t n = source_nlines(d, file), i;

	if (first < 1)
		first = 1;
	if (n == 0) {
		source_print_line(d, file, first);
		return;
	}
	if ((uint32_t)first > n) {
		char path[256];

		dw_file_path(&d->lines, file, path, sizeof(path));
		printf("Line number %d out of range; \"%s\" has %u lines.\n",
		    first, path, (unsigned)n);
		return;
	}
	for (i = first; i < (uint32_t)first + LIST_LINES && i <= n; i++)
		source_print_line(d, file, i);
	d->list_file = file;
	d->list_first = first;
	d->list_last = i - 1;
}

/*
 * list [LINE | FILE:LINE | FUNC | -]: ten lines around the place; alone, the
 * ten after the last listed (or around the stop).
 */
void
cmd_list(struct dbg *d, char *a)
{
	struct location loc;
	struct frame f;
	const struct dw_row *r;

	a = cmd_trim(a);
	if (d->lines.nrows == 0) {
		printf("No symbol table is loaded.  Use the \"file\" command.\n");
		return;
	}
	if (strcmp(a, "-") == 0) {
		if (d->list_file < 0 || d->list_first <= 1) {
			printf("Already at the start of the file.\n");
			return;
		}
		list_from(d, d->list_file, d->list_first - LIST_LINES);
		return;
	}
	if (*a == '\0') {
		if (d->list_file >= 0) {
			list_from(d, d->list_file, d->list_last + 1);
			return;
		}
		if (frame_selected(d, &f) == 0 && (r = dw_row_at(&d->lines,
		    frame_lookup_pc(&f, d->frame))) != NULL) {
			list_from(d, r->file, (int)r->line - 5);
			return;
		}
		a = "main";
	}
	if (linespec(d, a, &loc, 0) != 0)
		return;
	list_from(d, loc.file, (int)loc.line - 5);
}
