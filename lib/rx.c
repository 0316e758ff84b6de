/* rx.c: see rx.h. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <ctype.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "enc.h"
#include "rx.h"
#include "banned.h"

/* A set of literal strings, each at most LMAX bytes, at most SMAX of them. */
#define SMAX 64
#define LMAX 48

struct lset {
	char *s[SMAX];
	size_t n;
};

/* What the analysis knows about a piece of pattern. */
struct info {
	struct lset *exact;	/* all strings it matches, or NULL */
	struct lset *req;	/* one of them is in every match, or NULL */
};

struct be_rx {
	pcre2_code *code;
	char *src;
	char **lits;
	size_t nlits;
};

struct be_rx_ctx {
	pcre2_match_context *mctx;
	pcre2_jit_stack *jstack;
	pcre2_match_data *md;
	uint32_t opts;
};

/* Literal analysis. */

struct ana {
	const unsigned char *p, *end;
	int bail;
};

static struct lset *
lset_new(void)
{
	return be_xcalloc(1, sizeof(struct lset));
}

static void
lset_free(struct lset *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n; i++)
		free(s->s[i]);
	free(s);
}

static struct lset *
lset_dup(const struct lset *s)
{
	struct lset *d;
	size_t i;

	if (s == NULL)
		return NULL;
	d = lset_new();
	for (i = 0; i < s->n; i++)
		d->s[i] = be_xstrdup(s->s[i]);
	d->n = s->n;
	return d;
}

/* Adds str unless present.  Returns -1 when the set is full. */
static int
lset_add(struct lset *s, const char *str)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->s[i], str) == 0)
			return 0;
	if (s->n == SMAX || strlen(str) > LMAX)
		return -1;
	s->s[s->n++] = be_xstrdup(str);
	return 0;
}

static struct lset *
lset_one(const char *str)
{
	struct lset *s = lset_new();

	lset_add(s, str);
	return s;
}

static size_t
lset_minlen(const struct lset *s)
{
	size_t i, m = (size_t)-1, l;

	for (i = 0; i < s->n; i++)
		if ((l = strlen(s->s[i])) < m)
			m = l;
	return s->n ? m : 0;
}

/* The better requirement of a and b (longer shortest member, then fewer);
 * frees the other. */
static struct lset *
lset_best(struct lset *a, struct lset *b)
{
	size_t ma, mb;

	if (a == NULL)
		return b;
	if (b == NULL)
		return a;
	ma = lset_minlen(a);
	mb = lset_minlen(b);
	if (mb > ma || (mb == ma && b->n < a->n)) {
		lset_free(a);
		return b;
	}
	lset_free(b);
	return a;
}

/* Union of a and b (both consumed), NULL when too large. */
static struct lset *
lset_union(struct lset *a, struct lset *b)
{
	size_t i;

	if (a == NULL || b == NULL) {
		lset_free(a);
		lset_free(b);
		return NULL;
	}
	for (i = 0; i < b->n; i++)
		if (lset_add(a, b->s[i]) < 0) {
			lset_free(a);
			lset_free(b);
			return NULL;
		}
	lset_free(b);
	return a;
}

/* Every a then b; NULL when too large.  Does not consume. */
static struct lset *
lset_cross(const struct lset *a, const struct lset *b)
{
	struct lset *r;
	char tmp[2 * LMAX + 1];
	size_t i, j;

	if (a == NULL || b == NULL || a->n * b->n > SMAX)
		return NULL;
	r = lset_new();
	for (i = 0; i < a->n; i++)
		for (j = 0; j < b->n; j++) {
			snprintf(tmp, sizeof tmp, "%s%s", a->s[i], b->s[j]);
			if (lset_add(r, tmp) < 0) {
				lset_free(r);
				return NULL;
			}
		}
	return r;
}

static void
info_release(struct info *i)
{
	lset_free(i->exact);
	lset_free(i->req);
	i->exact = i->req = NULL;
}

/* What a match of i surely contains: its exact strings when none is
 * empty, else its requirement.  Returns a new set or NULL. */
static struct lset *
info_req(const struct info *i)
{
	struct lset *x = NULL;

	if (i->exact && lset_minlen(i->exact) > 0)
		x = lset_dup(i->exact);
	return lset_best(x, lset_dup(i->req));
}

static struct info
info_empty(void)
{
	struct info i = { lset_one(""), NULL };

	return i;
}

static struct info
info_unknown(void)
{
	struct info i = { NULL, NULL };

	return i;
}

static struct info
info_char(int c)
{
	char s[2] = { (char)tolower(c), 0 };
	struct info i = { lset_one(s), NULL };

	return i;
}

