/* ydoc.c: see ydoc.h. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

#include "mem.h"
#include "ctl.h"
#include "ydoc.h"
#include "banned.h"

/* One collection being built. */
struct frame {
	struct be_ynode *node;
	size_t cap;		/* slots in node->items */
	int wantval;		/* map: a key waits for its value */
};

/* Characters the scanner may read past the last value. */
#define SCANLIMIT	(8 * (size_t)BE_YAML_MAXSCALAR)

struct be_yreader {
	yaml_parser_t p;
	FILE *fp;
	char *name;
	int state;		/* 0 reading, 1 at end, -1 failed */
	struct be_err err;	/* the error, once failed */
	int one;		/* refuse a second document */
	size_t ndocs;		/* documents handed out */
	struct frame stack[BE_YAML_MAXDEPTH];
	int depth;
	struct be_ynode *root;
	/* The last chunk read, to place libyaml's reader errors. */
	unsigned char *chunk;
	size_t chunklen;
	size_t chunkoff;	/* byte offset of chunk[0] */
	unsigned long cline, ccol;	/* 1-based place of chunk[0] */
	int ioerr;		/* errno of a read error */
	int toolong;		/* the scanner ran too far from a value */
	yaml_mark_t last;	/* end of the last event */
	yaml_mark_t docstart;	/* start of the document being read */
	const char *mem;	/* reading from memory: mem[0..memlen) */
	size_t memlen, memoff;
};

static void
advance(unsigned long *line, unsigned long *col, const unsigned char *s,
    size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if ((s[i] & 0xc0) != 0x80)
			(*col)++;
	}
}

/*
 * libyaml's read handler.  It keeps a copy of what it hands over, since
 * libyaml reports a bad byte (invalid UTF-8, a control character) only
 * by its offset: the place is worked out from that copy.
 */
static int
readfn(void *data, unsigned char *buf, size_t size, size_t *got)
{
	struct be_yreader *r = data;
	size_t n;

	/*
	 * libyaml holds a scalar in memory until it ends.  Stop it when
	 * it has read far more than the longest scalar allowed (written
	 * with escapes) since the last value, so that memory stays
	 * bounded whatever the input.
	 */
	if (r->p.mark.index - r->last.index > SCANLIMIT) {
		r->toolong = 1;
		return 0;
	}
	advance(&r->cline, &r->ccol, r->chunk, r->chunklen);
	r->chunkoff += r->chunklen;
	r->chunklen = 0;
	if (r->mem) {
		n = r->memlen - r->memoff;
		if (n > size)
			n = size;
		memcpy(buf, r->mem + r->memoff, n);
		r->memoff += n;
	} else {
		n = fread(buf, 1, size, r->fp);
		if (n == 0 && ferror(r->fp)) {
			r->ioerr = errno ? errno : EIO;
			return 0;
		}
	}
	if (n) {
		r->chunk = be_xrealloc(r->chunk, n);
		memcpy(r->chunk, buf, n);
		r->chunklen = n;
	}
	*got = n;
	return 1;
}

static struct be_yreader *
reader_new(const char *name)
{
	struct be_yreader *r = be_xcalloc(1, sizeof *r);

	if (!yaml_parser_initialize(&r->p)) {
		/* Only when memory runs out: the same verdict as mem.h. */
		be_xmalloc(SIZE_MAX);
	}
	r->name = be_xstrdup(name ? name : "-");
	r->cline = 1;
	r->ccol = 1;
	yaml_parser_set_input(&r->p, readfn, r);
	return r;
}

struct be_yreader *
be_yaml_open(FILE *fp, const char *name)
{
	struct be_yreader *r = reader_new(name);

	r->fp = fp;
	return r;
}

void
be_yaml_close(struct be_yreader *r)
{
	if (r == NULL)
		return;
	yaml_parser_delete(&r->p);
	be_ynode_free(r->root);
	free(r->chunk);
	free(r->name);
	free(r);
}

void
be_ynode_free(struct be_ynode *n)
{
	size_t i, k;

	if (n == NULL)
		return;
	k = n->kind == BE_YMAP ? 2 * n->n : n->n;
	for (i = 0; i < k; i++)
		be_ynode_free(n->items[i]);
	free(n->items);
	free(n->str);
	free(n);
}

