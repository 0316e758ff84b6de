/* merge.c: see merge.h. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "codebook.h"
#include "mem.h"
#include "merge.h"
#include "story.h"
#include "banned.h"

static const char q_tags[] = "SELECT t.name, st.origin, st.present, "
    "c.name, c.hash, st.rule, st.matched, st.who, st.at FROM story_tag st "
    "JOIN tag t ON t.id = st.tag_id LEFT JOIN codebook c ON "
    "c.id = st.codebook_id WHERE st.story_id = ?1 ORDER BY t.name";

static const char *
col(sqlite3_stmt *q, int i)
{
	return (const char *)sqlite3_column_text(q, i);
}

int
be_merge_tags_yaml(struct be_store *st, long long id, FILE *fp,
    struct be_err *e)
{
	sqlite3_stmt *q = be_store_stmt(st, q_tags, e);
	int rc, n = 0;

	if (q == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (n++ == 0)
			be_yemit_key(fp, 0, "tags");
		be_yemit_str(fp, 4 | BE_YDASH, "theme", col(q, 0));
		be_yemit_str(fp, 4, "origin", col(q, 1));
		if (sqlite3_column_int(q, 2) == 0)
			be_yemit_bool(fp, 4, "removed", 1);
		if (col(q, 3)) {
			be_yemit_str(fp, 4, "codebook", col(q, 3));
			be_yemit_str(fp, 4, "codebook_hash", col(q, 4));
		}
		if (col(q, 5))
			be_yemit_str(fp, 4, "rule", col(q, 5));
		if (col(q, 6))
			be_yemit_str(fp, 4, "matched", col(q, 6));
		if (col(q, 7))
			be_yemit_str(fp, 4, "who", col(q, 7));
		be_yemit_str(fp, 4, "at", col(q, 8));
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return be_store_error(st, "cannot read the tags", e);
	return 0;
}

struct mtag {
	char *cid, *theme, *origin, *codebook, *hash, *rule, *matched, *who,
	    *at;
	int present;
};

struct be_merge {
	struct mtag *t;
	size_t n, cap;
	size_t claimed;		/* t[claimed..n) wait for their cid */
};

struct be_merge *
be_merge_new(void)
{
	return be_xcalloc(1, sizeof(struct be_merge));
}

static char *
dup(const char *s)
{
	return s ? be_xstrdup(s) : NULL;
}

static void
mtag_release(struct mtag *t)
{
	free(t->cid);
	free(t->theme);
	free(t->origin);
	free(t->codebook);
	free(t->hash);
	free(t->rule);
	free(t->matched);
	free(t->who);
	free(t->at);
}

void
be_merge_free(struct be_merge *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->n; i++)
		mtag_release(&m->t[i]);
	free(m->t);
	free(m);
}

void
be_merge_claim(struct be_merge *m, const char *cid)
{
	size_t i;

	for (i = m->claimed; i < m->n; i++)
		if (cid)
			m->t[i].cid = be_xstrdup(cid);
		else
			mtag_release(&m->t[i]);
	if (cid == NULL)
		m->n = m->claimed;
	m->claimed = m->n;
}

static int
read_tags(struct be_merge *m, const struct be_ynode *doc, const char *name,
    struct be_err *e)
{
	static const char *const keys[] = { "theme", "origin", "removed",
	    "codebook", "codebook_hash", "rule", "matched", "who", "at",
	    NULL };
	const struct be_ynode *seq, *t;
	const char *theme, *origin, *cb, *hash, *rule, *matched, *who, *at;
	struct mtag *mt;
	size_t i;
	int removed;

	if (be_yget_seq(doc, "tags", 0, &seq, name, e) < 0)
		return -1;
	for (i = 0; seq && i < seq->n; i++) {
		t = seq->items[i];
		if (t->kind != BE_YMAP)
			return be_yerr(e, name, t, "each tag must be a map");
		if (be_ymap_check(t, keys, name, e) < 0 ||
		    be_yget_str(t, "theme", 1, &theme, name, e) < 0 ||
		    be_yget_str(t, "origin", 1, &origin, name, e) < 0 ||
		    be_yget_bool(t, "removed", 0, 0, &removed, name, e) < 0 ||
		    be_yget_str(t, "codebook", 0, &cb, name, e) < 0 ||
		    be_yget_str(t, "codebook_hash", 0, &hash, name, e) < 0 ||
		    be_yget_str(t, "rule", 0, &rule, name, e) < 0 ||
		    be_yget_str(t, "matched", 0, &matched, name, e) < 0 ||
		    be_yget_str(t, "who", 0, &who, name, e) < 0 ||
		    be_yget_str(t, "at", 1, &at, name, e) < 0)
			return -1;
		if (!be_theme_name_ok(theme))
			return be_yerr(e, name, be_ymap_get(t, "theme"),
			    "theme name must be lower case letters, digits, "
			    "'-' or '_'");
		if (strcmp(origin, "rule") != 0 && strcmp(origin, "hand") != 0)
			return be_yerr(e, name, be_ymap_get(t, "origin"),
			    "origin must be rule or hand");
		if ((cb == NULL) != (hash == NULL))
			return be_yerr(e, name, t, "a tag's codebook needs "
			    "both 'codebook' and 'codebook_hash'");
		if (m->n == m->cap) {
			m->cap = m->cap ? 2 * m->cap : 64;
			m->t = be_xrealloc(m->t, m->cap * sizeof *m->t);
		}
		mt = &m->t[m->n++];
		mt->cid = NULL;
		mt->theme = be_xstrdup(theme);
		mt->origin = be_xstrdup(origin);
		mt->present = !removed;
		mt->codebook = dup(cb);
		mt->hash = dup(hash);
		mt->rule = dup(rule);
		mt->matched = dup(matched);
		mt->who = dup(who);
		mt->at = be_xstrdup(at);
	}
	return 0;
}

