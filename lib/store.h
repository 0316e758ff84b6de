/*
 * store.h: the SQLite store that holds stories, tags, points and meetings.
 *
 * One file, created on the first write with mode 0600, WAL, foreign keys
 * on, a busy timeout ($BENUT_BUSY_MS, default 10000) so that programs on
 * one store wait for each other.  The schema version is PRAGMA
 * user_version; migrations run forward only, each in one transaction.  A
 * database that is not a benut store, or of a newer schema, is refused.
 *
 * Writes go in units: be_store_begin .. be_store_commit (or _rollback)
 * around each unit of input, so a unit is taken whole or not at all.
 */
#ifndef BE_STORE_H
#define BE_STORE_H

#include <sqlite3.h>

#include "err.h"

/* 'benu' in PRAGMA application_id marks a benut store. */
#define BE_STORE_APPID 0x62656e75
/* The schema version this program writes. */
#define BE_STORE_VERSION 6

enum {
	BE_STORE_RDONLY = 0,	/* refuse to create; open read-only */
	BE_STORE_WRITE = 1,	/* create when missing; open read-write */
	BE_STORE_UPDATE = 2,	/* refuse to create; open read-write */
};

struct be_store;

/*
 * Opens the store at path (see be_store_path in cmd/frame/prog.h).  With
 * BE_STORE_RDONLY or BE_STORE_UPDATE a missing file is an error ("no
 * store here"): only an intake (be-collect) starts a store.  A store of
 * an older schema opened BE_STORE_RDONLY is migrated when this user may
 * write it (then opened read-only again), else refused.
 * Returns the handle, or NULL with e filled.  Caller frees with
 * be_store_close.
 */
struct be_store *be_store_open(const char *path, int mode, struct be_err *e);

/* Closes the store and frees the handle (NULL is fine). */
void be_store_close(struct be_store *st);

/* The underlying connection, for modules that run their own SQL. */
sqlite3 *be_store_db(struct be_store *st);

/* The path the store was opened with. */
const char *be_store_name(const struct be_store *st);

/*
 * Returns a prepared statement for sql, cached on the handle and reset
 * with its bindings cleared; the caller must not finalize it.  sql must be
 * a string literal (no SQL is ever built from input).  NULL with e filled
 * on a prepare error.
 */
sqlite3_stmt *be_store_stmt(struct be_store *st, const char *sql,
    struct be_err *e);

/*
 * Starts a write unit (BEGIN IMMEDIATE, waiting out other writers up to
 * the busy timeout).  Returns 0, or -1 with e filled ("store 'x' is locked
 * by another program; try again later").
 */
int be_store_begin(struct be_store *st, struct be_err *e);
/* Commits the unit.  Returns 0, or -1 with e filled (e.g. disk full). */
int be_store_commit(struct be_store *st, struct be_err *e);
/* Rolls the unit back; never fails. */
void be_store_rollback(struct be_store *st);

/*
 * Settings for a unit that writes many rows, asked for in want and put
 * back by be_store_bulk_end (after the commit or rollback) from what
 * be_store_bulk_begin (before be_store_begin) returns: what it did, or
 * -1 with e filled.  Every such unit runs without checks of foreign keys:
 * the caller vouches that its rows refer only to rows that exist.
 *
 * BE_BULK_FILL, for a unit that fills a store holding no stories yet:
 * the write-ahead log writes every page twice (to the log, then to the
 * store), a rollback journal only those pages the store had before the
 * unit.  So such a unit runs with a rollback journal, when no other
 * program has the store open at that moment (else it goes through the
 * log, and the bit is not in what was done).  Readers that come during
 * the unit wait for it.  Afterwards the store goes back to the log; if
 * that cannot be done then, the next program that writes does it.
 *
 * BE_BULK_LARGE: a page cache twice the usual 16 MB, for an index that
 * takes rows at random places.
 */
enum { BE_BULK_FILL = 1, BE_BULK_LARGE = 2 };
int be_store_bulk_begin(struct be_store *st, int want, struct be_err *e);
void be_store_bulk_end(struct be_store *st, int did);

