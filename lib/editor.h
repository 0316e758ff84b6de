/*
 * editor.h: running the user's editor on a file, as git does.
 */
#ifndef BE_EDITOR_H
#define BE_EDITOR_H

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

#endif
