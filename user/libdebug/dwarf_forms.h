/*
 * dwarf_forms.h - attribute names and value forms of .debug_info (DWARF 5
 * section 7.5), and reading one value of any form, for dwarf_info.c.
 */
#ifndef LIBDEBUG_DWARF_FORMS_H
#define LIBDEBUG_DWARF_FORMS_H

#include "dwarf.h"

#define DW_AT_location			0x02
#define DW_AT_name			0x03
#define DW_AT_byte_size			0x0b
#define DW_AT_low_pc			0x11
#define DW_AT_high_pc			0x12
#define DW_AT_const_value		0x1c
#define DW_AT_upper_bound		0x2f
#define DW_AT_abstract_origin		0x31
#define DW_AT_count			0x37
#define DW_AT_data_member_location	0x38
#define DW_AT_declaration		0x3c
#define DW_AT_encoding			0x3e
#define DW_AT_external			0x3f
#define DW_AT_frame_base		0x40
#define DW_AT_specification		0x47
#define DW_AT_type			0x49

#define DW_FORM_addr		0x01
#define DW_FORM_block2		0x03
#define DW_FORM_block4		0x04
#define DW_FORM_data2		0x05
#define DW_FORM_data4		0x06
#define DW_FORM_data8		0x07
#define DW_FORM_string		0x08
#define DW_FORM_block		0x09
#define DW_FORM_block1		0x0a
#define DW_FORM_data1		0x0b
#define DW_FORM_flag		0x0c
#define DW_FORM_sdata		0x0d
#define DW_FORM_strp		0x0e
#define DW_FORM_udata		0x0f
#define DW_FORM_ref_addr	0x10
#define DW_FORM_ref1		0x11
#define DW_FORM_ref2		0x12
#define DW_FORM_ref4		0x13
#define DW_FORM_ref8		0x14
#define DW_FORM_ref_udata	0x15
#define DW_FORM_indirect	0x16
#define DW_FORM_sec_offset	0x17
#define DW_FORM_exprloc		0x18
#define DW_FORM_flag_present	0x19
#define DW_FORM_strx		0x1a
#define DW_FORM_addrx		0x1b
#define DW_FORM_ref_sup4	0x1c
#define DW_FORM_strp_sup	0x1d
#define DW_FORM_data16		0x1e
#define DW_FORM_line_strp	0x1f
#define DW_FORM_ref_sig8	0x20
#define DW_FORM_implicit_const	0x21
#define DW_FORM_loclistx	0x22
#define DW_FORM_rnglistx	0x23
#define DW_FORM_strx1		0x25
#define DW_FORM_strx4		0x28
#define DW_FORM_addrx1		0x29
#define DW_FORM_addrx4		0x2c

/* One attribute value: a number (u, and s sign-extended), a string, a block. */
struct dw_value {
	uint64_t	u;
	int64_t		s;
	const char	*str;
	const uint8_t	*block;		/* u is then its length */
};

int	dw_is_ref(uint32_t form);

/* Read a value of form at c. 0, or -1 for a form this reader lacks. */
int	dw_form_read(const struct elf_file *ef, const struct dw_cu *cu,
	    struct dw_cursor *c, uint32_t form, int64_t implicit,
	    struct dw_value *v);

#endif
