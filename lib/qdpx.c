/* qdpx.c: see qdpx.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/xmlwriter.h>
#include <sqlite3.h>
#include <zip.h>

#include "buf.h"
#include "mem.h"
#include "qdc.h"
#include "qdpx.h"
#include "rx.h"
#include "banned.h"

#define QDE_NS "urn:QDA-XML:project:1.0"
#define PROGRAM_USER "benut"

struct users {
	char **names;
	size_t n;
};

struct ex {
	struct be_store *st;
	sqlite3 *db;
	struct be_err *e;
	struct be_codebook codes;	/* the store's themes, GUIDs set */
	const struct be_codebook *cb;
	struct users users;
	xmlTextWriterPtr w;
	zip_t *za;
	struct be_buf tmp;
	struct be_rx_ctx *rc;
	long nstories;
};

static int
attr_long(xmlTextWriterPtr w, const char *k, long v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%ld", v);
	return be_qdc_attr(w, k, buf);
}

/* An xsd:dateTime from a date or a time in the store. */
static const char *
datetime(const char *s, char *buf, size_t n)
{
	size_t l = s ? strlen(s) : 0;

	if (l == 10)
		snprintf(buf, n, "%sT00:00:00Z", s);
	else if (l == 19)
		snprintf(buf, n, "%sZ", s);
	else if (l > 0)
		snprintf(buf, n, "%s", s);
	else
		snprintf(buf, n, "1970-01-01T00:00:00Z");
	return buf;
}

static char *
user_guid(const char *who, char *buf)
{
	return be_qdc_guid("user", who && *who ? who : PROGRAM_USER, buf);
}

static void
add_user(struct users *u, const char *who)
{
	size_t i;

	if (who == NULL || *who == '\0')
		who = PROGRAM_USER;
	for (i = 0; i < u->n; i++)
		if (strcmp(u->names[i], who) == 0)
			return;
	BE_RESIZE(u->names, u->n + 1);
	u->names[u->n++] = be_xstrdup(who);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The store's themes as a codebook of codes, with the GUIDs to export. */
static int
load_codes(struct ex *x)
{
	static const char q[] = "SELECT t.id, t.name, t.parent_id, "
	    "t.description, t.colour, c.name FROM tag t LEFT JOIN codebook c "
	    "ON c.id = t.codebook_id ORDER BY t.id";
	sqlite3_stmt *s;
	long long *tid = NULL;
	long long *pid = NULL;
	size_t i, j, cap = 0;
	int rc;
	char guid[40];

	if (sqlite3_prepare_v2(x->db, q, -1, &s, NULL) != SQLITE_OK)
		return be_store_error(x->st, "cannot read the themes", x->e);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct be_cb_theme *t;
		const char *name = (const char *)sqlite3_column_text(s, 1);
		const char *cbn = (const char *)sqlite3_column_text(s, 5);
		long k;

		if (x->codes.nthemes == cap) {
			cap = be_grow_cap(cap, x->codes.nthemes + 1);
			BE_RESIZE(x->codes.themes, cap);
			BE_RESIZE(tid, cap);
			BE_RESIZE(pid, cap);
		}
		i = x->codes.nthemes++;
		t = &x->codes.themes[i];
		memset(t, 0, sizeof *t);
		tid[i] = sqlite3_column_int64(s, 0);
		pid[i] = sqlite3_column_type(s, 2) == SQLITE_NULL ? -1 :
		    sqlite3_column_int64(s, 2);
		t->name = be_xstrdup(name);
		if (sqlite3_column_type(s, 3) != SQLITE_NULL)
			t->description = be_xstrdup((const char *)
			    sqlite3_column_text(s, 3));
		if (sqlite3_column_type(s, 4) != SQLITE_NULL)
			t->colour = be_xstrdup((const char *)
			    sqlite3_column_text(s, 4));
		t->codable = 1;
		k = x->cb ? be_codebook_find(x->cb, name) : -1;
		if (k >= 0) {
			be_qdc_theme_guid(x->cb, (size_t)k, guid);
			t->codable = x->cb->themes[k].codable;
		} else
			be_qdc_guid(cbn ? cbn : "", name, guid);
		t->guid = be_xstrdup(guid);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		free(tid);
		free(pid);
		return be_store_error(x->st, "cannot read the themes", x->e);
	}
	for (i = 0; i < x->codes.nthemes; i++) {
		x->codes.themes[i].parent_ix = -1;
		for (j = 0; pid[i] >= 0 && j < x->codes.nthemes; j++)
			if (tid[j] == pid[i])
				x->codes.themes[i].parent_ix = (long)j;
	}
	free(tid);
	free(pid);
	return 0;
}

