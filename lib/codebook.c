/* codebook.c: see codebook.h. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fhash.h"
#include "codebook.h"
#include "lits.h"
#include "mem.h"
#include "ydoc.h"
#include "banned.h"

#define MAXFILE (16 * 1024 * 1024)
#define MAXWORDS 5
#define MAXWORD 60

static const char *const top_keys[] = {
	"kind", "version", "name", "description", "themes", "sets", NULL
};
static const char *const theme_keys[] = {
	"name", "description", "parent", "colour", "guid", "codable",
	"match", "unless", "examples", NULL
};
static const char *const example_keys[] = { "match", "nomatch", NULL };
static const char *const set_keys[] = {
	"name", "description", "guid", "themes", NULL
};

int
be_theme_name_ok(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (*p == '\0' || *p == '-' || *p == '_')
		return 0;
	for (; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_' || *p >= 0x80))
			return 0;
	return 1;
}

long
be_codebook_find(const struct be_codebook *cb, const char *name)
{
	size_t i;

	for (i = 0; i < cb->nthemes; i++)
		if (strcmp(cb->themes[i].name, name) == 0)
			return (long)i;
	return -1;
}

/* Length of the UTF-8 sequence led by c. */
static size_t
u8len(unsigned char c)
{
	if (c < 0xc0)
		return 1;
	if (c < 0xe0)
		return 2;
	if (c < 0xf0)
		return 3;
	return 4;
}

/*
 * The place in the file of byte off of the scalar n, for a scalar on one
 * line written plain, in single or in double quotes.  Else n's place.
 */
static void
scalar_pos(const char *buf, size_t len, const struct be_ynode *n,
    size_t off, unsigned long *line, unsigned long *col)
{
	const char *p = buf, *end = buf + len;
	unsigned long l = 1, c;
	size_t done = 0, k;
	int q;

	*line = n->line;
	*col = n->col;
	if (memchr(n->str, '\n', n->len) || off > n->len)
		return;
	while (p < end && l < n->line)
		if (*p++ == '\n')
			l++;
	for (c = 1; p < end && c < n->col && *p != '\n'; c++)
		p += u8len((unsigned char)*p);
	if (p >= end || c != n->col)
		return;
	q = *p == '\'' || *p == '"' ? *p : 0;
	if (!q && !n->plain)
		return;		/* a block scalar */
	if (q) {
		p++;
		c++;
	}
	while (done < off) {
		if (p >= end || *p == '\n')
			return;
		if (q == '\'' && p[0] == '\'' && p + 1 < end && p[1] == '\'') {
			p += 2, c += 2, done++;
			continue;
		}
		if (q == '"' && *p == '\\' && p + 1 < end) {
			k = p[1] == 'x' ? 4 : p[1] == 'u' ? 6 : p[1] == 'U' ?
			    10 : 2;
			p += k, c += k;
			done++;
			while (done < off && (n->str[done] & 0xc0) == 0x80)
				done++;
			continue;
		}
		k = u8len((unsigned char)*p);
		p += k, done += k, c++;
	}
	*line = l;
	*col = c;
}

static void
theme_release(struct be_cb_theme *t)
{
	size_t i;

	free(t->name);
	free(t->description);
	free(t->parent);
	free(t->colour);
	free(t->guid);
	for (i = 0; i < t->nmatch; i++) {
		free(t->match[i].src);
		be_rx_free(t->match[i].rx);
	}
	for (i = 0; i < t->nunless; i++) {
		free(t->unless[i].src);
		be_rx_free(t->unless[i].rx);
	}
	free(t->match);
	free(t->unless);
	for (i = 0; i < t->nyes; i++)
		free(t->yes[i].text);
	for (i = 0; i < t->nno; i++)
		free(t->no[i].text);
	free(t->yes);
	free(t->no);
}

const struct be_err *
be_codebook_warnings(const struct be_codebook *cb, size_t *n)
{
	*n = cb->nwarns;
	return cb->warns;
}

void
be_codebook_size(const struct be_codebook *cb, size_t *nthemes,
    size_t *npats)
{
	*nthemes = cb->nthemes;
	*npats = cb->npats;
}

