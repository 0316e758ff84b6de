/*
 * csv.c: see csv.h.
 *
 * Why not libcsv: the reader must say where each field starts (line and
 * column, for be_csv_field_pos and for the errors of its callers), where
 * an unterminated quoted field opened, and where a field passed its
 * limit.  libcsv's callbacks get a field's text but not its place, its
 * csv_fini reports an unterminated quote without saying where it began,
 * and counting lines beside it would mean scanning every byte twice.  It
 * also skips empty lines only in part, trims blanks unless told, and keeps
 * CRLF inside quoted fields.  So the reader below is its own state
 * machine: one pass over each decoded chunk, runs of plain bytes copied
 * with memcpy, all fields of a row in one reused buffer.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "enc.h"
#include "mem.h"
#include "banned.h"

#define MAX_ROW	(16 * 1024 * 1024)

enum { C_PLAIN, C_DELIM, C_QUOTE, C_CR, C_LF, C_NUL, C_CTL, C_C2 };

enum {
	S_ROW,		/* before a row */
	S_ROWCR,	/* before a row, after a CR (an LF is part of it) */
	S_FIELD,	/* before a field (after a delimiter) */
	S_PLAIN,	/* in an unquoted field */
	S_QUOTED,	/* in a quoted field */
	S_QCR,		/* in a quoted field, after a CR */
	S_QQ		/* in a quoted field, after a quote */
};

struct be_csv {
	struct be_enc *d;
	char *name;
	int delim;
	size_t max_field, max_row;
	unsigned char cls[256];		/* classes outside quotes */
	unsigned char qcls[256];	/* classes inside quotes */

	const unsigned char *p;		/* the piece of text being read */
	size_t n, i;
	int state;
	unsigned long line, col;	/* place of p[i] */
	unsigned long qline, qcol;	/* place of the last quote */

	char *buf;			/* fields of the row, NUL after each */
	size_t len, cap;
	size_t *off;			/* where each field starts in buf */
	unsigned long *fline, *fcol;	/* and in the text */
	char **fields;
	size_t nf, fcap;
	unsigned long rowline;

