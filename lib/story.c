/* story.c: see story.h. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>
#include <utf8proc.h>

#include "colmap.h"
#include "ctl.h"
#include "enc.h"
#include "fhash.h"
#include "mem.h"
#include "record.h"
#include "redact.h"
#include "story.h"
#include "ydoc.h"
#include "banned.h"

void
be_story_init(struct be_story *s)
{
	memset(s, 0, sizeof *s);
	s->consent = -1;
	s->use = BE_USE_QUOTE;
	s->pass_on = -1;
}

static const char *const use_names[] = { "no", "count", "quote" };

const char *
be_use_name(int use)
{
	return use >= BE_USE_NO && use <= BE_USE_QUOTE ? use_names[use] : NULL;
}

int
be_use_parse(const char *name)
{
	int u;

	for (u = BE_USE_NO; u <= BE_USE_QUOTE; u++)
		if (strcmp(name, use_names[u]) == 0)
			return u;
	return -1;
}

void
be_story_release(struct be_story *s)
{
	size_t i;

	for (i = 0; i < s->nattr; i++) {
		free(s->attr_keys[i]);
		free(s->attr_vals[i]);
	}
	free(s->attr_keys);
	free(s->attr_vals);
	free(s->cid);
	free(s->told);
	free(s->channel);
	free(s->gemeente);
	free(s->text);
	free(s->route);
	free(s->name);
	free(s->email);
	free(s->phone);
	free(s->address);
	free(s->rkey);
	free(s->source);
	free(s->added);
	be_story_init(s);
}

void
be_story_set(char **field, const char *val)
{
	free(*field);
	*field = val ? be_xstrdup(val) : NULL;
}

void
be_story_attr(struct be_story *s, const char *key, const char *val)
{
	if (s->nattr == s->attrcap) {
		s->attrcap = be_grow_cap(s->attrcap, s->nattr + 1);
		BE_RESIZE(s->attr_keys, s->attrcap);
		BE_RESIZE(s->attr_vals, s->attrcap);
	}
	s->attr_keys[s->nattr] = be_xstrdup(key);
	s->attr_vals[s->nattr] = be_xstrdup(val);
	s->nattr++;
}

void
be_story_redacted(struct be_story *s, const char *kind, unsigned n)
{
	size_t i;

	if (n == 0)
		return;
	for (i = 0; i < s->nred; i++)
		if (strcmp(s->red_kind[i], kind) == 0) {
			s->red_n[i] += n;
			return;
		}
	if (s->nred == BE_STORY_NRED)
		return;
	snprintf(s->red_kind[s->nred], sizeof s->red_kind[0], "%s", kind);
	s->red_n[s->nred++] = n;
}

/* Decodes one UTF-8 sequence at p (valid input); returns its length. */
static size_t
utf8_dec(const unsigned char *p, int32_t *cp)
{
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] < 0xe0) {
		*cp = (p[0] & 0x1f) << 6 | (p[1] & 0x3f);
		return 2;
	}
	if (p[0] < 0xf0) {
		*cp = (p[0] & 0x0f) << 12 | (p[1] & 0x3f) << 6 | (p[2] & 0x3f);
		return 3;
	}
	*cp = (p[0] & 0x07) << 18 | (p[1] & 0x3f) << 12 | (p[2] & 0x3f) << 6 |
	    (p[3] & 0x3f);
	return 4;
}

/*
 * Whether s[0..len) is certainly NFC already.  Below U+0300 nothing
 * combines, and a code point that has no decomposition, combining class
 * 0 and no part in any composition cannot change either.  Anything else
 * goes through utf8proc.
 */
static int
quick_nfc(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	const utf8proc_property_t *pr;
	int32_t cp;
	uint64_t w;

	while (p < end) {
		/* Eight bytes of ASCII at a time: most of a Dutch story. */
		if (end - p >= 8) {
			memcpy(&w, p, 8);
			if ((w & 0x8080808080808080ULL) == 0) {
				p += 8;
				continue;
			}
		}
		if (*p < 0x80) {
			p++;
			continue;
		}
		if (end - p < 4 && ((*p >= 0xe0 && end - p < 3) ||
		    (*p >= 0xf0) || (*p >= 0xc0 && end - p < 2)))
			return 0;
		p += utf8_dec(p, &cp);
		if (cp < 0x300)
			continue;
		if ((cp >= 0x1100 && cp < 0x1200) ||
		    (cp >= 0xac00 && cp < 0xd7b0))
			return 0;	/* Hangul composes by rule */
		pr = utf8proc_get_property(cp);
		if (pr->combining_class != 0 || pr->comp_exclusion ||
		    pr->decomp_seqindex != UINT16_MAX ||
		    pr->comb_index != UINT16_MAX)
			return 0;
	}
	return 1;
}

static int
is_space(const unsigned char *p, const unsigned char *end, size_t *n)
{
	if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
	    *p == '\v' || *p == '\f') {
		*n = 1;
		return 1;
	}
	/* U+00A0 and U+202F, no-break spaces that forms like to insert. */
	if (*p == 0xc2 && end - p >= 2 && p[1] == 0xa0) {
		*n = 2;
		return 1;
	}
	if (*p == 0xe2 && end - p >= 3 && p[1] == 0x80 && p[2] == 0xaf) {
		*n = 3;
		return 1;
	}
	return 0;
}

void
be_story_nfc(const char *text, size_t len, struct be_buf *out)
{
	const unsigned char *p = (const unsigned char *)text, *end = p + len;
	size_t n;
	utf8proc_uint8_t *nfc;
	char *t;

	be_buf_reset(out);
	while (p < end && is_space(p, end, &n))
		p += n;
	while (end > p) {
		if (strchr(" \t\n\r\v\f", end[-1]) && end[-1] != '\0')
			end--;
		else if (end - p >= 2 && end[-2] == 0xc2 && end[-1] == 0xa0)
			end -= 2;
		else if (end - p >= 3 && end[-3] == 0xe2 && end[-2] == 0x80 &&
		    end[-1] == 0xaf)
			end -= 3;
		else
			break;
	}
	/* Line ends become LF: a quoted CSV cell keeps Excel's CRLF. */
	n = end > p ? (size_t)(end - p) : 0;
	if (memchr(p, '\r', n) == NULL)
		be_buf_add(out, p, n);
	else for (be_buf_grow(out, n); p < end; p++) {
		if (*p == '\r') {
			be_buf_addc(out, '\n');
			if (p + 1 < end && p[1] == '\n')
				p++;
		} else
			be_buf_addc(out, *p);
	}
	if (quick_nfc(out->s, out->len))
		return;
	nfc = utf8proc_NFC((const utf8proc_uint8_t *)out->s);
	if (nfc == NULL)
		return;		/* not UTF-8: the caller checked it is */
	t = (char *)nfc;
	be_buf_reset(out);
	be_buf_adds(out, t);
	free(nfc);
}

