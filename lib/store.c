/* store.c: see store.h. */
#define _GNU_SOURCE	/* sync_file_range */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "date.h"
#include "mem.h"
#include "point.h"
#include "progress.h"
#include "store.h"
#include "story.h"
#include "banned.h"

#define NCACHE 64
/* The page cache, in KiB: a large unit has twice as much. */
#define CACHE_KB 16384
#define SORT_KB 8192	/* page cache during a sort: be_store_sort */

struct be_store {
	sqlite3 *db;
	char *path;
	struct {
		const char *sql;
		sqlite3_stmt *stmt;
	} cache[NCACHE];
	int ncache;
	int busy_ms;		/* the busy timeout */
	int wbfd;		/* be_store_writeback's descriptor, or -1 */
	int damaged;		/* SQLite found the file damaged */
};

/*
 * Schema version 1, in blocks by area.  Each migration step brings the
 * store from version i to i+1 and runs in one transaction.
 */

/* Stories and where they came from. */
static const char schema_story[] =
"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
"CREATE TABLE source ("
"  id INTEGER PRIMARY KEY,"
"  path TEXT NOT NULL,"
"  hash TEXT NOT NULL,"			/* of the file's bytes */
"  format TEXT NOT NULL,"		/* csv, yaml, records */
"  encoding TEXT,"
"  delimiter TEXT,"
"  rows_read INTEGER NOT NULL DEFAULT 0,"
"  rows_new INTEGER NOT NULL DEFAULT 0,"
"  rows_dup INTEGER NOT NULL DEFAULT 0,"
"  rows_refused INTEGER NOT NULL DEFAULT 0,"
"  at TEXT NOT NULL);"
"CREATE TABLE story ("
"  id INTEGER PRIMARY KEY,"		/* ref S-<id> */
"  cid TEXT NOT NULL,"			/* content id */
"  ckey INTEGER,"			/* its first 8 bytes, signed */
"  told TEXT,"				/* YYYY-MM-DD[THH:MM:SS] */
"  channel TEXT,"
"  gemeente TEXT,"
"  text TEXT NOT NULL,"			/* redacted, NFC */
"  consent INTEGER CHECK (consent IN (0, 1)),"
"  route TEXT,"				/* belongs elsewhere: stays out of points */
"  source_id INTEGER REFERENCES source(id),"
"  source_row INTEGER,"
"  added TEXT NOT NULL);"
"CREATE INDEX story_ckey ON story(ckey);"
"CREATE INDEX story_told ON story(told);"
"CREATE TABLE story_attr ("
"  story_id INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,"
"  key TEXT NOT NULL,"
"  value TEXT NOT NULL,"
"  PRIMARY KEY (story_id, key)) WITHOUT ROWID;"
"CREATE INDEX story_attr_kv ON story_attr(key, value);"
"CREATE TABLE story_redaction ("
"  story_id INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,"
"  kind TEXT NOT NULL,"			/* BSN, IBAN, TELEFOON, ... */
"  n INTEGER NOT NULL,"
"  PRIMARY KEY (story_id, kind)) WITHOUT ROWID;"
"CREATE TABLE person ("			/* only with consent; purgeable */
"  story_id INTEGER PRIMARY KEY REFERENCES story(id) ON DELETE CASCADE,"
"  name TEXT, email TEXT, phone TEXT, address TEXT);"
"CREATE VIRTUAL TABLE story_fts USING fts5(text, content='story',"
"  content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
/* The index follows the stories unless an intake asked to skip it
 * (meta fts_stale); be_store_search_ready then rebuilds it. */
"CREATE TRIGGER story_ai AFTER INSERT ON story"
"  WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'fts_stale') BEGIN"
"  INSERT INTO story_fts(rowid, text) VALUES (new.id, new.text); END;"
"CREATE TRIGGER story_ad AFTER DELETE ON story"
"  WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'fts_stale') BEGIN"
"  INSERT INTO story_fts(story_fts, rowid, text)"
"    VALUES ('delete', old.id, old.text); END;"
"CREATE TRIGGER story_au AFTER UPDATE OF text ON story"
"  WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'fts_stale') BEGIN"
"  INSERT INTO story_fts(story_fts, rowid, text)"
"    VALUES ('delete', old.id, old.text);"
"  INSERT INTO story_fts(rowid, text) VALUES (new.id, new.text); END;";

/* The codebook's themes and which story has which. */
static const char schema_tag[] =
"CREATE TABLE codebook ("
"  id INTEGER PRIMARY KEY,"
"  name TEXT NOT NULL,"
"  version TEXT,"
"  hash TEXT NOT NULL,"			/* of the codebook's bytes */
"  path TEXT,"
"  loaded TEXT NOT NULL,"
"  UNIQUE (name, hash));"
"CREATE TABLE tag ("
"  id INTEGER PRIMARY KEY,"
"  name TEXT NOT NULL UNIQUE,"
"  parent_id INTEGER REFERENCES tag(id),"
"  description TEXT,"
"  colour TEXT,"
"  codebook_id INTEGER REFERENCES codebook(id));"
"CREATE TABLE story_tag ("
"  story_id INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,"
"  tag_id INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,"
"  origin TEXT NOT NULL CHECK (origin IN ('rule', 'hand')),"
"  present INTEGER NOT NULL DEFAULT 1,"	/* 0: taken off by hand */
"  codebook_id INTEGER REFERENCES codebook(id),"
"  rule TEXT,"
"  matched TEXT,"
"  who TEXT,"
"  at TEXT NOT NULL,"
"  PRIMARY KEY (story_id, tag_id)) WITHOUT ROWID;"
"CREATE INDEX story_tag_tag ON story_tag(tag_id);";

