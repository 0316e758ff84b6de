/* be-point: points (inbrengpunten) from the stories, through their states. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>

#include "buf.h"
#include "mem.h"
#include "point.h"
#include "prog.h"
#include "record.h"
#include "redact.h"
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
    "       be-point [-s store] answer [-m text] [--date date] ref outcome\n"
    "       be-point [-s store] --check-names [ref ...]";

enum { OPT_STATE = BE_OPT_FIRST_FREE, OPT_SINCE, OPT_DATE, OPT_NOTE,
	OPT_CHECK_NAMES };

static const struct option longopts[] = {
	BE_LONGOPTS_STD,
	BE_LONGOPT_STORE,
	{ "state", required_argument, 0, OPT_STATE },
	{ "status", required_argument, 0, OPT_STATE },
	{ "since", required_argument, 0, OPT_SINCE },
	{ "date", required_argument, 0, OPT_DATE },
	{ "note", required_argument, 0, OPT_NOTE },
	{ "check-names", no_argument, 0, OPT_CHECK_NAMES },
	{ "theme", required_argument, 0, 't' },
	{ "message", required_argument, 0, 'm' },
	{ 0, 0, 0, 0 }
};

static int Hflag, lflag, check_names;
static const char *sflag, *stateflag, *sinceflag, *dateflag, *noteflag;
static const char *tflag, *mflag;
static long long nflag;

/* The point ref arg, argument n as typed (the command is 1), into *id. */
static int
one_point(const char *arg, int n, long long *id, struct be_err *e)
{
	if (be_ref_parse(arg, 'P', id) < 0)
		return be_err_set(e, "argument %d: '%s' is not a point (P-n)",
		    n, arg);
	return 0;
}

static void
print_changed(long long id, void *arg)
{
	struct be_err e;

	be_err_init(&e);
	if (be_point_record(arg, stdout, id, &e) < 0)
		be_report(&e);
}

struct quote_ref {
	long long point, story;
	unsigned long found;
};

static void
print_suspect(void *arg, const char *w, size_t n)
{
	struct quote_ref *q = arg;

	printf("P-%lld\tS-%lld\t%.*s\n", q->point, q->story, (int)n, w);
	q->found++;
}

/*
 * --check-names: the words of the quotes of the points given that look
 * like names, one record each (point, story, word).  BE_OK when there
 * are some, BE_NONE when there are none (as a selector), -1 on error.
 */
static int
cmd_check_names(struct be_store *st, int argc, char **argv, struct be_err *e)
{
	struct quote_ref q = { 0, 0, 0 };
	struct be_point p;
	long long *ids = NULL;
	size_t i, j, n = 0;
	int rc;

	if ((rc = be_loop_refs(argc, argv, 'P', &ids, &n, e)) != 0) {
		free(ids);
		return -1;
	}
	for (i = 0; i < n && rc == 0; i++) {
		if ((rc = be_point_get(st, ids[i], &p, e)) == 0)
			for (j = 0; j < p.nstories; j++) {
				q.point = p.id;
				q.story = p.stories[j].id;
				be_redact_suspects(p.stories[j].quote,
				    strlen(p.stories[j].quote), print_suspect,
				    &q);
			}
		be_point_release(&p);
	}
	free(ids);
	return rc < 0 ? -1 : q.found ? BE_OK : BE_NONE;
}

/* Standard input, whole, without its last newlines; NULL with e filled. */
static char *
read_all(FILE *fp, struct be_err *e)
{
	struct be_buf b = BE_BUF_INIT;

	if (be_buf_fread(&b, fp) < 0) {
		be_buf_release(&b);
		be_err_at(e, "-", 0, 0, "read error: %s", strerror(errno));
		return NULL;
	}
	be_buf_rtrim(&b);
	return be_buf_detach(&b);
}

/* Whether prog is an executable file in a directory of $PATH. */
static int
in_path(const char *prog)
{
	const char *p = getenv("PATH"), *end;
	char path[4096];

	for (; p && *p; p = *end ? end + 1 : end) {
		end = p + strcspn(p, ":");
		snprintf(path, sizeof path, "%.*s/%s", (int)(end - p), p, prog);
		if (end > p && access(path, X_OK) == 0)
			return 1;
	}
	return 0;
}

