/* collect.c: see collect.h. */
#define _GNU_SOURCE	/* fopencookie */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>


#include "collect.h"
#include "correct.h"
#include "merge.h"
#include "csvr.h"
#include "fhash.h"
#include "date.h"
#include "ctl.h"
#include "enc.h"
#include "forget.h"
#include "mem.h"
#include "par.h"
#include "progress.h"
#include "record.h"
#include "story.h"
#include "ydoc.h"
#include "banned.h"

/* How many bytes are looked at to tell the format. */
#define PEEK 4096

/*
 * The input as the readers see it: the bytes peeked to tell the format,
 * then the rest of the file, hashed on the way when the reader does not
 * hash itself (the CSV reader does).
 */
struct src {
	FILE *fp;
	char *pre;
	size_t npre, off;
	int hash;
	struct be_fhash *h;
};

static ssize_t
src_read(void *cookie, char *buf, size_t n)
{
	struct src *s = cookie;
	size_t got;

	if (s->off < s->npre) {
		got = s->npre - s->off < n ? s->npre - s->off : n;
		memcpy(buf, s->pre + s->off, got);
		s->off += got;
	} else {
		got = fread(buf, 1, n, s->fp);
		if (got == 0 && ferror(s->fp))
			return -1;
	}
	if (s->hash)
		be_fhash_update(s->h, buf, got);
	return (ssize_t)got;
}

static char *
src_hash(struct src *s)
{
	char hex[BE_FHASH_HEX + 1];

	return be_xstrdup(be_fhash_hex(s->h, hex));
}

int
be_collect_format(const char *name)
{
	if (strcmp(name, "csv") == 0)
		return BE_FMT_CSV;
	if (strcmp(name, "yaml") == 0)
		return BE_FMT_YAML;
	if (strcmp(name, "records") == 0)
		return BE_FMT_RECORDS;
	return -1;
}

static const char *const fmt_names[] = { "?", "csv", "yaml", "records" };

/*
 * A spreadsheet saved as a workbook instead of CSV, told by its first
 * bytes (whatever its name): fills e, sets *kind ("xlsx", "xls", "ods")
 * and returns -1; 0 when p is no workbook.
 */
static int
workbook(const char *name, const char *p, size_t n, const char **kind,
    struct be_err *e)
{
	static const char ods[] = "mimetypeapplication/vnd.oasis.opendocument."
	    "spreadsheet";

