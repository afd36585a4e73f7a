/* stdnoreturn.h - the C11 spelling of _Noreturn. */
#ifndef _STDNORETURN_H_
#define _STDNORETURN_H_
#define noreturn	_Noreturn
#endif
