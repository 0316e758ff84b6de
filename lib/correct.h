/*
 * correct.h: correcting a story after intake.
 *
 * A coordinator corrects a story's text (a name the redaction missed, a
 * typo): redaction runs again on the new text, the content id follows,
 * and table story_history says who did it and when ("correctie").  A row
 * edited in the form tool and exported again updates its story the same
 * way ("formulier"; collect.h finds it by its response key).  Both leave
 * a tombstone (forget.h) of the content id the story had, with the new
 * one as its successor, so that an intake of an export that still holds
 * the old text does not bring it back as a second story.
 */
#ifndef BE_CORRECT_H
#define BE_CORRECT_H

#include <stdio.h>

#include "err.h"
#include "store.h"
#include "story.h"

/*
 * Replaces the text of story id by text[0..len) (UTF-8), made NFC,
 * trimmed and redacted, as one unit; who ($USER, or NULL) and be_now go
 * into the story's history.  The redaction counts of the text follow
 * (those of its attributes stay).  Returns 1 when the text changed, 0
 * when it is the same story (same content id; nothing written), -1 with
 * e filled and nothing written: no such story, invalid UTF-8, control
 * characters, an empty text, or the text of another story.
 */
int be_correct_text(struct be_store *st, long long id, const char *text,
    size_t len, const char *who, struct be_err *e);

/*
 * be_correct_text with the new text read from fp (named name for
 * messages; "-" is standard input).
 */
int be_correct_file(struct be_store *st, long long id, FILE *fp,
    const char *name, const char *who, struct be_err *e);

/*
 * Writes the text of story id to a temporary file (mode 0600), runs
 * editor on it (editor.h) and takes what it holds then as the new text
 * (be_correct_text).  Returns as that does; when the edit cannot be
 * taken, *kept (the caller's) names the file that keeps it.
 */
int be_correct_edit(struct be_store *st, long long id, const char *editor,
    const char *who, char **kept, struct be_err *e);

/*
 * 1 when a coordinator corrected story id (be_correct_text), 0 when not,
 * -1 with e filled.
 */
int be_correct_by_hand(struct be_store *st, long long id, struct be_err *e);

/*
 * Inside the caller's unit: replaces story id's fields by those of s (a
 * new version of its row in the form's export: cid, told, channel,
 * gemeente, text, consent, route, attributes, redaction counts and,
 * with consent, contact data), keeps a tombstone of the old content id
 * and a history row "formulier" at now.  0 or -1.
 */
int be_correct_update(struct be_store *st, long long id,
    const struct be_story *s, const char *now, struct be_err *e);

#endif
