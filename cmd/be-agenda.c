/* be-agenda: the agenda of a meeting, its record, outcome and report. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "date.h"
#include "i18n.h"
#include "meeting.h"
#include "point.h"
#include "prog.h"
#include "record.h"
#include "store.h"
#include "banned.h"

static const char usage[] =
    "be-agenda [-s store] [-f format] [--lang nl|en] [--notes] [--record]\n"
    "                 -m meeting [point ...]\n"
    "       be-agenda [-s store] [-f format] [--lang nl|en] [--notes] show "
    "M-n\n"
    "       be-agenda [-s store] [-f format] [--lang nl|en] [--council file]"
    "\n                 --report M-n\n"
    "       be-agenda [-s store] [--csv] [-o file] recipients M-n\n"
    "       be-agenda [-s store] outcome [file]\n"
    "       be-agenda [-s store] outcome M-n item text\n"
    "       be-agenda [-s store] action M-n item who what [due]\n"
    "       be-agenda [-s store] -l";

enum { OPT_LANG = BE_OPT_FIRST_FREE, OPT_RECORD, OPT_REPORT, OPT_NOTES,
	OPT_COUNCIL, OPT_CSV };

static const struct option longopts[] = {
	BE_LONGOPTS_STD,
	BE_LONGOPT_STORE,
	{ "meeting", required_argument, 0, 'm' },
	{ "format", required_argument, 0, 'f' },
	{ "list", no_argument, 0, 'l' },
	{ "lang", required_argument, 0, OPT_LANG },
	{ "record", no_argument, 0, OPT_RECORD },
	{ "report", required_argument, 0, OPT_REPORT },
	{ "notes", no_argument, 0, OPT_NOTES },
	{ "council", required_argument, 0, OPT_COUNCIL },
	{ "csv", no_argument, 0, OPT_CSV },
	{ "output", required_argument, 0, 'o' },
	{ 0, 0, 0, 0 }
};

static int rflag, lflag, notesflag, csvflag;
static const char *council, *oflag;
static enum be_lang lang = BE_NL;
static enum be_afmt fmt = BE_AF_MD;

struct ctx {
	struct be_store *st;
	struct be_agenda *a;
};

static int
add_point(const struct be_rec *r, const char *name, unsigned long line,
    void *arg, struct be_err *e)
{
	struct ctx *c = arg;
	long long id;
	int state = 0;

	if (be_ref_parse(be_rec_field(r, 0), 'P', &id) < 0)
		return strcmp(name, "argv") == 0 ?
		    be_err_at(e, name, line, 0, "'%s' is not a point (P-n)",
		    be_rec_field(r, 0)) :
		    be_err_at(e, name, line, 0, "not a point ref P-n");
	if (be_meeting_add_point(c->st, c->a, id, &state, e) < 0) {
		if (e->file[0] == '\0') {
			snprintf(e->file, sizeof e->file, "%s", name);
			e->line = line;
		}
		return -1;
	}
	/* An intern beraad prepares concepts; an overleg should not get one. */
	if (state == BE_PS_CONCEPT && !c->a->intern)
		be_warnx("warning: 'P-%lld' is still a concept", id);
	if (state == BE_PS_TERUGGEKOPPELD)
		be_warnx("warning: 'P-%lld' was already reported back "
		    "(teruggekoppeld)", id);
	return 0;
}

/* The meeting ref s, operand n as typed (0: of --report), into *id. */
static int
meeting_ref(const char *s, int n, long long *id, struct be_err *e)
{
	if (be_ref_parse(s, 'M', id) == 0)
		return 0;
	if (n == 0)
		return be_err_set(e, "--report: '%s' is not a meeting (M-n)",
		    s);
	return be_err_set(e, "argument %d: '%s' is not a meeting (M-n)", n, s);
}

/* The item number s, operand n as typed, into *v. */
static int
item_no(const char *s, int n, long *v, struct be_err *e)
{
	char *end;

	*v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || *v < 1)
		return be_err_set(e, "argument %d: '%s' is not an item "
		    "number (1, 2, ...)", n, s);
	return 0;
}

/* recipients M-n: the list goes to a file of mode 0600 or stdout. */
static int
recipients(struct be_store *st, const char *ref, struct be_err *e)
{
	long long id;
	FILE *fp;
	int n;

	if (meeting_ref(ref, 2, &id, e) < 0 ||
	    (fp = be_open_private(oflag ? oflag : "-", e)) == NULL)
		return -1;
	n = be_meeting_recipients(st, id, csvflag, fp, e);
	if (be_close_private(fp, oflag, e) < 0)
		return -1;
	return n < 0 ? -1 : 0;
}

/* outcome [file] | outcome M-n item text */
static int
outcome(struct be_store *st, int argc, char **argv, struct be_err *e)
{
	long long id;
	long item;
	FILE *fp;
	const char *name = "-";
	int rc;

	if (argc == 3)
		return meeting_ref(argv[0], 2, &id, e) < 0 ||
		    item_no(argv[1], 3, &item, e) < 0 ? -1 :
		    be_meeting_outcome(st, id, item, argv[2], e);
	if (argc == 1)
		name = argv[0];
	if ((fp = be_open_input(name, e)) == NULL)
		return -1;
	rc = be_meeting_outcome_yaml(st, fp, name, &id, e);
	be_close_input(fp);
	if (rc == 0)
		printf("M-%lld\n", id);
	return rc;
}