char *
be_yquote(const char *s, char *buf, size_t n)
{
	size_t i, j, max = 60;

	if (n == 0)
		return buf;
	for (i = j = 0; s[i] && j + 1 < n; i++) {
		unsigned char c = s[i];

		/* Cut before a character, not inside one. */
		if (i >= max && (c & 0xc0) != 0x80) {
			if (j + 4 < n) {
				memcpy(buf + j, "...", 3);
				j += 3;
			}
			break;
		}
		buf[j++] = c < 0x20 || c == 0x7f ? '?' : c;
	}
	buf[j] = '\0';
	return buf;
}

/* Fills r's error at libyaml mark m (0-based) and fails the reader. */
static int
fail(struct be_yreader *r, yaml_mark_t m, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
fail(struct be_yreader *r, yaml_mark_t m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	be_err_vat(&r->err, r->name, m.line + 1, m.column + 1, fmt, ap);
	va_end(ap);
	r->state = -1;
	return -1;
}

/*
 * libyaml's words for the faults people make, for the message catalogue:
 * they are translated where they are put into a message (be_err_tr).
 */
static const char *const libyaml_words[] __attribute__((unused)) = {
	N_("found character that cannot start any token"),
	N_("could not find expected ':'"),
	N_("found unexpected end of stream"),
	N_("did not find expected key"),
	N_("did not find expected node content"),
	N_("did not find expected '-' indicator"),
	N_("did not find expected ',' or ']'"),
	N_("did not find expected ',' or '}'"),
	N_("did not find expected comment or line break"),
	N_("block sequence entries are not allowed in this context"),
	N_("found unknown escape character"),
	N_("found a tab character that violates indentation"),
	N_("while scanning a simple key"),
	N_("while scanning a quoted scalar"),
	N_("while scanning a plain scalar"),
	N_("while scanning for the next token"),
	N_("while parsing a block mapping"),
	N_("while parsing a block collection"),
	N_("while parsing a flow sequence"),
	N_("while parsing a flow mapping"),
	N_("while parsing a block node"),
	N_("while parsing a flow node"),
};

/* Turns libyaml's own error into r's error. */
static int
fail_libyaml(struct be_yreader *r)
{
	yaml_parser_t *p = &r->p;
	unsigned long line, col;
	const char *what = p->problem ? p->problem : "unknown error";
	const unsigned char *at;
	size_t off;

	switch (p->error) {
	case YAML_MEMORY_ERROR:
		be_xmalloc(SIZE_MAX);	/* aborts, as mem.h does */
		break;
	case YAML_READER_ERROR:
		if (r->toolong)
			return fail(r, r->last, "scalar longer than 1 MiB");
		if (r->ioerr) {
			be_err_at(&r->err, r->name, 0, 0, "read error: %s",
			    strerror(r->ioerr));
			break;
		}
		line = r->cline;
		col = r->ccol;
		off = p->problem_offset;
		if (off > r->chunkoff) {
			if (off - r->chunkoff > r->chunklen)
				off = r->chunkoff + r->chunklen;
			advance(&line, &col, r->chunk, off - r->chunkoff);
		}
		be_err_at(&r->err, r->name, line, col, "%s", what);
		break;
	case YAML_SCANNER_ERROR:
	case YAML_PARSER_ERROR:
	default:
		/*
		 * A tab where a token should start is nearly always a tab
		 * used to indent: say so.
		 */
		at = p->buffer.pointer;
		if (p->error == YAML_SCANNER_ERROR &&
		    p->problem_mark.index == p->mark.index &&
		    at < p->buffer.last && *at == '\t') {
			return fail(r, p->problem_mark,
			    "tab character used for indentation: "
			    "indent with spaces");
		}
		/*
		 * A plain value with ": " in it (a Dutch sentence: "Mijn
		 * vraag: waarom ...") reads as a second key.
		 */
		if (p->error == YAML_SCANNER_ERROR && strcmp(what,
		    "mapping values are not allowed in this context") == 0)
			return fail(r, p->problem_mark, "a text with ': ' (a "
			    "colon and a space) in it; put the whole text "
			    "between double quotes (\"...\")");
		if (p->context)
			return fail(r, p->problem_mark, "%s (%s at %lu:%lu)",
			    be_err_tr(what), be_err_tr(p->context),
			    (unsigned long)p->context_mark.line + 1,
			    (unsigned long)p->context_mark.column + 1);
		return fail(r, p->problem_mark, "%s", be_err_tr(what));
	}
	r->state = -1;
	return -1;
}

static struct be_ynode *
node_new(enum be_ykind kind, yaml_mark_t m)
{
	struct be_ynode *n = be_xcalloc(1, sizeof *n);

	n->kind = kind;
	n->line = m.line + 1;
	n->col = m.column + 1;
	return n;
}

/* Makes room for k items in f's node. */
static void
reserve(struct frame *f, size_t k)
{
	BE_GROW(f->node->items, k, f->cap);
}

/*
 * Hangs n into the tree: as the root, an item of the open sequence, or a
 * key or value of the open map.  The tree stays whole at every step, so
 * that freeing the root frees everything after an error.
 */
static void
attach(struct be_yreader *r, struct be_ynode *n)
{
	struct frame *f;
	struct be_ynode *c;

	if (r->depth == 0) {
		r->root = n;
		return;
	}
	f = &r->stack[r->depth - 1];
	c = f->node;
	if (c->kind == BE_YSEQ) {
		reserve(f, c->n + 1);
		c->items[c->n++] = n;
	} else if (f->wantval) {
		c->items[2 * c->n - 1] = n;
		f->wantval = 0;
	} else {
		reserve(f, 2 * c->n + 2);
		c->items[2 * c->n] = n;
		c->items[2 * c->n + 1] = NULL;
		c->n++;
		f->wantval = 1;
	}
}

/* Nonzero when the open collection waits for a map key. */
static int
want_key(const struct be_yreader *r)
{
	const struct frame *f;

	if (r->depth == 0)
		return 0;
	f = &r->stack[r->depth - 1];
	return f->node->kind == BE_YMAP && !f->wantval;
}

static int
keycmp(const struct be_ynode *a, const struct be_ynode *b)
{
	size_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->str, b->str, n);

	if (c)
		return c;
	return a->len < b->len ? -1 : a->len > b->len;
}

