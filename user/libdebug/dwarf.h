/*
 * dwarf.h - reading the DWARF debugging information gcc writes (versions 4
 * and 5): the line table (.debug_line), the tree of debugging entries
 * (.debug_info with .debug_abbrev, .debug_str, .debug_line_str), and
 * location expressions and lists (.debug_loc, .debug_loclists).
 *
 * Everything points into the ELF file's bytes, which must outlive the
 * tables. The readers check every length against its section: a damaged
 * file yields fewer rows or entries, never a read out of bounds.
 */
#ifndef LIBDEBUG_DWARF_H
#define LIBDEBUG_DWARF_H

#include <stddef.h>
#include <stdint.h>
#include "elf.h"

/* ---- the line table (dwarf_line.c) */
struct dw_file {
	const char	*name;		/* as the compiler recorded it */
	const char	*dir;		/* its directory, NULL for comp_dir */
	const char	*comp_dir;	/* the compilation's directory */
};

struct dw_row {
	uint32_t	addr;
	uint32_t	line;
	uint16_t	file;		/* index into dw_lines.files */
	uint8_t		is_stmt;
	uint8_t		end_seq;	/* addr is one past the sequence */
	uint32_t	order;		/* position in the program, for sorting */
};

struct dw_lines {
	struct dw_row	*rows;		/* sorted by address */
	int		nrows;
	struct dw_file	*files;
	int		nfiles;
};

int	dw_lines_load(struct dw_lines *dl, const struct elf_file *ef);
void	dw_lines_free(struct dw_lines *dl);

/* The row whose range holds addr, or NULL. */
const struct dw_row *dw_row_at(const struct dw_lines *dl, uint32_t addr);

/* The address where the row after r begins (the end of r's range). */
uint32_t dw_row_end(const struct dw_lines *dl, const struct dw_row *r);

/* Does file f's path end with name at a '/' (gdb's "demo.c" matching)? */
int	dw_file_matches(const struct dw_lines *dl, int f, const char *name);

/* f's path as a user reads it: "user/bin/demo.c" (dir joined if any). */
void	dw_file_path(const struct dw_lines *dl, int f, char *buf, size_t n);

/* ---- the entries (dwarf_info.c) */
struct dw_die {
	uint32_t	off;		/* offset in .debug_info */
	uint16_t	tag;
	uint8_t		has_pc, has_size, has_bound, has_const, has_member;
	uint8_t		external, declaration, loc_kind;
	struct dw_die	*parent, *child, *sibling;
	const char	*name;
	uint32_t	type;		/* offset of the type entry, 0: void */
	uint32_t	origin;		/* abstract_origin or specification */
	uint32_t	low_pc, high_pc;
	uint32_t	byte_size, upper_bound, member_off, encoding;
	int64_t		const_value;
	const uint8_t	*loc;		/* an expression, or 0 and loclist */
	uint32_t	loclen, loclist;
	const uint8_t	*frame_base;
	uint32_t	fblen;
	struct dw_cu	*cu;
};

#define DW_LOC_NONE	0
#define DW_LOC_EXPR	1
#define DW_LOC_LIST	2

struct dw_cu {
	uint32_t	off;
	int		version, addr_size;
	uint32_t	low_pc;		/* base address of location lists */
	uint32_t	loclists_base;
	struct dw_die	*die;		/* the DW_TAG_compile_unit */
};

struct dw_info {
	struct dw_die	*dies;		/* in offset order */
	int		ndies;
	struct dw_cu	*cus;
	int		ncus;
	const struct elf_file *ef;
};

int	dw_info_load(struct dw_info *di, const struct elf_file *ef);
void	dw_info_free(struct dw_info *di);
struct dw_die *dw_die_at(const struct dw_info *di, uint32_t off);

/* The innermost subprogram whose [low_pc, high_pc) holds pc, or NULL. */
struct dw_die *dw_function_at(const struct dw_info *di, uint32_t pc);

/* ---- locations (dwarf_loc.c) */
enum dw_where {
	DW_OPTIMIZED,	/* no location at this pc */
	DW_MEMORY,	/* at addr */
	DW_REGISTER,	/* in DWARF register reg */
	DW_VALUE	/* the value itself, in value */
};

struct dw_loc {
	enum dw_where	where;
	uint32_t	addr, value;
	int		reg;
};

/* What a location expression needs from the stopped program. */
struct dw_frame_ctx {
	uint32_t	pc, cfa;
	int		(*reg)(void *arg, int dwreg, uint32_t *v);
	int		(*mem)(void *arg, uint32_t addr, uint32_t *v);
	void		*arg;
};

/*
 * Where the variable die lives at ctx->pc; fb: the function's frame base
 * expression (NULL if none). 0, or -1 for an expression dbg cannot read.
 */
int	dw_locate(const struct dw_info *di, const struct dw_die *die,
	    const struct dw_die *func, const struct dw_frame_ctx *ctx,
	    struct dw_loc *out);

/* DW_TAG and DW_ATE values used outside the readers. */
#define DW_TAG_array_type		0x01
#define DW_TAG_enumeration_type		0x04
#define DW_TAG_formal_parameter		0x05
#define DW_TAG_lexical_block		0x0b
#define DW_TAG_member			0x0d
#define DW_TAG_pointer_type		0x0f
#define DW_TAG_compile_unit		0x11
#define DW_TAG_structure_type		0x13
#define DW_TAG_subroutine_type		0x15
#define DW_TAG_typedef			0x16
#define DW_TAG_union_type		0x17
#define DW_TAG_inlined_subroutine	0x1d
#define DW_TAG_subrange_type		0x21
#define DW_TAG_base_type		0x24
#define DW_TAG_const_type		0x26
#define DW_TAG_enumerator		0x28
#define DW_TAG_subprogram		0x2e
#define DW_TAG_variable			0x34
#define DW_TAG_volatile_type		0x35
#define DW_TAG_restrict_type		0x37
#define DW_TAG_unspecified_parameters	0x18

#define DW_ATE_boolean			0x02
#define DW_ATE_float			0x04
#define DW_ATE_signed			0x05
#define DW_ATE_signed_char		0x06
#define DW_ATE_unsigned			0x07
#define DW_ATE_unsigned_char		0x08

/* LEB128 and fixed-size reads with a bounds check (dwarf_line.c). */
struct dw_cursor {
	const uint8_t	*p, *end;
	int		bad;		/* a read ran past end */
};

uint64_t dw_uleb(struct dw_cursor *c);
int64_t	dw_sleb(struct dw_cursor *c);
uint32_t dw_fixed(struct dw_cursor *c, int n);
const char *dw_cstr(struct dw_cursor *c);
const char *dw_section_str(const struct elf_file *ef, const char *sec,
	    uint32_t off);

#endif
