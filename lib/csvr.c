/*
 * csvr.c: see csvr.h.  (csvr, not csv: csv.h is libcsv's header.)
 *
 * libcsv splits the text into fields; this file feeds it and keeps the
 * places.  Each piece of decoded text is fed up to its next line end or
 * special byte (found eight bytes at a time), so the reader always knows
 * the line being read: the line of a record's start is the line of its
 * first byte, a field starts on the line where the one before it ended,
 * and a column is counted from the field's text (its characters, its
 * quotes) or, for an error, by a short count over the line read so far.
 * csv_parse returns the bytes it took, so a parse error is placed exactly.
 *
 * What libcsv leaves to its caller is done here: line ends (CRLF inside
 * quotes becomes LF, lone CR stays), NUL and control characters, the
 * quote after a closing quote (libcsv's strict mode stops there, and this
 * file decides), the limits on fields and rows, Excel's sep= line.
 */
#include <csv.h>		/* libcsv */

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csvr.h"
#include "enc.h"
#include "mem.h"
#include "banned.h"

#define MAX_ROW	(16 * 1024 * 1024)
#define RUN	65536		/* most bytes fed at once: see check_long */
#define BLK	65536		/* libcsv's field buffer grows by this */

/*
 * libcsv's options:
 * - CSV_STRICT: csv_parse stops at a quote inside an unquoted field and
 *   at a character after a closing quote, so this file decides both (the
 *   first is a character, the second refuses the row);
 * - CSV_STRICT_FINI: csv_fini fails on a quoted field still open at the
 *   end of the text, the unterminated quoted field;
 * - CSV_APPEND_NULL: every field comes NUL-terminated.
 * Not CSV_REPALL_NL: an empty line is no row.  Not CSV_EMPTY_IS_NULL: an
 * empty field is "".
 */
#define OPTS	(CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)

/* Bytes libcsv is not fed as they come: line ends and control bytes. */
enum { K_TEXT, K_CR, K_LF, K_NUL, K_CTL, K_C2 };

struct be_csv {
	struct be_enc *d;
	char *name;
	int delim;
	size_t max_field, max_row, cap_limit;
	unsigned char kind[256];
	struct csv_parser p;

	const unsigned char *s;		/* the piece of text being read */
	long n, i;			/* its length, the place reached */
	unsigned long line;		/* line of s[i] */
	long lstart;			/* where that line starts in s (< 0: before) */
	unsigned long lcol;		/* column of s[0] when lstart < 0 */
	unsigned long lskip;		/* bad bytes on it, before s (bytes_err) */
	int crpend;			/* a CR ended the last piece */
	unsigned long lbad;		/* bad bytes on it, not fed (bytes_err) */

	/* The field being read. */
	unsigned long cfline, cfcol;	/* its start */
	/*
	 * Where its text starts, to count the next field's place from:
	 * its start, but for the text libcsv holds after it started again
	 * in the field (feed, check_long).  Offset in s (< 0: before s).
	 */
	unsigned long aline;
	long acol, cfoff;
	int cfq;			/* quoted: 1, 0, or -1 not known yet */
	int qpar;			/* odd run of quotes at its end */

	char *buf;			/* fields of the row, NUL after each */
	size_t len, cap;
	size_t *off;			/* where each field starts in buf */
	unsigned long *fline, *fcol;	/* and in the text */
	char **fields;
	size_t nf, fcap;
	unsigned long rowline;
	int inrow;			/* a row has begun */
	int rowend;			/* libcsv ended the row */

	int done;			/* 1 at the end, -1 failed with err */
	int bad;			/* the row being read had an error */
	int newerr;			/* an error of the row to report */
	int pend;			/* bad bytes at the very start */
	int forced;			/* the delimiter was forced */
	int started;			/* a row was read */
	struct be_err err, pending;
};

