/* colmap.c: see colmap.h. */
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "colmap.h"
#include "mem.h"
#include "story.h"
#include "ydoc.h"
#include "banned.h"

static const char *const field_names[BE_F_N] = {
	"attr", "text", "date", "channel", "gemeente", "consent", "route",
	"use", "pass-on", "response", "name", "email", "phone", "address",
	"ignore",
};

/* The built-in synonyms, in matching form (see be_colmap_norm). */
static const struct {
	const char *h;
	int f;
} synonyms[] = {
	{ "verhaal", BE_F_TEXT }, { "ervaring", BE_F_TEXT },
	{ "toelichting", BE_F_TEXT }, { "uw verhaal", BE_F_TEXT },
	{ "je verhaal", BE_F_TEXT }, { "jouw verhaal", BE_F_TEXT },
	{ "uw ervaring", BE_F_TEXT }, { "ervaringsverhaal", BE_F_TEXT },
	{ "tekst", BE_F_TEXT }, { "story", BE_F_TEXT },
	{ "your story", BE_F_TEXT }, { "experience", BE_F_TEXT },
	{ "your experience", BE_F_TEXT }, { "text", BE_F_TEXT },

	{ "datum", BE_F_DATE }, { "tijdstempel", BE_F_DATE },
	{ "timestamp", BE_F_DATE }, { "begintijd", BE_F_DATE },
	{ "starttijd", BE_F_DATE }, { "start time", BE_F_DATE },
	{ "ingevuld op", BE_F_DATE }, { "datum ingevuld", BE_F_DATE },
	{ "datum verstuurd", BE_F_DATE }, { "verzonden op", BE_F_DATE },
	{ "submission time", BE_F_DATE }, { "submitted at", BE_F_DATE },
	{ "submitdate", BE_F_DATE }, { "date submitted", BE_F_DATE },
	{ "date", BE_F_DATE }, { "datum verhaal", BE_F_DATE },

	{ "kanaal", BE_F_CHANNEL }, { "channel", BE_F_CHANNEL },
	{ "medium", BE_F_CHANNEL },

	{ "gemeente", BE_F_GEMEENTE }, { "uw gemeente", BE_F_GEMEENTE },
	{ "municipality", BE_F_GEMEENTE }, { "woonplaats", BE_F_GEMEENTE },

	{ "toestemming", BE_F_CONSENT }, { "consent", BE_F_CONSENT },
	{ "akkoord", BE_F_CONSENT }, { "permission", BE_F_CONSENT },
	{ "ik geef toestemming", BE_F_CONSENT },

	{ "gegevens doorgeven", BE_F_PASSON },
	{ "mogen wij uw gegevens doorgeven", BE_F_PASSON },
	{ "mogen wij uw gegevens doorgeven?", BE_F_PASSON },
	{ "toestemming doorgeven", BE_F_PASSON },
	{ "doorgeven", BE_F_PASSON }, { "pass on", BE_F_PASSON },
	{ "pass-on", BE_F_PASSON },

	{ "route", BE_F_ROUTE }, { "doorverwijzing", BE_F_ROUTE },
	{ "doorverwijzen", BE_F_ROUTE }, { "verwijzing", BE_F_ROUTE },
	{ "referral", BE_F_ROUTE },

	/* The form tool's own id of a response (MS Forms, LimeSurvey,
	 * KoBoToolbox): an edited row keeps it. */
	{ "id", BE_F_RESPONSE }, { "antwoord id", BE_F_RESPONSE },
	{ "response id", BE_F_RESPONSE }, { "_uuid", BE_F_RESPONSE },

	{ "naam", BE_F_NAME }, { "name", BE_F_NAME },
	{ "uw naam", BE_F_NAME }, { "your name", BE_F_NAME },
	{ "voornaam", BE_F_NAME }, { "achternaam", BE_F_NAME },
	{ "tussenvoegsel", BE_F_NAME }, { "volledige naam", BE_F_NAME },
	{ "voorletters", BE_F_NAME }, { "roepnaam", BE_F_NAME },
	{ "first name", BE_F_NAME }, { "last name", BE_F_NAME },
	{ "firstname", BE_F_NAME }, { "lastname", BE_F_NAME },
	{ "full name", BE_F_NAME }, { "respondent", BE_F_NAME },

	{ "e-mail", BE_F_EMAIL }, { "email", BE_F_EMAIL },
	{ "e-mailadres", BE_F_EMAIL }, { "emailadres", BE_F_EMAIL },
	{ "e-mail adres", BE_F_EMAIL }, { "uw e-mailadres", BE_F_EMAIL },
	{ "email address", BE_F_EMAIL }, { "e-mail address", BE_F_EMAIL },
	{ "mail", BE_F_EMAIL },

	{ "telefoon", BE_F_PHONE }, { "telefoonnummer", BE_F_PHONE },
	{ "tel", BE_F_PHONE }, { "tel.", BE_F_PHONE },
	{ "mobiel", BE_F_PHONE }, { "mobiel nummer", BE_F_PHONE },
	{ "mobiele nummer", BE_F_PHONE }, { "gsm", BE_F_PHONE },
	{ "phone", BE_F_PHONE }, { "phone number", BE_F_PHONE },
	{ "phonenumber", BE_F_PHONE }, { "telephone", BE_F_PHONE },
	{ "mobile", BE_F_PHONE },

	{ "adres", BE_F_ADDRESS }, { "address", BE_F_ADDRESS },
	{ "woonadres", BE_F_ADDRESS }, { "straat", BE_F_ADDRESS },
	{ "straatnaam", BE_F_ADDRESS }, { "huisnummer", BE_F_ADDRESS },
	{ "straat en huisnummer", BE_F_ADDRESS }, { "postcode", BE_F_ADDRESS },
	{ "street", BE_F_ADDRESS }, { "postal code", BE_F_ADDRESS },
	{ "zip code", BE_F_ADDRESS }, { "zip", BE_F_ADDRESS },

	/* Identifying, and of no use to a council: always dropped. */
	{ "ip-adres", BE_F_IGNORE }, { "ip adres", BE_F_IGNORE },
	{ "ip address", BE_F_IGNORE }, { "ipaddr", BE_F_IGNORE },
	{ "bsn", BE_F_IGNORE }, { "burgerservicenummer", BE_F_IGNORE },
	{ "geboortedatum", BE_F_IGNORE }, { "date of birth", BE_F_IGNORE },
	{ "iban", BE_F_IGNORE },
};

