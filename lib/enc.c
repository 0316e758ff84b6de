/* enc.c: see enc.h. */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "enc.h"
#include "fhash.h"
#include "mem.h"
#include "banned.h"


size_t be_enc_chunk = BE_ENC_CHUNK;

struct be_enc {
	FILE *fp;
	int kind;
	int detected;		/* kind was detected, not forced */
	int neither;		/* first chunk neither UTF-8 nor Windows-1252 */
	int badbytes;		/* err is about bytes of the text (be_enc_skip) */
	iconv_t cd;		/* (iconv_t)-1 for UTF-8 */
	unsigned char raw[BE_ENC_CHUNK];
	size_t chunk;		/* bytes of raw used */
	size_t rawlen;		/* bytes in raw */
	size_t rawoff;		/* of which handed out (or converted) */
	char *out;		/* converted text */
	size_t outcap;
	unsigned char w1252[128][4];	/* UTF-8 of 0x80..0xFF, [3] = length */
	int eof;		/* fp is at its end (or failed) */
	int stop;		/* 1: at the end; -1: failed with err */
	char err[256];		/* pending error, "" for none */
	struct be_fhash *hash;
};

static const struct {
	const char *name;
	int kind;
} names[] = {
	{ "utf-8", BE_ENC_UTF8 },
	{ "utf8", BE_ENC_UTF8 },
	{ "utf-8-bom", BE_ENC_UTF8 },
	{ "windows-1252", BE_ENC_CP1252 },
	{ "cp1252", BE_ENC_CP1252 },
	{ "iso-8859-1", BE_ENC_CP1252 },	/* as the web reads it */
	{ "latin1", BE_ENC_CP1252 },
	{ "utf-16le", BE_ENC_UTF16LE },
	{ "utf-16be", BE_ENC_UTF16BE },
};

int
be_enc_byname(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(name, names[i].name) == 0)
			return names[i].kind;
	return -1;
}

const char *
be_enc_kindname(int kind)
{
	switch (kind) {
	case BE_ENC_UTF8: return "utf-8";
	case BE_ENC_UTF8_BOM: return "utf-8-bom";
	case BE_ENC_CP1252: return "windows-1252";
	case BE_ENC_UTF16LE: return "utf-16le";
	case BE_ENC_UTF16BE: return "utf-16be";
	}
	return "unknown";
}

size_t
be_utf8_valid(const unsigned char *p, size_t n, int *more)
{
	size_t i = 0, k, len;
	unsigned c, b, lo, hi;
	uint64_t w;

	*more = 0;
	while (i < n) {
		if (p[i] < 0x80) {
			while (i + 8 <= n) {
				memcpy(&w, p + i, 8);
				if (w & 0x8080808080808080ULL)
					break;
				i += 8;
			}
			while (i < n && p[i] < 0x80)
				i++;
			continue;
		}
		c = p[i];
		if (c >= 0xC2 && c <= 0xDF)
			len = 2;
		else if (c >= 0xE0 && c <= 0xEF)
			len = 3;
		else if (c >= 0xF0 && c <= 0xF4)
			len = 4;
		else
			return i;
		lo = 0x80;
		hi = 0xBF;
		if (c == 0xE0)
			lo = 0xA0;	/* overlong */
		else if (c == 0xED)
			hi = 0x9F;	/* surrogates */
		else if (c == 0xF0)
			lo = 0x90;	/* overlong */
		else if (c == 0xF4)
			hi = 0x8F;	/* above U+10FFFF */
		for (k = 1; k < len; k++) {
			if (i + k == n) {
				*more = 1;
				return i;
			}
			b = p[i + k];
			if (k == 1 ? b < lo || b > hi : (b & 0xC0) != 0x80)
				return i;
		}
		i += len;
	}
	return n;
}

int
be_cp1252_valid(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		switch (p[i]) {
		case 0x81: case 0x8D: case 0x8F: case 0x90: case 0x9D:
			return 0;
		}
	return 1;
}