/* Points (inbrengpunten), their stories and their history. */
static const char schema_point[] =
"CREATE TABLE point ("
"  id INTEGER PRIMARY KEY,"		/* ref P-<id> */
"  title TEXT NOT NULL,"
"  theme TEXT,"
"  vraag TEXT,"
"  advies TEXT CHECK (advies IN ('gevraagd', 'ongevraagd')),"
"  owner TEXT,"				/* the koppel: one name a line */
"  q_richting TEXT,"			/* Waar gaan we naartoe? */
"  q_macht TEXT,"			/* Wie wint en wie verliest ...? */
"  q_wenselijk TEXT,"			/* Is dat wenselijk? */
"  q_doen TEXT,"			/* Wat moeten we eraan doen? */
"  state TEXT NOT NULL DEFAULT 'concept' CHECK (state IN ('concept',"
"    'gereed', 'geagendeerd', 'ingebracht', 'beantwoord',"
"    'teruggekoppeld', 'vervallen')),"
"  answer TEXT CHECK (answer IN ('overgenomen', 'deels', 'afgewezen')),"
"  answer_text TEXT,"
"  answer_date TEXT,"
"  created TEXT NOT NULL,"
"  updated TEXT NOT NULL);"
"CREATE TABLE point_value ("
"  point_id INTEGER NOT NULL REFERENCES point(id) ON DELETE CASCADE,"
"  pos INTEGER NOT NULL,"
"  value TEXT NOT NULL,"
"  PRIMARY KEY (point_id, pos)) WITHOUT ROWID;"
"CREATE TABLE point_story ("
"  point_id INTEGER NOT NULL REFERENCES point(id) ON DELETE CASCADE,"
"  story_id INTEGER NOT NULL REFERENCES story(id),"
"  pos INTEGER NOT NULL,"
"  quote TEXT,"
"  PRIMARY KEY (point_id, story_id)) WITHOUT ROWID;"
"CREATE INDEX point_story_story ON point_story(story_id);"
"CREATE TABLE point_state ("		/* the history, one row a move */
"  id INTEGER PRIMARY KEY,"
"  point_id INTEGER NOT NULL REFERENCES point(id) ON DELETE CASCADE,"
"  state TEXT NOT NULL,"
"  at TEXT NOT NULL,"			/* YYYY-MM-DD of the move */
"  meeting_id INTEGER,"
"  note TEXT);";

/* Meetings, their agenda items, outcomes and actions. */
static const char schema_meeting[] =
"CREATE TABLE meeting ("
"  id INTEGER PRIMARY KEY,"		/* ref M-<id> */
"  body TEXT,"
"  title TEXT,"
"  date TEXT NOT NULL,"			/* YYYY-MM-DD */
"  start TEXT,"				/* HH:MM */
"  place TEXT,"
"  chair TEXT,"
"  doc TEXT NOT NULL,"			/* the meeting document as recorded */
"  recorded TEXT NOT NULL);"
"CREATE TABLE agenda_item ("
"  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,"
"  pos INTEGER NOT NULL,"
"  title TEXT NOT NULL,"
"  type TEXT,"				/* informatie, bespreking, besluitvorming */
"  minutes INTEGER,"
"  start TEXT,"
"  point_id INTEGER REFERENCES point(id),"
"  description TEXT,"
"  actions INTEGER NOT NULL DEFAULT 0,"	/* open actions listed here */
"  outcome TEXT,"
"  PRIMARY KEY (meeting_id, pos)) WITHOUT ROWID;"
"CREATE TABLE action ("
"  id INTEGER PRIMARY KEY,"
"  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,"
"  pos INTEGER,"
"  who TEXT,"
"  what TEXT NOT NULL,"
"  due TEXT,"				/* YYYY-MM-DD */
"  done TEXT);"				/* YYYY-MM-DD it was done */
"CREATE INDEX action_open ON action(done, meeting_id);";

static const char *const migration1[] = {
	schema_story, schema_tag, schema_point, schema_meeting, NULL
};

/*
 * Version 2: consent to use, apart from consent to be contacted.  Every
 * story of a store before it may be quoted (the council collected it for
 * that use), unless its attributes say otherwise (be_story_migrate_use).
 */
static const char schema_use[] =
"ALTER TABLE story ADD COLUMN use TEXT NOT NULL DEFAULT 'quote'"
"  CHECK (use IN ('quote', 'count'));";

static const char *const migration2[] = { schema_use, NULL };

/* Version 3 (issue 11): points get a global id, a UUID, so that merging
 * stores keeps one point; the step gives one to the points there are. */