void
be_codebook_free(struct be_codebook *cb)
{
	size_t i;

	if (cb == NULL)
		return;
	for (i = 0; i < cb->nthemes; i++)
		theme_release(&cb->themes[i]);
	free(cb->themes);
	for (i = 0; i < cb->nsets; i++) {
		free(cb->sets[i].name);
		free(cb->sets[i].description);
		free(cb->sets[i].guid);
		free(cb->sets[i].members);
	}
	free(cb->sets);
	free(cb->path);
	free(cb->name);
	free(cb->description);
	free(cb->perr);
	free(cb->hash);
	be_lits_free(cb->lits);
	free(cb->warns);
	free(cb->pats);
	free(cb->always);
	free(cb->lead);
	free(cb);
}

static char *
dupnull(const char *s)
{
	return s ? be_xstrdup(s) : NULL;
}

/* A list of strings under key in map: a sequence of scalars. */
static int
get_list(const struct be_ynode *map, const char *key,
    const struct be_ynode **seq, const char *name, struct be_err *e)
{
	size_t i;

	if (be_yget_seq(map, key, 0, seq, name, e) < 0)
		return -1;
	if (*seq == NULL)
		return 0;
	for (i = 0; i < (*seq)->n; i++)
		if ((*seq)->items[i]->kind != BE_YSCALAR ||
		    be_ynode_isnull((*seq)->items[i]))
			return be_yerr(e, name, (*seq)->items[i],
			    "each item of '%s' must be a string", key);
	return 0;
}

static int
load_pats(const char *buf, size_t len, const char *name,
    const struct be_ynode *seq, const char *tname, struct be_cb_pat **out,
    size_t *nout, struct be_codebook *cb, struct be_err *e)
{
	struct be_err pe;
	size_t i, off;
	unsigned long l, c;

	if (seq == NULL)
		return 0;
	*out = be_xcalloc(seq->n ? seq->n : 1, sizeof **out);
	for (i = 0; i < seq->n; i++) {
		const struct be_ynode *n = seq->items[i];
		struct be_cb_pat *p = &(*out)[*nout];

		be_err_init(&pe);
		off = 0;
		p->rx = be_rx_compile(n->str, n->len, 0, &off, &pe);
		if (p->rx == NULL) {
			scalar_pos(buf, len, n, off, &l, &c);
			be_err_at(e, name, l, c, "theme '%s': %s", tname,
			    pe.msg);
			if (!cb->collect)
				return -1;
			/* Every bad pattern is listed: go on. */
			BE_GROW(cb->perr, cb->nperr + 1, cb->aperr);
			cb->perr[cb->nperr++] = *e;
			continue;
		}
		p->src = be_xstrdup(n->str);
		p->line = n->line;
		p->col = n->col;
		(*nout)++;
	}
	return 0;
}

static void
load_examples(const struct be_ynode *seq, struct be_cb_ex **out,
    size_t *nout)
{
	size_t i;

	if (seq == NULL)
		return;
	*out = be_xcalloc(seq->n ? seq->n : 1, sizeof **out);
	for (i = 0; i < seq->n; i++) {
		(*out)[i].text = be_xstrdup(seq->items[i]->str);
		(*out)[i].line = seq->items[i]->line;
		(*out)[i].col = seq->items[i]->col;
	}
	*nout = seq->n;
}

static int
colour_ok(const char *s)
{
	size_t i;

	if (s[0] != '#' || strlen(s) != 7)
		return 0;
	for (i = 1; i < 7; i++)
		if (!strchr("0123456789abcdefABCDEF", s[i]))
			return 0;
	return 1;
}

/* A GUID as REFI-QDA writes it: 8-4-4-4-12 hex digits, braces allowed. */
int
be_guid_ok(const char *s)
{
	size_t i, n = strlen(s), off = 0;

	if (n == 38 && s[0] == '{' && s[37] == '}')
		off = 1;
	else if (n != 36)
		return 0;
	for (i = 0; i < 36; i++) {
		char c = s[off + i];

		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (c != '-')
				return 0;
		} else if (!strchr("0123456789abcdefABCDEF", c))
			return 0;
	}
	return 1;
}