	if (n >= 8 && memcmp(p, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0) {
		*kind = "xls";
		return be_err_at(e, name, 0, 0, "this is an Excel workbook "
		    "(.xls), not a CSV file; open it in Excel, save it with "
		    "Save As as \"CSV (puntkomma)\", and collect that file");
	}
	if (n < 4 || memcmp(p, "PK\3\4", 4) != 0)
		return 0;
	if (n >= 30 + sizeof ods - 1 && memcmp(p + 30, ods, sizeof ods - 1)
	    == 0) {
		*kind = "ods";
		return be_err_at(e, name, 0, 0, "this is a LibreOffice or "
		    "OpenOffice spreadsheet (.ods), not a CSV file; open it, "
		    "save it with Save As as \"Text CSV\" with ';' between "
		    "fields, and collect that file");
	}
	*kind = "xlsx";
	if (memmem(p, n, "xl/", 3) != NULL)
		return be_err_at(e, name, 0, 0, "this is an Excel workbook "
		    "(.xlsx), not a CSV file; open it in Excel, save it with "
		    "Save As as \"CSV (puntkomma)\", and collect that file");
	return be_err_at(e, name, 0, 0, "this is a ZIP archive (perhaps a "
	    "workbook), not a CSV file; unpack it, or save the spreadsheet "
	    "as \"CSV (puntkomma)\", and collect that file");
}

/* Tells the format from the name's extension, else from the first line. */
static int
detect(const char *name, const char *p, size_t n)
{
	const char *dot = strrchr(name, '.');
	size_t i;

	if (dot && strchr(dot, '/') == NULL) {
		if (strcasecmp(dot, ".yaml") == 0 || strcasecmp(dot, ".yml") == 0)
			return BE_FMT_YAML;
		if (strcasecmp(dot, ".csv") == 0 || strcasecmp(dot, ".tsv") == 0)
			return BE_FMT_CSV;
	}
	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3, n -= 3;
	if ((n >= 3 && memcmp(p, "---", 3) == 0 && (n == 3 ||
	    strchr(" \t\r\n", p[3]))) || (n >= 5 && (memcmp(p, "kind:", 5) == 0 ||
	    memcmp(p, "%YAML", 5) == 0)))
		return BE_FMT_YAML;
	if (n >= 2 && p[0] == '-' && p[1] == '\t')
		return BE_FMT_RECORDS;
	if (n >= 3 && p[0] == 'S' && p[1] == '-' && p[2] >= '1' && p[2] <= '9') {
		for (i = 3; i < n && p[i] >= '0' && p[i] <= '9'; i++)
			;
		if (i < n && p[i] == '\t')
			return BE_FMT_RECORDS;
	}
	return BE_FMT_CSV;
}

/*
 * An intake runs in two threads: a reader parses, cleans, redacts and
 * hashes (everything that needs no store) and formats the story's record
 * but for its ref, and the caller's thread stores.  Between them a ring
 * of slots, bounded in count and bytes, so that memory does not grow
 * with the input.  A slot keeps its memory from story to story: the
 * reader copies a story's strings into the slot's arena, so that nobody
 * allocates or frees anything for a story on its way (a free of what the
 * other thread allocated takes a lock of the allocator's).
 */
/* A bad row: refused under skip_bad, else the end of the input. */
#define ROW_BAD (-1)
/* Anything else that goes wrong: always the end. */
#define FATAL (-2)

/* In a first intake, the reader has the store's pages written out after
 * this much text (be_store_writeback). */
#define WRITEBACK (16 << 20)

#define QLEN 256
#define QBYTES (4 << 20)
/* A side that waits is woken for this many stories, not for each. */
#define QBATCH 32

enum { IT_STORY, IT_BAD, IT_TOMB, IT_WITHDRAW, IT_END };

/* A tombstone from YAML: its fields, checked by the reader. */
struct tomb {
	char cid[BE_CID_LEN + 1], rkey[BE_CID_LEN + 1];
	char succ[BE_CID_LEN + 1], at[32];
};

struct item {
	int kind;
	struct be_story story;		/* IT_STORY, its strings in arena */
	struct be_buf rec;		/* IT_STORY: its record after the ref */
	struct be_buf arena;		/* the slot's, used again and again */
	char **keys, **vals;		/* story.attr_keys, attr_vals */
	size_t *aoff, acap;		/* their offsets in arena; room */
	struct be_err err;		/* IT_BAD: the refused row */
	struct tomb tomb;		/* IT_TOMB */
	size_t bytes;
	long long pos;			/* how far through the input, or -1 */
};

struct queue {
	pthread_mutex_t mu;
	pthread_cond_t more, room;
	struct item it[QLEN];
	size_t head, n, bytes;		/* it[head] is the storing side's */
	int wait_more, wait_room;	/* a side waits */
	int hungry;			/* the storing side waited lately */
	int stop;			/* the storing side gave up */
};

/* The state of one intake. */
struct ctx {
	struct be_store *st;
	const struct be_collect_opts *o;
	struct be_collect_stats *s;
	const char *name;
	long long source_id;
	char now[32];
	FILE *tmp;		/* records, until the commit */
	int fts;		/* FTS_EACH, FTS_AFTER or 0 (triggers are off) */
	int tombs;		/* the store holds tombstones */
	long long next_id;	/* be_forget_next_id, until one is stored */
	int scrub;		/* a text went: be_forget_scrub at the end */
	struct tomb tomb;	/* reader: a tombstone read */
	struct be_buf layout;	/* reader: the CSV's header row */
	int large;		/* the input is large next to the store */
	int empty;		/* the store had no stories */
	struct be_story_keys *keys;	/* when large: the store's ids */
	struct be_story story;
	struct be_buf nfc, red;
	struct src *src;
	long long size;		/* of the input when a regular file, else 0 */
	long long pos;		/* reader: how far, last looked at */
	unsigned npos;		/* reader: stories since it looked */
	struct queue q;
	size_t ready, taken, taken_bytes;	/* storing side: slots */
	struct item *slot;		/* reader: the next slot, or NULL */
	int fmt;			/* reader: what it reads */
	FILE *in;
	char *hash;			/* reader: the input's hash */
	int hungry;			/* reader: leave the content id */
	size_t textlen;			/* reader: strlen(story.text) */
	int writeback;			/* reader: start writing the store */
	size_t unsynced;		/* reader: text since it last did */
	int rc;				/* reader: how it ended */
	int answered;			/* reader: the row says its use */
	struct be_err err;		/* reader: why */
	struct be_merge *merge;		/* reader, then storing side: tags */
	int single;			/* BENUT_THREADS=1: no reader thread */
	struct be_meter meter;		/* storing side: progress */
	int sfailed;			/* single: storing failed, */
	struct be_err serr;		/* single: why */
};

static int store_item(struct ctx *x, struct item *it, struct be_err *e);
static void fill_slot(struct ctx *x, struct item *it, int kind,
    size_t bytes, struct be_err *e);

/* Appends v[0..n) and a NUL to a; its offset there, or NONE for NULL. */
#define NONE ((size_t)-1)

static size_t
arena_add(struct be_buf *a, const char *v, size_t n)
{
	size_t off = a->len;

	if (v == NULL)
		return NONE;
	be_buf_add(a, v, n);
	be_buf_addc(a, '\0');
	return off;
}

static size_t
arena_str(struct be_buf *a, const char *v)
{
	return arena_add(a, v, v ? strlen(v) : 0);
}

#define AT(a, off) ((off) == NONE ? NULL : (a)->s + (off))

/*
 * Reader: copies story s, with text[0..textlen) as its text, into the
 * slot.  The slot's story is a view of the arena: never released.
 */
static void
pack(struct item *it, const struct be_story *s, const char *text,
    size_t textlen)
{
	struct be_buf *a = &it->arena;
	struct be_story *t = &it->story;
	size_t o[12], i;

	be_buf_reset(a);
	o[0] = arena_str(a, s->cid);
	o[1] = arena_str(a, s->told);
	o[2] = arena_str(a, s->channel);
	o[3] = arena_str(a, s->gemeente);
	o[4] = arena_add(a, text, textlen);
	o[5] = arena_str(a, s->route);
	o[6] = arena_str(a, s->name);
	o[7] = arena_str(a, s->email);
	o[8] = arena_str(a, s->phone);
	o[9] = arena_str(a, s->address);
	o[10] = arena_str(a, s->source);
	o[11] = arena_str(a, s->rkey);
	if (s->nattr > it->acap) {
		it->acap = s->nattr;
		it->keys = be_xrealloc(it->keys, it->acap * sizeof *it->keys);
		it->vals = be_xrealloc(it->vals, it->acap * sizeof *it->vals);
		it->aoff = be_xrealloc(it->aoff, 2 * it->acap *
		    sizeof *it->aoff);
	}
	for (i = 0; i < s->nattr; i++) {
		it->aoff[2 * i] = arena_str(a, s->attr_keys[i]);
		it->aoff[2 * i + 1] = arena_str(a, s->attr_vals[i]);
	}
	*t = *s;
	t->cid = AT(a, o[0]);
	t->told = AT(a, o[1]);
	t->channel = AT(a, o[2]);
	t->gemeente = AT(a, o[3]);
	t->text = AT(a, o[4]);
	t->route = AT(a, o[5]);
	t->name = AT(a, o[6]);
	t->email = AT(a, o[7]);
	t->phone = AT(a, o[8]);
	t->address = AT(a, o[9]);
	t->source = AT(a, o[10]);
	t->rkey = AT(a, o[11]);
	t->added = NULL;
	t->attr_keys = it->keys;
	t->attr_vals = it->vals;
	t->attrcap = 0;
	for (i = 0; i < s->nattr; i++) {
		it->keys[i] = AT(a, it->aoff[2 * i]);
		it->vals[i] = AT(a, it->aoff[2 * i + 1]);
	}
}

/*
 * Reader: fills the next free slot and hands it over; FATAL when the
 * other side gave up.  The slot is filled outside the lock (the storing
 * side does not look at it before it is counted in), and the next one is
 * taken while the lock is held anyway: one lock a story.
 */
static int
q_put(struct ctx *x, int kind, struct be_err *e)
{
	struct queue *q = &x->q;
	struct item *it;
	size_t bytes = kind == IT_STORY ? x->textlen : 0;

	/* One thread: the one slot is stored at once. */
	if (x->single) {
		it = &q->it[0];
		fill_slot(x, it, kind, bytes, e);
		if (store_item(x, it, &x->serr) < 0) {
			x->sfailed = 1;
			return FATAL;
		}
		return 0;
	}
	if ((it = x->slot) == NULL) {
		pthread_mutex_lock(&q->mu);
		while (!q->stop && q->n == QLEN) {
			q->wait_room = 1;
			pthread_cond_wait(&q->room, &q->mu);
			q->wait_room = 0;
		}
		it = &q->it[(q->head + q->n) % QLEN];
		pthread_mutex_unlock(&q->mu);
	}
	x->slot = NULL;
	fill_slot(x, it, kind, bytes, e);

	pthread_mutex_lock(&q->mu);
	while (!q->stop && q->n > 0 && q->bytes + bytes > QBYTES) {
		q->wait_room = 1;
		pthread_cond_wait(&q->room, &q->mu);
		q->wait_room = 0;
	}
	if (q->stop) {
		pthread_mutex_unlock(&q->mu);
		return FATAL;
	}
	q->n++;
	q->bytes += bytes;
	x->hungry = q->hungry;
	if (q->wait_more && (q->n >= QBATCH || kind != IT_STORY))
		pthread_cond_signal(&q->more);
	if (q->n < QLEN)
		x->slot = &q->it[(q->head + q->n) % QLEN];
	pthread_mutex_unlock(&q->mu);
	return 0;
}

/* Reader: the story read (or the bad row e, or the end) into slot it. */
static void
fill_slot(struct ctx *x, struct item *it, int kind, size_t bytes,
    struct be_err *e)
{
	it->kind = kind;
	it->bytes = bytes;
	/* For the progress estimate; ftello may cost a system call. */
	if (x->size > 0 && x->npos++ % BE_METER_EVERY == 0)
		x->pos = ftello(x->src->fp);
	it->pos = x->size > 0 ? x->pos : -1;
	if (kind == IT_STORY) {
		pack(it, &x->story, x->red.s, x->textlen);
		be_buf_reset(&it->rec);
		be_story_record_tail(&it->rec, &it->story);
	} else if (kind == IT_BAD)
		it->err = *e;
	else if (kind == IT_TOMB)
		it->tomb = x->tomb;
	else if (kind == IT_WITHDRAW)
		snprintf(it->tomb.rkey, sizeof it->tomb.rkey, "%s",
		    x->story.rkey);
}

/*
 * Storing side: the next slot (waits for it).  The slots taken are given
 * back QBATCH at a time, or when none is left to take: a slot is taken
 * only once the one before it is done with.
 */
static struct item *
q_get(struct ctx *x)
{
	struct queue *q = &x->q;
	struct item *it;

	if (x->ready == 0 || x->taken == QBATCH) {
		pthread_mutex_lock(&q->mu);
		q->head = (q->head + x->taken) % QLEN;
		q->n -= x->taken;
		q->bytes -= x->taken_bytes;
		x->taken = x->taken_bytes = 0;
		if (q->wait_room && (q->n == 0 || (q->n <= QLEN - QBATCH &&
		    q->bytes <= QBYTES / 2)))
			pthread_cond_signal(&q->room);
		q->hungry = q->n < QBATCH;
		while (q->n == 0) {
			q->wait_more = 1;
			pthread_cond_wait(&q->more, &q->mu);
			q->wait_more = 0;
		}
		x->ready = q->n;
		pthread_mutex_unlock(&q->mu);
	}
	it = &q->it[(q->head + x->taken) % QLEN];
	x->taken++;
	x->ready--;
	x->taken_bytes += it->bytes;
	return it;
}

static void
q_stop(struct ctx *x)
{
	pthread_mutex_lock(&x->q.mu);
	x->q.stop = 1;
	pthread_cond_broadcast(&x->q.room);
	pthread_mutex_unlock(&x->q.mu);
}

static int
utf8_valid(const char *s, size_t len, size_t *bad)
{
	int more;

	*bad = be_utf8_valid((const unsigned char *)s, len, &more);
	return *bad == len;
}

/* NFC, trimmed, redacted: into x->red; redactions counted on the story. */
static void
clean(struct ctx *x, const char *v, size_t len)
{
	struct be_redact_counts c;
	int k;

	be_story_nfc(v, len, &x->nfc);
	be_buf_reset(&x->red);
	memset(&c, 0, sizeof c);
	if (be_redact(x->nfc.s, x->nfc.len, &x->red, &c) == 0)
		return;
	for (k = 0; k < BE_R_NKINDS; k++)
		be_story_redacted(&x->story, be_redact_name(k), c.n[k]);
}

static void
add_attr(struct ctx *x, const char *key, const char *v)
{
	clean(x, v, strlen(v));
	if (x->red.len)
		be_story_attr(&x->story, key, x->red.s);
}

/* Sets *field to v, NFC and trimmed, or NULL when that is empty. */
static void
set_clean(struct ctx *x, char **field, const char *v)
{
	be_story_nfc(v, strlen(v), &x->nfc);
	be_story_set(field, x->nfc.len ? x->nfc.s : NULL);
}

static void
join(char **field, const char *v, const char *sep)
{
	size_t a, b;

	while (*v == ' ' || *v == '\t')
		v++;
	if (*v == '\0')
		return;
	if (*field == NULL) {
		*field = be_xstrdup(v);
		return;
	}
	a = strlen(*field), b = strlen(v);
	*field = be_xrealloc(*field, a + strlen(sep) + b + 1);
	memcpy(*field + a, sep, strlen(sep));
	memcpy(*field + a + strlen(sep), v, b + 1);
}

/* What the trigger story_ai does, while triggers are off. */
static int
fts_add(struct ctx *x, const struct be_story *s, struct be_err *e)
{
	static const char sql[] =
	    "INSERT INTO story_fts (rowid, text) VALUES (?1, ?2)";
	sqlite3_stmt *q;
	int rc;

	if ((q = be_store_stmt(x->st, sql, e)) == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, s->id);
	sqlite3_bind_text(q, 2, s->text, -1, SQLITE_STATIC);
	rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return be_store_error(x->st, "cannot index story", e);
	return 0;
}

/*
 * Triggers off for the unit, and how the full-text index is to follow.
 * An INSERT that fires a trigger writing a virtual table gets a
 * statement journal, a copy of every page it touches; without triggers
 * the intake does the trigger's work itself: story by story (FTS_EACH),
 * or, into a store that had no stories, in one statement after the last
 * (FTS_AFTER).  The one statement is the faster: FTS5 then tokenizes
 * texts one after the other instead of between the writes of the rows
 * (at a million stories 1.2x to 1.3x the intake story by story, and a
 * quarter less CPU).
 *
 * FTS5 gathers the terms in memory and writes them out as a segment
 * when they pass its hashsize, 1 MB by default; the segments are merged
 * as they come.  FTS_HASH bytes for the unit make segments 8 times as
 * large and so fewer merges, for about 10 MB more memory.  It is set in
 * the unit's transaction and set back before the commit, so the
 * triggers of other programs keep the default.
 */
#define FTS_EACH	1
#define FTS_AFTER	2
#define FTS_HASH	"8388608"
#define FTS_HASH_DEFAULT "1048576"

static int
fts_begin(struct ctx *x, struct be_err *e)
{
	sqlite3_db_config(be_store_db(x->st), SQLITE_DBCONFIG_ENABLE_TRIGGER,
	    0, NULL);
	x->fts = be_store_fts_stale(x->st) ? 0 : x->empty ? FTS_AFTER :
	    FTS_EACH;
	if (x->fts && be_store_exec(x->st, "INSERT INTO story_fts(story_fts, "
	    "rank) VALUES ('hashsize', " FTS_HASH ")", e) < 0)
		return -1;
	return 0;
}

/*
 * The index of a store that had no stories, from its rows: FTS5's merges
 * of 8 segments at a time, not 4, write each term fewer times (the index
 * has more segments for a search to read: at a million stories, where
 * 4 makes 3 levels of up to 4, 8 makes 2 of up to 8).  The page cache is
 * that of a sort, since FTS5 writes its segments in order: the memory of
 * the larger hash comes out of it.  Then the defaults again.
 */
static int
fts_end(struct ctx *x, struct be_err *e)
{
	struct be_store *st = x->st;

	if (x->fts == FTS_AFTER && !x->o->dry_run && (be_store_exec(st,
	    "INSERT INTO story_fts(story_fts, rank) VALUES ('automerge', 8)",
	    e) < 0 || be_store_sort(st, "INSERT INTO story_fts(story_fts) "
	    "VALUES ('rebuild')", e) < 0 || be_store_exec(st,
	    "INSERT INTO story_fts(story_fts, rank) VALUES ('automerge', 4)",
	    e) < 0))
		return -1;
	if (x->fts && be_store_exec(st, "INSERT INTO story_fts(story_fts, "
	    "rank) VALUES ('hashsize', " FTS_HASH_DEFAULT ")", e) < 0)
		return -1;
	return 0;
}

/*
 * The index on told takes the rows of an export in random order, and an
 * index that no longer fits the page cache costs a read and a write per
 * row.  When the input is large next to the store, dropping the index and
 * making it again at the end (one sort) is cheaper; both happen inside
 * the unit, so the store never lacks it.  With --no-index the index is
 * left to the next program that searches, as the full-text index is
 * (be_store_search_ready).  The definition is the one in the schema
 * (lib/store.c).
 */
static const char sql_told_drop[] = "DROP INDEX story_told";
static const char sql_told_make[] = "CREATE INDEX story_told ON story(told)";

/*
 * 1 when the input fp is large next to the store (a regular file a
 * quarter of the store's size or more), or the store holds no stories;
 * 0 when not; -1 with e filled.
 */
static int
large_input(struct be_store *st, FILE *fp, int empty, struct be_err *e)
{
	static const char sql[] =
	    "SELECT p.page_count * s.page_size FROM pragma_page_count() p,"
	    "  pragma_page_size() s";
	sqlite3_stmt *q;
	struct stat sb;
	long long size;

	if (empty)
		return 1;
	if (fstat(fileno(fp), &sb) < 0 || !S_ISREG(sb.st_mode))
		return 0;
	if ((q = be_store_stmt(st, sql, e)) == NULL)
		return -1;
	if (sqlite3_step(q) != SQLITE_ROW) {
		sqlite3_reset(q);
		return be_store_error(st, "cannot read store", e);
	}
	size = sqlite3_column_int64(q, 0);
	sqlite3_reset(q);
	return (long long)sb.st_size >= size / 4;
}

/*
 * Reader: takes the story in x->story (text as read), cleans the text,
 * computes the content id and queues the story for storing.  line and
 * col place the text for messages.
 */
static int
take(struct ctx *x, const char *text, unsigned long line, unsigned long col,
    struct be_err *e)
{
	struct be_story *s = &x->story;
	const struct be_map *m = x->o->map;
	char cid[BE_CID_LEN + 1];