/* Bytes that may start white space: ASCII blanks, U+00A0, U+202F. */
static int
maybe_space(unsigned char c)
{
	return c <= ' ' || c == 0xc2 || c == 0xe2;
}

/*
 * Eight bytes at a time, as 64-bit words: the bytes of x (p[0..8)) that
 * maybe_space would stop at, unless a byte is a single space (y holds
 * p[1..9), so that byte i of y is the one after byte i of x).  Each test
 * is exact per byte: no carry crosses from one byte to the next.
 */
static uint64_t
maybe_space8(uint64_t x)
{
	uint64_t lt = ~(((x & BE_ONES * 0x7f) + BE_ONES * 0x5f) | x) &
	    BE_HIGH;	/* <= ' ' */

	return lt | be_zero_bytes(x ^ BE_ONES * 0xc2) |
	    be_zero_bytes(x ^ BE_ONES * 0xe2);
}

static int
plain8(const unsigned char *p)
{
	uint64_t x, y, m, sp;

	memcpy(&x, p, 8);
	memcpy(&y, p + 1, 8);
	m = maybe_space8(x);
	sp = be_zero_bytes(x ^ BE_ONES * ' ');
	return ((m & ~sp) | (sp & maybe_space8(y))) == 0;
}

/*
 * Hashes p[0..end) with runs of white space made one space and the ends
 * trimmed.  Text between two odd pieces of white space goes to BLAKE2b
 * in one call: a single space between words is what most stories have.
 */
static void
cid_hash(const unsigned char *p, const unsigned char *end, const char *told,
    char *out)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *run;
	crypto_generichash_state S;
	uint8_t h[BE_CID_LEN / 2];
	size_t n;
	int i;

	be_sodium_ready();
	crypto_generichash_init(&S, NULL, 0, sizeof h);
	while (p < end && is_space(p, end, &n))
		p += n;
	run = p;
	while (p < end) {
		if (end - p >= 9 && plain8(p)) {
			p += 8;
			continue;
		}
		if (!maybe_space(*p)) {
			p++;
			continue;
		}
		if (*p == ' ' && end - p >= 2 && !maybe_space(p[1])) {
			p += 2;
			continue;
		}
		if (!is_space(p, end, &n)) {
			p++;
			continue;
		}
		crypto_generichash_update(&S, (const uint8_t *)run,
		    (size_t)(p - run));
		while (p < end && is_space(p, end, &n))
			p += n;
		if (p < end)
			crypto_generichash_update(&S, (const uint8_t *)" ", 1);
		run = p;
	}
	crypto_generichash_update(&S, (const uint8_t *)run, (size_t)(p - run));
	crypto_generichash_update(&S, (const uint8_t *)"\n", 1);
	if (told)
		crypto_generichash_update(&S, (const uint8_t *)told,
		    strnlen(told, 10));
	crypto_generichash_final(&S, h, sizeof h);
	for (i = 0; i < (int)sizeof h; i++) {
		out[2 * i] = hex[h[i] >> 4];
		out[2 * i + 1] = hex[h[i] & 15];
	}
	out[BE_CID_LEN] = '\0';
}

char *
be_story_cid(const char *text, const char *told, char *out)
{
	struct be_buf tmp = BE_BUF_INIT;
	size_t len = strlen(text);

	if (quick_nfc(text, len)) {
		cid_hash((const unsigned char *)text,
		    (const unsigned char *)text + len, told, out);
		return out;
	}
	be_story_nfc(text, len, &tmp);
	cid_hash((const unsigned char *)tmp.s,
	    (const unsigned char *)tmp.s + tmp.len, told, out);
	be_buf_release(&tmp);
	return out;
}

char *
be_story_cid_nfc(const char *text, size_t len, const char *told, char *out)
{
	cid_hash((const unsigned char *)text, (const unsigned char *)text + len,
	    told, out);
	return out;
}

static const char sql_find[] =
"SELECT cid FROM story WHERE ckey = ?1";
static const char sql_insert[] =
"INSERT INTO story (cid, ckey, told, channel, gemeente, text, consent,"
"  route, source_id, source_row, added, use, rkey, id)"
"  VALUES (?1, ?11, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?12, ?13, ?14)";
static const char sql_attr[] =
"INSERT INTO story_attr (story_id, key, value) VALUES (?1, ?2, ?3)"
"  ON CONFLICT (story_id, key) DO UPDATE SET value = value || '; ' ||"
"  excluded.value";
static const char sql_red[] =
"INSERT INTO story_redaction (story_id, kind, n) VALUES (?1, ?2, ?3)";
static const char sql_person[] =
"INSERT INTO person (story_id, name, email, phone, address, pass_on)"
"  VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

/*
 * The first 16 hex digits of a content id as a signed 64-bit number: the
 * key of the index that finds duplicates.  A content id that is not hex
 * (put there by hand) gives some number; only the full id decides.
 */
static long long
cid_key(const char *cid)
{
	uint64_t k = 0;
	int i, d;

	for (i = 0; i < 16 && cid[i]; i++) {
		d = cid[i] >= 'a' ? cid[i] - 'a' + 10 : cid[i] - '0';
		k = k << 4 | (uint64_t)(d & 15);
	}
	return (long long)k;
}

int
be_story_by_cid(struct be_store *st, const char *cid, long long *id,
    struct be_err *e)
{
	sqlite3_stmt *q = be_store_stmt(st, "SELECT id FROM story WHERE "
	    "ckey = ?1 AND cid = ?2", e);
	int rc;