static int
load_theme(const char *buf, size_t len, const char *name,
    const struct be_ynode *m, struct be_codebook *cb, struct be_err *e)
{
	struct be_cb_theme *t = &cb->themes[cb->nthemes];
	const struct be_ynode *mseq, *useq, *ex, *yes = NULL, *no = NULL;
	const char *tname, *desc, *parent, *colour, *guid;
	char q[80];
	size_t i;
	int codable;

	if (m->kind != BE_YMAP)
		return be_yerr(e, name, m, "each theme must be a map");
	if (be_ymap_check(m, theme_keys, name, e) < 0 ||
	    be_yget_str(m, "name", 1, &tname, name, e) < 0 ||
	    be_yget_str(m, "description", 0, &desc, name, e) < 0 ||
	    be_yget_str(m, "parent", 0, &parent, name, e) < 0 ||
	    be_yget_str(m, "colour", 0, &colour, name, e) < 0 ||
	    be_yget_str(m, "guid", 0, &guid, name, e) < 0 ||
	    be_yget_bool(m, "codable", 0, 1, &codable, name, e) < 0 ||
	    get_list(m, "match", &mseq, name, e) < 0 ||
	    get_list(m, "unless", &useq, name, e) < 0 ||
	    be_yget_map(m, "examples", 0, &ex, name, e) < 0)
		return -1;
	if (!be_theme_name_ok(tname))
		return be_yerr(e, name, be_ymap_get(m, "name"),
		    "theme name '%s' must be lower case letters, digits, "
		    "'-' or '_'", be_yquote(tname, q, sizeof q));
	for (i = 0; i < cb->nthemes; i++)
		if (strcmp(cb->themes[i].name, tname) == 0)
			return be_yerr(e, name, be_ymap_get(m, "name"),
			    "duplicate theme '%s' (first at line %lu)", tname,
			    cb->themes[i].line);
	if (colour && !colour_ok(colour))
		return be_yerr(e, name, be_ymap_get(m, "colour"),
		    "colour must be \"#rrggbb\" (in quotes)");
	/* "colour: #d62728" unquoted: '#' starts a comment. */
	if (be_ymap_get(m, "colour") != NULL &&
	    be_ynode_isnull(be_ymap_get(m, "colour"))) {
		BE_RESIZE(cb->warns, cb->nwarns + 1);
		be_err_init(&cb->warns[cb->nwarns]);
		be_yerr(&cb->warns[cb->nwarns++], name,
		    be_ymap_get(m, "colour"), "theme '%s' has no colour: "
		    "'#' starts a comment; write the colour in quotes, "
		    "colour: \"#d62728\"", tname);
	}
	if (guid && !be_guid_ok(guid))
		return be_yerr(e, name, be_ymap_get(m, "guid"),
		    "guid must be a GUID: 8-4-4-4-12 hexadecimal digits");
	if (ex && (be_ymap_check(ex, example_keys, name, e) < 0 ||
	    get_list(ex, "match", &yes, name, e) < 0 ||
	    get_list(ex, "nomatch", &no, name, e) < 0))
		return -1;
	cb->nthemes++;
	t->name = be_xstrdup(tname);
	t->line = be_ymap_get(m, "name")->line;
	t->col = be_ymap_get(m, "name")->col;
	t->description = dupnull(desc);
	t->parent = dupnull(parent);
	t->guid = dupnull(guid);
	t->codable = codable;
	t->parent_ix = -1;
	if (colour) {
		t->colour = be_xstrdup(colour);
		for (i = 1; i < 7; i++)
			if (t->colour[i] >= 'A' && t->colour[i] <= 'F')
				t->colour[i] += 'a' - 'A';
	}
	if (load_pats(buf, len, name, mseq, tname, &t->match, &t->nmatch,
	    cb, e) < 0 || load_pats(buf, len, name, useq, tname, &t->unless,
	    &t->nunless, cb, e) < 0)
		return -1;
	load_examples(yes, &t->yes, &t->nyes);
	load_examples(no, &t->no, &t->nno);
	return 0;
}

/* Resolves parents and refuses unknown ones and cycles. */
static int
link_parents(struct be_codebook *cb, const struct be_ynode *themes,
    const char *name, struct be_err *e)
{
	struct be_buf path = BE_BUF_INIT;
	size_t i, k;
	long j;

	for (i = 0; i < cb->nthemes; i++) {
		struct be_cb_theme *t = &cb->themes[i];

		if (t->parent == NULL)
			continue;
		t->parent_ix = be_codebook_find(cb, t->parent);
		if (t->parent_ix < 0)
			return be_yerr(e, name, be_ymap_get(themes->items[i],
			    "parent"), "unknown parent '%s' of theme '%s'",
			    t->parent, t->name);
	}
	for (i = 0; i < cb->nthemes; i++) {
		j = cb->themes[i].parent_ix;
		for (k = 0; j >= 0 && k <= cb->nthemes; k++) {
			if ((size_t)j == i)
				break;
			j = cb->themes[j].parent_ix;
		}
		if (j < 0 || (size_t)j != i)
			continue;
		be_buf_addf(&path, "'%s'", cb->themes[i].name);
		for (j = cb->themes[i].parent_ix; (size_t)j != i;
		    j = cb->themes[j].parent_ix)
			be_buf_addf(&path, " -> '%s'", cb->themes[j].name);
		be_buf_addf(&path, " -> '%s'", cb->themes[i].name);
		be_yerr(e, name, be_ymap_get(themes->items[i], "parent"),
		    "parent cycle: %s", path.s);
		be_buf_release(&path);
		return -1;
	}
	return 0;
}

