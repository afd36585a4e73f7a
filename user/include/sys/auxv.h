/*
 * sys/auxv.h - the ELF auxiliary vector: the (type, value) word pairs exec
 * leaves on a new program's stack just past the environment's NULL, ended
 * by AT_NULL. Kestrel passes one entry: when system calls may enter by
 * SYSENTER, where SYSEXIT returns to (libc's crt0 looks for it).
 */
#ifndef _SYS_AUXV_H_
#define _SYS_AUXV_H_

#define AT_NULL		0	/* the end of the vector */
#define AT_KSYSENTER	0x4b01	/* Kestrel: SYSENTER taken; SYSEXIT's landing */

#endif
