/* qdc.c: see qdc.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "fhash.h"
#include "mem.h"
#include "qdc.h"
#include "yaml.h"
#include "banned.h"

#define QDC_NS "urn:QDA-XML:codebook:1.0"
#define MAXDEPTH 256

char *
be_qdc_guid(const char *cbname, const char *theme, char *buf)
{
	struct be_buf in = BE_BUF_INIT;
	unsigned char h[16];

	be_buf_adds(&in, cbname);
	be_buf_addc(&in, '\0');
	be_buf_adds(&in, theme);
	be_blake2b(h, sizeof h, in.s, in.len);
	be_buf_release(&in);
	h[6] = (unsigned char)((h[6] & 0x0f) | 0x80);	/* version 8 */
	h[8] = (unsigned char)((h[8] & 0x3f) | 0x80);	/* RFC variant */
	snprintf(buf, 37, "%02X%02X%02X%02X-%02X%02X-%02X%02X-%02X%02X-"
	    "%02X%02X%02X%02X%02X%02X", h[0], h[1], h[2], h[3], h[4], h[5],
	    h[6], h[7], h[8], h[9], h[10], h[11], h[12], h[13], h[14], h[15]);
	return buf;
}

/* Writes s escaped for XML text or an attribute; drops the control
 * characters XML 1.0 does not allow. */
static void
xml_esc(FILE *out, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\n': fputs("&#10;", out); break;
		case '\t': fputs("&#9;", out); break;
		case '\r': fputs("&#13;", out); break;
		default:
			if ((unsigned char)*s >= 0x20)
				fputc(*s, out);
		}
}

static void
put_code(const struct be_codebook *cb, size_t i, int depth, FILE *out)
{
	const struct be_cb_theme *t = &cb->themes[i];
	char guid[40];
	size_t j;
	int kids = 0;

	fprintf(out, "%*s<Code guid=\"%s\" name=\"", 2 * depth, "",
	    be_qdc_guid(cb->name, t->name, guid));
	xml_esc(out, t->name);
	fputs("\" isCodable=\"true\"", out);
	if (t->colour)
		fprintf(out, " color=\"%s\"", t->colour);
	for (j = 0; j < cb->nthemes; j++)
		kids += cb->themes[j].parent_ix == (long)i;
	if (!t->description && !kids) {
		fputs("/>\n", out);
		return;
	}
	fputs(">\n", out);
	if (t->description) {
		fprintf(out, "%*s<Description>", 2 * depth + 2, "");
		xml_esc(out, t->description);
		fputs("</Description>\n", out);
	}
	for (j = 0; j < cb->nthemes; j++)
		if (cb->themes[j].parent_ix == (long)i)
			put_code(cb, j, depth + 1, out);
	fprintf(out, "%*s</Code>\n", 2 * depth, "");
}

int
be_qdc_export(const struct be_codebook *cb, FILE *out, struct be_err *e)
{
	size_t i;

	fputs("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n", out);
	fprintf(out, "<CodeBook xmlns=\"%s\" origin=\"benut %s\">\n", QDC_NS,
	    BE_VERSION);
	fputs("  <Codes>\n", out);
	for (i = 0; i < cb->nthemes; i++)
		if (cb->themes[i].parent_ix < 0)
			put_code(cb, i, 2, out);
	fputs("  </Codes>\n</CodeBook>\n", out);
	if (ferror(out))
		return be_err_set(e, "cannot write the codebook");
	return 0;
}

/* Import: a small XML reader for what QDC files hold. */

struct code {
	char *name, *desc, *colour;
	long parent;
};

struct xr {
	const char *p, *end, *name, *start;
	struct be_err *e;
	struct code *codes;
	size_t ncodes, cap;
	long stack[MAXDEPTH];		/* code index or -1 per element */
	int kind[MAXDEPTH];		/* 1 Code, 2 Description, 0 other */
	const char *ename[MAXDEPTH];	/* element names, for end tags */
	size_t elen[MAXDEPTH];
	int depth, root_seen;
	struct be_buf text;
};

static int
xerr(struct xr *x, const char *at, const char *msg, const char *arg)
{
	const char *p;
	unsigned long line = 1, col = 1;

	for (p = x->start; p < at && p < x->end; p++) {
		if (*p == '\n') {
			line++;
			col = 1;
		} else if ((*p & 0xc0) != 0x80)
			col++;
	}
	return be_err_at(x->e, x->name, line, col, msg, arg);
}