/*
 * Runs sql, a statement that sorts all rows of a table (CREATE INDEX),
 * with a page cache of 8 MB: SQLite's sorter keeps as much in memory as
 * the page cache may hold, besides that cache, so in a BE_BULK_LARGE
 * unit the sort would double its 32 MB.  The cache is as before after.
 * 0, or -1 with e.
 */
int be_store_sort(struct be_store *st, const char *sql, struct be_err *e);

/*
 * A large unit that writes the store file itself (BE_BULK_FILL)
 * leaves hundreds of megabytes for the sync at its commit to write.
 * be_store_writeback starts writing the pages changed so far without
 * waiting for them, so that the work goes on beside the unit's and the
 * commit finds little left; durability is the commit's sync, as before.
 * It may be called from another thread than the connection's, once
 * be_store_writeback_init (in the connection's thread) has opened a
 * descriptor of the file for it (-1 when it cannot; writeback then does
 * nothing).  The descriptor is closed after the connection.
 */
int be_store_writeback_init(struct be_store *st);
void be_store_writeback(struct be_store *st);

/*
 * Writes a copy of the store to path while other programs may use it
 * (VACUUM INTO: one read transaction, a consistent copy, no free pages),
 * with mode 0600, to a temporary file beside path that then replaces
 * path.  0, or -1 with e filled and path as it was.
 */
int be_store_backup(struct be_store *st, const char *path, struct be_err *e);

/*
 * Fills e from the connection's last error, prefixed by what (an English
 * literal, translated as a message is: see err.h).  -1.  A damaged file
 * (SQLITE_CORRUPT, SQLITE_NOTADB) is "what: the store is damaged; restore
 * a copy, or save what is left with 'sqlite3 FILE .recover'": the unit
 * being written is rolled back and the store marked damaged, so that
 * be_store_begin refuses every later unit.
 */
int be_store_error(struct be_store *st, const char *what, struct be_err *e);

/* Nonzero once SQLite found the store damaged (be_store_error). */
int be_store_damaged(const struct be_store *st);

/*
 * Checks the whole store (PRAGMA quick_check; it reads every page, so
 * only when asked for).  0 when sound; else -1 with "check: the store
 * is damaged; ..." and *nproblems the number of problems SQLite found
 * (0 when an error stopped the check before it ended).
 */
int be_store_check(struct be_store *st, unsigned long *nproblems,
    struct be_err *e);

/*
 * Steps stmt (a write that returns no rows) to its end and resets it.
 * Returns 0, or -1 with e filled from the store's error, prefixed by what.
 */
int be_store_done(struct be_store *st, sqlite3_stmt *stmt, const char *what,
    struct be_err *e);

/*
 * The first column of the first row of sql (a literal) as an int; 0 when
 * there is no row or the store cannot answer.  For questions whose "I
 * cannot tell" is "no".
 */
int be_store_int(struct be_store *st, const char *sql);

/* 1 when the connection's triggers are on (an intake turns them off). */
int be_store_triggers_on(struct be_store *st);

/* Runs a statement that returns no rows (a literal).  0 or -1. */
int be_store_exec(struct be_store *st, const char *sql, struct be_err *e);

/*
 * Binds text, or NULL when s is NULL, to parameter i of stmt (SQLITE_STATIC
 * would outlive some callers' buffers, so this copies).
 */
int be_bind_text(sqlite3_stmt *stmt, int i, const char *s);

/* The column as a C string, "" for NULL.  Valid until the next step. */
const char *be_col_text(sqlite3_stmt *stmt, int i);

/* The column as a new string (the caller's), NULL for NULL. */
char *be_col_dup(sqlite3_stmt *stmt, int i);

/*
 * Makes the search indexes whole: an intake run with the indexes off
 * (be-collect --no-index) leaves the full-text index stale and may leave
 * the date index (story_told) out; this makes them again in one
 * transaction.  With fts 0 only the date index.  A store that is
 * read-only keeps a missing date index (queries find the same without
 * it) but refuses a stale full-text index.  Call before a query on
 * story_fts or on told.  0 or -1.
 */
int be_store_search_ready(struct be_store *st, int fts, struct be_err *e);
/* 1 when the full-text index is stale (be-collect --no-index). */
int be_store_fts_stale(struct be_store *st);
/* 1 when the date index is missing. */
int be_store_told_missing(struct be_store *st);

#endif