int
main(int argc, char *argv[])
{
	struct be_agenda a;
	struct be_store *st = NULL;
	struct be_err e;
	struct ctx c;
	const char *sflag = NULL, *mflag = NULL, *report = NULL, *verb = NULL;
	char now[32];
	FILE *fp;
	long long id, aid;
	long item;
	int ch, rc = 0, fset = 0;

	setlocale(LC_ALL, "");
	be_init(argv[0]);
	while ((ch = getopt_long(argc, argv, "s:m:f:lo:", longopts, NULL))
	    != -1) {
		switch (ch) {
		case 'o': oflag = optarg; break;
		case 's': sflag = optarg; break;
		case 'm': mflag = optarg; break;
		case 'l': lflag = 1; break;
		case 'f':
			if (be_afmt_parse(optarg, &fmt) < 0) {
				be_warnx("unknown format '%s'; use md, txt, "
				    "html, yaml or ics", optarg);
				return be_finish(BE_FAIL);
			}
			fset = 1;
			break;
		case OPT_LANG:
			if (be_lang_parse(optarg, &lang) < 0) {
				be_warnx("unknown language '%s'; use nl or en",
				    optarg);
				return be_finish(BE_FAIL);
			}
			break;
		case OPT_RECORD: rflag = 1; break;
		case OPT_REPORT: report = optarg; break;
		case OPT_NOTES: notesflag = 1; break;
		case OPT_COUNCIL: council = optarg; break;
		case OPT_CSV: csvflag = 1; break;
		default:
			return be_std_option(ch, usage);
		}
	}
	argc -= optind;
	argv += optind;
	if (!mflag && !report && !lflag) {
		if (argc == 0)
			return be_usage(usage);
		verb = *argv++;
		argc--;
		be_argbase = 1;
		if (strcmp(verb, "show") != 0 && strcmp(verb, "outcome") != 0 &&
		    strcmp(verb, "action") != 0 &&
		    strcmp(verb, "recipients") != 0)
			return be_usage(usage);
	}
	if ((verb && (strcmp(verb, "show") == 0 ||
	    strcmp(verb, "recipients") == 0) && argc != 1) ||
	    ((csvflag || oflag) && !(verb && strcmp(verb, "recipients") == 0)) ||
	    (council && !report) || (notesflag && report) ||
	    (verb && strcmp(verb, "action") == 0 && argc != 4 && argc != 5) ||
	    (verb && strcmp(verb, "outcome") == 0 && argc != 0 &&
	    argc != 1 && argc != 3) ||
	    ((report || lflag) && (argc || mflag)) || (mflag && report) ||
	    (rflag && !mflag))
		return be_usage(usage);
	if (report && fset && fmt != BE_AF_MD && fmt != BE_AF_TXT &&
	    fmt != BE_AF_HTML) {
		be_warnx("a report is md, txt or html");
		return be_finish(BE_FAIL);
	}

	be_err_init(&e);
	be_agenda_init(&a);
	be_now(now);
	if ((st = be_prog_store(sflag, rflag || (verb && (strcmp(verb,
	    "outcome") == 0 || strcmp(verb, "action") == 0)) ?
	    BE_STORE_UPDATE : BE_STORE_RDONLY)) == NULL)
		goto out;
	if (mflag) {
		if ((fp = be_open_input(mflag, &e)) == NULL) {
			rc = -1;
			goto out;
		}
		rc = be_meeting_load(fp, mflag, lang, &a, &e);
		be_close_input(fp);
		a.notes = notesflag;
		c.st = st;
		c.a = &a;
		if (rc == 0)
			rc = be_loop(argc, argv, add_point, &c, &e);
		if (rc == 0 && (rc = be_meeting_finish(st, &a, &e)) < 0 &&
		    e.file[0] == '\0')
			snprintf(e.file, sizeof e.file, "%s", mflag);
		if (rc == 0 && rflag && (rc = be_meeting_record(st, &a,
		    &e)) == 0)
			printf("M-%lld\n", a.id);
		else if (rc == 0)
			be_agenda_write(stdout, &a, fmt, lang, now);
	} else if (report || (verb && strcmp(verb, "show") == 0)) {
		if ((rc = report ? meeting_ref(report, 0, &id, &e) :
		    meeting_ref(argv[0], 2, &id, &e)) == 0)
			rc = be_meeting_get(st, id, lang, &a, &e);
		a.notes = notesflag;
		if (rc == 0 && council)
			rc = be_meeting_council(council, &a, &e);
		if (rc == 0 && report && a.intern)
			rc = be_err_set(&e, "'%s' is an intern beraad; the "
			    "report back is of an overleg", report);
		if (rc == 0 && report)
			be_agenda_report(stdout, &a, fmt, lang);
		else if (rc == 0)
			be_agenda_write(stdout, &a, fmt, lang, now);
	} else if (lflag) {
		if ((rc = be_meeting_list(st, stdout, &e)) == 0)
			rc = 1;
		else if (rc > 0)
			rc = 0;
	} else if (strcmp(verb, "recipients") == 0) {
		rc = recipients(st, argv[0], &e);
	} else if (strcmp(verb, "outcome") == 0) {
		rc = outcome(st, argc, argv, &e);
	} else {
		if ((rc = meeting_ref(argv[0], 2, &id, &e)) == 0 &&
		    (rc = item_no(argv[1], 3, &item, &e)) == 0)
			rc = be_meeting_action(st, id, item, *argv[2] ?
			    argv[2] : NULL, argv[3], argc == 5 ? argv[4] : NULL,
			    &aid, &e);
		if (rc == 0)
			printf("%lld\n", aid);
	}
out:
	if (st == NULL)
		rc = -1;
	else if (rc < 0 && e.set)
		be_report(&e);
	be_agenda_release(&a);
	be_store_close(st);
	return be_finish(rc < 0 ? BE_FAIL : rc == 1 ? BE_NONE : BE_OK);
}