/* Appends the text s[0..n) with entities resolved to b. */
static int
unescape(struct xr *x, const char *s, size_t n, struct be_buf *b)
{
	const char *end = s + n, *semi;
	long v;
	char u[8];
	utf8proc_ssize_t k;

	while (s < end) {
		if (*s != '&') {
			be_buf_addc(b, *s++);
			continue;
		}
		semi = memchr(s, ';', (size_t)(end - s));
		if (semi == NULL || semi - s > 10)
			return xerr(x, s, "bad entity%s", "");
		if (strncmp(s, "&amp;", 5) == 0)
			be_buf_addc(b, '&');
		else if (strncmp(s, "&lt;", 4) == 0)
			be_buf_addc(b, '<');
		else if (strncmp(s, "&gt;", 4) == 0)
			be_buf_addc(b, '>');
		else if (strncmp(s, "&quot;", 6) == 0)
			be_buf_addc(b, '"');
		else if (strncmp(s, "&apos;", 6) == 0)
			be_buf_addc(b, '\'');
		else if (s[1] == '#') {
			v = s[2] == 'x' ? strtol(s + 3, NULL, 16) :
			    strtol(s + 2, NULL, 10);
			if (v <= 0 || !utf8proc_codepoint_valid(v))
				return xerr(x, s, "bad character reference%s",
				    "");
			k = utf8proc_encode_char((utf8proc_int32_t)v,
			    (utf8proc_uint8_t *)u);
			be_buf_add(b, u, (size_t)k);
		} else
			return xerr(x, s, "unknown entity%s", "");
		s = semi + 1;
	}
	return 0;
}

/* The local name of the element at p (after '<'): "a:Code" is "Code". */
static size_t
elem_name(const char *p, const char *end, const char **local)
{
	const char *q = p;

	while (q < end && !strchr(" \t\r\n/>", *q))
		q++;
	*local = p;
	for (const char *r = p; r < q; r++)
		if (*r == ':')
			*local = r + 1;
	return (size_t)(q - p);
}

static int
is(const char *local, const char *p, size_t n, const char *want)
{
	size_t l = n - (size_t)(local - p);

	return l == strlen(want) && memcmp(local, want, l) == 0;
}

/* Reads the attributes of a start tag from *pp up to '>' or "/>". */
static int
attrs(struct xr *x, const char **pp, struct code *c, int *empty)
{
	const char *p = *pp, *an, *v;
	size_t anl;
	char q;

	for (;;) {
		while (p < x->end && strchr(" \t\r\n", *p))
			p++;
		if (p >= x->end)
			return xerr(x, p, "unterminated tag%s", "");
		if (*p == '>') {
			*empty = 0;
			break;
		}
		if (*p == '/' && p + 1 < x->end && p[1] == '>') {
			*empty = 1;
			p++;
			break;
		}
		an = p;
		while (p < x->end && !strchr(" \t\r\n=/>", *p))
			p++;
		anl = (size_t)(p - an);
		while (p < x->end && strchr(" \t\r\n", *p))
			p++;
		if (p >= x->end || *p != '=')
			return xerr(x, p, "attribute without value%s", "");
		p++;
		while (p < x->end && strchr(" \t\r\n", *p))
			p++;
		if (p >= x->end || (*p != '"' && *p != '\''))
			return xerr(x, p, "attribute value must be quoted%s",
			    "");
		q = *p++;
		v = p;
		while (p < x->end && *p != q && *p != '<')
			p++;
		if (p >= x->end || *p != q)
			return xerr(x, v, "unterminated attribute value%s", "");
		if (c && ((anl == 4 && memcmp(an, "name", 4) == 0) ||
		    (anl == 5 && memcmp(an, "color", 5) == 0))) {
			struct be_buf b = BE_BUF_INIT;

			if (unescape(x, v, (size_t)(p - v), &b) < 0) {
				be_buf_release(&b);
				return -1;
			}
			if (anl == 4) {
				free(c->name);
				c->name = be_buf_detach(&b);
			} else {
				free(c->colour);
				c->colour = be_buf_detach(&b);
			}
		}
		p++;
	}
	*pp = p + 1;
	return 0;
}

static int
start_tag(struct xr *x, const char *lt)
{
	const char *p = lt + 1, *local;
	size_t n = elem_name(p, x->end, &local);
	struct code *c = NULL;
	int empty = 0, k = 0;

	if (n == 0)
		return xerr(x, lt, "bad tag%s", "");
	if (x->depth == 0) {
		if (x->root_seen)
			return xerr(x, lt, "more than one root element%s", "");
		if (!is(local, p, n, "CodeBook"))
			return xerr(x, lt, "not a REFI-QDA codebook (the root "
			    "element must be CodeBook)%s", "");
		x->root_seen = 1;
	}
	if (x->depth >= MAXDEPTH)
		return xerr(x, lt, "elements nested too deep%s", "");
	if (is(local, p, n, "Code")) {
		if (x->ncodes == x->cap) {
			x->cap = x->cap ? 2 * x->cap : 16;
			x->codes = be_xrealloc(x->codes,
			    x->cap * sizeof *x->codes);
		}
		c = &x->codes[x->ncodes];
		memset(c, 0, sizeof *c);
		c->parent = -1;
		for (int d = x->depth - 1; d >= 0; d--)
			if (x->kind[d] == 1) {
				c->parent = x->stack[d];
				break;
			}
		x->ncodes++;
		k = 1;
	} else if (is(local, p, n, "Description"))
		k = 2;
	p += n;
	if (attrs(x, &p, c, &empty) < 0)
		return -1;
	if (c && c->name == NULL)
		return xerr(x, lt, "Code without a name%s", "");
	x->p = p;
	if (empty)
		return 0;
	x->stack[x->depth] = c ? (long)(c - x->codes) : -1;
	x->kind[x->depth] = k;
	x->ename[x->depth] = lt + 1;
	x->elen[x->depth] = n;
	x->depth++;
	be_buf_reset(&x->text);
	return 0;
}