static const char q_users[] = "SELECT DISTINCT coalesce(who, '') FROM "
    "story_tag WHERE present = 1 AND (?1 IS NULL OR story_id = ?1)";

static int
load_users(struct ex *x, const long long *ids, size_t n)
{
	sqlite3_stmt *s;
	size_t i;
	int rc = SQLITE_DONE;

	add_user(&x->users, PROGRAM_USER);
	if (sqlite3_prepare_v2(x->db, q_users, -1, &s, NULL) != SQLITE_OK)
		return be_store_error(x->st, "cannot read the tags", x->e);
	for (i = 0; i < (ids ? n : 1); i++) {
		sqlite3_reset(s);
		if (ids)
			sqlite3_bind_int64(s, 1, ids[i]);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW)
			add_user(&x->users, (const char *)
			    sqlite3_column_text(s, 0));
		if (rc != SQLITE_DONE)
			break;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return be_store_error(x->st, "cannot read the tags", x->e);
	qsort(x->users.names, x->users.n, sizeof *x->users.names, by_name);
	return 0;
}

/* Characters (code points) in s[0..n). */
static long
chars(const char *s, size_t n)
{
	long c = 0;
	size_t i;

	for (i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}

/* The span of a coding: the rule's first match, else the whole text. */
static void
span(struct ex *x, const char *rule, const char *text, size_t len,
    long *from, long *to)
{
	struct be_rx *rx;
	struct be_err e;
	size_t off, so, eo;

	*from = 0;
	*to = chars(text, len);
	if (rule == NULL)
		return;
	be_err_init(&e);
	if ((rx = be_rx_compile(rule, strlen(rule), 0, &off, &e)) == NULL)
		return;
	if (be_rx_exec(rx, x->rc, text, len, 0, &so, &eo, &e) == 1 &&
	    eo > so) {
		*from = chars(text, so);
		*to = *from + chars(text + so, eo - so);
	}
	be_rx_free(rx);
}

static const char q_story[] = "SELECT cid, text, added, use FROM story "
    "WHERE id = ?1";
static const char q_tags[] = "SELECT t.name, st.origin, st.rule, st.who, "
    "st.at FROM story_tag st JOIN tag t ON t.id = st.tag_id "
    "WHERE st.story_id = ?1 AND st.present = 1 ORDER BY t.name";

static int
put_story(struct ex *x, long long id, sqlite3_stmt *qs, sqlite3_stmt *qt)
{
	xmlTextWriterPtr w = x->w;
	char sguid[40], guid[40], ug[40], dt[40], key[96], name[32], path[64];
	const char *cid, *text, *added;
	size_t len;
	zip_source_t *src;
	zip_int64_t ix;
	int rc;

	sqlite3_reset(qs);
	sqlite3_bind_int64(qs, 1, id);
	if ((rc = sqlite3_step(qs)) != SQLITE_ROW) {
		if (rc == SQLITE_DONE)
			return be_err_set(x->e, "'S-%lld' is not in the store",
			    id);
		return be_store_error(x->st, "cannot read a story", x->e);
	}
	cid = (const char *)sqlite3_column_text(qs, 0);
	text = (const char *)sqlite3_column_text(qs, 1);
	len = (size_t)sqlite3_column_bytes(qs, 1);
	added = (const char *)sqlite3_column_text(qs, 2);
	be_qdc_guid("story", cid, sguid);
	snprintf(name, sizeof name, "S-%lld", id);
	snprintf(path, sizeof path, "sources/%s.txt", sguid);
	src = zip_source_buffer(x->za, be_xstrndup(text, len), len, 1);
	if (src == NULL || (ix = zip_file_add(x->za, path, src,
	    ZIP_FL_ENC_UTF_8)) < 0) {
		if (src)
			zip_source_free(src);
		return be_err_set(x->e, "cannot write the project: %s",
		    zip_strerror(x->za));
	}
	zip_file_set_dostime(x->za, (zip_uint64_t)ix, 0, 0x21, 0);
	snprintf(path, sizeof path, "internal://%s.txt", sguid);
	if (xmlTextWriterStartElement(w, BAD_CAST "TextSource") < 0 ||
	    be_qdc_attr(w, "guid", sguid) < 0 ||
	    be_qdc_attr(w, "name", name) < 0 ||
	    be_qdc_attr(w, "plainTextPath", path) < 0 ||
	    be_qdc_attr(w, "creatingUser", user_guid(NULL, ug)) < 0 ||
	    be_qdc_attr(w, "creationDateTime",
	        datetime(added, dt, sizeof dt)) < 0)
		return -1;
	/* A story that may only be counted says so where the software
	 * shows a source's memo: it is never to be quoted. */
	if (strcmp((const char *)sqlite3_column_text(qs, 3), "count") == 0 &&
	    xmlTextWriterWriteElement(w, BAD_CAST "Description",
	    BAD_CAST "use: count (may be counted, never quoted)") < 0)
		return -1;
	sqlite3_reset(qt);
	sqlite3_bind_int64(qt, 1, id);
	while ((rc = sqlite3_step(qt)) == SQLITE_ROW) {
		const char *tag = (const char *)sqlite3_column_text(qt, 0);
		const char *origin = (const char *)sqlite3_column_text(qt, 1);
		const char *rule = (const char *)sqlite3_column_text(qt, 2);
		const char *who = (const char *)sqlite3_column_text(qt, 3);
		const char *at = (const char *)sqlite3_column_text(qt, 4);
		long from, to, k = be_codebook_find(&x->codes, tag);

		if (k < 0)
			continue;
		span(x, strcmp(origin, "rule") == 0 ? rule : NULL, text, len,
		    &from, &to);
		user_guid(who, ug);
		datetime(at, dt, sizeof dt);
		snprintf(key, sizeof key, "selection:%s", cid);
		be_qdc_guid(key, tag, guid);
		if (xmlTextWriterStartElement(w,
		    BAD_CAST "PlainTextSelection") < 0 ||
		    be_qdc_attr(w, "guid", guid) < 0 ||
		    be_qdc_attr(w, "name", tag) < 0 ||
		    attr_long(w, "startPosition", from) < 0 ||
		    attr_long(w, "endPosition", to) < 0 ||
		    be_qdc_attr(w, "creatingUser", ug) < 0 ||
		    be_qdc_attr(w, "creationDateTime", dt) < 0)
			return -1;
		snprintf(key, sizeof key, "coding:%s", cid);
		be_qdc_guid(key, tag, guid);
		if (xmlTextWriterStartElement(w, BAD_CAST "Coding") < 0 ||
		    be_qdc_attr(w, "guid", guid) < 0 ||
		    be_qdc_attr(w, "creatingUser", ug) < 0 ||
		    be_qdc_attr(w, "creationDateTime", dt) < 0 ||
		    xmlTextWriterStartElement(w, BAD_CAST "CodeRef") < 0 ||
		    be_qdc_attr(w, "targetGUID", x->codes.themes[k].guid) < 0 ||
		    xmlTextWriterEndElement(w) < 0 ||
		    xmlTextWriterEndElement(w) < 0 ||
		    xmlTextWriterEndElement(w) < 0)
			return -1;
	}
	if (rc != SQLITE_DONE)
		return be_store_error(x->st, "cannot read the tags", x->e);
	x->nstories++;
	return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

static int
put_sources(struct ex *x, const long long *ids, size_t n)
{
	sqlite3_stmt *qs = NULL, *qt = NULL, *all = NULL;
	size_t i;
	int rc = 0, r;

	if (sqlite3_prepare_v2(x->db, q_story, -1, &qs, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(x->db, q_tags, -1, &qt, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(x->db, "SELECT id FROM story ORDER BY id", -1,
	    &all, NULL) != SQLITE_OK) {
		rc = be_store_error(x->st, "cannot read the stories", x->e);
		goto out;
	}
	if (xmlTextWriterStartElement(x->w, BAD_CAST "Sources") < 0) {
		rc = -1;
		goto out;
	}
	if (ids)
		for (i = 0; rc == 0 && i < n; i++)
			rc = put_story(x, ids[i], qs, qt);
	else {
		while (rc == 0 && (r = sqlite3_step(all)) == SQLITE_ROW)
			rc = put_story(x, sqlite3_column_int64(all, 0), qs, qt);
		if (rc == 0 && r != SQLITE_DONE)
			rc = be_store_error(x->st, "cannot read the stories",
			    x->e);
	}
	if (rc == 0 && xmlTextWriterEndElement(x->w) < 0)
		rc = -1;
out:
	sqlite3_finalize(qs);
	sqlite3_finalize(qt);
	sqlite3_finalize(all);
	return rc;
}

static int
put_project(struct ex *x, const long long *ids, size_t n)
{
	xmlTextWriterPtr w = x->w;
	char origin[64], guid[40];
	size_t i;

	snprintf(origin, sizeof origin, "benut %s", BE_VERSION);
	if (xmlTextWriterStartDocument(w, "1.0", "utf-8", NULL) < 0 ||
	    xmlTextWriterStartElement(w, BAD_CAST "Project") < 0 ||
	    be_qdc_attr(w, "xmlns", QDE_NS) < 0 ||
	    be_qdc_attr(w, "name", "benut") < 0 ||
	    be_qdc_attr(w, "origin", origin) < 0 ||
	    be_qdc_attr(w, "creatingUserGUID", user_guid(NULL, guid)) < 0 ||
	    xmlTextWriterStartElement(w, BAD_CAST "Users") < 0)
		return -1;
	for (i = 0; i < x->users.n; i++)
		if (xmlTextWriterStartElement(w, BAD_CAST "User") < 0 ||
		    be_qdc_attr(w, "guid",
		        user_guid(x->users.names[i], guid)) < 0 ||
		    be_qdc_attr(w, "name", x->users.names[i]) < 0 ||
		    xmlTextWriterEndElement(w) < 0)
			return -1;
	if (xmlTextWriterEndElement(w) < 0)
		return -1;
	if (x->codes.nthemes) {
		if (xmlTextWriterStartElement(w, BAD_CAST "CodeBook") < 0 ||
		    xmlTextWriterStartElement(w, BAD_CAST "Codes") < 0)
			return -1;
		for (i = 0; i < x->codes.nthemes; i++)
			if (x->codes.themes[i].parent_ix < 0 &&
			    be_qdc_put_code(w, &x->codes, i) < 0)
				return -1;
		if (xmlTextWriterEndElement(w) < 0 ||
		    xmlTextWriterEndElement(w) < 0)
			return -1;
	}
	if (put_sources(x, ids, n) < 0)
		return -1;
	if (x->cb && be_qdc_put_sets(w, x->cb, 1) < 0)
		return -1;
	return xmlTextWriterEndDocument(w) < 0 ? -1 : 0;
}

/* Reads the zip made in src into out. */
static int
read_zip(zip_source_t *src, struct be_buf *out, struct be_err *e)
{
	char chunk[65536];
	zip_int64_t n;

	if (zip_source_open(src) < 0)
		return be_err_set(e, "cannot write the project: %s",
		    zip_error_strerror(zip_source_error(src)));
	while ((n = zip_source_read(src, chunk, sizeof chunk)) > 0)
		be_buf_add(out, chunk, (size_t)n);
	zip_source_close(src);
	if (n < 0)
		return be_err_set(e, "cannot write the project: %s",
		    zip_error_strerror(zip_source_error(src)));
	return 0;
}

long
be_qdpx_export(struct be_store *st, const struct be_codebook *cb,
    const long long *ids, size_t n, struct be_buf *zip, struct be_err *e)
{
	struct ex x;
	xmlBufferPtr xb = NULL;
	zip_source_t *zs, *qde;
	zip_error_t ze;
	zip_int64_t ix;
	size_t i;
	int rc = -1;

	memset(&x, 0, sizeof x);
	x.st = st;
	x.db = be_store_db(st);
	x.e = e;
	x.cb = cb;
	be_buf_reset(zip);
	zip_error_init(&ze);
	if ((zs = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL ||
	    (x.za = zip_open_from_source(zs, ZIP_TRUNCATE, &ze)) == NULL) {
		be_err_set(e, "cannot write the project: %s",
		    zip_error_strerror(&ze));
		if (zs)
			zip_source_free(zs);
		zip_error_fini(&ze);
		return -1;
	}
	zip_source_keep(zs);
	/* QualCoder lists the folder of sources: it is there even when no
	 * story is. */
	if ((ix = zip_dir_add(x.za, "sources", ZIP_FL_ENC_UTF_8)) < 0) {
		be_err_set(e, "cannot write the project: %s",
		    zip_strerror(x.za));
		zip_discard(x.za);
		zip_source_free(zs);
		zip_error_fini(&ze);
		return -1;
	}
	zip_file_set_dostime(x.za, (zip_uint64_t)ix, 0, 0x21, 0);
	x.rc = be_rx_ctx_new();
	xb = xmlBufferCreate();
	x.w = xmlNewTextWriterMemory(xb, 0);
	xmlTextWriterSetIndent(x.w, 1);
	xmlTextWriterSetIndentString(x.w, BAD_CAST "  ");
	if (load_codes(&x) < 0 || load_users(&x, ids, n) < 0)
		goto out;
	if (put_project(&x, ids, n) < 0) {
		if (e->msg[0] == '\0')
			be_err_set(e, "cannot write the project");
		goto out;
	}
	xmlFreeTextWriter(x.w);
	x.w = NULL;
	qde = zip_source_buffer(x.za, be_xstrndup((const char *)
	    xmlBufferContent(xb), (size_t)xmlBufferLength(xb)),
	    (zip_uint64_t)xmlBufferLength(xb), 1);
	if (qde == NULL || (ix = zip_file_add(x.za, "project.qde", qde,
	    ZIP_FL_ENC_UTF_8)) < 0) {
		if (qde)
			zip_source_free(qde);
		be_err_set(e, "cannot write the project: %s",
		    zip_strerror(x.za));
		goto out;
	}
	zip_file_set_dostime(x.za, (zip_uint64_t)ix, 0, 0x21, 0);
	if (zip_close(x.za) < 0) {
		be_err_set(e, "cannot write the project: %s",
		    zip_strerror(x.za));
		goto out;
	}
	x.za = NULL;
	if (read_zip(zs, zip, e) < 0)
		goto out;
	rc = 0;
out:
	if (x.za)
		zip_discard(x.za);
	zip_source_free(zs);
	if (x.w)
		xmlFreeTextWriter(x.w);
	xmlBufferFree(xb);
	be_rx_ctx_free(x.rc);
	for (i = 0; i < x.codes.nthemes; i++) {
		free(x.codes.themes[i].name);
		free(x.codes.themes[i].description);
		free(x.codes.themes[i].colour);
		free(x.codes.themes[i].guid);
	}
	free(x.codes.themes);
	for (i = 0; i < x.users.n; i++)
		free(x.users.names[i]);
	free(x.users.names);
	zip_error_fini(&ze);
	return rc < 0 ? -1 : x.nstories;
}

int
be_qdpx_save(const char *path, const struct be_buf *zip, struct be_err *e)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdout : fopen(path, "wb");

	if (fp == NULL) {
		be_err_at(e, path, 0, 0, "cannot write: %s", strerror(errno));
		return -1;
	}
	fwrite(zip->s, 1, zip->len, fp);
	if (fp != stdout && fclose(fp) != 0) {
		be_err_at(e, path, 0, 0, "cannot write: %s", strerror(errno));
		return -1;
	}
	return 0;
}
