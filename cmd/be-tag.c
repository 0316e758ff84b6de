/* be-tag: themes on stories, by codebook and by hand.  See be-tag(1). */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codebook.h"
#include "mem.h"
#include "prog.h"
#include "qdc.h"
#include "record.h"
#include "route.h"
#include "store.h"
#include "qdpx.h"
#include "tag.h"
#include "banned.h"

static const char usage_str[] =
    "be-tag [-n] [--skip-bad] [-s store] -c codebook [--all | --untagged | ref ...]\n"
    "       be-tag [-s store] [-u who] [--new] +tag | -tag ... [ref ...]\n"
    "       be-tag [-s store] [-u who] --needs-route [--note text] [ref ...]\n"
    "       be-tag [-s store] [-u who] --route to [--told how] [--pass-on]\n"
    "              [--note text] [--date date] [ref ...]\n"
    "       be-tag [-s store] -l\n"
    "       be-tag [-s store] --explain [ref ...]\n"
    "       be-tag --check codebook\n"
    "       be-tag --export-qdc codebook\n"
    "       be-tag [-s store] [-c codebook] --export-qdpx file [--all | ref ...]\n"
    "       be-tag --import-qdc file";

enum { OPT_ALL = BE_OPT_FIRST_FREE, OPT_UNTAGGED, OPT_SKIPBAD, OPT_NEW,
	OPT_EXPLAIN, OPT_CHECK, OPT_EXPORT, OPT_IMPORT, OPT_QDPX, OPT_ROUTE,
	OPT_NEEDS, OPT_NOTE, OPT_TOLD, OPT_DATE, OPT_PASSON };

static const struct option longopts[] = {
	{ "codebook", required_argument, 0, 'c' },
	{ "list", no_argument, 0, 'l' },
	{ "dry-run", no_argument, 0, 'n' },
	BE_LONGOPT_STORE,
	{ "who", required_argument, 0, 'u' },
	{ "all", no_argument, 0, OPT_ALL },
	{ "untagged", no_argument, 0, OPT_UNTAGGED },
	{ "skip-bad", no_argument, 0, OPT_SKIPBAD },
	{ "new", no_argument, 0, OPT_NEW },
	{ "explain", no_argument, 0, OPT_EXPLAIN },
	{ "check", required_argument, 0, OPT_CHECK },
	{ "export-qdc", required_argument, 0, OPT_EXPORT },
	{ "import-qdc", required_argument, 0, OPT_IMPORT },
	{ "export-qdpx", required_argument, 0, OPT_QDPX },
	{ "route", required_argument, 0, OPT_ROUTE },
	{ "needs-route", no_argument, 0, OPT_NEEDS },
	{ "note", required_argument, 0, OPT_NOTE },
	{ "told", required_argument, 0, OPT_TOLD },
	{ "date", required_argument, 0, OPT_DATE },
	{ "pass-on", no_argument, 0, OPT_PASSON },
	BE_LONGOPTS_STD,
	{ 0, 0, 0, 0 }
};

static const char optstring[] = "c:lns:u:";
static int allflag, untaggedflag, skipflag, newflag, explainflag, lflag,
    nflag;
static const char *sflag, *who, *route;
static struct be_route rt;
static int needsflag;

/* Copies the records kept in tmp to stdout. */
static void
flush_tmp(FILE *tmp)
{
	char buf[65536];
	size_t n;

	rewind(tmp);
	while ((n = fread(buf, 1, sizeof buf, tmp)) > 0)
		fwrite(buf, 1, n, stdout);
	fclose(tmp);
}

static void
summary(const struct be_tag_stats *s, int dry)
{
	char skipped[64] = "";

	if (s->skipped)
		snprintf(skipped, sizeof skipped,
		    be_err_tr(N_(", %lu skipped")), s->skipped);
	if (s->added + s->removed + s->updated == 0 && dry)
		be_warnx("%lu %s%s: no change; nothing written", s->stories,
		    be_plural(s->stories, "story", "stories"), skipped);
	else if (s->added + s->removed + s->updated == 0)
		be_warnx("%lu %s%s: no change", s->stories,
		    be_plural(s->stories, "story", "stories"), skipped);
	else if (dry)
		be_warnx("%lu %s%s: would have %lu %s added, %lu removed, "
		    "%lu updated; nothing written", s->stories,
		    be_plural(s->stories, "story", "stories"), skipped,
		    s->added, be_plural(s->added, "tag", "tags"), s->removed,
		    s->updated);
	else
		be_warnx("%lu %s%s: %lu %s added, %lu removed, %lu updated",
		    s->stories, be_plural(s->stories, "story", "stories"),
		    skipped, s->added, be_plural(s->added, "tag", "tags"),
		    s->removed, s->updated);
}