static const char *const migration3[] = {
"ALTER TABLE point ADD COLUMN guid TEXT;",
"CREATE UNIQUE INDEX point_guid ON point(guid);",
NULL
};

/* Version 4: the signalenrapporten made (be-report), so that the next one
 * knows what is new since. */
static const char schema_report[] =
"CREATE TABLE report ("
"  id INTEGER PRIMARY KEY,"
"  made TEXT NOT NULL,"			/* YYYY-MM-DDTHH:MM:SSZ */
"  since TEXT NOT NULL,"		/* YYYY-MM-DD, inclusive */
"  until TEXT NOT NULL,"		/* YYYY-MM-DD, inclusive */
"  per TEXT NOT NULL CHECK (per IN ('maand', 'kwartaal')),"
"  stories INTEGER NOT NULL);";	/* told in the period */

static const char *const migration4[] = { schema_report, NULL };

/*
 * Version 5 (issue 10), routing after intake: per story whether it waits
 * to be routed or was routed, to whom, when, by whom, with a note, how
 * the teller was told and whether their contact data was passed on (only
 * with person.pass_on, their consent to pass it on).
 */
static const char schema_route[] =
"ALTER TABLE person ADD COLUMN pass_on INTEGER CHECK (pass_on IN (0, 1));"
"CREATE TABLE story_route ("
"  story_id INTEGER PRIMARY KEY REFERENCES story(id) ON DELETE CASCADE,"
"  state TEXT NOT NULL CHECK (state IN ('open', 'routed')),"
"  dest TEXT,"				/* to whom; NULL while open */
"  at TEXT NOT NULL,"			/* YYYY-MM-DD */
"  who TEXT,"
"  note TEXT,"
"  told TEXT,"				/* how the teller was told */
"  passed INTEGER NOT NULL DEFAULT 0 CHECK (passed IN (0, 1)));"
/* A recorded meeting's iCalendar SEQUENCE, and its kind. */
"ALTER TABLE meeting ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;"
"ALTER TABLE meeting ADD COLUMN soort TEXT NOT NULL DEFAULT 'overleg'"
"  CHECK (soort IN ('overleg', 'intern-beraad'));";

static const char *const migration_route[] = { schema_route, NULL };

/*
 * Version 6: forgetting and correcting a story (issue 9).
 *
 * A tombstone remembers, without any text, a story that was forgotten
 * (successor NULL) or the content id a story had before a correction
 * (successor: the content id it has now), so that an intake of the same
 * export does not bring it back.  rkey is the form's response key (the
 * response id of the row with the export's column layout, hashed), also
 * on the story, so that a row edited in the form tool updates its story.
 * story_history says who corrected a story's text, and when.  A point
 * keeps the place of a forgotten story: point_story.story_id becomes NULL
 * and its quote "verhaal verwijderd"; the table is made again for that
 * (a column of a primary key cannot be NULL).
 */
static const char schema_forget[] =
"CREATE TABLE tombstone ("
"  id INTEGER PRIMARY KEY,"
"  cid TEXT NOT NULL,"			/* the content id the story had */
"  rkey TEXT,"				/* its response key, or NULL */
"  successor TEXT,"			/* corrected: the cid it has now */
"  at TEXT NOT NULL);"
"CREATE INDEX tombstone_cid ON tombstone(cid);"
"CREATE INDEX tombstone_rkey ON tombstone(rkey) WHERE rkey IS NOT NULL;"
"CREATE INDEX tombstone_successor ON tombstone(successor)"
"  WHERE successor IS NOT NULL;"
"ALTER TABLE story ADD COLUMN rkey TEXT;"
"CREATE INDEX story_rkey ON story(rkey) WHERE rkey IS NOT NULL;"
"CREATE TABLE story_history ("
"  id INTEGER PRIMARY KEY,"
"  story_id INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,"
"  what TEXT NOT NULL CHECK (what IN ('correctie', 'formulier')),"
"  who TEXT,"
"  at TEXT NOT NULL,"
"  old_cid TEXT NOT NULL,"
"  new_cid TEXT NOT NULL);"
"CREATE INDEX story_history_story ON story_history(story_id);"
"CREATE TABLE point_story_v6 ("
"  point_id INTEGER NOT NULL REFERENCES point(id) ON DELETE CASCADE,"
"  story_id INTEGER REFERENCES story(id) ON DELETE SET NULL,"
"  pos INTEGER NOT NULL,"
"  quote TEXT,"
"  PRIMARY KEY (point_id, pos)) WITHOUT ROWID;"
"INSERT INTO point_story_v6 (point_id, story_id, pos, quote)"
"  SELECT point_id, story_id, pos, quote FROM point_story;"
"DROP TABLE point_story;"
"ALTER TABLE point_story_v6 RENAME TO point_story;"
"CREATE UNIQUE INDEX point_story_one ON point_story(point_id, story_id);"
"CREATE INDEX point_story_story ON point_story(story_id);";

static const char *const migration6[] = { schema_forget, NULL };

