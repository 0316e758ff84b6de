/* redact.c: see redact.h. */
#include <stdint.h>
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
	struct be_buf *out;
	size_t base;		/* out->len when we started */
	unsigned total;
	struct be_redact_counts *c;
};

static const char *const names[BE_R_NKINDS] = {
	"BSN", "IBAN", "TELEFOON", "E-MAIL", "POSTCODE", "ADRES",
	"GEBOORTEDATUM"
};
static const char *const markers[BE_R_NKINDS] = {
	"[BSN]", "[IBAN]", "[TELEFOON]", "[E-MAIL]", "[POSTCODE]", "[ADRES]",
	"[GEBOORTEDATUM]"
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
#define C_ALPHA	(C_UPPER | C_LOWER)
#define C_ALNUM	(C_ALPHA | C_DIGIT)

static const u8 cls[256] = {
	['A' ... 'Z'] = C_UPPER,
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
	if (d[1] == '6' && d[2] == '0')
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
		return skip_token(S, p);
	}
	if (!start_ok(S, p))
		return skip_token(S, p);
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
	return skip_token(S, p);
}

unsigned
be_redact(const char *text, size_t len, struct be_buf *out,
    struct be_redact_counts *c)
{
	struct scan S;
	const u8 *s = (const u8 *)text;
	size_t i = 0, e, ms;

	S.s = s;
	S.n = len;
	S.done = 0;
	S.out = out;
	S.base = out->len;
	S.total = 0;
	S.c = c;
	be_buf_grow(out, len);
	while (i < len) {
		if (!(cls[s[i]] & C_CAND)) {
			i++;
			continue;
		}
		switch (s[i]) {
		case '@':
			if ((e = match_email(&S, i, &ms))) {
				emit(&S, ms, e, BE_R_EMAIL);
				i = e;
			} else
				i++;
			break;
		case '+':
		case '(':
			if (i + 1 < len && (s[i] == '+' || s[i + 1] == '0' ||
			    s[i + 1] == '+') &&
			    !word_before_out(&S, i) &&
			    (e = match_phone(&S, i))) {
				emit(&S, i, e, BE_R_TELEFOON);
				i = e;
			} else
				i++;
			break;
		default:
			i = at_digit(&S, i);
		}
	}
	be_buf_add(out, s + S.done, len - S.done);
	return S.total;
}
