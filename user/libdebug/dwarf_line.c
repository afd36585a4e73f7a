/*
 * dwarf_line.c - the line table: for every address of code, its source file
 * and line, from .debug_line (DWARF 2-4 and 5 headers).
 *
 * Each unit's header lists its directories and files (DWARF 5 in a
 * self-describing format, forms given per field; DWARF 4 as strings), then
 * the line program runs the state machine of DWARF section 6.2, each row
 * appended to one table. Files of all units go into one array, so a row's
 * file index is global. At the end the rows are sorted by address; each
 * sequence's last row (end_seq) marks where its code stops.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dwarf.h"

#define DW_LNS_copy		1
#define DW_LNS_advance_pc	2
#define DW_LNS_advance_line	3
#define DW_LNS_set_file		4
#define DW_LNS_negate_stmt	6
#define DW_LNS_const_add_pc	8
#define DW_LNS_fixed_advance_pc	9
#define DW_LNE_end_sequence	1
#define DW_LNE_set_address	2
#define DW_LNCT_path		1
#define DW_LNCT_directory_index	2
#define DW_FORM_block		0x09
#define DW_FORM_data1		0x0b
#define DW_FORM_data2		0x05
#define DW_FORM_data4		0x06
#define DW_FORM_data8		0x07
#define DW_FORM_data16		0x1e
#define DW_FORM_string		0x08
#define DW_FORM_strp		0x0e
#define DW_FORM_udata		0x0f
#define DW_FORM_line_strp	0x1f

struct unit {
	int		version, min_inst, default_stmt, line_base, line_range;
	int		opcode_base, file_base;
	const uint8_t	*std_lengths;
	const char	*dirs[256];
	int		ndirs;
};

static int
add_row(struct dw_lines *dl, int *cap, const struct dw_row *r)
{
	if (dl->nrows == *cap) {
		struct dw_row *n;

		*cap = *cap ? *cap * 2 : 1024;
		if ((n = realloc(dl->rows, *cap * sizeof(*n))) == NULL)
			return -1;
		dl->rows = n;
	}
	dl->rows[dl->nrows] = *r;
	dl->rows[dl->nrows].order = dl->nrows;
	dl->nrows++;
	return 0;
}

static int
add_file(struct dw_lines *dl, const char *name, const char *dir,
    const char *comp_dir)
{
	struct dw_file *n = realloc(dl->files, (dl->nfiles + 1) * sizeof(*n));

	if (n == NULL)
		return -1;
	dl->files = n;
	n[dl->nfiles].name = name;
	n[dl->nfiles].dir = dir;
	n[dl->nfiles].comp_dir = comp_dir;
	dl->nfiles++;
	return 0;
}

/* One field of a DWARF 5 directory or file entry: a string or a number. */
static uint64_t
form_value(const struct elf_file *ef, struct dw_cursor *c, int form,
    const char **str)
{
	*str = NULL;
	switch (form) {
	case DW_FORM_string:
		*str = dw_cstr(c);
		return 0;
	case DW_FORM_line_strp:
		*str = dw_section_str(ef, ".debug_line_str", dw_fixed(c, 4));
		return 0;
	case DW_FORM_strp:
		*str = dw_section_str(ef, ".debug_str", dw_fixed(c, 4));
		return 0;
	case DW_FORM_udata:
		return dw_uleb(c);
	case DW_FORM_data1:
		return dw_fixed(c, 1);
	case DW_FORM_data2:
		return dw_fixed(c, 2);
	case DW_FORM_data4:
		return dw_fixed(c, 4);
	case DW_FORM_data8:
		return dw_fixed(c, 4), dw_fixed(c, 4);
	case DW_FORM_data16:
		c->p += c->end - c->p >= 16 ? 16 : 0;
		return 0;
	case DW_FORM_block:
		c->p += dw_uleb(c);
		if (c->p > c->end)
			c->bad = 1;
		return 0;
	}
	c->bad = 1;
	return 0;
}

/* A DWARF 5 entry list (directories or files): each entry's path and dir. */
static void
v5_entries(struct dw_lines *dl, const struct elf_file *ef, struct unit *u,
    struct dw_cursor *c, int files)
{
	uint64_t fmt[16][2], n, i;
	int nfmt = dw_fixed(c, 1), j;