/* A point is ready with its ask and values; without them it is warned of. */
static int
warn_unready(struct be_store *st, long long id, struct be_err *e)
{
	int lacks = be_point_lacks(st, id, e);
	int novraag = lacks & BE_POINT_NO_VRAAG;
	int nowaarden = lacks & BE_POINT_NO_WAARDEN;

	if (lacks < 0)
		return -1;
	/* One literal message each, so that each can be translated whole. */
	if (novraag && nowaarden)
		be_warnx("warning: 'P-%lld' is gereed without vraag and "
		    "waarden; add them with be-point edit", id);
	else if (novraag)
		be_warnx("warning: 'P-%lld' is gereed without vraag; add it "
		    "with be-point edit", id);
	else if (nowaarden)
		be_warnx("warning: 'P-%lld' is gereed without waarden; add "
		    "them with be-point edit", id);
	return 0;
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
	if (ed == NULL || *ed == '\0')
		ed = in_path("sensible-editor") ? "sensible-editor" : "vi";
	rc = be_point_edit(st, id, ed, &kept, e);
	if (rc < 0 && kept) {
		be_report(e);
		be_err_set(e, "nothing changed; your edit is kept in %s", kept);
		free(kept);
		return -1;
	}
	return rc > 0 ? be_point_record(st, stdout, id, e) : rc;
}

static int
run(struct be_store *st, const char *cmd, int argc, char **argv,
    struct be_err *e)
{
	long long *ids = NULL, id;
	char *text = NULL;
	size_t i, n = 0;
	int rc = 0;

	if (strcmp(cmd, "new") == 0) {
		be_argbase = 2;
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
		if ((rc = one_point(argv[0], 2, &id, e)) == 0)
			rc = cmd_edit(st, id, e);
	} else if (strcmp(cmd, "update") == 0) {
		rc = cmd_update(st, argc, argv, e);
	} else if (strcmp(cmd, "state") == 0) {
		if ((rc = one_point(argv[0], 2, &id, e)) == 0 &&
		    (rc = be_point_set_state(st, id, argv[1], dateflag, 0,
		    noteflag, e)) == 0 && strcmp(argv[1], "gereed") == 0)
			rc = warn_unready(st, id, e);
		if (rc == 0)
			rc = be_point_record(st, stdout, id, e);
	} else if (strcmp(cmd, "answer") == 0) {
		if ((rc = one_point(argv[0], 2, &id, e)) < 0)
			;
		else if ((text = mflag ? be_xstrdup(mflag) :
		    read_all(stdin, e)) == NULL)
			rc = -1;
		else if ((rc = be_point_answer(st, id, argv[1], text,
		    dateflag, e)) == 0)
			rc = be_point_record(st, stdout, id, e);
		free(text);
	}
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
				be_warnx("-n: '%s' is not a number above 0",
				    optarg);
				return BE_FAIL;
			}
			break;
		case 's': sflag = optarg; break;
		case 't': tflag = optarg; break;
		case OPT_STATE: stateflag = optarg; break;
		case OPT_SINCE: sinceflag = optarg; break;
		case OPT_DATE: dateflag = optarg; break;
		case OPT_NOTE: noteflag = optarg; break;
		case OPT_CHECK_NAMES: check_names = 1; break;
		default:
			return be_std_option(c, usage);
		}
	}
	argc -= optind;
	argv += optind;
	if (check_names) {
		if (lflag || Hflag || stateflag || sinceflag || nflag ||
		    tflag || noteflag || mflag || dateflag)
			return be_usage(usage);
		be_err_init(&e);
		if ((st = be_prog_store(sflag, BE_STORE_RDONLY)) == NULL)
			return be_finish(BE_FAIL);
		if ((rc = cmd_check_names(st, argc, argv, &e)) < 0) {
			be_report(&e);
			rc = BE_FAIL;
		}
		be_store_close(st);
		return be_finish(rc);
	}
	if (!lflag && argc == 0)
		return be_usage(usage);
	if (!lflag) {
		cmd = *argv++;
		argc--;
		be_argbase = 1;
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
		return be_usage(usage);
	/* The operands each command takes. */
	if (cmd && !((strcmp(cmd, "suggest") == 0 && argc == 0) ||
	    (strcmp(cmd, "new") == 0 && argc >= 1) ||
	    strcmp(cmd, "show") == 0 || strcmp(cmd, "update") == 0 ||
	    (strcmp(cmd, "edit") == 0 && argc == 1) ||
	    (strcmp(cmd, "state") == 0 && argc == 2) ||
	    (strcmp(cmd, "answer") == 0 && argc == 2)))
		return be_usage(usage);
	if (stateflag && (state = be_pstate_parse(stateflag)) < 0) {
		be_warnx("unknown state '%s'; states: concept, gereed, "
		    "geagendeerd, ingebracht, beantwoord, teruggekoppeld, "
		    "vervallen", stateflag);
		return BE_FAIL;
	}

	be_err_init(&e);
	ro = lflag || strcmp(cmd, "suggest") == 0 || strcmp(cmd, "show") == 0;
	if ((st = be_prog_store(sflag, ro ? BE_STORE_RDONLY :
	    BE_STORE_UPDATE)) == NULL)
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
