/* qdc.c: see qdc.h. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <utf8proc.h>

#include "buf.h"
#include "enc.h"
#include "fhash.h"
#include "mem.h"
#include "qdc.h"
#include "ydoc.h"
#include "banned.h"

#define QDC_NS "urn:QDA-XML:codebook:1.0"

char *
be_qdc_guid(const char *a, const char *b, char *buf)
{
	struct be_buf in = BE_BUF_INIT;
	unsigned char h[16];

	be_buf_adds(&in, a);
	be_buf_addc(&in, '\0');
	be_buf_adds(&in, b);
	be_blake2b(h, sizeof h, in.s, in.len);
	be_buf_release(&in);
	h[6] = (unsigned char)((h[6] & 0x0f) | 0x80);	/* version 8 */
	h[8] = (unsigned char)((h[8] & 0x3f) | 0x80);	/* RFC variant */
	snprintf(buf, 37, "%02X%02X%02X%02X-%02X%02X-%02X%02X-%02X%02X-"
	    "%02X%02X%02X%02X%02X%02X", h[0], h[1], h[2], h[3], h[4], h[5],
	    h[6], h[7], h[8], h[9], h[10], h[11], h[12], h[13], h[14], h[15]);
	return buf;
}

char *
be_qdc_theme_guid(const struct be_codebook *cb, size_t i, char *buf)
{
	if (cb->themes[i].guid) {
		snprintf(buf, 39, "%s", cb->themes[i].guid);
		return buf;
	}
	return be_qdc_guid(cb->name, cb->themes[i].name, buf);
}

const char *
be_qdc_xmlsafe(const char *s, struct be_buf *b)
{
	be_buf_reset(b);
	for (; *s; s++)
		if ((unsigned char)*s >= 0x20 || *s == '\n' || *s == '\t' ||
		    *s == '\r')
			be_buf_addc(b, *s);
	return b->s;
}

int
be_qdc_attr(xmlTextWriterPtr w, const char *k, const char *v)
{
	struct be_buf b = BE_BUF_INIT;
	int rc;

	rc = xmlTextWriterWriteAttribute(w, BAD_CAST k,
	    BAD_CAST be_qdc_xmlsafe(v, &b));
	be_buf_release(&b);
	return rc < 0 ? -1 : 0;
}

static int
elem(xmlTextWriterPtr w, const char *k, const char *v)
{
	struct be_buf b = BE_BUF_INIT;
	int rc;

	rc = xmlTextWriterWriteElement(w, BAD_CAST k,
	    BAD_CAST be_qdc_xmlsafe(v, &b));
	be_buf_release(&b);
	return rc < 0 ? -1 : 0;
}