static int
slotcmp(const void *a, const void *b)
{
	struct be_ynode *const *x = *(struct be_ynode *const *const *)a;
	struct be_ynode *const *y = *(struct be_ynode *const *const *)b;
	int c = keycmp(*x, *y);

	if (c)
		return c;
	return x < y ? -1 : x > y;
}

/*
 * The key of map that repeats an earlier key, the first such in the
 * document, or NULL.  Small maps are searched pairwise; big ones sorted,
 * so that a map of many keys costs n log n.
 */
static const struct be_ynode *
dupkey(const struct be_ynode *map)
{
	struct be_ynode ***v, **best = NULL;
	size_t i, j;

	if (map->n < 16) {
		for (j = 1; j < map->n; j++)
			for (i = 0; i < j; i++)
				if (keycmp(map->items[2 * i],
				    map->items[2 * j]) == 0)
					return map->items[2 * j];
		return NULL;
	}
	v = be_xmalloc(map->n * sizeof *v);
	for (i = 0; i < map->n; i++)
		v[i] = &map->items[2 * i];
	qsort(v, map->n, sizeof *v, slotcmp);
	for (i = 1; i < map->n; i++) {
		/* The second of a run of equal keys. */
		if (keycmp(*v[i], *v[i - 1]) == 0 &&
		    (i == 1 || keycmp(*v[i - 1], *v[i - 2]) != 0) &&
		    (best == NULL || v[i] < best))
			best = v[i];
	}
	free(v);
	return best ? *best : NULL;
}

/* Refuses an anchor or a tag on a node. */
static int
plain_node(struct be_yreader *r, const yaml_event_t *ev,
    const yaml_char_t *anchor, const yaml_char_t *tag)
{
	if (anchor)
		return fail(r, ev->start_mark,
		    "anchors are not supported: write the value out");
	if (tag)
		return fail(r, ev->start_mark,
		    "tags are not supported: remove the '!' tag");
	return 0;
}

static int
on_scalar(struct be_yreader *r, yaml_event_t *ev)
{
	struct be_ynode *n;
	size_t len = ev->data.scalar.length;
	unsigned cp;

	if (plain_node(r, ev, ev->data.scalar.anchor, ev->data.scalar.tag))
		return -1;
	if (len > BE_YAML_MAXSCALAR)
		return fail(r, ev->start_mark,
		    "scalar longer than 1 MiB");
	if (memchr(ev->data.scalar.value, '\0', len))
		return fail(r, ev->start_mark,
		    "scalar holds a NUL character");
	/* As written with an escape ("\e", "\x1b"): see ctl.h. */
	if (be_ctl_find((const char *)ev->data.scalar.value, len, &cp) < len)
		return fail(r, ev->start_mark, "control character U+%04X in a "
		    "scalar; remove it", cp);
	n = node_new(BE_YSCALAR, ev->start_mark);
	/* Take libyaml's copy rather than copy it again. */
	n->str = (char *)ev->data.scalar.value;
	ev->data.scalar.value = NULL;
	n->len = len;
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	attach(r, n);
	return 0;
}

