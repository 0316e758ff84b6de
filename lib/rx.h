/*
 * rx.h: PCRE2 patterns with limits.
 *
 * A pattern is compiled with PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS by
 * default (so \b and \w work on é, ë, ï and case does not matter) and
 * JIT-compiled where the platform allows.  Every match runs under a match
 * limit, a depth limit and a heap limit: a pattern that backtracks without
 * end reports an error, never "no match" and never a hang.
 *
 * The literals of the pre-filter (lits.h) are derived at compile time.
 */
#ifndef BE_RX_H
#define BE_RX_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"
#include "lits.h"

/* Default compile options: UTF, Unicode properties, caseless. */
#define BE_RX_DEFAULT 0u
/* Or-ed into the options: match case exactly. */
#define BE_RX_CASE 1u

/* Limits of one match call (PCRE2 units). */
#define BE_RX_MATCH_LIMIT 5000000u
#define BE_RX_DEPTH_LIMIT 10000u
#define BE_RX_HEAP_LIMIT 65536u		/* KiB */

struct be_rx;
struct be_rx_ctx;

/*
 * Compiles pat[0..len).  Returns the pattern (caller frees with
 * be_rx_free), or NULL with e's message set to PCRE2's (lower case) and
 * *erroff to the byte offset in pat where PCRE2 found the error.  Also
 * refused: \C (one byte, which can split a character), and a pattern
 * that can match the empty string (it would match every text; *erroff
 * 0): "pattern can match the empty string, ...".
 */
struct be_rx *be_rx_compile(const char *pat, size_t len, unsigned opts,
    size_t *erroff, struct be_err *e);
void be_rx_free(struct be_rx *rx);

/* The pattern's source text.  Not the caller's. */
const char *be_rx_source(const struct be_rx *rx);

/*
 * The literals one of which every match contains, ASCII lower case (NULL
 * and 0 when none could be derived: the pattern must always be run), as
 * be_lits_derive gives them; *lead (when not NULL) says where a match
 * begins relative to the literal.  Not the caller's.
 */
size_t be_rx_literals(const struct be_rx *rx, char *const **lits,
    struct be_lits_lead *lead);

/*
 * A match context: limits, JIT stack and match data for one thread.
 * Caller frees with be_rx_ctx_free.
 */
struct be_rx_ctx *be_rx_ctx_new(void);
void be_rx_ctx_free(struct be_rx_ctx *c);

/*
 * Looks for rx in s[0..len) from byte start.  Returns 1 with the match at
 * s[*so..*eo), 0 when there is none, -1 when a limit was hit or the
 * subject is not valid UTF-8 (e says which; no place is set).
 */
int be_rx_exec(const struct be_rx *rx, struct be_rx_ctx *c, const char *s,
    size_t len, size_t start, size_t *so, size_t *eo, struct be_err *e);

/*
 * As be_rx_exec, but only a match that begins at a byte in [lo, hi]
 * (PCRE2 still looks before lo for \b and lookbehind, and after hi for
 * the rest of the match).  Fast for a pattern with literals whose lead
 * is bounded (be_rx_literals): PCRE2 tries no start after hi.
 */
int be_rx_exec_in(const struct be_rx *rx, struct be_rx_ctx *c,
    const char *s, size_t len, size_t lo, size_t hi, size_t *so, size_t *eo,
    struct be_err *e);

/*
 * Whether s[0..len) is valid UTF-8.  After a text passed this check,
 * be_rx_ctx_trust(c, 1) lets the matches on it skip PCRE2's own check
 * (which otherwise runs on the whole text at every call).
 */
int be_rx_utf8_ok(const char *s, size_t len);
void be_rx_ctx_trust(struct be_rx_ctx *c, int trusted);

#endif