const char *
be_field_name(int f)
{
	return f >= 0 && f < BE_F_N ? field_names[f] : "?";
}

int
be_field_parse(const char *name)
{
	int f;

	for (f = 0; f < BE_F_N; f++)
		if (strcmp(name, field_names[f]) == 0)
			return f;
	return -1;
}

/* Folds case and accents and makes white space and '_' one space. */
static void
fold(struct be_buf *b, const char *h)
{
	utf8proc_uint8_t *m = NULL;
	const char *p;
	size_t start = b->len;
	int sp = 0;

	if (utf8proc_map((const utf8proc_uint8_t *)h, 0, &m,
	    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	    UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD) >= 0)
		p = (const char *)m;
	else
		p = h;	/* not UTF-8: compare as it is */
	for (; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		    *p == '_') {
			sp = 1;
			continue;
		}
		if (sp && b->len > start)
			be_buf_addc(b, ' ');
		sp = 0;
		be_buf_addc(b, *p);
	}
	free(m);
}

void
be_colmap_norm(struct be_buf *b, const char *h)
{
	size_t start = b->len;

	fold(b, h);
	while (b->len > start && strchr("?:* ", b->s[b->len - 1]))
		be_buf_setlen(b, b->len - 1);
}

/*
 * Drops what a form adds in brackets to say a question may be skipped:
 * "uw naam (niet verplicht)" is "uw naam".  Other brackets stay.
 */
static void
drop_optional(struct be_buf *b)
{
	static const char *const opt[] = { "(niet verplicht)", "(optioneel)",
	    "(optional)", "(facultatief)", "(mag leeg)", "(vrijwillig)",
	    "(not required)", "(indien gewenst)", "(als u wilt)",
	    "(hoeft niet)", "(voluit)", "(niet verplicht)?", NULL };
	size_t l;
	int i;

	for (i = 0; opt[i]; i++) {
		l = strlen(opt[i]);
		if (b->len > l && strcmp(b->s + b->len - l, opt[i]) == 0) {
			be_buf_setlen(b, b->len - l);
			while (b->len && strchr("?:* ", b->s[b->len - 1]))
				be_buf_setlen(b, b->len - 1);
			return;
		}
	}
}