int
be_qdc_put_code(xmlTextWriterPtr w, const struct be_codebook *cb, size_t i)
{
	const struct be_cb_theme *t = &cb->themes[i];
	char guid[40];
	size_t j;

	if (xmlTextWriterStartElement(w, BAD_CAST "Code") < 0 ||
	    be_qdc_attr(w, "guid", be_qdc_theme_guid(cb, i, guid)) < 0 ||
	    be_qdc_attr(w, "name", t->name) < 0 ||
	    be_qdc_attr(w, "isCodable", t->codable ? "true" : "false") < 0 ||
	    (t->colour && be_qdc_attr(w, "color", t->colour) < 0) ||
	    (t->description && elem(w, "Description", t->description) < 0))
		return -1;
	for (j = 0; j < cb->nthemes; j++)
		if (cb->themes[j].parent_ix == (long)i &&
		    be_qdc_put_code(w, cb, j) < 0)
			return -1;
	return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

int
be_qdc_put_sets(xmlTextWriterPtr w, const struct be_codebook *cb,
    int member_ref)
{
	char guid[40];
	size_t i, j;

	if (cb->nsets == 0)
		return 0;
	if (xmlTextWriterStartElement(w, BAD_CAST "Sets") < 0)
		return -1;
	for (i = 0; i < cb->nsets; i++) {
		const struct be_cb_set *s = &cb->sets[i];
		struct be_buf k = BE_BUF_INIT;

		be_buf_addf(&k, "set:%s", s->name);
		if (s->guid)
			snprintf(guid, sizeof guid, "%s", s->guid);
		else
			be_qdc_guid(cb->name, k.s, guid);
		be_buf_release(&k);
		if (xmlTextWriterStartElement(w, BAD_CAST "Set") < 0 ||
		    be_qdc_attr(w, "guid", guid) < 0 ||
		    be_qdc_attr(w, "name", s->name) < 0 ||
		    (s->description && elem(w, "Description",
		    s->description) < 0))
			return -1;
		for (j = 0; j < s->nmembers; j++)
			if (xmlTextWriterStartElement(w,
			    BAD_CAST "MemberCode") < 0 || be_qdc_attr(w,
			    member_ref ? "targetGUID" : "guid",
			    be_qdc_theme_guid(cb, (size_t)s->members[j],
			    guid)) < 0 || xmlTextWriterEndElement(w) < 0)
				return -1;
		if (xmlTextWriterEndElement(w) < 0)
			return -1;
	}
	return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

int
be_qdc_export(const struct be_codebook *cb, FILE *out, struct be_err *e)
{
	xmlBufferPtr xb = xmlBufferCreate();
	xmlTextWriterPtr w = xb ? xmlNewTextWriterMemory(xb, 0) : NULL;
	char origin[64];
	size_t i;
	int rc = 0;

	if (w == NULL) {
		if (xb)
			xmlBufferFree(xb);
		return be_err_set(e, "cannot write the codebook: "
		    "out of memory");
	}
	snprintf(origin, sizeof origin, "benut %s", BE_VERSION);
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, BAD_CAST "  ");
	if (xmlTextWriterStartDocument(w, "1.0", "utf-8", NULL) < 0 ||
	    xmlTextWriterStartElement(w, BAD_CAST "CodeBook") < 0 ||
	    be_qdc_attr(w, "xmlns", QDC_NS) < 0 ||
	    be_qdc_attr(w, "origin", origin) < 0 ||
	    xmlTextWriterStartElement(w, BAD_CAST "Codes") < 0)
		rc = -1;
	for (i = 0; rc == 0 && i < cb->nthemes; i++)
		if (cb->themes[i].parent_ix < 0 &&
		    be_qdc_put_code(w, cb, i) < 0)
			rc = -1;
	if (rc == 0 && (xmlTextWriterEndElement(w) < 0 ||
	    be_qdc_put_sets(w, cb, 0) < 0 || xmlTextWriterEndDocument(w) < 0))
		rc = -1;
	xmlFreeTextWriter(w);
	if (rc == 0)
		fwrite(xmlBufferContent(xb), 1, (size_t)xmlBufferLength(xb),
		    out);
	xmlBufferFree(xb);
	if (rc < 0 || ferror(out))
		return be_err_set(e, "cannot write the codebook");
	return 0;
}

/* Import. */

struct code {
	char *name, *desc, *colour, *guid;
	int codable;
	long parent;
	unsigned long line;
};

struct set {
	char *name, *desc, *guid;
	long *members;
	size_t n;
};

struct imp {
	const char *name;
	struct be_err *e;
	struct code *codes;
	size_t ncodes, cap;
	struct set *sets;
	size_t nsets;
	unsigned long dtd_line;
	int xcode;			/* the first XML error */
	unsigned long xline, xcol;
	char xmsg[200];
};

static int
is(const xmlNode *n, const char *local)
{
	return n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, local) == 0;
}

static char *
prop(const xmlNode *n, const char *k)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST k);
	char *s;

	if (v == NULL)
		return NULL;
	s = be_xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

static char *
content(const xmlNode *n)
{
	xmlChar *v = xmlNodeGetContent(n);
	char *s = be_xstrdup(v ? (const char *)v : "");

	xmlFree(v);
	return s;
}