/* Picks the delimiter from the first rows of p[0..n): see csv.h. */
static int
detect_delim(const unsigned char *p, size_t n)
{
	static const char cand[3] = { ',', ';', '\t' };
	size_t head[3] = { 0, 0, 0 }, cnt[3] = { 0, 0, 0 }, i, start = 0;
	int same[3] = { 1, 1, 1 }, inq = 0, rec = 0, k, best = -1;
	size_t max = 0;

	for (i = 0; i < n && rec < 11; i++) {
		switch (p[i]) {
		case '"':
			/* A quote opens a field, or is a character in it. */
			if (!inq)
				inq = i == start || p[i - 1] == ',' ||
				    p[i - 1] == ';' || p[i - 1] == '\t';
			else if (i + 1 < n && p[i + 1] == '"')
				i++;
			else
				inq = 0;
			break;
		case ',':
			cnt[0] += !inq;
			break;
		case ';':
			cnt[1] += !inq;
			break;
		case '\t':
			cnt[2] += !inq;
			break;
		case '\r':
		case '\n':
			if (inq)
				break;
			if (p[i] == '\r' && i + 1 < n && p[i + 1] == '\n')
				i++;
			if (i == start || (p[i] == '\n' && i == start + 1 &&
			    p[start] == '\r')) {
				start = i + 1;
				break;	/* empty line */
			}
			for (k = 0; k < 3; k++) {
				if (rec == 0)
					head[k] = cnt[k];
				else if (cnt[k] != head[k])
					same[k] = 0;
				cnt[k] = 0;
			}
			rec++;
			start = i + 1;
			break;
		}
	}
	if (rec == 0)
		memcpy(head, cnt, sizeof head);
	for (k = 0; k < 3; k++)
		if (head[k] > max)
			max = head[k];
	if (max == 0)
		return ',';
	for (k = 0; k < 3; k++)
		if (head[k] == max && (best < 0 || (!same[best] && same[k])))
			best = k;
	return cand[best];
}


static int
no_space(unsigned char ch)
{
	return 0;
}

static void
set_delim(struct be_csv *c, int delim)
{
	int b;

	c->delim = delim;
	/* libcsv splits at this delimiter. */
	csv_set_delim(&c->p, (unsigned char)delim);
	memset(c->kind, K_TEXT, sizeof c->kind);
	/* Control characters (ctl.h); 0xC2 starts those of C1. */
	for (b = 1; b < 0x20; b++)
		if (b != '\t')
			c->kind[b] = K_CTL;
	c->kind[0x7f] = K_CTL;
	c->kind[0xc2] = K_C2;
	c->kind['\r'] = K_CR;
	c->kind['\n'] = K_LF;
	c->kind[0] = K_NUL;
	c->kind[(unsigned char)delim] = K_TEXT;
}

static int
verr(struct be_csv *c, struct be_err *e, unsigned long line,
    unsigned long col, const char *fmt, va_list ap)
{
	be_err_vat(&c->err, c->name, line, col, fmt, ap);
	if (e)
		*e = c->err;
	return -1;
}

/* Fails c for good: e and c->err get the message at line:col. */
static int
fail(struct be_csv *c, struct be_err *e, unsigned long line,
    unsigned long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static int
fail(struct be_csv *c, struct be_err *e, unsigned long line,
    unsigned long col, const char *fmt, ...)
{
	va_list ap;

	c->done = -1;
	va_start(ap, fmt);
	verr(c, e, line, col, fmt, ap);
	va_end(ap);
	return -1;
}

/*
 * Refuses the row being read: the first error of a row is kept in c->err
 * and reported (c->newerr); the rest of the row is read on, to find its
 * end, and dropped.
 */
static void
rowerr(struct be_csv *c, unsigned long line, unsigned long col,
    const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
rowerr(struct be_csv *c, unsigned long line, unsigned long col,
    const char *fmt, ...)
{
	va_list ap;

	if (c->bad)
		return;
	c->bad = c->newerr = 1;
	va_start(ap, fmt);
	verr(c, NULL, line, col, fmt, ap);
	va_end(ap);
}

/* Characters (code points) in the UTF-8 of s[0..n). */
static unsigned long
chars(const unsigned char *s, size_t n)
{
	unsigned long k = 0;
	uint64_t x;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&x, s, 8);
		/* Each byte but 10xxxxxx starts a character. */
		k += 8 - (unsigned long)__builtin_popcountll(x & ~(x << 1) &
		    BE_HIGH);
	}
	for (; n > 0; s++, n--)
		k += (*s & 0xC0) != 0x80;
	return k;
}

