/* be-point: points (inbrengpunten) from the stories, through their states. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mem.h"
#include "point.h"
#include "prog.h"
#include "record.h"
#include "store.h"
#include "banned.h"

static const char usage[] =
    "be-point [-s store] -l [-H] [--state state]\n"
    "       be-point [-s store] suggest [-H] [--since date] [-n number]\n"
    "       be-point [-s store] new [-t theme] [--date date] title [ref ...]\n"
    "       be-point [-s store] show [ref ...]\n"
    "       be-point [-s store] edit ref\n"
    "       be-point [-s store] update [file ...]\n"
    "       be-point [-s store] state [--date date] [--note text] ref state\n"
    "       be-point [-s store] answer [-m text] [--date date] ref outcome";

enum { OPT_STATE = BE_OPT_FIRST_FREE, OPT_SINCE, OPT_DATE, OPT_NOTE };

static const struct option longopts[] = {
	BE_LONGOPTS_STD,
	BE_LONGOPT_STORE,
	{ "state", required_argument, 0, OPT_STATE },
	{ "status", required_argument, 0, OPT_STATE },
	{ "since", required_argument, 0, OPT_SINCE },
	{ "date", required_argument, 0, OPT_DATE },
	{ "note", required_argument, 0, OPT_NOTE },
	{ "theme", required_argument, 0, 't' },
	{ "message", required_argument, 0, 'm' },
	{ 0, 0, 0, 0 }
};

static int Hflag, lflag;
static const char *sflag, *stateflag, *sinceflag, *dateflag, *noteflag;
static const char *tflag, *mflag;
static long long nflag;

static long long
one_point(const char *arg)
{
	long long id;

	if (be_ref_parse(arg, 'P', &id) < 0) {
		be_warnx("'%s' is not a point ref (P-n)", arg);
		exit(BE_FAIL);
	}
	return id;
}

static void
print_changed(long long id, void *arg)
{
	struct be_err e;

	be_err_init(&e);
	if (be_point_record(arg, stdout, id, &e) < 0)
		be_report(&e);
}

static char *
read_all(FILE *fp)
{
	struct be_buf b = BE_BUF_INIT;

	if (be_buf_fread(&b, fp) < 0) {
		be_warnx("-: read error");
		exit(BE_FAIL);
	}
	be_buf_rtrim(&b);
	return be_buf_detach(&b);
}

static int
cmd_update(struct be_store *st, int argc, char **argv, struct be_err *e)
{
	FILE *fp;
	int i, rc;

	if (argc == 0)
		return be_point_update(st, stdin, "-", print_changed, st, e) < 0 ?
		    -1 : 0;
	for (i = 0; i < argc; i++) {
		if ((fp = be_open_input(argv[i], e)) == NULL)
			return -1;
		rc = be_point_update(st, fp, argv[i], print_changed, st, e);
		be_close_input(fp);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static int
cmd_edit(struct be_store *st, long long id, struct be_err *e)
{
	const char *ed = getenv("VISUAL");
	char *kept = NULL;
	int rc;

	if (ed == NULL || *ed == '\0')
		ed = getenv("EDITOR");
	ed = ed && *ed ? ed : "vi";
	rc = be_point_edit(st, id, ed, &kept, e);
	if (rc < 0 && kept) {
		be_report(e);
		be_warnx("nothing changed; your edit is kept in %s", kept);
		exit(BE_FAIL);
	}
	return rc > 0 ? be_point_record(st, stdout, id, e) : rc;
}

static int
run(struct be_store *st, const char *cmd, int argc, char **argv,
    struct be_err *e)
{
	long long *ids = NULL, id;
	char *text;
	size_t i, n = 0;
	int rc = 0;

	if (strcmp(cmd, "new") == 0) {
		if (argc < 1)
			be_usage(usage);
		if ((rc = be_loop_refs(argc - 1, argv + 1, 'S', &ids, &n,
		    e)) == 0 && (rc = be_point_new(st, argv[0], ids, n, tflag,
		    dateflag, &id, e)) == 0)
			rc = be_point_record(st, stdout, id, e);
	} else if (strcmp(cmd, "show") == 0) {
		struct be_point p;

		if ((rc = be_loop_refs(argc, argv, 'P', &ids, &n, e)) == 0)
			for (i = 0; i < n && rc == 0; i++) {
				if ((rc = be_point_get(st, ids[i], &p, e))
				    == 0)
					be_point_yaml(stdout, &p);
				be_point_release(&p);
			}
	} else if (strcmp(cmd, "edit") == 0) {
		if (argc != 1)
			be_usage(usage);
		rc = cmd_edit(st, one_point(argv[0]), e);
	} else if (strcmp(cmd, "update") == 0) {
		rc = cmd_update(st, argc, argv, e);
	} else if (strcmp(cmd, "state") == 0) {
		if (argc != 2)
			be_usage(usage);
		id = one_point(argv[0]);
		if ((rc = be_point_set_state(st, id, argv[1], dateflag, 0,
		    noteflag, e)) == 0)
			rc = be_point_record(st, stdout, id, e);
	} else if (strcmp(cmd, "answer") == 0) {
		if (argc != 2)
			be_usage(usage);
		id = one_point(argv[0]);
		text = mflag ? be_xstrdup(mflag) : read_all(stdin);
		if ((rc = be_point_answer(st, id, argv[1], text, dateflag,
		    e)) == 0)
			rc = be_point_record(st, stdout, id, e);
		free(text);
	} else
		be_usage(usage);
	free(ids);
	return rc;
}

int
main(int argc, char *argv[])
{
	struct be_store *st;
	struct be_err e;
	const char *cmd = NULL;
	char *end;
	long long n;
	int c, state = -1, rc, ro;

	setlocale(LC_ALL, "");
	be_init(argv[0]);
	while ((c = getopt_long(argc, argv, "Hlm:n:s:t:", longopts, NULL))
	    != -1) {
		switch (c) {
		case 'H': Hflag = 1; break;
		case 'l': lflag = 1; break;
		case 'm': mflag = optarg; break;
		case 'n':
			nflag = strtoll(optarg, &end, 10);
			if (*end || nflag <= 0) {
				be_warnx("bad number '%s'", optarg);
				return BE_FAIL;
			}
			break;
		case 's': sflag = optarg; break;
		case 't': tflag = optarg; break;
		case OPT_STATE: stateflag = optarg; break;
		case OPT_SINCE: sinceflag = optarg; break;
		case OPT_DATE: dateflag = optarg; break;
		case OPT_NOTE: noteflag = optarg; break;
		default:
			be_std_option(c, usage);
			be_usage(usage);
		}
	}
	argc -= optind;
	argv += optind;
	if (!lflag && argc == 0)
		be_usage(usage);
	if (!lflag) {
		cmd = *argv++;
		argc--;
	}
	/* Each option belongs to one or two commands. */
	if ((lflag && (cmd || argc)) || (stateflag && !lflag) ||
	    (Hflag && !lflag && strcmp(cmd, "suggest")) ||
	    ((sinceflag || nflag) && (!cmd || strcmp(cmd, "suggest"))) ||
	    (tflag && (!cmd || strcmp(cmd, "new"))) ||
	    (noteflag && (!cmd || strcmp(cmd, "state"))) ||
	    (mflag && (!cmd || strcmp(cmd, "answer"))) ||
	    (dateflag && (!cmd || (strcmp(cmd, "new") &&
	    strcmp(cmd, "state") && strcmp(cmd, "answer")))))
		be_usage(usage);
	if (stateflag && (state = be_pstate_parse(stateflag)) < 0) {
		be_warnx("unknown state '%s'; states: concept, gereed, "
		    "geagendeerd, ingebracht, beantwoord, teruggekoppeld, "
		    "vervallen", stateflag);
		return BE_FAIL;
	}
	if (cmd && strcmp(cmd, "suggest") == 0 && argc)
		be_usage(usage);

	be_err_init(&e);
	ro = lflag || strcmp(cmd, "suggest") == 0 || strcmp(cmd, "show") == 0;
	if ((st = be_open_store(sflag, ro ? BE_STORE_RDONLY :
	    BE_STORE_WRITE)) == NULL)
		return be_finish(BE_FAIL);
	if (lflag || strcmp(cmd, "suggest") == 0) {
		if (Hflag)
			puts(lflag ? "#ref\tstate\tstories\ttheme\ttitle" :
			    "#ref\ttheme\tstories\trecent\tlatest\tchannels\t"
			    "gemeenten\texamples\topen");
		n = lflag ? be_point_list(st, stdout, state, &e) :
		    be_point_suggest(st, stdout, sinceflag, nflag, &e);
		rc = n < 0 ? -1 : n == 0 ? BE_NONE : BE_OK;
	} else
		rc = run(st, cmd, argc, argv, &e);
	if (rc < 0) {
		be_report(&e);
		rc = BE_FAIL;
	}
	be_store_close(st);
	return be_finish(rc);
}
