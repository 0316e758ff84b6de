/*
 * lits.h: the literal pre-filter of patterns (FilteredRE2's idea).
 *
 * For most patterns a set of literals can be read from the pattern text
 * such that every match contains one of them (\bwacht(en|lijst) gives
 * "wacht"; \b(taxi|valys)\b gives "taxi" and "valys").  A be_lits scanner
 * finds all literals of many patterns in one pass over a folded copy of
 * the text, so that only the patterns whose literals occur need to run.
 * The reader knows alternation, groups, classes, quantifiers, escapes and
 * zero-width items (\b, anchors, lookaround); a pattern with anything else
 * (back references, \Q without \E, (?x), ...) gets no literals and always
 * runs.  Literals are ASCII: a non-ASCII character in a pattern ends a
 * literal, so that the caseless match of a literal needs no Unicode case
 * folding beyond the ASCII letters and the two non-ASCII characters that
 * PCRE2 (caseless, UCP) matches with ASCII letters (see be_lits_fold).
 * The reader also says how far before its literal a match can begin (its
 * lead), so that a pattern need only be searched in windows before the
 * places where its literals were found (lib/codebook.c).
 *
 * BENUT_PREFILTER=0 in the environment switches the pre-filter off (every
 * pattern runs on every text): the tests compare the two.
 */
#ifndef BE_LITS_H
#define BE_LITS_H

#include <stddef.h>

#include "buf.h"

/*
 * Where a match can begin, seen from the start of a literal it holds
 * (its lead): at most near bytes before the literal, then, when word is
 * set, a run of word characters of any length (ASCII letters, digits,
 * '_' or any non-ASCII character), then at most far bytes more.  near -1:
 * no bound; { 0, 0, 0 }: the literal begins the match.  An ASCII
 * character of the pattern counts as one byte, so the bound holds only
 * in texts that be_lits_fold keeps at their length.
 */
struct be_lits_lead {
	long near;
	int word;
	long far;
};

/*
 * Reads pattern src[0..len) (PCRE2 syntax, to be compiled caseless).
 * Returns the number of literals (ASCII lower case, at least 3 bytes)
 * one of which every match contains, with *lits an array of them (the
 * caller frees each and the array), or 0 and *lits NULL when none could
 * be derived.  *lead says where a match begins relative to the literal
 * it holds (near -1 when nothing is known).
 */
size_t be_lits_derive(const char *src, size_t len, char ***lits,
    struct be_lits_lead *lead);

/* Whether the pre-filter is on: not when BENUT_PREFILTER is "0". */
int be_lits_enabled(void);

/*
 * Appends to out a copy of s[0..len) folded for the pre-filter: ASCII
 * letters in lower case, and the two non-ASCII letters that PCRE2 matches
 * caselessly with ASCII ones (KELVIN SIGN, LATIN SMALL LETTER LONG S) as
 * 'k' and 's'.  Other bytes are kept.  Returns 1 when the copy has the
 * same length as s (byte offsets agree), 0 when it is shorter.
 */
int be_lits_fold(const char *s, size_t len, struct be_buf *out);

/* A scanner for many literals at once (Aho-Corasick). */
struct be_lits;
struct be_lits *be_lits_new(void);
/* Adds literal lit (ASCII lower case) that stands for id. */
void be_lits_add(struct be_lits *l, const char *lit, unsigned id);
/* Prepares the scanner; call once after the last be_lits_add. */
void be_lits_build(struct be_lits *l);
/* Where literals were found: (id, offset) pairs. */
#define BE_LITS_MAXHITS 4096
struct be_lits_hit {
	unsigned id;
	size_t at;		/* where the literal begins */
};
struct be_lits_hits {
	struct be_lits_hit *v;
	size_t n, cap;
	int full;		/* more than BE_LITS_MAXHITS: some left out */
};

/*
 * Scans the folded text s[0..len): for each literal found, sets
 * marks[id] = gen and, when hits is not NULL, appends (id, offset) to
 * it (after emptying it), up to BE_LITS_MAXHITS pairs, in the order the
 * literals end.
 */
void be_lits_scan(const struct be_lits *l, const char *s, size_t len,
    unsigned *marks, unsigned gen, struct be_lits_hits *hits);
void be_lits_hits_release(struct be_lits_hits *hits);
void be_lits_free(struct be_lits *l);

#endif
