/* prog.c: see prog.h. */
#include <errno.h>
#include <fcntl.h>
#include <libintl.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "prog.h"
#include "progress.h"
#include "store.h"
#include "banned.h"

#ifndef BE_LOCALEDIR
#define BE_LOCALEDIR "/usr/local/share/locale"
#endif

const char *be_progname = "benut";
int be_argbase;

/* The width of the progress line on the terminal, 0 when none is shown. */
static int progress_width;

static void progress_clear(void);
static void progress_show(const struct be_progress *p, void *arg);

/*
 * A program run from the build tree has the tree's catalogues beside it
 * (locale/, which make builds); an installed one has none there.  Fills
 * buf and returns 1 when there is such a directory.
 */
static int
tree_localedir(char *buf, size_t n)
{
	char exe[4096], *slash;
	ssize_t len;
	struct stat sb;

	if ((len = readlink("/proc/self/exe", exe, sizeof exe - 1)) <= 0)
		return 0;
	exe[len] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return 0;
	*slash = '\0';
	if ((size_t)snprintf(buf, n, "%s/locale", exe) >= n)
		return 0;
	return stat(buf, &sb) == 0 && S_ISDIR(sb.st_mode);
}

void
be_init(const char *argv0)
{
	const char *p, *dir, *d;
	static char tree[4096];
	char *end;
	double delay = 2;

	if (argv0 && *argv0) {
		p = strrchr(argv0, '/');
		be_progname = p ? p + 1 : argv0;
	}
	setlocale(LC_NUMERIC, "C");
	dir = getenv("BENUT_LOCALEDIR");
	if (dir == NULL || *dir == '\0')
		dir = tree_localedir(tree, sizeof tree) ? tree : BE_LOCALEDIR;
	bindtextdomain("benut", dir);
	bind_textdomain_codeset("benut", "UTF-8");
	/* Progress only for a person at a terminal: never into a pipe or a
	 * file.  BENUT_PROGRESS_DELAY (seconds) is how long a run goes
	 * before it shows; a test sets it to 0. */
	if (isatty(STDERR_FILENO)) {
		if ((d = getenv("BENUT_PROGRESS_DELAY")) != NULL && *d) {
			delay = strtod(d, &end);
			if (*end || delay < 0)
				delay = 2;
		}
		be_progress_hook(progress_show, NULL, delay);
	}
}

