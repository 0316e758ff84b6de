/*
 * report.h: the signalenrapport (be-report), a report for the
 * municipality and the council's members of what people told, per theme,
 * over a period.
 *
 * Per top-level theme of the codebook (a story with a theme under it
 * counts once for the theme above): the number of stories told per month
 * or quarter, how many of them came into the store since the last report
 * made, one to three quotes from stories that may be quoted (never one
 * that may only be counted, nor one routed elsewhere), and the
 * points made of them with what the municipality answered.  Counts from 1
 * to min_count - 1 are shown as "< min_count" (small numbers identify
 * people); when that leaves one cell of a theme's row hidden, the next
 * smallest is hidden too, so that the total does not give it away.
 *
 *	struct be_report r;
 *	struct be_report_opt o = BE_REPORT_OPT_INIT;
 *	o.since = "2026-10";
 *	if (be_report_make(st, &o, &r, &e) < 0) ...
 *	be_report_write(stdout, &r, BE_RF_HTML);
 *	be_report_record(st, &r, &e);
 *	be_report_release(&r);
 */
#ifndef BE_REPORT_H
#define BE_REPORT_H

#include <stdio.h>

#include "err.h"
#include "store.h"

/* How the period is cut up: months, quarters, or by its length. */
enum be_rper { BE_RP_AUTO, BE_RP_MONTH, BE_RP_QUARTER };

/* Output formats. */
enum be_rfmt { BE_RF_HTML, BE_RF_MD, BE_RF_YAML, BE_RF_CSV };

/* "html", "md", "yaml", "csv" into *f.  0, or -1. */
int be_rfmt_parse(const char *s, enum be_rfmt *f);
/* "maand", "kwartaal" (or "month", "quarter") into *p.  0, or -1. */
int be_rper_parse(const char *s, enum be_rper *p);

struct be_report_opt {
	const char *since;	/* YYYY, YYYY-MM or YYYY-MM-DD; NULL: see below */
	const char *until;	/* the same, inclusive; NULL: today */
	const char *meeting;	/* "M-n": since the day of that meeting */
	enum be_rper per;
	int min_count;		/* counts below it are hidden; 1: none */
	int quotes;		/* at most this many quotes a theme, 0 to 3 */
};
#define BE_REPORT_OPT_INIT { NULL, NULL, NULL, BE_RP_AUTO, 5, 3 }

/* A point made of a theme's stories, as the report shows it. */
struct be_rpoint {
	long long id;		/* P-<id>, for the YAML only */
	char *title;
	char *vraag;		/* NULL when none */
	char *state;
	char *answer;		/* overgenomen, deels, afgewezen or NULL */
	char *answer_text;	/* NULL when none */
	char *answer_date;	/* NULL when none */
	int fresh;		/* answered since the last report */
};

struct be_rtheme {
	long long tag_id;	/* T-<id>, the theme's tag */
	char *name;
	char *description;	/* NULL when none */
	long long *count;	/* per bin, nbin of them */
	long long total;	/* stories in the period */
	long long fresh;	/* of those, added since the last report */
	char *hidden;		/* per bin: 1 when shown as "< min_count" */
	char *quotes[3];	/* collapsed white space, no ellipsis added */
	size_t nquotes;
	struct be_rpoint *points;
	size_t npoints;
};

struct be_report {
	char *made;		/* YYYY-MM-DDTHH:MM:SSZ, from be_now */
	char *since, *until;	/* YYYY-MM-DD, inclusive */
	enum be_rper per;	/* BE_RP_MONTH or BE_RP_QUARTER */
	char **bin;		/* "2026-10" or "2026-K4", nbin of them */
	size_t nbin;
	int min_count;
	char *last;		/* when the last report was made, or NULL */
	long long stories;	/* stories told in the period */
	long long untagged;	/* of those, with no theme */
	struct be_rtheme *theme;	/* most stories first, then by name */
	size_t ntheme;
};

/*
 * Opens the store at path for a report: for writing when record is
 * nonzero (to record the report), else read-only.  A missing store is
 * an error in both cases (no report comes from nothing).  The caller
 * closes it with be_store_close.  NULL with e filled.
 */
struct be_store *be_report_open(const char *path, int record,
    struct be_err *e);

/*
 * Writes the reports made as records, oldest first: "R-n", when made,
 * since, until, per (maand, kwartaal), the number of stories.  With
 * header nonzero a "#ref..." line first.  Returns the number written, or
 * -1 with e filled.
 */
long long be_report_list(struct be_store *st, FILE *fp, int header,
    struct be_err *e);

/*
 * Reads the report for the options o from st: the period is o->since (or
 * the day of meeting o->meeting; else the first month a story was told)
 * to o->until (else today, from be_now), counted per o->per (BE_RP_AUTO:
 * per month up to twelve months, else per quarter).  Stories without a
 * date told are left out.  Fills r, which the caller frees with
 * be_report_release.  0, or -1 with e filled ("--since: bad date 'x';
 * ...", "no meeting M-9", "--since is after --until").
 */
int be_report_make(struct be_store *st, const struct be_report_opt *o,
    struct be_report *r, struct be_err *e);

/* Frees what r holds. */
void be_report_release(struct be_report *r);

/*
 * Writes r in format f: HTML (one printable file, a bar chart in SVG and
 * a table per theme, one theme a page in print), Markdown, YAML (kind:
 * signalenrapport) or CSV (lib/csvw.h: one row per theme and period).
 * No refs of stories; point refs in the YAML only.  0, or -1 when fp had
 * a write error.
 */
int be_report_write(FILE *fp, const struct be_report *r, enum be_rfmt f);

/*
 * Records in st that r was made (when, its period), so that the next
 * report knows what is new since.  Own transaction.  0, or -1 with e.
 */
int be_report_record(struct be_store *st, const struct be_report *r,
    struct be_err *e);

/*
 * The text of count n as a report shows it: "< min" when 0 < n < min,
 * else the number, into buf of size sz.  Returns buf.
 */
char *be_report_count(long long n, int min, char *buf, size_t sz);

#endif