static int
read_codes(struct imp *x, const xmlNode *n, long parent)
{
	const xmlNode *c;
	struct code *cd;
	char *v;
	long me;

	for (; n; n = n->next) {
		if (!is(n, "Code"))
			continue;
		BE_GROW(x->codes, x->ncodes + 1, x->cap);
		me = (long)x->ncodes++;
		cd = &x->codes[me];
		memset(cd, 0, sizeof *cd);
		cd->parent = parent;
		cd->line = (unsigned long)xmlGetLineNo(n);
		cd->name = prop(n, "name");
		cd->colour = prop(n, "color");
		cd->guid = prop(n, "guid");
		v = prop(n, "isCodable");
		cd->codable = !(v && (strcmp(v, "false") == 0 ||
		    strcmp(v, "0") == 0));
		free(v);
		if (cd->name == NULL)
			return be_err_at(x->e, x->name, cd->line, 0,
			    "Code without a name");
		for (c = n->children; c; c = c->next)
			if (is(c, "Description")) {
				free(cd->desc);
				cd->desc = content(c);
			}
		if (read_codes(x, n->children, me) < 0)
			return -1;
	}
	return 0;
}

static int
read_sets(struct imp *x, const xmlNode *n)
{
	const xmlNode *c;
	struct set *s;
	char *g;
	size_t i;

	for (; n; n = n->next) {
		if (!is(n, "Set"))
			continue;
		BE_RESIZE(x->sets, x->nsets + 1);
		s = &x->sets[x->nsets++];
		memset(s, 0, sizeof *s);
		s->name = prop(n, "name");
		s->guid = prop(n, "guid");
		if (s->name == NULL)
			return be_err_at(x->e, x->name,
			    (unsigned long)xmlGetLineNo(n), 0,
			    "Set without a name");
		for (c = n->children; c; c = c->next) {
			if (is(c, "Description")) {
				free(s->desc);
				s->desc = content(c);
			}
			if (!is(c, "MemberCode"))
				continue;
			g = prop(c, "guid");
			if (g == NULL)
				g = prop(c, "targetGUID");
			for (i = 0; g && i < x->ncodes; i++)
				if (x->codes[i].guid && strcasecmp(g,
				    x->codes[i].guid) == 0)
					break;
			free(g);
			if (g == NULL || i == x->ncodes)
				return be_err_at(x->e, x->name,
				    (unsigned long)xmlGetLineNo(c), 0,
				    "set member is not a code of the codebook");
			BE_RESIZE(s->members, s->n + 1);
			s->members[s->n++] = (long)i;
		}
	}
	return 0;
}

/* A theme name from a code name: lower case, runs of other characters
 * as one '-'. */
static char *
theme_name(const char *s)
{
	struct be_buf b = BE_BUF_INIT;
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	utf8proc_uint8_t u[8];
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;

	while (*p) {
		k = utf8proc_iterate(p, -1, &cp);
		if (k <= 0) {
			p++;
			continue;
		}
		p += k;
		cp = utf8proc_tolower(cp);
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ||
		    cp == '_' || (cp >= 0x80 && (utf8proc_category(cp) <=
		    UTF8PROC_CATEGORY_LO || utf8proc_category(cp) ==
		    UTF8PROC_CATEGORY_MN))) {
			k = utf8proc_encode_char(cp, u);
			be_buf_add(&b, u, (size_t)k);
		} else if (b.len && b.s[b.len - 1] != '-')
			be_buf_addc(&b, '-');
	}
	while (b.len && b.s[b.len - 1] == '-')
		be_buf_setlen(&b, b.len - 1);
	if (b.len == 0)
		be_buf_adds(&b, "thema");
	return be_buf_detach(&b);
}

static char *
colour(const char *c)
{
	char buf[8];
	size_t i, n = c ? strlen(c) : 0;

	if (n != 4 && n != 7)
		return NULL;
	if (c[0] != '#')
		return NULL;
	for (i = 1; i < n; i++)
		if (!strchr("0123456789abcdefABCDEF", c[i]))
			return NULL;
	if (n == 4)
		snprintf(buf, sizeof buf, "#%c%c%c%c%c%c", c[1], c[1], c[2],
		    c[2], c[3], c[3]);
	else
		snprintf(buf, sizeof buf, "%s", c);
	for (i = 1; i < 7; i++)
		if (buf[i] >= 'A' && buf[i] <= 'F')
			buf[i] += 'a' - 'A';
	return be_xstrdup(buf);
}