	clean(x, text, strlen(text));
	if (x->red.len == 0)
		return be_err_at(e, x->name, line, col, "empty story text"), ROW_BAD;
	if (!x->answered)
		x->s->use_none++;
	else if (s->use == BE_USE_COUNT)
		x->s->use_count++;
	/*
	 * The text stays in x->red, from where q_put copies it.  The content
	 * id is hashed here, or when the storing side runs out
	 * of work, there.  Redaction puts ASCII markers between NFC
	 * pieces: the text is still NFC.
	 */
	free(s->cid);
	s->cid = x->hungry ? NULL : be_xstrdup(be_story_cid_nfc(x->red.s,
	    x->red.len, s->told, cid));
	x->textlen = x->red.len;
	if (x->writeback && (x->unsynced += x->textlen) >= WRITEBACK) {
		be_store_writeback(x->st);
		x->unsynced = 0;
	}
	if (m && s->channel == NULL && m->dflt[BE_F_CHANNEL])
		s->channel = be_xstrdup(m->dflt[BE_F_CHANNEL]);
	if (m && s->gemeente == NULL && m->dflt[BE_F_GEMEENTE])
		s->gemeente = be_xstrdup(m->dflt[BE_F_GEMEENTE]);
	if (s->consent != 1) {
		be_story_set(&s->name, NULL);
		be_story_set(&s->email, NULL);
		be_story_set(&s->phone, NULL);
		be_story_set(&s->address, NULL);
	}
	s->source_row = (long long)line;
	return q_put(x, IT_STORY, e);
}

/*
 * Storing side: a row whose response key a story has already.  1 when
 * it is done with (a duplicate, an update, a correction kept), 0 when no
 * story has that key, FATAL.
 */
static int
edited(struct ctx *x, struct be_story *s, const struct be_buf *rec,
    struct be_err *e)
{
	static const char sql[] =
	    "SELECT id, cid FROM story WHERE rkey = ?1 ORDER BY id LIMIT 1";
	static const char sql_cid[] =
	    "SELECT 1 FROM story WHERE ckey = ?1 AND cid = ?2";
	sqlite3_stmt *q;
	long long id;
	int rc, same;

	if ((q = be_store_stmt(x->st, sql, e)) == NULL)
		return FATAL;
	sqlite3_bind_text(q, 1, s->rkey, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(q)) != SQLITE_ROW) {
		sqlite3_reset(q);
		if (rc == SQLITE_DONE)
			return 0;
		be_store_error(x->st, "cannot read store", e);
		return FATAL;
	}
	id = sqlite3_column_int64(q, 0);
	same = strcmp(be_col_text(q, 1), s->cid) == 0;
	sqlite3_reset(q);
	if (same) {
		x->s->dup++;
		return 1;
	}
	if ((rc = be_correct_by_hand(x->st, id, e)) < 0)
		return FATAL;
	if (rc) {
		x->s->kept++;
		return 1;
	}
	/* The new text is another story's already: a duplicate. */
	if ((q = be_store_stmt(x->st, sql_cid, e)) == NULL)
		return FATAL;
	sqlite3_bind_int64(q, 1, be_story_ckey(s->cid));
	sqlite3_bind_text(q, 2, s->cid, -1, SQLITE_STATIC);
	rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc == SQLITE_ROW) {
		x->s->dup++;
		return 1;
	}
	if (be_correct_update(x->st, id, s, x->now, e) < 0)
		return FATAL;
	if (x->keys)
		be_story_keys_add(x->keys, s->cid);
	x->s->updated++;
	x->scrub = 1;
	be_story_write_ref(x->tmp, x->o->dry_run ? 0 : id);
	fwrite(rec->s, 1, rec->len, x->tmp);
	return 1;
}