/* Moves what is left of raw to its start and reads up to a full chunk. */
static void
fill(struct be_enc *d)
{
	size_t want, got;

	if (d->rawoff) {
		memmove(d->raw, d->raw + d->rawoff, d->rawlen - d->rawoff);
		d->rawlen -= d->rawoff;
		d->rawoff = 0;
	}
	if (d->eof || d->rawlen >= d->chunk)
		return;
	want = d->chunk - d->rawlen;
	got = fread(d->raw + d->rawlen, 1, want, d->fp);
	be_fhash_update(d->hash, d->raw + d->rawlen, got);
	d->rawlen += got;
	if (got < want) {
		d->eof = 1;
		if (ferror(d->fp))
			snprintf(d->err, sizeof d->err,
			    be_err_tr(N_("read error: %s")),
			    strerror(errno ? errno : EIO));
	}
}

static int
has_prefix(const struct be_enc *d, const char *bom, size_t n)
{
	return d->rawlen >= n && memcmp(d->raw, bom, n) == 0;
}

/*
 * Counts in p[0..n) the multi-byte sequences that are valid UTF-8 and the
 * places where the bytes are not.
 */
static void
utf8_census(const unsigned char *p, size_t n, size_t *good, size_t *bad)
{
	size_t i = 0, k, v;
	int more;

	*good = *bad = 0;
	while (i < n) {
		v = be_utf8_valid(p + i, n - i, &more);
		for (k = i; k < i + v; k++)
			*good += p[k] >= 0xC0;
		i += v;
		if (i == n || more)
			break;
		(*bad)++;
		i++;
	}
}

/*
 * Whether the bytes above 0x7F in p[0..n) stand mostly alone, as the
 * accented letters and signs of a Western language in Windows-1252 do.
 * Cyrillic, Greek, Chinese, Japanese or Korean text in its own code
 * page (Big5, GBK, Shift-JIS, EUC, windows-1251, ...) is all such bytes,
 * two or more in a row; read as Windows-1252 it would be stored as
 * garbage.
 */
static int
latin_text(const unsigned char *p, size_t n)
{
	size_t i, high = 0, paired = 0;

	for (i = 0; i < n; i++) {
		if (p[i] < 0x80)
			continue;
		high++;
		if ((i > 0 && p[i - 1] >= 0x80) || (i + 1 < n && p[i + 1] >= 0x80))
			paired++;
	}
	return paired * 4 <= high;
}

static void
detect(struct be_enc *d)
{
	size_t v, good, bad;
	int more;

	if (has_prefix(d, "\xEF\xBB\xBF", 3)) {
		d->kind = BE_ENC_UTF8_BOM;
		d->rawoff = 3;
	} else if (has_prefix(d, "\xFF\xFE", 2)) {
		d->kind = BE_ENC_UTF16LE;
		d->rawoff = 2;
	} else if (has_prefix(d, "\xFE\xFF", 2)) {
		d->kind = BE_ENC_UTF16BE;
		d->rawoff = 2;
	} else if (d->rawlen >= 4 && d->raw[0] && !d->raw[1] && d->raw[2] &&
	    !d->raw[3]) {
		/* No text starts with NUL bytes: UTF-16 without its mark. */
		d->kind = BE_ENC_UTF16LE;
	} else if (d->rawlen >= 4 && !d->raw[0] && d->raw[1] && !d->raw[2] &&
	    d->raw[3]) {
		d->kind = BE_ENC_UTF16BE;
	} else {
		v = be_utf8_valid(d->raw, d->rawlen, &more);
		utf8_census(d->raw, d->rawlen, &good, &bad);
		if (v == d->rawlen || (more && !d->eof))
			d->kind = BE_ENC_UTF8;
		else if (good > 0 && good >= bad) {
			/*
			 * UTF-8 with a few broken bytes (a cell pasted from
			 * elsewhere): read as Windows-1252, each of its accents
			 * would be garbled.  It stays UTF-8 and fails at the
			 * first bad byte.
			 */
			d->kind = BE_ENC_UTF8;
		} else if (be_cp1252_valid(d->raw, d->rawlen) &&
		    latin_text(d->raw, d->rawlen))
			d->kind = BE_ENC_CP1252;
		else {
			d->kind = BE_ENC_UTF8;
			d->neither = 1;
		}
	}
}

/*
 * Windows-1252 is read through a table of what iconv makes of each byte
 * above 0x7F: calling iconv on the text itself took as long as all the
 * rest of reading a CSV file.
 */
static void
table_1252(struct be_enc *d)
{
	char in, *ip, *op;
	size_t il, ol;
	int b;

	for (b = 0x80; b < 0x100; b++) {
		in = (char)b;
		ip = &in;
		il = 1;
		op = (char *)d->w1252[b - 0x80];
		ol = 3;
		iconv(d->cd, NULL, NULL, NULL, NULL);
		if (iconv(d->cd, &ip, &il, &op, &ol) == (size_t)-1)
			ol = 3;		/* undefined: length 0 */
		d->w1252[b - 0x80][3] = (unsigned char)(3 - ol);
	}
}

