/*
 * debuggee.c - the program the dbg_source suite debugs by source line, built
 * -O0 -g (Makefile) so that every variable lives in memory: nested calls
 * (main -> area -> square), structs, a union, an enum, arrays, a float and a
 * double, pointers, a typedef and const; twice() is assembly, without lines.
 * The suite finds lines by the markers in comments ("L:name"), never by
 * number, and compares what dbg prints with what this program prints
 * itself: "debuggee: NAME=VALUE" lines, one per value.
 */
#include <stdio.h>

enum color { RED, GREEN = 2, BLUE };
typedef unsigned int count_t;

struct point {
	int	x, y;
};

struct shape {
	char		name[12];
	struct point	corner;
	struct point	*origin;
	enum color	color;
	double		scale;
	float		ratio;
	short		id;
};

union word {
	unsigned int	u;
	unsigned char	b[4];
};

int counter = 2;
double pi = 3.141592653589793;
int table[5] = { 10, 20, 30, 40, 50 };
struct point origin = { -1, 1 };
struct shape box = { "box", { 3, 4 }, &origin, GREEN, 1.5, 0.25f, 7 };
union word word = { 0x11223344 };
const char *greeting = "hello";
count_t calls;
int	twice(int);

static int
square(int v)
{
	int sq = v * v;		/* L:square_body */

	calls++;
	return sq;		/* L:square_return */
}

static int
area(struct point *p)
{
	int w = square(p->x);	/* L:area_first */
	int h = square(p->y);	/* L:area_second */

	return w + h;
}

static double
scaled(const struct shape *s, double by)
{
	double r = s->scale * by;	/* L:scaled_body */

	return r;
}

int
main(void)
{
	int a = area(&box.corner);	/* L:main_area */
	double d = scaled(&box, 2.0);	/* L:main_scaled */
	float f = box.ratio * 2;
	int i;

	for (i = 0; i < 5; i++)		/* L:main_loop */
		table[i] += a;
	counter += a;			/* L:main_counter */
	printf("debuggee: a=%d\n", a);	/* L:main_print */
	printf("debuggee: d=%.17g\n", d);
	printf("debuggee: f=%.9g\n", (double)f);
	printf("debuggee: counter=%d\n", counter);
	printf("debuggee: table[3]=%d\n", table[3]);
	printf("debuggee: table={%d, %d, %d, %d, %d}\n", table[0], table[1],
	    table[2], table[3], table[4]);
	printf("debuggee: box.corner={x = %d, y = %d}\n", box.corner.x,
	    box.corner.y);
	printf("debuggee: *box.origin={x = %d, y = %d}\n", box.origin->x,
	    box.origin->y);
	printf("debuggee: box.corner.y=%d\n", box.corner.y);
	printf("debuggee: box.name=%s\n", box.name);
	printf("debuggee: word.b[0]=%d\n", word.b[0]);
	printf("debuggee: pi=%.17g\n", pi);
	printf("debuggee: calls=%u\n", calls);
	i = twice(a);			/* L:main_twice */
	printf("debuggee: twice=%d\n", i);
	return a;
}

/* 2 * v in assembly: no line information, so "step" runs it whole. */
__asm__(
	".text\n"
	".globl twice\n.type twice, @function\n"
	"twice:\n"
	"	movl 4(%esp), %eax\n"
	"	addl %eax, %eax\n"
	"	ret\n"
	".size twice, . - twice\n");
