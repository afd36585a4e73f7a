/*
 * scope.c - names in the program: which variable a name means where the
 * program is stopped, and where that variable is.
 *
 * The search follows C's scopes as gdb does: the innermost lexical block
 * around the selected frame's pc outwards to its function (locals, then
 * the arguments), then the file's and the program's globals, functions and
 * enumerators, and last the ELF symbols of code that has no debugging
 * information (assembly), whose type is unknown. A variable's DWARF
 * location is evaluated in the selected frame (its registers and CFA).
 */
#include <stdio.h>
#include <string.h>
#include "dbg.h"

static int
ctx_reg(void *arg, int dwreg, uint32_t *v)
{
	return frame_register(arg, dwreg, v, 4);
}

static int
ctx_mem(void *arg, uint32_t addr, uint32_t *v)
{
	return read_mem(arg, addr, v, 4);
}

/* The value of variable (or parameter) die, located in frame f. */
static int
locate(struct dbg *d, const struct dw_die *die, const struct dw_die *func,
    const struct frame *f, struct value *v)
{
	struct dw_frame_ctx ctx;
	struct dw_loc loc;

	memset(v, 0, sizeof(*v));
	v->t = type_of_die(d, die->type);
	ctx.pc = f ? f->pc : 0;
	ctx.cfa = f ? f->cfa : 0;
	ctx.reg = ctx_reg;
	ctx.mem = ctx_mem;
	ctx.arg = d;
	if (dw_locate(&d->info, die, func, &ctx, &loc) != 0) {
		v->optimized = 1;
		return 0;
	}
	switch (loc.where) {
	case DW_MEMORY:
		return value_at(d, v, v->t, loc.addr, 0);
	case DW_REGISTER:
		v->where = V_REG;
		v->reg = loc.reg;
		return value_fetch(d, v);
	case DW_VALUE:
		memcpy(v->b, &loc.value, 4);
		return 0;
	default:
		v->optimized = 1;
		return 0;
	}
}

/* The innermost block (or the function) under scope that holds pc. */
static const struct dw_die *
innermost_block(const struct dw_die *scope, uint32_t pc)
{
	const struct dw_die *c;

	for (c = scope->child; c != NULL; c = c->sibling)
		if (c->tag == DW_TAG_lexical_block && c->has_pc &&
		    pc >= c->low_pc && pc < c->high_pc)
			return innermost_block(c, pc);
	return scope;
}

/* A child of scope named name with one of the two tags, or NULL. */
static const struct dw_die *
child_named(const struct dw_die *scope, const char *name, int tag1, int tag2)
{
	const struct dw_die *c;

	for (c = scope->child; c != NULL; c = c->sibling)
		if ((c->tag == tag1 || c->tag == tag2) && c->name != NULL &&
		    strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

/* The function and frame the selected frame stands in, if any. */
static const struct dw_die *
current_function(struct dbg *d, struct frame *f, uint32_t *pc)
{
	if (d->pid == 0 || frame_selected(d, f) != 0)
		return NULL;
	*pc = frame_lookup_pc(f, d->frame);
	return dw_function_at(&d->info, *pc);
}

/* A global entity named name: a variable, function or enumerator. */
static int
global(struct dbg *d, const char *name, struct frame *f, struct value *v)
{
	const struct dw_die *e;
	int i;

	for (i = 0; i < d->info.ndies; i++) {
		e = &d->info.dies[i];
		if (e->name == NULL || strcmp(e->name, name) != 0)
			continue;
		if (e->tag == DW_TAG_variable && e->loc_kind != DW_LOC_NONE &&
		    e->parent != NULL && e->parent->tag == DW_TAG_compile_unit)
			return locate(d, e, NULL, f, v);
		if (e->tag == DW_TAG_subprogram && e->has_pc) {
			memset(v, 0, sizeof(*v));
			v->t = type_of_die(d, e->off);
			v->where = V_MEM;
			v->addr = e->low_pc;
			return 0;
		}
		if (e->tag == DW_TAG_enumerator && e->parent != NULL) {
			value_from_int(d, v, type_of_die(d, e->parent->off),
			    e->const_value);
			return 0;
		}
	}
	return 1;
}

/* The value a name has where the program is stopped. */
int
scope_value(struct dbg *d, const char *name, struct value *v)
{
	const struct dw_die *func, *block, *var;
	const struct sym *s;
	struct frame f;
	uint32_t pc = 0;
	int r;

	func = current_function(d, &f, &pc);
	for (block = func ? innermost_block(func, pc) : NULL; block != NULL &&
	    block != func->parent; block = block->parent)
		if ((var = child_named(block, name, DW_TAG_variable,
		    DW_TAG_formal_parameter)) != NULL)
			return locate(d, var, func, &f, v);
	if ((r = global(d, name, func ? &f : NULL, v)) <= 0)
		return r;
	if ((s = sym_by_name(&d->syms, name)) != NULL) {
		if (!s->func) {
			printf("'%s' has unknown type; cast it to its declared "
			    "type\n", name);
			return -1;
		}
		memset(v, 0, sizeof(*v));
		v->t = type_nodebug_text(d);
		v->where = V_MEM;
		v->addr = s->value;
		return 0;
	}
	printf("No symbol \"%s\" in current context.\n", name);
	return -1;
}

/*
 * Print the arguments of the function of frame f ("x=1, p=0x804a0c0") for
 * backtrace and frame lines; nothing when there is no debug information.
 */
void
scope_print_args(struct dbg *d, const struct dw_die *func,
    const struct frame *f)
{
	const struct dw_die *p;
	const char *sep = "";
	struct value v;

	for (p = func ? func->child : NULL; p != NULL; p = p->sibling) {
		if (p->tag != DW_TAG_formal_parameter || p->name == NULL)
			continue;
		printf("%s%s=", sep, p->name);
		if (locate(d, p, func, f, &v) == 0)
			value_print(d, &v, 0, 0);
		sep = ", ";
	}
}

/* info locals / info args of the selected frame. */
static void
list_vars(struct dbg *d, int args)
{
	const struct dw_die *func, *block, *c;
	struct frame f;
	struct value v;
	uint32_t pc = 0;
	int n = 0;

	if (d->pid == 0) {
		printf("No frame selected.\n");
		return;
	}
	if ((func = current_function(d, &f, &pc)) == NULL) {
		printf("No symbol table info available.\n");
		return;
	}
	block = args ? func : innermost_block(func, pc);
	for (; block != NULL && block != func->parent; block = block->parent) {
		for (c = block->child; c != NULL; c = c->sibling) {
			if (c->tag != (args ? DW_TAG_formal_parameter :
			    DW_TAG_variable) || c->name == NULL)
				continue;
			printf("%s = ", c->name);
			if (locate(d, c, func, &f, &v) == 0)
				value_print(d, &v, 0, 0);
			printf("\n");
			n++;
		}
		if (args)
			break;
	}
	if (n == 0)
		printf(args ? "No arguments.\n" : "No locals.\n");
}

void
cmd_info_locals(struct dbg *d, char *a)
{
	(void)a;
	list_vars(d, 0);
}

void
cmd_info_args(struct dbg *d, char *a)
{
	(void)a;
	list_vars(d, 1);
}
