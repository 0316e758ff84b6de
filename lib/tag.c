/* tag.c: see tag.h. */
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "mem.h"
#include "par.h"
#include "progress.h"
#include "record.h"
#include "tag.h"
#include "banned.h"

struct be_tagger {
	struct be_store *st;
	const struct be_codebook *cb;
	int flags;
	long long cbid;
	long long *tagid;		/* per theme; 0 when dry */
	struct be_cb_eval *ev;
	struct be_tag_stats stats;
	char now[32];			/* the run's start: each tag's at */
	int fresh;			/* no story had a tag at the start */
	size_t *byname;			/* theme indexes by name */
	struct be_buf line;		/* apply_fresh's record */
};

/* A story_tag row as found before a change. */
struct row {
	char *name;
	long long tag_id;
	int hand, present, ours;	/* ours: rule of a codebook of our name */
	char *hash, *rule, *matched;
	int done;
	int gone;			/* deleted by this run */
};

static const char q_story[] = "SELECT text FROM story WHERE id = ?";
static const char q_rows[] =
    "SELECT t.name, st.tag_id, st.origin, st.present, c.name, c.hash,"
    " st.rule, st.matched FROM story_tag st JOIN tag t ON t.id = st.tag_id"
    " LEFT JOIN codebook c ON c.id = st.codebook_id WHERE st.story_id = ?";
static const char q_present[] =
    "SELECT t.name FROM story_tag st JOIN tag t ON t.id = st.tag_id"
    " WHERE st.story_id = ? AND st.present = 1 ORDER BY t.name";
static const char q_ins[] =
    "INSERT INTO story_tag (story_id, tag_id, origin, present, codebook_id,"
    " rule, matched, at) VALUES (?, ?, 'rule', 1, ?, ?, ?, ?)";
static const char q_upd[] =
    "UPDATE story_tag SET codebook_id = ?, rule = ?, matched = ?, at = ?"
    " WHERE story_id = ? AND tag_id = ?";
static const char q_del[] =
    "DELETE FROM story_tag WHERE story_id = ? AND tag_id = ?"
    " AND origin = 'rule'";
static const char q_cb_ins[] =
    "INSERT OR IGNORE INTO codebook (name, version, hash, path, loaded)"
    " VALUES (?, '1', ?, ?, ?)";
static const char q_cb_id[] =
    "SELECT id FROM codebook WHERE name = ? AND hash = ?";
static const char q_tag_up[] =
    "INSERT INTO tag (name, description, colour, codebook_id)"
    " VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
    " description = excluded.description, colour = excluded.colour,"
    " codebook_id = excluded.codebook_id WHERE"
    " description IS NOT excluded.description OR"
    " colour IS NOT excluded.colour OR"
    " codebook_id IS NOT excluded.codebook_id";
static const char q_tag_id[] = "SELECT id FROM tag WHERE name = ?";
static const char q_none[] = "SELECT NOT EXISTS (SELECT 1 FROM story_tag)";
static const char q_tag_parent[] =
    "UPDATE tag SET parent_id = ?1 WHERE id = ?2 AND parent_id IS NOT ?1";

/* The id of tag name, 0 when there is none, -1 on error. */
static long long
tag_id(struct be_store *st, const char *name, struct be_err *e)
{
	sqlite3_stmt *s;
	long long id = 0;
	int rc;

	if ((s = be_store_stmt(st, q_tag_id, e)) == NULL)
		return -1;
	be_bind_text(s, 1, name);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	else if (rc != SQLITE_DONE)
		id = be_store_error(st, "cannot read tags", e);
	sqlite3_reset(s);
	return id;
}