/* The sets: each a name, perhaps a description and a guid, its themes. */
static int
load_sets(const struct be_ynode *doc, const char *name,
    struct be_codebook *cb, struct be_err *e)
{
	const struct be_ynode *seq, *m, *th;
	const char *sname, *desc, *guid;
	size_t i, j;
	long k;

	if (be_yget_seq(doc, "sets", 0, &seq, name, e) < 0)
		return -1;
	if (seq == NULL)
		return 0;
	cb->sets = be_xcalloc(seq->n ? seq->n : 1, sizeof *cb->sets);
	for (i = 0; i < seq->n; i++) {
		struct be_cb_set *st = &cb->sets[i];

		m = seq->items[i];
		if (m->kind != BE_YMAP)
			return be_yerr(e, name, m, "each set must be a map");
		if (be_ymap_check(m, set_keys, name, e) < 0 ||
		    be_yget_str(m, "name", 1, &sname, name, e) < 0 ||
		    be_yget_str(m, "description", 0, &desc, name, e) < 0 ||
		    be_yget_str(m, "guid", 0, &guid, name, e) < 0 ||
		    get_list(m, "themes", &th, name, e) < 0)
			return -1;
		if (guid && !be_guid_ok(guid))
			return be_yerr(e, name, be_ymap_get(m, "guid"),
			    "guid must be a GUID: 8-4-4-4-12 hexadecimal "
			    "digits");
		cb->nsets++;
		st->name = be_xstrdup(sname);
		st->description = dupnull(desc);
		st->guid = dupnull(guid);
		st->members = be_xcalloc(th && th->n ? th->n : 1,
		    sizeof *st->members);
		for (j = 0; th && j < th->n; j++) {
			if ((k = be_codebook_find(cb, th->items[j]->str)) < 0)
				return be_yerr(e, name, th->items[j],
				    "unknown theme '%s' in set '%s'",
				    th->items[j]->str, sname);
			st->members[st->nmembers++] = k;
		}
	}
	return 0;
}

/* Gives every pattern a pre-filter id and builds the scanner. */
static void
build_filter(struct be_codebook *cb)
{
	char *const *lits;
	size_t i, j, k, n, id = 0;
	int on = be_lits_enabled();

	for (i = 0; i < cb->nthemes; i++)
		cb->npats += cb->themes[i].nmatch + cb->themes[i].nunless;
	cb->pats = be_xcalloc(cb->npats ? cb->npats : 1, sizeof *cb->pats);
	cb->always = be_xcalloc(cb->npats ? cb->npats : 1, 1);
	cb->lead = be_xcalloc(cb->npats ? cb->npats : 1, sizeof *cb->lead);
	cb->lits = be_lits_new();
	for (i = 0; i < cb->nthemes; i++) {
		struct be_cb_theme *t = &cb->themes[i];

		for (j = 0; j < t->nmatch + t->nunless; j++) {
			struct be_cb_pat *p = j < t->nmatch ? &t->match[j] :
			    &t->unless[j - t->nmatch];

			p->id = id;
			cb->pats[id] = p;
			n = on ? be_rx_literals(p->rx, &lits, &cb->lead[id]) :
			    0;
			if (n == 0)
				cb->always[id] = 1;
			if (n && cb->lead[id].near >= 0)
				cb->windows = 1;
			for (k = 0; k < n; k++)
				be_lits_add(cb->lits, lits[k], (unsigned)id);
			if (n)
				cb->filtered = 1;
			id++;
		}
	}
	be_lits_build(cb->lits);
}

/*
 * be_codebook_parse; with errs, a bad pattern does not stop the loading
 * but is appended to *errs, and the loading fails at its end.
 */