/* Checks the codebook at path and says how it went. */
static int
do_check(const char *path)
{
	size_t nfails, nex, nthemes, npats;

	if (be_codebook_check_file(path, be_report, &nfails, &nex, &nthemes,
	    &npats) < 0)
		return BE_FAIL;
	if (nfails)
		be_warnx("%s: %zu of %zu examples fail", path, nfails, nex);
	else
		be_warnx("%s: %zu themes, %zu patterns, %zu examples: all pass",
		    path, nthemes, npats, nex);
	return nfails ? BE_FAIL : BE_OK;
}

/* Writes the codebook exp as QDC, or the QDC file imp as a codebook. */
static int
do_qdc(const char *exp, const char *imp)
{
	struct be_codebook *cb;
	struct be_err e;
	struct be_buf b = BE_BUF_INIT;
	char *cbname;
	int rc;
	FILE *fp;

	be_err_init(&e);
	if (exp) {
		if (be_codebook_load(exp, &cb, &e) < 0) {
			be_report(&e);
			return BE_FAIL;
		}
		rc = be_qdc_export(cb, stdout, &e);
		be_codebook_free(cb);
	} else {
		if ((fp = be_open_input(imp, &e)) == NULL) {
			be_report(&e);
			return BE_FAIL;
		}
		(void)be_buf_fread(&b, fp);
		be_close_input(fp);
		cbname = be_qdc_cbname(imp);
		rc = be_qdc_import(b.s, b.len, imp, cbname, stdout, &e);
		free(cbname);
		be_buf_release(&b);
	}
	if (rc < 0)
		be_report(&e);
	return rc < 0 ? BE_FAIL : BE_OK;
}

/* Writes the project of the stories given (all with --all) to path. */
static int
do_qdpx(const char *path, const char *cbpath, int argc, char **argv)
{
	struct be_codebook *cb = NULL;
	struct be_store *st = NULL;
	struct be_buf zip = BE_BUF_INIT;
	static const long long none[1];
	long long *ids = NULL;
	size_t nids = 0;
	struct be_err e;
	int rc = BE_FAIL;

	be_err_init(&e);
	if ((cbpath && be_codebook_load(cbpath, &cb, &e) < 0) ||
	    (!allflag && be_loop_refs(argc, argv, 'S', &ids, &nids, &e) != 0) ||
	    (st = be_store_open(be_store_path(sflag), BE_STORE_RDONLY,
	    &e)) == NULL ||
	    be_qdpx_export(st, cb, allflag ? NULL : ids ? ids : none, nids,
	    &zip, &e) < 0 || be_qdpx_save(path, &zip, &e) < 0)
		be_report(&e);
	else
		rc = BE_OK;
	be_buf_release(&zip);
	be_store_close(st);
	be_codebook_free(cb);
	free(ids);
	return rc;
}