/*
 * Storing side: a row of the form's response rkey now says no to use:
 * the story that came in with it is forgotten.
 */
static int
put_withdraw(struct ctx *x, const char *rkey, struct be_err *e)
{
	static const char sql[] = "SELECT id FROM story WHERE rkey = ?1";
	sqlite3_stmt *q;
	long long id;
	int rc;

	if ((q = be_store_stmt(x->st, sql, e)) == NULL)
		return FATAL;
	sqlite3_bind_text(q, 1, rkey, -1, SQLITE_STATIC);
	rc = sqlite3_step(q);
	id = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		be_store_error(x->st, "cannot read store", e);
		return FATAL;
	}
	if (id == 0)
		return 0;
	if (be_forget_one(x->st, id, x->now, e) < 0)
		return FATAL;
	x->s->forgotten++;
	x->tombs = 1;
	x->scrub = 1;
	return 0;
}

/* Storing side: a tombstone from YAML. */
static int
put_tomb(struct ctx *x, const struct tomb *t, struct be_err *e)
{
	unsigned long n;

	if (be_forget_take(x->st, t->cid, *t->rkey ? t->rkey : NULL,
	    *t->succ ? t->succ : NULL, t->at, &n, e) < 0)
		return FATAL;
	x->s->tombstones++;
	x->s->forgotten += n;
	x->tombs = 1;
	x->scrub |= n > 0;
	return 0;
}

/* Storing side: stores a story and writes its record. */
static int
put(struct ctx *x, struct be_story *s, const struct be_buf *rec,
    size_t textlen, struct be_err *e)
{
	char cid[BE_CID_LEN + 1];
	size_t i;
	int rc, fresh;

	if (s->cid == NULL)	/* the slot's story: no string of its own */
		s->cid = be_story_cid_nfc(s->text, textlen, s->told, cid);
	if (x->tombs) {
		if ((rc = be_forget_tombstone(x->st, s->cid, s->rkey, e)) < 0)
			return FATAL;
		if (rc == BE_TOMB_FORGOTTEN) {
			x->s->forgotten++;
			return 0;
		}
		if (rc == BE_TOMB_CORRECTED) {
			x->s->dup++;
			return 0;
		}
	}
	if (s->rkey && (rc = edited(x, s, rec, e)) != 0)
		return rc < 0 ? FATAL : 0;
	fresh = x->keys && be_story_keys_add(x->keys, s->cid) == 0;
	s->want_id = x->next_id;
	rc = be_story_store(x->st, s, x->source_id, x->now, fresh, textlen, e);
	if (rc < 0)
		return FATAL;
	if (rc > 0)
		x->next_id = 0;
	if (rc == 0) {
		x->s->dup++;
		/* A teller who now allows less is heard; more, not. */
		if (s->use == BE_USE_COUNT && be_story_count_only(x->st, s->cid, e) < 0)
			return FATAL;
		return 0;
	}
	if (x->fts == FTS_EACH && fts_add(x, s, e) < 0)
		return FATAL;
	x->s->added++;
	for (i = 0; i < s->nred; i++) {
		int k;

		for (k = 0; k < BE_R_NKINDS; k++)
			if (strcmp(s->red_kind[i], be_redact_name(k)) == 0)
				x->s->red[k] += s->red_n[i];
	}
	be_story_write_ref(x->tmp, x->o->dry_run ? 0 : s->id);
	fwrite(rec->s, 1, rec->len, x->tmp);
	return 0;
}

/*
 * Reader: a row that is refused under skip_bad goes to the storing side,
 * which reports and counts it in order; else it ends the input.
 */
static int
row_done(struct ctx *x, int rc, struct be_err *e)
{
	if (rc != ROW_BAD || !x->o->skip_bad)
		return rc;
	if (q_put(x, IT_BAD, e) < 0)
		return FATAL;
	be_err_init(e);
	return 0;
}

/* CSV. */

/*
 * The response key of a row: a hash of the export's column layout (its
 * header row, x->layout) and the form's response id v, so that the id of
 * one form is never taken for that of another.
 */
static void
response_key(struct ctx *x, const char *v)
{
	struct be_fhash *h;
	char hex[BE_FHASH_HEX + 1];
	size_t n;

	v += strspn(v, " \t");
	n = strlen(v);
	while (n > 0 && strchr(" \t\r\n", v[n - 1]))
		n--;
	if (n == 0)
		return;
	h = be_fhash_new();
	be_fhash_update(h, x->layout.s, x->layout.len);
	be_fhash_update(h, "\n", 1);
	be_fhash_update(h, v, n);
	be_story_set(&x->story.rkey, be_fhash_hex(h, hex));
	be_fhash_free(h);
}

/*
 * The first rows of an export, kept while the text column is chosen by
 * their answers; then taken in as any other row.
 */
#define SAMPLE_ROWS 20

struct sample {
	char **f[SAMPLE_ROWS];
	size_t nf[SAMPLE_ROWS];
	unsigned long *pos[SAMPLE_ROWS];	/* line, col of each field */
	unsigned long line[SAMPLE_ROWS];
	size_t n;
};

static void
sample_release(struct sample *sm)
{
	size_t r, i;

	for (r = 0; r < sm->n; r++) {
		for (i = 0; i < sm->nf[r]; i++)
			free(sm->f[r][i]);
		free(sm->f[r]);
		free(sm->pos[r]);
	}
	sm->n = 0;
}

/* Where field i starts: from the sample's row, or the reader's. */
static void
field_pos(struct be_csv *c, const unsigned long *pos, size_t i, size_t n,
    unsigned long *l, unsigned long *col)
{
	if (pos && i < n) {
		*l = pos[2 * i];
		*col = pos[2 * i + 1];
	} else if (pos)
		*l = *col = 0;
	else
		be_csv_field_pos(c, i, l, col);
}

static int
csv_row(struct ctx *x, const struct be_colmap *cm, struct be_csv *c,
    const unsigned long *pos, char **f, size_t n, unsigned long line,
    struct be_err *e)
{
	struct be_story *s = &x->story;
	char date[BE_DATE_MAX];
	unsigned long l, col;
	const char *v;
	size_t i;
	int ok;

	for (i = 0; i < n; i++)
		if (f[i][strspn(f[i], " \t\r\n")] != '\0')
			break;
	if (i == n)
		return 0;	/* a row of empty cells: no row */
	x->s->read++;
	if (n > cm->n || (long)n <= cm->col[BE_F_TEXT]) {
		field_pos(c, pos, n > cm->n ? cm->n : n - 1, n, &l, &col);
		return be_err_at(e, x->name, l, col, "row has %zu field%s, the "
		    "header has %zu", n, n == 1 ? "" : "s", cm->n), ROW_BAD;
	}
	be_story_release(s);
	x->answered = 0;
	if (cm->col[BE_F_USE] >= 0) {
		x->s->use_col = 1;
		i = (size_t)cm->col[BE_F_USE];
		/* A short row leaves its last cells empty. */
		switch (ok = i < n ? be_use_answer(f[i]) : -2) {
		case -1:
			be_csv_field_pos(c, i, &l, &col);
			return be_err_at(e, x->name, l, col, "unknown answer "
			    "in '%s'; answer ja, nee or alleen tellen (see "
			    "benut-formats(5))", cm->key[i]), ROW_BAD;
		case -2:
			break;
		case BE_USE_NO:
			x->s->use_no++;
			/* A response edited to no in the form tool: its
			 * story, if it came in before, is forgotten. */
			if (cm->col[BE_F_RESPONSE] >= 0 &&
			    (size_t)cm->col[BE_F_RESPONSE] < n) {
				response_key(x, f[cm->col[BE_F_RESPONSE]]);
				if (s->rkey)
					return q_put(x, IT_WITHDRAW, e);
			}
			return 0;
		default:
			s->use = ok;
			x->answered = 1;
		}
	}
	if (cm->col[BE_F_CONSENT] >= 0 && (size_t)cm->col[BE_F_CONSENT] < n)
		s->consent = be_consent_yes(f[cm->col[BE_F_CONSENT]]);
	if (cm->col[BE_F_PASSON] >= 0 && (size_t)cm->col[BE_F_PASSON] < n)
		s->pass_on = be_consent_yes(f[cm->col[BE_F_PASSON]]);
	for (i = 0; i < n; i++) {
		v = f[i];
		switch (cm->field[i]) {
		case BE_F_DATE:
			v += strspn(v, " \t");
			if (*v == '\0')
				break;
			if (be_date_parse(v, date) < 0) {
				field_pos(c, pos, i, n, &l, &col);
				return be_err_at(e, x->name, l, col, "unreadable "
				    "date in '%s'; write it as 2026-02-02 or "
				    "2-2-2026 10:15", cm->key[i]), ROW_BAD;
			}
			s->told = be_xstrdup(date);
			break;
		case BE_F_CHANNEL:
			set_clean(x, &s->channel, v);
			break;
		case BE_F_GEMEENTE:
			set_clean(x, &s->gemeente, v);
			break;
		case BE_F_ROUTE:
			v = be_route_parse(v, &ok);
			if (!ok) {
				field_pos(c, pos, i, n, &l, &col);
				return be_err_at(e, x->name, l, col, "unknown "
				    "route in '%s'; use klachtencommissie, "
				    "bezwaar, clientondersteuner, wijkteam, "
				    "ombudsman or te-routeren",
				    cm->key[i]), ROW_BAD;
			}
			be_story_set(&s->route, v);
			break;
		case BE_F_NAME:
			if (s->consent == 1)
				join(&s->name, v, " ");
			break;
		case BE_F_EMAIL:
			if (s->consent == 1)
				join(&s->email, v, ", ");
			break;
		case BE_F_PHONE:
			if (s->consent == 1)
				join(&s->phone, v, ", ");
			break;
		case BE_F_ADDRESS:
			if (s->consent == 1)
				join(&s->address, v, ", ");
			break;
		case BE_F_RESPONSE:
			/* Also an attribute: it finds the row in the tool. */
			response_key(x, v);
			add_attr(x, cm->key[i], v);
			break;
		case BE_F_ATTR:
			add_attr(x, cm->key[i], v);
			break;
		}
	}
	i = (size_t)cm->col[BE_F_TEXT];
	field_pos(c, pos, i, n, &l, &col);
	return take(x, f[i], l, col, e);
}

