/* redact.c: see redact.h. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "redact.h"
#include "banned.h"

typedef unsigned char u8;

struct scan {
	const u8 *s;
	size_t n;
	size_t done;		/* s[0..done) is in out already */
	size_t rej;		/* where the last number turned down ends */
	int again;		/* a marker near it: redact the result again */
	struct be_buf *out;
	size_t base;		/* out->len when we started */
	unsigned total;
	struct be_redact_counts *c;
};

static const char *const names[BE_R_NKINDS] = {
	"BSN", "IBAN", "TELEFOON", "E-MAIL", "POSTCODE", "ADRES",
	"GEBOORTEDATUM", "NAAM"
};
static const char *const markers[BE_R_NKINDS] = {
	"[BSN]", "[IBAN]", "[TELEFOON]", "[E-MAIL]", "[POSTCODE]", "[ADRES]",
	"[GEBOORTEDATUM]", "[NAAM]"
};

const char *
be_redact_name(int kind)
{
	return kind >= 0 && kind < BE_R_NKINDS ? names[kind] : NULL;
}

const char *
be_redact_marker(int kind)
{
	return kind >= 0 && kind < BE_R_NKINDS ? markers[kind] : NULL;
}

/* Character classes, ASCII only; the locale plays no part. */
#define C_DIGIT	0x01
#define C_UPPER	0x02
#define C_LOWER	0x04
#define C_CAND	0x08	/* may start a candidate: digit + ( @ */
#define C_LOCAL	0x10	/* e-mail local part besides letters and digits */
#define C_NAME	0x20	/* may start a name: a capital, or a byte that
			   starts a letter outside ASCII */
#define C_ALPHA	(C_UPPER | C_LOWER)
#define C_ALNUM	(C_ALPHA | C_DIGIT)

static const u8 cls[256] = {
	['A' ... 'Z'] = C_UPPER | C_NAME,
	[0xC3 ... 0xC5] = C_NAME, [0xC8] = C_NAME,
	['a' ... 'z'] = C_LOWER,
	['0' ... '9'] = C_DIGIT | C_CAND,
	['+'] = C_CAND | C_LOCAL,
	['('] = C_CAND,
	['@'] = C_CAND,
	['.'] = C_LOCAL, ['_'] = C_LOCAL, ['%'] = C_LOCAL, ['-'] = C_LOCAL,
};

#define IS_DIGIT(ch)	(cls[(u8)(ch)] & C_DIGIT)
#define IS_ALPHA(ch)	(cls[(u8)(ch)] & C_ALPHA)
#define IS_ALNUM(ch)	(cls[(u8)(ch)] & C_ALNUM)
#define IS_UPPER(ch)	(cls[(u8)(ch)] & C_UPPER)
#define LOWER(ch)	(IS_UPPER(ch) ? (ch) + 32 : (ch))

/*
 * UTF-8.  dec_fwd decodes the character at s[i] and returns its length,
 * or 0 when the bytes there are not valid UTF-8.  dec_back decodes the
 * character that ends just before s[i] (not looking before lo).
 */
static int
dec_fwd(const u8 *s, size_t n, size_t i, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k;

	if (i >= n)
		return 0;
	k = utf8proc_iterate(s + i, n - i < 4 ? (utf8proc_ssize_t)(n - i) : 4,
	    &c);
	if (k <= 0)
		return 0;
	*cp = c;
	return (int)k;
}

static int
dec_back(const u8 *s, size_t lo, size_t i, int32_t *cp)
{
	size_t j = i;
	int k;

	if (i <= lo)
		return 0;
	if (s[i - 1] < 0x80) {
		*cp = s[i - 1];
		return 1;
	}
	while (j > lo && i - j < 4 && (s[j - 1] & 0xC0) == 0x80)
		j--;
	if (j == lo || i - j >= 4)
		return 0;
	j--;
	k = dec_fwd(s, i, j, cp);
	return k == (int)(i - j) ? k : 0;
}

static int
cp_letter(int32_t cp)
{
	utf8proc_category_t k;

	if (cp < 0x80)
		return IS_ALPHA(cp) != 0;
	k = utf8proc_category(cp);
	return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_ME;
}