/* Column of s[k] (k <= n) on the line being read. */
static unsigned long
col_at(const struct be_csv *c, long k)
{
	if (c->lstart >= 0)
		return 1 + c->lskip + (k > c->lstart ?
		    chars(c->s + c->lstart, (size_t)(k - c->lstart)) : 0);
	return c->lcol + (k > 0 ? chars(c->s, (size_t)k) : 0);
}

/* Where the first byte from t that kind does not class as text is; or end. */
static const unsigned char *
next_special(const unsigned char *t, const unsigned char *end,
    const unsigned char *kind)
{
	const unsigned char *stop;
	uint64_t x;

	for (;;) {
		/*
		 * Eight bytes at a time while none is below 0x20, DEL or
		 * 0xC2; then byte by byte over those eight (a TAB is text).
		 */
		while (end - t >= 8) {
			memcpy(&x, t, 8);
			if (((x - BE_ONES * 0x20) & ~x & BE_HIGH) |
			    be_zero_bytes(x ^ BE_ONES * 0x7f) |
			    be_zero_bytes(x ^ BE_ONES * 0xc2))
				break;
			t += 8;
		}
		stop = end - t > 8 ? t + 8 : end;
		for (; t < stop; t++)
			if (kind[*t] != K_TEXT)
				return t;
		if (t == end)
			return t;
	}
}

static void
grow_fields(struct be_csv *c)
{
	c->fcap = c->fcap ? 2 * c->fcap : 16;
	if (c->fcap > BE_CSV_MAX_FIELDS)
		c->fcap = BE_CSV_MAX_FIELDS;
	c->off = be_xrealloc(c->off, c->fcap * sizeof *c->off);
	c->fline = be_xrealloc(c->fline, c->fcap * sizeof *c->fline);
	c->fcol = be_xrealloc(c->fcol, c->fcap * sizeof *c->fcol);
	c->fields = be_xrealloc(c->fields, c->fcap * sizeof *c->fields);
}

/* Quotes in s[0..n). */
static size_t
quotes(const unsigned char *s, size_t n)
{
	const unsigned char *q, *end = s + n;
	size_t k = 0;

	while ((q = memchr(s, '"', (size_t)(end - s))) != NULL)
		k++, s = q + 1;
	return k;
}

/* Whether the field that starts at s[k] is quoted, if s holds k. */
static void
peek_quote(struct be_csv *c)
{
	if (c->cfq < 0 && c->cfoff >= 0 && c->cfoff < c->n)
		c->cfq = c->s[c->cfoff] == '"';
}

/*
 * libcsv's field callback: keeps the field (unless the row is refused)
 * and works out where the next one starts from the field's text: its
 * characters, and for a quoted field the two quotes and one more for each
 * quote inside.  A field over several lines is counted from its last
 * line end.
 */
static void
on_field(void *v, size_t len, void *data)
{
	struct be_csv *c = data;
	const unsigned char *f = v, *t;
	size_t nq, tl, rawb;
	unsigned long rawc;
	int q;

	if (c->nf == BE_CSV_MAX_FIELDS) {
		rowerr(c, c->rowline, 1, "row of more than %d fields",
		    BE_CSV_MAX_FIELDS);
		c->nf = c->len = 0;
	}
	if (len > c->max_field)
		rowerr(c, c->cfline, c->cfcol, "field longer than %zu bytes",
		    c->max_field);
	if (c->nf == c->fcap)
		grow_fields(c);
	c->off[c->nf] = c->len;
	c->fline[c->nf] = c->cfline;
	c->fcol[c->nf] = c->cfcol;
	c->nf++;
	if (!c->bad) {
		if (c->cap < c->len + len + 1) {
			c->cap = c->len + len + 1;
			if (c->cap < 2 * c->len)
				c->cap = 2 * c->len;
			c->buf = be_xrealloc(c->buf, c->cap);
		}
		memcpy(c->buf + c->len, f, len + 1);
		c->len += len + 1;
		if (c->len > c->max_row)
			rowerr(c, c->rowline, 1, "row longer than %zu bytes",
			    c->max_row);
	}
	/* The place of the next field, after the delimiter. */
	peek_quote(c);
	q = c->cfq > 0;
	if (c->aline == c->line) {
		nq = q ? quotes(f, len) : 0;
		rawb = len + (q ? 2 + nq : 0);
		rawc = chars(f, len) + (q ? 2 + nq : 0);
		c->cfoff += (long)rawb + 1;
		c->acol += (long)rawc + 1;
	} else {
		for (t = f + len; t > f && t[-1] != '\n' && t[-1] != '\r'; t--)
			;
		tl = (size_t)(f + len - t);
		nq = quotes(t, tl);
		c->cfoff = c->lstart + (long)(tl + nq + 1) + 1;
		c->acol = 1 + (long)(chars(t, tl) + nq + 1 + c->lbad + 1);
	}
	c->cfline = c->aline = c->line;
	c->cfcol = c->acol > 0 ? (unsigned long)c->acol : 1;
	c->cfq = -1;
	c->qpar = 0;
	peek_quote(c);
}