static int
csv_in(struct ctx *x, FILE *in, char **hash, struct be_err *e)
{
	struct be_csv_opts co;
	struct be_colmap cm;
	struct be_csv *c;
	struct sample sm;
	unsigned long line, hline, l, col;
	char **f;
	size_t n, bad, i, r;
	int rc, more = 0;

	sm.n = 0;

	memset(&co, 0, sizeof co);
	co.delim = x->o->delim;
	co.encoding = x->o->encoding;
	if ((c = be_csv_open(in, x->name, &co, e)) == NULL)
		return FATAL;
	memset(&cm, 0, sizeof cm);
	rc = be_csv_row(c, &f, &n, &line, e);
	if (rc == 0)
		rc = be_err_at(e, x->name, 0, 0,
		    "empty file: no header row");
	if (rc < 0)
		goto out;
	snprintf(x->s->encoding, sizeof x->s->encoding, "%s",
	    be_csv_encoding(c));
	be_buf_reset(&x->layout);
	for (i = 0; i < n; i++) {
		if (i > 0)
			be_buf_addc(&x->layout, '\t');
		be_buf_adds(&x->layout, f[i]);
	}
	x->s->delim = be_csv_delim(c);
	hline = line;
	rc = be_colmap_build(&cm, f, n, x->o->map, &bad, e);
	if (rc < 0 && bad == n && x->o->text_column == NULL) {
		/* No header names the text: let the first answers say. */
		while (sm.n < SAMPLE_ROWS &&
		    (rc = be_csv_row(c, &f, &n, &line, e)) == 1) {
			sm.f[sm.n] = be_xcalloc(n ? n : 1, sizeof (char *));
			sm.pos[sm.n] = be_xcalloc(2 * (n ? n : 1),
			    sizeof (unsigned long));
			for (i = 0; i < n; i++) {
				sm.f[sm.n][i] = be_xstrdup(f[i]);
				be_csv_field_pos(c, i, &sm.pos[sm.n][2 * i],
				    &sm.pos[sm.n][2 * i + 1]);
			}
			sm.nf[sm.n] = n;
			sm.line[sm.n++] = line;
		}
		if (rc < 0)
			goto out;
		more = rc == 1;
		be_err_init(e);
		if (be_colmap_pick_text(&cm, sm.f, sm.nf, sm.n, e) < 0)
			rc = -1;
		else
			snprintf(x->s->text_col, sizeof x->s->text_col, "%s",
			    cm.key[cm.col[BE_F_TEXT]]);
	} else if (x->o->text_column && (rc == 0 || bad == n)) {
		be_err_init(e);
		rc = be_colmap_set_text(&cm, x->o->text_column, e);
		bad = n;
	}
	if (rc < 0) {
		if (bad < cm.n)
			be_csv_field_pos(c, bad, &l, &col);
		else
			l = hline, col = 1;
		e->line = l, e->col = col;
		snprintf(e->file, sizeof e->file, "%s", x->name);
		rc = -1;
		goto out;
	}
	x->s->contact = cm.col[BE_F_NAME] >= 0 || cm.col[BE_F_EMAIL] >= 0 ||
	    cm.col[BE_F_PHONE] >= 0 || cm.col[BE_F_ADDRESS] >= 0;
	for (r = 0; r < sm.n; r++)
		if ((rc = row_done(x, csv_row(x, &cm, c, sm.pos[r], sm.f[r],
		    sm.nf[r], sm.line[r], e), e)) < 0)
			goto out;
	rc = 0;
	/*
	 * A row the reader refuses (a stray quote, a NUL byte, a control
	 * character, bytes not in the encoding) is a bad row: under skip_bad
	 * it is listed and the reading goes on.  After an error that ends
	 * the reading, it stops.
	 */
	while (!(sm.n && !more)) {
		rc = be_csv_row(c, &f, &n, &line, e);
		if (rc == 0)
			break;
		if (rc < 0 && be_csv_failed(c))
			break;
		if (rc < 0) {
			x->s->read++;
			rc = ROW_BAD;
		} else
			rc = csv_row(x, &cm, c, NULL, f, n, line, e);
		if ((rc = row_done(x, rc, e)) < 0)
			break;
	}
	if (rc == 0)
		*hash = be_csv_hash(c);
out:
	sample_release(&sm);
	be_colmap_release(&cm);
	be_csv_close(c);
	return rc < 0 ? (rc == ROW_BAD ? ROW_BAD : FATAL) : 0;
}

/* Records: ref-or-'-' TAB date TAB channel TAB gemeente TAB text. */

static int
rec_row(struct ctx *x, const struct be_rec *r, unsigned long line,
    struct be_err *e)
{
	struct be_story *s = &x->story;
	char date[BE_DATE_MAX];
	long long id;
	size_t i, bad;
	unsigned long col;
	unsigned cp;

	x->s->read++;
	be_story_release(s);
	x->answered = 0;
	/* A record of be-find or be-collect is a ref to a story of its own
	 * store, with a preview of the text: never a story to take in. */
	if (be_ref_parse(r->f[0], 'S', &id) == 0)
		return be_err_at(e, x->name, line, 1, "a record with a story "
		    "ref is a ref, not a story; to copy stories use be-find "
		    "--yaml | be-collect -f yaml"), ROW_BAD;
	if (strcmp(r->f[0], "-") != 0)
		return be_err_at(e, x->name, line, 1, "the first field of a "
		    "story record must be '-'"), ROW_BAD;
	if (r->n != 5)
		return be_err_at(e, x->name, line, 0, "record has %zu field%s, "
		    "expected 5: ref, date, channel, gemeente, text", r->n,
		    r->n == 1 ? "" : "s"), ROW_BAD;
	for (i = 1; i < 5; i++)
		if (!utf8_valid(r->f[i], strlen(r->f[i]), &bad))
			return be_err_at(e, x->name, line, 0, "invalid UTF-8 in "
			    "field %zu", i + 1), ROW_BAD;
	for (i = 0; i < 5; i++)
		if (be_ctl_find(r->f[i], strlen(r->f[i]), &cp) <
		    strlen(r->f[i]))
			return be_err_at(e, x->name, line, 0, "control "
			    "character U+%04X in field %zu; remove it", cp,
			    i + 1), ROW_BAD;
	if (*r->f[1]) {
		if (be_date_parse(r->f[1], date) < 0) {
			col = (unsigned long)strlen(r->f[0]) + 2;
			return be_err_at(e, x->name, line, col, "unreadable "
			    "date; write it as 2026-02-02 or 2-2-2026 10:15"),
			    ROW_BAD;
		}
		s->told = be_xstrdup(date);
	}
	set_clean(x, &s->channel, r->f[2]);
	set_clean(x, &s->gemeente, r->f[3]);
	return take(x, r->f[4], line, 0, e);
}

static int
rec_in(struct ctx *x, FILE *in, struct be_err *e)
{
	struct be_rec r;
	char *line = NULL;
	size_t cap = 0;
	unsigned long lineno = 0;
	int rc = 0, got;

	be_rec_init(&r);
	while ((got = be_rec_next(in, x->name, &r, &line, &cap, &lineno,
	    e)) != 0) {
		if (got == -2) {
			rc = FATAL;
			break;
		}
		if (got < 0) {
			x->s->read++;
			rc = ROW_BAD;
		} else
			rc = rec_row(x, &r, lineno, e);
		if ((rc = row_done(x, rc, e)) < 0)
			break;
	}
	free(line);
	be_rec_release(&r);
	return rc;
}