static int
record_codebook(struct be_tagger *t, struct be_err *e)
{
	const struct be_codebook *cb = t->cb;
	sqlite3_stmt *s;
	char now[32];
	size_t i;
	long long pid;

	be_now(now);
	if ((s = be_store_stmt(t->st, q_cb_ins, e)) == NULL)
		return -1;
	be_bind_text(s, 1, cb->name);
	be_bind_text(s, 2, cb->hash);
	be_bind_text(s, 3, cb->path);
	be_bind_text(s, 4, now);
	if (be_store_done(t->st, s, "cannot write tags", e) < 0)
		return -1;
	if ((s = be_store_stmt(t->st, q_cb_id, e)) == NULL)
		return -1;
	be_bind_text(s, 1, cb->name);
	be_bind_text(s, 2, cb->hash);
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_reset(s);
		return be_store_error(t->st, "cannot record codebook", e);
	}
	t->cbid = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	for (i = 0; i < cb->nthemes; i++) {
		const struct be_cb_theme *th = &cb->themes[i];

		if ((s = be_store_stmt(t->st, q_tag_up, e)) == NULL)
			return -1;
		be_bind_text(s, 1, th->name);
		be_bind_text(s, 2, th->description);
		be_bind_text(s, 3, th->colour);
		sqlite3_bind_int64(s, 4, t->cbid);
		if (be_store_done(t->st, s, "cannot write tags", e) < 0)
			return -1;
		if ((t->tagid[i] = tag_id(t->st, th->name, e)) <= 0)
			return -1;
	}
	for (i = 0; i < cb->nthemes; i++) {
		pid = cb->themes[i].parent_ix >= 0 ?
		    t->tagid[cb->themes[i].parent_ix] : 0;
		if ((s = be_store_stmt(t->st, q_tag_parent, e)) == NULL)
			return -1;
		if (pid)
			sqlite3_bind_int64(s, 1, pid);
		else
			sqlite3_bind_null(s, 1);
		sqlite3_bind_int64(s, 2, t->tagid[i]);
		if (be_store_done(t->st, s, "cannot write tags", e) < 0)
			return -1;
	}
	return 0;
}

struct be_tagger *
be_tag_begin(struct be_store *st, const struct be_codebook *cb, int flags,
    struct be_err *e)
{
	struct be_tagger *t = be_xcalloc(1, sizeof *t);
	size_t i, j;

	t->st = st;
	t->cb = cb;
	t->flags = flags;
	t->tagid = be_xcalloc(cb->nthemes ? cb->nthemes : 1,
	    sizeof *t->tagid);
	t->byname = be_xcalloc(cb->nthemes ? cb->nthemes : 1,
	    sizeof *t->byname);
	for (i = 0; i < cb->nthemes; i++) {
		for (j = i; j > 0 && strcmp(cb->themes[t->byname[j - 1]].name,
		    cb->themes[i].name) > 0; j--)
			t->byname[j] = t->byname[j - 1];
		t->byname[j] = i;
	}
	be_buf_init(&t->line);
	t->ev = be_cb_eval_new(cb);
	be_now(t->now);
	if (flags & BE_TAG_DRY)
		return t;
	if (be_store_begin(st, e) < 0)
		goto fail;
	if (record_codebook(t, e) < 0) {
		be_store_rollback(st);
		goto fail;
	}
	return t;
fail:
	be_cb_eval_free(t->ev);
	free(t->tagid);
	free(t->byname);
	free(t);
	return NULL;
}

