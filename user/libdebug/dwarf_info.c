/*
 * dwarf_info.c - the tree of debugging entries from .debug_info.
 *
 * Each compilation unit's header names its abbreviation table; each entry
 * starts with an abbreviation code that gives its tag, whether children
 * follow, and the (attribute, form) list its values are encoded with. The
 * reader keeps, of every entry, the attributes a debugger of C needs (name,
 * type, location, pc range, size, bounds, member offset, constant value,
 * frame base) and links entries into a tree. Entries are stored in offset
 * order, so a type reference is found by binary search.
 */
#include <stdlib.h>
#include <string.h>
#include "dwarf.h"
#include "dwarf_forms.h"

struct abbrev {
	uint32_t	code, tag;
	int		children;
	const uint8_t	*attrs;		/* (name, form[, const]) ... 0, 0 */
};

struct abbrevs {
	uint32_t	off;
	const uint8_t	*end;		/* of .debug_abbrev */
	struct abbrev	*a;
	int		n;
};

/* Parse the abbreviation table at off of .debug_abbrev. */
static int
load_abbrevs(const struct elf_file *ef, uint32_t off, struct abbrevs *t)
{
	struct dw_cursor c;
	size_t len;
	int cap = 0;

	t->off = off;
	t->n = 0;
	c.p = elf_section_data(ef, elf_section(ef, ".debug_abbrev"), &len);
	if (c.p == NULL || off >= len)
		return -1;
	c.end = c.p + len;
	t->end = c.end;
	c.p += off;
	c.bad = 0;
	for (;;) {
		struct abbrev a;
		uint64_t name, form;

		if ((a.code = dw_uleb(&c)) == 0 || c.bad)
			break;
		a.tag = dw_uleb(&c);
		a.children = dw_fixed(&c, 1);
		a.attrs = c.p;
		do {
			name = dw_uleb(&c);
			form = dw_uleb(&c);
			if (form == DW_FORM_implicit_const)
				dw_sleb(&c);
		} while ((name != 0 || form != 0) && !c.bad);
		if (t->n == cap) {
			struct abbrev *n;

			cap = cap ? cap * 2 : 64;
			if ((n = realloc(t->a, cap * sizeof(*n))) == NULL)
				return -1;
			t->a = n;
		}
		t->a[t->n++] = a;
	}
	return 0;
}

static const struct abbrev *
find_abbrev(const struct abbrevs *t, uint32_t code)
{
	int i;

	if (code - 1 < (uint32_t)t->n && t->a[code - 1].code == code)
		return &t->a[code - 1];
	for (i = 0; i < t->n; i++)
		if (t->a[i].code == code)
			return &t->a[i];
	return NULL;
}

/* Store one attribute's value v (or block/string) in die. */
static void
keep(struct dw_die *die, const struct dw_cu *cu, uint32_t name, uint32_t form,
    const struct dw_value *v)
{
	uint32_t ref = dw_is_ref(form) && form != DW_FORM_ref_addr ?
	    cu->off + v->u : v->u;

	switch (name) {
	case DW_AT_name:
		die->name = v->str;
		break;
	case DW_AT_type:
		die->type = ref;
		break;
	case DW_AT_abstract_origin:
	case DW_AT_specification:
		die->origin = ref;
		break;
	case DW_AT_low_pc:
		die->low_pc = v->u;
		die->has_pc = 1;
		break;
	case DW_AT_high_pc:
		/* A constant form is a length from low_pc (DWARF 4 and on). */
		die->high_pc = v->u + (form != DW_FORM_addr ? die->low_pc : 0);
		break;
	case DW_AT_byte_size:
		die->byte_size = v->u;
		die->has_size = 1;
		break;
	case DW_AT_upper_bound:
		die->upper_bound = v->u;
		die->has_bound = 1;
		break;
	case DW_AT_count:
		die->upper_bound = v->u - 1;
		die->has_bound = 1;
		break;
	case DW_AT_data_member_location:
		die->member_off = v->u;
		die->has_member = 1;
		break;
	case DW_AT_const_value:
		die->const_value = v->s;
		die->has_const = 1;
		break;
	case DW_AT_encoding:
		die->encoding = v->u;
		break;
	case DW_AT_external:
		die->external = v->u != 0;
		break;
	case DW_AT_declaration:
		die->declaration = v->u != 0;
		break;
	case DW_AT_location:
		if (v->block != NULL) {
			die->loc = v->block;
			die->loclen = v->u;
			die->loc_kind = DW_LOC_EXPR;
		} else {
			die->loclist = v->u;
			die->loc_kind = DW_LOC_LIST;
		}
		break;
	case DW_AT_frame_base:
		die->frame_base = v->block;
		die->fblen = v->block != NULL ? v->u : 0;
		break;
	}
}

/* Parent links are kept as index + 1 while the array may still move. */
#define PARENT_INDEX(die)	((int)(uintptr_t)(die)->parent - 1)

/* Read the entries of one unit (c at its first entry) into di->dies. */
static void
read_unit(struct dw_info *di, struct dw_cu *cu, const struct abbrevs *ab,
    struct dw_cursor *c, const uint8_t *base, int *cap)
{
	struct dw_value v;
	int parent = -1;