static int
end_tag(struct xr *x, const char *lt)
{
	const char *gt = memchr(lt, '>', (size_t)(x->end - lt));
	long ci;

	if (gt == NULL || x->depth == 0)
		return xerr(x, lt, "unexpected end tag%s", "");
	x->depth--;
	if ((size_t)(gt - lt - 2) != x->elen[x->depth] ||
	    memcmp(lt + 2, x->ename[x->depth], x->elen[x->depth]) != 0)
		return xerr(x, lt, "end tag does not match its start tag%s",
		    "");
	if (x->kind[x->depth] == 2 && x->depth > 0 &&
	    x->kind[x->depth - 1] == 1) {
		ci = x->stack[x->depth - 1];
		free(x->codes[ci].desc);
		x->codes[ci].desc = be_xstrdup(x->text.s);
	}
	be_buf_reset(&x->text);
	x->p = gt + 1;
	return 0;
}

static const char *
skip_to(struct xr *x, const char *p, const char *what)
{
	size_t n = strlen(what);

	for (; p + n <= x->end; p++)
		if (memcmp(p, what, n) == 0)
			return p + n;
	return NULL;
}

static int
starts(const struct xr *x, const char *p, const char *s)
{
	size_t n = strlen(s);

	return (size_t)(x->end - p) >= n && memcmp(p, s, n) == 0;
}

static int
parse(struct xr *x)
{
	const char *lt, *q;

	while (x->p < x->end) {
		lt = memchr(x->p, '<', (size_t)(x->end - x->p));
		if (lt == NULL)
			lt = x->end;
		if (unescape(x, x->p, (size_t)(lt - x->p), &x->text) < 0)
			return -1;
		if (lt == x->end)
			break;
		if (lt + 1 < x->end && (lt[1] == '?' || lt[1] == '!')) {
			if (starts(x, lt, "<!--"))
				q = skip_to(x, lt + 4, "-->");
			else if (starts(x, lt, "<![CDATA[")) {
				q = skip_to(x, lt + 9, "]]>");
				if (q)
					be_buf_add(&x->text, lt + 9,
					    (size_t)(q - 3 - lt - 9));
			} else if (lt[1] == '?')
				q = skip_to(x, lt + 2, "?>");
			else
				return xerr(x, lt, "DOCTYPE and declarations "
				    "are not allowed%s", "");
			if (q == NULL)
				return xerr(x, lt, "unterminated markup%s", "");
			x->p = q;
			continue;
		}
		if (lt + 1 < x->end && lt[1] == '/') {
			if (end_tag(x, lt) < 0)
				return -1;
		} else if (start_tag(x, lt) < 0)
			return -1;
	}
	if (x->depth > 0)
		return xerr(x, x->end, "unexpected end of file%s", "");
	if (!x->root_seen)
		return xerr(x, x->start, "not a REFI-QDA codebook (no CodeBook "
		    "element)%s", "");
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

int
be_qdc_import(const char *buf, size_t len, const char *name,
    const char *cbname, FILE *out, struct be_err *e)
{
	struct xr x;
	char **names, *col;
	size_t i, j;
	int rc, k;

	memset(&x, 0, sizeof x);
	x.p = x.start = buf;
	x.end = buf + len;
	x.name = name;
	x.e = e;
	be_buf_init(&x.text);
	rc = parse(&x);
	be_buf_release(&x.text);
	names = be_xcalloc(x.ncodes + 1, sizeof *names);
	for (i = 0; rc == 0 && i < x.ncodes; i++) {
		char *base = theme_name(x.codes[i].name), *n = be_xstrdup(base);

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
	if (rc == 0) {
		be_yemit_doc(out, "codebook");
		be_yemit_str(out, 0, "name", cbname);
		be_yemit_str(out, 0, "description", "Imported from a REFI-QDA "
		    "codebook; add patterns to each theme.");
		be_yemit_key(out, 0, "themes");
		for (i = 0; i < x.ncodes; i++) {
			be_yemit_str(out, 4 | BE_YDASH, "name", names[i]);
			if (x.codes[i].desc && *x.codes[i].desc)
				be_yemit_str(out, 4, "description",
				    x.codes[i].desc);
			if (x.codes[i].parent >= 0)
				be_yemit_str(out, 4, "parent",
				    names[x.codes[i].parent]);
			if ((col = colour(x.codes[i].colour)) != NULL)
				be_yemit_str(out, 4, "colour", col);
			free(col);
		}
	}
	for (i = 0; i < x.ncodes; i++) {
		free(names[i]);
		free(x.codes[i].name);
		free(x.codes[i].desc);
		free(x.codes[i].colour);
	}
	free(names);
	free(x.codes);
	return rc;
}
