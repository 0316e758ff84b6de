/* lits.c: see lits.h. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lits.h"
#include "mem.h"
#include "banned.h"

/* A set of literal strings, each at most LMAX bytes, at most SMAX of them. */
#define SMAX 64
#define LMAX 48

struct lset {
	char *s[SMAX];
	size_t n;
};

/* Widths above this count as unbounded. */
#define WMAX (1L << 20)

/* What the analysis knows about a piece of pattern. */
struct info {
	struct lset *exact;	/* all strings it matches, or NULL */
	struct lset *req;	/* one of them is in every match, or NULL */
	struct be_lits_lead lead; /* where req lies in a match */
	struct be_lits_lead sh;	/* the shape of a match */
	int wd;			/* a match holds only word characters */
};

/* The lead of literals that begin the match. */
static const struct be_lits_lead lead0 = { 0, 0, 0 };

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

static long
wadd(long a, long b)
{
	if (a < 0 || b < 0 || a + b > WMAX)
		return -1;
	return a + b;
}

/*
 * Shapes.  The text a piece of pattern matches, read backwards from its
 * end: at most near bytes, then (when word) a run of word characters of
 * any length, then at most far bytes.  near -1: no bound.  The lead of a
 * literal is the shape of what a match holds before it.
 */
static const struct be_lits_lead unbounded = { -1, 0, 0 };

/* w bytes at most (-1 any); wd: word characters only. */
static struct be_lits_lead
shape(long w, int wd)
{
	struct be_lits_lead r = { 0, 0, 0 };

	if (w >= 0)
		r.near = w;
	else if (wd)
		r.word = 1;
	else
		r = unbounded;
	return r;
}

/* x (word characters only when xwd) followed by y. */
static struct be_lits_lead
shape_cat(struct be_lits_lead x, int xwd, struct be_lits_lead y)
{
	struct be_lits_lead r;

	if (x.near < 0 || y.near < 0)
		return unbounded;
	if (!y.word) {
		r.near = wadd(x.near, y.near);
		r.word = x.word;
		r.far = x.far;
	} else if (y.far == 0 && xwd) {
		/* x continues y's run of word characters. */
		r = y;
	} else if (!x.word) {
		r.near = y.near;
		r.word = 1;
		r.far = wadd(y.far, x.near);
	} else if (y.far == 0 && x.near == 0) {
		r.near = y.near;
		r.word = 1;
		r.far = x.far;
	} else
		return unbounded;
	if (r.near < 0 || r.far < 0)
		return unbounded;
	return r;
}

/* A shape that a match of a or of b has. */
static struct be_lits_lead
shape_alt(struct be_lits_lead a, struct be_lits_lead b)
{
	struct be_lits_lead r;

	if (a.near < 0 || b.near < 0)
		return unbounded;
	if (a.word && !b.word)
		return shape_alt(b, a);
	if (!b.word) {
		r.near = a.near > b.near ? a.near : b.near;
		r.word = 0;
		r.far = 0;
	} else if (!a.word) {
		/* a fits in near and far around an empty run. */
		r.near = b.near;
		r.word = 1;
		r.far = a.near - b.near > b.far ? a.near - b.near : b.far;
	} else {
		r.near = a.near > b.near ? a.near : b.near;
		r.word = 1;
		r.far = a.far > b.far ? a.far : b.far;
	}
	return r;
}

/* x (wd: word characters only) repeated at most max times (-1 any). */
static struct be_lits_lead
shape_rep(struct be_lits_lead x, int wd, long max)
{
	if (max == 0)
		return shape(0, 0);
	if (max == 1)
		return x;
	if (x.near >= 0 && !x.word && max > 0 && x.near <= WMAX / max)
		return shape(x.near * max, 0);
	return wd ? shape(-1, 1) : unbounded;
}

/* How wide the window of a lead is: smaller is better. */
static long
lead_cost(struct be_lits_lead l)
{
	if (l.near < 0)
		return 3 * WMAX;
	return l.near + l.far + (l.word ? WMAX : 0);
}

static void
info_release(struct info *i)
{
	lset_free(i->exact);
	lset_free(i->req);
	i->exact = i->req = NULL;
}

/* The better requirement of a (with lead la) and b (lb): longer
 * shortest member, then the narrower window, then fewer members.  Frees
 * the other; *lead is the lead of the one returned. */