struct be_enc *
be_enc_open(FILE *fp, const char *encoding, struct be_err *e)
{
	struct be_enc *d;
	const char *from = NULL;
	int kind = -1;

	if (encoding && (kind = be_enc_byname(encoding)) < 0) {
		be_err_set(e, "unknown encoding '%s' (use utf-8, "
		    "windows-1252, utf-16le or utf-16be)", encoding);
		return NULL;
	}
	d = be_xcalloc(1, sizeof *d);
	d->fp = fp;
	d->cd = (iconv_t)-1;
	d->chunk = be_enc_chunk;
	if (d->chunk < 4 || d->chunk > sizeof d->raw)
		d->chunk = d->chunk < 4 ? 4 : sizeof d->raw;
	d->hash = be_fhash_new();
	fill(d);
	if (kind < 0) {
		d->detected = 1;
		detect(d);
	} else {
		d->kind = kind;
		if (kind == BE_ENC_UTF8 && has_prefix(d, "\xEF\xBB\xBF", 3)) {
			d->kind = BE_ENC_UTF8_BOM;
			d->rawoff = 3;
		} else if ((kind == BE_ENC_UTF16LE &&
		    has_prefix(d, "\xFF\xFE", 2)) ||
		    (kind == BE_ENC_UTF16BE && has_prefix(d, "\xFE\xFF", 2)))
			d->rawoff = 2;
	}
	switch (d->kind) {
	case BE_ENC_CP1252: from = "WINDOWS-1252"; break;
	case BE_ENC_UTF16LE: from = "UTF-16LE"; break;
	case BE_ENC_UTF16BE: from = "UTF-16BE"; break;
	}
	if (from) {
		d->cd = iconv_open("UTF-8", from);
		if (d->cd == (iconv_t)-1)
			snprintf(d->err, sizeof d->err,
			    be_err_tr(N_("cannot convert from %s: %s")),
			    be_enc_kindname(d->kind), strerror(errno));
		/* Three bytes of UTF-8 at most for each byte read. */
		d->outcap = 3 * sizeof d->raw + 16;
		d->out = be_xmalloc(d->outcap);
		if (d->kind == BE_ENC_CP1252 && d->cd != (iconv_t)-1)
			table_1252(d);
	}
	return d;
}

int
be_enc_kind(const struct be_enc *d)
{
	return d->kind;
}

#define NEITHER N_("invalid UTF-8 and not Windows-1252 either; convert " \
	"the file to UTF-8 (iconv -f ITS-ENCODING -t UTF-8)")

/* The message for bad UTF-8 at p[0..n). */
static void
bad_utf8(struct be_enc *d, const unsigned char *p, size_t n)
{
	d->badbytes = 1;
	if (d->neither || !be_cp1252_valid(p, n))
		snprintf(d->err, sizeof d->err, "%s", be_err_tr(NEITHER));
	else
		snprintf(d->err, sizeof d->err, "%s", be_err_tr(N_("invalid "
		    "UTF-8; fix the file, or read it with -e windows-1252 if "
		    "that is its encoding")));
}

static int
fail(struct be_enc *d, struct be_err *e)
{
	d->stop = -1;
	return be_err_set(e, "%s", d->err);
}

/* Hands out what was read as UTF-8, up to its first bad sequence. */
static size_t
take_utf8(struct be_enc *d, const char **p)
{
	const unsigned char *s = d->raw + d->rawoff;
	size_t n = d->rawlen - d->rawoff, v;
	int more;

	v = be_utf8_valid(s, n, &more);
	if (v < n && !(more && !d->eof))
		bad_utf8(d, s + v, n - v);
	*p = (const char *)s;
	d->rawoff += v;
	return v;
}

