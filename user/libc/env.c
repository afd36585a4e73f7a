/*
 * env.c - the environment. environ starts as the block the kernel built
 * (crt0 stores it); the first setenv or unsetenv copies the array to the
 * heap so that entries can be added. Strings setenv makes are never freed:
 * a caller may still hold one that getenv returned.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char **owned;		/* environ, when it is our heap copy */

/* Finds name's entry; returns its index, or the number of entries. */
static int
find(const char *name, size_t len)
{
	int i;

	for (i = 0; environ != NULL && environ[i] != NULL; i++)
		if (strncmp(environ[i], name, len) == 0 && environ[i][len] == '=')
			return i;
	return i;
}

char *
getenv(const char *name)
{
	size_t len = strlen(name);
	int i = find(name, len);

	return environ != NULL && environ[i] != NULL ? environ[i] + len + 1 :
	    NULL;
}

static int
badname(const char *name)
{
	if (name == NULL || *name == '\0' || strchr(name, '=') != NULL) {
		errno = EINVAL;
		return 1;
	}
	return 0;
}

/* Makes environ a heap array with room for one more entry. */
static int
grow(int count)
{
	char **n = malloc((count + 2) * sizeof(char *));
	int i;

	if (n == NULL)
		return -1;
	for (i = 0; i < count; i++)
		n[i] = environ[i];
	n[count] = n[count + 1] = NULL;
	free(owned);
	owned = environ = n;
	return 0;
}

int
setenv(const char *name, const char *value, int overwrite)
{
	size_t nlen, vlen;
	char *entry;
	int i;

	if (badname(name))
		return -1;
	nlen = strlen(name);
	i = find(name, nlen);
	if (environ != NULL && environ[i] != NULL && !overwrite)
		return 0;
	vlen = strlen(value);
	if ((entry = malloc(nlen + vlen + 2)) == NULL)
		return -1;
	memcpy(entry, name, nlen);
	entry[nlen] = '=';
	memcpy(entry + nlen + 1, value, vlen + 1);
	if (environ == NULL || environ[i] == NULL) {
		if (grow(i) == -1) {
			free(entry);
			return -1;
		}
	}
	environ[i] = entry;
	return 0;
}

int
unsetenv(const char *name)
{
	size_t len;
	int i;

	if (badname(name))
		return -1;
	len = strlen(name);
	i = find(name, len);
	if (environ == NULL || environ[i] == NULL)
		return 0;
	/* Shifting entries down changes the array; the kernel's is writable. */
	for (; environ[i] != NULL; i++)
		environ[i] = environ[i + 1];
	return 0;
}