	for (j = 0; j < nfmt && j < 16; j++) {
		fmt[j][0] = dw_uleb(c);
		fmt[j][1] = dw_uleb(c);
	}
	n = dw_uleb(c);
	for (i = 0; i < n && !c->bad; i++) {
		const char *path = "", *s;
		uint64_t dir = 0, v;

		for (j = 0; j < nfmt && j < 16; j++) {
			v = form_value(ef, c, fmt[j][1], &s);
			if (fmt[j][0] == DW_LNCT_path && s != NULL)
				path = s;
			else if (fmt[j][0] == DW_LNCT_directory_index)
				dir = v;
		}
		if (!files && u->ndirs < 256)
			u->dirs[u->ndirs++] = path;
		else if (files)
			add_file(dl, path, dir > 0 && dir < (uint64_t)u->ndirs ?
			    u->dirs[dir] : NULL, u->dirs[0]);
	}
}

/* The header of one unit, up to its line program. 0, or -1 if unreadable. */
static int
header(struct dw_lines *dl, const struct elf_file *ef, struct unit *u,
    struct dw_cursor *c)
{
	uint32_t hlen;
	const uint8_t *prog;

	u->version = dw_fixed(c, 2);
	if (u->version < 2 || u->version > 5)
		return -1;
	if (u->version >= 5)
		dw_fixed(c, 2);		/* address and segment selector sizes */
	hlen = dw_fixed(c, 4);
	prog = c->p + hlen;
	u->min_inst = dw_fixed(c, 1);
	if (u->version >= 4)
		dw_fixed(c, 1);		/* maximum operations per instruction */
	u->default_stmt = dw_fixed(c, 1);
	u->line_base = (int8_t)dw_fixed(c, 1);
	u->line_range = dw_fixed(c, 1);
	u->opcode_base = dw_fixed(c, 1);
	u->std_lengths = c->p;
	c->p += u->opcode_base > 0 ? u->opcode_base - 1 : 0;
	if (c->bad || c->p > c->end || u->line_range == 0 || prog > c->end)
		return -1;
	u->file_base = dl->nfiles;
	if (u->version >= 5) {
		v5_entries(dl, ef, u, c, 0);
		v5_entries(dl, ef, u, c, 1);
	} else {
		const char *s;

		u->dirs[u->ndirs++] = NULL;
		while (*(s = dw_cstr(c)) != '\0' && u->ndirs < 256)
			u->dirs[u->ndirs++] = s;
		/* DWARF 4 counts files from 1: a placeholder takes index 0. */
		add_file(dl, "", NULL, NULL);
		while (*(s = dw_cstr(c)) != '\0' && !c->bad) {
			uint64_t dir = dw_uleb(c);

			dw_uleb(c);
			dw_uleb(c);
			add_file(dl, s, dir > 0 && dir < (uint64_t)u->ndirs ?
			    u->dirs[dir] : NULL, NULL);
		}
	}
	c->p = prog;
	return c->bad ? -1 : 0;
}

/* Run one unit's line program, appending its rows. */
static void
program(struct dw_lines *dl, int *cap, const struct unit *u,
    struct dw_cursor *c)
{
	struct dw_row r;
	int op, adj;

	memset(&r, 0, sizeof(r));
	r.line = 1;
	r.file = u->file_base + 1;
	r.is_stmt = u->default_stmt;
	while (c->p < c->end && !c->bad) {
		op = dw_fixed(c, 1);
		if (op >= u->opcode_base) {
			adj = op - u->opcode_base;
			r.addr += (adj / u->line_range) * u->min_inst;
			r.line += u->line_base + adj % u->line_range;
			add_row(dl, cap, &r);
			continue;
		}
		switch (op) {
		case 0: {
			uint64_t len = dw_uleb(c);
			const uint8_t *next = c->p + len;

			if (len == 0 || next > c->end) {
				c->bad = 1;
				break;
			}
			op = dw_fixed(c, 1);
			if (op == DW_LNE_end_sequence) {
				r.end_seq = 1;
				add_row(dl, cap, &r);
				memset(&r, 0, sizeof(r));
				r.line = 1;
				r.file = u->file_base + 1;
				r.is_stmt = u->default_stmt;
			} else if (op == DW_LNE_set_address)
				r.addr = dw_fixed(c, 4);
			c->p = next;
			break;
		}
		case DW_LNS_copy:
			add_row(dl, cap, &r);
			break;
		case DW_LNS_advance_pc:
			r.addr += dw_uleb(c) * u->min_inst;
			break;
		case DW_LNS_advance_line:
			r.line += dw_sleb(c);
			break;
		case DW_LNS_set_file:
			r.file = u->file_base + dw_uleb(c);
			break;
		case DW_LNS_negate_stmt:
			r.is_stmt = !r.is_stmt;
			break;
		case DW_LNS_const_add_pc:
			r.addr += ((255 - u->opcode_base) / u->line_range) *
			    u->min_inst;
			break;
		case DW_LNS_fixed_advance_pc:
			r.addr += dw_fixed(c, 2);
			break;
		default:	/* skip the operands of any other opcode */
			for (adj = 0; adj < u->std_lengths[op - 1]; adj++)
				dw_uleb(c);
		}
	}
}

