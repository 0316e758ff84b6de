/*
 * agenda.h: an agenda in memory and its renderers.
 *
 * A struct be_agenda is built by meeting.c (from a meeting file and the
 * points in the store, or from a recorded meeting) and written here as
 * Markdown, plain text, HTML, YAML (kind: agenda) or iCalendar, or as the
 * terugkoppeling (the report back to the people who told the stories).
 * Everything in the struct is owned by it and freed by be_agenda_release.
 */
#ifndef BE_AGENDA_H
#define BE_AGENDA_H

#include <stdio.h>

#include "buf.h"
#include "err.h"
#include "i18n.h"

/* The type of an item: ter informatie, bespreking, besluitvorming. */
enum be_itype { BE_IT_NONE, BE_IT_INFO, BE_IT_DISCUSS, BE_IT_DECIDE };

/* "informatie", "bespreking", "besluitvorming"; NULL for BE_IT_NONE. */
const char *be_itype_name(enum be_itype t);
/* The reverse of be_itype_name.  0, or -1 for another word. */
int be_itype_parse(const char *s, enum be_itype *t);

/* A point (inbrengpunt) as the agenda shows it. */
struct be_apoint {
	long long id;			/* P-<id> */
	char *title;
	char *vraag;			/* the ask; NULL when none */
	char *state;
	char *quotes[3];		/* one to three, collapsed white space */
	size_t nquotes;
	long long nstories;
	char *q[4];			/* answers to the four questions */
	char *answer;			/* overgenomen, deels, afgewezen, NULL */
	char *answer_text;
	char **values;			/* the values underneath (waarden) */
	size_t nvalues;
	char *since;			/* date it reached its state */
	long long meeting_id;		/* where it was raised, 0 unknown */
};

/* An action (who does what, when). */
struct be_action {
	long long id;			/* row id, shown as a number */
	long long meeting_id;		/* the meeting that decided it */
	int pos;			/* its item there, 0 when none */
	char *who, *what, *due;		/* due: YYYY-MM-DD or NULL */
	char *done;			/* date it was done, NULL when open */
	char *mdate;			/* date of that meeting, or NULL */
};

struct be_aitem {
	char *title;
	char *description;		/* NULL when none */
	enum be_itype type;
	int minutes;
	int start;			/* minutes after midnight */
	int actions;			/* the open actions are listed here */
	struct be_apoint *point;	/* NULL for a fixed item */
	char *outcome;			/* recorded outcome, NULL when none */
	struct be_action *act;		/* actions decided under this item */
	size_t nact;
};

struct be_agenda {
	long long id;			/* M-<id> once recorded, else 0 */
	char *doc;			/* the meeting document as read */
	char *body, *title;
	char *date;			/* YYYY-MM-DD */
	int start, end;			/* minutes after midnight */
	char *place, *chair, *secretary;
	char **members, **guests;
	size_t nmembers, nguests;
	struct be_aitem *items;
	size_t nitems;
	struct be_action *open;		/* open actions of earlier meetings */
	size_t nopen;
	struct be_apoint *waiting;	/* raised, no answer yet */
	size_t nwaiting;
	int intern;			/* soort: intern-beraad (else overleg) */
	int notes;			/* overleg: show the council's notes */
	int seq;			/* iCalendar SEQUENCE */
	/* The council's contact details, for the report. */
	char *c_name, *c_email, *c_phone, *c_address;
	/* Read from a meeting file: where the points go and how. */
	size_t points_at;		/* index of the placeholder */
	int has_points_at;
	int point_minutes;
	enum be_itype point_type;
};

/* Output formats. */
enum be_afmt { BE_AF_MD, BE_AF_TXT, BE_AF_HTML, BE_AF_YAML, BE_AF_ICS };

/* "md", "txt", "html", "yaml", "ics".  0, or -1. */
int be_afmt_parse(const char *s, enum be_afmt *f);

/* Sets a empty.  Allocates nothing. */
void be_agenda_init(struct be_agenda *a);
/* Frees what a holds; a is empty again. */
void be_agenda_release(struct be_agenda *a);
/* Frees what p holds. */
void be_apoint_release(struct be_apoint *p);
void be_action_release(struct be_action *x);

/* Appends an item (a copy of the strings; point and actions none). */
struct be_aitem *be_agenda_add(struct be_agenda *a, const char *title,
    enum be_itype type, int minutes);

/*
 * Sets each item's start from a->start and the minutes before it, and
 * a->end.  -1 with e ("meeting runs past midnight") when it does not fit
 * in the day.
 */
int be_agenda_times(struct be_agenda *a, struct be_err *e);

/*
 * Appends to out the start of text as a quote: white space collapsed,
 * at most max characters, cut at a word and marked with an ellipsis when
 * cut.
 */
void be_excerpt(struct be_buf *out, const char *text, size_t max);

/*
 * Writes the agenda in format f and language l.  now ("YYYY-MM-DDTHH:MM:SSZ",
 * from be_now) is the iCalendar DTSTAMP.  Returns 0 (write errors show
 * on fp).
 */
int be_agenda_write(FILE *fp, const struct be_agenda *a, enum be_afmt f,
    enum be_lang l, const char *now);

/*
 * Writes a as one YAML document of kind agenda (starting "---").  A
 * recorded agenda (a->id set) carries its ref and, per item, the keys
 * outcome and actions to be filled in and read back by
 * be_meeting_outcome_yaml.
 */
void be_agenda_yaml(FILE *fp, const struct be_agenda *a);

/*
 * Writes the terugkoppeling of a recorded meeting in format f (md, txt
 * or html): per point its title, the ask, the municipality's answer and
 * what happens next.  No names, no quotes from the stories.
 */
int be_agenda_report(FILE *fp, const struct be_agenda *a, enum be_afmt f,
    enum be_lang l);

/*
 * Text helpers, exported for the tests.
 * be_utf8_len: the number of characters (code points) in s[0..n).
 * be_wrap: appends text to out wrapped at width characters; the first
 * line starts with first, the next ones with rest (both counted).
 * be_ics_line: appends one content line, folded at 75 octets without
 * splitting a UTF-8 character, each physical line ending in CRLF.
 * be_ics_escape: escapes \ ; , and newlines of a TEXT value.
 */
size_t be_utf8_len(const char *s, size_t n);
void be_wrap(struct be_buf *out, const char *text, const char *first,
    const char *rest, size_t width);
void be_ics_line(struct be_buf *out, const char *line);
void be_ics_escape(struct be_buf *out, const char *s);
void be_html_escape(struct be_buf *out, const char *s);

#endif
