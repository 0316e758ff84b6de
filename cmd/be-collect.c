/* be-collect: story intake from CSV exports, YAML stories or records. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collect.h"
#include "colmap.h"
#include "prog.h"
#include "record.h"
#include "store.h"
#include "story.h"
#include "banned.h"

static const char usage_text[] =
    "be-collect [-n] [--skip-bad] [--no-index] [-d delim] [-e encoding] "
    "[-f format] [-m map] [-s store] [-t column] [file ...]\n"
    "       be-collect --use quote|count [-s store] [ref ...]\n"
    "       be-collect --purge-persons [-s store]\n"
    "       be-collect --check-store [-s store]\n"
    "       be-collect --share-dir";

enum { OPT_SKIP_BAD = BE_OPT_FIRST_FREE, OPT_NO_INDEX, OPT_PURGE, OPT_USE,
    OPT_CHECK };

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

/* "3 TELEFOON, 1 BSN": the kinds by count, most first. */
static void
summary(const char *name, const struct be_collect_stats *s, int dry_run)
{
	char red[256] = "", how[96] = "", no[48] = "", use[96] = "";
	char tags[96] = "";
	char col[200] = "";
	unsigned done = 0, best;
	size_t len = 0;
	int k, pick;

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
	be_warnx("%s: %lu %s read, %lu new, %lu %s, %lu refused%s%s%s%s%s%s%s",
	    name, s->read, be_plural(s->read, "row", "rows"), s->added, s->dup,
	    be_plural(s->dup, "duplicate", "duplicates"), s->refused, no, use,
	    tags, red, how, col, dry_run ?
	    be_err_tr(N_("; dry run, nothing written")) : "");
}

static int
collect_one(struct be_store *st, const char *path,
    const struct be_collect_opts *o)
{
	struct be_collect_stats s;
	struct be_err e;
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
	summary(path, &s, o->dry_run);
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

int
main(int argc, char *argv[])
{
	struct be_collect_opts o;
	struct be_store *st;
	struct be_map *map = NULL;
	struct be_err e;
	const char *sflag = NULL, *mflag = NULL;
	unsigned long n;
	long long *ids = NULL;
	size_t nids = 0;
	int c, i, purge = 0, use = -1, check = 0, status = BE_OK;

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
		case OPT_PURGE:
			purge = 1;
			break;
		case OPT_USE:
			if ((use = be_use_parse(optarg)) < 0) {
				be_warnx("use level must be quote, count or no");
				return be_usage(usage_text);
			}
			break;
		case OPT_CHECK:
			check = 1;
			break;
		default:
			return be_std_option(c, usage_text);
		}
	}
	argc -= optind;
	argv += optind;
	if ((purge && argc > 0) || (purge && use >= 0) ||
	    (check && (argc > 0 || purge || use >= 0)))
		return be_usage(usage_text);
	if (check)
		return be_finish(check_store(sflag));
	if (use == BE_USE_NO) {
		be_warnx("--use no would forget the stories; run be-collect "
		    "--forget on them");
		return be_finish(BE_FAIL);
	}

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
	if (use >= 0) {
		if (be_loop_refs(argc, argv, 'S', &ids, &nids, &e) < 0 ||
		    be_collect_set_use(st, ids, nids, use, &n, &e) < 0) {
			be_report(&e);
			status = BE_FAIL;
		} else
			be_warnx("%lu %s now %s", n,
			    be_plural(n, "story", "stories"),
			    use == BE_USE_COUNT ? be_err_tr(N_("count only")) :
			    be_err_tr(N_("quotable")));
	} else if (purge) {
		if (be_collect_purge(st, NULL, 0, &n, &e) < 0) {
			be_report(&e);
			status = BE_FAIL;
		} else
			be_warnx("purged the identifying data of %lu %s", n,
			    be_plural(n, "story", "stories"));
	} else if (argc == 0)
		status = collect_one(st, "-", &o);
	else
		for (i = 0; i < argc && !be_store_damaged(st); i++)
			if (collect_one(st, argv[i], &o) != BE_OK)
				status = BE_FAIL;
	be_store_close(st);
	be_map_free(map);
	free(ids);
	return be_finish(status);
}