/* a then b; consumes both. */
static struct info
info_concat(struct info a, struct info b)
{
	struct info r;

	r.exact = lset_cross(a.exact, b.exact);
	r.req = lset_best(info_req(&a), info_req(&b));
	info_release(&a);
	info_release(&b);
	return r;
}

static struct info
info_alt(struct info a, struct info b)
{
	struct info r;

	r.exact = NULL;
	if (a.exact && b.exact)
		r.exact = lset_union(lset_dup(a.exact), lset_dup(b.exact));
	r.req = lset_union(info_req(&a), info_req(&b));
	info_release(&a);
	info_release(&b);
	return r;
}

static struct info parse_alt(struct ana *a);

/* Skips a code point whose lead byte is at a->p. */
static void
skip_utf8(struct ana *a)
{
	a->p++;
	while (a->p < a->end && (*a->p & 0xc0) == 0x80)
		a->p++;
}

/* \x{hh} or \xhh after the x; returns the code point or -1. */
static long
parse_hex(struct ana *a)
{
	long v = 0;
	int n = 0;

	if (a->p < a->end && *a->p == '{') {
		a->p++;
		while (a->p < a->end && isxdigit(*a->p) && n < 8) {
			v = v * 16 + (isdigit(*a->p) ? *a->p - '0' :
			    tolower(*a->p) - 'a' + 10);
			a->p++, n++;
		}
		if (a->p >= a->end || *a->p != '}')
			return -1;
		a->p++;
		return v;
	}
	while (a->p < a->end && isxdigit(*a->p) && n < 2) {
		v = v * 16 + (isdigit(*a->p) ? *a->p - '0' :
		    tolower(*a->p) - 'a' + 10);
		a->p++, n++;
	}
	return v;
}

/* An escape after the backslash.  *c is the literal char, or -1 when the
 * escape is not one ASCII char (then the return says what it is):
 * 0 literal, 1 zero-width, 2 unknown class. */
static int
parse_escape(struct ana *a, int *c)
{
	int ch;
	long v;

	*c = -1;
	if (a->p >= a->end) {
		a->bail = 1;
		return 2;
	}
	ch = *a->p++;
	switch (ch) {
	case 'b': case 'B': case 'A': case 'z': case 'Z': case 'G': case 'K':
		return 1;
	case 'd': case 'D': case 'w': case 'W': case 's': case 'S': case 'h':
	case 'H': case 'v': case 'V': case 'R': case 'N': case 'X': case 'C':
		return 2;
	case 'p': case 'P':
		if (a->p < a->end && *a->p == '{') {
			while (a->p < a->end && *a->p != '}')
				a->p++;
			if (a->p < a->end)
				a->p++;
		} else if (a->p < a->end)
			a->p++;
		return 2;
	case 't': *c = '\t'; return 0;
	case 'n': *c = '\n'; return 0;
	case 'r': *c = '\r'; return 0;
	case 'f': *c = '\f'; return 0;
	case 'a': *c = 7; return 0;
	case 'e': *c = 27; return 0;
	case 'x':
		v = parse_hex(a);
		if (v >= 0 && v < 0x80) {
			*c = (int)v;
			return 0;
		}
		if (v < 0)
			a->bail = 1;
		return 2;
	default:
		if (isalnum(ch) || ch >= 0x80) {
			/* Back references, octal, \c, \o, \g, \k, \Q
			 * (handled by the caller) and the like. */
			a->bail = 1;
			return 2;
		}
		*c = ch;
		return 0;
	}
}

static struct info
parse_class(struct ana *a)
{
	struct lset *s = lset_new();
	char one[2] = { 0, 0 };
	int c, last = -1, first = 1, unknown = 0;

	if (a->p < a->end && *a->p == '^') {
		unknown = 1;
		a->p++;
	}
	while (a->p < a->end && (*a->p != ']' || first)) {
		first = 0;
		if (*a->p == '[' && a->p + 1 < a->end && a->p[1] == ':') {
			const unsigned char *q = a->p + 2;

			while (q + 1 < a->end && !(q[0] == ':' && q[1] == ']'))
				q++;
			a->p = q + 2;
			unknown = 1;
			last = -1;
			continue;
		}
		if (*a->p == '-' && last >= 0 && a->p + 1 < a->end &&
		    a->p[1] != ']') {
			int hi;

			a->p++;
			if (*a->p == '\\') {
				a->p++;
				parse_escape(a, &hi);
			} else if (*a->p >= 0x80) {
				skip_utf8(a);
				hi = -1;
			} else
				hi = *a->p++;
			if (hi < 0 || hi - last > 8)
				unknown = 1;
			else
				for (c = last + 1; c <= hi; c++) {
					one[0] = (char)tolower(c);
					if (lset_add(s, one) < 0)
						unknown = 1;
				}
			last = -1;
			continue;
		}
		if (*a->p == '\\') {
			a->p++;
			if (a->p < a->end && *a->p == 'Q') {
				a->bail = 1;
				break;
			}
			parse_escape(a, &c);
		} else if (*a->p >= 0x80) {
			skip_utf8(a);
			c = -1;
		} else
			c = *a->p++;
		if (c < 0)
			unknown = 1;
		else {
			one[0] = (char)tolower(c);
			if (lset_add(s, one) < 0)
				unknown = 1;
		}
		last = c;
	}
	if (a->p < a->end)
		a->p++;		/* ] */
	if (unknown || s->n == 0) {
		lset_free(s);
		return info_unknown();
	}
	return (struct info){ s, NULL };
}

