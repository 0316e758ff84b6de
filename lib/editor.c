/* editor.c: see editor.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "editor.h"
#include "banned.h"

const char *
be_editor_name(void)
{
	const char *ed = getenv("VISUAL");

	if (ed == NULL || *ed == '\0')
		ed = getenv("EDITOR");
	if (ed && *ed)
		return ed;
	if (access("/usr/bin/sensible-editor", X_OK) == 0)
		return "/usr/bin/sensible-editor";
	return "vi";
}

int
be_editor_run(const char *editor, const char *path, struct be_err *e)
{
	struct be_buf cmd = BE_BUF_INIT;
	pid_t pid;
	int status;

	be_buf_addf(&cmd, "%s \"$1\"", editor);
	if ((pid = fork()) < 0) {
		be_buf_release(&cmd);
		return be_err_set(e, "cannot run the editor: %s",
		    strerror(errno));
	}
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", cmd.s, "sh", path, (char *)NULL);
		_exit(127);
	}
	be_buf_release(&cmd);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return be_err_set(e, "cannot wait for the editor: %s",
			    strerror(errno));
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFEXITED(status))
		return be_err_set(e, "the editor exited with status %d",
		    WEXITSTATUS(status));
	return be_err_set(e, "the editor was killed by signal %d",
	    WTERMSIG(status));
}

int
be_editor_edit(const char *editor, const char *name, const char *suffix,
    const char *text, size_t len, struct be_buf *after, char **path,
    struct be_err *e)
{
	struct be_buf p = BE_BUF_INIT;
	const char *tmp = getenv("TMPDIR");
	FILE *fp = NULL;
	int fd;

	*path = NULL;
	be_buf_addf(&p, "%s/%s.XXXXXX%s", tmp && *tmp ? tmp : "/tmp", name,
	    suffix);
	if ((fd = mkstemps(p.s, (int)strlen(suffix))) < 0 ||
	    fchmod(fd, 0600) < 0 || (fp = fdopen(fd, "w")) == NULL) {
		be_err_set(e, "cannot make a temporary file: %s",
		    strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(p.s);
		}
		be_buf_release(&p);
		return -1;
	}
	if (fwrite(text, 1, len, fp) != len || fclose(fp) != 0) {
		be_err_at(e, p.s, 0, 0, "cannot write: %s", strerror(errno));
		unlink(p.s);
		be_buf_release(&p);
		return -1;
	}
	*path = be_buf_detach(&p);
	if (be_editor_run(editor, *path, e) < 0)
		return -1;
	if (be_buf_read_file(after, *path) < 0)
		return be_err_at(e, *path, 0, 0, "cannot read: %s",
		    strerror(errno));
	return after->len != len || memcmp(after->s, text, len) != 0;
}