/* A DOCTYPE is refused: nothing in a codebook needs entities, and
 * entities are how XML files attack their readers. */
static void
no_dtd(void *ctx, const xmlChar *name, const xmlChar *ext,
    const xmlChar *sys)
{
	xmlParserCtxtPtr c = ctx;
	struct imp *x = c->_private;

	x->dtd_line = (unsigned long)xmlSAX2GetLineNumber(ctx);
	xmlStopParser(c);
}

/* Keeps the first error: later ones follow from it. */
static void
first_error(void *ctx, xmlErrorPtr xe)
{
	xmlParserCtxtPtr c = ctx;
	struct imp *x = c->_private;

	if (x->xcode || xe->level < XML_ERR_ERROR)
		return;
	x->xcode = xe->code;
	x->xline = (unsigned long)xe->line;
	x->xcol = (unsigned long)xe->int2;
	snprintf(x->xmsg, sizeof x->xmsg, "%s", xe->message ? xe->message :
	    "not well-formed");
}

/* "windows-1252" for a document that has neither a byte order mark nor
 * an encoding in its declaration and is not UTF-8; else NULL. */
static const char *
guess_encoding(const char *buf, size_t len)
{
	const unsigned char *u = (const unsigned char *)buf;
	const char *gt;
	int more;

	if (len >= 2 && ((u[0] == 0xfe && u[1] == 0xff) ||
	    (u[0] == 0xff && u[1] == 0xfe)))
		return NULL;
	if (len >= 5 && memcmp(buf, "<?xml", 5) == 0 &&
	    (gt = memchr(buf, '>', len)) != NULL) {
		size_t n = (size_t)(gt - buf);

		for (size_t i = 0; i + 8 <= n; i++)
			if (memcmp(buf + i, "encoding", 8) == 0)
				return NULL;
	}
	return be_utf8_valid(u, len, &more) == len ? NULL : "windows-1252";
}