	if (q == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, cid_key(cid));
	sqlite3_bind_text(q, 2, cid, -1, SQLITE_STATIC);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(q, 0);
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return be_store_error(st, "cannot look a story up", e);
	return rc == SQLITE_ROW;
}

static int
bind_static(sqlite3_stmt *q, int i, const char *s)
{
	if (s == NULL)
		return sqlite3_bind_null(q, i);
	return sqlite3_bind_text(q, i, s, -1, SQLITE_STATIC);
}

/*
 * 1 MB in lines of 64 bytes (a cache line): a key sets three bits of one
 * line, so that asking costs one miss of the cache, not three, and the
 * whole filter stays in the processor's second-level cache.  A million
 * ids leave about one "maybe" in forty for a new one; a store ten times
 * that size makes the filter useless (every answer "maybe"), not wrong.
 */
#define KEYS_BITS 14
#define KEYS_LINES (1 << KEYS_BITS)

struct be_story_keys {
	uint64_t (*line)[8];
};

/* Sets (add) or asks for the key's bits; 1 when all were set before. */
static int
keys_probe(struct be_story_keys *k, uint64_t key, int add)
{
	uint64_t h = key * 0x9e3779b97f4a7c15ULL, *l, b;
	int i, all = 1;

	l = k->line[h >> (64 - KEYS_BITS)];
	for (i = 0; i < 3; i++) {
		b = (h >> (9 * i)) & 511;
		all &= (l[b >> 6] >> (b & 63)) & 1;
		if (add)
			l[b >> 6] |= 1ULL << (b & 63);
	}
	return all;
}

struct be_story_keys *
be_story_keys_new(struct be_store *st, struct be_err *e)
{
	static const char sql[] = "SELECT ckey FROM story";
	struct be_story_keys *k;
	sqlite3_stmt *q;
	int rc;

	if ((q = be_store_stmt(st, sql, e)) == NULL)
		return NULL;
	k = be_xmalloc(sizeof *k);
	k->line = be_xcalloc(KEYS_LINES, sizeof *k->line);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW)
		keys_probe(k, (uint64_t)sqlite3_column_int64(q, 0), 1);
	sqlite3_reset(q);
	if (rc != SQLITE_DONE) {
		be_story_keys_free(k);
		be_store_error(st, "cannot read store", e);
		return NULL;
	}
	return k;
}

void
be_story_keys_free(struct be_story_keys *k)
{
	if (k == NULL)
		return;
	free(k->line);
	free(k);
}

int
be_story_keys_add(struct be_story_keys *k, const char *cid)
{
	return keys_probe(k, (uint64_t)cid_key(cid), 1);
}

static int story_parts(struct be_store *st, const struct be_story *s,
    struct be_err *e);

int
be_story_count_only(struct be_store *st, const char *cid, struct be_err *e)
{
	static const char sql[] = "UPDATE story SET use = 'count'"
	    "  WHERE ckey = ?2 AND cid = ?1 AND use <> 'count'";
	sqlite3_stmt *q;

	if ((q = be_store_stmt(st, sql, e)) == NULL)
		return -1;
	bind_static(q, 1, cid);
	sqlite3_bind_int64(q, 2, cid_key(cid));
	return be_store_done(st, q, "cannot store story", e);
}

int
be_story_insert(struct be_store *st, struct be_story *s,
    long long source_id, const char *now, struct be_err *e)
{
	return be_story_store(st, s, source_id, now, 0, 0, e);
}

int
be_story_store(struct be_store *st, struct be_story *s,
    long long source_id, const char *now, int fresh, size_t textlen,
    struct be_err *e)
{
	sqlite3 *db = be_store_db(st);
	sqlite3_stmt *q;
	char cid[BE_CID_LEN + 1];
	long long key;
	int rc = SQLITE_DONE;

	if (s->cid == NULL)
		s->cid = be_xstrdup(be_story_cid(s->text, s->told, cid));
	key = cid_key(s->cid);
	if (!fresh) {
		if ((q = be_store_stmt(st, sql_find, e)) == NULL)
			return -1;
		sqlite3_bind_int64(q, 1, key);
		while ((rc = sqlite3_step(q)) == SQLITE_ROW)
			if (strcmp(be_col_text(q, 0), s->cid) == 0)
				break;
		sqlite3_reset(q);
	}
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return be_store_error(st, "cannot store story", e);
	if ((q = be_store_stmt(st, sql_insert, e)) == NULL)
		return -1;
	sqlite3_bind_int64(q, 11, key);
	bind_static(q, 1, s->cid);
	bind_static(q, 2, s->told);
	bind_static(q, 3, s->channel);
	bind_static(q, 4, s->gemeente);
	if (textlen > 0 && textlen < INT_MAX)
		sqlite3_bind_text(q, 5, s->text, (int)textlen, SQLITE_STATIC);
	else
		bind_static(q, 5, s->text);
	if (s->consent >= 0)
		sqlite3_bind_int(q, 6, s->consent);
	bind_static(q, 7, s->route);
	if (source_id > 0)
		sqlite3_bind_int64(q, 8, source_id);
	if (s->source_row > 0)
		sqlite3_bind_int64(q, 9, s->source_row);
	bind_static(q, 10, now);
	bind_static(q, 12, be_use_name(s->use == BE_USE_COUNT ? BE_USE_COUNT :
	    BE_USE_QUOTE));
	bind_static(q, 13, s->rkey);
	if (s->want_id > 0)
		sqlite3_bind_int64(q, 14, s->want_id);
	if (be_store_done(st, q, "cannot store story", e) < 0)
		return -1;
	s->id = sqlite3_last_insert_rowid(db);
	return story_parts(st, s, e);
}