static struct info
parse_group(struct ana *a)
{
	struct info in;
	int look = 0;

	if (a->p < a->end && *a->p == '*') {
		a->bail = 1;
		return info_unknown();
	}
	if (a->p < a->end && *a->p == '?') {
		a->p++;
		if (a->p >= a->end) {
			a->bail = 1;
			return info_unknown();
		}
		switch (*a->p) {
		case ':': case '|': case '>':
			a->p++;
			break;
		case '=': case '!':
			a->p++;
			look = 1;
			break;
		case '#':
			while (a->p < a->end && *a->p != ')')
				a->p++;
			if (a->p < a->end)
				a->p++;
			return info_empty();
		case '<':
			if (a->p + 1 < a->end && (a->p[1] == '=' ||
			    a->p[1] == '!')) {
				a->p += 2;
				look = 1;
				break;
			}
			/* FALLTHROUGH */
		case '\'':
			a->p++;
			while (a->p < a->end && *a->p != '>' && *a->p != '\'')
				a->p++;
			a->p++;
			break;
		case 'P':
			if (a->p + 1 < a->end && a->p[1] == '<') {
				while (a->p < a->end && *a->p != '>')
					a->p++;
				a->p++;
				break;
			}
			a->bail = 1;
			return info_unknown();
		default:
			/* Option settings: (?i) (?-i) (?i: ...). */
			while (a->p < a->end && (isalpha(*a->p) ||
			    *a->p == '-' || *a->p == '^')) {
				if (*a->p == 'x') {
					a->bail = 1;
					return info_unknown();
				}
				a->p++;
			}
			if (a->p < a->end && *a->p == ')') {
				a->p++;
				return info_empty();
			}
			if (a->p < a->end && *a->p == ':') {
				a->p++;
				break;
			}
			a->bail = 1;
			return info_unknown();
		}
	}
	in = parse_alt(a);
	if (a->p < a->end && *a->p == ')')
		a->p++;
	else
		a->bail = 1;
	if (look) {
		info_release(&in);
		return info_empty();
	}
	return in;
}

static struct info
parse_atom(struct ana *a)
{
	int c, k;

	c = *a->p;
	if (c == '(') {
		a->p++;
		return parse_group(a);
	}
	if (c == '[') {
		a->p++;
		return parse_class(a);
	}
	if (c == '^' || c == '$') {
		a->p++;
		return info_empty();
	}
	if (c == '.') {
		a->p++;
		return info_unknown();
	}
	if (c == '\\') {
		a->p++;
		if (a->p < a->end && *a->p == 'Q') {
			struct info r = info_empty();

			a->p++;
			while (a->p < a->end && !(*a->p == '\\' &&
			    a->p + 1 < a->end && a->p[1] == 'E')) {
				if (*a->p >= 0x80) {
					skip_utf8(a);
					r = info_concat(r, info_unknown());
				} else
					r = info_concat(r, info_char(*a->p++));
			}
			if (a->p < a->end)
				a->p += 2;
			return r;
		}
		k = parse_escape(a, &c);
		if (c >= 0)
			return info_char(c);
		return k == 1 ? info_empty() : info_unknown();
	}
	if (c >= 0x80) {
		skip_utf8(a);
		return info_unknown();
	}
	a->p++;
	return info_char(c);
}

