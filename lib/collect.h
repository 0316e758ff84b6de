/*
 * collect.h: story intake, the work of be-collect.
 *
 * One input (a file or stdin) is one unit: its stories are written in one
 * transaction, all or nothing.  Rows are streamed; memory does not grow
 * with the input.  For each row: map the columns (colmap.h), read the date
 * (date.h), make the text NFC and trim it, redact it and the attributes
 * (redact.h), compute the content id and store the story unless one with
 * that id is there already (story.h).
 *
 * Consent to use (colmap.h, be_use_answer): a row whose answer is no is
 * read and counted (use_no), nothing of it is kept; count only and quote
 * go with the story; a row with no answer (no such column or key, or an
 * empty one) may be quoted, and is counted in use_none.  An answer that
 * is none of these refuses the row.  A duplicate keeps the level stored.
 *
 * A story that was forgotten stays out, and one whose text was corrected
 * keeps the correction (a tombstone says so, forget.h).  A CSV row with
 * the form's own response id (MS Forms "Id", LimeSurvey "Antwoord ID",
 * KoBoToolbox "_uuid": field "response" of colmap.h) has a response key:
 * a hash of the export's column layout (its header row) and that id.  A
 * row whose key a story has already, but with another text or date, is
 * the same response edited in the form tool: it updates that story
 * (correct.h), unless a coordinator corrected the story, whose correction
 * then wins.  YAML input may hold "kind: tombstone" documents
 * (be_forget_take).
 */
#ifndef BE_COLLECT_H
#define BE_COLLECT_H

#include <stdio.h>

#include "colmap.h"
#include "err.h"
#include "redact.h"
#include "store.h"

enum { BE_FMT_AUTO, BE_FMT_CSV, BE_FMT_YAML, BE_FMT_RECORDS };

struct be_collect_opts {
	int format;		/* BE_FMT_*; AUTO detects */
	int delim;		/* CSV delimiter, 0: detect */
	const char *encoding;	/* CSV encoding, NULL: detect */
	const struct be_map *map;	/* mapping file, or NULL */
	const char *text_column;	/* CSV: the story text column (its
					   header or number), or NULL */
	int dry_run;		/* do everything, then roll back */
	int skip_bad;		/* refuse bad rows, keep the good ones */
	int no_index;		/* leave the full-text index stale */
	FILE *out;		/* records of the new stories, or NULL */
	/* Called for each row refused under skip_bad (e has its place). */
	void (*refused)(const struct be_err *e, void *arg);
	void *arg;
};

struct be_collect_stats {
	const char *format;	/* "csv", "yaml", "records"; "xlsx", "xls"
				 * or "ods" for a workbook, refused */
	char encoding[32];	/* CSV: as be_csv_encoding */
	int delim;		/* CSV: the delimiter */
	char text_col[128];	/* CSV: the header of the text column when
				   no header named it and its answers did,
				   else "" */
	unsigned long read, added, dup, refused;
	unsigned long use_no;	/* rows whose teller said no to use: not
				   taken in */
	unsigned long use_count;	/* rows taken in as count only */
	unsigned long use_none;	/* rows taken in with no answer about use
				   (no such column or key, or empty): quote */
	int use_col;		/* the input has a column (CSV) or a key
				   (YAML) about use */
	unsigned long tags;	/* tags that came with YAML stories, added */
	unsigned long points;	/* points that came with them, made */
	unsigned long forgotten;	/* rows of forgotten stories, and
					   stories a tombstone forgot */
	unsigned long updated;		/* rows edited in the form tool */
	unsigned long kept;		/* of those: a coordinator's
					   correction kept instead */
	unsigned long tombstones;	/* YAML: tombstones taken */
	int contact;			/* CSV: it has identifying columns */
	unsigned red[BE_R_NKINDS];	/* redactions by kind */
};

/*
 * The summary of an intake for its user, translated: "12 rows read, 10
 * new, 2 duplicates, 0 refused; redacted: 3 TELEFOON, 1 BSN; ...", with
 * dry_run said.  The caller frees it.
 */
char *be_collect_summary(const struct be_collect_stats *s, int dry_run);

/* Parses a format name ("csv", "yaml", "records"); -1 when unknown. */
int be_collect_format(const char *name);

/*
 * Takes the stories of fp (named name: its path, or "-") into st as one
 * unit.  The records of the new stories go to o->out after the unit is
 * committed (with dry_run: with ref "-", and nothing is committed).
 * Fills s.  Returns 0, or -1 with e filled (file:line:col) and nothing of
 * this input written.
 */
int be_collect(struct be_store *st, FILE *fp, const char *name,
    const struct be_collect_opts *o, struct be_collect_stats *s,
    struct be_err *e);

/*
 * Sets the use level of the stories ids to use (BE_USE_QUOTE or
 * BE_USE_COUNT) in one unit; *n gets the number of stories changed.  A
 * story that does not exist is an error ("no story S-12") and nothing is
 * changed.  BE_USE_NO is refused here: that is forgetting the story.
 * 0 or -1.
 */
int be_collect_set_use(struct be_store *st, const long long *ids,
    size_t nids, int use, unsigned long *n, struct be_err *e);

#endif