static int
on_start(struct be_yreader *r, yaml_event_t *ev, enum be_ykind kind)
{
	struct be_ynode *n;
	struct frame *f;
	const yaml_char_t *anchor, *tag;

	if (kind == BE_YSEQ) {
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
	} else {
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
	}
	if (plain_node(r, ev, anchor, tag))
		return -1;
	if (want_key(r))
		return fail(r, ev->start_mark,
		    "a key must be a scalar, not a %s",
		    be_err_tr(kind == BE_YSEQ ? N_("list") : N_("map")));
	if (r->depth == BE_YAML_MAXDEPTH)
		return fail(r, ev->start_mark,
		    "nested deeper than %d levels", BE_YAML_MAXDEPTH);
	n = node_new(kind, ev->start_mark);
	attach(r, n);
	f = &r->stack[r->depth++];
	f->node = n;
	f->cap = 0;
	f->wantval = 0;
	return 0;
}

static int
on_end(struct be_yreader *r)
{
	struct be_ynode *n = r->stack[--r->depth].node;
	const struct be_ynode *k;
	char q[80];

	if (n->kind == BE_YMAP && (k = dupkey(n)) != NULL) {
		be_err_at(&r->err, r->name, k->line, k->col,
		    "duplicate key '%s'", be_yquote(k->str, q, sizeof q));
		r->state = -1;
		return -1;
	}
	return 0;
}

/*
 * Reads events up to the end of the next document.  Returns 1 with the
 * document in r->root, 0 at the end of the stream, -1 on error.
 */
static int
parse_doc(struct be_yreader *r)
{
	yaml_event_t ev;
	int rc = 0, done = 0;

	while (!done) {
		if (!yaml_parser_parse(&r->p, &ev))
			return fail_libyaml(r);
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			r->state = 1;
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			r->docstart = ev.start_mark;
			if (ev.data.document_start.tag_directives.start !=
			    ev.data.document_start.tag_directives.end)
				rc = fail(r, ev.start_mark,
				    "%%TAG directives are not supported");
			else if (r->one && r->ndocs > 0)
				rc = fail(r, ev.start_mark,
				    "several documents: expected one");
			break;
		case YAML_DOCUMENT_END_EVENT:
			rc = 1;
			done = 1;
			break;
		case YAML_ALIAS_EVENT:
			rc = fail(r, ev.start_mark,
			    "aliases are not supported: write the value out");
			break;
		case YAML_SCALAR_EVENT:
			rc = on_scalar(r, &ev);
			break;
		case YAML_SEQUENCE_START_EVENT:
			rc = on_start(r, &ev, BE_YSEQ);
			break;
		case YAML_MAPPING_START_EVENT:
			rc = on_start(r, &ev, BE_YMAP);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			rc = on_end(r);
			break;
		default:
			break;
		}
		r->last = ev.end_mark;
		yaml_event_delete(&ev);
		if (rc < 0)
			return -1;
	}
	return rc;
}

int
be_yaml_next(struct be_yreader *r, struct be_ynode **doc, struct be_err *e)
{
	int rc;

	*doc = NULL;
	for (;;) {
		if (r->state < 0)
			goto err;
		if (r->state > 0)
			return 0;
		be_ynode_free(r->root);
		r->root = NULL;
		r->depth = 0;
		rc = parse_doc(r);
		if (rc < 0) {
			be_ynode_free(r->root);
			r->root = NULL;
			goto err;
		}
		if (rc == 0)
			return 0;
		/*
		 * An empty document ("---" and nothing, a directive and
		 * nothing: yaml-test-suite MUS6) is no document of benut's,
		 * and libyaml lets some broken ones through as one.
		 */
		if (r->root == NULL || (r->root->kind == BE_YSCALAR &&
		    r->root->plain && r->root->len == 0)) {
			fail(r, r->docstart, "empty document; write one with "
			    "kind: and version:, or remove the '---'");
			be_ynode_free(r->root);
			r->root = NULL;
			goto err;
		}
		*doc = r->root;
		r->root = NULL;
		r->ndocs++;
		return 1;
	}
err:
	if (e)
		*e = r->err;
	return -1;
}