/* Converts Windows-1252 by its table, up to its first undefined byte. */
static size_t
take_1252(struct be_enc *d, const char **p)
{
	const unsigned char *s = d->raw + d->rawoff, *end = d->raw + d->rawlen;
	const unsigned char *u;
	unsigned char *o = (unsigned char *)d->out;
	uint64_t w;

	while (s < end) {
		if (*s < 0x80) {
			while (s + 8 <= end) {
				memcpy(&w, s, 8);
				if (w & 0x8080808080808080ULL)
					break;
				memcpy(o, s, 8);
				o += 8;
				s += 8;
			}
			while (s < end && *s < 0x80)
				*o++ = *s++;
			continue;
		}
		u = d->w1252[*s - 0x80];
		if (u[3] == 0) {
			snprintf(d->err, sizeof d->err, "%s", be_err_tr(
			    d->detected ? NEITHER : N_("invalid Windows-1252")));
			d->badbytes = 1;
			break;
		}
		memcpy(o, u, 3);
		o += u[3];
		s++;
	}
	d->rawoff = s - d->raw;
	*p = d->out;
	return o - (unsigned char *)d->out;
}

/* Converts UTF-16 with iconv, up to its first bad sequence. */
static size_t
take_iconv(struct be_enc *d, const char **p)
{
	char *in = (char *)d->raw + d->rawoff, *out = d->out;
	size_t inleft = d->rawlen - d->rawoff, outleft = d->outcap;

	if (d->cd == (iconv_t)-1)
		return 0;	/* d->err says why */
	if (iconv(d->cd, &in, &inleft, &out, &outleft) == (size_t)-1) {
		if (errno == EILSEQ || (errno == EINVAL && d->eof)) {
			snprintf(d->err, sizeof d->err, "%s",
			    be_err_tr(N_("invalid UTF-16")));
			d->badbytes = 1;
		}
	}
	d->rawoff = d->rawlen - inleft;
	*p = d->out;
	return d->outcap - outleft;
}

int
be_enc_read(struct be_enc *d, const char **p, size_t *n, struct be_err *e)
{
	size_t got;

	for (;;) {
		if (d->stop > 0)
			return 0;
		if (d->stop < 0)
			return be_err_set(e, "%s", d->err);
		if (d->err[0] == '\0')
			fill(d);
		if (d->rawoff == d->rawlen && d->eof) {
			if (d->err[0])
				return fail(d, e);
			d->stop = 1;
			return 0;
		}
		if (d->kind == BE_ENC_UTF8 || d->kind == BE_ENC_UTF8_BOM)
			got = take_utf8(d, p);
		else if (d->kind == BE_ENC_CP1252 && d->cd != (iconv_t)-1)
			got = take_1252(d, p);
		else
			got = take_iconv(d, p);
		if (got) {
			*n = got;
			return 1;
		}
		if (d->err[0])
			return fail(d, e);
	}
}

int
be_enc_skip(struct be_enc *d)
{
	size_t k = 1;

	if (d->stop >= 0 || !d->badbytes)
		return 0;
	d->badbytes = 0;
	d->err[0] = '\0';
	d->stop = 0;
	if (d->kind == BE_ENC_UTF16LE || d->kind == BE_ENC_UTF16BE)
		k = 2;
	else if (d->kind == BE_ENC_UTF8 || d->kind == BE_ENC_UTF8_BOM) {
		/*
		 * The bytes that continue the bad one are skipped with it:
		 * read them in first, so that where the chunk ends does not
		 * change what is skipped (and the columns after it).
		 */
		fill(d);
		while (k < 4 && d->rawoff + k < d->rawlen &&
		    (d->raw[d->rawoff + k] & 0xC0) == 0x80)
			k++;
	}
	if (k > d->rawlen - d->rawoff)
		k = d->rawlen - d->rawoff;
	d->rawoff += k;
	if (d->cd != (iconv_t)-1)
		iconv(d->cd, NULL, NULL, NULL, NULL);
	return 1;
}

int
be_enc_peek(const struct be_enc *d, const char **p, size_t *n)
{
	if (d->kind != BE_ENC_UTF8 && d->kind != BE_ENC_UTF8_BOM &&
	    d->kind != BE_ENC_CP1252)
		return 0;
	*p = (const char *)d->raw + d->rawoff;
	*n = d->rawlen - d->rawoff;
	return 1;
}

char *
be_enc_hash(const struct be_enc *d)
{
	char hex[BE_FHASH_HEX + 1];

	return be_xstrdup(be_fhash_hex(d->hash, hex));
}

void
be_enc_close(struct be_enc *d)
{
	if (d == NULL)
		return;
	if (d->cd != (iconv_t)-1)
		iconv_close(d->cd);
	be_fhash_free(d->hash);
	free(d->out);
	free(d);
}
