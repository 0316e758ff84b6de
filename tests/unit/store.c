/* Unit tests of lib/store.c. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store.h"
#include "tap.h"

int
main(void)
{
	char dir[] = "/tmp/benut-unit.XXXXXX", path[256], cmd[512];
	struct be_store *st;
	struct be_err e;
	struct stat sb;
	sqlite3_stmt *q;

	plan(16);
	if (mkdtemp(dir) == NULL)
		return 2;
	snprintf(path, sizeof path, "%s/s.db", dir);
	be_err_init(&e);
	ok(be_store_open(path, BE_STORE_RDONLY, &e) == NULL, "reader does not create");
	ok(strstr(e.msg, "no store at") != NULL, "says there is none");
	ok(be_store_open(path, BE_STORE_UPDATE, &e) == NULL &&
	    stat(path, &sb) < 0, "an update does not create");
	umask(022);
	st = be_store_open(path, BE_STORE_WRITE, &e);
	ok(st != NULL, "writer creates");
	ok(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600, "mode 0600");
	q = be_store_stmt(st, "PRAGMA user_version", &e);
	ok(q && sqlite3_step(q) == SQLITE_ROW &&
	    sqlite3_column_int(q, 0) == BE_STORE_VERSION, "schema version set");
	q = be_store_stmt(st, "PRAGMA journal_mode", &e);
	ok(q && sqlite3_step(q) == SQLITE_ROW &&
	    strcmp(be_col_text(q, 0), "wal") == 0, "WAL");
	ok(be_store_begin(st, &e) == 0 &&
	    be_store_exec(st, "INSERT INTO meta VALUES ('x', 'y')", &e) == 0,
	    "writes in a unit");
	be_store_rollback(st);
	q = be_store_stmt(st, "SELECT count(*) FROM meta WHERE key = 'x'", &e);
	ok(q && sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0) == 0,
	    "rollback leaves nothing");
	/* A unit that fills the store: rollback journal, pages written out
	 * as it goes, then the log again.  (No statement may be running.) */
	for (q = sqlite3_next_stmt(be_store_db(st), NULL); q != NULL;
	    q = sqlite3_next_stmt(be_store_db(st), q))
		sqlite3_reset(q);
	ok(be_store_bulk_begin(st, BE_BULK_FILL | BE_BULK_LARGE, &e) ==
	    (BE_BULK_FILL | BE_BULK_LARGE) && be_store_int(st, "SELECT"
	    " journal_mode = 'delete' FROM pragma_journal_mode") == 1 &&
	    be_store_int(st, "PRAGMA cache_size") == -32768 &&
	    be_store_int(st, "PRAGMA foreign_keys") == 0 &&
	    be_store_begin(st, &e) == 0 && be_store_writeback_init(st) == 0 &&
	    be_store_exec(st, "INSERT INTO meta VALUES ('x', 'y')", &e) == 0,
	    "bulk: a unit through a rollback journal, a large cache, no "
	    "checks of foreign keys");
	be_store_writeback(st);
	ok(be_store_sort(st, "CREATE INDEX meta_value ON meta(value)", &e) ==
	    0 && be_store_int(st, "PRAGMA cache_size") == -32768 &&
	    be_store_int(st, "SELECT count(*) FROM sqlite_master WHERE"
	    " name = 'meta_value'") == 1,
	    "a sort in a small cache, the large one back after it");
	be_store_commit(st, &e);
	be_store_bulk_end(st, BE_BULK_FILL | BE_BULK_LARGE);
	ok(be_store_int(st, "SELECT count(*) FROM meta WHERE key = 'x'") == 1 &&
	    be_store_int(st, "SELECT journal_mode = 'wal' FROM"
	    " pragma_journal_mode") == 1 &&
	    be_store_int(st, "PRAGMA cache_size") == -16384 &&
	    be_store_int(st, "PRAGMA foreign_keys") == 1,
	    "bulk: committed, and back on the log, cache and checks");
	be_store_exec(st, "PRAGMA user_version = 99", &e);
	be_store_close(st);
	be_err_init(&e);
	ok(be_store_open(path, BE_STORE_WRITE, &e) == NULL &&
	    strstr(e.msg, "newer than this program's") != NULL,
	    "newer schema refused");
	snprintf(path, sizeof path, "%s/other.db", dir);
	snprintf(cmd, sizeof cmd, "sqlite3 %s 'CREATE TABLE t(x)'", path);
	ok(system(cmd) == 0, "made a foreign database");
	ok(be_store_open(path, BE_STORE_WRITE, &e) == NULL &&
	    strstr(e.msg, "not a benut store") != NULL, "foreign one refused");
	snprintf(path, sizeof path, "%s/junk.db", dir);
	snprintf(cmd, sizeof cmd, "head -c 8192 /dev/urandom > %s", path);
	system(cmd);
	ok(be_store_open(path, BE_STORE_WRITE, &e) == NULL &&
	    strstr(e.msg, "not an SQLite database") != NULL, "junk refused");
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	system(cmd);
	return done();
}
