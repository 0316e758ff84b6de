/* forget.c: see forget.h. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "forget.h"
#include "mem.h"
#include "point.h"
#include "story.h"
#include "ydoc.h"
#include "banned.h"

/* Runs sql (a literal) with id bound to ?1, no rows back.  0 or -1. */
static int
exec_id(struct be_store *st, const char *sql, long long id, struct be_err *e)
{
	sqlite3_stmt *q;

	if ((q = be_store_stmt(st, sql, e)) == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	return be_store_done(st, q, "cannot forget story", e);
}

int
be_forget_one(struct be_store *st, long long id, const char *now,
    struct be_err *e)
{
	static const char sql_get[] =
	    "SELECT cid, rkey, text FROM story WHERE id = ?1";
	static const char sql_tomb[] =
	    "INSERT INTO tombstone (cid, rkey, successor, at)"
	    "  VALUES (?1, ?2, NULL, ?3)";
	/* A correction of it points to nothing now: forgotten too. */
	static const char sql_succ[] =
	    "UPDATE tombstone SET successor = NULL WHERE successor = ?1";
	static const char sql_fts[] =
	    "INSERT INTO story_fts (story_fts, rowid, text)"
	    "  VALUES ('delete', ?1, ?2)";
	/* Explicit, not by cascade: an intake's unit has foreign keys off. */
	static const char *const sql_del[] = {
	    "UPDATE point_story SET story_id = NULL, quote = '"
		BE_POINT_FORGOTTEN "' WHERE story_id = ?1",
	    "DELETE FROM story_attr WHERE story_id = ?1",
	    "DELETE FROM story_redaction WHERE story_id = ?1",
	    "DELETE FROM story_tag WHERE story_id = ?1",
	    "DELETE FROM story_history WHERE story_id = ?1",
	    "DELETE FROM person WHERE story_id = ?1",
	    "DELETE FROM story WHERE id = ?1",
	};
	static const char sql_floor[] =
	    "INSERT INTO meta (key, value) VALUES ('story_floor', ?1)"
	    "  ON CONFLICT (key) DO UPDATE SET value = excluded.value"
	    "  WHERE CAST(value AS INTEGER) < CAST(excluded.value AS INTEGER)";
	sqlite3_stmt *q;
	char *cid, *rkey, *text, num[24];
	size_t i;
	int rc;

	if ((q = be_store_stmt(st, sql_get, e)) == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	if ((rc = sqlite3_step(q)) != SQLITE_ROW) {
		sqlite3_reset(q);
		if (rc == SQLITE_DONE)
			return be_err_set(e, "no story S-%lld", id);
		return be_store_error(st, "cannot forget story", e);
	}
	cid = be_col_dup(q, 0);
	rkey = be_col_dup(q, 1);
	text = be_col_dup(q, 2);
	sqlite3_reset(q);
	rc = -1;
	if ((q = be_store_stmt(st, sql_tomb, e)) == NULL)
		goto out;
	be_bind_text(q, 1, cid);
	be_bind_text(q, 2, rkey);
	be_bind_text(q, 3, now);
	if (be_store_done(st, q, "cannot forget story", e) < 0)
		goto out;
	if ((q = be_store_stmt(st, sql_succ, e)) == NULL)
		goto out;
	be_bind_text(q, 1, cid);
	if (be_store_done(st, q, "cannot forget story", e) < 0)
		goto out;
	/* With triggers on, story_ad does this (unless the index is stale,
	 * and then be_forget_scrub rebuilds it). */
	if (!be_store_triggers_on(st) && !be_store_fts_stale(st)) {
		if ((q = be_store_stmt(st, sql_fts, e)) == NULL)
			goto out;
		sqlite3_bind_int64(q, 1, id);
		be_bind_text(q, 2, text);
		if (be_store_done(st, q, "cannot forget story", e) < 0)
			goto out;
	}
	for (i = 0; i < sizeof sql_del / sizeof sql_del[0]; i++)
		if (exec_id(st, sql_del[i], id, e) < 0)
			goto out;
	if ((q = be_store_stmt(st, sql_floor, e)) == NULL)
		goto out;
	snprintf(num, sizeof num, "%lld", id);
	be_bind_text(q, 1, num);
	if (be_store_done(st, q, "cannot forget story", e) < 0)
		goto out;
	rc = 0;
out:
	free(cid);
	free(rkey);
	if (text)
		memset(text, 0, strlen(text));
	free(text);
	return rc;
}

int
be_forget_scrub(struct be_store *st, struct be_err *e)
{
	sqlite3_stmt *q;
	int busy;

	if (be_store_search_ready(st, 1, e) < 0)
		return -1;
	if (be_store_begin(st, e) < 0)
		return -1;
	if (be_store_exec(st, "INSERT INTO story_fts (story_fts)"
	    "  VALUES ('optimize')", e) < 0) {
		be_store_rollback(st);
		return -1;
	}
	if (be_store_commit(st, e) < 0)
		return -1;
	if (sqlite3_prepare_v2(be_store_db(st),
	    "PRAGMA wal_checkpoint(TRUNCATE)", -1, &q, NULL) != SQLITE_OK)
		return be_store_error(st, "cannot empty the log", e);
	if (sqlite3_step(q) != SQLITE_ROW) {
		sqlite3_finalize(q);
		return be_store_error(st, "cannot empty the log", e);
	}
	busy = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	return busy ? 1 : 0;
}

int
be_forget_stories(struct be_store *st, const long long *ids, size_t n,
    struct be_err *e)
{
	char now[32];
	size_t i, j;

	be_now(now);
	if (be_store_begin(st, e) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		for (j = 0; j < i && ids[j] != ids[i]; j++)
			;
		if (j < i)
			continue;
		if (be_forget_one(st, ids[i], now, e) < 0) {
			be_store_rollback(st);
			return -1;
		}
	}
	if (be_store_commit(st, e) < 0)
		return -1;
	return be_forget_scrub(st, e);
}

long long
be_forget_next_id(struct be_store *st)
{
	static const char sql[] =
	    "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'story_floor'"
	    "  AND CAST(value AS INTEGER) >= coalesce((SELECT max(id)"
	    "  FROM story), 0)";
	struct be_err e;
	sqlite3_stmt *q;
	long long v = 0;

	be_err_init(&e);
	if ((q = be_store_stmt(st, sql, &e)) == NULL)
		return 0;
	if (sqlite3_step(q) == SQLITE_ROW)
		v = sqlite3_column_int64(q, 0) + 1;
	sqlite3_reset(q);
	return v;
}

int
be_forget_any(struct be_store *st)
{
	return be_store_int(st, "SELECT EXISTS (SELECT 1 FROM tombstone)");
}

int
be_forget_tombstone(struct be_store *st, const char *cid, const char *rkey,
    struct be_err *e)
{
	static const char sql[] =
	    "SELECT min(successor IS NOT NULL) FROM tombstone"
	    "  WHERE cid = ?1 OR (?2 IS NOT NULL AND rkey = ?2"
	    "    AND successor IS NULL)";
	sqlite3_stmt *q;
	int rc, v = BE_TOMB_NONE;

	if ((q = be_store_stmt(st, sql, e)) == NULL)
		return -1;
	sqlite3_bind_text(q, 1, cid, -1, SQLITE_STATIC);
	if (rkey)
		sqlite3_bind_text(q, 2, rkey, -1, SQLITE_STATIC);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL)
		v = sqlite3_column_int(q, 0) ? BE_TOMB_CORRECTED :
		    BE_TOMB_FORGOTTEN;
	sqlite3_reset(q);
	if (rc != SQLITE_ROW)
		return be_store_error(st, "cannot read tombstones", e);
	return v;
}

int
be_forget_take(struct be_store *st, const char *cid, const char *rkey,
    const char *successor, const char *at, unsigned long *n,
    struct be_err *e)
{
	static const char sql_have[] =
	    "SELECT 1 FROM tombstone WHERE cid = ?1 AND rkey IS ?2"
	    "  AND successor IS ?3";
	static const char sql_add[] =
	    "INSERT INTO tombstone (cid, rkey, successor, at)"
	    "  VALUES (?1, ?2, ?3, ?4)";
	static const char sql_which[] =
	    "SELECT id FROM story WHERE cid = ?1"
	    "  OR (?3 IS NULL AND ?2 IS NOT NULL AND rkey = ?2) ORDER BY id";
	sqlite3_stmt *q;
	long long *ids = NULL;
	size_t nids = 0, i;
	int rc, have;

	*n = 0;
	if ((q = be_store_stmt(st, sql_have, e)) == NULL)
		return -1;
	be_bind_text(q, 1, cid);
	be_bind_text(q, 2, rkey);
	be_bind_text(q, 3, successor);
	rc = sqlite3_step(q);
	have = rc == SQLITE_ROW;
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return be_store_error(st, "cannot read tombstones", e);
	if ((q = be_store_stmt(st, sql_which, e)) == NULL)
		return -1;
	be_bind_text(q, 1, cid);
	be_bind_text(q, 2, rkey);
	be_bind_text(q, 3, successor);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		BE_RESIZE(ids, nids + 1);
		ids[nids++] = sqlite3_column_int64(q, 0);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE) {
		free(ids);
		return be_store_error(st, "cannot read stories", e);
	}
	for (i = 0; i < nids; i++)
		if (be_forget_one(st, ids[i], at, e) < 0) {
			free(ids);
			return -1;
		}
	free(ids);
	*n = nids;
	/* be_forget_one left a tombstone of its own for each. */
	if (have || nids > 0)
		return 0;
	if ((q = be_store_stmt(st, sql_add, e)) == NULL)
		return -1;
	be_bind_text(q, 1, cid);
	be_bind_text(q, 2, rkey);
	be_bind_text(q, 3, successor);
	be_bind_text(q, 4, at);
	return be_store_done(st, q, "cannot keep tombstone", e);
}