/*
 * migrations[i] brings a store from version i to i + 1: its SQL, then its
 * step in C (NULL when there is none), in the one transaction.  A step
 * that needs another module (redaction, content ids) is that module's
 * function, declared in its header.
 */
static const struct migration {
	const char *const *sql;
	int (*step)(struct be_store *, struct be_err *);
} migrations[BE_STORE_VERSION] = {
	{ migration1, NULL },
	{ migration2, be_story_migrate_use },
	{ migration3, be_point_give_guids },
	{ migration4, NULL },
	{ migration_route, NULL },
	{ migration6, NULL },
};

sqlite3 *
be_store_db(struct be_store *st)
{
	return st->db;
}

const char *
be_store_name(const struct be_store *st)
{
	return st->path;
}

static int
damaged(const struct be_store *st, const char *what, struct be_err *e)
{
	return be_err_at(e, st->path, 0, 0, "%s: the store is damaged; "
	    "restore a copy, or save what is left with 'sqlite3 %s .recover'",
	    what, st->path);
}

int
be_store_damaged(const struct be_store *st)
{
	return st->damaged;
}

int
be_store_check(struct be_store *st, unsigned long *nproblems,
    struct be_err *e)
{
	sqlite3_stmt *q;
	int rc;

	*nproblems = 0;
	if (sqlite3_prepare_v2(st->db, "PRAGMA quick_check", -1, &q, NULL) !=
	    SQLITE_OK)
		return be_store_error(st, "cannot check the store", e);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW)
		if (strcmp(be_col_text(q, 0), "ok") != 0)
			(*nproblems)++;
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE) {
		*nproblems = 0;
		return be_store_error(st, "cannot check the store", e);
	}
	if (*nproblems) {
		st->damaged = 1;
		return damaged(st, be_err_tr(N_("check")), e);
	}
	return 0;
}

int
be_store_error(struct be_store *st, const char *what, struct be_err *e)
{
	int code = sqlite3_extended_errcode(st->db);
	int sys = sqlite3_system_errno(st->db);

	struct rlimit rl;

	what = be_err_tr(what);

	if ((code & 0xff) == SQLITE_IOERR && (sys == EFBIG ||
	    (getrlimit(RLIMIT_FSIZE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)))
		return be_err_at(e, st->path, 0, 0,
		    "%s: file size limit reached (ulimit -f); raise it and "
		    "run again", what);
	if ((code & 0xff) == SQLITE_FULL ||
	    ((code & 0xff) == SQLITE_IOERR && (sys == ENOSPC || sys == EDQUOT)))
		return be_err_at(e, st->path, 0, 0,
		    "%s: disk full; free some space and run again", what);
	if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
		return be_err_at(e, st->path, 0, 0,
		    "%s: store is locked by another program; try again later",
		    what);
	if ((code & 0xff) == SQLITE_READONLY)
		return be_err_at(e, st->path, 0, 0,
		    "%s: store is read-only; check its permissions", what);
	if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB) {
		/* Nothing more is written into it (be_store_begin). */
		st->damaged = 1;
		be_store_rollback(st);
		return damaged(st, what, e);
	}
	if ((code & 0xff) == SQLITE_IOERR)
		return be_err_at(e, st->path, 0, 0,
		    "%s: input/output error (%s); check the disk", what,
		    sqlite3_errmsg(st->db));
	return be_err_at(e, st->path, 0, 0, "%s: %s", what,
	    sqlite3_errmsg(st->db));
}

int
be_store_exec(struct be_store *st, const char *sql, struct be_err *e)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return be_store_error(st, "store", e);
	return 0;
}

int
be_store_backup(struct be_store *st, const char *path, struct be_err *e)
{
	struct be_buf tmp = BE_BUF_INIT;
	sqlite3_stmt *q;
	int fd, rc;

	be_buf_addf(&tmp, "%s.XXXXXX", path);
	if ((fd = mkstemp(tmp.s)) < 0) {
		rc = be_err_at(e, path, 0, 0, "cannot write backup: %s",
		    strerror(errno));
		be_buf_release(&tmp);
		return rc;
	}
	/* mkstemp makes it 0600 and empty, as VACUUM INTO wants it. */
	close(fd);
	if (sqlite3_prepare_v2(st->db, "VACUUM INTO ?1", -1, &q, NULL) !=
	    SQLITE_OK) {
		rc = be_store_error(st, "cannot write backup", e);
		goto out;
	}
	sqlite3_bind_text(q, 1, tmp.s, -1, SQLITE_STATIC);
	rc = sqlite3_step(q);
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE) {
		rc = be_store_error(st, "cannot write backup", e);
		goto out;
	}
	if (rename(tmp.s, path) < 0) {
		rc = be_err_at(e, path, 0, 0, "cannot write backup: %s",
		    strerror(errno));
		goto out;
	}
	be_buf_release(&tmp);
	return 0;
out:
	unlink(tmp.s);
	be_buf_release(&tmp);
	return rc;
}

int
be_store_triggers_on(struct be_store *st)
{
	int on = 1;

	sqlite3_db_config(st->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, -1, &on);
	return on;
}