/* YAML story documents. */

static int
yerr(struct be_err *e, const char *name, const struct be_ynode *n,
    const char *msg)
{
	be_err_at(e, name, n ? n->line : 0, n ? n->col : 0, "%s",
	    be_err_tr(msg));
	return ROW_BAD;
}

/* Copies the hex id of key into out; 0, or ROW_BAD when it is not one. */
static int
yaml_hex(struct ctx *x, const struct be_ynode *doc, const char *key,
    int need, char *out, struct be_err *e)
{
	const char *v;
	size_t n;

	*out = '\0';
	if (be_yget_str(doc, key, need, &v, x->name, e) < 0)
		return ROW_BAD;
	if (v == NULL)
		return 0;
	n = strspn(v, "0123456789abcdef");
	if (n < 16 || n > BE_CID_LEN || v[n] != '\0')
		return yerr(e, x->name, be_ymap_get(doc, key), "not an id "
		    "(16 to 64 lower-case hex digits)");
	memcpy(out, v, n + 1);
	return 0;
}

/* A "kind: tombstone" document (benut-formats(5)). */
static int
yaml_tomb(struct ctx *x, const struct be_ynode *doc, struct be_err *e)
{
	static const char *const keys[] = { "kind", "version", "cid",
	    "response", "successor", "at", NULL };
	struct tomb *t = &x->tomb;
	const char *v;

	if (be_ydoc_check(doc, "tombstone", x->name, e) < 0 ||
	    be_ymap_check(doc, keys, x->name, e) < 0 ||
	    yaml_hex(x, doc, "cid", 1, t->cid, e) < 0 ||
	    yaml_hex(x, doc, "response", 0, t->rkey, e) < 0 ||
	    yaml_hex(x, doc, "successor", 0, t->succ, e) < 0 ||
	    be_yget_str(doc, "at", 0, &v, x->name, e) < 0)
		return ROW_BAD;
	snprintf(t->at, sizeof t->at, "%s", v ? v : x->now);
	return q_put(x, IT_TOMB, e);
}

/* 1 when doc says "kind: tombstone". */
static int
is_tomb(const struct be_ynode *doc)
{
	const struct be_ynode *k;

	if (doc == NULL || doc->kind != BE_YMAP)
		return 0;
	k = be_ymap_get(doc, "kind");
	return k && k->kind == BE_YSCALAR && strcmp(k->str, "tombstone") == 0;
}

static int
yaml_doc(struct ctx *x, const struct be_ynode *doc, struct be_err *e)
{
	static const char *const keys[] = { "kind", "version", "ref", "cid",
	    "told", "channel", "gemeente", "route", "consent", "use",
	    "attributes", "redacted", "person", "response", "source",
	    "source_row", "added", "text", "tags", "points", "routing", NULL };
	static const char *const pkeys[] = { "name", "email", "phone",
	    "address", NULL };
	struct be_story *s = &x->story;
	const struct be_ynode *n, *t, *p;
	char date[BE_DATE_MAX], cid[BE_CID_LEN + 1];
	const char *v;
	size_t i;
	int ok;

	if (is_tomb(doc))
		return yaml_tomb(x, doc, e);
	x->s->read++;
	be_story_release(s);
	x->answered = 0;
	if (be_ydoc_check(doc, "story", x->name, e) < 0 ||
	    be_ymap_check(doc, keys, x->name, e) < 0)
		return ROW_BAD;
	if ((n = be_ymap_get(doc, "told")) && !be_ynode_isnull(n)) {
		if (n->kind != BE_YSCALAR || be_date_parse(n->str, date) < 0)
			return yerr(e, x->name, n, "unreadable date in 'told'; "
			    "write it as 2026-02-02 or 2026-02-02T10:15:00");
		s->told = be_xstrdup(date);
	}
	if (be_yget_str(doc, "channel", 0, &v, x->name, e) < 0)
		return ROW_BAD;
	if (v)
		set_clean(x, &s->channel, v);
	if (be_yget_str(doc, "gemeente", 0, &v, x->name, e) < 0)
		return ROW_BAD;
	if (v)
		set_clean(x, &s->gemeente, v);
	if (be_yget_str(doc, "route", 0, &v, x->name, e) < 0)
		return ROW_BAD;
	if (v) {
		be_story_set(&s->route, be_route_parse(v, &ok));
		if (!ok)
			return yerr(e, x->name, be_ymap_get(doc, "route"),
			    "unknown route; use klachtencommissie, bezwaar, "
			    "clientondersteuner, wijkteam, ombudsman or "
			    "te-routeren");
	}
	if (be_yget_str(doc, "consent", 0, &v, x->name, e) < 0)
		return ROW_BAD;
	if (v)
		s->consent = be_consent_yes(v);
	if (be_yget_str(doc, "use", 0, &v, x->name, e) < 0)
		return ROW_BAD;
	if (v)
		x->s->use_col = 1;
	switch (v ? (ok = be_use_answer(v)) : -2) {
	case -1:
		return yerr(e, x->name, be_ymap_get(doc, "use"), "unknown "
		    "answer in 'use'; use quote, count or no (or ja, nee, "
		    "alleen tellen)");
	case -2:
		break;
	case BE_USE_NO:
		x->s->use_no++;
		return 0;
	default:
		s->use = ok;
		x->answered = 1;
	}
	if ((n = be_ymap_get(doc, "attributes")) && !be_ynode_isnull(n)) {
		if (n->kind != BE_YMAP)
			return yerr(e, x->name, n, "'attributes' must be a map "
			    "of names to values");
		for (i = 0; i < n->n; i++) {
			t = n->items[2 * i + 1];
			if (t->kind != BE_YSCALAR)
				return yerr(e, x->name, t, "an attribute must "
				    "be a single value");
			add_attr(x, n->items[2 * i]->str, t->str);
		}
	}
	if ((p = be_ymap_get(doc, "person")) && !be_ynode_isnull(p)) {
		if (p->kind != BE_YMAP)
			return yerr(e, x->name, p, "'person' must be a map");
		if (be_ymap_check(p, pkeys, x->name, e) < 0)
			return ROW_BAD;
		if (be_yget_str(p, "name", 0, &v, x->name, e) < 0)
			return ROW_BAD;
		be_story_set(&s->name, v);
		if (be_yget_str(p, "email", 0, &v, x->name, e) < 0)
			return ROW_BAD;
		be_story_set(&s->email, v);
		if (be_yget_str(p, "phone", 0, &v, x->name, e) < 0)
			return ROW_BAD;
		be_story_set(&s->phone, v);
		if (be_yget_str(p, "address", 0, &v, x->name, e) < 0)
			return ROW_BAD;
		be_story_set(&s->address, v);
	}
	if (yaml_hex(x, doc, "response", 0, x->tomb.rkey, e) < 0)
		return ROW_BAD;
	if (*x->tomb.rkey)
		be_story_set(&s->rkey, x->tomb.rkey);
	if (be_yget_str(doc, "text", 1, &v, x->name, e) < 0)
		return ROW_BAD;
	n = be_ymap_get(doc, "text");
	/* The tags go to the story with the content id it has here, known
	 * once take has cleaned the text. */
	if (be_merge_read(x->merge, doc, x->name, e) < 0)
		return ROW_BAD;
	if ((ok = take(x, v, n->line, n->col, e)) != 0) {
		be_merge_claim(x->merge, NULL);
		return ok;
	}
	be_merge_claim(x->merge, be_story_cid_nfc(x->red.s, x->red.len,
	    s->told, cid));
	return 0;
}

static int
yaml_in(struct ctx *x, FILE *in, struct be_err *e)
{
	struct be_yreader *r = be_yaml_open(in, x->name);
	struct be_ynode *doc;
	int rc;

	while ((rc = be_yaml_next(r, &doc, e)) == 1) {
		rc = row_done(x, yaml_doc(x, doc, e), e);
		be_ynode_free(doc);
		if (rc < 0)
			break;
	}
	be_yaml_close(r);
	return rc < 0 ? (rc == ROW_BAD ? ROW_BAD : FATAL) : 0;
}

/* 1 when the store holds no stories, 0 when it does or cannot tell. */
static int
store_empty(struct be_store *st)
{
	return be_store_int(st, "SELECT NOT EXISTS (SELECT 1 FROM story)");
}

static const char sql_source[] =
"INSERT INTO source (path, hash, format, at) VALUES (?1, '', ?2, ?3)";
static const char sql_source_end[] =
"UPDATE source SET hash = ?2, encoding = ?3, delimiter = ?4,"
"  rows_read = ?5, rows_new = ?6, rows_dup = ?7, rows_refused = ?8"
"  WHERE id = ?1";

