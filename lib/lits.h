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
 *
 * BENUT_PREFILTER=0 in the environment switches the pre-filter off (every
 * pattern runs on every text): the tests compare the two.
 */
#ifndef BE_LITS_H
#define BE_LITS_H

#include <stddef.h>

#include "buf.h"

/*
 * Reads pattern src[0..len) (PCRE2 syntax, to be compiled caseless).
 * Returns the number of literals (ASCII lower case, at least 3 bytes)
 * one of which every match contains, with *lits an array of them (the
 * caller frees each and the array), or 0 and *lits NULL when none could
 * be derived.  *prefix is set to 1 when every match moreover begins with
 * one of them (zero-width items aside), else 0.
 */
size_t be_lits_derive(const char *src, size_t len, char ***lits,
    int *prefix);

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
/*
 * Scans the folded text s[0..len): for each literal found, sets
 * marks[id] = gen and, when first is not NULL, first[id] to the smallest
 * offset at which one of id's literals begins.
 */
void be_lits_scan(const struct be_lits *l, const char *s, size_t len,
    unsigned *marks, unsigned gen, size_t *first);
void be_lits_free(struct be_lits *l);

#endif