/* A quantifier at a->p: sets *min, *max (-1 unbounded); 0 when none. */
static int
parse_quant(struct ana *a, long *min, long *max)
{
	const unsigned char *q;
	long lo = 0, hi;

	if (a->p >= a->end)
		return 0;
	switch (*a->p) {
	case '?': *min = 0; *max = 1; a->p++; break;
	case '*': *min = 0; *max = -1; a->p++; break;
	case '+': *min = 1; *max = -1; a->p++; break;
	case '{':
		q = a->p + 1;
		if (q >= a->end || !isdigit(*q))
			return 0;
		while (q < a->end && isdigit(*q) && lo < 100000)
			lo = lo * 10 + (*q++ - '0');
		hi = lo;
		if (q < a->end && *q == ',') {
			q++;
			hi = -1;
			if (q < a->end && isdigit(*q))
				for (hi = 0; q < a->end && isdigit(*q) &&
				    hi < 100000; )
					hi = hi * 10 + (*q++ - '0');
		}
		if (q >= a->end || *q != '}')
			return 0;
		a->p = q + 1;
		*min = lo;
		*max = hi;
		break;
	default:
		return 0;
	}
	if (a->p < a->end && (*a->p == '?' || *a->p == '+'))
		a->p++;
	return 1;
}

static struct info
parse_seq(struct ana *a)
{
	struct info r = info_empty(), x;
	long min, max;

	while (a->p < a->end && *a->p != '|' && *a->p != ')' && !a->bail) {
		x = parse_atom(a);
		while (parse_quant(a, &min, &max)) {
			if (min == 1 && max == 1)
				continue;
			if (min == 0 && max == 1 && x.exact) {
				lset_free(x.req);
				x.req = NULL;
				if (lset_add(x.exact, "") < 0) {
					lset_free(x.exact);
					x.exact = NULL;
				}
			} else if (min == 0) {
				info_release(&x);
			} else {
				struct lset *q = info_req(&x);

				info_release(&x);
				x.req = q;
			}
		}
		r = info_concat(r, x);
	}
	return r;
}

static struct info
parse_alt(struct ana *a)
{
	struct info r;

	r = parse_seq(a);
	while (a->p < a->end && *a->p == '|' && !a->bail) {
		a->p++;
		r = info_alt(r, parse_seq(a));
	}
	return r;
}