	while (c->p < c->end && !c->bad) {
		uint32_t off = c->p - base, code = dw_uleb(c);
		const struct abbrev *a;
		struct dw_die *die;
		struct dw_cursor ac;

		if (code == 0) {
			if (parent < 0)
				break;
			parent = PARENT_INDEX(&di->dies[parent]);
			continue;
		}
		if ((a = find_abbrev(ab, code)) == NULL)
			break;
		if (di->ndies == *cap) {
			struct dw_die *n;

			*cap = *cap ? *cap * 2 : 1024;
			if ((n = realloc(di->dies, *cap * sizeof(*n))) == NULL)
				break;
			di->dies = n;
		}
		die = &di->dies[di->ndies++];
		memset(die, 0, sizeof(*die));
		die->off = off;
		die->tag = a->tag;
		die->cu = cu;
		die->parent = (struct dw_die *)(uintptr_t)(parent + 1);
		ac.p = a->attrs;
		ac.end = ab->end;
		ac.bad = 0;
		for (;;) {
			uint32_t name = dw_uleb(&ac), form = dw_uleb(&ac);
			int64_t implicit = 0;

			if (form == DW_FORM_implicit_const)
				implicit = dw_sleb(&ac);
			if ((name == 0 && form == 0) || ac.bad)
				break;
			if (dw_form_read(di->ef, cu, c, form, implicit, &v) != 0)
				return;
			keep(die, cu, name, form, &v);
		}
		if (a->children)
			parent = di->ndies - 1;
		else if (parent < 0)
			break;
	}
}

/* Link parent, child and sibling pointers once the array is final. */
static void
link_tree(struct dw_info *di)
{
	struct dw_die **last = calloc(di->ndies + 1, sizeof(*last));
	int i, p;

	for (i = 0; i < di->ndies; i++) {
		struct dw_die *d = &di->dies[i];

		d->child = d->sibling = NULL;
		p = PARENT_INDEX(d);
		d->parent = p >= 0 ? &di->dies[p] : NULL;
		if (p < 0 || last == NULL)
			continue;
		if (last[p] == NULL)
			d->parent->child = d;
		else
			last[p]->sibling = d;
		last[p] = d;
	}
	free(last);
	for (i = 0; i < di->ncus; i++) {
		di->cus[i].die = dw_die_at(di, di->cus[i].off +
		    (di->cus[i].version >= 5 ? 12 : 11));
		if (di->cus[i].die != NULL && di->cus[i].die->has_pc)
			di->cus[i].low_pc = di->cus[i].die->low_pc;
	}
}

/* The number of units in .debug_info, from their lengths alone. */
static int
count_units(const uint8_t *p, const uint8_t *end)
{
	int n = 0;

	while (end - p >= 4) {
		uint32_t len = p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;

		if (len > (uint32_t)(end - p - 4))
			break;
		p += 4 + len;
		n++;
	}
	return n;
}

int
dw_info_load(struct dw_info *di, const struct elf_file *ef)
{
	struct abbrevs ab;
	struct dw_cursor c, u;
	const uint8_t *base;
	size_t len;
	int cap = 0, n;

	memset(di, 0, sizeof(*di));
	memset(&ab, 0, sizeof(ab));
	di->ef = ef;
	base = elf_section_data(ef, elf_section(ef, ".debug_info"), &len);
	if (base == NULL)
		return -1;
	n = count_units(base, base + len);
	if ((di->cus = calloc(n + 1, sizeof(*di->cus))) == NULL)
		return -1;
	c.p = base;
	c.end = base + len;
	c.bad = 0;
	while (di->ncus < n) {
		struct dw_cu *cu = &di->cus[di->ncus++];
		uint32_t ulen, aoff;

		cu->off = c.p - base;
		ulen = dw_fixed(&c, 4);
		u.p = c.p;
		u.end = c.p + ulen;
		u.bad = 0;
		c.p = u.end;
		cu->version = dw_fixed(&u, 2);
		if (cu->version >= 5) {
			dw_fixed(&u, 1);	/* unit type */
			cu->addr_size = dw_fixed(&u, 1);
			aoff = dw_fixed(&u, 4);
		} else {
			aoff = dw_fixed(&u, 4);
			cu->addr_size = dw_fixed(&u, 1);
		}
		if (cu->version < 2 || cu->version > 5 || cu->addr_size != 4 ||
		    u.bad)
			continue;
		if ((ab.a == NULL || ab.off != aoff) &&
		    load_abbrevs(ef, aoff, &ab) != 0)
			continue;
		read_unit(di, cu, &ab, &u, base, &cap);
	}
	free(ab.a);
	link_tree(di);
	return 0;
}

void
dw_info_free(struct dw_info *di)
{
	free(di->dies);
	free(di->cus);
	memset(di, 0, sizeof(*di));
}

struct dw_die *
dw_die_at(const struct dw_info *di, uint32_t off)
{
	int lo = 0, hi = di->ndies - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;

		if (di->dies[mid].off == off)
			return &di->dies[mid];
		if (di->dies[mid].off < off)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

/* The deepest subprogram under die whose pc range holds pc. */
static struct dw_die *
search(struct dw_die *die, uint32_t pc)
{
	struct dw_die *c, *found;

	for (c = die->child; c != NULL; c = c->sibling) {
		if (c->tag != DW_TAG_subprogram && c->tag != DW_TAG_lexical_block)
			continue;
		if (c->has_pc && (pc < c->low_pc || pc >= c->high_pc))
			continue;
		if (c->tag == DW_TAG_subprogram && c->has_pc)
			return (found = search(c, pc)) != NULL &&
			    found->tag == DW_TAG_subprogram ? found : c;
	}
	return NULL;
}

struct dw_die *
dw_function_at(const struct dw_info *di, uint32_t pc)
{
	struct dw_die *f;
	int i;

	for (i = 0; i < di->ncus; i++) {
		struct dw_die *cu = di->cus[i].die;

		if (cu == NULL || (cu->has_pc && cu->high_pc > cu->low_pc &&
		    (pc < cu->low_pc || pc >= cu->high_pc)))
			continue;
		if ((f = search(cu, pc)) != NULL)
			return f;
	}
	return NULL;
}