int
be_store_done(struct be_store *st, sqlite3_stmt *stmt, const char *what,
    struct be_err *e)
{
	int rc = sqlite3_step(stmt);

	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : be_store_error(st, what, e);
}

sqlite3_stmt *
be_store_stmt(struct be_store *st, const char *sql, struct be_err *e)
{
	sqlite3_stmt *stmt;
	int i;

	for (i = 0; i < st->ncache; i++)
		if (st->cache[i].sql == sql) {
			stmt = st->cache[i].stmt;
			sqlite3_reset(stmt);
			sqlite3_clear_bindings(stmt);
			return stmt;
		}
	if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		be_store_error(st, "store", e);
		return NULL;
	}
	if (st->ncache < NCACHE) {
		st->cache[st->ncache].sql = sql;
		st->cache[st->ncache].stmt = stmt;
		st->ncache++;
	} else {
		/* Full cache: replace the oldest entry. */
		sqlite3_finalize(st->cache[0].stmt);
		memmove(st->cache, st->cache + 1,
		    (NCACHE - 1) * sizeof st->cache[0]);
		st->cache[NCACHE - 1].sql = sql;
		st->cache[NCACHE - 1].stmt = stmt;
	}
	return stmt;
}

int
be_store_begin(struct be_store *st, struct be_err *e)
{
	if (st->damaged)
		return damaged(st, "cannot start writing", e);
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL)
	    != SQLITE_OK)
		return be_store_error(st, "cannot start writing", e);
	return 0;
}

int
be_store_commit(struct be_store *st, struct be_err *e)
{
	if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		be_store_error(st, "cannot commit", e);
		be_store_rollback(st);
		return -1;
	}
	return 0;
}

void
be_store_rollback(struct be_store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Runs a journal_mode pragma; 1 when the mode is now want. */
static int
journal_mode(struct be_store *st, const char *sql, const char *want)
{
	sqlite3_stmt *q;
	int ok = 0;

	if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(q) == SQLITE_ROW)
		ok = strcmp(be_col_text(q, 0), want) == 0;
	sqlite3_finalize(q);
	return ok;
}

int
be_store_bulk_begin(struct be_store *st, int want, struct be_err *e)
{
	char sql[64];
	int did = 0;

	if (want & BE_BULK_FILL) {
		/* Not worth a wait: when another program has the store
		 * open, the unit goes through the log as any other. */
		sqlite3_busy_timeout(st->db, 0);
		if (journal_mode(st, "PRAGMA journal_mode = DELETE", "delete"))
			did |= BE_BULK_FILL;
		sqlite3_busy_timeout(st->db, st->busy_ms);
	}
	if (want & BE_BULK_LARGE) {
		snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d",
		    2 * CACHE_KB);
		if (be_store_exec(st, sql, e) < 0)
			goto fail;
		did |= BE_BULK_LARGE;
	}
	if (be_store_exec(st, "PRAGMA foreign_keys = OFF", e) < 0)
		goto fail;
	return did;
fail:
	be_store_bulk_end(st, did);
	return -1;
}

int
be_store_sort(struct be_store *st, const char *sql, struct be_err *e)
{
	char pragma[64];
	int kb, rc;

	kb = be_store_int(st, "PRAGMA cache_size");
	snprintf(pragma, sizeof pragma, "PRAGMA cache_size = -%d", SORT_KB);
	if (be_store_exec(st, pragma, e) < 0)
		return -1;
	rc = be_store_exec(st, sql, e);
	snprintf(pragma, sizeof pragma, "PRAGMA cache_size = %d", kb);
	if (be_store_exec(st, pragma, rc < 0 ? NULL : e) < 0)
		rc = -1;
	return rc;
}

void
be_store_bulk_end(struct be_store *st, int did)
{
	struct be_err ignored;
	char sql[64];

	be_err_init(&ignored);
	be_store_exec(st, "PRAGMA foreign_keys = ON", &ignored);
	if (did & BE_BULK_LARGE) {
		snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", CACHE_KB);
		be_store_exec(st, sql, &ignored);
	}
	if (did & BE_BULK_FILL)
		journal_mode(st, "PRAGMA journal_mode = WAL", "wal");
}

int
be_bind_text(sqlite3_stmt *stmt, int i, const char *s)
{
	if (s == NULL)
		return sqlite3_bind_null(stmt, i);
	return sqlite3_bind_text(stmt, i, s, -1, SQLITE_TRANSIENT);
}

const char *
be_col_text(sqlite3_stmt *stmt, int i)
{
	const unsigned char *s = sqlite3_column_text(stmt, i);

	return s ? (const char *)s : "";
}

char *
be_col_dup(sqlite3_stmt *stmt, int i)
{
	if (sqlite3_column_type(stmt, i) == SQLITE_NULL)
		return NULL;
	return be_xstrdup(be_col_text(stmt, i));
}

int
be_store_int(struct be_store *st, const char *sql)
{
	struct be_err e;
	sqlite3_stmt *q;
	int v = 0;

	be_err_init(&e);
	if ((q = be_store_stmt(st, sql, &e)) == NULL)
		return 0;
	if (sqlite3_step(q) == SQLITE_ROW)
		v = sqlite3_column_int(q, 0);
	sqlite3_reset(q);
	return v;
}

