/* ksyms.h - look up the kernel function that contains an address. */
#ifndef KERNEL_KSYMS_H
#define KERNEL_KSYMS_H

#include <stddef.h>
#include <stdint.h>

/* The name of the function containing addr and the offset into it, or NULL. */
const char	*ksym_lookup(uint32_t addr, uint32_t *offset);

#endif
