/* be-report: the signalenrapport.  See be-report(1). */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prog.h"
#include "report.h"
#include "store.h"
#include "banned.h"

static const char usage[] =
    "be-report [-n] [-f format] [--per maand|kwartaal] [--since date |\n"
    "                 --since-meeting meeting] [--until date] [--min-count n]"
    "\n                 [--quotes n] [-s store]\n"
    "       be-report [-H] -l [-s store]";

enum {
	OPT_PER = BE_OPT_FIRST_FREE, OPT_SINCE, OPT_UNTIL, OPT_MEETING,
	OPT_MIN, OPT_QUOTES
};

static const struct option longopts[] = {
	{ "dry-run", no_argument, 0, 'n' },
	{ "format", required_argument, 0, 'f' },
	{ "header", no_argument, 0, 'H' },
	{ "list", no_argument, 0, 'l' },
	{ "per", required_argument, 0, OPT_PER },
	{ "since", required_argument, 0, OPT_SINCE },
	{ "until", required_argument, 0, OPT_UNTIL },
	{ "since-meeting", required_argument, 0, OPT_MEETING },
	{ "min-count", required_argument, 0, OPT_MIN },
	{ "quotes", required_argument, 0, OPT_QUOTES },
	BE_LONGOPT_STORE,
	BE_LONGOPTS_STD,
	{ 0, 0, 0, 0 }
};

/* A whole number from lo to hi into *v; else a message and -1. */
static int
number(const char *opt, const char *s, int lo, int hi, int *v)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || n < lo || n > hi) {
		be_warnx("%s: '%s' is not a number from %d to %d", opt, s, lo,
		    hi);
		return -1;
	}
	*v = (int)n;
	return 0;
}

int
main(int argc, char *argv[])
{
	struct be_report_opt o = BE_REPORT_OPT_INIT;
	struct be_report r;
	struct be_store *st = NULL;
	struct be_err e;
	const char *sflag = NULL;
	enum be_rfmt fmt = BE_RF_HTML;
	int c, nflag = 0, lflag = 0, Hflag = 0, made = 0;

	setlocale(LC_ALL, "");
	be_init(argv[0]);
	be_err_init(&e);
	memset(&r, 0, sizeof r);
	while ((c = getopt_long(argc, argv, "Hf:lns:", longopts, NULL))
	    != -1) {
		switch (c) {
		case 'H': Hflag = 1; break;
		case 'l': lflag = 1; break;
		case 'n': nflag = 1; break;
		case 's': sflag = optarg; break;
		case 'f':
			if (be_rfmt_parse(optarg, &fmt) < 0) {
				be_warnx("-f: unknown format '%s'; use html, "
				    "md, yaml or csv", optarg);
				return be_usage(usage);
			}
			break;
		case OPT_PER:
			if (be_rper_parse(optarg, &o.per) < 0) {
				be_warnx("--per: '%s' is neither maand nor "
				    "kwartaal", optarg);
				return be_usage(usage);
			}
			break;
		case OPT_SINCE: o.since = optarg; break;
		case OPT_UNTIL: o.until = optarg; break;
		case OPT_MEETING: o.meeting = optarg; break;
		case OPT_MIN:
			if (number("--min-count", optarg, 1, 1000,
			    &o.min_count) < 0)
				return be_usage(usage);
			break;
		case OPT_QUOTES:
			if (number("--quotes", optarg, 0, 3, &o.quotes) < 0)
				return be_usage(usage);
			break;
		default:
			return be_std_option(c, usage);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 0) {
		be_warnx("no operands are taken");
		return be_usage(usage);
	}
	if (o.since && o.meeting) {
		be_warnx("--since and --since-meeting exclude each other");
		return be_usage(usage);
	}

	if ((st = be_report_open(be_store_path(sflag), !nflag && !lflag,
	    &e)) == NULL)
		goto fail;
	if (lflag) {
		if (be_report_list(st, stdout, Hflag, &e) < 0)
			goto fail;
		be_store_close(st);
		return be_finish(BE_OK);
	}
	if (be_report_make(st, &o, &r, &e) < 0)
		goto fail;
	made = 1;
	/* Recorded only once the whole report is out. */
	if (be_report_write(stdout, &r, fmt) < 0 || fflush(stdout) != 0)
		goto out;
	if (!nflag && be_report_record(st, &r, &e) < 0)
		goto fail;
out:
	be_report_release(&r);
	be_store_close(st);
	return be_finish(BE_OK);
fail:
	be_report(&e);
	if (made)
		be_report_release(&r);
	be_store_close(st);
	return be_finish(BE_FAIL);
}
