/* be-find: select stories.  See be-find(1). */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "find.h"
#include "prog.h"
#include "record.h"
#include "banned.h"

static const char usage[] =
    "be-find [-H] [-q query] [-t tag ...] [--untagged] [--since date]\n"
    "               [--until date] [--since-meeting meeting] [-c channel]\n"
    "               [-g gemeente] [-a key=value ...]"
    " [--route[=to] | --no-route]\n"
    "               [--use quote|count]\n"
    "               [--by key[,key] [--csv] | --count | --csv | --json |"
    " --text |\n"
    "               --yaml] [-s store]\n"
    "               [ref ... | -]";

enum {
	OPT_UNTAGGED = BE_OPT_FIRST_FREE, OPT_SINCE, OPT_UNTIL, OPT_MEETING,
	OPT_ROUTE, OPT_NOROUTE, OPT_BY, OPT_COUNT, OPT_JSON, OPT_TEXT,
	OPT_YAML, OPT_USE, OPT_CSV
};

static const struct option longopts[] = {
	{ "header", no_argument, 0, 'H' },
	{ "query", required_argument, 0, 'q' },
	{ "tag", required_argument, 0, 't' },
	{ "untagged", no_argument, 0, OPT_UNTAGGED },
	{ "since", required_argument, 0, OPT_SINCE },
	{ "until", required_argument, 0, OPT_UNTIL },
	{ "since-meeting", required_argument, 0, OPT_MEETING },
	{ "channel", required_argument, 0, 'c' },
	{ "gemeente", required_argument, 0, 'g' },
	{ "attr", required_argument, 0, 'a' },
	{ "route", optional_argument, 0, OPT_ROUTE },
	{ "use", required_argument, 0, OPT_USE },
	{ "no-route", no_argument, 0, OPT_NOROUTE },
	{ "by", required_argument, 0, OPT_BY },
	{ "count", no_argument, 0, OPT_COUNT },
	{ "json", no_argument, 0, OPT_JSON },
	{ "text", no_argument, 0, OPT_TEXT },
	{ "yaml", no_argument, 0, OPT_YAML },
	{ "csv", no_argument, 0, OPT_CSV },
	BE_LONGOPT_STORE,
	BE_LONGOPTS_STD,
	{ 0, 0, 0, 0 }
};

/*
 * Selectors are kept as given until the store is open: the options are
 * all checked before anything is read.
 */
struct sel {
	int opt;
	const char *arg;
};

static int
add_ref(const struct be_rec *r, const char *name, unsigned long line,
    void *arg, struct be_err *e)
{
	char msg[sizeof e->msg];
	long long id;

	if (be_ref_parse(be_rec_field(r, 0), 'S', &id) < 0 &&
	    strcmp(name, "argv") == 0)
		return be_err_at(e, name, line, 0, "'%s' is not a story (S-n)",
		    be_rec_field(r, 0));
	if (be_ref_parse(be_rec_field(r, 0), 'S', &id) < 0)
		return be_err_at(e, name, line, 0,
		    "first field is not a story ref (S-n)");
	if (be_find_ref(arg, id, e) < 0) {
		snprintf(msg, sizeof msg, "%s", e->msg);
		return be_err_at(e, name, line, 0, "%s", msg);
	}
	return 0;
}

static int
add_sel(struct be_find *f, const struct sel *s, struct be_err *e)
{
	switch (s->opt) {
	case 'q': return be_find_query(f, s->arg, e);
	case 't': return be_find_tag(f, s->arg, e);
	case 'c': be_find_channel(f, s->arg); return 0;
	case 'g': be_find_gemeente(f, s->arg); return 0;
	case 'a': return be_find_attr(f, s->arg, e);
	case OPT_UNTAGGED: be_find_untagged(f); return 0;
	case OPT_SINCE: return be_find_since(f, s->arg, e);
	case OPT_UNTIL: return be_find_until(f, s->arg, e);
	case OPT_MEETING: return be_find_since_meeting(f, s->arg, e);
	case OPT_ROUTE:
		if (s->arg)
			be_find_route_is(f, s->arg);
		else
			be_find_route(f, 1);
		return 0;
	case OPT_NOROUTE: be_find_route(f, 0); return 0;
	case OPT_USE: return be_find_use(f, s->arg, e);
	case OPT_BY: return be_find_by(f, s->arg, e);
	}
	return 0;
}

