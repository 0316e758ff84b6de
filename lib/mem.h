/*
 * mem.h: allocation that does not fail.  When memory runs out the process
 * aborts (after a short message on stderr): no caller has a better plan,
 * and no store is left half-written, since every write is a transaction.
 */
#ifndef BE_MEM_H
#define BE_MEM_H

#include <stddef.h>

void *be_xmalloc(size_t n);
void *be_xcalloc(size_t n, size_t size);
void *be_xrealloc(void *p, size_t n);
char *be_xstrdup(const char *s);
char *be_xstrndup(const char *s, size_t n);

/*
 * Growing arrays, one way (as git's ALLOC_GROW):
 *
 *	BE_GROW(p, n, cap)	makes room in the array p, of cap elements,
 *				for at least n: when n > cap, cap becomes
 *				be_grow_cap(cap, n) and p is reallocated.
 *	BE_RESIZE(p, n)		reallocates p to n elements of *p; for arrays
 *				that grow by one, and for arrays kept side by
 *				side that share one cap (grow the cap with
 *				be_grow_cap, then BE_RESIZE each).
 *
 * Both abort when memory runs out or n * sizeof *p overflows.
 */
#define BE_GROW(p, n, cap) do { \
	if ((size_t)(n) > (size_t)(cap)) { \
		(cap) = be_grow_cap((size_t)(cap), (size_t)(n)); \
		BE_RESIZE(p, cap); \
	} \
} while (0)
#define BE_RESIZE(p, n) \
	((p) = be_xreallocarray((p), (size_t)(n), sizeof *(p)))

/* The next capacity of an array of cap elements that must hold n: twice
 * cap, at least n, at least 16. */
size_t be_grow_cap(size_t cap, size_t n);
/* be_xrealloc of n elements of size bytes; aborts on overflow. */
void *be_xreallocarray(void *p, size_t n, size_t size);

#endif