static int
parse(struct imp *x, const char *buf, size_t len, xmlDocPtr *docp)
{
	xmlParserCtxtPtr c = xmlNewParserCtxt();
	xmlDocPtr doc;
	char *msg = x->xmsg;
	size_t n;

	*docp = NULL;
	if (c == NULL)
		return be_err_at(x->e, x->name, 0, 0, "out of memory");
	c->_private = x;
	c->sax->internalSubset = no_dtd;
	c->sax->serror = first_error;
	doc = xmlCtxtReadMemory(c, buf, (int)len, NULL,
	    guess_encoding(buf, len),
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (x->dtd_line) {
		xmlFreeDoc(doc);
		xmlFreeParserCtxt(c);
		return be_err_at(x->e, x->name, x->dtd_line, 1,
		    "DOCTYPE and declarations are not allowed");
	}
	if (doc == NULL || !c->wellFormed || x->xcode) {
		n = strlen(msg);
		while (n && (msg[n - 1] == '\n' || msg[n - 1] == '.'))
			msg[--n] = '\0';
		if (msg[0] >= 'A' && msg[0] <= 'Z' && !(msg[1] >= 'A' &&
		    msg[1] <= 'Z'))
			msg[0] += 'a' - 'A';
		if (x->xcode == XML_ERR_TAG_NAME_MISMATCH)
			be_err_at(x->e, x->name, x->xline, x->xcol,
			    "end tag does not match its start tag");
		else
			be_err_at(x->e, x->name, x->xline, x->xcol,
			    "not well-formed XML: %s", msg[0] ? msg :
			    "not well-formed");
		xmlFreeDoc(doc);
		xmlFreeParserCtxt(c);
		return -1;
	}
	xmlFreeParserCtxt(c);
	*docp = doc;
	return 0;
}

static void
emit(const struct imp *x, const char *cbname, FILE *out)
{
	char **names, *col;
	size_t i, j;
	int k;

	names = be_xcalloc(x->ncodes + 1, sizeof *names);
	for (i = 0; i < x->ncodes; i++) {
		char *base = theme_name(x->codes[i].name);
		char *n = be_xstrdup(base);

		for (k = 2, j = 0; j < i; j++)
			if (strcmp(names[j], n) == 0) {
				struct be_buf b = BE_BUF_INIT;

				be_buf_addf(&b, "%s-%d", base, k++);
				free(n);
				n = be_buf_detach(&b);
				j = (size_t)-1;
			}
		free(base);
		names[i] = n;
	}
	be_yemit_doc(out, "codebook");
	be_yemit_str(out, 0, "name", cbname);
	be_yemit_str(out, 0, "description", "Imported from a REFI-QDA "
	    "codebook; add patterns to each theme.");
	be_yemit_key(out, 0, "themes");
	for (i = 0; i < x->ncodes; i++) {
		const struct code *c = &x->codes[i];

		be_yemit_str(out, 4 | BE_YDASH, "name", names[i]);
		if (c->desc && *c->desc)
			be_yemit_str(out, 4, "description", c->desc);
		if (c->parent >= 0)
			be_yemit_str(out, 4, "parent", names[c->parent]);
		if ((col = colour(c->colour)) != NULL)
			be_yemit_str(out, 4, "colour", col);
		free(col);
		if (!c->codable)
			be_yemit_bool(out, 4, "codable", 0);
		if (c->guid && be_guid_ok(c->guid))
			be_yemit_str(out, 4, "guid", c->guid);
	}
	if (x->nsets)
		be_yemit_key(out, 0, "sets");
	for (i = 0; i < x->nsets; i++) {
		const struct set *s = &x->sets[i];

		be_yemit_str(out, 4 | BE_YDASH, "name", s->name);
		if (s->desc && *s->desc)
			be_yemit_str(out, 4, "description", s->desc);
		if (s->guid && be_guid_ok(s->guid))
			be_yemit_str(out, 4, "guid", s->guid);
		if (s->n)
			be_yemit_key(out, 4, "themes");
		for (j = 0; j < s->n; j++)
			be_yemit_item(out, 6, names[s->members[j]]);
	}
	for (i = 0; i < x->ncodes; i++)
		free(names[i]);
	free(names);
}

int
be_qdc_import(const char *buf, size_t len, const char *name,
    const char *cbname, FILE *out, struct be_err *e)
{
	struct imp x;
	xmlDocPtr doc;
	const xmlNode *root, *n;
	size_t i;
	int rc = 0;

	memset(&x, 0, sizeof x);
	x.name = name;
	x.e = e;
	if (len > INT_MAX)
		return be_err_at(e, name, 0, 0, "codebook is too large");
	if (parse(&x, buf, len, &doc) < 0)
		return -1;
	root = xmlDocGetRootElement(doc);
	if (root == NULL || !is(root, "CodeBook"))
		rc = be_err_at(e, name, root ?
		    (unsigned long)xmlGetLineNo(root) : 1, 1, "not a REFI-QDA codebook (the root element must be "
		    "CodeBook)");
	for (n = rc == 0 ? root->children : NULL; n; n = n->next)
		if (is(n, "Codes") && read_codes(&x, n->children, -1) < 0)
			rc = -1;
	for (n = rc == 0 ? root->children : NULL; n; n = n->next)
		if (is(n, "Sets") && read_sets(&x, n->children) < 0)
			rc = -1;
	if (rc == 0)
		emit(&x, cbname, out);
	for (i = 0; i < x.ncodes; i++) {
		free(x.codes[i].name);
		free(x.codes[i].desc);
		free(x.codes[i].colour);
		free(x.codes[i].guid);
	}
	for (i = 0; i < x.nsets; i++) {
		free(x.sets[i].name);
		free(x.sets[i].desc);
		free(x.sets[i].guid);
		free(x.sets[i].members);
	}
	free(x.codes);
	free(x.sets);
	xmlFreeDoc(doc);
	return rc;
}

char *
be_qdc_cbname(const char *path)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	char *name, *dot;

	name = be_xstrdup(strcmp(path, "-") == 0 ? "qdc" : base);
	if ((dot = strrchr(name, '.')) != NULL && dot != name)
		*dot = '\0';
	return name;
}
