/*
 * tag.h: themes on stories in the store.
 *
 * A story carries a tag by a rule (a pattern of a codebook matched) or by
 * hand.  Table story_tag keeps, per story and tag: origin 'rule' or
 * 'hand'; present (0: taken off by hand, so that no rule puts it back);
 * for a rule the codebook (name and content hash, table codebook), the
 * pattern and the matched words; for a hand tag who and when.
 *
 * Applying a codebook adds the rule tags it matches, updates those whose
 * rule or words changed, and removes rule tags of a codebook of the same
 * name that no longer match.  It never touches a hand tag (present or
 * taken off), nor the rule tags of codebooks of other names.
 */
#ifndef BE_TAG_H
#define BE_TAG_H

#include <stdio.h>

#include "codebook.h"
#include "err.h"
#include "store.h"

enum {
	BE_TAG_DRY = 1,		/* compute, print the changes, write nothing */
	BE_TAG_SKIPBAD = 2,	/* a story on which a pattern fails is skipped */
};

struct be_tag_stats {
	unsigned long stories, added, removed, updated, skipped;
};

/* A batch of stories to which a codebook is applied. */
struct be_tagger;

/*
 * Starts a batch: unless BE_TAG_DRY, begins a write unit, records the
 * codebook (table codebook) and its themes (table tag: description,
 * colour, parent).  Returns the batch or NULL with e.
 */
struct be_tagger *be_tag_begin(struct be_store *st,
    const struct be_codebook *cb, int flags, struct be_err *e);

/*
 * Applies the codebook to story id and writes a record to out:
 * "S-n TAB tag,tag" (the story's present tags after the change, all
 * origins, sorted by name), or with BE_TAG_DRY "S-n TAB +tag,-tag" for a
 * story that would change (nothing for one that would not).  Returns 0;
 * 1 when the story was skipped (BE_TAG_SKIPBAD; e says why); -1 with e
 * on an error, after which the batch must be ended without commit.
 */
int be_tag_story(struct be_tagger *t, long long id, FILE *out,
    struct be_err *e);

/* Applies the codebook to every story (untagged: those without any
 * present tag), in order of ref.  As be_tag_story, but 1 is never
 * returned: skipped stories are counted and reported through warn. */
int be_tag_all(struct be_tagger *t, int untagged, FILE *out,
    void (*warn)(const struct be_err *), struct be_err *e);

/* Applies the codebook to the stories ids[0..n), in that order, counting
 * them on a progress meter.  As be_tag_all: 1 is never returned, a
 * skipped story is reported through warn; -1 with e on an error. */
int be_tag_ids(struct be_tagger *t, const long long *ids, size_t n,
    FILE *out, void (*warn)(const struct be_err *), struct be_err *e);

/*
 * Applies cb to stories of st in one batch (be_tag_begin, then
 * be_tag_all when all or untagged, else be_tag_ids on ids[0..n), then
 * be_tag_end): committed when every story went well, else rolled back.
 * A skipped story is reported through warn.  Fills *stats.  Returns 0,
 * or -1 with e.
 */
int be_tag_run(struct be_store *st, const struct be_codebook *cb, int flags,
    int all, int untagged, const long long *ids, size_t n, FILE *out,
    void (*warn)(const struct be_err *), struct be_tag_stats *stats,
    struct be_err *e);

/*
 * Ends the batch: commits when commit is nonzero (and not dry), else
 * rolls back.  Fills *stats.  Frees t.  Returns 0 or -1 with e.
 */
int be_tag_end(struct be_tagger *t, int commit, struct be_tag_stats *stats,
    struct be_err *e);

/*
 * Tags by hand: adds the nadd tags add[] to story id and takes off the
 * ndel tags del[] (present = 0), as who, now.  A tag not in the store is
 * an error ("unknown tag 'x'; see be-tag -l"), unless allow_new, which
 * creates it (outside any codebook) for an add.  Writes the story's
 * record to out as be_tag_story.  The caller runs it inside a unit.
 * Returns 0 or -1 with e.
 */
int be_tag_hand(struct be_store *st, long long id, const char *const *add,
    size_t nadd, const char *const *del, size_t ndel, const char *who,
    int allow_new, FILE *out, struct be_tag_stats *stats, struct be_err *e);

/*
 * Lists every tag as a record "T-id TAB name TAB stories TAB parent TAB
 * description" (stories: how many stories carry it now), by name.
 * Returns the number of tags, or -1 with e.
 */
/*
 * Tags the stories ids[0..n) by hand, each as be_tag_hand does, in one
 * write unit of its own: all of them, or on an error none (rolled back).
 * Returns 0 or -1 with e.
 */
int be_tag_hand_ids(struct be_store *st, const long long *ids, size_t n,
    const char *const *add, size_t nadd, const char *const *del,
    size_t ndel, const char *who, int allow_new, FILE *out,
    struct be_tag_stats *stats, struct be_err *e);

long be_tag_list(struct be_store *st, FILE *out, struct be_err *e);

struct option;
/*
 * Takes the words +tag and -tag out of argv (argc words, argv[0] the
 * program) before getopt reads it, as be-tag(1) has them: a word
 * "-xyz" that is a cluster of the short options of optstring ("-ln",
 * "-cFILE", "-schuld" is -s chuld) is options, as is "--long" (with the
 * next word when lo says it takes one and there is no '='); any other
 * "-word" is a tag to take off.  After "--" every "-word" is a tag.
 * Appends pointers into argv's words to add (a +tag, without its '+') and
 * del (a -tag, without its '-'), the caller's arrays of argc entries.
 * argv keeps the program, the options, "--" and the refs, in order, the
 * rest set to NULL; returns their count.
 */
int be_tag_words(int argc, char **argv, const char *optstring,
    const struct option *lo, const char **add, size_t *nadd,
    const char **del, size_t *ndel);

/*
 * Explains the tags of story id, one record per tag, by name:
 * "S-n TAB tag TAB rule TAB codebook@hash12 TAB pattern TAB words TAB at",
 * "S-n TAB tag TAB hand TAB who TAB TAB TAB at", and for a tag taken off
 * by hand "S-n TAB tag TAB removed TAB who TAB TAB TAB at".
 * Returns 0 or -1 with e ("no story S-n").
 */
int be_tag_explain(struct be_store *st, long long id, FILE *out,
    struct be_err *e);

#endif
