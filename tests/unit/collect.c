/* Unit tests of lib/collect.c: the YAML of a story reads back as it. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "collect.h"
#include "story.h"
#include "tap.h"

static char csv[] = "Datum;Verhaal;Wijk;Route\n"
    "2-2-2026 10:15;\"Ik wacht: al \"\"drie\"\" weken.\n\n"
    "  Bel 06-12345678 #nu\";Noord: oost;bezwaar\n";
static char bad[] = "---\nkind: story\nversion: 1\nfoo: 1\ntext: x\n";
static char rec[] = "-\t\t\t\tNieuw verhaal.\n";

int
main(void)
{
	char dir[] = "/tmp/benut-unit.XXXXXX", path[256], cmd[300];
	struct be_collect_opts o;
	struct be_collect_stats s;
	struct be_store *st;
	struct be_story g;
	struct be_err e;
	FILE *fp, *in;
	char *doc;
	size_t len;

	plan(8);
	if (mkdtemp(dir) == NULL)
		return 2;
	snprintf(path, sizeof path, "%s/s.db", dir);
	be_err_init(&e);
	st = be_store_open(path, BE_STORE_WRITE, &e);
	memset(&o, 0, sizeof o);
	in = fmemopen(csv, strlen(csv), "r");
	ok(be_collect(st, in, "x.csv", &o, &s, &e) == 0 && s.added == 1,
	    "a story from CSV");
	fclose(in);
	/* The intake turned the checks of foreign keys off for its unit,
	 * and the page cache up; both are back, and the store on its log. */
	ok(be_store_int(st, "PRAGMA foreign_keys") == 1 &&
	    be_store_int(st, "PRAGMA cache_size") == -16384 &&
	    be_store_int(st, "SELECT journal_mode = 'wal' FROM"
	    " pragma_journal_mode") == 1,
	    "foreign keys, cache and log as before the intake");
	be_story_init(&g);
	ok(be_story_get(st, 1, &g, &e) == 0 && g.route &&
	    strcmp(g.route, "bezwaar") == 0 && strstr(g.text, "[TELEFOON] #nu"),
	    "got it back");
	fp = open_memstream(&doc, &len);
	be_story_yaml(fp, &g);
	fclose(fp);
	in = fmemopen(doc, len, "r");
	o.format = BE_FMT_YAML;
	ok(be_collect(st, in, "story.yaml", &o, &s, &e) == 0, "its YAML reads");
	ok(s.read == 1 && s.dup == 1 && s.added == 0, "as a duplicate");
	fclose(in);
	free(doc);
	in = fmemopen(bad, strlen(bad), "r");
	ok(be_collect(st, in, "bad.yaml", &o, &s, &e) < 0 &&
	    strcmp(e.msg, "unknown key 'foo'") == 0 && e.line == 4,
	    "unknown key refused with its place");
	fclose(in);
	o.format = BE_FMT_AUTO;
	o.dry_run = 1;
	in = fmemopen(rec, strlen(rec), "r");
	ok(be_collect(st, in, "-", &o, &s, &e) == 0 && s.added == 1,
	    "records, dry run");
	fclose(in);
	be_story_release(&g);
	ok(be_story_get(st, 2, &g, &e) < 0, "dry run wrote nothing");
	be_story_release(&g);
	be_store_close(st);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		return 2;
	return done();
}