static int
parse(const char *buf, size_t len, const char *name,
    struct be_codebook **out, struct be_err **errs, size_t *nerrs,
    struct be_err *e)
{
	struct be_codebook *cb;
	struct be_ynode *doc = NULL;
	const struct be_ynode *themes;
	const char *cbname, *desc;
	unsigned char h[32];
	char hex[65];
	size_t i;

	*out = NULL;
	if (be_yaml_load1_mem(buf, len, name, &doc, e) < 0)
		return -1;
	if (be_ydoc_check(doc, "codebook", name, e) < 0 ||
	    be_ymap_check(doc, top_keys, name, e) < 0 ||
	    be_yget_str(doc, "name", 1, &cbname, name, e) < 0 ||
	    be_yget_str(doc, "description", 0, &desc, name, e) < 0 ||
	    be_yget_seq(doc, "themes", 1, &themes, name, e) < 0) {
		be_ynode_free(doc);
		return -1;
	}
	cb = be_xcalloc(1, sizeof *cb);
	cb->path = be_xstrdup(name);
	cb->name = be_xstrdup(cbname);
	cb->description = dupnull(desc);
	cb->themes = be_xcalloc(themes->n ? themes->n : 1,
	    sizeof *cb->themes);
	cb->collect = errs != NULL;
	for (i = 0; i < themes->n; i++)
		if (load_theme(buf, len, name, themes->items[i], cb, e) < 0)
			goto fail;
	if (link_parents(cb, themes, name, e) < 0 ||
	    load_sets(doc, name, cb, e) < 0)
		goto fail;
	if (cb->nperr) {
		*e = cb->perr[0];
		goto fail;
	}
	be_ynode_free(doc);
	be_blake2b(h, sizeof h, buf, len);
	for (i = 0; i < sizeof h; i++)
		snprintf(hex + 2 * i, 3, "%02x", h[i]);
	cb->hash = be_xstrdup(hex);
	build_filter(cb);
	*out = cb;
	return 0;
fail:
	if (errs) {
		*errs = cb->perr;
		*nerrs = cb->nperr;
		cb->perr = NULL;
	}
	be_ynode_free(doc);
	be_codebook_free(cb);
	return -1;
}

int
be_codebook_parse(const char *buf, size_t len, const char *name,
    struct be_codebook **out, struct be_err *e)
{
	return parse(buf, len, name, out, NULL, NULL, e);
}

int
be_codebook_load(const char *path, struct be_codebook **cb,
    struct be_err *e)
{
	return be_codebook_load_all(path, cb, NULL, NULL, e);
}

int
be_codebook_load_all(const char *path, struct be_codebook **cb,
    struct be_err **errs, size_t *nerrs, struct be_err *e)
{
	struct be_buf b = BE_BUF_INIT;
	FILE *fp;
	char chunk[65536];
	size_t n;
	int rc;

	*cb = NULL;
	fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	if (fp == NULL)
		return be_err_set(e, "cannot open '%s': %s", path,
		    strerror(errno));
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		be_buf_add(&b, chunk, n);
		if (b.len > MAXFILE)
			break;
	}
	if (ferror(fp) || b.len > MAXFILE) {
		rc = b.len > MAXFILE ?
		    be_err_at(e, path, 0, 0, "codebook is larger than 16 MiB") :
		    be_err_at(e, path, 0, 0, "cannot read codebook: %s",
		    strerror(errno));
		if (fp != stdin)
			fclose(fp);
		be_buf_release(&b);
		return rc;
	}
	if (fp != stdin)
		fclose(fp);
	if (errs) {
		*errs = NULL;
		*nerrs = 0;
	}
	rc = parse(b.s, b.len, path, cb, errs, nerrs, e);
	be_buf_release(&b);
	return rc;
}

/* Evaluation. */

struct be_cb_eval {
	const struct be_codebook *cb;
	struct be_rx_ctx *ctx;
	struct be_buf fold;
	unsigned *marks;
	unsigned gen;
	struct be_lits_hits occ;	/* where literals begin, as found */
	size_t *oat, acap;		/* those offsets by id, sorted */
	size_t *ob, *oe;		/* npats: a pattern's part of oat */
	int same;			/* the fold kept the text's offsets */
	struct be_cb_hit *hits;
};