/* libcsv's row callback. */
static void
on_row(int term, void *data)
{
	struct be_csv *c = data;

	c->rowend = 1;
}

/*
 * Whether libcsv holds a field longer than the limit that it has not
 * ended (libcsv keeps it whole until its end): then the row is refused,
 * and libcsv starts again in the same place of the field, with nothing
 * of it kept.  s[0..k) was fed last.
 */
static void
check_long(struct be_csv *c, long k)
{
	static const char *const prime[] = { "x", "\"", "\"\"" };
	long w;

	if (csv_get_buffer_size(&c->p) <= c->cap_limit)
		return;
	if (c->cfoff >= k)
		return;		/* no field begun since the delimiter */
	rowerr(c, c->cfline, c->cfcol, "field longer than %zu bytes",
	    c->max_field);
	w = c->cfq > 0 ? 1 + c->qpar : 0;
	csv_fini(&c->p, NULL, NULL, NULL);
	csv_free(&c->p);
	csv_parse(&c->p, prime[w], strlen(prime[w]), NULL, NULL, NULL);
	/* Its text starts in the bytes primed, as if they were before k. */
	w = (long)strlen(prime[w]);
	c->aline = c->line;
	c->acol = (long)col_at(c, k) - w;
	c->cfoff = k - w;
	c->qpar = 0;
}

/*
 * After s[a..b) was fed: whether the field being read ends in an odd run
 * of quotes (libcsv then waits for the byte after the last one).
 */
static void
track_quotes(struct be_csv *c, long a, long b)
{
	long from = a, k = b;

	if (c->cfq <= 0)
		return;
	if (c->cfoff + 1 > from)
		from = c->cfoff + 1;
	while (k > from && c->s[k - 1] == '"')
		k--;
	if (k == from && from == a)
		c->qpar ^= (int)((b - k) & 1);
	else
		c->qpar = (int)((b - k) & 1);
}

/* A row begins with the byte at s[k]. */
static void
begin_row(struct be_csv *c, long k)
{
	c->inrow = 1;
	c->rowline = c->line;
	c->nf = c->len = 0;
	c->cfline = c->aline = c->line;
	c->cfcol = col_at(c, k);
	c->acol = (long)c->cfcol;
	c->cfoff = k;
	c->cfq = -1;
	c->qpar = 0;
	peek_quote(c);
}

/*
 * Feeds s[a..b) (text of the piece, no line end in it) to libcsv.  A
 * quote inside an unquoted field is fed as a character; a character after
 * a closing quote refuses the row, which is read on as if the field were
 * not quoted.
 */
static void
feed(struct be_csv *c, long a, long b)
{
	size_t k;

	if (a == b)
		return;
	if (!c->inrow)
		begin_row(c, a);
	else
		peek_quote(c);
	while (a < b) {
		k = csv_parse(&c->p, c->s + a, (size_t)(b - a), on_field,
		    on_row, c);
		track_quotes(c, a, a + (long)k);
		a += (long)k;
		if (a == b)
			break;
		if (c->s[a] == '"') {
			/* 6'2": a character, as Excel reads it. */
			csv_set_opts(&c->p, OPTS & ~CSV_STRICT);
			csv_parse(&c->p, "\"", 1, on_field, on_row, c);
			csv_set_opts(&c->p, OPTS);
			a++;
			continue;
		}
		rowerr(c, c->line, col_at(c, a) - 1, "stray quote after "
		    "quoted field (a quote inside a quoted field must be "
		    "doubled)");
		/* libcsv starts again: an unquoted field from here. */
		csv_fini(&c->p, NULL, NULL, NULL);
		c->cfq = 0;
		c->aline = c->line;
		c->acol = (long)col_at(c, a);
		c->cfoff = a;
		c->qpar = 0;
	}
	check_long(c, b);
}