int
main(int argc, char *argv[])
{
	struct sel sels[256];
	struct be_store *st = NULL;
	struct be_find *f = NULL;
	struct be_err e;
	const char *sflag = NULL;
	enum be_find_fmt fmt = BE_FIND_RECORDS;
	int c, i, nsel = 0, Hflag = 0, cflag = 0, nout = 0, qflag = 0;
	int tflag = 0, uflag = 0, rflag = 0, csvflag = 0, byflag = 0, status = BE_FAIL;
	long long n;

	setlocale(LC_ALL, "");
	be_init(argv[0]);
	be_err_init(&e);
	while ((c = getopt_long(argc, argv, "Ha:c:g:q:s:t:", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'H': Hflag = 1; continue;
		case 's': sflag = optarg; continue;
		case OPT_COUNT: cflag = 1; nout++; continue;
		case OPT_JSON: fmt = BE_FIND_JSON; nout++; continue;
		case OPT_TEXT: fmt = BE_FIND_TEXT; nout++; continue;
		case OPT_YAML: fmt = BE_FIND_YAML; nout++; continue;
		case OPT_CSV: fmt = BE_FIND_CSV; csvflag = 1; nout++; continue;
		case 'q': qflag = 1; break;
		case 't': tflag = 1; break;
		case OPT_UNTAGGED: uflag = 1; break;
		case OPT_ROUTE: rflag |= 1; break;
		case OPT_NOROUTE: rflag |= 2; break;
		case OPT_BY: byflag = 1; nout++; break;
		case 'a': case 'c': case 'g': case OPT_SINCE: case OPT_UNTIL:
		case OPT_MEETING: case OPT_USE:
			break;
		default:
			return be_std_option(c, usage);
		}
		if (nsel == (int)(sizeof sels / sizeof sels[0])) {
			be_warnx("too many selectors");
			return BE_FAIL;
		}
		sels[nsel].opt = c;
		sels[nsel++].arg = optarg;
	}
	argc -= optind;
	argv += optind;
	/* --csv goes with --by: the counts for a spreadsheet. */
	if (nout - (csvflag && byflag) > 1) {
		be_warnx("give one of --by, --count, --csv, --json, --text, "
		    "--yaml");
		return be_usage(usage);
	}
	if (tflag && uflag) {
		be_warnx("-t and --untagged exclude each other");
		return be_usage(usage);
	}
	if (rflag == 3) {
		be_warnx("--route and --no-route exclude each other");
		return be_usage(usage);
	}

	if ((st = be_find_open(be_store_path(sflag), qflag, &e)) == NULL)
		goto fail;
	f = be_find_new(st);
	for (i = 0; i < nsel; i++)
		if (add_sel(f, &sels[i], &e) < 0)
			goto fail;
	/* With no operand every story is a candidate: stdin is read only
	 * for "-", whatever it is connected to. */
	if (argc > 0) {
		be_find_use_refs(f);
		if (be_loop(argc, argv, add_ref, f, &e) != 0)
			goto fail;
	}
	if (be_find_run(f, &e) < 0)
		goto fail;
	/* Printing tells how many it printed: no count before. */
	n = cflag ? be_find_count(f, &e) :
	    be_find_print(f, stdout, fmt, Hflag, &e);
	if (n < 0)
		goto fail;
	status = n > 0 ? BE_OK : BE_NONE;
	if (cflag)
		printf("%lld\n", n);
	be_find_free(f);
	be_store_close(st);
	return be_finish(status);
fail:
	be_report(&e);
	be_find_free(f);
	be_store_close(st);
	return be_finish(BE_FAIL);
}