/* Writes "S-n TAB a,b,c" of the story's present tags. */
static int
put_present(struct be_store *st, long long id, FILE *out, struct be_err *e)
{
	struct be_buf b = BE_BUF_INIT;
	sqlite3_stmt *s;
	char ref[32];
	int rc;

	if ((s = be_store_stmt(st, q_present, e)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (b.len)
			be_buf_addc(&b, ',');
		be_buf_adds(&b, be_col_text(s, 0));
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		be_buf_release(&b);
		return be_store_error(st, "cannot read tags", e);
	}
	snprintf(ref, sizeof ref, "S-%lld", id);
	be_rec_put(out, ref, 1);
	be_rec_put(out, b.s, 0);
	fputc('\n', out);
	be_buf_release(&b);
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * Writes "S-n TAB a,b,c" of the story's present tags as put_present
 * would read them back: the rows found before that are present and were
 * not deleted, and the tags added (names[0..n), sorted here).
 */
static void
put_names(long long id, const char **names, size_t n, FILE *out)
{
	struct be_buf b = BE_BUF_INIT;
	char ref[32];
	size_t i;

	qsort(names, n, sizeof *names, cmp_str);
	be_buf_adds(&b, "");
	for (i = 0; i < n; i++) {
		if (i)
			be_buf_addc(&b, ',');
		be_buf_adds(&b, names[i]);
	}
	snprintf(ref, sizeof ref, "S-%lld", id);
	be_rec_put(out, ref, 1);
	be_rec_put(out, b.s, 0);
	fputc('\n', out);
	be_buf_release(&b);
}

static void
rows_free(struct row *r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(r[i].name);
		free(r[i].hash);
		free(r[i].rule);
		free(r[i].matched);
	}
	free(r);
}

static int
load_rows(struct be_tagger *t, long long id, struct row **rows, size_t *n,
    struct be_err *e)
{
	sqlite3_stmt *s;
	size_t cap = 0;
	int rc;

	*rows = NULL;
	*n = 0;
	if ((s = be_store_stmt(t->st, q_rows, e)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct row *r;

		if (*n == cap) {
			cap = cap ? 2 * cap : 8;
			*rows = be_xrealloc(*rows, cap * sizeof **rows);
		}
		r = &(*rows)[(*n)++];
		memset(r, 0, sizeof *r);
		r->name = be_xstrdup(be_col_text(s, 0));
		r->tag_id = sqlite3_column_int64(s, 1);
		r->hand = strcmp(be_col_text(s, 2), "hand") == 0;
		r->present = sqlite3_column_int(s, 3);
		r->ours = !r->hand && strcmp(be_col_text(s, 4),
		    t->cb->name) == 0;
		r->hash = be_xstrdup(be_col_text(s, 5));
		r->rule = be_xstrdup(be_col_text(s, 6));
		r->matched = be_xstrdup(be_col_text(s, 7));
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return be_store_error(t->st, "cannot read tags", e);
	return 0;
}

static int
cmp_change(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;

	return strcmp(x + 1, y + 1);
}

static int
write_rule(struct be_tagger *t, const char *sql, long long id, size_t i,
    const struct be_cb_hit *h, struct be_err *e)
{
	const struct be_cb_theme *th = &t->cb->themes[i];
	const char *now = t->now;
	sqlite3_stmt *s;

	if ((s = be_store_stmt(t->st, sql, e)) == NULL)
		return -1;
	if (sql == q_ins) {
		/* Stepped at once, while the strings live: no copies. */
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, t->tagid[i]);
		sqlite3_bind_int64(s, 3, t->cbid);
		sqlite3_bind_text(s, 4, th->match[h->pat].src, -1,
		    SQLITE_STATIC);
		if (h->words)
			sqlite3_bind_text(s, 5, h->words, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 6, now, -1, SQLITE_STATIC);
	} else {
		sqlite3_bind_int64(s, 1, t->cbid);
		be_bind_text(s, 2, th->match[h->pat].src);
		be_bind_text(s, 3, h->words);
		be_bind_text(s, 4, now);
		sqlite3_bind_int64(s, 5, id);
		sqlite3_bind_int64(s, 6, t->tagid[i]);
	}
	return be_store_done(t->st, s, "cannot write tags", e);
}

static int
del_rule(struct be_tagger *t, long long id, long long tid, struct be_err *e)
{
	sqlite3_stmt *s;

	if ((s = be_store_stmt(t->st, q_del, e)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, tid);
	return be_store_done(t->st, s, "cannot write tags", e);
}

/* Adds " on S-n" to e's message. */
static void
on_story(struct be_err *e, long long id, const char *hint)
{
	size_t l = strlen(e->msg);

	snprintf(e->msg + l, sizeof e->msg - l, " on S-%lld%s", id, hint);
}

/*
 * apply_hits on a story that has no tag (t->fresh): its tags are only
 * added, and its record lists them in order of name.
 */
static int
apply_fresh(struct be_tagger *t, long long id, const struct be_cb_hit *hits,
    FILE *out, struct be_err *e)
{
	const struct be_codebook *cb = t->cb;
	struct be_buf *b = &t->line;
	char ref[32];
	size_t k, i;

	t->stats.stories++;
	be_buf_reset(b);
	be_buf_adds(b, "");
	for (k = 0; k < cb->nthemes; k++) {
		i = t->byname[k];
		if (!hits[i].tagged)
			continue;
		t->stats.added++;
		if (write_rule(t, q_ins, id, i, &hits[i], e) < 0)
			return -1;
		if (b->len)
			be_buf_addc(b, ',');
		be_buf_adds(b, cb->themes[i].name);
	}
	snprintf(ref, sizeof ref, "S-%lld", id);
	be_rec_put(out, ref, 1);
	be_rec_put(out, b->s, 0);
	fputc('\n', out);
	return 0;
}

/*
 * Writes the outcome of the codebook on story id: hits, or when erc < 0
 * the failed evaluation (e says why).
 */
static int
apply_hits(struct be_tagger *t, long long id, int erc,
    const struct be_cb_hit *hits, FILE *out, struct be_err *e)
{
	const struct be_codebook *cb = t->cb;
	struct row *rows = NULL;
	char **chg = NULL;
	size_t nrows, nchg = 0, i, j;
	long ix;
	int dry = t->flags & BE_TAG_DRY, rc = -1;

	if (erc < 0) {
		if (t->flags & BE_TAG_SKIPBAD) {
			on_story(e, id, "; story skipped");
			t->stats.skipped++;
			return 1;
		}
		on_story(e, id, "; nothing written (use --skip-bad to skip "
		    "such stories)");
		return -1;
	}
	if (t->fresh && !dry)
		return apply_fresh(t, id, hits, out, e);
	t->stats.stories++;
	if (load_rows(t, id, &rows, &nrows, e) < 0)
		goto out;
	chg = be_xcalloc(cb->nthemes + nrows + 1, sizeof *chg);
	for (j = 0; j < nrows; j++) {
		struct row *r = &rows[j];

		ix = be_codebook_find(cb, r->name);
		if (r->hand || !r->ours)
			continue;	/* hand tags, other codebooks' tags */
		if (ix >= 0 && hits[ix].tagged) {
			const struct be_cb_hit *h = &hits[ix];

			r->done = 1;
			if (strcmp(r->rule, cb->themes[ix].match[h->pat].src) ||
			    strcmp(r->matched, h->words) ||
			    strcmp(r->hash, cb->hash)) {
				t->stats.updated++;
				if (!dry && write_rule(t, q_upd, id, (size_t)ix,
				    h, e) < 0)
					goto out;
			}
			continue;
		}
		t->stats.removed++;
		r->gone = 1;
		chg[nchg] = be_xmalloc(strlen(r->name) + 2);
		chg[nchg][0] = '-';
		memcpy(chg[nchg] + 1, r->name, strlen(r->name) + 1);
		nchg++;
		if (!dry && del_rule(t, id, r->tag_id, e) < 0)
			goto out;
	}
	for (i = 0; i < cb->nthemes; i++) {
		if (!hits[i].tagged)
			continue;
		for (j = 0; j < nrows; j++)
			if (strcmp(rows[j].name, cb->themes[i].name) == 0)
				break;
		if (j < nrows)
			continue;	/* there already, or a hand tag */
		t->stats.added++;
		chg[nchg] = be_xmalloc(strlen(cb->themes[i].name) + 2);
		chg[nchg][0] = '+';
		memcpy(chg[nchg] + 1, cb->themes[i].name,
		    strlen(cb->themes[i].name) + 1);
		nchg++;
		if (!dry && write_rule(t, q_ins, id, i, &hits[i], e) < 0)
			goto out;
	}
	if (dry) {
		if (nchg) {
			qsort(chg, nchg, sizeof *chg, cmp_change);
			fprintf(out, "S-%lld\t", id);
			for (i = 0; i < nchg; i++)
				fprintf(out, "%s%s", i ? "," : "", chg[i]);
			fputc('\n', out);
		}
		rc = 0;
	} else {
		const char **names = be_xcalloc(nrows + nchg + 1,
		    sizeof *names);
		size_t n = 0;

		for (j = 0; j < nrows; j++)
			if (rows[j].present && !rows[j].gone)
				names[n++] = rows[j].name;
		for (i = 0; i < nchg; i++)
			if (chg[i][0] == '+')
				names[n++] = chg[i] + 1;
		put_names(id, names, n, out);
		free(names);
		rc = 0;
	}
out:
	for (i = 0; i < nchg; i++)
		free(chg[i]);
	free(chg);
	rows_free(rows, nrows);
	return rc;
}

static int
apply(struct be_tagger *t, long long id, const char *text, size_t len,
    FILE *out, struct be_err *e)
{
	const struct be_cb_hit *hits;
	long bad;
	int erc;

	erc = be_cb_eval(t->ev, text, len, &hits, &bad, e);
	return apply_hits(t, id, erc, hits, out, e);
}

int
be_tag_story(struct be_tagger *t, long long id, FILE *out, struct be_err *e)
{
	sqlite3_stmt *s;
	char *text;
	size_t len;
	int rc;

	if ((s = be_store_stmt(t->st, q_story, e)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(s);
		if (rc == SQLITE_DONE)
			return be_err_set(e, "no story S-%lld", id);
		return be_store_error(t->st, "cannot read story", e);
	}
	len = (size_t)sqlite3_column_bytes(s, 0);
	text = be_xstrndup(be_col_text(s, 0), len);
	sqlite3_reset(s);
	rc = apply(t, id, text, len, out, e);
	free(text);
	return rc;
}

/*
 * be_tag_all runs in two threads: the caller's reads a batch of stories
 * and writes the outcome of the batch before, while a matcher thread,
 * with its own scratch, evaluates the codebook on the batch between.
 * With BENUT_THREADS=1 there is no matcher: the caller's thread
 * evaluates each batch itself in wait_done (lib/par.h).
 */
#define BATCH 64

struct job {
	long long id;
	char *text;
	size_t len;
	int rc;				/* of be_cb_eval */
	struct be_err *err;		/* when rc < 0 */
	struct be_cb_hit *hits;		/* copies, nthemes */
};

struct batch {
	struct job j[BATCH];
	size_t n;
	size_t next;			/* first job nobody took */
	size_t left;			/* jobs not evaluated yet */
};

struct matcher {
	struct be_tagger *t;
	struct be_cb_eval *ev;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct batch *work;		/* to evaluate, or NULL */
	int quit;
};

static void
eval_job(struct be_cb_eval *ev, size_t nt, struct job *j)
{
	const struct be_cb_hit *hits;
	struct be_err e;
	size_t k;
	long bad;

	be_err_init(&e);
	j->rc = be_cb_eval(ev, j->text, j->len, &hits, &bad, &e);
	if (j->rc < 0) {
		j->err = be_xmalloc(sizeof *j->err);
		*j->err = e;
		return;
	}
	j->hits = be_xcalloc(nt ? nt : 1, sizeof *j->hits);
	for (k = 0; k < nt; k++) {
		j->hits[k] = hits[k];
		j->hits[k].words = be_cb_eval_take_words(ev, k);
	}
}

/*
 * Takes and evaluates jobs of b until none is left to take.  Called with
 * m->mu held; returns with it held.  Both threads do this.
 */
static void
eval_some(struct matcher *m, struct be_cb_eval *ev, struct batch *b)
{
	struct job *j;

	while (b->next < b->n) {
		j = &b->j[b->next++];
		pthread_mutex_unlock(&m->mu);
		eval_job(ev, m->t->cb->nthemes, j);
		pthread_mutex_lock(&m->mu);
		if (--b->left == 0)
			pthread_cond_broadcast(&m->cv);
	}
}

static void *
matcher_main(void *arg)
{
	struct matcher *m = arg;

	pthread_mutex_lock(&m->mu);
	for (;;) {
		while (m->work == NULL && !m->quit)
			pthread_cond_wait(&m->cv, &m->mu);
		if (m->work == NULL)
			break;
		eval_some(m, m->ev, m->work);
		m->work = NULL;
	}
	pthread_mutex_unlock(&m->mu);
	return NULL;
}

static void
submit(struct matcher *m, struct batch *b)
{
	pthread_mutex_lock(&m->mu);
	b->next = 0;
	b->left = b->n;
	m->work = b;
	pthread_cond_broadcast(&m->cv);
	pthread_mutex_unlock(&m->mu);
}

/* The calling thread helps with what is left of b, then waits for it. */
static void
wait_done(struct matcher *m, struct batch *b)
{
	pthread_mutex_lock(&m->mu);
	eval_some(m, m->t->ev, b);
	while (b->left > 0)
		pthread_cond_wait(&m->cv, &m->mu);
	pthread_mutex_unlock(&m->mu);
}

static void
batch_clear(struct batch *b, size_t nthemes)
{
	size_t i, k;

	for (i = 0; i < b->n; i++) {
		struct job *j = &b->j[i];

		if (j->hits)
			for (k = 0; k < nthemes; k++)
				free(j->hits[k].words);
		free(j->hits);
		free(j->err);
		free(j->text);
	}
	memset(b, 0, sizeof *b);
}

/* Reads up to BATCH stories of s into b.  SQLITE_ROW, _DONE or an error. */
static int
fill(sqlite3_stmt *s, struct batch *b)
{
	int rc = SQLITE_ROW;

	while (b->n < BATCH && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct job *j = &b->j[b->n++];

		j->id = sqlite3_column_int64(s, 0);
		j->len = (size_t)sqlite3_column_bytes(s, 1);
		j->text = be_xstrndup(be_col_text(s, 1), j->len);
	}
	return rc;
}

int
be_tag_all(struct be_tagger *t, int untagged, FILE *out,
    void (*warn)(const struct be_err *), struct be_err *e)
{
	static const char q_all[] = "SELECT id, text FROM story ORDER BY id";
	static const char q_untagged[] = "SELECT id, text FROM story"
	    " WHERE NOT EXISTS (SELECT 1 FROM story_tag st"
	    " WHERE st.story_id = story.id AND st.present = 1) ORDER BY id";
	static const char q_count[] = "SELECT count(*) FROM story";
	sqlite3 *db = be_store_db(t->st);
	struct batch *b = be_xcalloc(2, sizeof *b), *cur = &b[0], *nxt = &b[1];
	struct matcher m;
	struct be_meter meter;
	long long total = 0, done = 0;
	sqlite3_stmt *s;
	pthread_t th;
	size_t i, nt = t->cb->nthemes;
	int rc, r = 0, threaded = be_par_threads() > 1;

	/* The total for an estimate, only for a person who watches; the
	 * untagged are not known before the end. */
	if (be_progress_on() && !untagged &&
	    (s = be_store_stmt(t->st, q_count, NULL)) != NULL) {
		if (sqlite3_step(s) == SQLITE_ROW)
			total = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
	}
	if (sqlite3_prepare_v2(db, untagged ? q_untagged : q_all, -1, &s,
	    NULL) != SQLITE_OK) {
		free(b);
		return be_store_error(t->st, "cannot read stories", e);
	}
	/* Each story comes once: when none had a tag, none has one to
	 * read before its own are written. */
	t->fresh = be_store_int(t->st, q_none) == 1;
	be_meter_start(&meter, BE_PROGRESS_STORIES, total);
	memset(&m, 0, sizeof m);
	m.t = t;
	m.ev = be_cb_eval_new(t->cb);
	pthread_mutex_init(&m.mu, NULL);
	pthread_cond_init(&m.cv, NULL);
	if (threaded &&
	    (rc = pthread_create(&th, NULL, matcher_main, &m)) != 0) {
		r = be_err_set(e, "cannot start a thread: %s", strerror(rc));
		goto out;
	}
	/* Only this thread writes out: no lock for every character. */
	flockfile(out);
	rc = fill(s, cur);
	if (cur->n)
		submit(&m, cur);
	while (cur->n) {
		if (rc == SQLITE_ROW)
			rc = fill(s, nxt);
		wait_done(&m, cur);
		if (nxt->n)
			submit(&m, nxt);
		for (i = 0; i < cur->n && r >= 0; i++) {
			struct job *j = &cur->j[i];
			struct be_err se;

			be_err_init(&se);
			if (j->err)
				se = *j->err;
			r = apply_hits(t, j->id, j->rc, j->hits, out, &se);
			if (r == 1 && warn)
				warn(&se);
			if (r < 0)
				*e = se;
			be_meter_tick(&meter, ++done);
		}
		batch_clear(cur, nt);
		if (r < 0) {
			if (nxt->n)
				wait_done(&m, nxt);
			batch_clear(nxt, nt);
			break;
		}
		cur = cur == &b[0] ? &b[1] : &b[0];
		nxt = nxt == &b[0] ? &b[1] : &b[0];
	}
	funlockfile(out);
	be_meter_end(&meter);
	pthread_mutex_lock(&m.mu);
	m.quit = 1;
	pthread_cond_broadcast(&m.cv);
	pthread_mutex_unlock(&m.mu);
	if (threaded)
		pthread_join(th, NULL);
	if (r >= 0 && rc != SQLITE_DONE)
		r = be_store_error(t->st, "cannot read stories", e);
out:
	t->fresh = 0;
	sqlite3_finalize(s);
	be_cb_eval_free(m.ev);
	pthread_cond_destroy(&m.cv);
	pthread_mutex_destroy(&m.mu);
	free(b);
	return r < 0 ? -1 : 0;
}

int
be_tag_end(struct be_tagger *t, int commit, struct be_tag_stats *stats,
    struct be_err *e)
{
	int rc = 0;

	if (!(t->flags & BE_TAG_DRY)) {
		if (commit)
			rc = be_store_commit(t->st, e);
		else
			be_store_rollback(t->st);
	}
	if (stats)
		*stats = t->stats;
	be_cb_eval_free(t->ev);
	free(t->tagid);
	free(t->byname);
	be_buf_release(&t->line);
	free(t);
	return rc;
}

static int
story_exists(struct be_store *st, long long id, struct be_err *e)
{
	static const char q[] = "SELECT 1 FROM story WHERE id = ?";
	sqlite3_stmt *s;
	int rc;

	if ((s = be_store_stmt(st, q, e)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return be_err_set(e, "no story S-%lld", id);
	return be_store_error(st, "cannot read story", e);
}

static long long
hand_tag_id(struct be_store *st, const char *name, int create,
    struct be_err *e)
{
	static const char q_new[] = "INSERT INTO tag (name) VALUES (?)";
	sqlite3_stmt *s;
	long long id;

	if ((id = tag_id(st, name, e)) != 0)
		return id;
	if (!create)
		return be_err_set(e, "unknown tag '%s'; see be-tag -l for the "
		    "tags, or add --new to make it", name);
	if (!be_theme_name_ok(name))
		return be_err_set(e, "tag name '%s' must be lower case "
		    "letters, digits, '-' or '_'", name);
	if ((s = be_store_stmt(st, q_new, e)) == NULL)
		return -1;
	be_bind_text(s, 1, name);
	if (be_store_done(st, s, "cannot write tags", e) < 0)
		return -1;
	return sqlite3_last_insert_rowid(be_store_db(st));
}

int
be_tag_hand(struct be_store *st, long long id, const char *const *add,
    size_t nadd, const char *const *del, size_t ndel, const char *who,
    int allow_new, FILE *out, struct be_tag_stats *stats, struct be_err *e)
{
	static const char q[] =
	    "INSERT INTO story_tag (story_id, tag_id, origin, present, who, at)"
	    " VALUES (?1, ?2, 'hand', ?3, ?4, ?5)"
	    " ON CONFLICT (story_id, tag_id) DO UPDATE SET origin = 'hand',"
	    " present = ?3, codebook_id = NULL, rule = NULL, matched = NULL,"
	    " who = ?4, at = ?5"
	    " WHERE NOT (story_tag.origin = 'hand' AND story_tag.present = ?3)";
	sqlite3_stmt *s;
	char now[32];
	size_t i;
	long long tid;
	int present;

	be_now(now);
	if (story_exists(st, id, e) < 0)
		return -1;
	stats->stories++;
	for (i = 0; i < nadd + ndel; i++) {
		present = i < nadd;
		tid = hand_tag_id(st, present ? add[i] : del[i - nadd],
		    present && allow_new, e);
		if (tid < 0)
			return -1;
		if ((s = be_store_stmt(st, q, e)) == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, tid);
		sqlite3_bind_int(s, 3, present);
		be_bind_text(s, 4, who);
		be_bind_text(s, 5, now);
		if (be_store_done(st, s, "cannot write tags", e) < 0)
			return -1;
		if (sqlite3_changes(be_store_db(st)) > 0) {
			if (present)
				stats->added++;
			else
				stats->removed++;
		}
	}
	return put_present(st, id, out, e);
}

long
be_tag_list(struct be_store *st, FILE *out, struct be_err *e)
{
	static const char q[] =
	    "SELECT t.id, t.name, (SELECT count(*) FROM story_tag st"
	    " WHERE st.tag_id = t.id AND st.present = 1), p.name, t.description"
	    " FROM tag t LEFT JOIN tag p ON p.id = t.parent_id ORDER BY t.name";
	sqlite3_stmt *s;
	char ref[32], cnt[32];
	long n = 0;
	int rc;

	if ((s = be_store_stmt(st, q, e)) == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		snprintf(ref, sizeof ref, "T-%lld", sqlite3_column_int64(s, 0));
		snprintf(cnt, sizeof cnt, "%lld", sqlite3_column_int64(s, 2));
		be_rec_put(out, ref, 1);
		be_rec_put(out, be_col_text(s, 1), 0);
		be_rec_put(out, cnt, 0);
		be_rec_put(out, be_col_text(s, 3), 0);
		be_rec_put(out, be_col_text(s, 4), 0);
		fputc('\n', out);
		n++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return be_store_error(st, "cannot read tags", e);
	return n;
}

int
be_tag_explain(struct be_store *st, long long id, FILE *out,
    struct be_err *e)
{
	static const char q[] =
	    "SELECT t.name, st.origin, st.present, c.name, c.hash, st.rule,"
	    " st.matched, st.who, st.at FROM story_tag st"
	    " JOIN tag t ON t.id = st.tag_id"
	    " LEFT JOIN codebook c ON c.id = st.codebook_id"
	    " WHERE st.story_id = ? ORDER BY t.name";
	sqlite3_stmt *s;
	char ref[32], by[1100];
	int rc, rule;

	if (story_exists(st, id, e) < 0)
		return -1;
	if ((s = be_store_stmt(st, q, e)) == NULL)
		return -1;
	snprintf(ref, sizeof ref, "S-%lld", id);
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		rule = strcmp(be_col_text(s, 1), "rule") == 0;
		if (rule)
			snprintf(by, sizeof by, "%s@%.12s", be_col_text(s, 3),
			    be_col_text(s, 4));
		else
			snprintf(by, sizeof by, "%s", be_col_text(s, 7));
		be_rec_put(out, ref, 1);
		be_rec_put(out, be_col_text(s, 0), 0);
		be_rec_put(out, rule ? "rule" : sqlite3_column_int(s, 2) ?
		    "hand" : "removed", 0);
		be_rec_put(out, by, 0);
		be_rec_put(out, be_col_text(s, 5), 0);
		be_rec_put(out, be_col_text(s, 6), 0);
		be_rec_put(out, be_col_text(s, 8), 0);
		fputc('\n', out);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return be_store_error(st, "cannot read tags", e);
	return 0;
}

int
be_tag_ids(struct be_tagger *t, const long long *ids, size_t n,
    FILE *out, void (*warn)(const struct be_err *), struct be_err *e)
{
	struct be_meter meter;
	size_t i;
	int rc = 0;

	be_meter_start(&meter, BE_PROGRESS_STORIES, (long long)n);
	for (i = 0; i < n && rc >= 0; i++) {
		if ((rc = be_tag_story(t, ids[i], out, e)) == 1) {
			warn(e);
			rc = 0;
		}
		be_meter_tick(&meter, (long long)i + 1);
	}
	be_meter_end(&meter);
	return rc;
}

/*
 * Whether a is a cluster of optstring's short options: 0 no ("-laat"), 1
 * yes ("-ln", "-cFILE"), 2 yes and its last option takes the next word
 * ("-c", "-nc").
 */
static int
is_cluster(const char *a, const char *optstring)
{
	const char *o;

	for (a++; *a; a++) {
		if (*a == ':' || (o = strchr(optstring, *a)) == NULL)
			return 0;
		if (o[1] == ':')
			return a[1] ? 1 : 2;	/* the rest is its value */
	}
	return 1;
}

/* Whether the long option a ("--st", "--store=x") takes the next word. */
static int
long_takes_next(const char *a, const struct option *lo)
{
	size_t n = strcspn(a + 2, "=");

	if (a[2 + n] == '=')
		return 0;
	for (; lo->name; lo++)
		if (strncmp(lo->name, a + 2, n) == 0 &&
		    lo->has_arg == required_argument)
			return 1;
	return 0;
}

int
be_tag_words(int argc, char **argv, const char *optstring,
    const struct option *lo, const char **add, size_t *nadd,
    const char **del, size_t *ndel)
{
	int i, j, k, out = 1, opts = 1;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (opts && strcmp(a, "--") == 0) {
			opts = 0;
			argv[out++] = argv[i];
		} else if (a[0] == '+' && a[1])
			add[(*nadd)++] = a + 1;
		else if (opts && a[0] == '-' && a[1] == '-') {
			argv[out++] = argv[i];
			if (long_takes_next(a, lo) && i + 1 < argc)
				argv[out++] = argv[++i];
		} else if (opts && a[0] == '-' && a[1] &&
		    (k = is_cluster(a, optstring)) > 0) {
			argv[out++] = argv[i];
			if (k == 2 && i + 1 < argc)
				argv[out++] = argv[++i];
		} else if (a[0] == '-' && a[1])
			del[(*ndel)++] = a + 1;
		else
			argv[out++] = argv[i];
	}
	for (j = out; j < argc; j++)
		argv[j] = NULL;
	return out;
}

int
be_tag_run(struct be_store *st, const struct be_codebook *cb, int flags,
    int all, int untagged, const long long *ids, size_t n, FILE *out,
    void (*warn)(const struct be_err *), struct be_tag_stats *stats,
    struct be_err *e)
{
	struct be_tagger *t;
	int rc, did = 0, bulk = (all || untagged) && !(flags & BE_TAG_DRY);

	/* Every story's tags are written: through a rollback journal when
	 * no story has a tag yet (the new pages need no copy; see
	 * be_store_bulk_begin), and without checks of foreign keys (the
	 * tagger writes only ids of stories, tags and a codebook that it
	 * has just read or written). */
	if (bulk && (did = be_store_bulk_begin(st, be_store_int(st,
	    q_none) == 1 ? BE_BULK_FILL : 0, e)) < 0)
		return -1;
	if ((t = be_tag_begin(st, cb, flags, e)) == NULL) {
		be_store_bulk_end(st, did);
		return -1;
	}
	rc = all || untagged ? be_tag_all(t, untagged, out, warn, e) :
	    be_tag_ids(t, ids, n, out, warn, e);
	if (rc < 0) {
		be_tag_end(t, 0, NULL, e);
		rc = -1;
	} else
		rc = be_tag_end(t, 1, stats, e);
	if (bulk)
		be_store_bulk_end(st, did);
	return rc;
}

int
be_tag_hand_ids(struct be_store *st, const long long *ids, size_t n,
    const char *const *add, size_t nadd, const char *const *del,
    size_t ndel, const char *who, int allow_new, FILE *out,
    struct be_tag_stats *stats, struct be_err *e)
{
	size_t i;

	if (be_store_begin(st, e) < 0)
		return -1;
	for (i = 0; i < n; i++)
		if (be_tag_hand(st, ids[i], add, nadd, del, ndel, who,
		    allow_new, out, stats, e) < 0) {
			be_store_rollback(st);
			return -1;
		}
	return be_store_commit(st, e);
}
