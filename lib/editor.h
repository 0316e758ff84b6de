/*
 * editor.h: running the user's editor on a file, as git does.
 */
#ifndef BE_EDITOR_H
#define BE_EDITOR_H

#include "buf.h"
#include "err.h"

/*
 * The editor to run: $VISUAL, else $EDITOR, else sensible-editor when
 * it is installed (/usr/bin/sensible-editor), else vi.  Static.
 */
const char *be_editor_name(void);

/*
 * Runs editor on path through the shell (sh -c 'EDITOR "$1"' sh path),
 * so that an editor with options ("code --wait") works, and waits for
 * it.  0 when it exited with status 0, else -1 with e filled.
 */
int be_editor_run(const char *editor, const char *path, struct be_err *e);

/*
 * Edits text (len bytes) in editor: writes it to a new private file
 * (mode 0600) $TMPDIR/NAME.XXXXXX.SUFFIX, runs the editor on it and reads
 * what was saved into after.  Returns 1 when the text changed, 0 when it
 * did not, -1 with e filled.  *path gets the file's name (the caller's)
 * whenever the file is left: after 0 or 1 the caller removes it once it
 * has taken the edit, or keeps it when that fails; after -1 the file is
 * left only when the editor failed or the file could not be read back
 * (the user's edit is there), else *path is NULL.
 */
int be_editor_edit(const char *editor, const char *name,
    const char *suffix, const char *text, size_t len, struct be_buf *after,
    char **path, struct be_err *e);

#endif