int
be_forget_yaml(struct be_store *st, FILE *fp, struct be_err *e)
{
	static const char sql[] =
	    "SELECT cid, rkey, successor, at FROM tombstone ORDER BY id";
	sqlite3_stmt *q;
	int rc;

	if ((q = be_store_stmt(st, sql, e)) == NULL)
		return -1;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		be_yemit_doc(fp, "tombstone");
		be_yemit_str(fp, 0, "cid", be_col_text(q, 0));
		if (sqlite3_column_type(q, 1) != SQLITE_NULL)
			be_yemit_str(fp, 0, "response", be_col_text(q, 1));
		if (sqlite3_column_type(q, 2) != SQLITE_NULL)
			be_yemit_str(fp, 0, "successor", be_col_text(q, 2));
		be_yemit_str(fp, 0, "at", be_col_text(q, 3));
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return be_store_error(st, "cannot read tombstones", e);
	return 0;
}

char *
be_forget_addr(const char *addr)
{
	struct be_buf b = BE_BUF_INIT;
	const char *p, *end;
	size_t digits = 0;

	while (*addr == ' ' || *addr == '\t')
		addr++;
	end = addr + strlen(addr);
	while (end > addr && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (memchr(addr, '@', (size_t)(end - addr))) {
		be_buf_adds(&b, "mail:");
		for (p = addr; p < end; p++)
			be_buf_addc(&b, (char)tolower((unsigned char)*p));
		return be_buf_detach(&b);
	}
	be_buf_adds(&b, "tel:");
	p = addr;
	if (*p == '+')
		p++;
	else if (strncmp(p, "00", 2) == 0)
		p += 2;
	if (p != addr && strncmp(p, "31", 2) == 0) {
		be_buf_addc(&b, '0');
		p += 2;
	} else if (p != addr) {
		be_buf_adds(&b, "+");
	}
	for (; p < end; p++) {
		if (isdigit((unsigned char)*p)) {
			be_buf_addc(&b, *p);
			digits++;
		} else if (*p == '(' && strncmp(p, "(0)", 3) == 0 &&
		    b.len == 5 && b.s[4] == '0')
			p += 2;		/* +31 (0)6 ...: the 0 once */
		else if (!strchr(" -./()", *p))
			break;
	}
	if (p < end || digits < 6) {
		be_buf_release(&b);
		return NULL;
	}
	return be_buf_detach(&b);
}

/* 1 when one of the values in v (joined by ", ") normalises to want. */
static int
holds(const char *v, const char *want)
{
	const char *p = v, *comma;
	char *one, *norm;
	int found = 0;

	while (!found && *p) {
		comma = strstr(p, ", ");
		one = be_xstrndup(p, comma ? (size_t)(comma - p) : strlen(p));
		if ((norm = be_forget_addr(one)) != NULL)
			found = strcmp(norm, want) == 0;
		free(norm);
		free(one);
		p = comma ? comma + 2 : p + strlen(p);
	}
	return found;
}

int
be_forget_person_find(struct be_store *st, const char *addr,
    long long **ids, size_t *n, struct be_err *e)
{
	static const char sql[] =
	    "SELECT story_id, email, phone FROM person ORDER BY story_id";
	sqlite3_stmt *q;
	char *want;
	int rc, mail;

	*ids = NULL;
	*n = 0;
	if ((want = be_forget_addr(addr)) == NULL)
		return be_err_set(e, "'%s' is neither an e-mail address nor a "
		    "phone number", addr);
	mail = strncmp(want, "mail:", 5) == 0;
	if ((q = be_store_stmt(st, sql, e)) == NULL) {
		free(want);
		return -1;
	}
	while ((rc = sqlite3_step(q)) == SQLITE_ROW)
		if (holds(be_col_text(q, mail ? 1 : 2), want)) {
			BE_RESIZE(*ids, *n + 1);
			(*ids)[(*n)++] = sqlite3_column_int64(q, 0);
		}
	sqlite3_reset(q);
	free(want);
	if (rc != SQLITE_DONE) {
		free(*ids);
		*ids = NULL;
		*n = 0;
		return be_store_error(st, "cannot read contact data", e);
	}
	return 0;
}

int
be_forget_person_copy(struct be_store *st, FILE *fp, const char *addr,
    const long long *ids, size_t n, struct be_err *e)
{
	static const char sql[] =
	    "SELECT name, email, phone, address FROM person WHERE story_id = ?1";
	static const char *const keys[] = { "name", "email", "phone",
	    "address" };
	struct be_story s;
	sqlite3_stmt *q;
	char ref[32];
	size_t i;
	int k;

	be_yemit_doc(fp, "person");
	be_yemit_str(fp, 0, "request", addr);
	be_yemit_key(fp, 0, "stories");
	for (i = 0; i < n; i++) {
		if ((q = be_store_stmt(st, sql, e)) == NULL)
			return -1;
		sqlite3_bind_int64(q, 1, ids[i]);
		if (sqlite3_step(q) != SQLITE_ROW) {
			sqlite3_reset(q);
			return be_store_error(st, "cannot read contact data", e);
		}
		snprintf(ref, sizeof ref, "S-%lld", ids[i]);
		be_yemit_str(fp, 2 | BE_YDASH, "ref", ref);
		for (k = 0; k < 4; k++)
			if (sqlite3_column_type(q, k) != SQLITE_NULL)
				be_yemit_str(fp, 2, keys[k], be_col_text(q, k));
		sqlite3_reset(q);
	}
	for (i = 0; i < n; i++) {
		be_story_init(&s);
		if (be_story_get(st, ids[i], &s, e) < 0) {
			be_story_release(&s);
			return -1;
		}
		be_story_yaml(fp, &s);
		be_story_release(&s);
	}
	return 0;
}

int
be_forget_purge(struct be_store *st, const struct be_purge *p,
    unsigned long *n, struct be_err *e)
{
	static const char sql[] =
	    "DELETE FROM person WHERE story_id IN (SELECT s.id FROM story s"
	    "  WHERE (?1 IS NULL OR s.added < ?1)"
	    "  AND (?2 = 0 OR (EXISTS (SELECT 1 FROM point_story ps"
	    "      WHERE ps.story_id = s.id)"
	    "    AND NOT EXISTS (SELECT 1 FROM point_story ps"
	    "      JOIN point pt ON pt.id = ps.point_id"
	    "      WHERE ps.story_id = s.id AND pt.state <> 'teruggekoppeld'))))";
	sqlite3_stmt *q;

	*n = 0;
	if (be_store_begin(st, e) < 0)
		return -1;
	if ((q = be_store_stmt(st, sql, e)) == NULL)
		goto fail;
	be_bind_text(q, 1, p ? p->before : NULL);
	sqlite3_bind_int(q, 2, p ? p->reported : 0);
	if (be_store_done(st, q, "cannot purge", e) < 0)
		goto fail;
	*n = (unsigned long)sqlite3_changes(be_store_db(st));
	if (be_store_commit(st, e) < 0)
		return -1;
	return be_forget_scrub(st, e) < 0 ? -1 : 0;
fail:
	be_store_rollback(st);
	return -1;
}