static struct lset *
req_best(struct lset *a, struct be_lits_lead la, struct lset *b,
    struct be_lits_lead lb, struct be_lits_lead *lead)
{
	size_t ma, mb;

	if (a == NULL || b == NULL) {
		*lead = a ? la : lb;
		return a ? a : b;
	}
	/* A literal of 4 bytes or more that bounds the window is worth
	 * more than a longer one that does not. */
	ma = lset_minlen(a) + (la.near >= 0 && lset_minlen(a) >= 4 ? LMAX : 0);
	mb = lset_minlen(b) + (lb.near >= 0 && lset_minlen(b) >= 4 ? LMAX : 0);
	if (mb > ma || (mb == ma && lead_cost(lb) < lead_cost(la)) ||
	    (mb == ma && lead_cost(lb) == lead_cost(la) && b->n < a->n)) {
		lset_free(a);
		*lead = lb;
		return b;
	}
	lset_free(b);
	*lead = la;
	return a;
}

/* What a match of i surely contains: its exact strings when none is
 * empty (they begin the match), else its requirement.  Returns a new set
 * or NULL, with *lead where it lies. */
static struct lset *
info_req(const struct info *i, struct be_lits_lead *lead)
{
	struct lset *x = NULL;

	if (i->exact && lset_minlen(i->exact) > 0)
		x = lset_dup(i->exact);
	return req_best(x, lead0, lset_dup(i->req), i->lead, lead);
}

/* Zero-width. */
static struct info
info_empty(void)
{
	struct info i = { lset_one(""), NULL, { -1, 0, 0 }, { 0, 0, 0 }, 1 };

	return i;
}

/* Width w; word characters only when wd. */
static struct info
info_unknown(long w, int wd)
{
	struct info i = { NULL, NULL, { -1, 0, 0 }, { 0, 0, 0 }, wd };

	i.sh = shape(w, wd);

	return i;
}

/* An ASCII character: one byte in a text whose fold kept its offsets. */
static struct info
info_char(int c)
{
	char s[2] = { (char)tolower(c), 0 };
	struct info i = { lset_one(s), NULL, { -1, 0, 0 }, { 1, 0, 0 },
	    isalnum(c) || c == '_' };

	return i;
}

static struct info
info_alt(struct info a, struct info b)
{
	struct info r;
	struct be_lits_lead la, lb;

	r.exact = NULL;
	if (a.exact && b.exact)
		r.exact = lset_union(lset_dup(a.exact), lset_dup(b.exact));
	r.req = lset_union(info_req(&a, &la), info_req(&b, &lb));
	r.lead = shape_alt(la, lb);
	r.sh = shape_alt(a.sh, b.sh);
	r.wd = a.wd && b.wd;
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
	case 'G':
		/* Asserts the start offset, which the pre-filter
		 * may move: such a pattern always runs from 0. */
		a->bail = 1;
		return 1;
	case 'K':
		/* Moves the start of the match after the literal. */
		a->bail = 1;
		return 1;
	case 'b': case 'B': case 'A': case 'z': case 'Z':
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
		return info_unknown(4, 0);
	}
	for (c = 1, first = 0; first < (int)s->n; first++)
		if (!isalnum((unsigned char)s->s[first][0]) &&
		    s->s[first][0] != '_')
			c = 0;
	return (struct info){ s, NULL, { -1, 0, 0 }, { 1, 0, 0 }, c };
}

