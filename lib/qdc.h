/*
 * qdc.h: codebooks in the REFI-QDA exchange format (QDC: XML in namespace
 * urn:QDA-XML:codebook:1.0), so that the work can go on in qualitative
 * analysis software (ATLAS.ti, MAXQDA, NVivo, QualCoder, ...).
 *
 * Export writes each theme as a <Code> with a stable GUID (derived from a
 * hash of the codebook's name and the theme's name), its colour and its
 * description, children nested in their parent.  Import reads such a file
 * and writes a YAML codebook of the same themes, without patterns.
 */
#ifndef BE_QDC_H
#define BE_QDC_H

#include <stdio.h>

#include "codebook.h"
#include "err.h"

/* The GUID of theme in codebook cbname, "xxxxxxxx-xxxx-8xxx-xxxx-xxxxxxxxxxxx"
 * (an RFC 9562 version 8 UUID, upper case) into buf (at least 37 bytes). */
char *be_qdc_guid(const char *cbname, const char *theme, char *buf);

/* Writes cb as a QDC document to out.  0, or -1 with e on a write error. */
int be_qdc_export(const struct be_codebook *cb, FILE *out, struct be_err *e);

/*
 * Reads the QDC document buf[0..len) (named name in messages) and writes a
 * YAML codebook named cbname to out.  Code names become theme names (lower
 * case, spaces as '-'; made unique with -2, -3, ...); descriptions and
 * colours are kept; nesting becomes parent.  Returns 0, or -1 with e at
 * name:line:col of the fault (not well-formed XML, not a CodeBook, a Code
 * without a name).  Nothing is written on an error.
 */
int be_qdc_import(const char *buf, size_t len, const char *name,
    const char *cbname, FILE *out, struct be_err *e);

#endif