/* Derives rx's literals from its source. */
static void
analyse(struct be_rx *rx, size_t len)
{
	struct ana a;
	struct info in;
	struct lset *req;
	size_t i;

	a.p = (const unsigned char *)rx->src;
	a.end = a.p + len;
	a.bail = 0;
	in = parse_alt(&a);
	if (a.p != a.end)
		a.bail = 1;
	req = info_req(&in);
	info_release(&in);
	if (a.bail || req == NULL || lset_minlen(req) < 3) {
		lset_free(req);
		return;
	}
	rx->lits = be_xcalloc(req->n, sizeof *rx->lits);
	for (i = 0; i < req->n; i++) {
		rx->lits[i] = req->s[i];
		req->s[i] = NULL;
	}
	rx->nlits = req->n;
	req->n = 0;
	lset_free(req);
}

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
		free(rx);
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
		pcre2_code_free(rx->code);
		free(rx);
		return NULL;
	}
	/* Without JIT (an unsupported platform) the interpreter runs,
	 * under the same limits. */
	pcre2_jit_compile(rx->code, PCRE2_JIT_COMPLETE);
	rx->src = be_xstrndup(pat, len);
	analyse(rx, len);
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
be_rx_literals(const struct be_rx *rx, char *const **lits)
{
	*lits = rx->lits;
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

int
be_rx_exec(const struct be_rx *rx, struct be_rx_ctx *c, const char *s,
    size_t len, size_t start, size_t *so, size_t *eo, struct be_err *e)
{
	PCRE2_SIZE *ov;
	int rc;

	rc = pcre2_match(rx->code, (PCRE2_SPTR)s, len, start, c->opts, c->md,
	    c->mctx);
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

void
be_rx_fold(const char *s, size_t len, struct be_buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i;
	char *o;

	be_buf_grow(out, len);
	o = out->s + out->len;
	for (i = 0; i < len; i++) {
		unsigned char c = p[i];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		else if (c == 0xc5 && i + 1 < len && p[i + 1] == 0xbf) {
			c = 's';	/* U+017F */
			i++;
		} else if (c == 0xe2 && i + 2 < len && p[i + 1] == 0x84 &&
		    p[i + 2] == 0xaa) {
			c = 'k';	/* U+212A */
			i += 2;
		}
		*o++ = (char)c;
	}
	out->len = (size_t)(o - out->s);
	out->s[out->len] = '\0';
}

/* The literal scanner: a DFA over byte classes. */

struct be_lits {
	unsigned char cls[256];
	int ncls;
	int nstates, cap;
	int *next;		/* trie, then DFA: nstates * ncls */
	int *fail;
	int *out;		/* first output of a state, -1 none */
	int *dict;		/* nearest fail-ancestor with output, 0 none */
	unsigned *oid;		/* outputs: id and next */
	int *onext;
	int nout, ocap;
	char **pend;		/* literals added before build */
	unsigned *pid;
	size_t npend, pcap;
	int built;
};

struct be_lits *
be_lits_new(void)
{
	return be_xcalloc(1, sizeof(struct be_lits));
}

void
be_lits_add(struct be_lits *l, const char *lit, unsigned id)
{
	if (l->npend == l->pcap) {
		l->pcap = be_grow_cap(l->pcap, l->npend + 1);
		BE_RESIZE(l->pend, l->pcap);
		BE_RESIZE(l->pid, l->pcap);
	}
	l->pend[l->npend] = be_xstrdup(lit);
	l->pid[l->npend++] = id;
}

static int
new_state(struct be_lits *l)
{
	int i;

	if (l->nstates == l->cap) {
		l->cap = be_grow_cap(l->cap, l->nstates + 1);
		BE_RESIZE(l->next, (size_t)l->cap * l->ncls);
		BE_RESIZE(l->out, l->cap);
	}
	for (i = 0; i < l->ncls; i++)
		l->next[(size_t)l->nstates * l->ncls + i] = -1;
	l->out[l->nstates] = -1;
	return l->nstates++;
}

void
be_lits_build(struct be_lits *l)
{
	size_t i;
	int *queue, qh = 0, qt = 0, s, c, t, f;
	const unsigned char *p;

	l->ncls = 1;
	for (i = 0; i < l->npend; i++)
		for (p = (const unsigned char *)l->pend[i]; *p; p++)
			if (l->cls[*p] == 0)
				l->cls[*p] = (unsigned char)l->ncls++;
	new_state(l);
	for (i = 0; i < l->npend; i++) {
		s = 0;
		for (p = (const unsigned char *)l->pend[i]; *p; p++) {
			t = l->next[(size_t)s * l->ncls + l->cls[*p]];
			if (t < 0) {
				t = new_state(l);
				l->next[(size_t)s * l->ncls + l->cls[*p]] = t;
			}
			s = t;
		}
		if (l->nout == l->ocap) {
			l->ocap = be_grow_cap(l->ocap, l->nout + 1);
			BE_RESIZE(l->oid, l->ocap);
			BE_RESIZE(l->onext, l->ocap);
		}
		l->oid[l->nout] = l->pid[i];
		l->onext[l->nout] = l->out[s];
		l->out[s] = l->nout++;
		free(l->pend[i]);
	}
	free(l->pend);
	free(l->pid);
	l->pend = NULL;
	l->pid = NULL;
	l->npend = 0;
	l->fail = be_xcalloc((size_t)l->nstates, sizeof *l->fail);
	l->dict = be_xcalloc((size_t)l->nstates, sizeof *l->dict);
	queue = be_xcalloc((size_t)l->nstates, sizeof *queue);
	for (c = 0; c < l->ncls; c++) {
		t = l->next[c];
		if (t < 0)
			l->next[c] = 0;
		else {
			l->fail[t] = 0;
			queue[qt++] = t;
		}
	}
	while (qh < qt) {
		s = queue[qh++];
		f = l->fail[s];
		l->dict[s] = l->out[f] >= 0 ? f : l->dict[f];
		for (c = 0; c < l->ncls; c++) {
			t = l->next[(size_t)s * l->ncls + c];
			if (t < 0)
				l->next[(size_t)s * l->ncls + c] =
				    l->next[(size_t)f * l->ncls + c];
			else {
				l->fail[t] = l->next[(size_t)f * l->ncls + c];
				queue[qt++] = t;
			}
		}
	}
	free(queue);
	l->built = 1;
}

void
be_lits_scan(const struct be_lits *l, const char *s, size_t len,
    unsigned *marks, unsigned gen)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	int st = 0, t, o;

	if (l->nstates == 0)
		return;
	for (; p < end; p++) {
		st = l->next[(size_t)st * l->ncls + l->cls[*p]];
		for (t = st; t > 0; t = l->dict[t])
			for (o = l->out[t]; o >= 0; o = l->onext[o])
				marks[l->oid[o]] = gen;
	}
}

void
be_lits_free(struct be_lits *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->npend; i++)
		free(l->pend[i]);
	free(l->pend);
	free(l->pid);
	free(l->next);
	free(l->fail);
	free(l->out);
	free(l->dict);
	free(l->oid);
	free(l->onext);
	free(l);
}
