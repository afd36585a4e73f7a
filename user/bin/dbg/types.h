/*
 * types.h - C types and typed values, the currency of print, display,
 * ptype and whatis.
 *
 * A struct type is made once per DWARF type entry (types.c keeps them by
 * entry offset) or built by dbg itself for literals, registers, casts and
 * the address-of operator. A struct value is a type with either an address
 * in the inferior (an lvalue in memory), a DWARF register, or its bytes.
 */
#ifndef DBG_TYPES_H
#define DBG_TYPES_H

#include <stddef.h>
#include <stdint.h>
#include "libdebug/dwarf.h"

enum tkind {
	TY_VOID, TY_INT, TY_BOOL, TY_FLOAT, TY_PTR, TY_ARRAY, TY_STRUCT,
	TY_UNION, TY_ENUM, TY_FUNC, TY_TYPEDEF, TY_CONST, TY_VOLATILE,
	TY_FLAGS,		/* $eflags, $mxcsr: bit names */
	TY_VEC			/* $xmm: gdb's vec128 union */
};

struct type {
	enum tkind	kind;
	uint32_t	size;
	int		is_signed, is_char;
	const char	*name;		/* base, tag or typedef name */
	struct type	*target;	/* pointee, element, aliased, returned */
	uint32_t	count;		/* array elements */
	const struct dw_die *die;	/* members, enumerators, parameters */
	const char *const *bits;	/* TY_FLAGS: a name per bit */
	struct type	*next;		/* all types, for freeing */
};

enum vwhere { V_NONE, V_MEM, V_REG };

#define VAL_BYTES	16

struct value {
	struct type	*t;
	enum vwhere	where;
	uint32_t	addr;		/* V_MEM */
	int		reg;		/* V_REG: DWARF register number */
	int		optimized;	/* <optimized out> */
	unsigned char	b[VAL_BYTES];	/* scalars: the contents */
};

struct dbg;

/* types.c */
struct type *type_of_die(struct dbg *d, uint32_t off);
struct type *type_base(struct dbg *d, const char *name);
struct type *type_pointer(struct dbg *d, struct type *to);
struct type *type_array(struct dbg *d, struct type *of, uint32_t n);
struct type *type_strip(struct type *t);	/* typedefs, qualifiers */
void	types_free(struct dbg *d);
int	type_is_scalar(struct type *t);

/* ptype.c: names ("int [5]"), declarations, and looking a type up by name */
void	type_name(struct dbg *d, struct type *t, char *buf, size_t n);
void	type_decl(struct dbg *d, struct type *t, const char *name, char *buf,
	    size_t n);
struct type *type_parse(struct dbg *d, const char **sp);

/* value.c */
int	value_fetch(struct dbg *d, struct value *v);
int64_t	value_as_int(struct value *v);
double	value_as_double(struct value *v);
void	value_print(struct dbg *d, struct value *v, char fmt, int top);
void	value_from_int(struct dbg *d, struct value *v, struct type *t,
	    int64_t i);
void	value_from_double(struct value *v, struct type *t, double x);

#endif