static struct info
parse_group(struct ana *a)
{
	struct info in;
	int look = 0;

	if (a->p < a->end && *a->p == '*') {
		a->bail = 1;
		return info_unknown(-1, 0);
	}
	if (a->p < a->end && *a->p == '?') {
		a->p++;
		if (a->p >= a->end) {
			a->bail = 1;
			return info_unknown(-1, 0);
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
			return info_unknown(-1, 0);
		default:
			/* Option settings: (?i) (?-i) (?i: ...). */
			while (a->p < a->end && *a->p != '\0' &&
			    strchr("imnsxUJ-^", *a->p) != NULL) {
				if (*a->p == 'x') {
					a->bail = 1;
					return info_unknown(-1, 0);
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
			return info_unknown(-1, 0);
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
	int c, k, el;

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
		return info_unknown(4, 0);
	}
	if (c == '\\') {
		a->p++;
		el = a->p < a->end ? *a->p : 0;
		if (a->p < a->end && *a->p == 'Q') {
			char lit[LMAX + 1];
			size_t n = 0, bytes = 0;
			int ok = 1, wd = 1;

			a->p++;
			while (a->p < a->end && !(*a->p == '\\' &&
			    a->p + 1 < a->end && a->p[1] == 'E')) {
				if (*a->p < 0x80 && !isalnum(*a->p) &&
				    *a->p != '_')
					wd = 0;
				if (*a->p >= 0x80 || n == LMAX)
					ok = 0;
				else
					lit[n++] = (char)tolower(*a->p);
				a->p++, bytes++;
			}
			if (a->p < a->end)
				a->p += 2;
			lit[n] = '\0';
			/* A non-ASCII character and its other case may
			 * differ in length: at most 4 bytes each. */
			return ok ? (struct info){ lset_one(lit), NULL,
			    { -1, 0, 0 }, { (long)n, 0, 0 }, wd } :
			    info_unknown(bytes > WMAX / 4 ? -1 :
			    4 * (long)bytes, 0);
		}
		k = parse_escape(a, &c);
		if (c >= 0)
			return info_char(c);
		if (k == 1)
			return info_empty();
		/* One character (\X: a cluster of any length); \w and
		 * \d only word characters. */
		return info_unknown(el == 'X' ? -1 : 4, el == 'w' || el == 'd');
	}
	if (c >= 0x80) {
		/* Non-ASCII counts as a word character in the window. */
		skip_utf8(a);
		return info_unknown(4, 1);
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

/* Ends the run of exact strings (which lie at lead rl): keeps it as the
 * requirement when it is better. */
static void
flush_run(struct lset **run, struct be_lits_lead rl, struct lset **best,
    struct be_lits_lead *bl)
{
	if (lset_minlen(*run) > 0)
		*best = req_best(*best, *bl, *run, rl, bl);
	else
		lset_free(*run);
	*run = lset_one("");
}

/*
 * A sequence of atoms: consecutive atoms with exact strings make a run
 * (their cross product); an atom without them ends the run.  The
 * requirement is the best of the runs and of the atoms' requirements,
 * each with its lead: the width of what comes before it in the sequence
 * and, for an atom's requirement, the atom's own lead.
 */
static struct info
parse_seq(struct ana *a)
{
	struct info r, x;
	struct lset *run = lset_one(""), *best = NULL, *c;
	struct be_lits_lead bl = unbounded, xl, rl = lead0, at = lead0;
	long min, max;
	int all_exact = 1, wd = 1;

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
				struct lset *q = info_req(&x, &xl);

				info_release(&x);
				x.req = q;
				x.lead = xl;
			}
			x.sh = shape_rep(x.sh, x.wd, max);
		}
		/* at: the shape of what comes before x. */
		if (x.exact && (c = lset_cross(run, x.exact)) != NULL) {
			lset_free(run);
			run = c;
		} else if (x.exact) {
			/* Too many strings: a new run after this one. */
			flush_run(&run, rl, &best, &bl);
			lset_free(run);
			run = x.exact;
			x.exact = NULL;
			rl = at;
			all_exact = 0;
		} else {
			flush_run(&run, rl, &best, &bl);
			c = info_req(&x, &xl);
			best = req_best(best, bl, c, shape_cat(at, wd, xl),
			    &bl);
			all_exact = 0;
		}
		at = shape_cat(at, wd, x.sh);
		wd = wd && x.wd;
		if (!x.exact && run->n == 1 && run->s[0][0] == '\0')
			rl = at;	/* the next run begins after x */
		info_release(&x);
	}
	r.sh = at;
	r.wd = wd;
	if (all_exact) {
		r.exact = run;
		r.req = NULL;
		r.lead = lead0;
		lset_free(best);
		return r;
	}
	flush_run(&run, rl, &best, &bl);
	lset_free(run);
	r.exact = NULL;
	r.req = best;
	r.lead = bl;
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

size_t
be_lits_derive(const char *src, size_t len, char ***lits,
    struct be_lits_lead *lead)
{
	struct ana a;
	struct info in;
	struct lset *req;
	struct be_lits_lead none = { -1, 0, 0 };
	char **v;
	size_t i, j, n;
	int pre;

	*lits = NULL;
	*lead = none;
	a.p = (const unsigned char *)src;
	a.end = a.p + len;
	a.bail = 0;
	in = parse_alt(&a);
	if (a.p != a.end)
		a.bail = 1;
	req = info_req(&in, lead);
	info_release(&in);
	if (a.bail || req == NULL || lset_minlen(req) < 3) {
		lset_free(req);
		*lead = none;
		return 0;
	}
	/* A literal that contains another is implied by it; but when the
	 * literals bound where the match begins, only one that begins with
	 * the other. */
	pre = lead->near >= 0;
	v = be_xcalloc(req->n, sizeof *v);
	for (i = n = 0; i < req->n; i++) {
		for (j = 0; j < req->n; j++)
			if (j != i && (pre ? strncmp(req->s[i], req->s[j],
			    strlen(req->s[j])) == 0 :
			    strstr(req->s[i], req->s[j]) != NULL) &&
			    (strlen(req->s[j]) < strlen(req->s[i]) || j < i))
				break;
		if (j == req->n)
			v[n++] = req->s[i];
	}
	for (i = 0; i < req->n; i++) {
		for (j = 0; j < n && v[j] != req->s[i]; j++)
			;
		if (j < n)
			req->s[i] = NULL;	/* moved to v */
	}
	lset_free(req);
	*lits = v;
	return n;
}

int
be_lits_enabled(void)
{
	const char *v = getenv("BENUT_PREFILTER");

	return v == NULL || strcmp(v, "0") != 0;
}

int
be_lits_fold(const char *s, size_t len, struct be_buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i;
	char *o;
	int same;

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
	same = (size_t)(o - (out->s + out->len)) == len;
	out->len = (size_t)(o - out->s);
	out->s[out->len] = '\0';
	return same;
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
	unsigned *delta;	/* the DFA for the scan: see be_lits_build */
	unsigned *oid;		/* outputs: id, length and next */
	unsigned *olen;
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
			BE_RESIZE(l->olen, l->ocap);
			BE_RESIZE(l->onext, l->ocap);
		}
		l->oid[l->nout] = l->pid[i];
		l->olen[l->nout] = (unsigned)strlen(l->pend[i]);
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
	/* The scan's table: the entry of state s and class c holds the
	 * next state t as t * ncls * 2, plus 1 when t (or a state its
	 * failure links reach) ends a literal: one load a byte. */
	l->delta = be_xcalloc((size_t)l->nstates * l->ncls, sizeof *l->delta);
	for (i = 0; i < (size_t)l->nstates * l->ncls; i++) {
		t = l->next[i];
		l->delta[i] = (unsigned)t * (unsigned)l->ncls * 2u |
		    (l->out[t] >= 0 || l->dict[t] > 0);
	}
	l->built = 1;
}

static void
add_hit(struct be_lits_hits *h, unsigned id, size_t at)
{
	if (h->n == BE_LITS_MAXHITS) {
		h->full = 1;
		return;
	}
	BE_GROW(h->v, h->n + 1, h->cap);
	h->v[h->n].id = id;
	h->v[h->n++].at = at;
}

void
be_lits_scan(const struct be_lits *l, const char *s, size_t len,
    unsigned *marks, unsigned gen, struct be_lits_hits *hits)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	const unsigned *delta = l->delta;
	const unsigned char *cls = l->cls;
	unsigned v = 0, ncls2 = 2u * (unsigned)l->ncls, id;
	int t, o;

	if (hits) {
		hits->n = 0;
		hits->full = 0;
	}
	if (l->nstates == 0)
		return;
	for (; p < end; p++) {
		v = delta[(v >> 1) + cls[*p]];
		if (!(v & 1))
			continue;
		for (t = (int)(v / ncls2); t > 0; t = l->dict[t])
			for (o = l->out[t]; o >= 0; o = l->onext[o]) {
				id = l->oid[o];
				marks[id] = gen;
				if (hits)
					add_hit(hits, id, (size_t)(p -
					    (const unsigned char *)s) + 1 -
					    l->olen[o]);
			}
	}
}

void
be_lits_hits_release(struct be_lits_hits *h)
{
	free(h->v);
	h->v = NULL;
	h->n = h->cap = 0;
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
	free(l->delta);
	free(l->oid);
	free(l->olen);
	free(l->onext);
	free(l);
}