struct be_cb_eval *
be_cb_eval_new(const struct be_codebook *cb)
{
	struct be_cb_eval *ev = be_xcalloc(1, sizeof *ev);

	ev->cb = cb;
	ev->ctx = be_rx_ctx_new();
	be_buf_init(&ev->fold);
	ev->marks = be_xcalloc(cb->npats ? cb->npats : 1, sizeof *ev->marks);
	ev->ob = be_xcalloc(cb->npats ? cb->npats : 1, sizeof *ev->ob);
	ev->oe = be_xcalloc(cb->npats ? cb->npats : 1, sizeof *ev->oe);
	ev->hits = be_xcalloc(cb->nthemes ? cb->nthemes : 1,
	    sizeof *ev->hits);
	return ev;
}

static void
clear_hits(struct be_cb_eval *ev)
{
	size_t i;

	for (i = 0; i < ev->cb->nthemes; i++) {
		free(ev->hits[i].words);
		ev->hits[i].words = NULL;
		ev->hits[i].tagged = 0;
		ev->hits[i].pat = ev->hits[i].veto = -1;
	}
}

void
be_cb_eval_free(struct be_cb_eval *ev)
{
	if (ev == NULL)
		return;
	clear_hits(ev);
	free(ev->hits);
	free(ev->marks);
	free(ev->ob);
	free(ev->oe);
	free(ev->oat);
	be_lits_hits_release(&ev->occ);
	be_buf_release(&ev->fold);
	be_rx_ctx_free(ev->ctx);
	free(ev);
}

/*
 * Where the literals of each pattern occur: oat[ob[id]..oe[id]), in
 * order, for each id marked in this generation.  A counting sort by id,
 * and an insertion sort within an id: the scan finds the literals in the
 * order they end, so the offsets of one id are nearly in order.
 */
static void
index_occ(struct be_cb_eval *ev)
{
	const struct be_lits_hit *v = ev->occ.v;
	size_t k, c, id, pos = 0, n = ev->occ.n, at;

	for (k = 0; k < n; k++) {
		ev->oe[v[k].id] = 0;
		ev->ob[v[k].id] = (size_t)-1;
	}
	for (k = 0; k < n; k++)
		ev->oe[v[k].id]++;
	for (k = 0; k < n; k++) {
		id = v[k].id;
		if (ev->ob[id] == (size_t)-1) {
			ev->ob[id] = pos;
			pos += ev->oe[id];
			ev->oe[id] = ev->ob[id];
		}
	}
	BE_GROW(ev->oat, n, ev->acap);
	for (k = 0; k < n; k++) {
		id = v[k].id;
		at = v[k].at;
		for (c = ev->oe[id]++; c > ev->ob[id] && ev->oat[c - 1] > at;
		    c--)
			ev->oat[c] = ev->oat[c - 1];
		ev->oat[c] = at;
	}
}

/* Whether byte c can be part of a word character (\w under UCP). */
static int
wordbyte(unsigned char c)
{
	return c >= 0x80 || isalnum(c) || c == '_';
}

/* Where a match of a pattern with lead ld can begin at the earliest,
 * for its literal at byte at: not before start. */
static size_t
window(const char *text, size_t at, size_t start, struct be_lits_lead ld)
{
	size_t lo;

	if (at - start <= (size_t)ld.near)
		return start;
	lo = at - (size_t)ld.near;	/* then at a character, see below */
	if (ld.word)
		while (lo > start && wordbyte((unsigned char)text[lo - 1]))
			lo--;
	if (lo - start <= (size_t)ld.far)
		return start;
	lo -= (size_t)ld.far;
	/* At the first byte of a character: PCRE2 starts nowhere else. */
	while (lo > start && ((unsigned char)text[lo] & 0xc0) == 0x80)
		lo--;
	return lo;
}

/*
 * The leftmost match of p in text from byte start, as be_rx_exec finds
 * it; but not when none of p's literals occurred, and, when the lead of
 * p's literals bounds where a match can begin, only in the windows
 * before each literal found (merged when they touch).
 */
