/*
 * libFuzzer entry point for lib/redact.c.  Checks that the output is valid
 * UTF-8 when the input is, that the counts equal the markers added, and
 * that redacting the output again changes nothing.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "redact.h"

static int
valid_utf8(const char *s, size_t n)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	size_t i = 0;

	while (i < n) {
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0)
			return 0;
		i += (size_t)k;
	}
	return 1;
}

static unsigned
markers(const char *s, size_t n, int kind)
{
	const char *m = be_redact_marker(kind);
	size_t ml = strlen(m), i;
	unsigned c = 0;

	for (i = 0; i + ml <= n; i++)
		if (s[i] == '[' && memcmp(s + i, m, ml) == 0)
			c++;
	return c;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct be_buf a = BE_BUF_INIT, b = BE_BUF_INIT;
	struct be_redact_counts c, c2;
	const char *in = (const char *)data;
	unsigned r, sum = 0;
	int k;

	memset(&c, 0, sizeof c);
	memset(&c2, 0, sizeof c2);
	r = be_redact(in, size, &a, &c);
	if (valid_utf8(in, size) && !valid_utf8(a.s, a.len))
		abort();
	for (k = 0; k < BE_R_NKINDS; k++) {
		if (markers(a.s, a.len, k) != markers(in, size, k) + c.n[k])
			abort();
		sum += c.n[k];
	}
	if (sum != r)
		abort();
	if (be_redact(a.s, a.len, &b, &c2) != 0 || b.len != a.len ||
	    memcmp(a.s, b.s, a.len) != 0)
		abort();
	be_buf_release(&a);
	be_buf_release(&b);
	return 0;
}
