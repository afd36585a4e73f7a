/* inttypes.h - printf/scanf formats for <stdint.h> types on i386 (ILP32). */
#ifndef _INTTYPES_H_
#define _INTTYPES_H_

#include <stdint.h>

#define PRId8	"d"
#define PRId16	"d"
#define PRId32	"d"
#define PRId64	"lld"
#define PRIi8	"i"
#define PRIi16	"i"
#define PRIi32	"i"
#define PRIi64	"lli"
#define PRIo8	"o"
#define PRIo16	"o"
#define PRIo32	"o"
#define PRIo64	"llo"
#define PRIu8	"u"
#define PRIu16	"u"
#define PRIu32	"u"
#define PRIu64	"llu"
#define PRIx8	"x"
#define PRIx16	"x"
#define PRIx32	"x"
#define PRIx64	"llx"
#define PRIX8	"X"
#define PRIX16	"X"
#define PRIX32	"X"
#define PRIX64	"llX"
#define PRIdMAX	"jd"
#define PRIiMAX	"ji"
#define PRIoMAX	"jo"
#define PRIuMAX	"ju"
#define PRIxMAX	"jx"
#define PRIXMAX	"jX"
#define PRIdPTR	"d"
#define PRIiPTR	"i"
#define PRIoPTR	"o"
#define PRIuPTR	"u"
#define PRIxPTR	"x"
#define PRIXPTR	"X"

#define SCNd32	"d"
#define SCNi32	"i"
#define SCNu32	"u"
#define SCNx32	"x"
#define SCNd64	"lld"
#define SCNu64	"llu"
#define SCNx64	"llx"

intmax_t	strtoimax(const char *__restrict, char **__restrict, int);
uintmax_t	strtoumax(const char *__restrict, char **__restrict, int);

#endif
