/* mem.c: see mem.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"
#include "banned.h"

static void *
check(void *p)
{
	static const char msg[] = "benut: out of memory\n";

	if (p == NULL) {
		(void)!write(2, msg, sizeof msg - 1);
		abort();
	}
	return p;
}

void *
be_xmalloc(size_t n)
{
	return check(malloc(n ? n : 1));
}

void *
be_xcalloc(size_t n, size_t size)
{
	return check(calloc(n ? n : 1, size ? size : 1));
}

void *
be_xrealloc(void *p, size_t n)
{
	return check(realloc(p, n ? n : 1));
}

void *
be_xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return check(NULL);
	return be_xrealloc(p, n * size);
}

size_t
be_grow_cap(size_t cap, size_t n)
{
	size_t c = cap < SIZE_MAX / 2 ? 2 * cap : SIZE_MAX;

	if (c < 16)
		c = 16;
	return c < n ? n : c;
}

char *
be_xstrdup(const char *s)
{
	return check(strdup(s));
}

char *
be_xstrndup(const char *s, size_t n)
{
	return check(strndup(s, n));
}
