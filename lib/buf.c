/* buf.c: see buf.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mem.h"
#include "banned.h"

char be_buf_empty[1];

void
be_buf_init(struct be_buf *b)
{
	b->s = be_buf_empty;
	b->len = b->cap = 0;
}

void
be_buf_grow(struct be_buf *b, size_t extra)
{
	size_t want = b->len + extra + 1;
	size_t cap;

	if (want <= b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap < want)
		cap *= 2;
	if (b->cap == 0) {
		b->s = be_xmalloc(cap);
		b->s[0] = '\0';
	} else
		b->s = be_xrealloc(b->s, cap);
	b->cap = cap;
}

void
be_buf_add(struct be_buf *b, const void *p, size_t n)
{
	be_buf_grow(b, n);
	memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
be_buf_adds(struct be_buf *b, const char *s)
{
	be_buf_add(b, s, strlen(s));
}

void
be_buf_addc(struct be_buf *b, int c)
{
	be_buf_grow(b, 1);
	b->s[b->len++] = (char)c;
	b->s[b->len] = '\0';
}

void
be_buf_vaddf(struct be_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	be_buf_grow(b, 64);
	va_copy(cp, ap);
	n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, cp);
	va_end(cp);
	if (n < 0) {
		b->s[b->len] = '\0';
		return;
	}
	if ((size_t)n >= b->cap - b->len) {
		be_buf_grow(b, (size_t)n);
		vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
}

void
be_buf_addf(struct be_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	be_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void
be_buf_setlen(struct be_buf *b, size_t n)
{
	if (b->cap == 0)
		return;
	b->len = n;
	b->s[n] = '\0';
}

void
be_buf_release(struct be_buf *b)
{
	if (b->cap)
		free(b->s);
	be_buf_init(b);
}

char *
be_buf_detach(struct be_buf *b)
{
	char *s = b->cap ? b->s : be_xstrdup("");

	be_buf_init(b);
	return s;
}

void
be_buf_rtrim(struct be_buf *b)
{
	while (b->len && strchr(" \t\r\n", b->s[b->len - 1]))
		b->len--;
	if (b->cap)
		b->s[b->len] = '\0';
}

int
be_buf_fread(struct be_buf *b, FILE *fp)
{
	char chunk[8192];
	size_t n;

	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		be_buf_add(b, chunk, n);
	return ferror(fp) ? -1 : 0;
}

int
be_buf_read_file(struct be_buf *b, const char *path)
{
	FILE *fp = fopen(path, "r");
	int rc, err;

	if (fp == NULL)
		return -1;
	rc = be_buf_fread(b, fp);
	err = errno;
	fclose(fp);
	errno = err;
	return rc;
}