static int
source_begin(struct ctx *x, struct be_err *e)
{
	sqlite3_stmt *q;

	if ((q = be_store_stmt(x->st, sql_source, e)) == NULL)
		return -1;
	be_bind_text(q, 1, x->name);
	be_bind_text(q, 2, x->s->format);
	be_bind_text(q, 3, x->now);
	if (sqlite3_step(q) != SQLITE_DONE)
		return be_store_error(x->st, "cannot record source", e);
	x->source_id = sqlite3_last_insert_rowid(be_store_db(x->st));
	return 0;
}

static int
source_end(struct ctx *x, const char *hash, struct be_err *e)
{
	char delim[2] = { (char)x->s->delim, '\0' };
	sqlite3_stmt *q;

	if ((q = be_store_stmt(x->st, sql_source_end, e)) == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, x->source_id);
	be_bind_text(q, 2, hash ? hash : "");
	be_bind_text(q, 3, x->s->encoding[0] ? x->s->encoding : NULL);
	be_bind_text(q, 4, x->s->delim ? delim : NULL);
	sqlite3_bind_int64(q, 5, (long long)x->s->read);
	sqlite3_bind_int64(q, 6, (long long)x->s->added);
	sqlite3_bind_int64(q, 7, (long long)x->s->dup);
	sqlite3_bind_int64(q, 8, (long long)x->s->refused);
	if (sqlite3_step(q) != SQLITE_DONE)
		return be_store_error(x->st, "cannot record source", e);
	return 0;
}

static int
copy_out(FILE *from, FILE *to, struct be_err *e)
{
	char buf[65536];
	size_t n;

	if (fflush(from) != 0 || fseek(from, 0, SEEK_SET) != 0)
		return be_err_set(e, "temporary file: %s", strerror(errno));
	while ((n = fread(buf, 1, sizeof buf, from)) > 0)
		if (fwrite(buf, 1, n, to) != n)
			return -1;	/* be_finish reports stdout */
	if (ferror(from))
		return be_err_set(e, "temporary file: %s", strerror(errno));
	return 0;
}

static void *
reader(void *arg)
{
	struct ctx *x = arg;
	struct be_err *e = &x->err;

	switch (x->fmt) {
	case BE_FMT_CSV:
		x->rc = csv_in(x, x->in, &x->hash, e);
		break;
	case BE_FMT_YAML:
		x->rc = yaml_in(x, x->in, e);
		break;
	default:
		x->rc = rec_in(x, x->in, e);
		break;
	}
	if (x->rc == 0 && x->hash == NULL)
		x->hash = src_hash(x->src);
	q_put(x, IT_END, e);
	return NULL;
}

/*
 * Storing side: one item of the queue into the store.  0, 1 at its end,
 * or -1 with e.
 */
static int
store_item(struct ctx *x, struct item *it, struct be_err *e)
{
	if (it->kind == IT_END)
		return 1;
	if (it->kind == IT_BAD) {
		if (x->o->refused)
			x->o->refused(&it->err, x->o->arg);
		x->s->refused++;
	} else if (it->kind == IT_TOMB || it->kind == IT_WITHDRAW) {
		if ((it->kind == IT_TOMB ? put_tomb(x, &it->tomb, e) :
		    put_withdraw(x, it->tomb.rkey, e)) < 0)
			return -1;
	} else if (put(x, &it->story, &it->rec, it->bytes, e) < 0)
		return -1;
	be_meter_tick(&x->meter, it->pos);
	return 0;
}

/*
 * Runs the reader in its own thread and stores what it queues, in order
 * (with BENUT_THREADS=1 the reader stores each story itself, see q_put).
 * Returns 0 or -1 with e (the first error of either side).
 */
static int
run(struct ctx *x, struct be_err *e)
{
	struct item *it;
	pthread_t t;
	size_t i;
	int rc = 0, k;

	be_err_init(&x->err);
	be_err_init(&x->serr);
	x->single = be_par_threads() == 1;
	be_meter_start(&x->meter, BE_PROGRESS_ROWS, x->size);
	pthread_mutex_init(&x->q.mu, NULL);
	pthread_cond_init(&x->q.more, NULL);
	pthread_cond_init(&x->q.room, NULL);
	memset(x->q.it, 0, sizeof x->q.it);
	for (i = 0; i < QLEN; i++) {
		be_story_init(&x->q.it[i].story);
		be_buf_init(&x->q.it[i].rec);
		be_buf_init(&x->q.it[i].arena);
	}
	if (x->single) {
		reader(x);
		be_meter_end(&x->meter);
		if (x->sfailed) {
			*e = x->serr;
			rc = -1;
		}
		goto ended;
	}
	if ((rc = pthread_create(&t, NULL, reader, x)) != 0) {
		be_err_set(e, "cannot start a thread: %s", strerror(rc));
		rc = -1;
		goto out;
	}
	while ((k = store_item(x, it = q_get(x), e)) == 0)
		;
	if (k < 0) {
		rc = -1;
		q_stop(x);	/* the reader ends at its next put */
	}
	be_meter_end(&x->meter);
	pthread_join(t, NULL);
ended:
	if (rc == 0 && x->rc < 0) {
		*e = x->err;
		rc = -1;
	}
out:
	for (i = 0; i < QLEN; i++) {
		be_buf_release(&x->q.it[i].rec);
		be_buf_release(&x->q.it[i].arena);
		free(x->q.it[i].keys);
		free(x->q.it[i].vals);
		free(x->q.it[i].aoff);
	}
	pthread_cond_destroy(&x->q.more);
	pthread_cond_destroy(&x->q.room);
	pthread_mutex_destroy(&x->q.mu);
	return rc;
}

/*
 * Peeks at the input fp (in src->pre) and finds its format (*fmt, named
 * in s->format); *in is what the reader reads: fp itself, or a stream
 * through src that gives the peeked bytes again and hashes what it reads.
 * 0, or -1 with e.
 */
static int
open_input(struct src *src, FILE *fp, const char *name,
    const struct be_collect_opts *o, struct be_collect_stats *s, FILE **in,
    int *fmt, int *seekable, struct be_err *e)
{
	static cookie_io_functions_t io = { src_read, NULL, NULL, NULL };

	src->fp = fp;
	src->pre = be_xmalloc(PEEK);
	src->npre = fread(src->pre, 1, PEEK, fp);
	if (ferror(fp))
		return be_err_at(e, name, 0, 0, "read error: %s",
		    strerror(errno));
	if (workbook(name, src->pre, src->npre, &s->format, e) < 0)
		return -1;
	*fmt = o->format != BE_FMT_AUTO ? o->format :
	    detect(name, src->pre, src->npre);
	s->format = fmt_names[*fmt];
	*seekable = fseeko(fp, 0, SEEK_SET) == 0;
	if (*seekable && *fmt == BE_FMT_CSV) {
		*in = fp;
		return 0;
	}
	if (*seekable)
		src->npre = 0;
	src->hash = *fmt != BE_FMT_CSV;
	src->h = be_fhash_new();
	if ((*in = fopencookie(src, "r", io)) == NULL)
		return be_err_at(e, name, 0, 0, "%s", strerror(errno));
	return 0;
}

/* The temporary file of the records, until the commit.  0, or -1 with e. */
static int
open_tmp(struct ctx *x, struct be_err *e)
{
	if ((x->tmp = tmpfile()) == NULL)
		return be_err_set(e, "cannot make a temporary file: %s",
		    strerror(errno));
	/* Only the storing thread writes it: no lock for every putc, and a
	 * buffer of 256 KiB, not a write for every 4 KiB. */
	__fsetlocking(x->tmp, FSETLOCKING_BYCALLER);
	setvbuf(x->tmp, NULL, _IOFBF, 256 << 10);
	return 0;
}

/*
 * In the unit's transaction, before the first story: what --no-index
 * marks, the search index and (for a large input) the date index and the
 * store's keys set aside, the source's row.  0, or -1 with e.
 */
static int
unit_prepare(struct ctx *x, struct be_err *e)
{
	struct be_store *st = x->st;

	if (x->o->no_index && be_store_exec(st, "INSERT OR IGNORE INTO meta "
	    "(key, value) VALUES ('fts_stale', '1')", e) < 0)
		return -1;
	if (fts_begin(x, e) < 0)
		return -1;
	x->tombs = be_forget_any(st);
	x->next_id = be_forget_next_id(st);
	if (x->large && !be_store_told_missing(st) &&
	    be_store_exec(st, sql_told_drop, e) < 0)
		return -1;
	if (x->large && (x->keys = be_story_keys_new(st, e)) == NULL)
		return -1;
	return source_begin(x, e);
}

/*
 * After the last story: the tags and points of a YAML copy, the source's
 * hash, the date index again; then the commit (a dry run rolls back).
 * 0, or -1 with e (the caller rolls back).
 */