/*
 * Does a header (normalised) ask for a person's name: a word naam, name,
 * voornaam, achternaam, roepnaam, initialen, voorletters or tussenvoegsel
 * in a short question that is not about a thing ("naam organisatie")?
 */
static int
asks_name(const char *h)
{
	static const char *const words[] = { "naam", "name", "voornaam",
	    "achternaam", "roepnaam", "initialen", "voorletters",
	    "tussenvoegsel", "namen", "achternamen", "voornamen", NULL };
	static const char *const things[] = { "organisatie", "organization",
	    "organisation", "bedrijf", "company", "gemeente", "wijk", "school",
	    "instelling", "straat", "street", "project", "bestand", "file",
	    "formulier", "form", "gebruikersnaam", "username", "user", "team",
	    "product", "dienst", "regeling", "plaats", "woonplaats", "city",
	    "town", "land", "country", NULL };
	const char *p = h, *e;
	int i, hit = 0, nw = 0;
	size_t l;

	if (strcmp(h, "hoe heet u") == 0 || strcmp(h, "hoe heet je") == 0)
		return 1;
	while (*p) {
		while (*p && !((*p >= 'a' && *p <= 'z') ||
		    (unsigned char)*p >= 0x80))
			p++;
		for (e = p; *e && ((*e >= 'a' && *e <= 'z') ||
		    (unsigned char)*e >= 0x80); e++)
			;
		if (e == p)
			break;
		l = (size_t)(e - p);
		nw++;
		for (i = 0; words[i]; i++)
			if (strlen(words[i]) == l &&
			    strncmp(p, words[i], l) == 0)
				hit = 1;
		for (i = 0; things[i]; i++)
			if (strlen(things[i]) == l &&
			    strncmp(p, things[i], l) == 0)
				return 0;
		p = e;
	}
	return hit && nw <= 6;
}

int
be_colmap_synonym(const char *header)
{
	struct be_buf b = BE_BUF_INIT;
	size_t i;
	int f = BE_F_ATTR, pass;

	be_colmap_norm(&b, header);
	for (pass = 0; pass < 2 && f == BE_F_ATTR; pass++) {
		if (pass)
			drop_optional(&b);
		for (i = 0; i < sizeof synonyms / sizeof synonyms[0]; i++)
			if (strcmp(b.s, synonyms[i].h) == 0) {
				f = synonyms[i].f;
				break;
			}
	}
	if (f == BE_F_ATTR && asks_name(b.s))
		f = BE_F_NAME;
	be_buf_release(&b);
	return f;
}

static int
map_lookup(const struct be_map *m, const char *header)
{
	struct be_buf b = BE_BUF_INIT, g = BE_BUF_INIT;
	size_t i;
	int f = -1;

	be_colmap_norm(&b, header);
	fold(&g, header);
	for (i = 0; i < m->n && f < 0; i++) {
		if (strcmp(m->pat[i], b.s) == 0)
			f = m->field[i];
		else if (strchr(m->pat[i], '*') &&
		    fnmatch(m->pat[i], g.s, FNM_NOESCAPE) == 0)
			f = m->field[i];
	}
	be_buf_release(&b);
	be_buf_release(&g);
	return f;
}

void
be_map_free(struct be_map *m)
{
	size_t i;
	int f;

	if (m == NULL)
		return;
	for (i = 0; i < m->n; i++)
		free(m->pat[i]);
	for (f = 0; f < BE_F_N; f++)
		free(m->dflt[f]);
	free(m->pat);
	free(m->field);
	free(m->name);
	free(m);
}

/* Finds a map named without a directory in the share directory. */
static FILE *
map_open(const char *path, char *found, size_t n)
{
	static const char *const forms[] = { "%s/maps/%s.yaml",
	    "%s/maps/%s", NULL };
	const char *share = getenv("BENUT_SHARE");
	struct stat sb;
	FILE *fp;
	int i;

	snprintf(found, n, "%s", path);
	if ((fp = fopen(path, "r")) != NULL || strchr(path, '/'))
		return fp;
	if (share == NULL || *share == '\0')
		share = BE_SHAREDIR;
	for (i = 0; forms[i]; i++) {
		snprintf(found, n, forms[i], share, path);
		if (stat(found, &sb) == 0 && (fp = fopen(found, "r")) != NULL)
			return fp;
	}
	snprintf(found, n, "%s", path);
	return NULL;
}