/* The attributes, redaction counts and contact data of s (s->id). */
static int
story_parts(struct be_store *st, const struct be_story *s, struct be_err *e)
{
	sqlite3_stmt *q;
	size_t i;

	for (i = 0; i < s->nattr; i++) {
		if ((q = be_store_stmt(st, sql_attr, e)) == NULL)
			return -1;
		sqlite3_bind_int64(q, 1, s->id);
		bind_static(q, 2, s->attr_keys[i]);
		bind_static(q, 3, s->attr_vals[i]);
		if (be_store_done(st, q, "cannot store story", e) < 0)
			return -1;
	}
	for (i = 0; i < s->nred; i++) {
		if ((q = be_store_stmt(st, sql_red, e)) == NULL)
			return -1;
		sqlite3_bind_int64(q, 1, s->id);
		bind_static(q, 2, s->red_kind[i]);
		sqlite3_bind_int(q, 3, (int)s->red_n[i]);
		if (be_store_done(st, q, "cannot store story", e) < 0)
			return -1;
	}
	if (s->consent == 1 && (s->name || s->email || s->phone ||
	    s->address)) {
		if ((q = be_store_stmt(st, sql_person, e)) == NULL)
			return -1;
		sqlite3_bind_int64(q, 1, s->id);
		bind_static(q, 2, s->name);
		bind_static(q, 3, s->email);
		bind_static(q, 4, s->phone);
		bind_static(q, 5, s->address);
		if (s->pass_on >= 0)
			sqlite3_bind_int(q, 6, s->pass_on);
		if (be_store_done(st, q, "cannot store story", e) < 0)
			return -1;
	}
	return 1;
}

long long
be_story_ckey(const char *cid)
{
	return cid_key(cid);
}

int
be_story_replace(struct be_store *st, long long id, struct be_story *s,
    struct be_err *e)
{
	static const char sql_upd[] =
	    "UPDATE story SET cid = ?2, ckey = ?3, told = ?4, channel = ?5,"
	    "  gemeente = ?6, text = ?7, consent = ?8, route = ?9, rkey = ?10,"
	    "  use = ?11 WHERE id = ?1";
	static const char sql_fts_del[] =
	    "INSERT INTO story_fts (story_fts, rowid, text)"
	    "  SELECT 'delete', id, text FROM story WHERE id = ?1";
	static const char sql_fts_add[] =
	    "INSERT INTO story_fts (rowid, text) VALUES (?1, ?2)";
	static const char *const sql_del[] = {
	    "DELETE FROM story_attr WHERE story_id = ?1",
	    "DELETE FROM story_redaction WHERE story_id = ?1",
	    "DELETE FROM person WHERE story_id = ?1",
	};
	sqlite3_stmt *q;
	char cid[BE_CID_LEN + 1];
	size_t i;

	if (s->cid == NULL)
		s->cid = be_xstrdup(be_story_cid(s->text, s->told, cid));
	/* What the trigger story_au does, while an intake has them off. */
	if (!be_store_triggers_on(st) && !be_store_fts_stale(st)) {
		if ((q = be_store_stmt(st, sql_fts_del, e)) == NULL)
			return -1;
		sqlite3_bind_int64(q, 1, id);
		if (be_store_done(st, q, "cannot update story", e) < 0 ||
		    (q = be_store_stmt(st, sql_fts_add, e)) == NULL)
			return -1;
		sqlite3_bind_int64(q, 1, id);
		bind_static(q, 2, s->text);
		if (be_store_done(st, q, "cannot update story", e) < 0)
			return -1;
	}
	if ((q = be_store_stmt(st, sql_upd, e)) == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	bind_static(q, 2, s->cid);
	sqlite3_bind_int64(q, 3, cid_key(s->cid));
	bind_static(q, 4, s->told);
	bind_static(q, 5, s->channel);
	bind_static(q, 6, s->gemeente);
	bind_static(q, 7, s->text);
	if (s->consent >= 0)
		sqlite3_bind_int(q, 8, s->consent);
	bind_static(q, 9, s->route);
	bind_static(q, 10, s->rkey);
	bind_static(q, 11, be_use_name(s->use == BE_USE_COUNT ? BE_USE_COUNT :
	    BE_USE_QUOTE));
	if (be_store_done(st, q, "cannot update story", e) < 0)
		return -1;
	for (i = 0; i < sizeof sql_del / sizeof sql_del[0]; i++) {
		if ((q = be_store_stmt(st, sql_del[i], e)) == NULL)
			return -1;
		sqlite3_bind_int64(q, 1, id);
		if (be_store_done(st, q, "cannot update story", e) < 0)
			return -1;
	}
	s->id = id;
	return story_parts(st, s, e) < 0 ? -1 : 0;
}

int
be_story_get(struct be_store *st, long long id, struct be_story *s,
    struct be_err *e)
{
	static const char sql_story[] =
	    "SELECT s.cid, s.told, s.channel, s.gemeente, s.text, s.consent,"
	    "  s.route, s.source_row, s.added, src.path, s.use, s.rkey"
	    "  FROM story s LEFT JOIN source src ON src.id = s.source_id"
	    "  WHERE s.id = ?1";
	static const char sql_attrs[] =
	    "SELECT key, value FROM story_attr WHERE story_id = ?1"
	    "  ORDER BY key";
	static const char sql_reds[] =
	    "SELECT kind, n FROM story_redaction WHERE story_id = ?1"
	    "  ORDER BY kind";
	sqlite3_stmt *q;
	int rc;

	be_story_release(s);
	if ((q = be_store_stmt(st, sql_story, e)) == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	rc = sqlite3_step(q);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(q);
		return be_err_set(e, "no story S-%lld", id);
	}
	if (rc != SQLITE_ROW) {
		sqlite3_reset(q);
		return be_store_error(st, "cannot read story", e);
	}
	s->id = id;
	s->cid = be_col_dup(q, 0);
	s->told = be_col_dup(q, 1);
	s->channel = be_col_dup(q, 2);
	s->gemeente = be_col_dup(q, 3);
	s->text = be_xstrdup(be_col_text(q, 4));
	s->consent = sqlite3_column_type(q, 5) == SQLITE_NULL ? -1 :
	    sqlite3_column_int(q, 5);
	s->route = be_col_dup(q, 6);
	s->source_row = sqlite3_column_int64(q, 7);
	s->added = be_col_dup(q, 8);
	s->source = be_col_dup(q, 9);
	s->use = strcmp(be_col_text(q, 10), "count") == 0 ? BE_USE_COUNT :
	    BE_USE_QUOTE;
	s->rkey = be_col_dup(q, 11);
	sqlite3_reset(q);

	if ((q = be_store_stmt(st, sql_attrs, e)) == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW)
		be_story_attr(s, be_col_text(q, 0), be_col_text(q, 1));
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return be_store_error(st, "cannot read story", e);

