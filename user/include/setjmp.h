/*
 * setjmp.h - non-local jumps. The buffer has FreeBSD/i386's size; Kestrel
 * uses words 0-5 for ebx, esi, edi, ebp, esp, eip, 6-9 for the signal mask
 * and 10 to say whether the mask was saved.
 */
#ifndef _SETJMP_H_
#define _SETJMP_H_

#define _JBLEN	11

typedef struct _jmp_buf { int _jb[_JBLEN + 1]; } jmp_buf[1];
typedef struct _sigjmp_buf { int _ssjb[_JBLEN + 1]; } sigjmp_buf[1];

/* setjmp/longjmp save and restore the signal mask (BSD); _setjmp/_longjmp do not. */
int	setjmp(jmp_buf) __attribute__((returns_twice));
_Noreturn void	longjmp(jmp_buf, int);
int	_setjmp(jmp_buf) __attribute__((returns_twice));
_Noreturn void	_longjmp(jmp_buf, int);
int	sigsetjmp(sigjmp_buf, int) __attribute__((returns_twice));
_Noreturn void	siglongjmp(sigjmp_buf, int);

#endif
