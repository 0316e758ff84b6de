/*
 * meeting.h: meetings.  A meeting file (YAML, kind: meeting) and the
 * points in the store make an agenda (agenda.h); a recorded meeting keeps
 * its agenda items in the store, with the outcome and the actions (who,
 * what, when) decided per item.
 *
 * Tables (lib/store.c, schema_meeting): meeting (with the document as
 * read), agenda_item (per item: title, type, minutes, start, point,
 * outcome), action.  Points move through be-point's library (point.h):
 * to geagendeerd when the meeting is recorded, to ingebracht when their
 * item gets an outcome.
 */
#ifndef BE_MEETING_H
#define BE_MEETING_H

#include <stdio.h>

#include "agenda.h"
#include "err.h"
#include "i18n.h"
#include "store.h"

/*
 * Reads the meeting file fp (named name in messages) into a: the header,
 * the fixed items (with the default items in language l when the file has
 * none) and the place where the points go.  a->doc is the text read.
 * Returns 0, or -1 with e at name:line:col (unknown key, wrong type, bad
 * date or time, no 'points' placeholder, ...).
 */
int be_meeting_load(FILE *fp, const char *name, enum be_lang l,
    struct be_agenda *a, struct be_err *e);

/*
 * Puts point id from the store on a, at the placeholder (in the order
 * given).  Refused: no such point, a point that is vervallen, a point
 * given twice.  *state is set to the point's state (enum be_pstate), so
 * that the caller may warn of a concept on the agenda of an overleg, or
 * of a point already teruggekoppeld.  0 or -1.
 */
int be_meeting_add_point(struct be_store *st, struct be_agenda *a,
    long long id, int *state, struct be_err *e);

/*
 * Reads the council's contact details (name, email, phone, address) from
 * the file path (YAML, kind: council) into a, over those of the meeting
 * document.  0, or -1 with e at path:line:col.
 */
int be_meeting_council(const char *path, struct be_agenda *a,
    struct be_err *e);

/*
 * Completes a read meeting: drops the placeholder, loads the open
 * actions and the points still waiting for an answer, computes the start
 * times.  0 or -1.
 */
int be_meeting_finish(struct be_store *st, struct be_agenda *a,
    struct be_err *e);

/*
 * Records a finished agenda: the meeting with its document, the agenda
 * items with their start times and points, and moves the points to
 * geagendeerd; for an intern beraad (a->intern) the points that are
 * still a concept move to gereed instead, and no point is geagendeerd;
 * one transaction.  The same meeting (body, date, start)
 * recorded before is refused.  Sets a->id.  0 or -1.
 */
int be_meeting_record(struct be_store *st, struct be_agenda *a,
    struct be_err *e);

/*
 * Loads recorded meeting id into a: its header (from the document), its
 * items with outcome and actions, the points as they are now, the actions
 * that were open at the meeting and the points waiting for an answer.
 * Default item titles are as recorded.  0, or -1 ("no meeting M-3").
 */
int be_meeting_get(struct be_store *st, long long id, enum be_lang l,
    struct be_agenda *a, struct be_err *e);

/*
 * Records the outcome text of item pos (1-based) of meeting id; a point
 * on that item moves to ingebracht.  One transaction.  0 or -1.
 */
int be_meeting_outcome(struct be_store *st, long long id, long pos,
    const char *text, struct be_err *e);

/*
 * Adds an action (who may be NULL, due NULL or YYYY-MM-DD) to item pos of
 * meeting id.  Sets *aid to its number.  0 or -1.
 */
int be_meeting_action(struct be_store *st, long long id, long pos,
    const char *who, const char *what, const char *due, long long *aid,
    struct be_err *e);

/*
 * Applies an edited agenda document (kind: agenda, as be_agenda_yaml
 * writes for a recorded meeting): per item its outcome and actions (an
 * action with an id is updated, one without is added, one left out is
 * removed), and 'done' of the open actions.  Everything else in the
 * document is read but must not be changed where it matters: the meeting
 * must exist and every pos must be one of its items.  One transaction,
 * all or nothing.  Sets *id to the meeting.  0 or -1 with name:line:col.
 */
int be_meeting_outcome_yaml(struct be_store *st, FILE *fp, const char *name,
    long long *id, struct be_err *e);

/*
 * Writes one record per recorded meeting to out (M-n, date, start, body,
 * title), by date.  Returns their number, or -1 with e.
 */
int be_meeting_list(struct be_store *st, FILE *out, struct be_err *e);

/*
 * Writes the recipients of the terugkoppeling of meeting id to out: the
 * tellers of the stories behind its points who consented to be contacted
 * and left an e-mail address or phone number, one line a person, as
 * records (S-n of their first story, name, e-mail, phone) or, with csv,
 * as CSV for a mail merge (naam;e-mail;telefoon, through csvw.h).  The
 * caller opens out with be_open_private when it is a file.  Returns the
 * number of persons, or -1 with e ("no meeting 'M-3'").
 */
int be_meeting_recipients(struct be_store *st, long long id, int csv,
    FILE *out, struct be_err *e);

#endif
