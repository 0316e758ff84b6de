/*
 * fuzz-csv: libFuzzer entry point of lib/csv.c and lib/enc.c.  Reads all
 * rows of the input with detection on (going on after the errors of a
 * row) and checks what every row and error must satisfy; then reads it
 * again in pieces of a few bytes, with the encoding and delimiter found,
 * which must give the same rows and errors at the same places; then once
 * more with a small field limit.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "csvr.h"
#include "fhash.h"
#include "enc.h"

/* Reads data with o, checks, and writes what came out to t. */
static void
run(const uint8_t *data, size_t size, struct be_csv_opts *o,
    struct be_buf *t, char *enc, int *delim)
{
	struct be_csv *c;
	struct be_err e;
	FILE *fp;
	char **f, *h;
	size_t n, i, len, max = o->max_field ? o->max_field : BE_CSV_MAX_FIELD;
	unsigned long line, last = 0, fl, fc;
	int r, more;

	if ((fp = fmemopen((void *)data, size, "r")) == NULL)
		abort();
	be_err_init(&e);
	if ((c = be_csv_open(fp, "fuzz.csv", o, &e)) == NULL)
		abort();
	if (enc)
		snprintf(enc, 32, "%s", be_csv_encoding(c));
	while ((r = be_csv_row(c, &f, &n, &line, &e)) != 0) {
		if (r < 0) {
			/* Messages may differ with the encoding forced. */
			be_buf_addf(t, "!%lu:%lu\n", e.line, e.col);
			if (e.line == 0 || e.col == 0 || e.msg[0] == '\0')
				abort();
			if (be_csv_failed(c))
				break;
			continue;
		}
		if (n == 0 || line <= last)
			abort();
		last = line;
		be_buf_addf(t, "%lu:", line);
		for (i = 0; i < n; i++) {
			len = strlen(f[i]);
			if (len > max)
				abort();
			if (be_utf8_valid((const unsigned char *)f[i], len,
			    &more) != len)
				abort();
			be_csv_field_pos(c, i, &fl, &fc);
			if (fl < line || fc == 0)
				abort();
			be_buf_addf(t, "%lu:%lu:", fl, fc);
			be_buf_add(t, f[i], len + 1);
		}
		be_buf_addc(t, '\n');
	}
	if (be_csv_row(c, &f, &n, &line, &e) != r)
		abort();
	/* After a sep= line, the delimiter it set (forced, it wins). */
	if (delim)
		*delim = be_csv_delim(c);
	h = be_csv_hash(c);
	if (strlen(h) != BE_FHASH_HEX)
		abort();
	free(h);
	be_csv_close(c);
	fclose(fp);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct be_csv_opts o = { 0, NULL, 0 };
	struct be_buf a = BE_BUF_INIT, b = BE_BUF_INIT;
	char enc[32];
	int delim;

	if (size == 0)
		return 0;
	run(data, size, &o, &a, enc, &delim);
	o.delim = delim;
	o.encoding = enc;
	be_enc_chunk = 4 + data[0] % 13;
	run(data, size, &o, &b, NULL, NULL);
	be_enc_chunk = BE_ENC_CHUNK;
	if (a.len != b.len || memcmp(a.s, b.s, a.len) != 0)
		abort();
	be_buf_reset(&b);
	o.max_field = 8;
	run(data, size, &o, &b, NULL, NULL);
	be_buf_release(&a);
	be_buf_release(&b);
	return 0;
}
