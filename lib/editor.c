/* editor.c: see editor.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
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