static int
load1(struct be_yreader *r, struct be_ynode **doc, struct be_err *e)
{
	struct be_ynode *d;
	int rc;

	*doc = NULL;
	r->one = 1;
	rc = be_yaml_next(r, &d, e);
	if (rc == 0)
		rc = be_err_at(e, r->name, 0, 0, "empty document");
	else if (rc > 0) {
		rc = be_yaml_next(r, doc, e);
		if (rc == 0)
			*doc = d;
		else
			be_ynode_free(d);
		if (rc > 0) {
			/* Not reached: parse_doc refuses the second start. */
			be_ynode_free(*doc);
			*doc = NULL;
			rc = be_err_at(e, r->name, 0, 0,
			    "several documents: expected one");
		}
	}
	be_yaml_close(r);
	return rc;
}

int
be_yaml_load1(FILE *fp, const char *name, struct be_ynode **doc,
    struct be_err *e)
{
	return load1(be_yaml_open(fp, name), doc, e);
}

int
be_yaml_load1_mem(const char *s, size_t len, const char *name,
    struct be_ynode **doc, struct be_err *e)
{
	struct be_yreader *r = reader_new(name);

	r->mem = s;
	r->memlen = len;
	return load1(r, doc, e);
}

/* Getters. */

const struct be_ynode *
be_ymap_get(const struct be_ynode *map, const char *key)
{
	size_t i, len;

	if (map == NULL || map->kind != BE_YMAP)
		return NULL;
	len = strlen(key);
	for (i = 0; i < map->n; i++) {
		const struct be_ynode *k = map->items[2 * i];

		if (k->len == len && memcmp(k->str, key, len) == 0)
			return map->items[2 * i + 1];
	}
	return NULL;
}

int
be_ynode_isnull(const struct be_ynode *n)
{
	if (n == NULL)
		return 1;
	if (n->kind != BE_YSCALAR || !n->plain)
		return 0;
	return n->len == 0 || strcmp(n->str, "~") == 0 ||
	    strcmp(n->str, "null") == 0 || strcmp(n->str, "Null") == 0 ||
	    strcmp(n->str, "NULL") == 0;
}

int
be_yerr(struct be_err *e, const char *name, const struct be_ynode *n,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	be_err_vat(e, name, n ? n->line : 0, n ? n->col : 0, fmt, ap);
	va_end(ap);
	return -1;
}

int
be_ymap_check(const struct be_ynode *map, const char *const *allowed,
    const char *name, struct be_err *e)
{
	const char *const *a;
	size_t i;
	char q[80];

	if (map == NULL || map->kind != BE_YMAP)
		return 0;
	for (i = 0; i < map->n; i++) {
		const struct be_ynode *k = map->items[2 * i];

		for (a = allowed; *a; a++)
			if (strcmp(*a, k->str) == 0)
				break;
		if (*a == NULL)
			return be_yerr(e, name, k, "unknown key '%s'",
			    be_yquote(k->str, q, sizeof q));
	}
	return 0;
}

/*
 * The value of key for a getter: 1 and *n when present and not null, 0
 * when absent (an error if required), -1 on error.
 */
static int
lookup(const struct be_ynode *map, const char *key, int required,
    const struct be_ynode **n, const char *name, struct be_err *e)
{
	*n = be_ymap_get(map, key);
	if (!be_ynode_isnull(*n))
		return 1;
	if (!required)
		return 0;
	if (*n)
		return be_yerr(e, name, *n, "'%s' is empty", key);
	return be_yerr(e, name, map, "missing key '%s'", key);
}

int
be_yget_str(const struct be_ynode *map, const char *key, int required,
    const char **out, const char *name, struct be_err *e)
{
	const struct be_ynode *n;
	int rc;

	*out = NULL;
	if ((rc = lookup(map, key, required, &n, name, e)) <= 0)
		return rc;
	if (n->kind != BE_YSCALAR)
		return be_yerr(e, name, n, "'%s' must be a string", key);
	*out = n->str;
	return 0;
}

/* Reads s as a decimal integer.  0, or -1 (not one), or -2 (range). */
static int
toint(const char *s, long long *v)
{
	const char *p = s;
	char *end;

	if (*p == '-' || *p == '+')
		p++;
	if (*p < '0' || *p > '9')
		return -1;
	for (; *p; p++)
		if (*p < '0' || *p > '9')
			return -1;
	errno = 0;
	*v = strtoll(s, &end, 10);
	if (errno == ERANGE)
		return -2;
	return 0;
}