struct be_map *
be_map_load(const char *path, struct be_err *e)
{
	static const char *const keys[] = { "kind", "version", "name",
	    "columns", "defaults", NULL };
	static const char *const dkeys[] = { "channel", "gemeente", NULL };
	struct be_ynode *doc = NULL;
	const struct be_ynode *cols, *d, *k, *v;
	struct be_buf b = BE_BUF_INIT;
	struct be_map *m;
	char name[1024];
	const char *s;
	FILE *fp;
	size_t i;
	int f, rc;

	if ((fp = map_open(path, name, sizeof name)) == NULL) {
		be_err_set(e, "cannot open '%s': %s", path, strerror(errno));
		return NULL;
	}
	m = be_xcalloc(1, sizeof *m);
	rc = be_yaml_load1(fp, name, &doc, e);
	fclose(fp);
	if (rc < 0 || be_ydoc_check(doc, "map", name, e) < 0 ||
	    be_ymap_check(doc, keys, name, e) < 0 ||
	    be_yget_str(doc, "name", 0, &s, name, e) < 0 ||
	    be_yget_map(doc, "columns", 1, &cols, name, e) < 0 ||
	    be_yget_map(doc, "defaults", 0, &d, name, e) < 0 ||
	    (d && be_ymap_check(d, dkeys, name, e) < 0))
		goto fail;
	m->name = s ? be_xstrdup(s) : NULL;
	m->pat = be_xcalloc(cols->n + 1, sizeof *m->pat);
	m->field = be_xcalloc(cols->n + 1, sizeof *m->field);
	for (i = 0; i < cols->n; i++) {
		k = cols->items[2 * i];
		v = cols->items[2 * i + 1];
		if (v->kind != BE_YSCALAR || (f = be_field_parse(v->str)) < 0) {
			be_yerr(e, name, v, "unknown field; use text, date, "
			    "channel, gemeente, consent, use, route, pass-on, "
			    "response, name, email, phone, address, attr or "
			    "ignore");
			goto fail;
		}
		be_buf_reset(&b);
		if (strchr(k->str, '*'))
			fold(&b, k->str);
		else
			be_colmap_norm(&b, k->str);
		m->pat[m->n] = be_buf_detach(&b);
		m->field[m->n++] = f;
	}
	for (i = 0; d && i < d->n; i++) {
		v = d->items[2 * i + 1];
		if (v->kind != BE_YSCALAR) {
			be_yerr(e, name, v, "a default must be a single value");
			goto fail;
		}
		f = be_field_parse(d->items[2 * i]->str);
		free(m->dflt[f]);
		m->dflt[f] = be_ynode_isnull(v) ? NULL : be_xstrdup(v->str);
	}
	be_ynode_free(doc);
	be_buf_release(&b);
	return m;
fail:
	be_ynode_free(doc);
	be_buf_release(&b);
	be_map_free(m);
	return NULL;
}

static char *
trimmed(const char *s)
{
	size_t len;

	while (*s == ' ' || *s == '\t')
		s++;
	len = strlen(s);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[len - 1] == '\r' || s[len - 1] == '\n'))
		len--;
	return be_xstrndup(s, len);
}

