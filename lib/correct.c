/* correct.c: see correct.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "correct.h"
#include "date.h"
#include "editor.h"
#include "enc.h"
#include "forget.h"
#include "mem.h"
#include "redact.h"
#include "banned.h"

/* How often the marker of kind k stands in text. */
static unsigned
markers(const char *text, int k)
{
	const char *m = be_redact_marker(k), *p = text;
	unsigned n = 0;

	while ((p = strstr(p, m)) != NULL) {
		n++;
		p += strlen(m);
	}
	return n;
}

static const char sql_tomb[] =
"INSERT INTO tombstone (cid, rkey, successor, at) VALUES (?1, NULL, ?2, ?3)";
static const char sql_succ[] =
"UPDATE tombstone SET successor = ?2 WHERE successor = ?1";
static const char sql_hist[] =
"INSERT INTO story_history (story_id, what, who, at, old_cid, new_cid)"
"  VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

/* The tombstone of old (now new) and the history row.  0 or -1. */
static int
remember(struct be_store *st, long long id, const char *what,
    const char *who, const char *now, const char *old, const char *new,
    struct be_err *e)
{
	sqlite3_stmt *q;

	if ((q = be_store_stmt(st, sql_tomb, e)) == NULL)
		return -1;
	be_bind_text(q, 1, old);
	be_bind_text(q, 2, new);
	be_bind_text(q, 3, now);
	if (be_store_done(st, q, "cannot correct story", e) < 0)
		return -1;
	if ((q = be_store_stmt(st, sql_succ, e)) == NULL)
		return -1;
	be_bind_text(q, 1, old);
	be_bind_text(q, 2, new);
	if (be_store_done(st, q, "cannot correct story", e) < 0)
		return -1;
	if ((q = be_store_stmt(st, sql_hist, e)) == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	be_bind_text(q, 2, what);
	be_bind_text(q, 3, who);
	be_bind_text(q, 4, now);
	be_bind_text(q, 5, old);
	be_bind_text(q, 6, new);
	return be_store_done(st, q, "cannot correct story", e);
}

/* Checks text[0..len) and makes it NFC, trimmed, redacted, into red. */
static int
clean(long long id, const char *text, size_t len, struct be_buf *red,
    struct be_err *e)
{
	struct be_buf nfc = BE_BUF_INIT;
	const unsigned char *p = (const unsigned char *)text;
	unsigned long line = 1;
	size_t i;
	int more;

	if (be_utf8_valid(p, len, &more) != len)
		return be_err_set(e, "the new text of S-%lld is not valid "
		    "UTF-8; save it as UTF-8", id);
	for (i = 0; i < len; i++) {
		if (p[i] == '\n')
			line++;
		else if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\r') ||
		    p[i] == 0x7f)
			return be_err_set(e, "the new text of S-%lld has a "
			    "control character on line %lu; take it out", id,
			    line);
	}
	be_story_nfc(text, len, &nfc);
	be_redact(nfc.s ? nfc.s : "", nfc.len, red, NULL);
	be_buf_release(&nfc);
	if (red->len == 0)
		return be_err_set(e, "the new text of S-%lld is empty; to "
		    "remove a story use --forget", id);
	return 0;
}

static const char sql_get[] =
"SELECT cid, told, text FROM story WHERE id = ?1";
static const char sql_other[] =
"SELECT id FROM story WHERE ckey = ?1 AND cid = ?2 AND id <> ?3";
static const char sql_text[] =
"UPDATE story SET text = ?2, cid = ?3, ckey = ?4 WHERE id = ?1";
static const char sql_reds[] =
"SELECT kind, n FROM story_redaction WHERE story_id = ?1";
static const char sql_red_set[] =
"INSERT INTO story_redaction (story_id, kind, n) VALUES (?1, ?2, ?3)"
"  ON CONFLICT (story_id, kind) DO UPDATE SET n = excluded.n";
static const char sql_red_del[] =
"DELETE FROM story_redaction WHERE story_id = ?1 AND kind = ?2";