	if ((q = be_store_stmt(st, sql_reds, e)) == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW)
		be_story_redacted(s, be_col_text(q, 0),
		    (unsigned)sqlite3_column_int(q, 1));
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return be_store_error(st, "cannot read story", e);
	return 0;
}

void
be_story_yaml(FILE *fp, const struct be_story *s)
{
	char ref[32];
	size_t i;

	be_yemit_doc(fp, "story");
	if (s->id > 0) {
		snprintf(ref, sizeof ref, "S-%lld", s->id);
		be_yemit_str(fp, 0, "ref", ref);
	}
	if (s->cid)
		be_yemit_str(fp, 0, "cid", s->cid);
	if (s->told)
		be_yemit_str(fp, 0, "told", s->told);
	if (s->channel)
		be_yemit_str(fp, 0, "channel", s->channel);
	if (s->gemeente)
		be_yemit_str(fp, 0, "gemeente", s->gemeente);
	if (s->route)
		be_yemit_str(fp, 0, "route", s->route);
	if (s->consent >= 0)
		be_yemit_str(fp, 0, "consent", s->consent ? "ja" : "nee");
	be_yemit_str(fp, 0, "use", be_use_name(s->use));
	if (s->nattr) {
		be_yemit_key(fp, 0, "attributes");
		for (i = 0; i < s->nattr; i++)
			be_yemit_str(fp, 2, s->attr_keys[i], s->attr_vals[i]);
	}
	if (s->nred) {
		be_yemit_key(fp, 0, "redacted");
		for (i = 0; i < s->nred; i++)
			be_yemit_int(fp, 2, s->red_kind[i], s->red_n[i]);
	}
	if (s->rkey)
		be_yemit_str(fp, 0, "response", s->rkey);
	if (s->source) {
		be_yemit_str(fp, 0, "source", s->source);
		if (s->source_row > 0)
			be_yemit_int(fp, 0, "source_row", s->source_row);
	}
	if (s->added)
		be_yemit_str(fp, 0, "added", s->added);
	be_yemit_str(fp, 0, "text", s->text ? s->text : "");
}

void
be_story_text(FILE *fp, const struct be_story *s)
{
	size_t i;

	/* Stored text goes through be_ctl_puts: no control characters. */
	if (s->id > 0)
		fprintf(fp, "S-%lld", s->id);
	else
		fputc('-', fp);
	fputs("  ", fp);
	be_ctl_puts(fp, s->told ? s->told : "(no date)");
	if (s->channel) {
		fputs("  ", fp);
		be_ctl_puts(fp, s->channel);
	}
	if (s->gemeente) {
		fputs("  ", fp);
		be_ctl_puts(fp, s->gemeente);
	}
	fputc('\n', fp);
	if (s->route) {
		fputs("route: ", fp);
		be_ctl_puts(fp, s->route);
		fputc('\n', fp);
	}
	if (s->consent >= 0)
		fprintf(fp, "consent: %s\n", s->consent ? "ja" : "nee");
	fprintf(fp, "use: %s\n", be_use_name(s->use));
	for (i = 0; i < s->nattr; i++) {
		be_ctl_puts(fp, s->attr_keys[i]);
		fputs(": ", fp);
		be_ctl_puts(fp, s->attr_vals[i]);
		fputc('\n', fp);
	}
	for (i = 0; i < s->nred; i++) {
		fprintf(fp, "redacted: %u ", s->red_n[i]);
		be_ctl_puts(fp, s->red_kind[i]);
		fputc('\n', fp);
	}
	fputc('\n', fp);
	be_ctl_puts(fp, s->text ? s->text : "");
	fputc('\n', fp);
}

/*
 * A byte that is part of a word and needs no second look: not NUL, white
 * space or its first byte (is_space), a backslash or a control character
 * (ctl.h; 0xc2 starts both U+00A0 and the C1 controls).
 */
#define PLAIN(c) ((c) > ' ' && (c) != 0x7f && (c) != 0xc2 && \
	(c) != 0xe2 && (c) != '\\')

/*
 * Appends the first n words; with esc, a backslash as a record has it.
 * Returns 1 when what it appended may hold a control character.  The
 * text ends with its NUL, which no look ahead of is_space passes: the
 * first words are near the start, and the text is never measured.
 */
static int
words(struct be_buf *b, const char *text, int n, int esc)
{
	const unsigned char *p = (const unsigned char *)text, *word;
	size_t sp;
	int w = 0, ctl = 0;

	while (*p && is_space(p, p + 3, &sp))
		p += sp;
	while (*p) {
		if (w == n) {
			be_buf_adds(b, "\xe2\x80\xa6");	/* … */
			break;
		}
		if (w > 0)
			be_buf_addc(b, ' ');
		for (word = p; *p; p++) {
			if (PLAIN(*p))
				continue;
			if (is_space(p, p + 3, &sp))
				break;
			if (*p != '\\')
				ctl = 1;
			else if (esc) {
				be_buf_add(b, word, (size_t)(p + 1 - word));
				word = p;
			}
		}
		be_buf_add(b, word, (size_t)(p - word));
		while (*p && is_space(p, p + 3, &sp))
			p += sp;
		w++;
	}
	return ctl;
}

/* words, with any control character as '?' (ctl.h). */
static void
first_words(struct be_buf *b, const char *text, int n, int esc)
{
	size_t from = b->len;

	if (words(b, text, n, esc))
		b->len = from + be_ctl_clean(b->s + from, b->len - from);
}

void
be_story_first_words(struct be_buf *b, const char *text, int n)
{
	first_words(b, text, n, 0);
}

void
be_story_record_tail(struct be_buf *b, const struct be_story *s)
{
	be_buf_addc(b, '\t');
	if (s->told)
		be_buf_add(b, s->told, strnlen(s->told, 10));
	be_buf_addc(b, '\t');
	if (s->channel)
		be_rec_escape(b, s->channel);
	be_buf_addc(b, '\t');
	if (s->gemeente)
		be_rec_escape(b, s->gemeente);
	be_buf_addc(b, '\t');
	/* Words hold no TAB, CR or LF: those are white space. */
	first_words(b, s->text ? s->text : "", 8, 1);
	be_buf_addc(b, '\n');
}