static int
by_addr(const void *a, const void *b)
{
	const struct dw_row *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	/* An end of sequence first: the next sequence may start there. */
	if (x->end_seq != y->end_seq)
		return y->end_seq - x->end_seq;
	return x->order < y->order ? -1 : x->order > y->order;
}

int
dw_lines_load(struct dw_lines *dl, const struct elf_file *ef)
{
	struct dw_cursor c, u;
	struct unit unit;
	size_t len;
	int cap = 0;

	memset(dl, 0, sizeof(*dl));
	c.p = elf_section_data(ef, elf_section(ef, ".debug_line"), &len);
	if (c.p == NULL)
		return -1;
	c.end = c.p + len;
	c.bad = 0;
	while (c.end - c.p >= 4 && !c.bad) {
		uint32_t ulen = dw_fixed(&c, 4);

		if (ulen > (uint32_t)(c.end - c.p) || ulen == 0xffffffff)
			break;
		u.p = c.p;
		u.end = c.p + ulen;
		u.bad = 0;
		c.p = u.end;
		memset(&unit, 0, sizeof(unit));
		if (header(dl, ef, &unit, &u) == 0)
			program(dl, &cap, &unit, &u);
	}
	qsort(dl->rows, dl->nrows, sizeof(*dl->rows), by_addr);
	return 0;
}

void
dw_lines_free(struct dw_lines *dl)
{
	free(dl->rows);
	free(dl->files);
	memset(dl, 0, sizeof(*dl));
}

const struct dw_row *
dw_row_at(const struct dw_lines *dl, uint32_t addr)
{
	int lo = 0, hi = dl->nrows - 1, best = -1, i;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;

		if (dl->rows[mid].addr <= addr) {
			best = mid;
			lo = mid + 1;
		} else
			hi = mid - 1;
	}
	/*
	 * Several rows at one address: the last statement among them holds
	 * for it (gcc adds non-statement "views" after it), else the last.
	 */
	if (best < 0 || dl->rows[best].end_seq)
		return NULL;
	for (i = best; i >= 0 && dl->rows[i].addr == dl->rows[best].addr &&
	    !dl->rows[i].end_seq; i--)
		if (dl->rows[i].is_stmt)
			return &dl->rows[i];
	return &dl->rows[best];
}

uint32_t
dw_row_end(const struct dw_lines *dl, const struct dw_row *r)
{
	const struct dw_row *end = dl->rows + dl->nrows;

	for (r++; r < end; r++)
		if (r[-1].addr != r->addr || r->end_seq)
			return r->addr;
	return r[-1].addr;
}

void
dw_file_path(const struct dw_lines *dl, int f, char *buf, size_t n)
{
	const struct dw_file *file = &dl->files[f];

	if (file->dir != NULL && file->name[0] != '/')
		snprintf(buf, n, "%s/%s", file->dir, file->name);
	else
		snprintf(buf, n, "%s", file->name);
}

int
dw_file_matches(const struct dw_lines *dl, int f, const char *name)
{
	char path[512];
	size_t pl, nl = strlen(name);

	dw_file_path(dl, f, path, sizeof(path));
	pl = strlen(path);
	return pl >= nl && strcmp(path + pl - nl, name) == 0 &&
	    (pl == nl || path[pl - nl - 1] == '/');
}
