/* stdlib.h - memory, process exit, environment, number conversion, sorting. */
#ifndef _STDLIB_H_
#define _STDLIB_H_

#include <stddef.h>
#include <stdint.h>

#define EXIT_SUCCESS	0
#define EXIT_FAILURE	1
#define RAND_MAX	0x7fffffff
#define MB_CUR_MAX	1

typedef struct { int quot; int rem; } div_t;
typedef struct { long quot; long rem; } ldiv_t;
typedef struct { long long quot; long long rem; } lldiv_t;

void	*malloc(size_t);
void	*calloc(size_t, size_t);
void	*realloc(void *, size_t);
void	free(void *);

_Noreturn void	exit(int);
_Noreturn void	_Exit(int);
_Noreturn void	abort(void);
int	atexit(void (*)(void));

char	*getenv(const char *);
int	setenv(const char *, const char *, int);
int	unsetenv(const char *);

long	strtol(const char *__restrict, char **__restrict, int);
unsigned long	strtoul(const char *__restrict, char **__restrict, int);
long long	strtoll(const char *__restrict, char **__restrict, int);
unsigned long long	strtoull(const char *__restrict, char **__restrict, int);
int	atoi(const char *);
long	atol(const char *);
long long	atoll(const char *);
double	strtod(const char *__restrict, char **__restrict);
float	strtof(const char *__restrict, char **__restrict);
long double	strtold(const char *__restrict, char **__restrict);
double	atof(const char *);

int	abs(int);
long	labs(long);
long long	llabs(long long);
div_t	div(int, int);
ldiv_t	ldiv(long, long);
lldiv_t	lldiv(long long, long long);

void	qsort(void *, size_t, size_t, int (*)(const void *, const void *));
void	*bsearch(const void *, const void *, size_t, size_t,
	    int (*)(const void *, const void *));

int	rand(void);
void	srand(unsigned);
long	random(void);
void	srandom(unsigned);

int	system(const char *);

int	mkstemp(char *);
int	mkstemps(char *, int);
int	mkostemp(char *, int);
int	mkostemps(char *, int, int);
char	*mkdtemp(char *);
char	*mktemp(char *);
char	*realpath(const char *__restrict, char *__restrict);

void	*reallocarray(void *, size_t, size_t);
long long	strtonum(const char *, long long, long long, const char **);
const char	*getprogname(void);
void	setprogname(const char *);
uint32_t	arc4random(void);
uint32_t	arc4random_uniform(uint32_t);
void	arc4random_buf(void *, size_t);

#endif