void
be_story_write_ref(FILE *fp, long long id)
{
	char b[24], *p = b + sizeof b;

	if (id <= 0) {
		putc('-', fp);
		return;
	}
	do
		*--p = (char)('0' + id % 10);
	while ((id /= 10) > 0);
	*--p = '-';
	*--p = 'S';
	fwrite(p, 1, (size_t)(b + sizeof b - p), fp);
}

void
be_story_record(FILE *fp, const struct be_story *s)
{
	struct be_buf b = BE_BUF_INIT;

	be_story_write_ref(fp, s->id);
	be_story_record_tail(&b, s);
	fwrite(b.s, 1, b.len, fp);
	be_buf_release(&b);
}

/* Migration to version 2 (see story.h). */

/* Runs a literal statement of the migration that binds up to two ids. */
static int
mig_run(struct be_store *st, const char *sql, long long a, long long b,
    struct be_err *e)
{
	sqlite3_stmt *q;

	if ((q = be_store_stmt(st, sql, e)) == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, a);
	if (sqlite3_bind_parameter_count(q) >= 2)
		sqlite3_bind_int64(q, 2, b);
	return be_store_done(st, q, "cannot migrate store", e);
}

/* The ids of the stories with attribute key and their values. */
struct mig_rows {
	long long *id;
	char **val;
	size_t n, cap;
};

static void
mig_rows_release(struct mig_rows *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->val[i]);
	free(r->id);
	free(r->val);
	memset(r, 0, sizeof *r);
}

static int
mig_attr_rows(struct be_store *st, const char *key, struct mig_rows *r,
    struct be_err *e)
{
	static const char sql[] = "SELECT story_id, value FROM story_attr"
	    "  WHERE key = ?1";
	sqlite3_stmt *q;
	int rc;

	if ((q = be_store_stmt(st, sql, e)) == NULL)
		return -1;
	be_bind_text(q, 1, key);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (r->n == r->cap) {
			r->cap = be_grow_cap(r->cap, r->n + 1);
			BE_RESIZE(r->id, r->cap);
			BE_RESIZE(r->val, r->cap);
		}
		r->id[r->n] = sqlite3_column_int64(q, 0);
		r->val[r->n++] = be_xstrdup(be_col_text(q, 1));
	}
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? 0 : be_store_error(st, "cannot migrate "
	    "store", e);
}

/* Deletes the attribute key of story id. */
static int
mig_attr_drop(struct be_store *st, long long id, const char *key,
    struct be_err *e)
{
	static const char sql[] = "DELETE FROM story_attr"
	    "  WHERE story_id = ?1 AND key = ?2";
	sqlite3_stmt *q;

	if ((q = be_store_stmt(st, sql, e)) == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	be_bind_text(q, 2, key);
	return be_store_done(st, q, "cannot migrate store", e);
}

/* An identifying attribute of a story with consent: into table person. */
static int
mig_person(struct be_store *st, int field, long long id, const char *v,
    struct be_err *e)
{
	static const char sql_name[] = "INSERT INTO person (story_id, name)"
	    "  SELECT ?1, ?2 FROM story WHERE id = ?1 AND consent = 1"
	    "  ON CONFLICT (story_id) DO UPDATE SET name ="
	    "  coalesce(name || ' ' || excluded.name, excluded.name)";
	static const char sql_email[] = "INSERT INTO person (story_id, email)"
	    "  SELECT ?1, ?2 FROM story WHERE id = ?1 AND consent = 1"
	    "  ON CONFLICT (story_id) DO UPDATE SET email ="
	    "  coalesce(email || ', ' || excluded.email, excluded.email)";
	static const char sql_phone[] = "INSERT INTO person (story_id, phone)"
	    "  SELECT ?1, ?2 FROM story WHERE id = ?1 AND consent = 1"
	    "  ON CONFLICT (story_id) DO UPDATE SET phone ="
	    "  coalesce(phone || ', ' || excluded.phone, excluded.phone)";
	static const char sql_address[] = "INSERT INTO person (story_id,"
	    "  address) SELECT ?1, ?2 FROM story WHERE id = ?1"
	    "  AND consent = 1 ON CONFLICT (story_id) DO UPDATE SET address ="
	    "  coalesce(address || ', ' || excluded.address,"
	    "  excluded.address)";
	const char *sql;
	sqlite3_stmt *q;

