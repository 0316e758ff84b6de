/* be-collect: story intake from CSV exports, YAML stories or records. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collect.h"
#include "colmap.h"
#include "correct.h"
#include "date.h"
#include "editor.h"
#include "forget.h"
#include "prog.h"
#include "record.h"
#include "store.h"
#include "story.h"
#include "banned.h"

static const char usage_text[] =
    "be-collect [-n] [--skip-bad] [--no-index] [-d delim] [-e encoding] "
    "[-f format] [-m map] [-s store] [-t column] [file ...]\n"
    "       be-collect --use quote|count|no [-s store] [ref ...]\n"
    "       be-collect --forget [-s store] [ref ...]\n"
    "       be-collect --forget-person address [-s store]\n"
    "       be-collect --person address [-s store]\n"
    "       be-collect --edit ref [-s store] [file]\n"
    "       be-collect --purge-persons [--older-than date] "
    "[--reported-back] [-s store]\n"
    "       be-collect --backup file [-s store]\n"
    "       be-collect --check-store [-s store]\n"
    "       be-collect --share-dir";

enum { OPT_SKIP_BAD = BE_OPT_FIRST_FREE, OPT_NO_INDEX, OPT_PURGE,
    OPT_FORGET, OPT_FORGET_PERSON, OPT_PERSON, OPT_EDIT, OPT_OLDER,
    OPT_REPORTED, OPT_BACKUP, OPT_USE, OPT_CHECK };

/* What a run does besides an intake: the option that chose it. */
static int mode;
static const char *marg;

static const struct option longopts[] = {
	{ "dry-run", no_argument, 0, 'n' },
	{ "skip-bad", no_argument, 0, OPT_SKIP_BAD },
	{ "no-index", no_argument, 0, OPT_NO_INDEX },
	{ "delimiter", required_argument, 0, 'd' },
	{ "encoding", required_argument, 0, 'e' },
	{ "format", required_argument, 0, 'f' },
	{ "map", required_argument, 0, 'm' },
	{ "text-column", required_argument, 0, 't' },
	BE_LONGOPT_STORE,
	{ "purge-persons", no_argument, 0, OPT_PURGE },
	{ "use", required_argument, 0, OPT_USE },
	{ "older-than", required_argument, 0, OPT_OLDER },
	{ "reported-back", no_argument, 0, OPT_REPORTED },
	{ "forget", no_argument, 0, OPT_FORGET },
	{ "forget-person", required_argument, 0, OPT_FORGET_PERSON },
	{ "person", required_argument, 0, OPT_PERSON },
	{ "edit", required_argument, 0, OPT_EDIT },
	{ "backup", required_argument, 0, OPT_BACKUP },
	{ "check-store", no_argument, 0, OPT_CHECK },
	BE_LONGOPTS_STD,
	{ 0, 0, 0, 0 }
};

static void
refused(const struct be_err *e, void *arg)
{
	be_report(e);
}

static int
parse_delim(const char *s)
{
	if (strcmp(s, "tab") == 0 || strcmp(s, "TAB") == 0 ||
	    strcmp(s, "\\t") == 0 || strcmp(s, "\t") == 0)
		return '\t';
	if (strcmp(s, ",") == 0 || strcmp(s, ";") == 0)
		return s[0];
	return -1;
}

static int
collect_one(struct be_store *st, const char *path,
    const struct be_collect_opts *o)
{
	struct be_collect_stats s;
	struct be_err e;
	char *line;
	FILE *fp;
	int rc;

	be_err_init(&e);
	if ((fp = be_open_input(path, &e)) == NULL) {
		be_report(&e);
		return BE_FAIL;
	}
	rc = be_collect(st, fp, path, o, &s, &e);
	be_close_input(fp);
	if (rc < 0) {
		be_report(&e);
		/* A workbook is refused before anything is read: one line. */
		if (s.format == NULL || (strcmp(s.format, "xlsx") != 0 &&
		    strcmp(s.format, "xls") != 0 && strcmp(s.format, "ods")))
			be_warnx("%s: nothing written", path);
		return BE_FAIL;
	}
	line = be_collect_summary(&s, o->dry_run);
	be_warnx("%s: %s", path, line);
	free(line);
	return BE_OK;
}