int
be_yget_int(const struct be_ynode *map, const char *key, int required,
    long long dflt, long long *out, const char *name, struct be_err *e)
{
	const struct be_ynode *n;
	int rc;

	*out = dflt;
	if ((rc = lookup(map, key, required, &n, name, e)) <= 0)
		return rc;
	if (n->kind != BE_YSCALAR || (rc = toint(n->str, out)) == -1) {
		*out = dflt;
		return be_yerr(e, name, n, "'%s' must be an integer", key);
	}
	if (rc < 0) {
		*out = dflt;
		return be_yerr(e, name, n, "'%s' is out of range", key);
	}
	return 0;
}

int
be_yget_bool(const struct be_ynode *map, const char *key, int required,
    int dflt, int *out, const char *name, struct be_err *e)
{
	static const char *const yes[] = { "true", "yes", "on", "ja", NULL };
	static const char *const no[] = { "false", "no", "off", "nee", NULL };
	const struct be_ynode *n;
	const char *const *w;
	int rc;

	*out = dflt;
	if ((rc = lookup(map, key, required, &n, name, e)) <= 0)
		return rc;
	if (n->kind == BE_YSCALAR) {
		for (w = yes; *w; w++)
			if (strcasecmp(n->str, *w) == 0)
				return *out = 1, 0;
		for (w = no; *w; w++)
			if (strcasecmp(n->str, *w) == 0)
				return *out = 0, 0;
	}
	return be_yerr(e, name, n, "'%s' must be true or false", key);
}

static int
getkind(const struct be_ynode *map, const char *key, int required,
    const struct be_ynode **out, const char *name, struct be_err *e,
    enum be_ykind kind)
{
	const struct be_ynode *n;
	int rc;

	*out = NULL;
	if ((rc = lookup(map, key, required, &n, name, e)) <= 0)
		return rc;
	if (n->kind != kind)
		return be_yerr(e, name, n, "'%s' must be a %s", key,
		    be_err_tr(kind == BE_YSEQ ? N_("list") : N_("map")));
	*out = n;
	return 0;
}

int
be_yget_seq(const struct be_ynode *map, const char *key, int required,
    const struct be_ynode **out, const char *name, struct be_err *e)
{
	return getkind(map, key, required, out, name, e, BE_YSEQ);
}

int
be_yget_map(const struct be_ynode *map, const char *key, int required,
    const struct be_ynode **out, const char *name, struct be_err *e)
{
	return getkind(map, key, required, out, name, e, BE_YMAP);
}

int
be_ydoc_check(const struct be_ynode *doc, const char *kind,
    const char *name, struct be_err *e)
{
	const struct be_ynode *n;
	const char *k;
	long long v;
	char q[80];

	if (doc == NULL)
		return be_err_at(e, name, 0, 0, "empty document");
	if (doc->kind != BE_YMAP)
		return be_yerr(e, name, doc, "document must be a map "
		    "with 'kind: %s'", kind);
	if (be_yget_str(doc, "kind", 1, &k, name, e) < 0)
		return -1;
	if (strcmp(k, kind) != 0)
		return be_yerr(e, name, be_ymap_get(doc, "kind"),
		    "kind is '%s', expected '%s'", be_yquote(k, q, sizeof q),
		    kind);
	if (lookup(doc, "version", 1, &n, name, e) < 0)
		return -1;
	if (n->kind != BE_YSCALAR)
		return be_yerr(e, name, n, "'version' must be an integer");
	k = n->str;
	if (toint(k, &v) != 0 || v != 1)
		return be_yerr(e, name, n, "unsupported version '%s'; "
		    "this program reads version 1", be_yquote(k, q, sizeof q));
	return 0;
}

/* Emitter. */

/*
 * Decodes the UTF-8 character at s[0..n).  Returns its length and sets
 * *cp, or returns 1 and sets *cp to -1 for an invalid byte.
 */
static size_t
utf8(const unsigned char *s, size_t n, long *cp)
{
	size_t len, i;
	long c, min;

	*cp = -1;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, c = s[0] & 0x1f, min = 0x80;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, c = s[0] & 0x0f, min = 0x800;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, c = s[0] & 0x07, min = 0x10000;
	else
		return 1;
	if (len > n)
		return 1;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 1;
		c = c << 6 | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 1;
	*cp = c;
	return len;
}

/*
 * Nonzero when code point c may stand as itself in a literal block or a
 * quoted scalar (TAB and LF aside): what libyaml calls printable, less
 * the characters that it takes for line breaks or a byte order mark.
 */