static int
search(struct be_cb_eval *ev, const struct be_cb_pat *p, const char *text,
    size_t len, size_t start, size_t *so, size_t *eo, struct be_err *e)
{
	const struct be_codebook *cb = ev->cb;
	const size_t *v = ev->oat;
	struct be_lits_lead ld;
	size_t k, end, lo = 0, hi, l2 = 0;
	int r;

	if (cb->always[p->id])
		return be_rx_exec(p->rx, ev->ctx, text, len, start, so, eo, e);
	if (ev->marks[p->id] != ev->gen)
		return 0;
	ld = cb->lead[p->id];
	if (!ev->same || ev->occ.full || ld.near < 0)
		return be_rx_exec(p->rx, ev->ctx, text, len, start, so, eo, e);
	end = ev->oe[p->id];
	for (k = ev->ob[p->id]; k < end && v[k] < start; k++)
		;
	if (k < end)
		lo = window(text, v[k], start, ld);
	while (k < end) {
		hi = v[k];
		for (k++; k < end && (l2 = window(text, v[k], start,
		    ld)) <= hi + 1; k++)
			hi = v[k];
		if ((r = be_rx_exec_in(p->rx, ev->ctx, text, len, lo, hi, so,
		    eo, e)) != 0)
			return r;
		lo = l2;
	}
	return 0;
}

/*
 * Whether p matches text, at text[*so..*eo); on an error *bad is theme i
 * and e says which pattern failed.
 */
static int
run(struct be_cb_eval *ev, const struct be_cb_pat *p, const char *text,
    size_t len, size_t i, size_t *so, size_t *eo, long *bad,
    struct be_err *e)
{
	struct be_err re;
	int r;

	be_err_init(&re);
	r = search(ev, p, text, len, 0, so, eo, &re);
	if (r < 0) {
		*bad = (long)i;
		return be_err_at(e, ev->cb->path, p->line, p->col,
		    "theme '%s': %s", ev->cb->themes[i].name, re.msg);
	}
	return r;
}

/* The distinct words p matches in text, joined by ", ", from its first
 * match at text[so..eo). */
static char *
words(struct be_cb_eval *ev, const struct be_cb_pat *p, const char *text,
    size_t len, size_t so, size_t eo)
{
	struct be_buf b = BE_BUF_INIT;
	struct be_err e;
	size_t seen[MAXWORDS], seenw[MAXWORDS];	/* offsets, widths */
	size_t start = 0, nseen = 0, i, w;
	int tries = 1;

	be_err_init(&e);
	for (;;) {
		w = eo - so;
		if (w > MAXWORD) {
			w = MAXWORD;
			while (w > 0 && (text[so + w] & 0xc0) == 0x80)
				w--;
		}
		if (w > 0) {
			for (i = 0; i < nseen; i++)
				if (seenw[i] == w &&
				    memcmp(text + seen[i], text + so, w) == 0)
					break;
			if (i == nseen) {
				seen[nseen] = so;
				seenw[nseen++] = w;
			}
		}
		if (eo >= len)
			break;
		start = eo > so ? eo : eo + u8len((unsigned char)text[eo]);
		if (nseen == MAXWORDS || tries++ >= 100 || start > len ||
		    search(ev, p, text, len, start, &so, &eo, &e) != 1)
			break;
	}
	be_buf_grow(&b, nseen * (MAXWORD + 2));
	for (i = 0; i < nseen; i++) {
		if (i)
			be_buf_add(&b, ", ", 2);
		be_buf_add(&b, text + seen[i], seenw[i]);
	}
	return be_buf_detach(&b);
}

/* Whether pattern p can match: it always runs, or its literals occur.
 * (search says the same; this saves the call for most patterns.) */
#define MAY(ev, p) ((ev)->cb->always[(p)->id] || \
	(ev)->marks[(p)->id] == (ev)->gen)

int
be_cb_eval(struct be_cb_eval *ev, const char *text, size_t len,
    const struct be_cb_hit **hits, long *bad, struct be_err *e)
{
	const struct be_codebook *cb = ev->cb;
	size_t i, j;
	int r;

	clear_hits(ev);
	*hits = ev->hits;
	if (!be_rx_utf8_ok(text, len)) {
		*bad = -1;
		return be_err_set(e, "text is not valid UTF-8");
	}
	be_rx_ctx_trust(ev->ctx, 1);
	if (++ev->gen == 0) {
		memset(ev->marks, 0, cb->npats * sizeof *ev->marks);
		ev->gen = 1;
	}
	if (cb->filtered) {
		be_buf_reset(&ev->fold);
		ev->same = be_lits_fold(text, len, &ev->fold);
		be_lits_scan(cb->lits, ev->fold.s, ev->fold.len, ev->marks,
		    ev->gen, cb->windows && ev->same ? &ev->occ : NULL);
		if (cb->windows && ev->same)
			index_occ(ev);
	}
	for (i = 0; i < cb->nthemes; i++) {
		const struct be_cb_theme *t = &cb->themes[i];
		struct be_cb_hit *h = &ev->hits[i];
		size_t so = 0, eo = 0, vso, veo;

		for (j = 0; j < t->nmatch && h->pat < 0; j++) {
			if (!MAY(ev, &t->match[j]))
				continue;
			if ((r = run(ev, &t->match[j], text, len, i, &so, &eo,
			    bad, e)) < 0)
				return -1;
			if (r)
				h->pat = (long)j;
		}
		if (h->pat < 0)
			continue;
		for (j = 0; j < t->nunless && h->veto < 0; j++) {
			if (!MAY(ev, &t->unless[j]))
				continue;
			if ((r = run(ev, &t->unless[j], text, len, i, &vso,
			    &veo, bad, e)) < 0)
				return -1;
			if (r)
				h->veto = (long)j;
		}
		if (h->veto >= 0)
			continue;
		h->tagged = 1;
		h->words = words(ev, &t->match[h->pat], text, len, so, eo);
	}
	return 0;
}