/*
 * Feeds a line end: "\n" for LF or CRLF, "\r" for a lone CR (so a quoted
 * CRLF becomes LF).  The next line starts at s[next].  An empty line
 * between rows is not fed (it is no row).
 */
static void
line_end(struct be_csv *c, int term, long next)
{
	unsigned char t = (unsigned char)term;

	if (c->inrow) {
		csv_parse(&c->p, &t, 1, on_field, on_row, c);
		check_long(c, next);
	}
	c->line++;
	c->lstart = next;
	c->lbad = c->lskip = 0;
}

/*
 * Bytes not valid in the encoding, at the place reached: they refuse the
 * row they are in and are skipped, and count as one column.  A row that
 * starts with them is a row: libcsv is fed U+FFFD for them, an unquoted
 * field.  Inside a row libcsv is fed nothing, so that it reads on in the
 * state it was in (a quote after them may still open a field).
 */
static void
bytes_err(struct be_csv *c, const char *msg)
{
	static const unsigned char fffd[] = "\xEF\xBF\xBD";
	unsigned long col = col_at(c, c->i);

	if (!c->inrow) {
		begin_row(c, c->i);
		rowerr(c, c->line, col, "%s", msg);
		csv_parse(&c->p, fffd, 3, on_field, on_row, c);
		check_long(c, c->i);
		c->cfoff -= 3;	/* U+FFFD is in the text, not in s */
		c->cfq = 0;	/* and its field is not quoted */
		c->qpar = 0;
	} else {
		rowerr(c, c->line, col, "%s", msg);
		if (c->cfoff == c->i)
			c->cfcol++;	/* a field not begun begins after them */
		c->acol++;
		c->lbad++;
	}
	/* The text goes on at s[i], one column on. */
	if (c->lstart >= 0)
		c->lskip++;
	else
		c->lcol++;
}

/* Done with the piece s: offsets in the next one count from its start. */
static void
leave_piece(struct be_csv *c)
{
	c->lcol = col_at(c, c->n);
	c->lstart -= c->n;
	c->cfoff -= c->n;
	c->i = c->n = 0;
}

struct be_csv *
be_csv_open(FILE *fp, const char *name, const struct be_csv_opts *o,
    struct be_err *e)
{
	static const struct be_csv_opts dflt;
	struct be_csv *c;
	struct be_err ee;
	const char *p, *raw;
	size_t n, rawn;
	int r, delim;

