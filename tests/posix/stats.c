/*
 * stats.c - numbers in, statistics out, written only against ISO C:
 * sscanf with %lf, qsort, sqrt, pow, exp, log, sin, cos and atan2 from
 * <math.h>, printed with a precision that any correct libm gives alike.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static const char *const data = "3.5 1e1 -2.25 7 0.125 42 6.02e2 -0.5 9 11";

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(void)
{
	double v[32], sum = 0, sq = 0, mean, sd;
	const char *p = data;
	int n = 0, used, i;

	while (n < 32 && sscanf(p, "%lf%n", &v[n], &used) == 1) {
		p += used;
		n++;
	}
	for (i = 0; i < n; i++) {
		sum += v[i];
		sq += v[i] * v[i];
	}
	mean = sum / n;
	sd = sqrt(sq / n - mean * mean);
	qsort(v, (size_t)n, sizeof(v[0]), cmp);
	printf("n %d, sum %.6f, mean %.6f, sd %.6f\n", n, sum, mean, sd);
	printf("min %g, median %g, max %g\n", v[0], (v[n / 2 - 1] + v[n / 2]) /
	    2, v[n - 1]);
	printf("pow %.10g exp %.10g log %.10g\n", pow(mean, 1.5), exp(sd / 100),
	    log(sum));
	printf("sin %.10f cos %.10f atan2 %.10f\n", sin(mean), cos(sd),
	    atan2(-1.0, -1.0));
	printf("floor %g ceil %g fmod %g fabs %g\n", floor(-2.5), ceil(-2.5),
	    fmod(v[n - 1], 7.0), fabs(v[0]));
	return 0;
}