/*
 * The redaction counts of story id after its text went from old to new:
 * the markers of each kind in the old text are taken off the count, those
 * in the new text put on; what the attributes counted stays.
 */
static int
recount(struct be_store *st, long long id, const char *old, const char *new,
    struct be_err *e)
{
	sqlite3_stmt *q;
	long long n[BE_R_NKINDS];
	int k, rc;

	for (k = 0; k < BE_R_NKINDS; k++)
		n[k] = 0;
	if ((q = be_store_stmt(st, sql_reds, e)) == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW)
		for (k = 0; k < BE_R_NKINDS; k++)
			if (strcmp(be_col_text(q, 0), be_redact_name(k)) == 0)
				n[k] = sqlite3_column_int64(q, 1);
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return be_store_error(st, "cannot correct story", e);
	for (k = 0; k < BE_R_NKINDS; k++) {
		n[k] += (long long)markers(new, k) - (long long)markers(old, k);
		if ((q = be_store_stmt(st, n[k] > 0 ? sql_red_set : sql_red_del,
		    e)) == NULL)
			return -1;
		sqlite3_bind_int64(q, 1, id);
		be_bind_text(q, 2, be_redact_name(k));
		if (n[k] > 0)
			sqlite3_bind_int64(q, 3, n[k]);
		if (be_store_done(st, q, "cannot correct story", e) < 0)
			return -1;
	}
	return 0;
}

int
be_correct_text(struct be_store *st, long long id, const char *text,
    size_t len, const char *who, struct be_err *e)
{
	struct be_buf red = BE_BUF_INIT;
	sqlite3_stmt *q;
	char cid[BE_CID_LEN + 1], now[32], *old = NULL, *told = NULL,
	    *otext = NULL;
	int rc;

	if (clean(id, text, len, &red, e) < 0) {
		be_buf_release(&red);
		return -1;
	}
	if (be_store_begin(st, e) < 0) {
		be_buf_release(&red);
		return -1;
	}
	rc = -1;
	if ((q = be_store_stmt(st, sql_get, e)) == NULL)
		goto out;
	sqlite3_bind_int64(q, 1, id);
	if (sqlite3_step(q) != SQLITE_ROW) {
		sqlite3_reset(q);
		be_err_set(e, "no story S-%lld", id);
		goto out;
	}
	old = be_col_dup(q, 0);
	told = be_col_dup(q, 1);
	otext = be_col_dup(q, 2);
	sqlite3_reset(q);
	be_story_cid_nfc(red.s, red.len, told, cid);
	if (strcmp(cid, old) == 0) {
		rc = 0;
		goto out;
	}
	if ((q = be_store_stmt(st, sql_other, e)) == NULL)
		goto out;
	sqlite3_bind_int64(q, 1, be_story_ckey(cid));
	be_bind_text(q, 2, cid);
	sqlite3_bind_int64(q, 3, id);
	if (sqlite3_step(q) == SQLITE_ROW) {
		be_err_set(e, "the new text of S-%lld is that of S-%lld "
		    "already; forget one of them", id,
		    sqlite3_column_int64(q, 0));
		sqlite3_reset(q);
		goto out;
	}
	sqlite3_reset(q);
	if ((q = be_store_stmt(st, sql_text, e)) == NULL)
		goto out;
	sqlite3_bind_int64(q, 1, id);
	sqlite3_bind_text(q, 2, red.s, (int)red.len, SQLITE_STATIC);
	be_bind_text(q, 3, cid);
	sqlite3_bind_int64(q, 4, be_story_ckey(cid));
	if (be_store_done(st, q, "cannot correct story", e) < 0 ||
	    recount(st, id, otext, red.s, e) < 0 ||
	    remember(st, id, "correctie", who, be_now(now), old, cid, e) < 0)
		goto out;
	rc = 1;
out:
	if (rc < 0)
		be_store_rollback(st);
	else if (rc == 0)
		be_store_rollback(st);
	else if (be_store_commit(st, e) < 0)
		rc = -1;
	/* The old text, with the name it may have held, goes too. */
	if (rc > 0 && be_forget_scrub(st, e) < 0)
		rc = -1;
	free(old);
	free(told);
	if (otext)
		memset(otext, 0, strlen(otext));
	free(otext);
	be_buf_release(&red);
	return rc;
}

