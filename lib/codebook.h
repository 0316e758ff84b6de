/*
 * codebook.h: a codebook (YAML, kind: codebook) loaded, checked and
 * compiled, and the evaluation of its themes on a text.
 *
 * A theme tags a text when any of its match patterns matches and none of
 * its unless patterns does.  Patterns are PCRE2, compiled as in rx.h
 * (UTF, Unicode properties, caseless).
 */
#ifndef BE_CODEBOOK_H
#define BE_CODEBOOK_H

#include <stddef.h>

#include "err.h"
#include "rx.h"

struct be_cb_pat {
	char *src;			/* the pattern as written */
	struct be_rx *rx;
	unsigned long line, col;	/* of the pattern in the file */
	size_t id;			/* private: pre-filter id */
};

struct be_cb_ex {
	char *text;
	unsigned long line, col;
};

struct be_cb_theme {
	char *name;
	char *description;		/* NULL when absent */
	char *parent;			/* NULL when a top theme */
	char *colour;			/* "#rrggbb" (lower case) or NULL */
	char *guid;			/* REFI-QDA GUID as given, or NULL */
	int codable;			/* 0: a heading only (isCodable) */
	long parent_ix;			/* index of the parent, -1 none */
	unsigned long line, col;	/* of the theme's name */
	struct be_cb_pat *match, *unless;
	size_t nmatch, nunless;
	struct be_cb_ex *yes, *no;	/* examples: match, nomatch */
	size_t nyes, nno;
};

/* A set of themes (REFI-QDA Sets): a grouping apart from the nesting. */
struct be_cb_set {
	char *name;
	char *description;		/* NULL when absent */
	char *guid;			/* NULL when absent */
	long *members;			/* indexes of its themes */
	size_t nmembers;
};

struct be_codebook {
	char *path;			/* as named in messages */
	char *name;
	char *description;		/* NULL when absent */
	char *hash;			/* hex BLAKE2b-256 of the file's bytes */
	struct be_cb_theme *themes;	/* in file order; parents may follow */
	size_t nthemes;
	struct be_cb_set *sets;		/* in file order */
	size_t nsets;
	size_t npats;			/* match and unless patterns in all */
	struct be_err *warns;		/* what is allowed but likely a
					 * slip (a colour that is empty) */
	size_t nwarns;
	/* private: the pre-filter */
	struct be_lits *lits;
	struct be_cb_pat **pats;	/* npats, by pre-filter id */
	unsigned char *always;		/* npats: no literal, always run */
	struct be_lits_lead *lead;	/* npats: where a match begins,
					 * seen from its literal */
	int filtered;			/* some pattern has literals */
	int windows;			/* some lead is bounded */
	int collect;			/* loading: list every bad pattern */
	struct be_err *perr;		/* loading: the bad patterns */
	size_t nperr, aperr;
};

/*
 * Loads the codebook at path ("-" is stdin), checks it whole and compiles
 * every pattern.  Returns 0 and *cb (caller frees with be_codebook_free),
 * or -1 with e at file:line:col of the first fault: a YAML error, an
 * unknown key, a wrong type, a duplicate theme, an unknown parent, a
 * parent cycle, a bad colour, name or guid, a set naming an unknown
 * theme, an invalid pattern (PCRE2's message
 * at the place of the fault inside the pattern).
 */
int be_codebook_load(const char *path, struct be_codebook **cb,
    struct be_err *e);

/*
 * As be_codebook_load, but a bad pattern does not stop the loading: each
 * one is appended to *errs (*nerrs of them, in file order, caller frees
 * *errs, also after success, when it is NULL), and the loading fails at
 * the end with the first in e.  What else is wrong stops the loading as
 * in be_codebook_load (and is not in *errs).  For be-tag --check.
 */
int be_codebook_load_all(const char *path, struct be_codebook **cb,
    struct be_err **errs, size_t *nerrs, struct be_err *e);

/* As be_codebook_load on the bytes buf[0..len), named name. */
int be_codebook_parse(const char *buf, size_t len, const char *name,
    struct be_codebook **cb, struct be_err *e);

void be_codebook_free(struct be_codebook *cb);

/* Index of the theme called name, or -1. */
long be_codebook_find(const struct be_codebook *cb, const char *name);

/* Whether s is a valid theme name: lower case letters (also accented),
 * digits, '-' and '_', starting with a letter or digit. */
int be_theme_name_ok(const char *s);

/* Whether s is a GUID as REFI-QDA writes one: 8-4-4-4-12 hexadecimal
 * digits, perhaps in braces. */
int be_guid_ok(const char *s);

/*
 * What loading cb found allowed but likely a mistake: *n errors, owned
 * by cb (freed with it).
 */
const struct be_err *be_codebook_warnings(const struct be_codebook *cb,
    size_t *n);
/* The number of themes and of patterns (match and unless) of cb. */
void be_codebook_size(const struct be_codebook *cb, size_t *nthemes,
    size_t *npats);

/* The outcome of one theme on one text. */
struct be_cb_hit {
	int tagged;		/* a match pattern matched and none vetoed */
	long pat;		/* first match pattern that matched, or -1 */
	long veto;		/* unless pattern that vetoed, or -1 */
	char *words;		/* tagged: the distinct matched words of pat,
				 * joined by ", " (at most 5) */
};

/* Scratch for evaluating a codebook: one per thread. */
struct be_cb_eval;

struct be_cb_eval *be_cb_eval_new(const struct be_codebook *cb);
void be_cb_eval_free(struct be_cb_eval *ev);

/*
 * Evaluates every theme on text[0..len).  Returns 0 with *hits pointing
 * at cb->nthemes outcomes (valid until the next call), or -1 when a
 * pattern hit a limit or the text is not UTF-8: then e is at the
 * pattern's place, says "theme 'x': pattern hit the match limit", and
 * *bad is the theme's index.
 */
int be_cb_eval(struct be_cb_eval *ev, const char *text, size_t len,
    const struct be_cb_hit **hits, long *bad, struct be_err *e);

/* The words of theme i's outcome, handed to the caller (who frees them):
 * the outcome keeps NULL. */
char *be_cb_eval_take_words(struct be_cb_eval *ev, size_t i);

/*
 * Runs every example of every theme.  Each failure is appended to
 * fails (an array of *nfails errors at the example's place, caller frees
 * *fails): "example does not match theme 'x'" (with the unless pattern
 * that vetoed it, if one did), "example matches theme 'x' but must not
 * (rule 'PATTERN')".  *nex is the number of examples.  Returns 0, or -1
 * with e when a pattern hit a limit.
 */
int be_codebook_check(const struct be_codebook *cb, struct be_err **fails,
    size_t *nfails, size_t *nex, struct be_err *e);

/*
 * Checks the codebook at path as be-tag --check does: loads it with every
 * pattern (be_codebook_load_all) and runs its examples (be_codebook_check).
 * Each problem is handed to report, in this order: every bad pattern and
 * the fault that stopped the load (when it is not the first of those), or
 * the fault that stopped the check; else the codebook's warnings, then each
 * failing example.  On success fills *nfails, *nex (examples) and
 * *nthemes, *npats (the codebook's size).  Returns 0 (*nfails may be
 * nonzero), or -1 when the codebook could not be loaded or checked (the
 * cause handed to report).  Nothing the caller must free.
 */
int be_codebook_check_file(const char *path,
    void (*report)(const struct be_err *), size_t *nfails, size_t *nex,
    size_t *nthemes, size_t *npats);

#endif