int
be_store_fts_stale(struct be_store *st)
{
	return be_store_int(st, "SELECT EXISTS (SELECT 1 FROM meta"
	    "  WHERE key = 'fts_stale')");
}

int
be_store_told_missing(struct be_store *st)
{
	return be_store_int(st, "SELECT NOT EXISTS (SELECT 1 FROM sqlite_master"
	    "  WHERE type = 'index' AND name = 'story_told')");
}

/* The number of stories, for the progress line; 0 when unknown. */
static long long
story_count(struct be_store *st)
{
	sqlite3_stmt *q;
	long long n = 0;

	if (!be_progress_on() || (q = be_store_stmt(st, "SELECT count(*) "
	    "FROM story", NULL)) == NULL)
		return 0;
	if (sqlite3_step(q) == SQLITE_ROW)
		n = sqlite3_column_int64(q, 0);
	sqlite3_reset(q);
	return n;
}

/* SQLite's progress handler during a rebuild: looks at the clock. */
static int
rebuild_tick(void *arg)
{
	be_meter_poll(arg);
	return 0;
}

int
be_store_search_ready(struct be_store *st, int fts, struct be_err *e)
{
	struct be_meter m;
	int stale, told, ro, rc;

	stale = fts && be_store_fts_stale(st);
	told = be_store_told_missing(st);
	ro = sqlite3_db_readonly(st->db, "main") == 1;
	if (stale && ro)
		return be_err_at(e, st->path, 0, 0, "full-text index is stale "
		    "and the store is read-only; run be-find once with write "
		    "access");
	/* Without the date index a query reads every story, and finds the
	 * same: a reader that may not write does without. */
	if (!stale && (!told || ro))
		return 0;
	if (be_store_begin(st, e) < 0)
		return -1;
	/* One statement rebuilds: a person at a terminal sees how many
	 * stories it indexes and for how long, nothing more is known. */
	be_meter_start(&m, BE_PROGRESS_INDEX, story_count(st));
	if (be_progress_on())
		sqlite3_progress_handler(st->db, 10000, rebuild_tick, &m);
	rc = (stale && be_store_exec(st, "INSERT INTO story_fts(story_fts) "
	    "VALUES ('rebuild'); DELETE FROM meta WHERE key = 'fts_stale'",
	    e) < 0) || (told && be_store_exec(st, "CREATE INDEX IF NOT EXISTS "
	    "story_told ON story(told)", e) < 0);
	sqlite3_progress_handler(st->db, 0, NULL, NULL);
	be_meter_end(&m);
	if (rc) {
		be_store_rollback(st);
		return -1;
	}
	return be_store_commit(st, e);
}

static int
pragma_int(struct be_store *st, const char *sql, int *v, struct be_err *e)
{
	sqlite3_stmt *stmt;
	int rc;

	if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK)
		return be_store_error(st, "cannot read store", e);
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(stmt);
		return be_store_error(st, "cannot read store", e);
	}
	*v = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return 0;
}

/*
 * Puts the store in WAL mode.  The switch takes a lock that SQLite does
 * not wait for through the busy handler when another program is opening
 * or migrating the same store at that moment, so it is tried again, 10 ms
 * apart, for as long as the busy timeout.
 */
static int
wal_switch(struct be_store *st, struct be_err *e)
{
	int waited, rc;

	for (waited = 0;; waited += 10) {
		rc = sqlite3_exec(st->db, "PRAGMA journal_mode = WAL", NULL,
		    NULL, NULL);
		if (rc == SQLITE_OK)
			return 0;
		if ((rc & 0xff) != SQLITE_BUSY || waited >= st->busy_ms)
			return be_store_error(st, "store", e);
		usleep(10000);
	}
}

static int
migrate(struct be_store *st, int from, struct be_err *e)
{
	char sql[64];
	int v, i, cur;

	for (v = from; v < BE_STORE_VERSION; v++) {
		if (be_store_begin(st, e) < 0)
			return -1;
		/* Another program may have migrated it while this one
		 * waited for the lock. */
		if (pragma_int(st, "PRAGMA user_version", &cur, e) < 0)
			goto fail;
		if (cur > v) {
			be_store_rollback(st);
			continue;
		}
		for (i = 0; migrations[v].sql && migrations[v].sql[i]; i++)
			if (be_store_exec(st, migrations[v].sql[i], e) < 0)
				goto fail;
		if (migrations[v].step && migrations[v].step(st, e) < 0)
			goto fail;
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
		if (be_store_exec(st, sql, e) < 0)
			goto fail;
		snprintf(sql, sizeof sql, "PRAGMA application_id = %d",
		    BE_STORE_APPID);
		if (be_store_exec(st, sql, e) < 0)
			goto fail;
		if (be_store_commit(st, e) < 0)
			return -1;
	}
	return 0;
fail:
	be_store_rollback(st);
	return -1;
}

/*
 * Creates the file with mode 0600 before SQLite sees it, so that stories
 * are never readable by others, whatever the umask.  SQLite gives the WAL
 * and shared-memory files the same mode.
 */