	if (o == NULL)
		o = &dflt;
	if (o->delim && (o->delim < 1 || o->delim > 127 || o->delim == '"' ||
	    o->delim == '\r' || o->delim == '\n')) {
		be_err_set(e, "invalid delimiter (use ',', ';' or TAB)");
		return NULL;
	}
	c = be_xcalloc(1, sizeof *c);
	if ((c->d = be_enc_open(fp, o->encoding, e)) == NULL) {
		free(c);
		return NULL;
	}
	c->name = be_xstrdup(name ? name : "-");
	c->max_field = o->max_field ? o->max_field : BE_CSV_MAX_FIELD;
	if (c->max_field > SIZE_MAX / 4)
		c->max_row = SIZE_MAX / 2;
	else if (c->max_field > MAX_ROW / 2)
		c->max_row = 2 * c->max_field;
	else
		c->max_row = MAX_ROW;
	c->cap_limit = c->max_field > SIZE_MAX / 2 ? SIZE_MAX :
	    c->max_field + BLK + 1;
	csv_init(&c->p, OPTS);
	/* Blanks around fields are kept (the caller trims): no spaces. */
	csv_set_space_func(&c->p, no_space);
	/* The field buffer grows in large steps, and through be_xrealloc. */
	csv_set_blk_size(&c->p, BLK);
	csv_set_realloc_func(&c->p, be_xrealloc);
	c->line = 1;
	c->lcol = 1;
	/*
	 * The delimiter is looked for in the whole first chunk, as read,
	 * when the encoding keeps ASCII as it is: the text handed out stops
	 * at a bad byte, which under --skip-bad only refuses its row.
	 */
	delim = o->delim;
	if (!delim && be_enc_peek(c->d, &raw, &rawn) && rawn > 0)
		delim = detect_delim((const unsigned char *)raw, rawn);
	be_err_init(&ee);
	r = be_enc_read(c->d, &p, &n, &ee);
	if (r < 0 && be_enc_skip(c->d)) {
		/* Bad bytes at 1:1: be_csv_row refuses the first row. */
		c->pend = 1;
		be_err_at(&c->pending, c->name, 1, 1, "%s", ee.msg);
		be_err_init(&ee);
		r = be_enc_read(c->d, &p, &n, &ee);
		if (r < 0 && be_enc_skip(c->d))
			r = 1, n = 0, p = "";	/* be_csv_row reads on */
	}
	if (r > 0) {
		c->s = (const unsigned char *)p;
		c->n = (long)n;
	} else if (r < 0)
		fail(c, NULL, 1, 1, "%s", ee.msg);
	else if (!c->pend)
		c->done = 1;
	if (!delim)
		delim = r > 0 && c->n > 0 ? detect_delim(c->s, (size_t)c->n) :
		    ',';
	c->forced = o->delim != 0;
	set_delim(c, delim);
	return c;
}

/*
 * At the end of the text: ends the row being read (1), or there is none
 * (0), or an error.
 */
/*
 * Reads on in the piece until libcsv ends a row (c->rowend), an error of
 * the row (c->newerr), or the end of the piece.
 */
static void
scan(struct be_csv *c)
{
	const unsigned char *s = c->s, *t, *end = s + c->n;
	long i = c->i, k, b;

	while (i < c->n && !c->rowend && !c->newerr) {
		t = next_special(s + i, end, c->kind);
		k = t - s;
		if (k > i) {
			/* Text: at most RUN bytes at a time (check_long). */
			b = k - i > RUN ? i + RUN : k;
			feed(c, i, b);
			i = b;
			continue;
		}
		switch (c->kind[*t]) {
		case K_LF:
			i++;
			line_end(c, '\n', i);
			break;
		case K_CR:
			if (i + 1 == c->n) {
				c->crpend = 1;
				i++;
				break;
			}
			i += 1 + (s[i + 1] == '\n');
			line_end(c, s[i - 1] == '\n' ? '\n' : '\r', i);
			break;
		case K_C2:
			if (i + 1 == c->n || s[i + 1] < 0x80 || s[i + 1] > 0x9f) {
				/* U+00A0 and on: a letter, not C1. */
				b = i + 1 < c->n ? i + 2 : i + 1;
				feed(c, i, b);
				i = b;
				break;
			}
			/* FALLTHROUGH */
		case K_CTL:
			/* A quote just closed: the stray quote comes first. */
			b = i + 1 + (*t == 0xc2);
			feed(c, i, i + 1);
			rowerr(c, c->line, col_at(c, i), "control character "
			    "U+%04X; remove it from the file",
			    *t == 0xc2 ? t[1] : *t);
			feed(c, i + 1, b);
			i = b;
			break;
		default:	/* K_NUL */
			rowerr(c, c->line, col_at(c, i), "NUL byte");
			feed(c, i, i + 1);
			i++;
			break;
		}
	}
	c->i = i;
}

/* A CR ended the last piece: with s[0] LF a CRLF, else a lone CR. */
static void
cr_end(struct be_csv *c)
{
	c->crpend = 0;
	if (c->n > 0 && c->s[0] == '\n') {
		c->i = 1;
		line_end(c, '\n', 1);
	} else
		line_end(c, '\r', 0);
}

/*
 * Whether the row read (the first) is Excel's line "sep=X", X one ASCII
 * character, the delimiter of the rest: X, else 0.  The line is its
 * fields joined again by the delimiter they were read with (which may be
 * X, or a letter of "sep=" when forced).
 */