	int done;			/* 1 at the end, -1 failed with err */
	int bad;			/* the row being read had an error */
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

static void
set_delim(struct be_csv *c, int delim)
{
	c->delim = delim;
	int b;

	memset(c->cls, C_PLAIN, sizeof c->cls);
	memset(c->qcls, C_PLAIN, sizeof c->qcls);
	/* Control characters (ctl.h); 0xC2 starts those of C1. */
	for (b = 1; b < 0x20; b++)
		if (b != '\t')
			c->cls[b] = c->qcls[b] = C_CTL;
	c->cls[0x7f] = c->qcls[0x7f] = C_CTL;
	c->cls[0xc2] = c->qcls[0xc2] = C_C2;
	c->cls[(unsigned char)delim] = C_DELIM;
	c->cls['"'] = c->qcls['"'] = C_QUOTE;
	c->cls['\r'] = c->qcls['\r'] = C_CR;
	c->cls['\n'] = c->qcls['\n'] = C_LF;
	c->cls[0] = c->qcls[0] = C_NUL;
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
 * Refuses the row being read: the first error of a row is reported (-1);
 * the rest of the row is read on leniently, to find its end, and dropped.
 * Returns 0 when the row had an error already.
 */
static int
rowerr(struct be_csv *c, struct be_err *e, unsigned long line,
    unsigned long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static int
rowerr(struct be_csv *c, struct be_err *e, unsigned long line,
    unsigned long col, const char *fmt, ...)
{
	va_list ap;

	if (c->bad)
		return 0;
	c->bad = 1;
	va_start(ap, fmt);
	verr(c, e, line, col, fmt, ap);
	va_end(ap);
	return -1;
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
	c->line = c->col = 1;
	c->state = S_ROW;
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
		c->p = (const unsigned char *)p;
		c->n = n;
	} else if (r < 0)
		fail(c, NULL, 1, 1, "%s", ee.msg);
	else if (!c->pend)
		c->done = 1;
	if (!delim)
		delim = r > 0 && c->n > 0 ? detect_delim(c->p, c->n) : ',';
	c->forced = o->delim != 0;
	set_delim(c, delim);
	return c;
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

/*
 * Copies the run of bytes from s that k classes as plain to *o, counting
 * columns (UTF-8 characters) in *col; returns where the run ends.
 */
static inline const unsigned char *
copy_run(const unsigned char *s, const unsigned char *end,
    const unsigned char *k, int delim, char **o, unsigned long *col)
{
	const unsigned char *t = s;
	uint64_t x, d = delim >= 0 ? BE_ONES * (unsigned char)delim : 0;

	/*
	 * Eight bytes at a time while none of them is special (a byte
	 * below 0x20, a quote, DEL, 0xC2 or, outside quotes, the
	 * delimiter; the loop below sorts them out): each column is
	 * a byte that does not continue a UTF-8 sequence (10xxxxxx).
	 */
	while (end - t >= 8) {
		memcpy(&x, t, 8);
		if (((x - BE_ONES * 0x20) & ~x & BE_HIGH) |
		    be_zero_bytes(x ^ BE_ONES * '"') |
		    be_zero_bytes(x ^ BE_ONES * 0x7f) |
		    be_zero_bytes(x ^ BE_ONES * 0xc2) |
		    (delim >= 0 ? be_zero_bytes(x ^ d) : 0))
			break;
		*col += 8 - (unsigned long)__builtin_popcountll(x & ~(x << 1) &
		    BE_HIGH);
		t += 8;
	}
	for (; t < end && k[*t] == C_PLAIN; t++)
		*col += (*t & 0xC0) != 0x80;
	memcpy(*o, s, t - s);
	*o += t - s;
	return t;
}

/*
 * Reads on in the current piece of text until a row ends (1), the piece
 * ends (0), or an error in the row (-1, after which the next call goes on
 * with the same row, which is dropped at its end).  buf has room for the
 * rest of the piece.
 */
static int
scan(struct be_csv *c, struct be_err *e)
{
	const unsigned char *s = c->p + c->i, *end = c->p + c->n;
	const unsigned char *cls = c->cls, *qcls = c->qcls;
	char *o = c->buf + c->len;
	unsigned long line = c->line, col = c->col;
	int st = c->state, r = 0;

	while (s < end) {
		switch (st) {
		case S_ROWCR:
			st = S_ROW;
			if (*s == '\n') {
				s++;
				continue;
			}
			/* FALLTHROUGH */
		case S_ROW:
			if (*s == '\n' || *s == '\r') {
				st = *s == '\r' ? S_ROWCR : S_ROW;
				s++;
				line++;
				col = 1;
				continue;
			}
			c->rowline = line;
			/* FALLTHROUGH */
		case S_FIELD:
			if (c->nf == c->fcap) {
				if (c->nf == BE_CSV_MAX_FIELDS) {
					r = rowerr(c, e, c->rowline, 1, "row of "
					    "more than %d fields",
					    BE_CSV_MAX_FIELDS);
					c->nf = 0;
					o = c->buf;
					st = S_FIELD;
					if (r < 0)
						goto out;
				} else
					grow_fields(c);
			}
			c->off[c->nf] = o - c->buf;
			c->fline[c->nf] = line;
			c->fcol[c->nf] = col;
			c->nf++;
			if (*s == '"') {
				s++;
				col++;
				st = S_QUOTED;
				continue;
			}
			st = S_PLAIN;
			/* FALLTHROUGH */
		case S_PLAIN:
			s = copy_run(s, end, cls, c->delim, &o, &col);
			if ((size_t)(o - c->buf) - c->off[c->nf - 1] >
			    c->max_field)
				goto toolong;
			if (s == end)
				continue;
			switch (cls[*s]) {
			case C_DELIM:
				goto delim;
			case C_LF:
			case C_CR:
				goto newline;
			case C_QUOTE:
				/*
				 * A quote inside an unquoted field is a
				 * character, as Excel and Python's csv
				 * module read it (6'2" tall).
				 */
				*o++ = '"';
				s++;
				col++;
				continue;
			case C_CTL:
			case C_C2:
				goto ctl;
			default:
				goto nul;
			}
		case S_QCR:
			st = S_QUOTED;
			if (*s == '\n') {
				*o++ = '\n';
				s++;
				continue;
			}
			*o++ = '\r';
			/* FALLTHROUGH */
		case S_QUOTED:
			s = copy_run(s, end, qcls, -1, &o, &col);
			if ((size_t)(o - c->buf) - c->off[c->nf - 1] >
			    c->max_field)
				goto toolong;
			if (s == end)
				continue;
			switch (qcls[*s]) {
			case C_QUOTE:
				c->qline = line;
				c->qcol = col;
				s++;
				col++;
				st = S_QQ;
				continue;
			case C_LF:
				*o++ = '\n';
				s++;
				line++;
				col = 1;
				continue;
			case C_CR:
				s++;
				line++;
				col = 1;
				st = S_QCR;
				continue;
			case C_CTL:
			case C_C2:
				goto ctl;
			default:
				goto nul;
			}
		case S_QQ:
			switch (cls[*s]) {
			case C_QUOTE:
				*o++ = '"';
				s++;
				col++;
				st = S_QUOTED;
				continue;
			case C_DELIM:
				goto delim;
			case C_LF:
			case C_CR:
				goto newline;
			case C_NUL:
				st = S_PLAIN;
				goto nul;
			default:
				/* Read on as if the field were not quoted. */
				st = S_PLAIN;
				r = rowerr(c, e, c->qline, c->qcol, "stray quote "
				    "after quoted field (a quote inside a "
				    "quoted field must be doubled)");
				if (r < 0)
					goto out;
				continue;
			}
		}
		continue;
		/* The pieces the states share; s is at the byte named. */
ctl:
		if (*s == 0xc2 && (s + 1 == end || s[1] < 0x80 || s[1] > 0x9f)) {
			/* U+00A0 and on: a letter, not C1. */
			*o++ = (char)*s++;
			if (s < end)
				*o++ = (char)*s++;
			col++;
			continue;
		}
		r = rowerr(c, e, line, col, "control character U+%04X; remove "
		    "it from the file", *s == 0xc2 ? s[1] : *s);
		if (*s == 0xc2)
			*o++ = (char)*s++;
		*o++ = (char)*s++;
		col++;
		if (r < 0)
			goto out;
		continue;
nul:
		r = rowerr(c, e, line, col, "NUL byte");
		s++;
		col++;
		if (r < 0)
			goto out;
		continue;
delim:
		*o++ = '\0';
		s++;
		col++;
		st = S_FIELD;
		continue;
newline:	/* the end of the field and of the row */
		*o++ = '\0';
		st = *s == '\r' ? S_ROWCR : S_ROW;
		s++;
		line++;
		col = 1;
		if (!c->bad) {
			r = 1;
			goto out;
		}
		c->bad = 0;
		c->nf = 0;
		o = c->buf;
	}
	if ((size_t)(o - c->buf) > c->max_row) {
		r = rowerr(c, e, c->rowline, 1, "row longer than %zu bytes",
		    c->max_row);
		/* Keep only the field being read, to find the row's end. */
		if (st != S_FIELD) {
			c->off[0] = 0;
			c->nf = 1;
		} else
			c->nf = 0;
		o = c->buf;
	}
out:
	c->i = s - c->p;
	c->len = o - c->buf;
	c->line = line;
	c->col = col;
	c->state = st;
	return r;
toolong:
	r = rowerr(c, e, c->fline[c->nf - 1], c->fcol[c->nf - 1],
	    "field longer than %zu bytes", c->max_field);
	o = c->buf + c->off[c->nf - 1];	/* the row is dropped */
	goto out;
}

/*
 * At the end of the text: ends the row being read (1), or there is none
 * (0), or an error.
 */
static int
finish(struct be_csv *c, struct be_err *e)
{
	switch (c->state) {
	case S_ROW:
	case S_ROWCR:
		c->done = 1;
		return 0;
	case S_QUOTED:
	case S_QCR:
		return fail(c, e, c->fline[c->nf - 1], c->fcol[c->nf - 1],
		    "unterminated quoted field");
	case S_FIELD:
		if (c->nf == BE_CSV_MAX_FIELDS && rowerr(c, e, c->rowline, 1,
		    "row of more than %d fields", BE_CSV_MAX_FIELDS) < 0) {
			c->state = S_ROW;
			c->nf = c->len = 0;
			return -1;
		}
		if (c->nf == c->fcap)
			grow_fields(c);
		c->off[c->nf] = c->len;
		c->fline[c->nf] = c->line;
		c->fcol[c->nf] = c->col;
		c->nf++;
		break;
	}
	c->buf[c->len++] = '\0';
	c->state = S_ROW;
	if (c->bad) {
		c->bad = 0;
		c->done = 1;
		return 0;
	}
	return 1;
}

/*
 * Bytes not valid in the encoding, at the place reached: they refuse the
 * row they are in (one that starts with them too) and are skipped.
 */
static int
bytes_err(struct be_csv *c, struct be_err *e, const char *msg)
{
	int r;

	if (c->state == S_ROW || c->state == S_ROWCR) {
		c->rowline = c->line;
		c->len = c->nf = 0;
		if (c->nf == c->fcap)
			grow_fields(c);
		c->off[0] = 0;
		c->fline[0] = c->line;
		c->fcol[0] = c->col;
		c->nf = 1;
		c->state = S_PLAIN;
	}
	r = rowerr(c, e, c->line, c->col, "%s", msg);
	c->col++;
	return r;
}

/*
 * Whether the row read (the first) is Excel's line "sep=X", X one ASCII
 * character, the delimiter of the rest: X, else 0.  Read with another
 * delimiter it is one field "sep=X"; with X itself, "sep=" and "".
 */
static int
sep_row(const struct be_csv *c)
{
	const char *f = c->buf + c->off[0];

	if (c->rowline != 1 || strncmp(f, "sep=", 4) != 0)
		return 0;
	if (c->nf == 1 && f[4] > 0 && f[4] != '"' && f[5] == '\0')
		return (unsigned char)f[4];
	if (c->nf == 2 && f[4] == '\0' && c->buf[c->off[1]] == '\0')
		return c->delim;
	return 0;
}

int
be_csv_row(struct be_csv *c, char ***fields, size_t *n, unsigned long *line,
    struct be_err *e)
{
	struct be_err ee;
	const char *p;
	size_t i, pn;
	int r;

	if (c->done < 0) {
		if (e)
			*e = c->err;
		return -1;
	}
	if (c->done > 0)
		return 0;
	if (c->state == S_ROW || c->state == S_ROWCR) {
		c->len = 0;
		c->nf = 0;
	}
	for (;;) {
		if (c->pend) {
			c->pend = 0;
			r = bytes_err(c, e, c->pending.msg);
			if (r < 0)
				return -1;
			continue;
		}
		if (c->i == c->n) {
			be_err_init(&ee);
			r = be_enc_read(c->d, &p, &pn, &ee);
			if (r < 0 && be_enc_skip(c->d)) {
				if (bytes_err(c, e, ee.msg) < 0)
					return -1;
				continue;
			}
			if (r < 0)
				return fail(c, e, c->line, c->col, "%s",
				    ee.msg);
			if (r == 0) {
				if (c->cap < c->len + 2) {
					c->cap = c->len + 2;
					c->buf = be_xrealloc(c->buf, c->cap);
				}
				if ((r = finish(c, e)) <= 0)
					return r;
				break;
			}
			c->p = (const unsigned char *)p;
			c->n = pn;
			c->i = 0;
		}
		/* Each byte read adds one byte at most, and S_QCR one. */
		if (c->cap < c->len + (c->n - c->i) + 2) {
			c->cap = c->len + (c->n - c->i) + 2;
			if (c->cap < 2 * c->len)
				c->cap = 2 * c->len;
			c->buf = be_xrealloc(c->buf, c->cap);
		}
		if ((r = scan(c, e)) < 0)
			return -1;
		if (r > 0)
			break;
	}
	if (!c->started) {
		c->started = 1;
		if ((i = sep_row(c)) != 0) {
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
	be_enc_close(c->d);
	free(c->name);
	free(c->buf);
	free(c->off);
	free(c->fline);
	free(c->fcol);
	free(c->fields);
	free(c);
}