int
be_colmap_build(struct be_colmap *cm, char *const *h, size_t n,
    const struct be_map *map, size_t *bad, struct be_err *e)
{
	size_t i;
	int f;
	char key[32];

	cm->n = n;
	cm->field = be_xcalloc(n ? n : 1, sizeof *cm->field);
	cm->key = be_xcalloc(n ? n : 1, sizeof *cm->key);
	for (f = 0; f < BE_F_N; f++)
		cm->col[f] = -1;
	for (i = 0; i < n; i++) {
		cm->key[i] = trimmed(h[i]);
		if (cm->key[i][0] == '\0') {
			free(cm->key[i]);
			snprintf(key, sizeof key, "column %zu", i + 1);
			cm->key[i] = be_xstrdup(key);
		}
		f = map ? map_lookup(map, h[i]) : -1;
		if (f < 0 && (f = be_colmap_field(h[i])) < 0) {
			*bad = i;
			return be_err_set(e, "column '%s' asks leave to use "
			    "the story and to contact the teller in one "
			    "answer; map it with -m as use or consent",
			    cm->key[i]);
		}
		if (f == BE_F_USE && cm->col[f] >= 0) {
			*bad = i;
			return be_err_set(e, "second column about use '%s' "
			    "(column %ld is one already); map one of them "
			    "with -m", cm->key[i], cm->col[f] + 1);
		}
		if (f == BE_F_TEXT && cm->col[f] >= 0) {
			*bad = i;
			return be_err_set(e, "second story text column '%s' "
			    "(column %ld is one already); map one of them "
			    "with -m", cm->key[i], cm->col[f] + 1);
		}
		if (f >= BE_F_DATE && f <= BE_F_RESPONSE && cm->col[f] >= 0)
			f = BE_F_ATTR;
		if (cm->col[f] < 0)
			cm->col[f] = (long)i;
		cm->field[i] = f;
	}
	if (cm->col[BE_F_TEXT] < 0) {
		*bad = n;
		return be_err_set(e, "no story text column: name one 'Verhaal' "
		    "or 'Story', or choose one with --text-column or -m");
	}
	return 0;
}

void
be_colmap_release(struct be_colmap *cm)
{
	size_t i;

	for (i = 0; i < cm->n; i++)
		free(cm->key[i]);
	free(cm->key);
	free(cm->field);
	memset(cm, 0, sizeof *cm);
}

int
be_colmap_set_text(struct be_colmap *cm, const char *which,
    struct be_err *e)
{
	struct be_buf a = BE_BUF_INIT, b = BE_BUF_INIT;
	char *end;
	long k = -1, num;
	size_t i;

	num = strtol(which, &end, 10);
	if (*which && *end == '\0' && num >= 1 && (size_t)num <= cm->n)
		k = num - 1;
	be_colmap_norm(&a, which);
	for (i = 0; k < 0 && i < cm->n; i++) {
		be_buf_reset(&b);
		be_colmap_norm(&b, cm->key[i]);
		if (strcmp(a.s, b.s) == 0)
			k = (long)i;
	}
	be_buf_release(&a);
	be_buf_release(&b);
	if (k < 0)
		return be_err_set(e, "no column '%s' for the story text; give "
		    "its header or its number", which);
	if (cm->col[BE_F_TEXT] >= 0)
		cm->field[cm->col[BE_F_TEXT]] = BE_F_ATTR;
	cm->field[k] = BE_F_TEXT;
	cm->col[BE_F_TEXT] = k;
	return 0;
}

/* Does a header (normalised) speak of a story? */
static int
story_header(const char *h)
{
	static const char *const stems[] = { "vertel", "verhaal", "ervaring",
	    "story", "experience", "beleving", NULL };
	int i;

	for (i = 0; stems[i]; i++)
		if (strstr(h, stems[i]))
			return 1;
	return 0;
}

long
be_colmap_pick_text(struct be_colmap *cm, char **const *rows,
    const size_t *nf, size_t nrows, struct be_err *e)
{
	struct be_buf h = BE_BUF_INIT;
	double words, len, best = 0, second = 0, bestlen = 0;
	long k = -1, k2 = -1, told = -1;
	size_t i, r, nans;
	const char *p;
	int told_n = 0, inword;

	for (i = 0; i < cm->n; i++) {
		if (cm->field[i] != BE_F_ATTR)
			continue;
		words = len = 0;
		nans = 0;
		for (r = 0; r < nrows; r++) {
			if (i >= nf[r] || rows[r][i][strspn(rows[r][i],
			    " \t\r\n")] == '\0')
				continue;
			nans++;
			for (p = rows[r][i], inword = 0; *p; p++) {
				if (*p == ' ' || *p == '\t' || *p == '\n' ||
				    *p == '\r')
					inword = 0;
				else if (!inword) {
					inword = 1;
					words++;
				}
			}
			len += (double)strlen(rows[r][i]);
		}
		if (nans == 0 || words / (double)nans < 3)
			continue;
		be_buf_reset(&h);
		be_colmap_norm(&h, cm->key[i]);
		if (story_header(h.s)) {
			told = (long)i;
			told_n++;
		}
		words /= (double)nans;
		if (words > best || (words == best && len > bestlen)) {
			second = best;
			k2 = k;
			best = words;
			bestlen = len;
			k = (long)i;
		} else if (words > second) {
			second = words;
			k2 = (long)i;
		}
	}
	be_buf_release(&h);
	if (told_n == 1)
		k = told, k2 = -1;
	if (k < 0)
		return be_err_set(e, "no story text column: name one 'Verhaal' "
		    "or 'Story', or choose one with --text-column or -m"), -1;
	if (k2 >= 0 && second >= 0.9 * best)
		return be_err_set(e, "columns '%s' and '%s' both look like the "
		    "story text; choose one with --text-column or -m",
		    cm->key[k], cm->key[k2]), -1;
	cm->field[k] = BE_F_TEXT;
	cm->col[BE_F_TEXT] = k;
	return k;
}

