/*
 * qdc.h: codebooks in the REFI-QDA exchange format (QDC: XML in namespace
 * urn:QDA-XML:codebook:1.0), so that the work can go on in qualitative
 * analysis software (ATLAS.ti, MAXQDA, NVivo, QualCoder, ...).  XML is
 * read and written with libxml2.
 *
 * Export writes each theme as a <Code> with its GUID (the theme's guid,
 * else one derived from a hash of the codebook's name and the theme's
 * name), isCodable, its colour and its description, children nested in
 * their parent, then the sets.  Import reads such a file and writes a YAML
 * codebook of the same codes, GUIDs, isCodable and sets, without
 * patterns: an export of that codebook gives the same file back.
 */
#ifndef BE_QDC_H
#define BE_QDC_H

#include <stdio.h>

#include "buf.h"
#include "codebook.h"
#include "err.h"

/* A GUID derived from the strings a and b (a hash of both):
 * "XXXXXXXX-XXXX-8XXX-XXXX-XXXXXXXXXXXX", an RFC 9562 version 8 UUID in
 * upper case, into buf (at least 37 bytes).  Returns buf.  The GUID of a
 * theme is be_qdc_guid(codebook name, theme name). */
char *be_qdc_guid(const char *a, const char *b, char *buf);

/* The GUID a theme is exported with: its own, else the derived one. */
char *be_qdc_theme_guid(const struct be_codebook *cb, size_t i, char *buf);

/* Writes cb as a QDC document to out.  0, or -1 with e on a write error. */
int be_qdc_export(const struct be_codebook *cb, FILE *out, struct be_err *e);

/*
 * Reads the QDC document buf[0..len) (named name in messages) and writes a
 * YAML codebook named cbname to out.  The document may be UTF-8, UTF-16
 * with a byte order mark, or in the encoding its XML declaration names;
 * one without a declaration that is not UTF-8 is read as Windows-1252.
 * Code names become theme names (lower case, spaces as '-'; made unique
 * with -2, -3, ...); GUIDs, isCodable, descriptions, colours and sets are
 * kept; nesting becomes parent.  Returns 0, or -1 with e at
 * name:line:col of the fault (not well-formed XML, a DOCTYPE, not a
 * CodeBook, a Code without a name, a set member that is no code).
 * Nothing is written on an error.
 */
int be_qdc_import(const char *buf, size_t len, const char *name,
    const char *cbname, FILE *out, struct be_err *e);

/*
 * The name of the codebook an import of the file path gets: its base name
 * without the last extension ("a/Zorg.qdc" is "Zorg", ".qdc" stays
 * ".qdc"), "qdc" for "-" (standard input).  The caller frees it.
 */
char *be_qdc_cbname(const char *path);

/* For qdpx.c: pieces of the export over libxml2's writer. */
struct _xmlTextWriter;
/* Writes the <Code> of theme i of cb and its children at writer w. */
int be_qdc_put_code(struct _xmlTextWriter *w, const struct be_codebook *cb,
    size_t i);
/* Writes the <Sets> of cb at writer w (nothing when it has none); a member
 * as <MemberCode guid> (a codebook) or <MemberCode targetGUID> (member_ref:
 * a project). */
int be_qdc_put_sets(struct _xmlTextWriter *w, const struct be_codebook *cb,
    int member_ref);
/* s without the characters XML 1.0 does not allow, into b (reset). */
const char *be_qdc_xmlsafe(const char *s, struct be_buf *b);
/* Writes the attribute k="v" (v made XML-safe) at writer w.  0 or -1. */
int be_qdc_attr(struct _xmlTextWriter *w, const char *k, const char *v);

#endif
