/*
 * qdpx.h: a REFI-QDA project (QDPX: a zip of project.qde, XML in namespace
 * urn:QDA-XML:project:1.0, and sources/ with one text file a story), so
 * that the coded stories can be worked on in QualCoder, ATLAS.ti, MAXQDA
 * or NVivo.  XML is written with libxml2, the zip with libzip.
 *
 * The project holds the store's themes as its codebook (nested as in the
 * store), each story as a TextSource and each tag of a story as a coding
 * of a PlainTextSelection: the span its rule matched (the first match of
 * the rule in the text) or, for a tag by hand or a rule that no longer
 * matches, the whole text.  Positions count characters (code points), as
 * REFI-QDA and QualCoder do.  Users are the people who tagged by hand and
 * "benut" for the rules and the intake.  A story that may only be counted
 * has "use: count (may be counted, never quoted)" as its description.
 *
 * Every GUID is derived from stable content, never from the file's name or
 * the time of the export: a story's from its content id (the same in every
 * store the story was copied to), a selection's and a coding's from the
 * content id and the theme, a user's from the name, a code's as
 * be-tag --export-qdc gives it (its guid in the codebook given, else from
 * the codebook's name and the theme's).  Dates are those in the store and
 * the zip's entries carry a fixed time, so that exporting the same stories
 * twice gives the same bytes.
 */
#ifndef BE_QDPX_H
#define BE_QDPX_H

#include <stddef.h>

#include "buf.h"
#include "codebook.h"
#include "err.h"
#include "store.h"

/*
 * Builds the project of the stories ids[0..n) of st (all stories when ids
 * is NULL) into zip (reset first; the caller's).  cb may be NULL; when
 * given, its themes' GUIDs, isCodable and its sets are used.  Returns the
 * number of stories, or -1 with e (a store error, a story ref that is not
 * in the store).
 */
long be_qdpx_export(struct be_store *st, const struct be_codebook *cb,
    const long long *ids, size_t n, struct be_buf *zip, struct be_err *e);

/*
 * Writes the project zip (from be_qdpx_export) to the file path, created
 * or truncated, or to standard output when path is "-".  Returns 0, or -1
 * with e at path ("cannot write: why") when the file cannot be opened or
 * closed.
 */
int be_qdpx_save(const char *path, const struct be_buf *zip,
    struct be_err *e);

#endif