static int
create_private(const char *path, struct be_err *e)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);

	if (fd < 0 && errno != EEXIST)
		return be_err_at(e, path, 0, 0, "cannot create store: %s",
		    strerror(errno));
	if (fd >= 0)
		close(fd);
	return 0;
}

/* 1 when the file path with suffix exists and is not empty. */
static int
left_over(const char *path, const char *suffix)
{
	struct be_buf b = BE_BUF_INIT;
	struct stat sb;
	int there;

	be_buf_addf(&b, "%s%s", path, suffix);
	there = stat(b.s, &sb) == 0 && sb.st_size > 0;
	be_buf_release(&b);
	return there;
}

/*
 * A reader whose directory it may not write cannot make the store's
 * shared-memory file.  When no write-ahead log or journal is left over,
 * every page is in the main file and it can be read as immutable instead.
 */
static int
reopen_immutable(struct be_store *st)
{
	struct be_buf uri = BE_BUF_INIT;
	const char *p;
	int ok;

	if (left_over(st->path, "-wal") || left_over(st->path, "-journal"))
		return -1;
	be_buf_adds(&uri, "file:");
	for (p = st->path; *p; p++)
		if (*p == '%' || *p == '?' || *p == '#')
			be_buf_addf(&uri, "%%%02X", (unsigned char)*p);
		else
			be_buf_addc(&uri, *p);
	be_buf_adds(&uri, "?immutable=1");
	sqlite3_close(st->db);
	ok = sqlite3_open_v2(uri.s, &st->db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_URI, NULL) == SQLITE_OK;
	be_buf_release(&uri);
	return ok ? 0 : -1;
}

/*
 * A unit cut off while it ran with a rollback journal (be_store_bulk_begin)
 * leaves the journal, and a read-only connection may not play it back.  A
 * connection that may write does so on its first read; then the reader
 * opens again.
 */
static int
roll_back(struct be_store *st)
{
	sqlite3 *db;
	int ok;

	if (sqlite3_open_v2(st->path, &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return -1;
	}
	sqlite3_busy_timeout(db, st->busy_ms);
	ok = sqlite3_exec(db, "SELECT 1 FROM sqlite_master LIMIT 1", NULL,
	    NULL, NULL) == SQLITE_OK;
	sqlite3_close(db);
	if (!ok)
		return -1;
	sqlite3_close(st->db);
	if (sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		return -1;
	sqlite3_busy_timeout(st->db, st->busy_ms);
	return 0;
}

/* A reader's first read, and what it takes to make one. */
static int
readable(struct be_store *st, struct be_err *e)
{
	static const char sql[] = "SELECT 1 FROM sqlite_master LIMIT 1";

	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) == SQLITE_OK)
		return 0;
	if (sqlite3_extended_errcode(st->db) == SQLITE_READONLY_ROLLBACK) {
		if (roll_back(st) == 0 && sqlite3_exec(st->db, sql, NULL, NULL,
		    NULL) == SQLITE_OK)
			return 0;
		return be_err_at(e, st->path, 0, 0, "cannot read store: an "
		    "intake was cut off and left its journal, which this "
		    "user cannot play back; let the store's owner run a "
		    "benut program on it once");
	}
	if ((sqlite3_errcode(st->db) == SQLITE_READONLY ||
	    sqlite3_errcode(st->db) == SQLITE_CANTOPEN) &&
	    reopen_immutable(st) < 0)
		return be_err_at(e, st->path, 0, 0, "cannot read store: its "
		    "directory is not writable and a write-ahead log or "
		    "journal is left over; let its owner run a benut program "
		    "on it once");
	return 0;
}

/* 1 when this user may write the store and make files beside it. */
static int
writable(const char *path)
{
	struct be_buf dir = BE_BUF_INIT;
	const char *slash = strrchr(path, '/');
	int ok;

	if (slash == NULL)
		be_buf_adds(&dir, ".");
	else if (slash == path)
		be_buf_adds(&dir, "/");
	else
		be_buf_add(&dir, path, (size_t)(slash - path));
	ok = access(path, W_OK) == 0 && access(dir.s, W_OK | X_OK) == 0;
	be_buf_release(&dir);
	return ok;
}