	switch (field) {
	case BE_F_NAME:
		sql = sql_name;
		break;
	case BE_F_EMAIL:
		sql = sql_email;
		break;
	case BE_F_PHONE:
		sql = sql_phone;
		break;
	case BE_F_ADDRESS:
		sql = sql_address;
		break;
	default:
		return 0;
	}
	if ((q = be_store_stmt(st, sql, e)) == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	be_bind_text(q, 2, v);
	return be_store_done(st, q, "cannot migrate store", e);
}

/* Attributes that an intake of today would have read as fields. */
static int
mig_attrs(struct be_store *st, struct be_err *e)
{
	static const char sql_keys[] = "SELECT DISTINCT key FROM story_attr";
	static const char sql_count[] = "UPDATE story SET use = 'count'"
	    "  WHERE id = ?1";
	static const char sql_no[] = "INSERT OR IGNORE INTO temp.mig_no (id)"
	    "  VALUES (?1)";
	struct mig_rows r;
	sqlite3_stmt *q;
	char **keys = NULL;
	size_t nkeys = 0, i, j;
	int rc, f, u;

	if ((q = be_store_stmt(st, sql_keys, e)) == NULL)
		return -1;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		BE_RESIZE(keys, nkeys + 1);
		keys[nkeys++] = be_xstrdup(be_col_text(q, 0));
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE) {
		rc = be_store_error(st, "cannot migrate store", e);
		goto out;
	}
	rc = 0;
	memset(&r, 0, sizeof r);
	for (i = 0; i < nkeys && rc == 0; i++) {
		f = be_colmap_field(keys[i]);
		if (f != BE_F_USE && f != BE_F_IGNORE && (f < BE_F_NAME ||
		    f > BE_F_ADDRESS))
			continue;
		if ((rc = mig_attr_rows(st, keys[i], &r, e)) < 0)
			break;
		for (j = 0; j < r.n && rc == 0; j++) {
			if (f == BE_F_USE) {
				u = be_use_answer(r.val[j]);
				if (u == -1)
					continue;	/* cannot tell: kept */
				if (u == BE_USE_COUNT)
					rc = mig_run(st, sql_count, r.id[j], 0,
					    e);
				else if (u == BE_USE_NO)
					rc = mig_run(st, sql_no, r.id[j], 0, e);
			} else
				rc = mig_person(st, f, r.id[j], r.val[j], e);
			if (rc == 0)
				rc = mig_attr_drop(st, r.id[j], keys[i], e);
		}
		mig_rows_release(&r);
	}
out:
	for (i = 0; i < nkeys; i++)
		free(keys[i]);
	free(keys);
	return rc;
}

/* Adds n redactions of kind to story id. */
static int
mig_counts(struct be_store *st, long long id,
    const struct be_redact_counts *c, struct be_err *e)
{
	static const char sql[] = "INSERT INTO story_redaction"
	    "  (story_id, kind, n) VALUES (?1, ?2, ?3)"
	    "  ON CONFLICT (story_id, kind) DO UPDATE SET n = n + excluded.n";
	sqlite3_stmt *q;
	int k;

	for (k = 0; k < BE_R_NKINDS; k++) {
		if (c->n[k] == 0)
			continue;
		if ((q = be_store_stmt(st, sql, e)) == NULL)
			return -1;
		sqlite3_bind_int64(q, 1, id);
		bind_static(q, 2, be_redact_name(k));
		sqlite3_bind_int(q, 3, (int)c->n[k]);
		if (be_store_done(st, q, "cannot migrate store", e) < 0)
			return -1;
	}
	return 0;
}

/*
 * Texts redacted again, a batch of stories at a time (a statement that
 * reads a table is not stepped on while the rows it reads change).
 */
#define MIG_BATCH 256

static int
mig_texts(struct be_store *st, struct be_err *e)
{
	static const char sql_get[] = "SELECT id, text, told FROM story"
	    "  WHERE id > ?1 ORDER BY id LIMIT 256";
	static const char sql_set[] = "UPDATE story SET text = ?2, cid = ?3,"
	    "  ckey = ?4 WHERE id = ?1";
	struct be_redact_counts c;
	struct be_buf out = BE_BUF_INIT;
	struct mig_rows r;
	char **told = NULL, cid[BE_CID_LEN + 1];
	sqlite3_stmt *q;
	long long last = 0;
	size_t i;
	int rc = 0, step;

	memset(&r, 0, sizeof r);
	told = be_xcalloc(MIG_BATCH, sizeof *told);
	for (;;) {
		if ((q = be_store_stmt(st, sql_get, e)) == NULL) {
			rc = -1;
			break;
		}
		sqlite3_bind_int64(q, 1, last);
		r.cap = MIG_BATCH;
		BE_RESIZE(r.id, r.cap);
		BE_RESIZE(r.val, r.cap);
		while ((step = sqlite3_step(q)) == SQLITE_ROW) {
			r.id[r.n] = sqlite3_column_int64(q, 0);
			r.val[r.n] = be_xstrdup(be_col_text(q, 1));
			told[r.n++] = be_col_dup(q, 2);
		}
		sqlite3_reset(q);
		if (step != SQLITE_DONE)
			rc = be_store_error(st, "cannot migrate store", e);
		for (i = 0; i < r.n && rc == 0; i++) {
			memset(&c, 0, sizeof c);
			be_buf_reset(&out);
			if (be_redact(r.val[i], strlen(r.val[i]), &out, &c) == 0)
				continue;
			be_story_cid(out.s, told[i], cid);
			if ((q = be_store_stmt(st, sql_set, e)) == NULL) {
				rc = -1;
				break;
			}
			sqlite3_bind_int64(q, 1, r.id[i]);
			bind_static(q, 2, out.s);
			bind_static(q, 3, cid);
			sqlite3_bind_int64(q, 4, cid_key(cid));
			if ((rc = be_store_done(st, q, "cannot migrate store",
			    e)) == 0)
				rc = mig_counts(st, r.id[i], &c, e);
		}
		for (i = 0; i < r.n; i++)
			free(told[i]);
		if (r.n)
			last = r.id[r.n - 1];
		if (rc < 0 || r.n < MIG_BATCH)
			break;
		for (i = 0; i < r.n; i++)
			free(r.val[i]);
		r.n = 0;
	}
	mig_rows_release(&r);
	free(told);
	be_buf_release(&out);
	return rc;
}

/* Attribute values and chosen quotes redacted again. */
static int
mig_others(struct be_store *st, struct be_err *e)
{
	static const char sql_keys[] = "SELECT DISTINCT key FROM story_attr";
	static const char sql_attr[] = "UPDATE story_attr SET value = ?3"
	    "  WHERE story_id = ?1 AND key = ?2";
	static const char sql_quotes[] = "SELECT point_id, story_id, quote"
	    "  FROM point_story WHERE quote IS NOT NULL";
	static const char sql_quote[] = "UPDATE point_story SET quote = ?3"
	    "  WHERE point_id = ?1 AND story_id = ?2";
	struct be_buf out = BE_BUF_INIT;
	struct mig_rows r, p;
	sqlite3_stmt *q;
	char **keys = NULL;
	size_t nkeys = 0, i, j;
	int rc;

	memset(&r, 0, sizeof r);
	memset(&p, 0, sizeof p);
	if ((q = be_store_stmt(st, sql_keys, e)) == NULL)
		return -1;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		BE_RESIZE(keys, nkeys + 1);
		keys[nkeys++] = be_xstrdup(be_col_text(q, 0));
	}
	sqlite3_reset(q);
	rc = rc == SQLITE_DONE ? 0 : be_store_error(st, "cannot migrate "
	    "store", e);
	for (i = 0; i < nkeys && rc == 0; i++) {
		if ((rc = mig_attr_rows(st, keys[i], &r, e)) < 0)
			break;
		for (j = 0; j < r.n && rc == 0; j++) {
			be_buf_reset(&out);
			if (be_redact(r.val[j], strlen(r.val[j]), &out,
			    NULL) == 0)
				continue;
			if ((q = be_store_stmt(st, sql_attr, e)) == NULL) {
				rc = -1;
				break;
			}
			sqlite3_bind_int64(q, 1, r.id[j]);
			be_bind_text(q, 2, keys[i]);
			bind_static(q, 3, out.s);
			rc = be_store_done(st, q, "cannot migrate store", e);
		}
		mig_rows_release(&r);
	}
	/* The quotes: few, one point's stories each. */
	if (rc == 0 && (q = be_store_stmt(st, sql_quotes, e)) == NULL)
		rc = -1;
	while (rc == 0 && sqlite3_step(q) == SQLITE_ROW) {
		if (r.n == r.cap) {
			r.cap = be_grow_cap(r.cap, r.n + 1);
			BE_RESIZE(r.id, r.cap);
			BE_RESIZE(r.val, r.cap);
			BE_RESIZE(p.id, r.cap);
		}
		p.id[r.n] = sqlite3_column_int64(q, 0);
		r.id[r.n] = sqlite3_column_int64(q, 1);
		r.val[r.n++] = be_xstrdup(be_col_text(q, 2));
	}
	if (q)
		sqlite3_reset(q);
	for (j = 0; j < r.n && rc == 0; j++) {
		be_buf_reset(&out);
		if (be_redact(r.val[j], strlen(r.val[j]), &out, NULL) == 0)
			continue;
		if ((q = be_store_stmt(st, sql_quote, e)) == NULL) {
			rc = -1;
			break;
		}
		sqlite3_bind_int64(q, 1, p.id[j]);
		sqlite3_bind_int64(q, 2, r.id[j]);
		bind_static(q, 3, out.s);
		rc = be_store_done(st, q, "cannot migrate store", e);
	}
	mig_rows_release(&r);
	free(p.id);
	for (i = 0; i < nkeys; i++)
		free(keys[i]);
	free(keys);
	be_buf_release(&out);
	return rc;
}

