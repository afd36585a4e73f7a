/*
 * dwarf_read.c - the primitive reads of DWARF data: little-endian fixed
 * sizes, unsigned and signed LEB128, NUL-terminated strings. Each checks
 * the cursor's end; a read past it sets bad and returns 0 (or ""), so a
 * parser can read on and test bad once.
 */
#include <string.h>
#include "dwarf.h"

uint32_t
dw_fixed(struct dw_cursor *c, int n)
{
	uint32_t v = 0;
	int i;

	if (c->bad || c->end - c->p < n) {
		c->bad = 1;
		c->p = c->end;
		return 0;
	}
	for (i = 0; i < n && i < 4; i++)
		v |= (uint32_t)c->p[i] << (8 * i);
	c->p += n;
	return v;
}

uint64_t
dw_uleb(struct dw_cursor *c)
{
	uint64_t v = 0;
	int shift = 0;

	while (!c->bad) {
		uint8_t b;

		if (c->p >= c->end) {
			c->bad = 1;
			break;
		}
		b = *c->p++;
		if (shift < 64)
			v |= (uint64_t)(b & 0x7f) << shift;
		shift += 7;
		if (!(b & 0x80))
			return v;
	}
	return 0;
}

int64_t
dw_sleb(struct dw_cursor *c)
{
	uint64_t v = 0;
	int shift = 0;
	uint8_t b = 0;

	while (!c->bad) {
		if (c->p >= c->end) {
			c->bad = 1;
			return 0;
		}
		b = *c->p++;
		if (shift < 64)
			v |= (uint64_t)(b & 0x7f) << shift;
		shift += 7;
		if (!(b & 0x80))
			break;
	}
	if (shift < 64 && (b & 0x40))
		v |= ~(uint64_t)0 << shift;
	return (int64_t)v;
}

const char *
dw_cstr(struct dw_cursor *c)
{
	const char *s = (const char *)c->p;
	const uint8_t *nul;

	if (c->bad || (nul = memchr(c->p, '\0', c->end - c->p)) == NULL) {
		c->bad = 1;
		c->p = c->end;
		return "";
	}
	c->p = nul + 1;
	return s;
}

/* The string at off in section sec (.debug_str, .debug_line_str), or "". */
const char *
dw_section_str(const struct elf_file *ef, const char *sec, uint32_t off)
{
	size_t len;
	const uint8_t *p = elf_section_data(ef, elf_section(ef, sec), &len);

	if (p == NULL || off >= len || memchr(p + off, '\0', len - off) == NULL)
		return "";
	return (const char *)p + off;
}
