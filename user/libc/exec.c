/*
 * exec.c - the exec family on top of execve. execvp and execlp search the
 * directories of PATH (default "/bin") for a name without a '/'; a file the
 * kernel cannot execute (ENOEXEC) is run by /bin/sh as a script.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ARGS_MAX	64	/* arguments execl and execlp accept */
#define DEFAULT_PATH	"/bin"

int
execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/* Runs path as a shell script: sh path argv[1] ... */
static void
exec_script(const char *path, char *const argv[])
{
	char *args[ARGS_MAX + 2];
	int i;

	args[0] = "sh";
	args[1] = (char *)path;
	for (i = 1; argv[0] != NULL && argv[i] != NULL && i < ARGS_MAX; i++)
		args[i + 1] = argv[i];
	args[i + 1] = NULL;
	execve("/bin/sh", args, environ);
}

/* execve, falling back to sh for a file that is not a program. */
static int
exec_file(const char *path, char *const argv[])
{
	execve(path, argv, environ);
	if (errno == ENOEXEC) {
		exec_script(path, argv);
		errno = ENOEXEC;
	}
	return -1;
}

int
execvp(const char *file, char *const argv[])
{
	const char *dirs, *end;
	char path[PATH_MAX];
	size_t dlen, flen = strlen(file);
	int saved = ENOENT;

	if (*file == '\0') {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/') != NULL)
		return exec_file(file, argv);
	if ((dirs = getenv("PATH")) == NULL)
		dirs = DEFAULT_PATH;
	for (;; dirs = end + 1) {
		end = strchr(dirs, ':');
		if (end == NULL)
			end = dirs + strlen(dirs);
		dlen = end - dirs;
		if (dlen + 1 + flen < sizeof(path)) {
			/* An empty entry means the current directory. */
			memcpy(path, dirs, dlen);
			path[dlen] = dlen > 0 ? '/' : '\0';
			strcpy(path + dlen + (dlen > 0), file);
			exec_file(path, argv);
			/* Remember a more telling error than "not found". */
			if (errno != ENOENT && errno != ENOTDIR)
				saved = errno;
		}
		if (*end == '\0')
			break;
	}
	errno = saved;
	return -1;
}

/* Collects execl's variable arguments into argv; NULL if there are too many. */
static char **
collect(char **argv, const char *arg0, va_list ap)
{
	int i = 0;

	argv[i++] = (char *)arg0;
	while (arg0 != NULL && (argv[i] = va_arg(ap, char *)) != NULL)
		if (++i == ARGS_MAX) {
			errno = E2BIG;
			return NULL;
		}
	return argv;
}

int
execl(const char *path, const char *arg0, ...)
{
	char *argv[ARGS_MAX + 1];
	va_list ap;
	char **args;

	va_start(ap, arg0);
	args = collect(argv, arg0, ap);
	va_end(ap);
	return args == NULL ? -1 : execv(path, args);
}

int
execlp(const char *file, const char *arg0, ...)
{
	char *argv[ARGS_MAX + 1];
	va_list ap;
	char **args;

	va_start(ap, arg0);
	args = collect(argv, arg0, ap);
	va_end(ap);
	return args == NULL ? -1 : execvp(file, args);
}