/* Story gone goes into story keep: what hangs on it, and its level. */
static int
mig_merge(struct be_store *st, long long keep, long long gone,
    struct be_err *e)
{
	static const char *const sql[] = {
	    "INSERT OR IGNORE INTO story_tag (story_id, tag_id, origin,"
	    "  present, codebook_id, rule, matched, who, at)"
	    "  SELECT ?1, tag_id, origin, present, codebook_id, rule,"
	    "  matched, who, at FROM story_tag WHERE story_id = ?2",
	    "UPDATE OR IGNORE point_story SET story_id = ?1"
	    "  WHERE story_id = ?2",
	    "DELETE FROM point_story WHERE story_id = ?2 AND ?1 = ?1",
	    "INSERT OR IGNORE INTO story_attr (story_id, key, value)"
	    "  SELECT ?1, key, value FROM story_attr WHERE story_id = ?2",
	    "INSERT INTO story_redaction (story_id, kind, n)"
	    "  SELECT ?1, kind, n FROM story_redaction WHERE story_id = ?2"
	    "  AND true ON CONFLICT (story_id, kind) DO UPDATE"
	    "  SET n = max(n, excluded.n)",
	    "INSERT OR IGNORE INTO person (story_id, name, email, phone,"
	    "  address) SELECT ?1, name, email, phone, address FROM person"
	    "  WHERE story_id = ?2",
	    "UPDATE story SET use = 'count' WHERE id = ?1 AND"
	    "  (SELECT use FROM story WHERE id = ?2) = 'count'",
	    "UPDATE story SET consent = (SELECT consent FROM story"
	    "  WHERE id = ?2) WHERE id = ?1 AND consent IS NULL",
	    "INSERT OR IGNORE INTO temp.mig_no (id) SELECT ?1"
	    "  WHERE EXISTS (SELECT 1 FROM temp.mig_no WHERE id = ?2)",
	    "DELETE FROM story WHERE id = ?2 AND ?1 = ?1",
	};
	size_t i;

	for (i = 0; i < sizeof sql / sizeof sql[0]; i++)
		if (mig_run(st, sql[i], keep, gone, e) < 0)
			return -1;
	return 0;
}

/* Stories that have one content id now: merged into the oldest. */
static int
mig_merge_all(struct be_store *st, struct be_err *e)
{
	static const char sql[] = "SELECT s.id, min(o.id) FROM story s"
	    "  JOIN story o ON o.ckey = s.ckey AND o.cid = s.cid"
	    "  AND o.id < s.id GROUP BY s.id ORDER BY s.id";
	struct mig_rows r;
	long long *keep = NULL;
	sqlite3_stmt *q;
	size_t i;
	int rc;

	memset(&r, 0, sizeof r);
	if ((q = be_store_stmt(st, sql, e)) == NULL)
		return -1;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (r.n == r.cap) {
			r.cap = be_grow_cap(r.cap, r.n + 1);
			BE_RESIZE(r.id, r.cap);
			BE_RESIZE(keep, r.cap);
		}
		r.id[r.n] = sqlite3_column_int64(q, 0);
		keep[r.n++] = sqlite3_column_int64(q, 1);
	}
	sqlite3_reset(q);
	rc = rc == SQLITE_DONE ? 0 : be_store_error(st, "cannot migrate "
	    "store", e);
	for (i = 0; i < r.n && rc == 0; i++)
		rc = mig_merge(st, keep[i], r.id[i], e);
	free(r.id);
	free(keep);
	return rc;
}

int
be_story_migrate_use(struct be_store *st, struct be_err *e)
{
	if (be_store_exec(st, "CREATE TEMP TABLE mig_no"
	    "  (id INTEGER PRIMARY KEY)", e) < 0)
		return -1;
	if (mig_attrs(st, e) < 0 || mig_texts(st, e) < 0 ||
	    mig_others(st, e) < 0 || mig_merge_all(st, e) < 0 ||
	    be_store_exec(st, "DELETE FROM point_story WHERE story_id IN"
	    "  (SELECT id FROM temp.mig_no);"
	    "DELETE FROM story WHERE id IN (SELECT id FROM temp.mig_no)",
	    e) < 0) {
		be_store_exec(st, "DROP TABLE temp.mig_no", NULL);
		return -1;
	}
	return be_store_exec(st, "DROP TABLE temp.mig_no", e);
}