static int
printable(long c)
{
	if (c < 0)
		return 0;
	if (c < 0x80)
		return c >= 0x20 && c != 0x7f;
	return (c >= 0xa0 && c <= 0xd7ff) ||
	    (c >= 0xe000 && c <= 0xfffd && c != 0xfeff) ||
	    (c >= 0x10000 && c <= 0x10ffff);
	/* 0x85, 0x2028, 0x2029 are breaks to libyaml. */
}

static int
breakchar(long c)
{
	return c == 0x85 || c == 0x2028 || c == 0x2029;
}

/*
 * Nonzero when s[0..n) reads as a number in YAML 1.1 or 1.2: integers in
 * any base, floats, sexagesimal (12:30), .inf and .nan.  Dates are not
 * numbers.
 */
static int
numeric(const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	size_t digits = 0, dots = 0;

	if (p < end && (*p == '+' || *p == '-'))
		p++;
	if (p == end)
		return 0;
	if (end - p == 4 && p[0] == '.' && (strncasecmp(p + 1, "inf", 3) == 0 ||
	    strncasecmp(p + 1, "nan", 3) == 0))
		return 1;
	if (end - p > 2 && p[0] == '0' && strchr("xXoObB", p[1])) {
		for (p += 2; p < end; p++)
			if (!strchr("0123456789abcdefABCDEF_", *p))
				return 0;
		return 1;
	}
	for (; p < end && strchr("0123456789_:.", *p); p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (*p == '.')
			dots++;
	}
	if (digits == 0 || dots > 1)
		return 0;
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if (p == end)
			return 0;
		while (p < end && *p >= '0' && *p <= '9')
			p++;
	}
	return p == end;
}

/*
 * Whether s[0..n) starts as a date (YYYY-M-D, as YAML 1.1's timestamp):
 * other YAML readers would read such a plain scalar as a date, not a
 * string.
 */
static int
datelike(const char *s, size_t n)
{
	size_t i = 0, k;
	int part;

	for (part = 0; part < 3; part++) {
		for (k = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++, k++)
			;
		if (part == 0 ? k != 4 : k < 1 || k > 2)
			return 0;
		if (part < 2 && (i >= n || s[i++] != '-'))
			return 0;
	}
	return i == n || s[i] == 'T' || s[i] == 't' || s[i] == ' ';
}

/* Nonzero when the single-line, printable s[0..n) may be written plain. */
static int
plain_ok(const char *s, size_t n)
{
	static const char *const words[] = { "y", "n", "yes", "no", "true",
	    "false", "on", "off", "null", "~", "=", "<<", NULL };
	const char *const *w;
	size_t i;

	if (n == 0 || strchr("-?:,[]{}#&*!|>'\"%@`", s[0]) ||
	    s[0] == ' ' || s[n - 1] == ' ' || s[n - 1] == ':')
		return 0;
	for (i = 0; i + 1 < n; i++)
		if ((s[i] == ':' && s[i + 1] == ' ') ||
		    (s[i] == ' ' && s[i + 1] == '#'))
			return 0;
	for (w = words; *w; w++)
		if (strlen(*w) == n && strncasecmp(*w, s, n) == 0)
			return 0;
	if (n >= 3 && (strncmp(s, "...", 3) == 0 || strncmp(s, "---", 3) == 0))
		return 0;
	return !numeric(s, n) && !datelike(s, n);
}

enum style { PLAIN, QUOTED, LITERAL };

static enum style
style(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, k;
	int nl = 0, tab = 0, other = 0, bad = 0;
	long c;

	for (i = 0; i < n; i += k) {
		k = utf8(u + i, n - i, &c);
		if (c == '\n')
			nl = 1;
		else if (c == '\t')
			tab = other = 1;
		else if (printable(c) && !breakchar(c))
			other = 1;
		else
			bad = 1;
	}
	if (bad)
		return QUOTED;
	if (nl)
		return other ? LITERAL : QUOTED;
	if (tab || !plain_ok(s, n))
		return QUOTED;
	return PLAIN;
}

static void
pad(FILE *fp, int n)
{
	while (n-- > 0)
		putc(' ', fp);
}