char *
be_cb_eval_take_words(struct be_cb_eval *ev, size_t i)
{
	char *w = ev->hits[i].words;

	ev->hits[i].words = NULL;
	return w;
}

static void
add_fail(struct be_err **fails, size_t *n, const struct be_codebook *cb,
    const struct be_cb_ex *x, const char *fmt, const char *a, const char *b)
{
	struct be_err *f;

	BE_RESIZE(*fails, *n + 1);
	f = &(*fails)[(*n)++];
	be_err_init(f);
	be_err_at(f, cb->path, x->line, x->col, fmt, a, b);
}

int
be_codebook_check(const struct be_codebook *cb, struct be_err **fails,
    size_t *nfails, size_t *nex, struct be_err *e)
{
	struct be_cb_eval *ev = be_cb_eval_new(cb);
	const struct be_cb_hit *hits;
	size_t i, j;
	long bad;

	*fails = NULL;
	*nfails = *nex = 0;
	for (i = 0; i < cb->nthemes; i++) {
		const struct be_cb_theme *t = &cb->themes[i];

		for (j = 0; j < t->nyes + t->nno; j++) {
			const struct be_cb_ex *x = j < t->nyes ? &t->yes[j] :
			    &t->no[j - t->nyes];
			const struct be_cb_hit *h;

			(*nex)++;
			if (be_cb_eval(ev, x->text, strlen(x->text), &hits,
			    &bad, e) < 0) {
				be_cb_eval_free(ev);
				return -1;
			}
			h = &hits[i];
			if (j < t->nyes && !h->tagged && h->veto >= 0)
				add_fail(fails, nfails, cb, x, "example does "
				    "not match theme '%s' (vetoed by unless "
				    "'%s')", t->name, t->unless[h->veto].src);
			else if (j < t->nyes && !h->tagged)
				add_fail(fails, nfails, cb, x, "example does "
				    "not match theme '%s'%s", t->name, "");
			else if (j >= t->nyes && h->tagged)
				add_fail(fails, nfails, cb, x, "example "
				    "matches theme '%s' but must not (rule "
				    "'%s')", t->name, t->match[h->pat].src);
		}
	}
	be_cb_eval_free(ev);
	return 0;
}

int
be_codebook_check_file(const char *path,
    void (*report)(const struct be_err *), size_t *nfails, size_t *nex,
    size_t *nthemes, size_t *npats)
{
	struct be_codebook *cb;
	struct be_err e, *fails, *bad;
	const struct be_err *warns;
	size_t nbad, nwarns, i;

	be_err_init(&e);
	if (be_codebook_load_all(path, &cb, &bad, &nbad, &e) < 0) {
		/* Every bad pattern, or the one fault that stopped it. */
		for (i = 0; i < nbad; i++)
			report(&bad[i]);
		if (nbad == 0 || memcmp(&e, &bad[0], sizeof e) != 0)
			report(&e);
		free(bad);
		return -1;
	}
	free(bad);
	if (be_codebook_check(cb, &fails, nfails, nex, &e) < 0) {
		report(&e);
		be_codebook_free(cb);
		return -1;
	}
	warns = be_codebook_warnings(cb, &nwarns);
	for (i = 0; i < nwarns; i++)
		report(&warns[i]);
	for (i = 0; i < *nfails; i++)
		report(&fails[i]);
	be_codebook_size(cb, nthemes, npats);
	free(fails);
	be_codebook_free(cb);
	return 0;
}
