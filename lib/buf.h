/*
 * buf.h: a growable byte string, always NUL-terminated (git's strbuf).
 *
 * struct be_buf b = BE_BUF_INIT;  be_buf_adds(&b, "x");  ...
 * be_buf_release(&b) frees the contents; be_buf_detach hands them to the
 * caller.  Out of memory aborts (see mem.h).
 */
#ifndef BE_BUF_H
#define BE_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

struct be_buf {
	char *s;	/* "" (static) until something is added */
	size_t len;
	size_t cap;
};

#define BE_BUF_INIT { be_buf_empty, 0, 0 }
extern char be_buf_empty[];

void be_buf_init(struct be_buf *b);
void be_buf_grow(struct be_buf *b, size_t extra);
void be_buf_add(struct be_buf *b, const void *p, size_t n);
void be_buf_adds(struct be_buf *b, const char *s);
void be_buf_addc(struct be_buf *b, int c);
void be_buf_addf(struct be_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void be_buf_vaddf(struct be_buf *b, const char *fmt, va_list ap);
/* Sets len to n (n <= len) and terminates. */
void be_buf_setlen(struct be_buf *b, size_t n);
#define be_buf_reset(b) be_buf_setlen((b), 0)
/* Frees the contents; b is empty and usable again. */
void be_buf_release(struct be_buf *b);
/* Returns the contents (caller frees) and leaves b empty. */
char *be_buf_detach(struct be_buf *b);
/* Removes trailing white space. */
void be_buf_rtrim(struct be_buf *b);
/*
 * Appends all that is left to read of fp.  0, or -1 on a read error
 * (ferror(fp) is set and errno says why).
 */
int be_buf_fread(struct be_buf *b, FILE *fp);

/* Appends the whole of the file path to b.  0, or -1 with errno set. */
int be_buf_read_file(struct be_buf *b, const char *path);

#endif