static void
put_quoted(FILE *fp, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, k;
	long c;

	putc('"', fp);
	for (i = 0; i < n; i += k) {
		k = utf8(u + i, n - i, &c);
		switch (c) {
		case '"': fputs("\\\"", fp); continue;
		case '\\': fputs("\\\\", fp); continue;
		case '\n': fputs("\\n", fp); continue;
		case '\t': fputs("\\t", fp); continue;
		case '\r': fputs("\\r", fp); continue;
		case 0x1b: fputs("\\e", fp); continue;
		case -1: fputs("\\uFFFD", fp); continue;
		}
		if (c < 0x100 && (c < 0x20 || (c >= 0x7f && c < 0xa0)))
			fprintf(fp, "\\x%02lX", c);
		else if (!printable(c) || breakchar(c))
			fprintf(fp, "\\u%04lX", c);
		else
			fwrite(u + i, 1, k, fp);
	}
	putc('"', fp);
}

/* A literal block: header, then the lines indented by indent + 2. */
static void
put_literal(FILE *fp, int indent, const char *s, size_t n)
{
	const char *p, *nl, *end;
	size_t i;

	/*
	 * libyaml takes the indentation from the first line that is not
	 * empty: when that begins with a blank, say the indentation.
	 */
	for (i = 0; i < n && s[i] == '\n'; i++)
		;
	putc('|', fp);
	if (i < n && (s[i] == ' ' || s[i] == '\t'))
		putc('2', fp);
	end = s + n;
	if (s[n - 1] != '\n')
		putc('-', fp);
	else {
		end--;
		if (n > 1 && s[n - 2] == '\n')
			putc('+', fp);
	}
	putc('\n', fp);
	for (p = s; p <= end; p = nl + 1) {
		if ((nl = memchr(p, '\n', end - p)) == NULL)
			nl = end;
		if (nl > p) {
			pad(fp, indent + 2);
			fwrite(p, 1, nl - p, fp);
		}
		putc('\n', fp);
	}
}

/* Writes s without a newline: plain or quoted, never a block. */
static void
put_inline(FILE *fp, const char *s)
{
	size_t n = strlen(s);

	if (style(s, n) == PLAIN)
		fwrite(s, 1, n, fp);
	else
		put_quoted(fp, s, n);
}

void
be_yemit_scalar(FILE *fp, int indent, const char *val)
{
	size_t n;

	indent &= ~BE_YDASH;
	if (val == NULL) {
		putc('\n', fp);
		return;
	}
	n = strlen(val);
	putc(' ', fp);
	switch (style(val, n)) {
	case PLAIN:
		fwrite(val, 1, n, fp);
		break;
	case QUOTED:
		put_quoted(fp, val, n);
		break;
	case LITERAL:
		put_literal(fp, indent, val, n);
		return;
	}
	putc('\n', fp);
}

/*
 * Writes the indentation (or the "- " of a new item) and the key and its
 * colon.  A long key is written as an explicit "? key" and ": ", since
 * libyaml reads simple keys of up to 1024 characters only (and an escape
 * takes up to 4 characters for a byte).
 */
static void
put_key(FILE *fp, int indent, const char *key)
{
	int n = indent & ~BE_YDASH;

	if (indent & BE_YDASH) {
		pad(fp, n - 2);
		fputs("- ", fp);
	} else
		pad(fp, n);
	if (strlen(key) > 200) {
		fputs("? ", fp);
		put_quoted(fp, key, strlen(key));
		putc('\n', fp);
		pad(fp, n);
	} else
		put_inline(fp, key);
	putc(':', fp);
}

void
be_yemit_doc(FILE *fp, const char *kind)
{
	fputs("---\nkind:", fp);
	be_yemit_scalar(fp, 0, kind);
	fputs("version: 1\n", fp);
}

void
be_yemit_key(FILE *fp, int indent, const char *key)
{
	put_key(fp, indent, key);
	putc('\n', fp);
}

void
be_yemit_str(FILE *fp, int indent, const char *key, const char *val)
{
	put_key(fp, indent, key);
	be_yemit_scalar(fp, indent, val);
}

void
be_yemit_int(FILE *fp, int indent, const char *key, long long v)
{
	put_key(fp, indent, key);
	fprintf(fp, " %lld\n", v);
}

void
be_yemit_bool(FILE *fp, int indent, const char *key, int v)
{
	put_key(fp, indent, key);
	fputs(v ? " true\n" : " false\n", fp);
}

void
be_yemit_item(FILE *fp, int indent, const char *val)
{
	indent &= ~BE_YDASH;
	pad(fp, indent);
	putc('-', fp);
	be_yemit_scalar(fp, indent, val);
}
