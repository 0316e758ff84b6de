/* rx.c: see rx.h. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "enc.h"
#include "lits.h"
#include "rx.h"
#include "banned.h"

struct be_rx {
	pcre2_code *code;
	char *src;
	char **lits;
	size_t nlits;
	struct be_lits_lead lead;
};

struct be_rx_ctx {
	pcre2_match_context *mctx;
	pcre2_jit_stack *jstack;
	pcre2_match_data *md;
	uint32_t opts;
};

struct be_rx *
be_rx_compile(const char *pat, size_t len, unsigned opts, size_t *erroff,
    struct be_err *e)
{
	struct be_rx *rx;
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	uint32_t o = PCRE2_UTF | PCRE2_UCP, min;
	int code;

	if (!(opts & BE_RX_CASE))
		o |= PCRE2_CASELESS;
	/* \C matches one byte, and so can split a character of UTF-8. */
	o |= PCRE2_NEVER_BACKSLASH_C;
	rx = be_xcalloc(1, sizeof *rx);
	rx->nlits = be_lits_derive(pat, len, &rx->lits, &rx->lead);
	/* The pre-filter searches windows of the text (be_rx_exec_in). */
	if (rx->nlits && rx->lead.near >= 0)
		o |= PCRE2_USE_OFFSET_LIMIT;
	rx->code = pcre2_compile((PCRE2_SPTR)pat, len, o, &code, &off, NULL);
	if (rx->code == NULL) {
		if (code == PCRE2_ERROR_BACKSLASH_C_CALLER_DISABLED) {
			off = off >= 2 ? off - 2 : 0;	/* at the backslash */
			be_err_set(e, "\\C (one byte) is not allowed; write . "
			    "for one character");
		} else {
			pcre2_get_error_message(code, msg, sizeof msg);
			be_err_set(e, "%s", (char *)msg);
		}
		if (erroff)
			*erroff = off;
		be_rx_free(rx);
		return NULL;
	}
	/*
	 * A pattern that can match the empty string (an empty one, 'x|',
	 * '(x)*') matches every text.  PCRE2's minimum length is a lower
	 * bound: 0 also for a pattern made only of assertions, which finds
	 * no words either.
	 */
	if (pcre2_pattern_info(rx->code, PCRE2_INFO_MINLENGTH, &min) == 0 &&
	    min == 0) {
		if (erroff)
			*erroff = 0;
		be_err_set(e, "pattern can match the empty string, and so "
		    "every story; make it need at least one character");
		be_rx_free(rx);
		return NULL;
	}
	/* Without JIT (an unsupported platform) the interpreter runs,
	 * under the same limits. */
	pcre2_jit_compile(rx->code, PCRE2_JIT_COMPLETE);
	rx->src = be_xstrndup(pat, len);
	return rx;
}

void
be_rx_free(struct be_rx *rx)
{
	size_t i;

	if (rx == NULL)
		return;
	pcre2_code_free(rx->code);
	for (i = 0; i < rx->nlits; i++)
		free(rx->lits[i]);
	free(rx->lits);
	free(rx->src);
	free(rx);
}

const char *
be_rx_source(const struct be_rx *rx)
{
	return rx->src;
}

size_t
be_rx_literals(const struct be_rx *rx, char *const **lits,
    struct be_lits_lead *lead)
{
	*lits = rx->lits;
	if (lead)
		*lead = rx->lead;
	return rx->nlits;
}

struct be_rx_ctx *
be_rx_ctx_new(void)
{
	struct be_rx_ctx *c = be_xcalloc(1, sizeof *c);

	c->mctx = pcre2_match_context_create(NULL);
	c->jstack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
	c->md = pcre2_match_data_create(1, NULL);
	if (c->mctx == NULL || c->md == NULL) {
		fprintf(stderr, "out of memory\n");
		abort();
	}
	pcre2_set_match_limit(c->mctx, BE_RX_MATCH_LIMIT);
	pcre2_set_depth_limit(c->mctx, BE_RX_DEPTH_LIMIT);
	pcre2_set_heap_limit(c->mctx, BE_RX_HEAP_LIMIT);
	if (c->jstack)
		pcre2_jit_stack_assign(c->mctx, NULL, c->jstack);
	return c;
}

void
be_rx_ctx_free(struct be_rx_ctx *c)
{
	if (c == NULL)
		return;
	pcre2_match_data_free(c->md);
	pcre2_jit_stack_free(c->jstack);
	pcre2_match_context_free(c->mctx);
	free(c);
}

/* What pcre2_match's rc means. */
static int
result(struct be_rx_ctx *c, int rc, size_t *so, size_t *eo,
    struct be_err *e)
{
	PCRE2_SIZE *ov;

	if (rc >= 0) {
		ov = pcre2_get_ovector_pointer(c->md);
		*so = ov[0];
		*eo = ov[1];
		return 1;
	}
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	switch (rc) {
	case PCRE2_ERROR_MATCHLIMIT:
		return be_err_set(e, "pattern hit the match limit");
	case PCRE2_ERROR_DEPTHLIMIT:
		return be_err_set(e, "pattern hit the depth limit");
	case PCRE2_ERROR_HEAPLIMIT:
		return be_err_set(e, "pattern hit the heap limit");
	case PCRE2_ERROR_JIT_STACKLIMIT:
		return be_err_set(e, "pattern hit the stack limit");
	default:
		if (rc <= PCRE2_ERROR_UTF8_ERR1 && rc >= PCRE2_ERROR_UTF8_ERR21)
			return be_err_set(e, "text is not valid UTF-8");
		return be_err_set(e, "pattern failed (PCRE2 error %d)", rc);
	}
}

int
be_rx_exec(const struct be_rx *rx, struct be_rx_ctx *c, const char *s,
    size_t len, size_t start, size_t *so, size_t *eo, struct be_err *e)
{
	return result(c, pcre2_match(rx->code, (PCRE2_SPTR)s, len, start,
	    c->opts, c->md, c->mctx), so, eo, e);
}

int
be_rx_exec_in(const struct be_rx *rx, struct be_rx_ctx *c, const char *s,
    size_t len, size_t lo, size_t hi, size_t *so, size_t *eo,
    struct be_err *e)
{
	int rc;

	if (!(rx->nlits && rx->lead.near >= 0)) {
		/* Compiled without the offset limit: the leftmost match
		 * from lo, when it begins by hi. */
		rc = be_rx_exec(rx, c, s, len, lo, so, eo, e);
		return rc == 1 && *so > hi ? 0 : rc;
	}
	pcre2_set_offset_limit(c->mctx, hi);
	rc = pcre2_match(rx->code, (PCRE2_SPTR)s, len, lo, c->opts, c->md,
	    c->mctx);
	pcre2_set_offset_limit(c->mctx, PCRE2_UNSET);
	return result(c, rc, so, eo, e);
}

void
be_rx_ctx_trust(struct be_rx_ctx *c, int trusted)
{
	c->opts = trusted ? PCRE2_NO_UTF_CHECK : 0;
}

int
be_rx_utf8_ok(const char *s, size_t len)
{
	int more;

	return be_utf8_valid((const unsigned char *)s, len, &more) == len;
}
