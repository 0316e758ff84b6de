/* prog.c: see prog.h. */
#include <errno.h>
#include <libintl.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "prog.h"
#include "store.h"
#include "banned.h"

#ifndef BE_LOCALEDIR
#define BE_LOCALEDIR "/usr/local/share/locale"
#endif

const char *be_progname = "benut";
int be_argbase;

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
	const char *p, *dir;
	static char tree[4096];

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
}

void
be_warnx(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", be_progname);
	va_start(ap, fmt);
	vfprintf(stderr, dgettext("benut", fmt), ap);
	va_end(ap);
	fputc('\n', stderr);
}

const char *
be_plural(unsigned long n, const char *one, const char *more)
{
	return dngettext("benut", one, more, n);
}

void
be_report(const struct be_err *e)
{
	char buf[2200];

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
be_open_store(const char *opt, int mode)
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