struct be_store *
be_store_open(const char *path, int mode, struct be_err *e)
{
	struct be_store *st;
	struct stat sb;
	const char *busy;
	char sql[64];
	int flags, appid, version, ntables, exists;

	exists = stat(path, &sb) == 0;
	if (!exists && mode != BE_STORE_WRITE) {
		if (strchr(path, '/') == NULL)
			be_err_set(e, "no store here (./%s); use -s or "
			    "BENUT_STORE", path);
		else
			be_err_set(e, "no store at '%s'; check -s or "
			    "BENUT_STORE (be-collect starts a store)", path);
		return NULL;
	}
	if (mode == BE_STORE_UPDATE)
		mode = BE_STORE_WRITE;
	if (!exists && create_private(path, e) < 0)
		return NULL;
	st = be_xcalloc(1, sizeof *st);
	st->path = be_xstrdup(path);
	st->wbfd = -1;
	/*
	 * A connection is used by one thread only: no mutex around each
	 * call, and no count of memory in use behind a global one.  The
	 * latter can be set only before SQLite starts; later it fails,
	 * harmlessly.
	 */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	flags = (mode == BE_STORE_WRITE ? SQLITE_OPEN_READWRITE :
	    SQLITE_OPEN_READONLY) | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
		be_store_error(st, "cannot open store", e);
		goto fail;
	}
	if (mode == BE_STORE_WRITE && sqlite3_db_readonly(st->db, "main") == 1) {
		be_err_at(e, path, 0, 0,
		    "store is read-only; check its permissions");
		goto fail;
	}
	busy = getenv("BENUT_BUSY_MS");
	st->busy_ms = busy && *busy ? atoi(busy) : 10000;
	sqlite3_busy_timeout(st->db, st->busy_ms);
	if (mode == BE_STORE_RDONLY && readable(st, e) < 0)
		goto fail;
	sqlite3_extended_result_codes(st->db, 1);
	if (pragma_int(st, "PRAGMA application_id", &appid, e) < 0 ||
	    pragma_int(st, "PRAGMA user_version", &version, e) < 0 ||
	    pragma_int(st, "SELECT count(*) FROM sqlite_master", &ntables,
	    e) < 0) {
		if (sqlite3_errcode(st->db) == SQLITE_NOTADB)
			be_err_at(e, path, 0, 0,
			    "not an SQLite database: another file, or a "
			    "damaged store; name another with -s, or restore "
			    "a copy");
		goto fail;
	}
	if (appid != BE_STORE_APPID && (ntables > 0 || version > 0)) {
		be_err_at(e, path, 0, 0,
		    "not a benut store (another program's database); "
		    "name another with -s");
		goto fail;
	}
	if (version > BE_STORE_VERSION) {
		be_err_at(e, path, 0, 0,
		    "store has schema version %d, newer than this program's "
		    "%d; upgrade benut", version, BE_STORE_VERSION);
		goto fail;
	}
	/* Purged personal data must not linger in free pages. */
	if (be_store_exec(st, "PRAGMA foreign_keys = ON", e) < 0 ||
	    be_store_exec(st, "PRAGMA secure_delete = ON", e) < 0)
		goto fail;
	if (mode == BE_STORE_WRITE) {
		/*
		 * Large pages for a new store: an intake writes stories of
		 * about a kilobyte by the hundred thousand, and every page
		 * costs its own WAL frame, write and checkpoint copy.  It
		 * has to be set before the first write (the WAL switch).
		 */
		if (ntables == 0 && version == 0 &&
		    be_store_exec(st, "PRAGMA page_size = 65536", e) < 0)
			goto fail;
		if (wal_switch(st, e) < 0 ||
		    be_store_exec(st, "PRAGMA synchronous = NORMAL", e) < 0)
			goto fail;
		if (version < BE_STORE_VERSION && migrate(st, version, e) < 0)
			goto fail;
	} else if (version < BE_STORE_VERSION) {
		/*
		 * A reader migrates a store that its user may write, as a
		 * writer would: after an upgrade of benut, be-find is as
		 * likely to come first as be-collect.  It then reads the
		 * store as it is now, read-only.
		 */
		if (writable(path)) {
			be_store_close(st);
			if ((st = be_store_open(path, BE_STORE_WRITE, e)) == NULL)
				return NULL;
			be_store_close(st);
			return be_store_open(path, BE_STORE_RDONLY, e);
		}
		be_err_at(e, path, 0, 0,
		    "store has schema version %d, older than this program's "
		    "%d; run a program that writes (be-collect) to upgrade it",
		    version, BE_STORE_VERSION);
		goto fail;
	}
	/*
	 * SQLite's default cache is 2 MB: 31 pages of 64 KiB, too few for
	 * a batch over all stories.  Pages are allocated only when used.
	 * After the page size: the limit is turned into a number of pages.
	 */
	snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", CACHE_KB);
	if (be_store_exec(st, sql, e) < 0)
		goto fail;
	return st;
fail:
	be_store_close(st);
	return NULL;
}

void
be_store_close(struct be_store *st)
{
	int i;

	if (st == NULL)
		return;
	for (i = 0; i < st->ncache; i++)
		sqlite3_finalize(st->cache[i].stmt);
	if (st->db)
		sqlite3_close(st->db);
	/* After the connection: closing a descriptor of the file drops
	 * every lock this process holds on it, SQLite's too. */
	if (st->wbfd >= 0)
		close(st->wbfd);
	free(st->path);
	free(st);
}

int
be_store_writeback_init(struct be_store *st)
{
	if (st->wbfd < 0)
		st->wbfd = open(st->path, O_RDONLY | O_CLOEXEC);
	return st->wbfd >= 0 ? 0 : -1;
}

void
be_store_writeback(struct be_store *st)
{
#ifdef SYNC_FILE_RANGE_WRITE
	if (st->wbfd >= 0)
		sync_file_range(st->wbfd, 0, 0, SYNC_FILE_RANGE_WRITE);
#else
	(void)st;
#endif
}