static int
sep_row(const struct be_csv *c)
{
	char line[8];
	size_t i, k = 0, l;

	if (c->rowline != 1)
		return 0;
	for (i = 0; i < c->nf; i++) {
		l = strlen(c->buf + c->off[i]);
		if (k + l + (i > 0) > 5)
			return 0;
		if (i > 0)
			line[k++] = (char)c->delim;
		memcpy(line + k, c->buf + c->off[i], l);
		k += l;
	}
	if (k != 5 || strncmp(line, "sep=", 4) != 0 || line[4] <= 0 ||
	    line[4] == '"')
		return 0;
	return (unsigned char)line[4];
}

int
be_csv_row(struct be_csv *c, char ***fields, size_t *n, unsigned long *line,
    struct be_err *e)
{
	struct be_err ee;
	const char *p;
	size_t i, pn;
	int r;

	for (;;) {
		if (c->newerr) {
			c->newerr = 0;
			if (e)
				*e = c->err;
			return -1;
		}
		if (c->done < 0) {
			if (e)
				*e = c->err;
			return -1;
		}
		if (c->rowend) {
			c->rowend = c->inrow = 0;
			/* A long field's buffer is not kept for the next. */
			if (csv_get_buffer_size(&c->p) > c->cap_limit)
				csv_free(&c->p);
			if (!c->bad)
				break;
			c->bad = 0;
			c->nf = c->len = 0;
			continue;
		}
		if (c->done > 0)
			return 0;
		if (c->pend) {
			c->pend = 0;
			bytes_err(c, c->pending.msg);
			continue;
		}
		if (c->i < c->n) {
			scan(c);
			continue;
		}
		leave_piece(c);
		be_err_init(&ee);
		r = be_enc_read(c->d, &p, &pn, &ee);
		if (r < 0 && be_enc_skip(c->d)) {
			if (c->crpend)
				cr_end(c);
			c->pend = 1;
			be_err_at(&c->pending, c->name, 0, 0, "%s", ee.msg);
			continue;
		}
		if (r < 0) {
			if (c->crpend)
				cr_end(c);
			return fail(c, e, c->line, col_at(c, 0), "%s", ee.msg);
		}
		if (r == 0) {
			if (c->crpend) {
				cr_end(c);
				continue;
			}
			if (csv_fini(&c->p, on_field, on_row, c) < 0)
				return fail(c, e, c->cfline, c->cfcol,
				    "unterminated quoted field");
			if (!c->rowend)
				c->done = 1;
			continue;
		}
		c->s = (const unsigned char *)p;
		c->n = (long)pn;
		c->i = 0;
		if (c->crpend)
			cr_end(c);
	}
	if (!c->started) {
		c->started = 1;
		if ((i = (size_t)sep_row(c)) != 0) {
			/* Excel's "sep=;": the delimiter, and no header. */
			if (!c->forced)
				set_delim(c, (int)i);
			return be_csv_row(c, fields, n, line, e);
		}
	}
	for (i = 0; i < c->nf; i++)
		c->fields[i] = c->buf + c->off[i];
	*fields = c->fields;
	*n = c->nf;
	if (line)
		*line = c->rowline;
	return 1;
}

int
be_csv_failed(const struct be_csv *c)
{
	return c->done < 0;
}

void
be_csv_field_pos(const struct be_csv *c, size_t i, unsigned long *line,
    unsigned long *col)
{
	*line = i < c->nf ? c->fline[i] : 0;
	*col = i < c->nf ? c->fcol[i] : 0;
}

const char *
be_csv_encoding(const struct be_csv *c)
{
	return be_enc_kindname(be_enc_kind(c->d));
}

int
be_csv_delim(const struct be_csv *c)
{
	return c->delim;
}

char *
be_csv_hash(struct be_csv *c)
{
	return be_enc_hash(c->d);
}

void
be_csv_close(struct be_csv *c)
{
	if (c == NULL)
		return;
	csv_free(&c->p);
	be_enc_close(c->d);
	free(c->name);
	free(c->buf);
	free(c->off);
	free(c->fline);
	free(c->fcol);
	free(c->fields);
	free(c);
}