static int
unit_finish(struct ctx *x, const char *hash, struct be_err *e)
{
	struct be_store *st = x->st;

	if (be_merge_apply(x->merge, st, &x->s->tags, &x->s->points, e) < 0)
		return -1;
	if (source_end(x, hash, e) < 0)
		return -1;
	if (fts_end(x, e) < 0)
		return -1;
	if (x->large && !x->o->no_index &&
	    be_store_sort(st, sql_told_make, e) < 0)
		return -1;
	if (x->o->dry_run) {
		be_store_rollback(st);
		return 0;
	}
	return be_store_commit(st, e);
}

int
be_collect(struct be_store *st, FILE *fp, const char *name,
    const struct be_collect_opts *o, struct be_collect_stats *s,
    struct be_err *e)
{
	struct ctx x;
	struct src src;
	struct stat sb;
	FILE *in = NULL;
	char *hash = NULL;
	int fmt = 0, seekable = 0, empty, bulk = -1, rc = -1;

	memset(s, 0, sizeof *s);
	memset(&x, 0, sizeof x);
	memset(&src, 0, sizeof src);
	x.st = st, x.o = o, x.s = s, x.name = name;
	be_story_init(&x.story);
	be_now(x.now);

	if (open_input(&src, fp, name, o, s, &in, &fmt, &seekable, e) < 0 ||
	    open_tmp(&x, e) < 0)
		goto out;
	empty = store_empty(st);
	x.empty = empty;
	if ((x.large = large_input(st, fp, empty, e)) < 0)
		goto out;
	if (be_progress_on() && seekable && fstat(fileno(fp), &sb) == 0 &&
	    S_ISREG(sb.st_mode))
		x.size = (long long)sb.st_size;
	/*
	 * A large unit has a page cache of 32 MB, not 16: content ids are
	 * random, so each story goes to a random page of the index on them,
	 * about 18 MB for a million stories.  Once that index outgrows the
	 * cache, a story costs a page written and read back.  Memory stays
	 * the same however large the input.  Its rows refer only to its own
	 * source row and stories: no checks of foreign keys.
	 */
	if ((bulk = be_store_bulk_begin(st, (x.large ? BE_BULK_LARGE : 0) |
	    (!o->dry_run && empty ? BE_BULK_FILL : 0), e)) < 0)
		goto out;
	if (be_store_begin(st, e) < 0)
		goto out;
	x.writeback = (bulk & BE_BULK_FILL) && be_store_writeback_init(st) == 0;
	if (unit_prepare(&x, e) < 0)
		goto fail;
	x.fmt = fmt;
	x.in = in;
	x.src = &src;
	x.merge = be_merge_new();
	rc = run(&x, e);
	hash = x.hash;
	if (rc < 0 || unit_finish(&x, hash, e) < 0)
		goto fail;
	rc = o->out ? copy_out(x.tmp, o->out, e) : 0;
	/* A busy log is no failure of the intake: the last program to
	 * close the store removes it. */
	if (rc == 0 && x.scrub && !o->dry_run && be_forget_scrub(st, e) < 0)
		rc = -1;
	goto out;
fail:
	rc = -1;
	be_store_rollback(st);
out:
	if (bulk >= 0)
		be_store_bulk_end(st, bulk);
	sqlite3_db_config(be_store_db(st), SQLITE_DBCONFIG_ENABLE_TRIGGER, 1,
	    NULL);
	if (in && in != fp)
		fclose(in);
	if (x.tmp)
		fclose(x.tmp);
	free(src.pre);
	be_story_keys_free(x.keys);
	be_merge_free(x.merge);
	be_fhash_free(src.h);
	free(hash);
	be_story_release(&x.story);
	be_buf_release(&x.nfc);
	be_buf_release(&x.red);
	be_buf_release(&x.layout);
	return rc < 0 ? -1 : 0;
}

int
be_collect_set_use(struct be_store *st, const long long *ids, size_t nids,
    int use, unsigned long *n, struct be_err *e)
{
	static const char sql[] = "UPDATE story SET use = ?2 WHERE id = ?1"
	    "  AND use <> ?2";
	static const char sql_has[] = "SELECT 1 FROM story WHERE id = ?1";
	sqlite3_stmt *q;
	size_t i;
	int rc;

	*n = 0;
	if (use != BE_USE_QUOTE && use != BE_USE_COUNT)
		return be_err_set(e, "use level 'no' forgets the story; use "
		    "be-collect --forget");
	if (be_store_begin(st, e) < 0)
		return -1;
	for (i = 0; i < nids; i++) {
		if ((q = be_store_stmt(st, sql_has, e)) == NULL)
			goto fail;
		sqlite3_bind_int64(q, 1, ids[i]);
		rc = sqlite3_step(q);
		sqlite3_reset(q);
		if (rc == SQLITE_DONE) {
			be_err_set(e, "no story S-%lld", ids[i]);
			goto fail;
		}
		if (rc != SQLITE_ROW) {
			be_store_error(st, "cannot read store", e);
			goto fail;
		}
		if ((q = be_store_stmt(st, sql, e)) == NULL)
			goto fail;
		sqlite3_bind_int64(q, 1, ids[i]);
		be_bind_text(q, 2, be_use_name(use));
		if (be_store_done(st, q, "cannot change use", e) < 0)
			goto fail;
		*n += (unsigned long)sqlite3_changes(be_store_db(st));
	}
	return be_store_commit(st, e);
fail:
	be_store_rollback(st);
	return -1;
}

char *
be_collect_summary(const struct be_collect_stats *s, int dry_run)
{
	struct be_buf b = BE_BUF_INIT;
	char red[256] = "", how[96] = "", no[48] = "", use[96] = "",
	    upd[160] = "", tags[96] = "", col[200] = "";
	unsigned done = 0, best;
	size_t len = 0;
	int k, pick;

	/* "3 TELEFOON, 1 BSN": the kinds by count, most first. */
	for (;;) {
		best = 0, pick = -1;
		for (k = 0; k < BE_R_NKINDS; k++)
			if (!(done & 1u << k) && s->red[k] > best)
				best = s->red[k], pick = k;
		if (pick < 0)
			break;
		done |= 1u << pick;
		len += (size_t)snprintf(red + len, sizeof red - len, "%s%u %s",
		    len ? ", " : be_err_tr(N_("; redacted: ")), best,
		    be_redact_name(pick));
		if (len >= sizeof red)
			break;
	}
	if (strcmp(s->format, "csv") == 0 && (s->delim != ',' ||
	    strcmp(s->encoding, "utf-8") != 0))
		snprintf(how, sizeof how, s->delim == '\t' ?
		    be_err_tr(N_("; read as %s, delimiter TAB")) :
		    be_err_tr(N_("; read as %s, delimiter '%c'")), s->encoding,
		    s->delim);
	if (s->use_no)
		snprintf(no, sizeof no, be_err_tr(N_(", %lu said no to use")),
		    s->use_no);
	if (!s->use_col && s->use_none)
		snprintf(use, sizeof use, "%s",
		    be_err_tr(N_("; no column about use: quotable")));
	else if (s->use_count && s->use_none)
		snprintf(use, sizeof use, be_err_tr(N_("; %lu count only, %lu "
		    "not answered about use: quotable")), s->use_count,
		    s->use_none);
	else if (s->use_count)
		snprintf(use, sizeof use, be_err_tr(N_("; %lu count only")),
		    s->use_count);
	else if (s->use_none)
		snprintf(use, sizeof use, be_err_tr(N_("; %lu not answered "
		    "about use: quotable")), s->use_none);
	if (s->tags || s->points)
		snprintf(tags, sizeof tags, be_err_tr(N_("; %lu %s and %lu %s "
		    "added")), s->tags, be_plural(s->tags, "tag", "tags"),
		    s->points, be_plural(s->points, "point", "points"));
	if (s->text_col[0])
		snprintf(col, sizeof col,
		    be_err_tr(N_("; story text from column '%s'")),
		    s->text_col);
	len = 0;
	if (s->updated)
		len += (size_t)snprintf(upd + len, sizeof upd - len,
		    be_err_tr(N_(", %lu updated")), s->updated);
	if (s->kept)
		len += (size_t)snprintf(upd + len, sizeof upd - len,
		    be_err_tr(N_(", %lu edited in the form but kept as the "
		    "coordinator corrected")), s->kept);
	if (s->forgotten)
		len += (size_t)snprintf(upd + len, sizeof upd - len,
		    be_err_tr(N_(", %lu forgotten")), s->forgotten);
	if (s->tombstones)
		snprintf(upd + len, sizeof upd - len, ", %lu %s", s->tombstones,
		    be_plural(s->tombstones, "tombstone", "tombstones"));
	be_buf_addf(&b, be_err_tr(N_("%lu %s read, %lu new, %lu %s%s, %lu "
	    "refused%s%s%s%s%s%s%s%s")), s->read,
	    be_plural(s->read, "row", "rows"), s->added, s->dup,
	    be_plural(s->dup, "duplicate", "duplicates"), upd, s->refused, no,
	    use, tags, red, how, col,
	    dry_run ? be_err_tr(N_("; dry run, nothing written")) : "",
	    s->contact ? be_err_tr(N_("; delete the export, it holds contact "
	    "data")) : "");
	return be_buf_detach(&b);
}
