/* strcase.c - string comparison that ignores ASCII case (<strings.h>). */
#include <ctype.h>
#include <strings.h>

int
strcasecmp(const char *a, const char *b)
{
	int ca, cb;

	do {
		ca = tolower((unsigned char)*a++);
		cb = tolower((unsigned char)*b++);
	} while (ca == cb && ca != '\0');
	return ca - cb;
}

int
strncasecmp(const char *a, const char *b, size_t n)
{
	int ca, cb;

	for (; n > 0; n--) {
		ca = tolower((unsigned char)*a++);
		cb = tolower((unsigned char)*b++);
		if (ca != cb || ca == '\0')
			return ca - cb;
	}
	return 0;
}