/* A letter or a digit of any script: part of a word. */
static int
cp_word(int32_t cp)
{
	if (cp < 0x80)
		return IS_ALNUM(cp) != 0;
	return cp_letter(cp) ||
	    utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

static int
cp_upper(int32_t cp)
{
	utf8proc_category_t k;

	if (cp < 0x80)
		return IS_UPPER(cp) != 0;
	k = utf8proc_category(cp);
	return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

/* Is there a word character (letter or digit, any script) at s[i]? */
static int
word_at(const struct scan *S, size_t i)
{
	int32_t cp;

	if (i >= S->n)
		return 0;
	if (S->s[i] < 0x80)
		return IS_ALNUM(S->s[i]) != 0;
	return dec_fwd(S->s, S->n, i, &cp) && cp_word(cp);
}

/* Is there a word character just before s[i]? */
static int
word_before(const struct scan *S, size_t i)
{
	int32_t cp;

	return dec_back(S->s, 0, i, &cp) && cp_word(cp);
}

/*
 * Is there a word character just before s[i] in the redacted text?  Where
 * a marker was just written, the character before is its ']': redacting
 * the output again must see what this pass saw.
 */
static int
word_before_out(const struct scan *S, size_t i)
{
	if (S->total && i == S->done)
		return 0;
	return word_before(S, i);
}

/* Replaces s[ms..me) by the marker of kind. */
static void
emit(struct scan *S, size_t ms, size_t me, int kind)
{
	if (ms < S->done)
		ms = S->done;
	/*
	 * A number turned down for what followed it ("1 bis-7d") may read
	 * otherwise once what followed is a marker.
	 */
	if (S->rej && ms < S->rej + 8)
		S->again = 1;
	be_buf_add(S->out, S->s + S->done, ms - S->done);
	be_buf_adds(S->out, markers[kind]);
	S->done = me;
	S->total++;
	if (S->c)
		S->c->n[kind]++;
}

/* Case-insensitive comparison of s[a..b) with the lower-case word w. */
static int
word_is(const u8 *s, size_t a, size_t b, const char *w)
{
	size_t i;

	for (i = a; i < b; i++, w++)
		if (*w == '\0' || LOWER(s[i]) != (u8)*w)
			return 0;
	return *w == '\0';
}

static int
word_in(const u8 *s, size_t a, size_t b, const char *const *list)
{
	for (; *list; list++)
		if (word_is(s, a, b, *list))
			return 1;
	return 0;
}

/*
 * Is s[i] a joiner inside a token: - / _ between letters or digits, or
 * . , : between digits (Z-2026-001234, 12.500,00, 10:15)?  Where a marker
 * was just written, the character before s[i] is its ']'.
 */
static int
joined(const struct scan *S, size_t i)
{
	const u8 *s = S->s;

	if (i == 0 || i + 1 >= S->n || (S->total && i == S->done))
		return 0;
	switch (s[i]) {
	case '-': case '/': case '_':
		return IS_ALNUM(s[i - 1]) && IS_ALNUM(s[i + 1]);
	case '.': case ',': case ':':
		return IS_DIGIT(s[i - 1]) && IS_DIGIT(s[i + 1]);
	}
	return 0;
}

/*
 * The end of the token that starts at s[p]: letters and digits and the
 * joiners between them.  A number inside such a token is not a candidate
 * of its own.
 */
static size_t
skip_token(const struct scan *S, size_t p)
{
	size_t i = p + 1;

	while (i < S->n && (IS_ALNUM(S->s[i]) || joined(S, i)))
		i++;
	return i;
}

/* May a number start at s[p]: not inside a word or a code? */
static int
start_ok(const struct scan *S, size_t p)
{
	if (p == 0 || (S->total && p == S->done))
		return 1;
	return !word_before(S, p) && !joined(S, p - 1);
}

/* Does a number end at s[e]: no letter, digit or joiner follows? */
static int
end_ok(const struct scan *S, size_t e)
{
	if (e >= S->n)
		return 1;
	return !word_at(S, e) && S->s[e] != '@' && !joined(S, e);
}

/* Is the number at s[p] an amount: after € or EUR, or before ,- or euro? */
static int
amount(const struct scan *S, size_t p, size_t e)
{
	const u8 *s = S->s;
	size_t i = p;

	if (i > S->done && s[i - 1] == ' ')
		i--;
	if (i >= S->done + 3 && s[i - 3] == 0xE2 && s[i - 2] == 0x82 &&
	    s[i - 1] == 0xAC)
		return 1;
	if (i >= S->done + 3 && word_is(s, i - 3, i, "eur") &&
	    (i == S->done + 3 || !IS_ALPHA(s[i - 4])))
		return 1;
	if (e + 1 < S->n && s[e] == ',' && s[e + 1] == '-')
		return 1;
	if (e + 5 <= S->n && s[e] == ' ' && word_is(s, e + 1, e + 5, "euro"))
		return 1;
	return 0;
}

/*
 * The ASCII word that ends before s[pos], after skipping separators;
 * [*a, *b).  Looks back at most to lo.  0 when there is none.
 */
static int
prev_word(const u8 *s, size_t lo, size_t pos, size_t *a, size_t *b)
{
	size_t i = pos;

	while (i > lo && (s[i - 1] == ' ' || s[i - 1] == ':' ||
	    s[i - 1] == '.' || s[i - 1] == ',' || s[i - 1] == '-' ||
	    s[i - 1] == '\t' || s[i - 1] == '\n' || s[i - 1] == '\r' ||
	    s[i - 1] == '(' || s[i - 1] == '='))
		i--;
	*b = i;
	while (i > lo && IS_ALPHA(s[i - 1]))
		i--;
	*a = i;
	if (*a == *b)
		return 0;
	/* A word glued to something else (a digit, an accent) is not one. */
	if (i > lo && (s[i - 1] >= 0x80 || IS_DIGIT(s[i - 1])))
		return 0;
	return 1;
}

static const char *const bsn_words[] = {
	"bsn", "burgerservicenummer", "sofinummer", "sofi", "bsnnummer",
	"bsnnr", "burgerservicenr", "sofinr", NULL
};
static const char *const bsn_fill[] = {
	"is", "nr", "nummer", "number", "was", "mijn", "luidt", NULL
};

/* Is the number at s[p] announced as a BSN? */
static int
bsn_keyword(const struct scan *S, size_t p)
{
	size_t lo = p > 48 + S->done ? p - 48 : S->done, a, b, i = p;
	int k;

	for (k = 0; k < 4; k++) {
		if (!prev_word(S->s, lo, i, &a, &b))
			return 0;
		if (word_in(S->s, a, b, bsn_words))
			return 1;
		if (!word_in(S->s, a, b, bsn_fill))
			return 0;
		i = a;
	}
	return 0;
}

static const char *const dob_words[] = {
	"geboren", "geboortedatum", "geb", "born", "birth", "dob",
	"geboortedag", "birthdate", "birthday", "verjaardag", NULL
};
static const char *const dob_fill[] = {
	"op", "on", "is", "de", "den", "was", "mijn", "my", "the", NULL
};

/*
 * Is the date at s[p] announced as a date of birth?  Between the word and
 * the date may stand "op", "is" and the like, and a place ("in Ede").
 */
static int
dob_keyword(const struct scan *S, size_t p)
{
	size_t lo = p > 48 + S->done ? p - 48 : S->done, a, b, a2, b2, i = p;
	int k;

	for (k = 0; k < 3; k++) {
		if (!prev_word(S->s, lo, i, &a, &b))
			return 0;
		if (word_in(S->s, a, b, dob_words))
			return 1;
		if (word_is(S->s, a, b, "van") &&
		    prev_word(S->s, lo, a, &a2, &b2) &&
		    word_is(S->s, a2, b2, "ben"))
			return 1;
		if (word_is(S->s, a, b, "datum") &&
		    prev_word(S->s, lo, a, &a2, &b2) &&
		    (word_is(S->s, a2, b2, "geb") ||
		    word_is(S->s, a2, b2, "geboorte")))
			return 1;
		/* geboren in Amsterdam op ... */
		if (k < 2 && IS_UPPER(S->s[a]) &&
		    prev_word(S->s, lo, a, &a2, &b2) &&
		    (word_is(S->s, a2, b2, "in") || word_is(S->s, a2, b2, "te"))) {
			i = a2;
			continue;
		}
		if (!word_in(S->s, a, b, dob_fill))
			return 0;
		i = a;
	}
	return 0;
}

/* Reads up to max digits at s[*i]; returns how many, value in *v. */
static int
digits(const struct scan *S, size_t *i, int max, long *v)
{
	int k = 0;

	*v = 0;
	while (*i < S->n && IS_DIGIT(S->s[*i]) && k <= max) {
		*v = *v * 10 + (S->s[*i] - '0');
		(*i)++;
		k++;
	}
	return k;
}

static const char *const months[] = {
	"januari", "februari", "maart", "april", "mei", "juni", "juli",
	"augustus", "september", "oktober", "november", "december",
	"january", "february", "march", "may", "june", "july", "august",
	"october", "jan", "feb", "mrt", "mar", "apr", "jun", "jul", "aug",
	"sep", "sept", "okt", "oct", "nov", "dec", NULL
};

/* A full date at s[p]: its end, or 0. */
static size_t
match_date(const struct scan *S, size_t p)
{
	const u8 *s = S->s;
	size_t i = p, a;
	long x, y, z;
	int nx, ny, nz;
	u8 sep;

	nx = digits(S, &i, 4, &x);
	if (i >= S->n)
		return 0;
	sep = s[i];
	if (nx == 4 && (sep == '-' || sep == '/' || sep == '.')) {
		i++;
		ny = digits(S, &i, 2, &y);
		if (ny < 1 || ny > 2 || i >= S->n || s[i] != sep)
			return 0;
		i++;
		nz = digits(S, &i, 2, &z);
		if (nz < 1 || nz > 2 || x < 1880 || x > 2100 || y < 1 ||
		    y > 12 || z < 1 || z > 31)
			return 0;
	} else if (nx <= 2 && (sep == '-' || sep == '/' || sep == '.')) {
		i++;
		ny = digits(S, &i, 2, &y);
		if (ny < 1 || ny > 2 || i >= S->n || s[i] != sep)
			return 0;
		i++;
		nz = digits(S, &i, 4, &z);
		if ((nz != 2 && nz != 4) || x < 1 || x > 31 || y < 1 ||
		    y > 12 || (nz == 4 && (z < 1880 || z > 2100)))
			return 0;
	} else if (nx <= 2 && sep == ' ') {
		a = ++i;
		while (i < S->n && IS_ALPHA(s[i]))
			i++;
		if (!word_in(s, a, i, months) || x < 1 || x > 31)
			return 0;
		if (i < S->n && s[i] == '.')
			i++;
		if (i + 1 >= S->n || s[i] != ' ')
			return 0;
		i++;
		if (s[i] == '\'') {
			i++;
			nz = digits(S, &i, 2, &z);
			if (nz != 2)
				return 0;
		} else {
			nz = digits(S, &i, 4, &z);
			if (nz != 4 || z < 1880 || z > 2100)
				return 0;
		}
	} else
		return 0;
	return end_ok(S, i) ? i : 0;
}

/* Are the m digits after + or 00 a whole international number? */
static int
intl_ok(const char *d, int m)
{
	if (m >= 3 && d[0] == '3' && d[1] == '1')
		return (m == 11 && d[2] != '0') ||
		    (m == 12 && d[2] == '0' && d[3] != '0');
	return m >= 9 && m <= 15 && d[0] != '0';
}

/*
 * A phone number starting at s[p] (a digit, '+' or '('): its end, or 0.
 * Digits are read in groups; reading stops once a whole number is there,
 * so that "bel 06 12345678 12 keer" keeps the 12.
 */
static size_t
match_phone(const struct scan *S, size_t p)
{
	const u8 *s = S->s;
	size_t n = S->n, i = p, j, end = 0;
	char d[20];
	int g[12], cnd[12];
	size_t gend[12];
	int nd = 0, ng = 0, intl = 0, paren = 0, zero = 0, target, k;

	if (s[i] == '(') {
		paren = 1;
		i++;
	}
	if (i < n && s[i] == '+') {	/* +31 and (+31) */
		intl = 1;
		i++;
	}
	if (i >= n || !IS_DIGIT(s[i]))
		return 0;
	if (!intl && !paren && i + 2 < n && s[i] == '0' && s[i + 1] == '0' &&
	    s[i + 2] != '0' && IS_DIGIT(s[i + 2])) {
		intl = 2;
		i += 2;
	}
	for (;;) {
		k = 0;
		while (i < n && IS_DIGIT(s[i])) {
			if (nd == (int)sizeof d)
				return 0;
			d[nd++] = s[i++];
			k++;
		}
		if (ng == (int)(sizeof g / sizeof g[0]))
			return 0;
		g[ng] = k;
		cnd[ng] = nd;
		gend[ng++] = i;
		end = i;
		if (!intl)
			target = 10;
		else if (nd >= 3 && d[0] == '3' && d[1] == '1')
			target = d[2] == '0' ? 12 : 11;
		else
			target = 15;
		if (nd >= target)
			break;
		j = i;
		if (paren == 1) {
			if (ng != 1 || j >= n || s[j] != ')')
				return 0;
			paren = 2;
			j++;
			if (j < n && (s[j] == ' ' || s[j] == '-'))
				j++;
		} else {
			if (j < n && (s[j] == ' ' || s[j] == '-' || s[j] == '.' ||
			    (s[j] == '/' && ng == 1 && !intl))) {
				j++;
				if (s[j - 1] == ' ' && j + 1 < n && s[j] == '-' &&
				    s[j + 1] == ' ')
					j += 2;
			}
			if (intl && !zero && j + 2 < n && s[j] == '(' &&
			    s[j + 1] == '0' && s[j + 2] == ')') {
				j += 3;
				zero = 1;
				if (j < n && (s[j] == ' ' || s[j] == '-'))
					j++;
			}
		}
		if (j == i || j >= n || !IS_DIGIT(s[j]))
			break;
		/* A group that makes the number too long is not part of it. */
		for (k = 0; j + k < n && IS_DIGIT(s[j + k]); k++)
			;
		if (nd + k > target)
			break;
		i = j;
	}
	if (paren == 1)
		return 0;
	if (intl) {
		/* The longest run of groups that makes a whole number. */
		for (k = ng; k > 0; k--)
			if (intl_ok(d, cnd[k - 1]) && end_ok(S, gend[k - 1]))
				return gend[k - 1];
		return 0;
	}
	if (nd != 10 || d[0] != '0' || d[1] == '0' || !end_ok(S, end))
		return 0;
	/* Service numbers belong to organisations. */
	if ((d[1] == '8' || d[1] == '9') && d[2] == '0' &&
	    (d[3] == '0' || d[3] == '6' || d[3] == '9'))
		return 0;
	if (ng > 1) {
		if (g[0] < 2 || g[0] > 4 || (g[0] == 2 && d[1] != '6'))
			return 0;
		for (k = 1; k < ng; k++)
			if (g[k] < 2)
				return 0;
		if (ng >= 3 && g[0] == 2 && g[1] == 2 && g[2] == 4)
			return 0;
	}
	return end;
}

/* The number of digits from s[i] on (at most 16). */
static int
run(const struct scan *S, size_t i)
{
	int k = 0;

	while (i < S->n && IS_DIGIT(S->s[i]) && k < 16) {
		i++;
		k++;
	}
	return k;
}

/* Elfproef over nine digits. */
static int
elfproef(const char *d)
{
	long sum = 0;
	int k, nz = 0;

	for (k = 0; k < 8; k++) {
		sum += (9 - k) * (d[k] - '0');
		nz |= d[k] != '0';
	}
	sum -= d[8] - '0';
	nz |= d[8] != '0';
	return nz && sum % 11 == 0;
}

/*
 * A BSN at s[p]: nine digits together, or 3.3.3 / 4.2.3 with dots or
 * spaces; eight or nine digits after a BSN keyword.  Its end, or 0.
 */
static size_t
match_bsn(const struct scan *S, size_t p)
{
	const u8 *s = S->s;
	size_t n = S->n, i = p, j;
	char d[9];
	int nd = 0, k, m, l;
	u8 sep;

	k = run(S, p);
	if (k == 8 || k == 9) {
		memcpy(d, s + p, (size_t)k);
		nd = k;
		i = p + (size_t)k;
	} else if (k == 3 || k == 4) {
		/* 123 456 782, 123.456.782, 1234.56.782: the whole pattern. */
		i = p + (size_t)k;
		if (i >= n || (s[i] != '.' && s[i] != ' '))
			return 0;
		sep = s[i];
		j = i + 1;
		m = run(S, j);
		if (m != (k == 3 ? 3 : 2) || j + (size_t)m >= n ||
		    s[j + (size_t)m] != sep)
			return 0;
		l = run(S, j + (size_t)m + 1);
		if (l != 3)
			return 0;
		memcpy(d, s + p, (size_t)k);
		memcpy(d + k, s + j, (size_t)m);
		memcpy(d + k + m, s + j + (size_t)m + 1, 3);
		nd = 9;
		i = j + (size_t)m + 4;
		/* Not the tail of a longer spaced number. */
		if (p >= 2 && s[p - 1] == ' ' && IS_DIGIT(s[p - 2]) &&
		    !(S->total && p - 1 == S->done))
			return 0;
	} else
		return 0;
	if (!end_ok(S, i) || amount(S, p, i))
		return 0;
	if (nd == 9 && elfproef(d))
		return i;
	if (bsn_keyword(S, p))
		return i;
	return 0;
}

/* Two-letter words and units that also look like postcode letters. */
static const char *const pc_words[] = {
	"en", "in", "of", "op", "de", "te", "is", "er", "al", "na", "om",
	"zo", "ja", "nu", "me", "we", "je", "ze", "ik", "ga", "da", "he",
	"no", "ok", "uw", "an", "as", "at", "be", "by", "do", "go", "if",
	"it", "my", "on", "or", "so", "to", "up", "us", "am", "pm", "km",
	"kg", "mg", "ml", "cl", "dl", "cm", "mm", "mb", "gb", "kb", "tb",
	"pk", "cc", "kw", "mw", "gw", "nl", "eu", "uk", "vs", "bc", "ad",
	"xl", "xs", "tv", "cd", "id", "ov", "hd", NULL
};

/*
 * A house number at s[i] (12, 12a, 12-14, 12-II, 12 bis, 12-hs): its
 * end, or 0.
 */
static size_t
house_number(const struct scan *S, size_t i)
{
	static const char *const adds[] = { "bis", "hs", "huis", "bg", "ii",
	    "iii", "iv", "zw", "rd", NULL };
	const u8 *s = S->s;
	size_t n = S->n, a;
	long v;
	int k;

	if (i >= n || s[i] == '0')
		return 0;
	k = digits(S, &i, 5, &v);
	if (k < 1 || k > 5)
		return 0;
	if (i < n && IS_ALPHA(s[i]) && !word_at(S, i + 1))
		i++;
	else if (i + 1 < n && s[i] == '-' && IS_ALNUM(s[i + 1])) {
		a = ++i;
		while (i < n && IS_ALNUM(s[i]) && i - a < 5)
			i++;
	} else if (i + 1 < n && s[i] == ' ' && IS_ALPHA(s[i + 1])) {
		a = i + 1;
		while (a < n && IS_ALPHA(s[a]) && a - i < 6)
			a++;
		if (word_in(s, i + 1, a, adds) && !word_at(S, a))
			i = a;
	}
	return end_ok(S, i) ? i : 0;
}

/*
 * Is the redacted text just before s[p] an address ("[ADRES], ")?  Looks
 * at the output when a marker was just written, else at the text.
 */
static int
after_adres(const struct scan *S, size_t p)
{
	const struct be_buf *o = S->out;
	size_t g = p;

	while (g > 0 && p - g < 3 && (S->s[g - 1] == ' ' ||
	    S->s[g - 1] == ','))
		g--;
	if (g == S->done)
		return o->len - S->base >= 7 &&
		    memcmp(o->s + o->len - 7, "[ADRES]", 7) == 0;
	return g >= 7 && memcmp(S->s + g - 7, "[ADRES]", 7) == 0;
}

/* A postcode at s[p], with its house number if there is one; end or 0. */
static size_t
match_postcode(const struct scan *S, size_t p)
{
	const u8 *s = S->s;
	size_t n = S->n, i = p + 4, e;
	u8 a, b;
	int glued;

	if (p + 6 > n || s[p] == '0' || !IS_DIGIT(s[p + 1]) ||
	    !IS_DIGIT(s[p + 2]) || !IS_DIGIT(s[p + 3]))
		return 0;
	glued = s[i] != ' ';
	if (!glued)
		i++;
	if (i + 2 > n)
		return 0;
	a = s[i];
	b = s[i + 1];
	if (!IS_UPPER(a) || !IS_UPPER(b) || word_at(S, i + 2))
		return 0;
	if (a == 'S' && (b == 'A' || b == 'D' || b == 'S'))
		return 0;
	if (amount(S, p, p + 4))
		return 0;
	i += 2;
	if (i + 1 < n && s[i] == ' ' && IS_DIGIT(s[i + 1]) &&
	    (e = house_number(S, i + 1)))
		return e;
	if (!end_ok(S, i))
		return 0;
	if (glued || !word_in(s, i - 2, i, pc_words))
		return i;
	/* "2026 EN": only with a place name after or an address before. */
	if (i + 2 < n && s[i] == ' ' && IS_UPPER(s[i + 1]) &&
	    (s[i + 2] >= 0x80 || (cls[s[i + 2]] & C_LOWER)))
		return i;
	return after_adres(S, p) ? i : 0;
}

static const char *const suffixes[] = {
	"straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dijk",
	"hof", "pad", "steeg", "dreef", "park", "erf", "ring", "burg",
	"markt", "wal", "baan", "plantsoen", "boulevard", "allee", NULL
};
static const char *const not_streets[] = {
	"middelburg", "limburg", "luxemburg", "hamburg", "oldenburg",
	"duisburg", "gerechtshof", "halfweg", "moerdijk", NULL
};
/* Lower-case particles inside street names. */
static const char *const particles[] = {
	"van", "de", "der", "den", "het", "'t", "'s", "ter", "ten", "te",
	"la", "le", "du", "des", "von", NULL
};
/* Capitalised words that belong to a street name even at a sentence start. */
static const char *const titles[] = {
	"van", "de", "der", "den", "het", "ter", "ten", "sint", "st", "'s",
	"'t", "prins", "prinses", "koning", "koningin", "burgemeester", "burg",
	"dokter", "dr", "generaal", "gen", "graaf", "gravin", "hertog",
	"hertogin", "jonkheer", "kardinaal", "kapitein", "admiraal",
	"pastoor", "pater", "professor", "prof", "mr", "president", "eerste",
	"tweede", "derde", "nieuwe", "oude", "lange", "korte", "hoge", "lage",
	"grote", "kleine", "oost", "west", "noord", "zuid", "binnen",
	"buiten", "achter", "mgr", "pres", NULL
};

/*
 * The word that ends at s[e]: letters of any script, with ' and - inside.
 * Returns its start, or e when there is none.
 */
static size_t
word_start(const struct scan *S, size_t lo, size_t e)
{
	const u8 *s = S->s;
	size_t i = e;
	int32_t cp;
	int k;

	for (;;) {
		if (i <= lo)
			break;
		if ((s[i - 1] == '-' || s[i - 1] == '\'') && i < e) {
			if (i - 1 > lo && IS_ALPHA(s[i - 2])) {
				i--;
				continue;
			}
			if (s[i - 1] == '\'') /* 's-Hertogenbosch */
				i--;
			break;
		}
		k = dec_back(s, lo, i, &cp);
		if (!k || !cp_letter(cp))
			break;
		i -= k;
	}
	/* A word that starts with - is not one. */
	while (i < e && s[i] == '-')
		i++;
	return i;
}

/* Does a capitalised word start at s[a]? Skips 's- and 't-. */
static int
capitalised(const struct scan *S, size_t a, size_t e)
{
	int32_t cp;

	if (a + 3 < e && S->s[a] == '\'' && (S->s[a + 1] == 's' ||
	    S->s[a + 1] == 't' || S->s[a + 1] == 'S' || S->s[a + 1] == 'T') &&
	    S->s[a + 2] == '-')
		a += 3;
	return dec_fwd(S->s, e, a, &cp) && cp_upper(cp);
}

/* Has s[a..b) no lower-case ASCII letter and at least two capitals? */
static int
all_caps(const u8 *s, size_t a, size_t b)
{
	int up = 0;

	for (; a < b; a++) {
		if (cls[s[a]] & C_LOWER)
			return 0;
		up += IS_UPPER(s[a]) != 0;
	}
	return up >= 2;
}

/* Does the word at s[a] start a sentence? */
static int
sentence_start(const struct scan *S, size_t a)
{
	const u8 *s = S->s;
	size_t i = a;

	while (i > 0 && s[i - 1] == ' ')
		i--;
	if (i == 0)
		return 1;
	switch (s[i - 1]) {
	case '.': case '!': case '?': case ':': case '\n': case '\r':
	case '"': case '(': case '\t': case ';': case '-':
		return 1;
	}
	return 0;
}

/*
 * Laan van Meerdervoort, Laan van Nieuw Oost-Indië, Weg naar Rhijnauwen:
 * a street word on its own, one or two particles, then one or two
 * capitalised names, of which the last starts at s[*ws].  Sets *ws to
 * where the street word starts and returns 1, or returns 0.
 */
static int
laan_van(const struct scan *S, size_t lo, size_t *ws)
{
	static const char *const link[] = { "van", "de", "der", "den", "het",
	    "op", "naar", "'t", "aan", "ter", "ten", NULL };
	const u8 *s = S->s;
	size_t cur = *ws, a, b;
	int names = 1, parts = 0, k;

	for (k = 0; k < 5; k++) {
		if (cur < lo + 2 || s[cur - 1] != ' ')
			return 0;
		b = cur - 1;
		a = word_start(S, lo, b);
		if (a == b || word_before_out(S, a))
			return 0;
		if (capitalised(S, a, b)) {
			if (parts) {
				if (!word_in(s, a, b, suffixes))
					return 0;
				*ws = a;
				return 1;
			}
			if (++names > 2)
				return 0;
		} else if (word_in(s, a, b, link)) {
			if (++parts > 2)
				return 0;
		} else
			return 0;
		cur = a;
	}
	return 0;
}

/*
 * A street with number whose number starts at s[p]: its end, and in *ms
 * where the street name starts; 0 when there is none.
 */
static size_t
match_street(const struct scan *S, size_t p, size_t *ms)
{
	const u8 *s = S->s;
	size_t lo = S->done, we, ws, e, a, b, start, cur, wl, sl;
	const char *const *sf;
	int k, dot, caps;

	if (p < lo + 5 || s[p - 1] != ' ')
		return 0;
	we = p - 1;
	ws = word_start(S, lo, we);
	if (ws == we || word_before_out(S, ws) || !capitalised(S, ws, we))
		return 0;
	/* Not the tail of something joined by - or / (12-Kerkstraat). */
	if (ws > 0 && joined(S, ws - 1))
		return 0;
	wl = we - ws;
	for (sf = suffixes; *sf; sf++) {
		sl = strlen(*sf);
		if (wl > sl && word_is(s, we - sl, we, *sf))
			break;
		/* Grote Markt, Oude Gracht */
		if (wl == sl && word_is(s, ws, we, *sf) && ws >= lo + 2 &&
		    s[ws - 1] == ' ' && (a = word_start(S, lo, ws - 1)) <
		    ws - 1 && capitalised(S, a, ws - 1) &&
		    word_in(s, a, ws - 1, titles))
			break;
	}
	if (*sf && strcmp(*sf, "ring") == 0 && wl >= 5 &&
	    LOWER(s[we - 5]) == 'e')
		return 0;
	if (*sf && word_in(s, ws, we, not_streets))
		return 0;
	if (!*sf && !laan_van(S, lo, &ws))
		return 0;
	if (!(e = house_number(S, p)))
		return 0;
	/*
	 * Words before the street word that belong to its name.  In text
	 * written in capitals only the particles and titles can be told.
	 */
	caps = all_caps(s, ws, we);
	start = cur = ws;
	for (k = 0; k < 4; k++) {
		if (cur < lo + 2 || s[cur - 1] != ' ')
			break;
		b = cur - 1;
		dot = s[b - 1] == '.';
		if (dot)
			b--;
		a = word_start(S, lo, b);
		if (a == b || word_before_out(S, a))
			break;
		if (!dot && !capitalised(S, a, b) && word_in(s, a, b, particles)) {
			cur = a;
			continue;
		}
		if (!capitalised(S, a, b))
			break;
		if (word_in(s, a, b, titles) || (!dot && !caps &&
		    !sentence_start(S, a) && !all_caps(s, a, b))) {
			start = cur = a;
			continue;
		}
		break;
	}
	*ms = start;
	return e;
}

/* Is s[i] a character of an e-mail address's local part? */
static int
local_char(const u8 *s, size_t i)
{
	return IS_ALNUM(s[i]) || (cls[s[i]] & C_LOCAL);
}

/* An e-mail address around the @ at s[at]: [*ms, end), or 0. */
static size_t
match_email(const struct scan *S, size_t at, size_t *ms)
{
	const u8 *s = S->s;
	size_t n = S->n, i = at, j, lab, last = 0;
	int32_t cp;
	int k, labels = 0, alpha;

	while (i > S->done) {
		if (s[i - 1] < 0x80) {
			if (!local_char(s, i - 1))
				break;
			i--;
		} else if ((k = dec_back(s, S->done, i, &cp)) && cp_letter(cp))
			i -= k;
		else
			break;
	}
	while (i < at && (s[i] == '.' || s[i] == '-' || s[i] == '+'))
		i++;
	if (i == at || s[at - 1] == '.' || (i > 0 && joined(S, i - 1)))
		return 0;
	*ms = i;
	/* The domain: labels of letters, digits and -, joined by dots. */
	j = at + 1;
	for (;;) {
		lab = j;
		alpha = 1;
		while (j < n) {
			if (IS_ALNUM(s[j]) || s[j] == '-') {
				alpha &= IS_ALPHA(s[j]) != 0;
				j++;
			} else if (s[j] >= 0x80 && (k = dec_fwd(s, n, j, &cp)) &&
			    cp_letter(cp)) {
				alpha = 0;
				j += k;
			} else
				break;
		}
		if (j == lab || s[lab] == '-' || s[j - 1] == '-')
			break;
		/* It ends after the last label that can end it. */
		if (++labels >= 2 && alpha && j - lab >= 2)
			last = j;
		if (j + 1 < n && s[j] == '.' && (IS_ALNUM(s[j + 1]) ||
		    s[j + 1] >= 0x80))
			j++;
		else
			break;
	}
	if (!last || (last < n && s[last] == '@'))
		return 0;
	return last;
}

/* A Dutch IBAN has this shape. */
static int
nl_shape(const char *b)
{
	int k;

	for (k = 4; k < 8; k++)
		if (!IS_UPPER(b[k]))
			return 0;
	for (k = 8; k < 18; k++)
		if (!IS_DIGIT(b[k]))
			return 0;
	return 1;
}

static int
mod97(const char *b, int len)
{
	int k, r = 0, i, ch;

	for (k = 0; k < len; k++) {
		i = (k + 4) % len;
		ch = (u8)b[i];
		if (IS_DIGIT(ch))
			r = (r * 10 + (ch - '0')) % 97;
		else if (IS_UPPER(ch))
			r = (r * 100 + (ch - 'A' + 10)) % 97;
		else
			return 0;
	}
	return r == 1;
}

/* IBAN lengths by country (the SWIFT registry). */
static const struct {
	char cc[3];
	int len;
} iban_len[] = {
	{"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28},
	{"BA", 20}, {"BE", 16}, {"BG", 22}, {"BH", 22}, {"BR", 29},
	{"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24},
	{"DE", 22}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29},
	{"ES", 24}, {"FI", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22},
	{"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"GT", 28},
	{"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23},
	{"IS", 26}, {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20},
	{"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20},
	{"LV", 21}, {"MA", 28}, {"MC", 27}, {"MD", 24}, {"ME", 22},
	{"MK", 19}, {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NL", 18},
	{"NO", 15}, {"PK", 24}, {"PL", 28}, {"PS", 29}, {"PT", 25},
	{"QA", 29}, {"RO", 24}, {"RS", 22}, {"SA", 24}, {"SC", 31},
	{"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"ST", 25},
	{"SV", 28}, {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29},
	{"VA", 22}, {"VG", 24}, {"XK", 20},
};

/*
 * An IBAN whose check digits start at s[p] (the country code is the two
 * letters before): its end, or 0.
 */
static size_t
match_iban(const struct scan *S, size_t p)
{
	const u8 *s = S->s;
	size_t n = S->n, i = p, end;
	char b[34];
	int len = 0, want = 0, k;

	if (p < 2 || !IS_ALPHA(s[p - 2]) || !IS_ALPHA(s[p - 1]) ||
	    p - 2 < S->done || word_before_out(S, p - 2) ||
	    (p > 2 && joined(S, p - 3)))
		return 0;
	b[0] = (char)(s[p - 2] & ~0x20);
	b[1] = (char)(s[p - 1] & ~0x20);
	for (k = 0; k < (int)(sizeof iban_len / sizeof iban_len[0]); k++)
		if (iban_len[k].cc[0] == b[0] && iban_len[k].cc[1] == b[1])
			want = iban_len[k].len;
	if (!want)
		return 0;
	len = 2;
	while (len < want && i < n) {
		if (IS_ALNUM(s[i]))
			b[len++] = (char)(IS_ALPHA(s[i]) ? s[i] & ~0x20 : s[i]);
		else if (s[i] == ' ' && len % 4 == 0 && i + 1 < n &&
		    IS_ALNUM(s[i + 1]))
			;
		else
			break;
		i++;
	}
	end = i;
	if (len != want || !IS_DIGIT(b[2]) || !IS_DIGIT(b[3]) ||
	    word_at(S, end))
		return 0;
	if (b[0] == 'N' && b[1] == 'L')
		return nl_shape(b) ? end : 0;
	return mod97(b, len) ? end : 0;
}

/*
 * Names.  A word that may be a name is looked up in one table of words
 * that say something about the word after them (a cue, a title, a
 * relation, a role) or about themselves (never a name: places,
 * organisations, months, days, feasts, words that start sentences).
 */
#define W_TITLE	0x001	/* mevrouw Bos */
#define W_DOT	0x002	/* a title only with its full stop (mr. Bos) */
#define W_HEER	0x004	/* only after "de": de heer Bos */
#define W_REL	0x008	/* mijn zoon Daan */
#define W_ROLE	0x010	/* consulent Jansen */
#define W_CUE	0x020	/* groet, Jos; ik heet Jos */
#define W_BEN	0x040	/* only after "ik": ik ben Piet */
#define W_IS	0x080	/* only after "naam": mijn naam is Fatima */
#define W_COLON	0x100	/* only before ':': Naam: Jos */
#define W_PART	0x200	/* a surname particle */
#define W_STOP	0x400	/* never a name */
#define W_IK	0x800	/* "ik" */
#define W_NAAM	0x1000	/* "naam", "name" */
#define W_DE	0x2000	/* "de" */
#define W_PLACE	0x4000	/* a place: a name only after "van" (Jos van Zwolle) */
#define W_VAN	0x8000	/* "van" */
#define W_NEXT	(W_TITLE | W_REL | W_ROLE | W_CUE)

struct nword {
	const char *w;
	unsigned f;
};

static const struct nword nwords[] = {
	/* Titles. */
	{ "mevrouw", W_TITLE }, { "meneer", W_TITLE }, { "mijnheer", W_TITLE },
	{ "heer", W_TITLE | W_HEER }, { "mevr", W_TITLE }, { "mvr", W_TITLE },
	{ "mw", W_TITLE | W_DOT }, { "dhr", W_TITLE },
	{ "hr", W_TITLE | W_DOT },
	{ "juffrouw", W_TITLE }, { "mr", W_TITLE | W_DOT },
	{ "mrs", W_TITLE }, { "ms", W_TITLE | W_DOT },
	{ "dr", W_TITLE | W_DOT },
	{ "drs", W_TITLE | W_DOT }, { "ir", W_TITLE | W_DOT },
	{ "ing", W_TITLE | W_DOT }, { "prof", W_TITLE | W_DOT },
	{ "zr", W_TITLE | W_DOT }, { "mevrouwtje", W_TITLE },
	/* Relations. */
	{ "zoon", W_REL }, { "zoontje", W_REL }, { "dochter", W_REL },
	{ "dochtertje", W_REL }, { "man", W_REL }, { "vrouw", W_REL },
	{ "moeder", W_REL }, { "vader", W_REL }, { "mama", W_REL },
	{ "papa", W_REL }, { "buurvrouw", W_REL }, { "buurman", W_REL },
	{ "overbuurvrouw", W_REL }, { "overbuurman", W_REL },
	{ "buurjongen", W_REL }, { "buurmeisje", W_REL },
	{ "kleinzoon", W_REL }, { "kleindochter", W_REL },
	{ "kleinkind", W_REL }, { "kleinzoontje", W_REL },
	{ "schoonzus", W_REL }, { "schoonzuster", W_REL },
	{ "schoonbroer", W_REL }, { "zwager", W_REL },
	{ "schoonmoeder", W_REL }, { "schoonvader", W_REL },
	{ "schoonzoon", W_REL }, { "schoondochter", W_REL },
	{ "stiefzoon", W_REL }, { "stiefdochter", W_REL },
	{ "stiefvader", W_REL }, { "stiefmoeder", W_REL },
	{ "pleegzoon", W_REL }, { "pleegdochter", W_REL },
	{ "pleegkind", W_REL }, { "pleegmoeder", W_REL },
	{ "pleegvader", W_REL }, { "broer", W_REL }, { "broertje", W_REL },
	{ "zus", W_REL }, { "zusje", W_REL }, { "zuster", W_REL },
	{ "neef", W_REL }, { "neefje", W_REL }, { "nicht", W_REL },
	{ "nichtje", W_REL }, { "oom", W_REL }, { "tante", W_REL },
	{ "opa", W_REL }, { "oma", W_REL }, { "partner", W_REL },
	{ "echtgenoot", W_REL }, { "echtgenote", W_REL }, { "ex", W_REL },
	{ "vriend", W_REL }, { "vriendin", W_REL }, { "vriendje", W_REL },
	{ "vriendinnetje", W_REL }, { "kind", W_REL }, { "kindje", W_REL },
	{ "kinderen", W_REL }, { "zonen", W_REL }, { "dochters", W_REL },
	{ "baby", W_REL }, { "huisgenoot", W_REL }, { "collega", W_REL },
	{ "kleinkinderen", W_REL }, { "ouders", W_REL }, { "tweeling", W_REL },
	{ "son", W_REL }, { "daughter", W_REL }, { "husband", W_REL },
	{ "wife", W_REL }, { "mother", W_REL }, { "father", W_REL },
	/* Roles. */
	{ "consulent", W_ROLE }, { "consulente", W_ROLE },
	{ "wijkcoach", W_ROLE }, { "casemanager", W_ROLE },
	{ "klantmanager", W_ROLE }, { "contactpersoon", W_ROLE },
	{ "begeleider", W_ROLE }, { "begeleidster", W_ROLE },
	{ "woonbegeleider", W_ROLE }, { "trajectbegeleider", W_ROLE },
	{ "thuisbegeleider", W_ROLE }, { "coach", W_ROLE },
	{ "jobcoach", W_ROLE }, { "gezinscoach", W_ROLE },
	{ "buurtcoach", W_ROLE }, { "jeugdconsulent", W_ROLE },
	{ "wijkverpleegkundige", W_ROLE }, { "verpleegkundige", W_ROLE },
	{ "huisarts", W_ROLE }, { "dokter", W_ROLE }, { "arts", W_ROLE },
	{ "psycholoog", W_ROLE }, { "psychiater", W_ROLE },
	{ "therapeut", W_ROLE }, { "fysiotherapeut", W_ROLE },
	{ "behandelaar", W_ROLE }, { "hulpverlener", W_ROLE },
	{ "schuldhulpverlener", W_ROLE }, { "bewindvoerder", W_ROLE },
	{ "mentor", W_ROLE }, { "maatje", W_ROLE }, { "werker", W_ROLE },
	{ "wijkwerker", W_ROLE }, { "medewerker", W_ROLE },
	{ "medewerkster", W_ROLE }, { "ambtenaar", W_ROLE },
	{ "regisseur", W_ROLE }, { "zorgregisseur", W_ROLE },
	{ "wijkagent", W_ROLE }, { "juf", W_ROLE }, { "meester", W_ROLE },
	{ "leerkracht", W_ROLE }, { "docent", W_ROLE }, { "dominee", W_ROLE },
	{ "wethouder", W_ROLE }, { "zorgverlener", W_ROLE },
	{ "mantelzorger", W_ROLE }, { "adviseur", W_ROLE },
	{ "cli\xc3\xabntondersteuner", W_ROLE },
	{ "clientondersteuner", W_ROLE }, { "ondersteuner", W_ROLE },
	{ "co\xc3\xb6rdinator", W_ROLE }, { "coordinator", W_ROLE },
	{ "teamleider", W_ROLE }, { "manager", W_ROLE },
	{ "thuiszorgmedewerker", W_ROLE }, { "verzorgende", W_ROLE },
	{ "verzorger", W_ROLE }, { "specialist", W_ROLE },
	{ "tolk", W_ROLE }, { "advocaat", W_ROLE }, { "notaris", W_ROLE },
	{ "pedagoog", W_ROLE }, { "orthopedagoog", W_ROLE },
	{ "vrijwilliger", W_ROLE }, { "vrijwilligster", W_ROLE },
	{ "chauffeur", W_ROLE }, { "taxichauffeur", W_ROLE },
	/* Cues. */
	{ "groet", W_CUE }, { "groeten", W_CUE }, { "groetjes", W_CUE },
	{ "gr", W_CUE }, { "grt", W_CUE }, { "mvg", W_CUE },
	{ "regards", W_CUE }, { "heet", W_CUE }, { "heette", W_CUE },
	{ "heten", W_CUE }, { "genaamd", W_CUE }, { "beste", W_CUE },
	{ "lieve", W_CUE }, { "hoi", W_CUE }, { "hallo", W_CUE },
	{ "dear", W_CUE }, { "namens", W_CUE }, { "ondertekend", W_CUE },
	{ "ben", W_BEN }, { "is", W_IS }, { "ik", W_IK },
	{ "naam", W_NAAM | W_COLON }, { "name", W_NAAM | W_COLON },
	{ "voornaam", W_COLON }, { "achternaam", W_COLON },
	{ "de", W_DE | W_PART },
	/* Particles. */
	{ "van", W_PART | W_VAN }, { "der", W_PART }, { "den", W_PART },
	{ "ter", W_PART }, { "ten", W_PART }, { "te", W_PART },
	{ "het", W_PART }, { "el", W_PART }, { "al", W_PART },
	{ "la", W_PART }, { "le", W_PART }, { "du", W_PART },
	{ "da", W_PART }, { "di", W_PART }, { "dos", W_PART },
	{ "das", W_PART }, { "von", W_PART }, { "vd", W_PART },
	{ "bin", W_PART }, { "ibn", W_PART }, { "abu", W_PART },
	{ "ould", W_PART }, { "zu", W_PART },
	{ "'t", W_PART }, { "'s", W_PART },
};

/* Never a name by themselves (kept sorted for reading, not for the code). */
static const struct nword nstop[] = {
	{ "aalsmeer", W_PLACE }, { "aalten", W_PLACE }, { "abn", W_STOP },
	{ "achmea", W_STOP }, { "achterhoek", W_PLACE }, { "action", W_STOP },
	{ "adviesraad", W_STOP }, { "afghaan", W_STOP },
	{ "afghaans", W_STOP }, { "afghaanse", W_STOP },
	{ "afghanistan", W_PLACE }, { "al", W_STOP },
	{ "aldi", W_STOP }, { "alkmaar", W_PLACE }, { "allah", W_STOP },
	{ "alleen", W_STOP }, { "allerheiligen", W_STOP },
	{ "allerzielen", W_STOP }, { "alles", W_STOP }, { "almelo", W_PLACE },
	{ "almere", W_PLACE }, { "alphen", W_PLACE }, { "als", W_STOP },
	{ "altijd", W_STOP }, { "altrecht", W_STOP }, { "ameland", W_PLACE },
	{ "amersfoort", W_PLACE }, { "amro", W_STOP }, { "amsta", W_STOP },
	{ "amstelveen", W_PLACE }, { "amsterdam", W_PLACE },
	{ "antillen", W_STOP }, { "antilliaan", W_STOP },
	{ "antilliaanse", W_STOP }, { "apeldoorn", W_PLACE },
	{ "appingedam", W_PLACE }, { "apple", W_STOP }, { "apr", W_STOP },
	{ "april", W_STOP }, { "arabisch", W_STOP }, { "arabische", W_STOP },
	{ "arkin", W_STOP }, { "arnhem", W_PLACE }, { "arriva", W_STOP },
	{ "aruba", W_PLACE }, { "asn", W_STOP }, { "assen", W_PLACE },
	{ "aug", W_STOP }, { "augustus", W_STOP }, { "baarn", W_PLACE },
	{ "barendrecht", W_PLACE }, { "barneveld", W_PLACE },
	{ "bedankt", W_STOP }, { "beilen", W_PLACE },
	{ "belastingdienst", W_STOP }, { "belg", W_STOP },
	{ "belgie", W_PLACE }, { "belgische", W_STOP },
	{ "belgi\xc3\xab", W_PLACE }, { "berber", W_STOP },
	{ "berkelland", W_PLACE }, { "betuwe", W_PLACE },
	{ "beverwijk", W_PLACE }, { "bevrijdingsdag", W_STOP },
	{ "bijlmer", W_PLACE }, { "bijlmermeer", W_PLACE },
	{ "blaricum", W_PLACE }, { "bloemendaal", W_PLACE },
	{ "blokker", W_STOP }, { "bolsward", W_PLACE },
	{ "bonaire", W_PLACE }, { "borger", W_PLACE }, { "borne", W_PLACE },
	{ "boven", W_STOP }, { "brabant", W_PLACE }, { "breda", W_PLACE },
	{ "brielle", W_PLACE }, { "bulgaars", W_STOP },
	{ "bulgaarse", W_STOP }, { "bulgarije", W_PLACE }, { "bunq", W_STOP },
	{ "bureau", W_STOP }, { "bussum", W_PLACE }, { "buurthuis", W_STOP },
	{ "buurtzorg", W_STOP }, { "cak", W_STOP }, { "capelle", W_PLACE },
	{ "carnaval", W_STOP }, { "castricum", W_PLACE },
	{ "centrum", W_STOP }, { "chanoeka", W_STOP },
	{ "charlois", W_PLACE }, { "china", W_PLACE }, { "chinees", W_STOP },
	{ "chinese", W_STOP }, { "christelijk", W_STOP },
	{ "christelijke", W_STOP }, { "christen", W_STOP },
	{ "christus", W_STOP }, { "ciz", W_STOP }, { "cjg", W_STOP },
	{ "clientenraad", W_STOP }, { "cli\xc3\xabntenraad", W_STOP },
	{ "coa", W_STOP }, { "coevorden", W_PLACE }, { "connexxion", W_STOP },
	{ "cordaan", W_STOP }, { "corona", W_STOP }, { "covid", W_STOP },
	{ "crooswijk", W_PLACE }, { "culemborg", W_PLACE },
	{ "curacao", W_PLACE }, { "cura\xc3\xa7" "ao", W_PLACE },
	{ "cz", W_STOP }, { "daar", W_STOP }, { "daarna", W_STOP },
	{ "daarnaast", W_STOP }, { "daarom", W_STOP }, { "dalfsen", W_PLACE },
	{ "dan", W_STOP }, { "dank", W_STOP }, { "dat", W_STOP },
	{ "dec", W_STOP }, { "december", W_STOP }, { "delfshaven", W_PLACE },
	{ "delft", W_PLACE }, { "delfzijl", W_PLACE }, { "den", W_STOP },
	{ "deventer", W_PLACE }, { "deze", W_STOP }, { "die", W_STOP },
	{ "diemen", W_PLACE }, { "dienst", W_STOP }, { "digid", W_STOP },
	{ "dinkelland", W_PLACE }, { "dinsdag", W_STOP },
	{ "dinsdagochtend", W_STOP }, { "dit", W_STOP }, { "ditzo", W_STOP },
	{ "divali", W_STOP }, { "dodenherdenking", W_STOP },
	{ "doetinchem", W_PLACE }, { "dokkum", W_PLACE },
	{ "donderdag", W_STOP }, { "dongen", W_PLACE }, { "door", W_STOP },
	{ "dordrecht", W_PLACE }, { "drachten", W_PLACE },
	{ "drenthe", W_PLACE }, { "dronten", W_PLACE }, { "dsw", W_STOP },
	{ "duits", W_STOP }, { "duitse", W_STOP }, { "duitsland", W_PLACE },
	{ "duo", W_STOP }, { "dus", W_STOP }, { "echt", W_STOP },
	{ "edam", W_PLACE }, { "ede", W_PLACE }, { "een", W_STOP },
	{ "eerst", W_STOP }, { "eibergen", W_PLACE }, { "eindelijk", W_STOP },
	{ "eindhoven", W_PLACE }, { "elburg", W_PLACE },
	{ "emmeloord", W_PLACE }, { "emmen", W_PLACE }, { "en", W_STOP },
	{ "engeland", W_PLACE }, { "engelse", W_STOP },
	{ "enkhuizen", W_PLACE }, { "enschede", W_PLACE }, { "epe", W_PLACE },
	{ "er", W_STOP }, { "erg", W_STOP }, { "eritrea", W_PLACE },
	{ "eritrees", W_STOP }, { "eritree\xc3\xabr", W_STOP },
	{ "eritrese", W_STOP }, { "ermelo", W_PLACE }, { "etten", W_PLACE },
	{ "europa", W_PLACE }, { "europees", W_STOP }, { "europese", W_STOP },
	{ "facebook", W_STOP }, { "feb", W_STOP }, { "februari", W_STOP },
	{ "feijenoord", W_PLACE }, { "flevoland", W_PLACE },
	{ "franeker", W_PLACE }, { "frankrijk", W_PLACE },
	{ "franse", W_STOP }, { "friesland", W_PLACE },
	{ "fryslan", W_STOP }, { "frysl\xc3\xa2n", W_STOP },
	{ "geen", W_STOP }, { "gelderland", W_PLACE }, { "geleen", W_PLACE },
	{ "gelre", W_PLACE }, { "gelukkig", W_STOP }, { "gemeente", W_STOP },
	{ "gemeenten", W_STOP }, { "ggd", W_STOP }, { "ggz", W_STOP },
	{ "ghana", W_PLACE }, { "ghanees", W_STOP }, { "ghanese", W_STOP },
	{ "gisteren", W_STOP }, { "gmail", W_STOP }, { "god", W_STOP },
	{ "goede", W_STOP }, { "goes", W_PLACE }, { "google", W_STOP },
	{ "gooise", W_PLACE }, { "gorinchem", W_PLACE }, { "gouda", W_PLACE },
	{ "graag", W_STOP }, { "groningen", W_PLACE }, { "gvb", W_STOP },
	{ "haag", W_PLACE }, { "haaksbergen", W_PLACE }, { "haar", W_STOP },
	{ "haarlem", W_PLACE }, { "haarlemmermeer", W_PLACE },
	{ "halderberge", W_PLACE }, { "halloween", W_STOP },
	{ "hardenberg", W_PLACE }, { "harderwijk", W_PLACE },
	{ "harlingen", W_PLACE }, { "hattem", W_PLACE }, { "heel", W_STOP },
	{ "heemskerk", W_PLACE }, { "heemstede", W_PLACE },
	{ "heerde", W_PLACE }, { "heerenveen", W_PLACE },
	{ "heerhugowaard", W_PLACE }, { "heerlen", W_PLACE },
	{ "heils", W_STOP }, { "helaas", W_STOP },
	{ "helder", W_PLACE }, { "hellendoorn", W_PLACE },
	{ "hellevoetsluis", W_PLACE }, { "helmond", W_PLACE },
	{ "hem", W_STOP }, { "hema", W_STOP }, { "hemelvaart", W_STOP },
	{ "hemelvaartsdag", W_STOP }, { "hen", W_STOP },
	{ "hengelo", W_PLACE }, { "hermes", W_STOP },
	{ "hertogenbosch", W_PLACE }, { "hier", W_STOP }, { "hij", W_STOP },
	{ "hillegom", W_PLACE }, { "hilversum", W_PLACE },
	{ "hindoe", W_STOP }, { "hindoestaans", W_STOP },
	{ "hindoestaanse", W_STOP }, { "hoe", W_STOP },
	{ "holland", W_PLACE }, { "hollands", W_STOP },
	{ "hollandse", W_STOP }, { "hoofddorp", W_PLACE },
	{ "hoogeveen", W_PLACE }, { "hoogezand", W_PLACE },
	{ "hoogvliet", W_PLACE }, { "hotmail", W_STOP },
	{ "houten", W_PLACE }, { "htm", W_STOP }, { "huis", W_STOP },
	{ "huizen", W_PLACE }, { "humanitas", W_STOP }, { "hun", W_STOP },
	{ "iedereen", W_STOP }, { "iemand", W_STOP },
	{ "ijsselmonde", W_PLACE }, { "ijsselstein", W_PLACE },
	{ "ik", W_STOP }, { "ikea", W_STOP }, { "ind", W_STOP },
	{ "indisch", W_STOP }, { "indische", W_STOP },
	{ "indonesie", W_PLACE }, { "indonesisch", W_STOP },
	{ "indonesische", W_STOP }, { "indonesi\xc3\xab", W_PLACE },
	{ "ing", W_STOP }, { "inkomen", W_STOP }, { "inmiddels", W_STOP },
	{ "instagram", W_STOP }, { "interpolis", W_STOP }, { "ipse", W_STOP },
	{ "iraaks", W_STOP }, { "iraakse", W_STOP }, { "iraans", W_STOP },
	{ "iraanse", W_STOP }, { "irak", W_PLACE }, { "iran", W_PLACE },
	{ "islam", W_STOP }, { "islamitisch", W_STOP },
	{ "islamitische", W_STOP }, { "italiaans", W_STOP },
	{ "italiaanse", W_STOP }, { "itali\xc3\xab", W_PLACE },
	{ "ja", W_STOP }, { "januari", W_STOP },
	{ "je", W_STOP }, { "jeugd", W_STOP }, { "jeugdzorg", W_STOP },
	{ "jezus", W_STOP }, { "jij", W_STOP }, { "joods", W_STOP },
	{ "joodse", W_STOP }, { "joure", W_PLACE }, { "jouw", W_STOP },
	{ "jul", W_STOP }, { "juli", W_STOP }, { "jullie", W_STOP },
	{ "jumbo", W_STOP }, { "jun", W_STOP }, { "juni", W_STOP },
	{ "kaapverdi\xc3\xab", W_PLACE }, { "kampen", W_PLACE },
	{ "kanaleneiland", W_PLACE }, { "katholiek", W_STOP },
	{ "katholieke", W_STOP }, { "kattendijke", W_PLACE },
	{ "katwijk", W_PLACE }, { "keolis", W_STOP }, { "kerst", W_STOP },
	{ "kerstavond", W_STOP }, { "kerstdag", W_STOP },
	{ "kerstfeest", W_STOP }, { "kerstmis", W_STOP },
	{ "kerstvakantie", W_STOP }, { "keti", W_STOP },
	{ "ketikoti", W_STOP }, { "kinderombudsman", W_STOP },
	{ "klachtencommissie", W_STOP }, { "knab", W_STOP },
	{ "koerdisch", W_STOP }, { "koerdische", W_STOP },
	{ "koningsdag", W_STOP }, { "koti", W_STOP },
	{ "kralingen", W_PLACE }, { "kruidvat", W_STOP }, { "kruis", W_STOP },
	{ "langedijk", W_PLACE }, { "laren", W_PLACE },
	{ "leeuwarden", W_PLACE }, { "leger", W_STOP }, { "leiden", W_PLACE },
	{ "leidschendam", W_PLACE }, { "lelystad", W_PLACE },
	{ "leur", W_PLACE }, { "leusden", W_PLACE }, { "lidl", W_STOP },
	{ "limburg", W_PLACE }, { "lisse", W_PLACE }, { "lister", W_STOP },
	{ "lochem", W_PLACE }, { "loket", W_STOP }, { "lombok", W_PLACE },
	{ "losser", W_PLACE }, { "maandag", W_STOP },
	{ "maandagmiddag", W_STOP }, { "maandagochtend", W_STOP },
	{ "maar", W_STOP }, { "maart", W_STOP }, { "maassluis", W_PLACE },
	{ "maastricht", W_PLACE },
	{ "marokkaan", W_STOP }, { "marokkaans", W_STOP },
	{ "marokkaanse", W_STOP }, { "marokko", W_PLACE }, { "me", W_STOP },
	{ "medemblik", W_PLACE }, { "mee", W_STOP }, 
	{ "meestal", W_STOP }, { "mei", W_STOP }, { "menzis", W_STOP },
	{ "meppel", W_PLACE }, { "met", W_STOP }, { "mezelf", W_STOP },
	{ "microsoft", W_STOP }, { "middelburg", W_PLACE }, { "mij", W_STOP },
	{ "mijn", W_STOP }, { "mijnoverheid", W_STOP }, { "minder", W_STOP },
	{ "moederdag", W_STOP }, { "moerwijk", W_PLACE },
	{ "morgen", W_STOP }, { "moslim", W_STOP }, { "moslima", W_STOP },
	{ "mrt", W_STOP }, { "na", W_STOP }, { "naarden", W_PLACE },
	{ "nationale", W_STOP }, { "nederland", W_PLACE },
	{ "nederlander", W_STOP }, { "nederlanders", W_STOP },
	{ "nederlands", W_STOP }, { "nederlandse", W_STOP },
	{ "nee", W_STOP }, { "neede", W_PLACE }, { "niemand", W_STOP },
	{ "niet", W_STOP }, { "niets", W_STOP }, { "nieuw", W_STOP },
	{ "nieuw-west", W_STOP }, { "nieuwegein", W_PLACE },
	{ "nieuwjaar", W_STOP }, { "nieuwjaarsdag", W_STOP },
	{ "nijkerk", W_PLACE }, { "nijmegen", W_PLACE },
	{ "nijverdal", W_PLACE }, { "nissewaard", W_PLACE },
	{ "nog", W_STOP }, { "nooit", W_STOP }, { "noord-brabant", W_STOP },
	{ "noord-holland", W_STOP }, { "noordoostpolder", W_PLACE },
	{ "noordwijk", W_PLACE }, { "norg", W_PLACE }, { "nov", W_STOP },
	{ "november", W_STOP }, { "ns", W_STOP }, { "nu", W_STOP },
	{ "oekraine", W_PLACE }, { "oekra\xc3\xaf" "ens", W_STOP },
	{ "oekra\xc3\xaf" "ense", W_STOP }, { "oekra\xc3\xafne", W_PLACE },
	{ "of", W_STOP }, { "offerfeest", W_STOP }, { "ohra", W_STOP },
	{ "ok", W_STOP }, { "oke", W_STOP }, { "okt", W_STOP },
	{ "oktober", W_STOP }, { "oldenzaal", W_PLACE },
	{ "ombudsman", W_STOP }, { "ombudsmannen", W_STOP },
	{ "omdat", W_STOP }, { "ommen", W_PLACE }, { "onder", W_STOP },
	{ "ondertussen", W_STOP }, { "ons", W_STOP }, { "onze", W_STOP },
	{ "ook", W_STOP }, { "oosterhout", W_PLACE }, { "oss", W_PLACE },
	{ "oud", W_STOP }, { "oudejaarsavond", W_STOP },
	{ "ouder-amstel", W_STOP }, { "oudjaar", W_STOP },
	{ "outlook", W_STOP }, { "over", W_STOP }, { "overijssel", W_PLACE },
	{ "overvecht", W_PLACE }, { "paasdag", W_STOP },
	{ "paasmaandag", W_STOP }, { "pakjesavond", W_STOP },
	{ "pameijer", W_STOP }, { "papendrecht", W_PLACE },
	{ "parnassia", W_STOP }, { "participatie", W_STOP },
	{ "pasen", W_STOP }, { "peize", W_PLACE }, { "pendrecht", W_PLACE },
	{ "philadelphia", W_STOP }, { "pinksteren", W_STOP },
	{ "polen", W_PLACE }, { "pool", W_STOP }, { "pools", W_STOP },
	{ "poolse", W_STOP }, { "prinsjesdag", W_STOP },
	{ "protestant", W_STOP }, { "protestants", W_STOP },
	{ "protestantse", W_STOP }, { "purmerend", W_PLACE },
	{ "qbuzz", W_STOP }, { "raad", W_STOP }, { "raalte", W_PLACE },
	{ "rabobank", W_STOP }, { "ramadan", W_STOP }, { "randstad", W_STOP },
	{ "ret", W_STOP }, { "ridderkerk", W_PLACE }, { "rijssen", W_PLACE },
	{ "rijswijk", W_PLACE }, { "rivierduinen", W_STOP },
	{ "rode", W_STOP }, { "roden", W_PLACE }, { "roemeens", W_STOP },
	{ "roemeense", W_STOP }, { "roemenie", W_PLACE },
	{ "roemeni\xc3\xab", W_PLACE }, { "roermond", W_PLACE },
	{ "roosendaal", W_PLACE }, { "rotterdam", W_PLACE },
	{ "salvation", W_STOP }, { "sappemeer", W_PLACE },
	{ "schagen", W_PLACE }, { "schiedam", W_PLACE },
	{ "schiermonnikoog", W_PLACE }, { "schilderswijk", W_PLACE },
	{ "sensire", W_STOP }, { "sep", W_STOP }, { "sept", W_STOP },
	{ "september", W_STOP }, { "sinds", W_STOP }, { "sindsdien", W_STOP },
	{ "sinterklaas", W_STOP }, { "sinterklaasavond", W_STOP },
	{ "sittard", W_PLACE }, { "smallingerland", W_PLACE },
	{ "sneek", W_PLACE }, { "sns", W_STOP }, { "sociaal", W_STOP },
	{ "sociale", W_STOP }, { "soest", W_PLACE }, { "somalie", W_PLACE },
	{ "somalisch", W_STOP }, { "somalische", W_STOP },
	{ "somali\xc3\xab", W_PLACE }, { "soms", W_STOP },
	{ "spaans", W_STOP }, { "spaanse", W_STOP }, { "spanje", W_PLACE },
	{ "spijkenisse", W_PLACE }, { "stadskanaal", W_PLACE },
	{ "staphorst", W_PLACE }, { "steenwijk", W_PLACE },
	{ "stichting", W_STOP }, { "sudwest", W_STOP },
	{ "suikerfeest", W_STOP }, { "surinaams", W_STOP },
	{ "surinaamse", W_STOP }, { "suriname", W_PLACE },
	{ "surinamer", W_STOP }, { "svb", W_STOP }, { "syrie", W_PLACE },
	{ "syrisch", W_STOP }, { "syrische", W_STOP },
	{ "syri\xc3\xab", W_PLACE }, { "syri\xc3\xabr", W_STOP },
	{ "s\xc3\xba" "dwest", W_STOP }, { "team", W_STOP },
	{ "teams", W_STOP }, { "terneuzen", W_PLACE },
	{ "terschelling", W_PLACE }, { "texel", W_PLACE },
	{ "thuiszorg", W_STOP }, { "tiel", W_PLACE }, { "tijdens", W_STOP },
	{ "tiktok", W_STOP }, { "tilburg", W_PLACE }, { "toch", W_STOP },
	{ "toen", W_STOP }, { "toeslagen", W_STOP }, { "transvaal", W_PLACE },
	{ "triodos", W_STOP }, { "tubbergen", W_PLACE }, { "turk", W_STOP },
	{ "turkije", W_PLACE }, { "turks", W_STOP }, { "turkse", W_STOP },
	{ "twente", W_PLACE }, { "twenterand", W_PLACE },
	{ "twitter", W_STOP }, { "u", W_STOP }, { "uden", W_PLACE },
	{ "uitgeest", W_PLACE }, { "uithoorn", W_PLACE }, { "unive", W_STOP },
	{ "univ\xc3\xa9", W_STOP }, { "urk", W_PLACE },
	{ "utrecht", W_PLACE }, { "uw", W_STOP }, { "uwv", W_STOP },
	{ "vaak", W_STOP }, { "vaderdag", W_STOP },
	{ "valentijnsdag", W_STOP }, { "valys", W_STOP },
	{ "vandaag", W_STOP }, { "veel", W_STOP }, { "veendam", W_PLACE },
	{ "veenendaal", W_PLACE }, { "veghel", W_PLACE },
	{ "velsen", W_PLACE }, { "veluwe", W_PLACE }, { "venlo", W_PLACE },
	{ "venray", W_PLACE }, { "verder", W_STOP }, { "vereniging", W_STOP },
	{ "vgz", W_STOP }, { "vlaardingen", W_PLACE },
	{ "vlieland", W_PLACE }, { "vlissingen", W_PLACE },
	{ "vluchtelingenwerk", W_STOP }, { "voedselbank", W_STOP },
	{ "voedselbanken", W_STOP }, { "volendam", W_PLACE },
	{ "voor", W_STOP }, { "voorburg", W_PLACE }, { "vorig", W_STOP },
	{ "vorige", W_STOP }, { "vrijdag", W_STOP },
	{ "vrijdagmiddag", W_STOP }, { "waalwijk", W_PLACE },
	{ "waar", W_STOP }, { "waarom", W_STOP }, { "wageningen", W_PLACE },
	{ "wanneer", W_STOP }, { "want", W_STOP }, { "wassenaar", W_PLACE },
	{ "wat", W_STOP }, { "waterland", W_PLACE }, { "we", W_STOP },
	{ "weert", W_PLACE }, { "weesp", W_PLACE }, { "weinig", W_STOP },
	{ "wel", W_STOP }, { "welke", W_STOP }, { "werk", W_STOP },
	{ "westerbork", W_PLACE }, { "westland", W_PLACE },
	{ "whatsapp", W_STOP }, { "wie", W_STOP }, { "wierden", W_PLACE },
	{ "wij", W_STOP }, { "wijkcentrum", W_STOP }, { "wijkteam", W_STOP },
	{ "wijkteams", W_STOP }, { "winschoten", W_PLACE },
	{ "winterswijk", W_PLACE }, { "wlz", W_STOP }, { "wmo", W_STOP },
	{ "wmo-loket", W_STOP }, { "wmoloket", W_STOP },
	{ "woensdag", W_STOP }, { "woerden", W_PLACE },
	{ "wolvega", W_PLACE }, { "youtube", W_STOP }, { "zaandam", W_PLACE },
	{ "zaanstad", W_PLACE }, { "zaken", W_STOP },
	{ "zandvoort", W_PLACE }, { "zaterdag", W_STOP },
	{ "zaterdagavond", W_STOP }, { "ze", W_STOP }, { "zeeland", W_PLACE },
	{ "zeewolde", W_PLACE }, { "zeist", W_PLACE }, { "zelfs", W_STOP },
	{ "zij", W_STOP }, { "zijn", W_STOP }, { "zilveren", W_STOP },
	{ "zo", W_STOP }, { "zoetermeer", W_PLACE }, { "zondag", W_STOP },
	{ "zondagavond", W_STOP }, { "zonder", W_STOP }, { "zoom", W_PLACE },
	{ "zorg", W_STOP }, { "zorggroep", W_STOP },
	{ "zuid-holland", W_STOP }, { "zuidhorn", W_PLACE },
	{ "zuidlaren", W_PLACE }, { "zuidoost", W_STOP },
	{ "zutphen", W_PLACE }, { "zvw", W_STOP }, { "zwijndrecht", W_PLACE },
	{ "zwolle", W_PLACE },
	{ "noord", W_STOP }, { "zuid", W_STOP }, { "oost", W_STOP },
	{ "west", W_STOP }, { "noordoost", W_STOP }, { "noordwest", W_STOP },
	{ "zuidwest", W_STOP }, { "molukse", W_STOP }, { "moluks", W_STOP },
	{ "vietnamees", W_STOP }, { "vietnamese", W_STOP },
	{ "egyptisch", W_STOP }, { "egyptische", W_STOP },
	{ "algerijns", W_STOP }, { "algerijnse", W_STOP },
	{ "tunesisch", W_STOP }, { "tunesische", W_STOP },
	{ "ethiopisch", W_STOP }, { "ethiopische", W_STOP },
	{ "soedanees", W_STOP }, { "soedanese", W_STOP },
	{ "nigeriaans", W_STOP }, { "nigeriaanse", W_STOP },
	{ "brits", W_STOP }, { "britse", W_STOP }, { "amerikaans", W_STOP },
	{ "amerikaanse", W_STOP }, { "russisch", W_STOP },
	{ "russische", W_STOP }, { "armeens", W_STOP },
	{ "armeense", W_STOP }, { "bosnisch", W_STOP },
	{ "bosnische", W_STOP }, { "servisch", W_STOP },
	{ "servische", W_STOP }, { "kroatisch", W_STOP },
	{ "kroatische", W_STOP }, { "hongaars", W_STOP },
	{ "hongaarse", W_STOP }, { "grieks", W_STOP }, { "griekse", W_STOP },
	{ "portugees", W_STOP }, { "portugese", W_STOP },
	{ "kaapverdiaans", W_STOP }, { "kaapverdiaanse", W_STOP },
	{ "dominicaans", W_STOP }, { "dominicaanse", W_STOP },
	{ "colombiaans", W_STOP }, { "colombiaanse", W_STOP },
	{ "braziliaans", W_STOP }, { "braziliaanse", W_STOP },
	{ "filipijns", W_STOP }, { "filipijnse", W_STOP },
	{ "thais", W_STOP }, { "thaise", W_STOP }, { "indiaas", W_STOP },
	{ "indiase", W_STOP }, { "pakistaans", W_STOP },
	{ "pakistaanse", W_STOP }, { "nederlandstalig", W_STOP },
};

/*
 * The tables above in one hash table (open addressing, FNV-1a over the
 * case-folded word), built once: a look-up costs one hash and, mostly,
 * one comparison.
 */
#define NHASH	4096
static struct nword htab[NHASH];
static pthread_once_t htab_once = PTHREAD_ONCE_INIT;

static uint32_t
fnv(const char *w, size_t n)
{
	uint32_t h = 2166136261u;
	size_t k;

	for (k = 0; k < n; k++)
		h = (h ^ (u8)w[k]) * 16777619u;
	return h;
}

static void
hadd(const struct nword *nw)
{
	uint32_t h = fnv(nw->w, strlen(nw->w)) & (NHASH - 1);

	while (htab[h].w && strcmp(htab[h].w, nw->w) != 0)
		h = (h + 1) & (NHASH - 1);
	htab[h].w = nw->w;
	htab[h].f |= nw->f;
}

/*
 * For each first letter, the lengths of the words of nwords[]: a word
 * that is none of them is known not to be a cue or particle without
 * hashing it.
 */
static uint32_t cuelen[26];

static void
htab_build(void)
{
	size_t i, l;

	for (i = 0; i < sizeof nwords / sizeof nwords[0]; i++) {
		hadd(&nwords[i]);
		l = strlen(nwords[i].w);
		if (IS_ALPHA(nwords[i].w[0]) && l < 32)
			cuelen[nwords[i].w[0] - 'a'] |= 1u << l;
	}
	for (i = 0; i < sizeof nstop / sizeof nstop[0]; i++)
		hadd(&nstop[i]);
}

/* What the table says of the word s[a..b), case folded (ASCII); 0: nothing. */
static unsigned
wflags(const u8 *s, size_t a, size_t b)
{
	char w[24];
	size_t k, n = b - a;
	uint32_t h;

	if (b <= a || n >= sizeof w)
		return 0;
	for (k = 0; k < n; k++)
		w[k] = (char)LOWER(s[a + k]);
	w[n] = '\0';
	for (h = fnv(w, n) & (NHASH - 1); htab[h].w; h = (h + 1) & (NHASH - 1))
		if (strcmp(htab[h].w, w) == 0)
			return htab[h].f;
	return 0;
}

/* wflags of a word that may be a cue or particle; 0 for other words. */
static unsigned
cflags(const u8 *s, size_t a, size_t b)
{
	if (b > a && s[a] == '\'')
		return wflags(s, a, b);	/* 't, 's */
	if (b <= a || b - a >= 32 || !IS_ALPHA(s[a]) ||
	    !(cuelen[LOWER(s[a]) - 'a'] & 1u << (b - a)))
		return 0;
	return wflags(s, a, b);
}

/* The length of the letter (any script) at s[i], or 0. */
static int
letter_at(const struct scan *S, size_t i)
{
	int32_t cp;
	int k;

	if (i >= S->n)
		return 0;
	if (S->s[i] < 0x80)
		return IS_ALPHA(S->s[i]) ? 1 : 0;
	k = dec_fwd(S->s, S->n, i, &cp);
	return k && cp_letter(cp) ? k : 0;
}

/* The end of the word of letters at s[a], with ' and - inside; or a. */
static size_t
word_end(const struct scan *S, size_t a)
{
	size_t i = a;
	int k;

	for (;;) {
		if ((k = letter_at(S, i))) {
			i += (size_t)k;
			continue;
		}
		if (i > a && i + 1 < S->n && (S->s[i] == '-' ||
		    S->s[i] == '\'') && letter_at(S, i + 1)) {
			i++;
			continue;
		}
		return i;
	}
}

/* Organisations and services by the end of their name (Wijkteam). */
static const char *const org_ends[] = {
	"team", "teams", "loket", "zorg", "dienst", "diensten", "bank",
	"werk", "centrum", "raad", "punt", "kantoor", "instituut", "fonds",
	"groep", "kliniek", "ziekenhuis", "school", "college",
	"verzekeraar", "verzekering", "vereniging", "stichting", "wijzer",
	"lijn", "hulp", "plein", "zaken", "verlening", "ondersteuning",
	"begeleiding", "opvang", "instelling", "voorziening", "regeling",
	"uitkering", "bemiddeling", "sanering", "toeslag", "toeslagen",
	"belang", "platform", "academie", "apotheek",
	NULL
};

/* Does s[a..e) end in one of the words of list, after more letters? */
static int
ends_in(const u8 *s, size_t a, size_t e, const char *const *list)
{
	size_t l;

	for (; *list; list++) {
		l = strlen(*list);
		if (e - a > l + 2 && word_is(s, e - l, e, *list))
			return 1;
	}
	return 0;
}

enum { NW_NONE, NW_NAME, NW_PART, NW_INIT, NW_PLACE };

/*
 * The word at s[a] as a part of a name: a capitalised name (NW_NAME), a
 * particle (NW_PART), initials (NW_INIT: J. or J.P.), a place that may
 * end a name after "van" (NW_PLACE), or none.  *e gets its end, *fl
 * what the table says of it.
 */
static int
name_word(const struct scan *S, size_t a, size_t *e, unsigned *fl)
{
	const u8 *s = S->s;
	size_t n = S->n, i, h, lo;
	int32_t cp;
	int k, low = 0;

	*fl = 0;
	if (a + 2 < n && s[a] == '\'' && (s[a + 1] == 't' || s[a + 1] == 's')
	    && s[a + 2] == ' ') {
		*e = a + 2;
		*fl = W_PART;
		return NW_PART;
	}
	if (!(k = dec_fwd(s, n, a, &cp)) || !cp_letter(cp))
		return NW_NONE;
	/* Initials: J. or J.P. */
	if (IS_UPPER(s[a]) && a + 1 < n && s[a + 1] == '.') {
		i = a + 1;
		while (i + 2 < n && IS_UPPER(s[i + 1]) && s[i + 2] == '.')
			i += 2;
		*e = i + 1;
		return *e < n && (IS_ALNUM(s[*e]) || s[*e] == '@') ?
		    NW_NONE : NW_INIT;
	}
	*e = i = word_end(S, a);
	/*
	 * Glued to digits or to an e-mail address: not a word of a name.  A
	 * marker counts as what it replaced ("Jb.[ADRES]" was "Jb.Bewal 12").
	 */
	if (i < n && (IS_DIGIT(s[i]) || s[i] == '@' || s[i] == '_' ||
	    ((s[i] == '.' || s[i] == '+') && i + 1 < n &&
	    (IS_ALNUM(s[i + 1]) || s[i + 1] == '['))))
		return NW_NONE;
	*fl = wflags(s, a, i);
	if (!cp_upper(cp))
		return *fl & W_PART ? NW_PART : NW_NONE;
	if (i == a + (size_t)k)
		return NW_NONE;	/* one capital */
	for (h = a + (size_t)k; h < i; h++)
		if (cls[s[h]] & C_LOWER || s[h] >= 0x80) {
			low = 1;
			break;
		}
	if (!low)
		return NW_NONE;	/* UWV, GGD: an acronym */
	if (*fl & W_PART)
		return NW_PART;
	if (*fl & (W_STOP | W_NEXT | W_COLON))
		return NW_NONE;
	/* Wmo-consulent, Zilveren-Kruis: by its first part. */
	for (h = a; h < i && s[h] != '-'; h++)
		;
	if (h < i && (wflags(s, a, h) & (W_STOP | W_PLACE)))
		return NW_NONE;
	lo = h < i ? h + 1 : a;
	if (ends_in(s, lo, i, org_ends) && !(wflags(s, lo, i) & W_NEXT))
		return NW_NONE;
	/* Kerkstraat 12 is an address. */
	if (i + 1 < n && s[i] == ' ' && IS_DIGIT(s[i + 1]) &&
	    ends_in(s, a, i, suffixes))
		return NW_NONE;
	if (*fl & W_PLACE)
		return NW_PLACE;
	return NW_NAME;
}

/*
 * A name that starts at s[p]: capitalised words, initials and the
 * particles between them (Fatima el Amrani, J.P. van 't Hof, Jansen-de
 * Vries).  Its end, or 0.
 */
static size_t
name_at(const struct scan *S, size_t p)
{
	size_t i = p, e, last = 0;
	unsigned fl;
	int k, kind, words = 0, parts = 0, van = 0;

	for (k = 0; k < 8; k++) {
		kind = name_word(S, i, &e, &fl);
		if (kind == NW_PART) {
			if (++parts > 3)
				break;
			van |= (fl & W_VAN) != 0;
		} else if (kind == NW_NAME || (kind == NW_PLACE && van)) {
			words++;
			last = e;
			parts = van = 0;
		} else if (kind == NW_INIT && parts == 0)
			;
		else
			break;
		if (e + 1 >= S->n || S->s[e] != ' ')
			break;
		i = e + 1;
	}
	return words ? last : 0;
}

/*
 * Is the word before s[q] (after the separators between) a cue for a
 * name at s[q]?  Looks back no further than lo.
 */
static int
cue_before(const struct scan *S, size_t lo, size_t q)
{
	const u8 *s = S->s;
	size_t i = q, a, b, a2, b2;
	unsigned f, f2;
	int comma = 0, colon = 0, dot = 0, nl = 0;

	while (i > lo && (s[i - 1] == ' ' || s[i - 1] == '\t' ||
	    s[i - 1] == '\n' || s[i - 1] == '\r'))
		nl |= s[--i] != ' ' && s[i] != '\t';
	if (i > lo && s[i - 1] == ',')
		comma = 1, i--;
	else if (i > lo && s[i - 1] == ':')
		colon = 1, i--;
	while (i > lo && (s[i - 1] == ' ' || s[i - 1] == '\t' ||
	    s[i - 1] == '\n' || s[i - 1] == '\r'))
		nl |= s[--i] != ' ' && s[i] != '\t';
	if (!comma && !colon && i > lo && s[i - 1] == '.')
		dot = 1, i--;
	if (i == q || i <= lo)
		return 0;
	b = i;
	while (i > lo && IS_ALPHA(s[i - 1]))
		i--;
	a = i;
	if (a == b || (a > lo && (s[a - 1] >= 0x80 || IS_DIGIT(s[a - 1]))))
		return 0;
	if (!(f = cflags(s, a, b)))
		return 0;
	if (colon)
		return (f & (W_COLON | W_NEXT)) != 0;
	if (dot)
		return (f & (W_TITLE | W_CUE)) != 0;
	if (f & (W_CUE | W_REL | W_ROLE))
		return 1;
	if (comma || nl)
		return 0;
	if ((f & W_TITLE) && !(f & (W_DOT | W_HEER)))
		return 1;
	if (!(f & (W_HEER | W_BEN | W_IS)))
		return 0;
	/* de heer, ik ben, naam is: the word before too. */
	i = a;
	while (i > lo && s[i - 1] == ' ')
		i--;
	b2 = i;
	while (i > lo && IS_ALPHA(s[i - 1]))
		i--;
	a2 = i;
	if (a2 == b2 || b2 == a)
		return 0;
	f2 = cflags(s, a2, b2);
	return ((f & W_HEER) && (f2 & W_DE)) || ((f & W_BEN) && (f2 & W_IK)) ||
	    ((f & W_IS) && (f2 & W_NAAM));
}

/*
 * A capital at s[p] (or the first byte of a letter outside ASCII): a
 * name when a cue, title, relation or role stands before it, with the
 * particles between ("meneer van Dijk").  Returns where to go on.
 */
static size_t
at_capital(struct scan *S, size_t p)
{
	const u8 *s = S->s;
	size_t q = p, a, e, e2;
	int32_t cp;
	int k;

	if (p > S->done && (IS_ALNUM(s[p - 1]) || s[p - 1] >= 0x80 ||
	    s[p - 1] == '-' || s[p - 1] == '\'' || s[p - 1] == '@' ||
	    s[p - 1] == '.' || s[p - 1] == '_' || s[p - 1] == '['))
		return p + 1;
	if (s[p] >= 0x80 && (!(k = dec_fwd(s, S->n, p, &cp)) || !cp_upper(cp)))
		return p + 1;
	if (p + 1 < S->n && IS_UPPER(s[p + 1]))
		return p + 1;	/* an acronym */
	/*
	 * Most capitals start a sentence: after a full stop only a short
	 * title (dhr., mevr.) can be a cue.
	 */
	for (q = p; q > S->done && s[q - 1] == ' '; q--)
		;
	if (q > S->done && (s[q - 1] == '!' || s[q - 1] == '?'))
		return p + 1;
	if (q > S->done + 1 && s[q - 1] == '.') {
		for (a = q - 1; a > S->done && IS_ALPHA(s[a - 1]) &&
		    q - a < 7; a--)
			;
		if (q - a > 5)
			return p + 1;
	}
	q = p;
	/* The particles before it: meneer van der Wal. */
	for (k = 0; k < 3; k++) {
		if (q < S->done + 2 || s[q - 1] != ' ')
			break;
		for (a = q - 1; a > S->done && q - a < 6 &&
		    (IS_ALPHA(s[a - 1]) || s[a - 1] == '\''); a--)
			;
		if (a == q - 1 || q - a >= 6 || !(cflags(s, a, q - 1) &
		    W_PART) || (a > S->done && s[a - 1] != ' '))
			break;
		q = a;
	}
	for (;;) {
		if (cue_before(S, S->done, q) && (e = name_at(S, q)) > p) {
			emit(S, q, e, BE_R_NAAM);
			/* Anna en Eva */
			if (e + 5 < S->n && s[e] == ' ' && s[e + 1] == 'e' &&
			    s[e + 2] == 'n' && s[e + 3] == ' ' &&
			    (cls[s[e + 4]] & C_NAME) &&
			    (e2 = name_at(S, e + 4))) {
				emit(S, e + 4, e2, BE_R_NAAM);
				e = e2;
			}
			return e;
		}
		if (q == p)
			return p + 1;
		q = p;	/* without the particles */
	}
}

/* An age in brackets at s[p]: (8), (81 jaar), (81 jr.).  Its end, or 0. */
static size_t
age_paren(const struct scan *S, size_t p)
{
	static const char *const units[] = { "jaar", "jr", "j", NULL };
	const u8 *s = S->s;
	size_t i = p + 1, j, a;
	long v;
	int k;

	if (i >= S->n || s[i] == '0')
		return 0;
	k = digits(S, &i, 3, &v);
	if (k < 1 || k > 3 || v > 120)
		return 0;
	j = i;
	if (j < S->n && s[j] == ' ')
		j++;
	a = j;
	while (j < S->n && IS_ALPHA(s[j]))
		j++;
	if (j > a) {
		if (!word_in(s, a, j, units))
			return 0;
		if (j < S->n && s[j] == '.')
			j++;
		i = j;
	}
	return i < S->n && s[i] == ')' ? i + 1 : 0;
}

/*
 * A name before an age in brackets, "Mevrouw Bos (81)", "Daan (8)": the
 * capitalised words and particles that end at s[p - 1]; the start, or p.
 */
static size_t
name_before_age(const struct scan *S, size_t p)
{
	const u8 *s = S->s;
	size_t cur = p, a, b, e, start = p;
	unsigned fl;
	int k, kind;

	for (k = 0; k < 6; k++) {
		if (cur < S->done + 2 || s[cur - 1] != ' ')
			break;
		b = cur - 1;
		a = word_start(S, S->done, b);
		if (a == b || (S->total && a == S->done) || (a > 0 &&
		    s[a - 1] != ' ' && !sentence_start(S, a)))
			break;
		kind = name_word(S, a, &e, &fl);
		if (e != b)
			break;
		if (kind == NW_NAME)
			start = a;
		else if (kind != NW_PART || start == p)
			break;
		cur = a;
	}
	return start;
}

/* A candidate that starts with the digit s[p]; returns where to go on. */
static size_t
at_digit(struct scan *S, size_t p)
{
	size_t e, ms;

	if (p > 0 && IS_ALPHA(S->s[p - 1]) && !(S->total && p == S->done)) {
		if ((e = match_iban(S, p))) {
			emit(S, p - 2, e, BE_R_IBAN);
			return e;
		}
		return S->rej = skip_token(S, p);
	}
	if (!start_ok(S, p))
		return S->rej = skip_token(S, p);
	if ((e = match_date(S, p)) && dob_keyword(S, p)) {
		emit(S, p, e, BE_R_GEBOORTEDATUM);
		return e;
	}
	if (S->s[p] == '0' && (e = match_phone(S, p))) {
		emit(S, p, e, BE_R_TELEFOON);
		return e;
	}
	if ((e = match_bsn(S, p))) {
		emit(S, p, e, BE_R_BSN);
		return e;
	}
	if ((e = match_postcode(S, p))) {
		emit(S, p, e, BE_R_POSTCODE);
		return e;
	}
	if ((e = match_street(S, p, &ms))) {
		emit(S, ms, e, BE_R_ADRES);
		return e;
	}
	return S->rej = skip_token(S, p);
}

/*
 * One pass over s[0..len), appended to out.  *again is set when the
 * result should be redacted again (see be_redact).
 */
static unsigned
scan(const u8 *s, size_t len, struct be_buf *out, struct be_redact_counts *c,
    int *again)
{
	struct scan S;
	size_t i = 0, e, ms;

	S.s = s;
	S.n = len;
	S.done = 0;
	S.out = out;
	S.base = out->len;
	S.total = 0;
	S.c = c;
	S.rej = 0;
	S.again = 0;
	be_buf_grow(out, len);
	pthread_once(&htab_once, htab_build);
	while (i < len) {
		/* Most bytes start nothing: pass them eight at a time. */
		if (i + 8 <= len && !((cls[s[i]] | cls[s[i + 1]] |
		    cls[s[i + 2]] | cls[s[i + 3]] | cls[s[i + 4]] |
		    cls[s[i + 5]] | cls[s[i + 6]] | cls[s[i + 7]]) &
		    (C_CAND | C_NAME))) {
			i += 8;
			continue;
		}
		if (!(cls[s[i]] & (C_CAND | C_NAME))) {
			i++;
			continue;
		}
		switch (s[i]) {
		case '@':
			if ((e = match_email(&S, i, &ms))) {
				emit(&S, ms, e, BE_R_EMAIL);
				i = e;
			} else
				S.rej = ++i;
			break;
		case '(':
			if ((e = age_paren(&S, i))) {
				if ((ms = name_before_age(&S, i)) < i)
					emit(&S, ms, i - 1, BE_R_NAAM);
				i = e;
				break;
			}
			/* FALLTHROUGH */
		case '+':
			if (i + 1 < len && (s[i] == '+' || s[i + 1] == '0' ||
			    s[i + 1] == '+') &&
			    !word_before_out(&S, i) &&
			    (e = match_phone(&S, i))) {
				emit(&S, i, e, BE_R_TELEFOON);
				i = e;
			} else
				S.rej = ++i;
			break;
		default:
			if (cls[s[i]] & C_NAME)
				i = at_capital(&S, i);
			else
				i = at_digit(&S, i);
		}
	}
	be_buf_add(out, s + S.done, len - S.done);
	*again = S.again;
	return S.total;
}

/*
 * A pass may leave something that a second pass takes: where two kinds
 * overlap ("Dorpsstraat 1 bis-7d@ziggo.nl"), the first pass takes the
 * one that wins (the e-mail address) and the text beside its marker may
 * then read as another (Dorpsstraat 1).  Such a text, one where a marker
 * begins at or just after a number the pass turned down, is redacted
 * again until nothing changes: the union of what overlaps is redacted,
 * and redacting the result again changes nothing.
 */
unsigned
be_redact(const char *text, size_t len, struct be_buf *out,
    struct be_redact_counts *c)
{
	struct be_buf again = BE_BUF_INIT;
	size_t base = out->len;
	unsigned total, r;
	int k, more;

	total = scan((const u8 *)text, len, out, c, &more);
	for (k = 0; k < 8 && more; k++) {
		be_buf_reset(&again);
		r = scan((const u8 *)out->s + base, out->len - base, &again, c,
		    &more);
		if (r == 0)
			break;
		total += r;
		be_buf_setlen(out, base);
		be_buf_add(out, again.s, again.len);
	}
	be_buf_release(&again);
	return total;
}

unsigned
be_redact_suspects(const char *text, size_t len, be_redact_word_fn *fn,
    void *arg)
{
	struct be_buf none = BE_BUF_INIT;
	struct scan S;
	const u8 *s = (const u8 *)text;
	size_t i = 0, e;
	unsigned fl, found = 0;
	int32_t cp;
	int k;

	memset(&S, 0, sizeof S);
	S.s = s;
	S.n = len;
	S.out = &none;
	pthread_once(&htab_once, htab_build);
	while (i < len) {
		if (!(cls[s[i]] & C_NAME) || (i > 0 && (IS_ALNUM(s[i - 1]) ||
		    s[i - 1] >= 0x80 || s[i - 1] == '-' || s[i - 1] == '\'' ||
		    s[i - 1] == '[' || s[i - 1] == '_' || s[i - 1] == '@' ||
		    s[i - 1] == '.'))) {
			i++;
			continue;
		}
		if (!(k = dec_fwd(s, len, i, &cp)) || !cp_upper(cp) ||
		    sentence_start(&S, i)) {
			i++;
			continue;
		}
		e = i;
		if (name_word(&S, i, &e, &fl) == NW_NAME) {
			found++;
			fn(arg, text + i, e - i);
		}
		i = e > i ? e : i + 1;
	}
	return found;
}