int
main(int argc, char **argv)
{
	const char *cflag = NULL, *check = NULL, *exp = NULL, *imp = NULL;
	const char *qdpx = NULL;
	const char **add, **del;
	size_t nadd = 0, ndel = 0, i;
	struct be_tag_stats stats = { 0, 0, 0, 0, 0 };
	struct be_codebook *cb = NULL;
	struct be_store *st = NULL;
	long long *ids = NULL;
	size_t nids = 0;
	struct be_err e;
	FILE *tmp = NULL;
	int c, rc = BE_OK, modes, flags;
	long n;

	setlocale(LC_ALL, "");
	be_init(argv[0]);
	add = be_xcalloc((size_t)argc, sizeof *add);
	del = be_xcalloc((size_t)argc, sizeof *del);
	argc = be_tag_words(argc, argv, optstring, longopts, add, &nadd, del,
	    &ndel);
	while ((c = getopt_long(argc, argv, optstring, longopts, NULL)) != -1)
		switch (c) {
		case 'c': cflag = optarg; break;
		case 'l': lflag = 1; break;
		case 'n': nflag = 1; break;
		case 's': sflag = optarg; break;
		case 'u': who = optarg; break;
		case OPT_ALL: allflag = 1; break;
		case OPT_UNTAGGED: untaggedflag = 1; break;
		case OPT_SKIPBAD: skipflag = 1; break;
		case OPT_NEW: newflag = 1; break;
		case OPT_EXPLAIN: explainflag = 1; break;
		case OPT_CHECK: check = optarg; break;
		case OPT_EXPORT: exp = optarg; break;
		case OPT_IMPORT: imp = optarg; break;
		case OPT_QDPX: qdpx = optarg; break;
		case OPT_ROUTE: route = optarg; break;
		case OPT_NEEDS: needsflag = 1; break;
		case OPT_NOTE: rt.note = optarg; break;
		case OPT_TOLD: rt.told = optarg; break;
		case OPT_DATE: rt.date = optarg; break;
		case OPT_PASSON: rt.pass_on = 1; break;
		default:
			rc = be_std_option(c, usage_str);
			goto out;
		}
	argc -= optind;
	argv += optind;
	if (qdpx) {
		if (lflag || explainflag || check || exp || imp ||
		    nadd + ndel || untaggedflag || nflag || skipflag ||
		    newflag || who || route || needsflag ||
		    (allflag && argc > 0))
			rc = be_usage(usage_str);
		else
			rc = be_finish(do_qdpx(qdpx, cflag, argc, argv));
		goto out;
	}
	modes = !!cflag + lflag + explainflag + !!check + !!exp + !!imp +
	    (nadd + ndel > 0) + !!route + needsflag;
	if (modes != 1 || (allflag && untaggedflag) ||
	    ((rt.note || rt.date) && !route && !needsflag) ||
	    ((rt.told || rt.pass_on) && !route) ||
	    ((allflag || untaggedflag) && (!cflag || argc > 0)) ||
	    ((nflag || skipflag) && !cflag) || (newflag && !nadd) ||
	    (who && !(nadd + ndel) && !route && !needsflag) ||
	    ((lflag || check || exp || imp) && argc > 0)) {
		rc = be_usage(usage_str);
		goto out;
	}
	if (check || exp || imp) {
		rc = be_finish(check ? do_check(check) : do_qdc(exp, imp));
		goto out;
	}
	be_err_init(&e);
	if (cflag && be_codebook_load(cflag, &cb, &e) < 0)
		goto fail;
	/* Refs follow the tag words, as the usage has them. */
	be_argbase = (int)(nadd + ndel);
	if (!allflag && !untaggedflag && !lflag &&
	    be_loop_refs(argc, argv, 'S', &ids, &nids, &e) != 0)
		goto fail;
	st = be_store_open(be_store_path(sflag), (lflag || explainflag ||
	    nflag) ? BE_STORE_RDONLY : BE_STORE_UPDATE, &e);
	if (st == NULL)
		goto fail;
	if (lflag) {
		if ((n = be_tag_list(st, stdout, &e)) < 0)
			goto fail;
		rc = n ? BE_OK : BE_NONE;
		goto done;
	}
	if (explainflag) {
		for (i = 0; i < nids; i++)
			if (be_tag_explain(st, ids[i], stdout, &e) < 0)
				goto fail;
		goto done;
	}
	/* Records wait in a file until the unit is committed. */
	if ((tmp = tmpfile()) == NULL) {
		be_err_set(&e, "cannot make a temporary file: %s",
		    strerror(errno));
		goto fail;
	}
	rt.who = who;
	if (route || needsflag) {
		if (be_route_to(st, ids, nids, route, &rt, tmp, &e) < 0)
			goto fail;
		flush_tmp(tmp);
		goto done;
	}
	if (cb) {
		flags = (nflag ? BE_TAG_DRY : 0) | (skipflag ? BE_TAG_SKIPBAD : 0);
		if (be_tag_run(st, cb, flags, allflag, untaggedflag, ids, nids,
		    tmp, be_report, &stats, &e) < 0)
			goto fail;
	} else {
		if (who == NULL && (who = getenv("USER")) == NULL)
			who = "unknown";
		if (be_tag_hand_ids(st, ids, nids, add, nadd, del, ndel, who,
		    newflag, tmp, &stats, &e) < 0)
			goto fail;
	}
	flush_tmp(tmp);
	summary(&stats, nflag);
	rc = stats.skipped ? BE_FAIL : BE_OK;
	goto done;
fail:
	be_report(&e);
	if (tmp)
		fclose(tmp);
	rc = BE_FAIL;
done:
	be_store_close(st);
	be_codebook_free(cb);
	free(ids);
	rc = be_finish(rc);
out:
	free(add);
	free(del);
	return rc;
}