void
be_warnx(const char *fmt, ...)
{
	va_list ap;

	progress_clear();
	fprintf(stderr, "%s: ", be_progname);
	va_start(ap, fmt);
	vfprintf(stderr, dgettext("benut", fmt), ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
be_report(const struct be_err *e)
{
	char buf[2200];

	progress_clear();
	if (strcmp(e->file, "argv") == 0 && e->line) {
		fprintf(stderr, "%s: ", be_progname);
		fprintf(stderr, dgettext("benut", "argument %lu: %s"),
		    e->line + (unsigned long)be_argbase, e->msg);
		fputc('\n', stderr);
		return;
	}
	fprintf(stderr, "%s: %s\n", be_progname,
	    be_err_str(e, buf, sizeof buf));
}

int
be_std_option(int opt, const char *usage)
{
	switch (opt) {
	case BE_OPT_HELP:
		printf(dgettext("benut", "usage: %s\n"), usage);
		return be_finish(BE_OK);
	case BE_OPT_VERSION:
		printf("%s (benut) %s\n", be_progname, BE_VERSION);
		return be_finish(BE_OK);
	case BE_OPT_SHAREDIR:
		printf("%s\n", be_share_dir());
		return be_finish(BE_OK);
	}
	return be_usage(usage);
}

int
be_usage(const char *usage)
{
	fprintf(stderr, dgettext("benut", "usage: %s\n"), usage);
	return BE_FAIL;
}

int
be_finish(int status)
{
	int bad = 0;

	if (fflush(stdout) != 0 || ferror(stdout))
		bad = errno ? errno : EIO;
	if (fclose(stdout) != 0 && !bad)
		bad = errno ? errno : EIO;
	if (bad) {
		be_warnx("write error on standard output: %s", strerror(bad));
		return BE_FAIL;
	}
	return status;
}

const char *
be_store_path(const char *opt)
{
	const char *env;

	if (opt && *opt)
		return opt;
	env = getenv("BENUT_STORE");
	if (env && *env)
		return env;
	return "benut.db";
}

const char *
be_share_dir(void)
{
	const char *env = getenv("BENUT_SHARE");

	return env && *env ? env : BE_SHAREDIR;
}

struct be_store *
be_prog_store(const char *opt, int mode)
{
	struct be_store *st;
	struct be_err e;

	be_err_init(&e);
	if ((st = be_store_open(be_store_path(opt), mode, &e)) == NULL)
		be_report(&e);
	return st;
}

FILE *
be_open_input(const char *path, struct be_err *e)
{
	FILE *fp;

	if (strcmp(path, "-") == 0)
		return stdin;
	if ((fp = fopen(path, "r")) == NULL)
		be_err_set(e, "cannot open '%s': %s", path, strerror(errno));
	return fp;
}

void
be_close_input(FILE *fp)
{
	if (fp && fp != stdin)
		fclose(fp);
}

static void
progress_clear(void)
{
	if (progress_width > 0)
		fprintf(stderr, "\r%*s\r", progress_width, "");
	progress_width = 0;
}

/* "1:05" or "2:03:04" */
static void
hms(char *buf, size_t n, double s)
{
	unsigned long t = s < 0 ? 0 : (unsigned long)(s + 0.5);

	if (t >= 3600)
		snprintf(buf, n, "%lu:%02lu:%02lu", t / 3600, t / 60 % 60,
		    t % 60);
	else
		snprintf(buf, n, "%lu:%02lu", t / 60, t % 60);
}

/* Draws the line in place with a carriage return; the next one, or the
 * end, overwrites it. */
static void
progress_show(const struct be_progress *p, void *arg)
{
	char line[256], t[32];
	const char *what;
	double rate = p->rate < 0 ? 0 : p->rate;
	int w;

	(void)arg;
	if (p->end) {
		progress_clear();
		return;
	}
	what = p->kind == BE_PROGRESS_ROWS ?
	    be_plural((unsigned long)p->done, "row", "rows") :
	    be_plural((unsigned long)p->done, "story", "stories");
	if (p->kind == BE_PROGRESS_INDEX) {
		hms(t, sizeof t, p->elapsed);
		w = snprintf(line, sizeof line, dgettext("benut",
		    "%s: rebuilding the search index of %llu %s, %s"),
		    be_progname, p->done, what, t);
	} else if (p->left >= 0) {
		hms(t, sizeof t, p->left);
		w = snprintf(line, sizeof line, dgettext("benut",
		    "%s: %llu %s, %.0f a second, about %s left"),
		    be_progname, p->done, what, rate, t);
	} else
		w = snprintf(line, sizeof line, dgettext("benut",
		    "%s: %llu %s, %.0f a second"), be_progname, p->done, what,
		    rate);
	if (w < 0)
		return;
	if (w >= (int)sizeof line)
		w = (int)sizeof line - 1;
	fprintf(stderr, "\r%s%*s", line,
	    progress_width > w ? progress_width - w : 0, "");
	if (w > progress_width)
		progress_width = w;
}

FILE *
be_open_private(const char *path, struct be_err *e)
{
	FILE *fp;
	int fd;

	if (strcmp(path, "-") == 0)
		return stdout;
	/* A file that exists already is made private before it is filled. */
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0600)) < 0 || fchmod(fd, 0600) < 0) {
		be_err_set(e, "cannot write '%s': %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	if ((fp = fdopen(fd, "w")) == NULL) {
		be_err_set(e, "cannot write '%s': %s", path, strerror(errno));
		close(fd);
	}
	return fp;
}

int
be_close_private(FILE *fp, const char *path, struct be_err *e)
{
	int bad;

	if (fp == NULL || fp == stdout)
		return 0;
	bad = ferror(fp);
	if (fclose(fp) != 0 || bad)
		return be_err_set(e, "cannot write '%s': %s", path,
		    strerror(errno ? errno : EIO));
	return 0;
}