/* --check-store: reads every page of the store, writes nothing. */
static int
check_store(const char *sflag)
{
	struct be_store *st;
	struct be_err e;
	unsigned long n;
	int rc;

	if ((st = be_prog_store(sflag, BE_STORE_RDONLY)) == NULL)
		return BE_FAIL;
	be_err_init(&e);
	if ((rc = be_store_check(st, &n, &e)) < 0) {
		be_report(&e);
		if (n)
			be_warnx("%s: %lu %s found", be_store_name(st), n,
			    be_plural(n, "problem", "problems"));
	} else
		be_warnx("%s: checked: no damage found", be_store_name(st));
	be_store_close(st);
	return rc < 0 ? BE_FAIL : BE_OK;
}

/* Forgets ids (of the person who, or NULL) and says so.  0 or -1. */
static int
forgot(struct be_store *st, const long long *ids, size_t n, const char *who,
    struct be_err *e)
{
	int rc = be_forget_stories(st, ids, n, e);
	const char *busy = rc > 0 ? be_err_tr(N_("; another program has the "
	    "store open, its log keeps the text until that ends")) : "";

	if (rc >= 0 && who)
		be_warnx("forgot %zu %s of '%s'%s", n,
		    be_plural(n, "story", "stories"), who, busy);
	else if (rc >= 0)
		be_warnx("forgot %zu %s%s", n, be_plural(n, "story", "stories"),
		    busy);
	return rc < 0 ? -1 : 0;
}

/* --use, --forget, --forget-person, --person, --edit, --purge-persons,
 * --backup. */
static int
act(struct be_store *st, int argc, char **argv, const struct be_purge *pg,
    struct be_err *e)
{
	long long *ids = NULL, id;
	unsigned long n;
	size_t nids = 0;
	char *kept = NULL;
	FILE *fp;
	int rc = 0, none = 0;

	switch (mode) {
	case OPT_USE:
		if ((rc = be_loop_refs(argc, argv, 'S', &ids, &nids, e)) < 0)
			break;
		/* A teller who withdraws consent to use: forgetting. */
		if (be_use_parse(marg) == BE_USE_NO)
			rc = forgot(st, ids, nids, NULL, e);
		else if ((rc = be_collect_set_use(st, ids, nids,
		    be_use_parse(marg), &n, e)) == 0)
			be_warnx("%lu %s now %s", n,
			    be_plural(n, "story", "stories"),
			    be_use_parse(marg) == BE_USE_COUNT ?
			    be_err_tr(N_("count only")) :
			    be_err_tr(N_("quotable")));
		break;
	case OPT_FORGET:
		if ((rc = be_loop_refs(argc, argv, 'S', &ids, &nids, e)) == 0)
			rc = forgot(st, ids, nids, NULL, e);
		break;
	case OPT_FORGET_PERSON:
	case OPT_PERSON:
		if ((rc = be_forget_person_find(st, marg, &ids, &nids, e)) < 0)
			break;
		if (nids == 0) {
			be_warnx("no contact data of '%s' was kept; their "
			    "stories cannot be found by it", marg);
			none = 1;
		} else if (mode == OPT_PERSON)
			rc = be_forget_person_copy(st, stdout, marg, ids, nids,
			    e);
		else
			rc = forgot(st, ids, nids, marg, e);
		break;
	case OPT_EDIT:
		if ((rc = be_ref_parse(marg, 'S', &id)) < 0) {
			be_err_set(e, "'%s' is not a story ref", marg);
			break;
		}
		if (argc == 0)
			rc = be_correct_edit(st, id, be_editor_name(),
			    getenv("USER"), &kept, e);
		else if ((fp = be_open_input(argv[0], e)) == NULL)
			rc = -1;
		else {
			rc = be_correct_file(st, id, fp, argv[0],
			    getenv("USER"), e);
			be_close_input(fp);
		}
		if (rc > 0)
			be_warnx("S-%lld: corrected", id);
		else if (rc == 0)
			be_warnx("S-%lld: unchanged", id);
		break;
	case OPT_PURGE:
		if ((rc = be_forget_purge(st, pg, &n, e)) == 0)
			be_warnx("purged the identifying data of %lu %s", n,
			    be_plural(n, "story", "stories"));
		break;
	case OPT_BACKUP:
		rc = be_store_backup(st, marg, e);
		break;
	}
	if (rc < 0) {
		be_report(e);
		if (kept)
			be_warnx("your edit is kept in %s", kept);
		else if (mode == OPT_FORGET || mode == OPT_FORGET_PERSON ||
		    (mode == OPT_USE && be_use_parse(marg) == BE_USE_NO))
			be_warnx("nothing forgotten");
	}
	free(ids);
	free(kept);
	return rc < 0 ? BE_FAIL : none ? BE_NONE : BE_OK;
}