static int
is_word(const char *v, const char *w)
{
	size_t n = strlen(w);

	return strncmp(v, w, n) == 0 && (v[n] == '\0' ||
	    !((v[n] >= 'a' && v[n] <= 'z') || (v[n] >= '0' && v[n] <= '9')));
}

int
be_consent_yes(const char *v)
{
	static const char *const yes[] = { "ja", "j", "yes", "y", "true",
	    "waar", "1", "x", "ok", "akkoord", "agree", "toestemming",
	    "ik geef toestemming", NULL };
	static const char *const starts[] = { "ja", "yes", "ik ga akkoord",
	    "i agree", "akkoord", "ik geef toestemming", NULL };
	struct be_buf b = BE_BUF_INIT;
	int i, r = 0;

	be_colmap_norm(&b, v);
	for (i = 0; yes[i] && !r; i++)
		r = strcmp(b.s, yes[i]) == 0;
	for (i = 0; starts[i] && !r; i++)
		r = is_word(b.s, starts[i]);
	be_buf_release(&b);
	return r;
}

/* 1 when one of the words of the list is a word of the folded header. */
static int
has_word(const char *h, const char *const *list)
{
	const char *p = h, *w;
	size_t n;
	int i;

	while (*p) {
		while (*p && !((*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9')))
			p++;
		for (w = p; (*p >= 'a' && *p <= 'z') || (*p >= '0' &&
		    *p <= '9'); p++)
			;
		n = (size_t)(p - w);
		for (i = 0; n && list[i]; i++)
			if (strlen(list[i]) == n && strncmp(w, list[i], n) == 0)
				return 1;
	}
	return 0;
}

int
be_colmap_field(const char *header)
{
	int f = be_colmap_synonym(header);

	if (f != BE_F_ATTR)
		return f;
	switch (be_colmap_use_header(header)) {
	case 1:
		return BE_F_USE;
	case 2:
		return -1;
	}
	return BE_F_ATTR;
}

int
be_colmap_use_header(const char *header)
{
	static const char *const use[] = { "gebruik", "gebruiken",
	    "gebruikt", "delen", "gedeeld", "publiceren", "gepubliceerd",
	    "citeren", "geciteerd", "anoniem", "use", "used", "share",
	    "shared", "publish", "published", "quote", "quoted", NULL };
	static const char *const leave[] = { "mag", "mogen", "toestemming",
	    "akkoord", "bezwaar", "may", "permission", "consent", "agree",
	    "allow", "verhaal", "ervaring", "story", "experience", NULL };
	static const char *const story[] = { "verhaal", "ervaring",
	    "story", NULL };
	static const char *const ask[] = { "toestemming", "consent", NULL };
	static const char *const contact[] = { "contact", "benaderen",
	    "bellen", "terugbellen", "mailen", "contacted", "contacten",
	    NULL };
	static const char *const alone[] = { "gebruik", "gebruiken",
	    "anoniem gebruiken", "delen", "publiceren", "citeren", "use",
	    "toestemming gebruik", "consent to use", NULL };
	struct be_buf b = BE_BUF_INIT;
	int i, r = 0;

	be_colmap_norm(&b, header);
	for (i = 0; alone[i] && !r; i++)
		r = strcmp(b.s, alone[i]) == 0;
	if (!r)
		r = (has_word(b.s, use) && has_word(b.s, leave)) ||
		    (has_word(b.s, ask) && has_word(b.s, story));
	if (r && has_word(b.s, contact))
		r = 2;
	be_buf_release(&b);
	return r;
}

int
be_use_answer(const char *v)
{
	static const char *const count[] = { "tellen", "meetellen",
	    "geteld", "cijfers", "statistiek", "statistieken", "count",
	    "counted", "counting", NULL };
	static const char *const noquote[] = { "niet citeren",
	    "niet letterlijk", "geen citaat", "geen citaten",
	    "niet geciteerd", "not quote", "not be quoted", "don't quote",
	    "dont quote", "no quotes", "no quote", "without quotes",
	    "zonder citaat", "zonder citaten", NULL };
	static const char *const yes[] = { "ja", "j", "yes", "y", "true",
	    "waar", "1", "x", "ok", "akkoord", "agree", "toestemming",
	    "ik geef toestemming", "quote", "citeren", "mag geciteerd worden",
	    "mag gebruikt worden", NULL };
	static const char *const yes_starts[] = { "ja", "yes", "akkoord",
	    "ik ga akkoord", "i agree", NULL };
	static const char *const no[] = { "nee", "n", "no", "false", "onwaar",
	    "0", "geen toestemming", "liever niet", "niet gebruiken", "niet",
	    "ik geef geen toestemming", NULL };
	static const char *const no_starts[] = { "nee", "no", NULL };
	struct be_buf b = BE_BUF_INIT;
	int i, r = -1;

	be_colmap_norm(&b, v);
	if (b.len == 0)
		r = -2;
	else if (has_word(b.s, count))
		r = BE_USE_COUNT;
	for (i = 0; noquote[i] && r == -1; i++)
		if (strstr(b.s, noquote[i]))
			r = BE_USE_COUNT;
	for (i = 0; no[i] && r == -1; i++)
		if (strcmp(b.s, no[i]) == 0)
			r = BE_USE_NO;
	for (i = 0; no_starts[i] && r == -1; i++)
		if (is_word(b.s, no_starts[i]))
			r = BE_USE_NO;
	for (i = 0; yes[i] && r == -1; i++)
		if (strcmp(b.s, yes[i]) == 0)
			r = BE_USE_QUOTE;
	for (i = 0; yes_starts[i] && r == -1; i++)
		if (is_word(b.s, yes_starts[i]))
			r = BE_USE_QUOTE;
	if (r == -1 && (r = be_use_parse(b.s)) < 0)
		r = -1;
	be_buf_release(&b);
	return r;
}

const char *
be_route_parse(const char *v, int *ok)
{
	static const struct {
		const char *in, *out;
	} routes[] = {
		{ "", NULL }, { "nee", NULL }, { "no", NULL }, { "geen", NULL },
		{ "none", NULL }, { "-", NULL }, { "n.v.t.", NULL },
		{ "nvt", NULL },
		{ "klachtencommissie", "klachtencommissie" },
		{ "klacht", "klachtencommissie" },
		{ "klachten", "klachtencommissie" },
		{ "complaint", "klachtencommissie" },
		{ "complaints committee", "klachtencommissie" },
		{ "bezwaar", "bezwaar" }, { "bezwaar en beroep", "bezwaar" },
		{ "objection", "bezwaar" },
		{ "clientondersteuner", "clientondersteuner" },
		{ "clientondersteuning", "clientondersteuner" },
		{ "client support", "clientondersteuner" },
		{ "clientondersteuning wmo", "clientondersteuner" },
		{ "wijkteam", "wijkteam" }, { "sociaal wijkteam", "wijkteam" },
		{ "buurtteam", "wijkteam" },
		{ "neighbourhood team", "wijkteam" },
		{ "ombudsman", "ombudsman" },
		{ "ombudsvrouw", "ombudsman" },
		{ "te routeren", "te-routeren" },
		{ "te-routeren", "te-routeren" },
		{ "hulpvraag", "te-routeren" },
		{ "help request", "te-routeren" },
	};
	struct be_buf b = BE_BUF_INIT;
	const char *r = NULL;
	size_t i;

	*ok = 0;
	be_colmap_norm(&b, v);
	for (i = 0; i < sizeof routes / sizeof routes[0]; i++)
		if (strcmp(b.s, routes[i].in) == 0) {
			r = routes[i].out;
			*ok = 1;
			break;
		}
	be_buf_release(&b);
	return r;
}
