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

#endif