int
be_correct_file(struct be_store *st, long long id, FILE *fp,
    const char *name, const char *who, struct be_err *e)
{
	struct be_buf b = BE_BUF_INIT;
	int rc;

	if (be_buf_fread(&b, fp) < 0)
		rc = be_err_at(e, name, 0, 0, "cannot read: %s",
		    strerror(errno));
	else
		rc = be_correct_text(st, id, b.s, b.len, who, e);
	if (b.s)
		memset(b.s, 0, b.len);
	be_buf_release(&b);
	return rc;
}

int
be_correct_by_hand(struct be_store *st, long long id, struct be_err *e)
{
	static const char sql[] =
	    "SELECT EXISTS (SELECT 1 FROM story_history WHERE story_id = ?1"
	    "  AND what = 'correctie')";
	sqlite3_stmt *q;
	int v;

	if ((q = be_store_stmt(st, sql, e)) == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	if (sqlite3_step(q) != SQLITE_ROW) {
		sqlite3_reset(q);
		return be_store_error(st, "cannot read story history", e);
	}
	v = sqlite3_column_int(q, 0);
	sqlite3_reset(q);
	return v;
}

int
be_correct_update(struct be_store *st, long long id,
    const struct be_story *s, const char *now, struct be_err *e)
{
	struct be_story t = *s;
	sqlite3_stmt *q;
	char *old;
	int rc;

	if ((q = be_store_stmt(st, sql_get, e)) == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	if (sqlite3_step(q) != SQLITE_ROW) {
		sqlite3_reset(q);
		return be_err_set(e, "no story S-%lld", id);
	}
	old = be_col_dup(q, 0);
	sqlite3_reset(q);
	/* t is a view of s: be_story_replace fills in nothing (s->cid is
	 * set), so nothing of t is to be freed. */
	rc = be_story_replace(st, id, &t, e) < 0 ||
	    remember(st, id, "formulier", NULL, now, old, s->cid, e) < 0 ?
	    -1 : 0;
	free(old);
	return rc;
}

int
be_correct_edit(struct be_store *st, long long id, const char *editor,
    const char *who, char **kept, struct be_err *e)
{
	static const char sql[] = "SELECT text FROM story WHERE id = ?1";
	struct be_buf name = BE_BUF_INIT, before = BE_BUF_INIT,
	    after = BE_BUF_INIT;
	sqlite3_stmt *q;
	char *path;
	int rc;

	*kept = NULL;
	if ((q = be_store_stmt(st, sql, e)) == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	if (sqlite3_step(q) != SQLITE_ROW) {
		sqlite3_reset(q);
		return be_err_set(e, "no story S-%lld", id);
	}
	be_buf_adds(&before, be_col_text(q, 0));
	be_buf_addc(&before, '\n');
	sqlite3_reset(q);
	be_buf_addf(&name, "be-collect-S-%lld", id);
	rc = be_editor_edit(editor, name.s, ".txt", before.s, before.len,
	    &after, &path, e);
	if (rc > 0)
		rc = be_correct_text(st, id, after.s, after.len, who, e);
	if (path && rc < 0)
		*kept = path;
	else if (path) {
		unlink(path);
		free(path);
	}
	/* The story's text, before and after, is not left in freed memory. */
	memset(before.s, 0, before.len);
	if (after.s)
		memset(after.s, 0, after.len);
	be_buf_release(&name);
	be_buf_release(&before);
	be_buf_release(&after);
	return rc;
}