int
be_merge_read(struct be_merge *m, const struct be_ynode *doc,
    const char *name, struct be_err *e)
{
	be_merge_claim(m, NULL);
	if (read_tags(m, doc, name, e) < 0) {
		be_merge_claim(m, NULL);
		return -1;
	}
	return 0;
}

static int
id_of(struct be_store *st, const char *sel, const char *ins, const char *a,
    const char *b, const char *now, long long *id, struct be_err *e)
{
	sqlite3_stmt *q;
	int rc;

	if ((q = be_store_stmt(st, sel, e)) == NULL)
		return -1;
	sqlite3_bind_text(q, 1, a, -1, SQLITE_STATIC);
	if (b)
		sqlite3_bind_text(q, 2, b, -1, SQLITE_STATIC);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(q, 0);
	sqlite3_reset(q);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE || (q = be_store_stmt(st, ins, e)) == NULL)
		return be_store_error(st, "cannot add a tag", e);
	sqlite3_bind_text(q, 1, a, -1, SQLITE_STATIC);
	if (b) {
		sqlite3_bind_text(q, 2, b, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 3, now, -1, SQLITE_STATIC);
	}
	rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return be_store_error(st, "cannot add a tag", e);
	*id = sqlite3_last_insert_rowid(be_store_db(st));
	return 0;
}

static const char q_ins[] = "INSERT OR IGNORE INTO story_tag (story_id, "
    "tag_id, origin, present, codebook_id, rule, matched, who, at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

static void
bind_or_null(sqlite3_stmt *q, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(q, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(q, i);
}

int
be_merge_apply(struct be_merge *m, struct be_store *st,
    unsigned long *added, struct be_err *e)
{
	sqlite3_stmt *q;
	long long sid, tid, cbid;
	char now[32];
	size_t i;
	int rc;

	*added = 0;
	be_now(now);
	for (i = 0; i < m->n; i++) {
		const struct mtag *t = &m->t[i];

		if ((rc = be_story_by_cid(st, t->cid, &sid, e)) < 0)
			return -1;
		if (rc == 0)
			continue;
		if (id_of(st, "SELECT id FROM tag WHERE name = ?1",
		    "INSERT INTO tag (name) VALUES (?1)", t->theme, NULL, now,
		    &tid, e) < 0)
			return -1;
		if (t->codebook && id_of(st, "SELECT id FROM codebook WHERE "
		    "name = ?1 AND hash = ?2", "INSERT INTO codebook (name, "
		    "hash, loaded) VALUES (?1, ?2, ?3)", t->codebook, t->hash,
		    now, &cbid, e) < 0)
			return -1;
		if ((q = be_store_stmt(st, q_ins, e)) == NULL)
			return -1;
		sqlite3_bind_int64(q, 1, sid);
		sqlite3_bind_int64(q, 2, tid);
		sqlite3_bind_text(q, 3, t->origin, -1, SQLITE_STATIC);
		sqlite3_bind_int(q, 4, t->present);
		if (t->codebook)
			sqlite3_bind_int64(q, 5, cbid);
		else
			sqlite3_bind_null(q, 5);
		bind_or_null(q, 6, t->rule);
		bind_or_null(q, 7, t->matched);
		bind_or_null(q, 8, t->who);
		sqlite3_bind_text(q, 9, t->at, -1, SQLITE_STATIC);
		rc = sqlite3_step(q);
		sqlite3_reset(q);
		if (rc != SQLITE_DONE)
			return be_store_error(st, "cannot add a tag", e);
		*added += (unsigned long)sqlite3_changes(be_store_db(st));
	}
	return 0;
}
