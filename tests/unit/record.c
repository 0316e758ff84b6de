/* Unit tests of lib/record.c. */
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "tap.h"

static int
count(const struct be_rec *r, const char *name, unsigned long line,
    void *arg, struct be_err *e)
{
	(*(int *)arg)++;
	return 0;
}

int
main(void)
{
	struct be_rec r;
	struct be_buf b = BE_BUF_INIT;
	struct be_err e;
	unsigned long col = 0;
	long long id;
	int n = 0;
	const char *in = "S-1\tx\n# comment\n\nS-2\ty\r\n";
	const char *in2;
	FILE *fp;

	plan(16);
	be_rec_init(&r);
	in2 = "S-1\ta\\tb\t\\\\n\\n";
	ok(be_rec_parse(&r, in2, strlen(in2), &col) == 0,
	    "parses escapes");
	is_int((long long)r.n, 3, "three fields");
	is_str(be_rec_field(&r, 1), "a\tb", "\\t is a TAB");
	is_str(be_rec_field(&r, 2), "\\n\n", "\\\\ and \\n");
	is_str(be_rec_field(&r, 9), "", "past the end is empty");
	ok(be_rec_parse(&r, "S-1\tx\\q", 7, &col) < 0, "unknown escape refused");
	is_int((long long)col, 6, "at its column");
	ok(be_rec_parse(&r, "S-1\\", 4, &col) < 0, "lone backslash refused");
	be_rec_escape(&b, "a\tb\\c\nd\re");
	is_str(b.s, "a\\tb\\\\c\\nd\\re", "escape");
	ok(be_rec_parse(&r, b.s, b.len, &col) == 0 &&
	    strcmp(r.f[0], "a\tb\\c\nd\re") == 0, "escape round-trips");
	ok(be_ref_parse("S-12", 'S', &id) == 0 && id == 12, "ref S-12");
	ok(be_ref_parse("P-12", 'S', &id) < 0, "wrong kind refused");
	ok(be_ref_parse("S-012", 'S', &id) < 0, "leading zero refused");
	ok(be_ref_parse("S-1x", 'S', &id) < 0, "trailing junk refused");
	fp = fmemopen((void *)in, strlen(in), "r");
	be_err_init(&e);
	ok(be_rec_read(fp, "-", count, &n, &e) == 0, "reads records");
	is_int(n, 2, "skips comments and blank lines");
	fclose(fp);
	be_rec_release(&r);
	be_buf_release(&b);
	return done();
}