int
main(int argc, char *argv[])
{
	struct be_collect_opts o;
	struct be_store *st;
	struct be_map *map = NULL;
	struct be_err e;
	const char *sflag = NULL, *mflag = NULL;
	struct be_purge pg = { NULL, 0 };
	char date[BE_DATE_MAX];
	int c, i, status = BE_OK;

	setlocale(LC_ALL, "");
	be_init(argv[0]);
	memset(&o, 0, sizeof o);
	o.out = stdout;
	o.refused = refused;
	while ((c = getopt_long(argc, argv, "nd:e:f:m:s:t:", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'n':
			o.dry_run = 1;
			break;
		case OPT_SKIP_BAD:
			o.skip_bad = 1;
			break;
		case OPT_NO_INDEX:
			o.no_index = 1;
			break;
		case 'd':
			if ((o.delim = parse_delim(optarg)) < 0) {
				be_warnx("delimiter must be ',', ';' or tab");
				return be_usage(usage_text);
			}
			break;
		case 'e':
			o.encoding = optarg;
			break;
		case 'f':
			if ((o.format = be_collect_format(optarg)) < 0) {
				be_warnx("format must be csv, yaml or records");
				return be_usage(usage_text);
			}
			break;
		case 'm':
			mflag = optarg;
			break;
		case 's':
			sflag = optarg;
			break;
		case 't':
			o.text_column = optarg;
			break;
		case OPT_USE:
			if (be_use_parse(optarg) < 0) {
				be_warnx("use level must be quote, count or no");
				return be_usage(usage_text);
			}
			/* FALLTHROUGH */
		case OPT_FORGET_PERSON:
		case OPT_PERSON:
		case OPT_EDIT:
		case OPT_BACKUP:
			marg = optarg;
			/* FALLTHROUGH */
		case OPT_PURGE:
		case OPT_FORGET:
		case OPT_CHECK:
			if (mode && mode != c)
				return be_usage(usage_text);
			mode = c;
			break;
		case OPT_OLDER:
			if (be_date_parse(optarg, date) < 0) {
				be_warnx("--older-than: unreadable date; write "
				    "it as 2026-02-02");
				return be_usage(usage_text);
			}
			pg.before = date;
			break;
		case OPT_REPORTED:
			pg.reported = 1;
			break;
		default:
			return be_std_option(c, usage_text);
		}
	}
	argc -= optind;
	argv += optind;
	if ((mode && mode != OPT_FORGET && mode != OPT_USE &&
	    argc > (mode == OPT_EDIT)) ||
	    ((pg.before || pg.reported) && mode != OPT_PURGE))
		return be_usage(usage_text);
	if (mode == OPT_CHECK)
		return be_finish(check_store(sflag));

	be_err_init(&e);
	if (mflag && (map = be_map_load(mflag, &e)) == NULL) {
		be_report(&e);
		return be_finish(BE_FAIL);
	}
	o.map = map;
	if ((st = be_prog_store(sflag, BE_STORE_WRITE)) == NULL) {
		be_map_free(map);
		return be_finish(BE_FAIL);
	}
	if (mode)
		status = act(st, argc, argv, &pg, &e);
	else if (argc == 0)
		status = collect_one(st, "-", &o);
	else
		for (i = 0; i < argc && !be_store_damaged(st); i++)
			if (collect_one(st, argv[i], &o) != BE_OK)
				status = BE_FAIL;
	be_store_close(st);
	be_map_free(map);
	return be_finish(status);
}
