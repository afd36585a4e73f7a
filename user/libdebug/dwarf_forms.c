/*
 * dwarf_forms.c - one attribute value of any form (DWARF 5 section 7.5.6):
 * constants of 1 to 16 bytes and LEB128, strings in place or in
 * .debug_str/.debug_line_str, blocks and expressions, references, flags.
 * Split-DWARF indexes (strx, addrx) are read past but give no value.
 */
#include <string.h>
#include "dwarf_forms.h"

int
dw_is_ref(uint32_t form)
{
	return (form >= DW_FORM_ref_addr && form <= DW_FORM_ref_udata) ||
	    form == DW_FORM_ref_sup4;
}

static void
block(struct dw_cursor *c, struct dw_value *v, uint64_t len)
{
	v->u = len;
	v->block = c->p;
	if (len > (uint64_t)(c->end - c->p)) {
		c->bad = 1;
		v->block = NULL;
		v->u = 0;
		c->p = c->end;
	} else
		c->p += len;
}

int
dw_form_read(const struct elf_file *ef, const struct dw_cu *cu,
    struct dw_cursor *c, uint32_t form, int64_t implicit, struct dw_value *v)
{
	memset(v, 0, sizeof(*v));
	switch (form) {
	case DW_FORM_addr:
		v->u = dw_fixed(c, cu->addr_size);
		break;
	case DW_FORM_data1: case DW_FORM_ref1: case DW_FORM_flag:
	case DW_FORM_strx1: case DW_FORM_addrx1:
		v->u = dw_fixed(c, 1);
		v->s = (int8_t)v->u;
		break;
	case DW_FORM_data2: case DW_FORM_ref2:
		v->u = dw_fixed(c, 2);
		v->s = (int16_t)v->u;
		break;
	case 0x26: case 0x2a:		/* strx2, addrx2 */
		v->u = dw_fixed(c, 2);
		break;
	case 0x27: case 0x2b:		/* strx3, addrx3 */
		v->u = dw_fixed(c, 3);
		break;
	case DW_FORM_data4: case DW_FORM_ref4: case DW_FORM_ref_addr:
	case DW_FORM_sec_offset: case DW_FORM_strx4: case DW_FORM_addrx4:
	case DW_FORM_ref_sup4: case DW_FORM_strp_sup:
		v->u = dw_fixed(c, 4);
		v->s = (int32_t)v->u;
		break;
	case DW_FORM_data8: case DW_FORM_ref8: case DW_FORM_ref_sig8:
		v->u = dw_fixed(c, 4);
		v->u |= (uint64_t)dw_fixed(c, 4) << 32;
		v->s = (int64_t)v->u;
		break;
	case DW_FORM_data16:
		block(c, v, 16);
		v->block = NULL;
		break;
	case DW_FORM_sdata:
		v->s = dw_sleb(c);
		v->u = (uint64_t)v->s;
		break;
	case DW_FORM_udata: case DW_FORM_ref_udata: case DW_FORM_strx:
	case DW_FORM_addrx: case DW_FORM_loclistx: case DW_FORM_rnglistx:
		v->u = dw_uleb(c);
		v->s = (int64_t)v->u;
		break;
	case DW_FORM_string:
		v->str = dw_cstr(c);
		break;
	case DW_FORM_strp:
		v->str = dw_section_str(ef, ".debug_str", dw_fixed(c, 4));
		break;
	case DW_FORM_line_strp:
		v->str = dw_section_str(ef, ".debug_line_str", dw_fixed(c, 4));
		break;
	case DW_FORM_block1:
		block(c, v, dw_fixed(c, 1));
		break;
	case DW_FORM_block2:
		block(c, v, dw_fixed(c, 2));
		break;
	case DW_FORM_block4:
		block(c, v, dw_fixed(c, 4));
		break;
	case DW_FORM_block: case DW_FORM_exprloc:
		block(c, v, dw_uleb(c));
		break;
	case DW_FORM_flag_present:
		v->u = 1;
		break;
	case DW_FORM_implicit_const:
		v->s = implicit;
		v->u = (uint64_t)implicit;
		break;
	case DW_FORM_indirect:
		return dw_form_read(ef, cu, c, dw_uleb(c), implicit, v);
	default:
		return -1;
	}
	if (form == DW_FORM_strx || (form >= DW_FORM_strx1 && form <= DW_FORM_strx4))
		v->str = "";
	return c->bad ? -1 : 0;
}
