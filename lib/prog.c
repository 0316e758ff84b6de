/* prog.c: see prog.h. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prog.h"
#include "store.h"
#include "banned.h"

const char *be_progname = "benut";

void
be_init(const char *argv0)
{
	const char *p;

	if (argv0 && *argv0) {
		p = strrchr(argv0, '/');
		be_progname = p ? p + 1 : argv0;
	}
}

void
be_warnx(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", be_progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
be_report(const struct be_err *e)
{
	char buf[2200];

	be_warnx("%s", be_err_str(e, buf, sizeof buf));
}

void
be_std_option(int opt, const char *usage)
{
	if (opt == BE_OPT_HELP) {
		printf("usage: %s\n", usage);
		exit(be_finish(BE_OK));
	}
	if (opt == BE_OPT_VERSION) {
		printf("%s (benut) %s\n", be_progname, BE_VERSION);
		exit(be_finish(BE_OK));
	}
}

void
be_usage(const char *usage)
{
	fprintf(stderr, "usage: %s\n", usage);
	exit(BE_FAIL);
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
		be_err_at(e, path, 0, 0, "cannot open: %s", strerror(errno));
	return fp;
}

void
be_close_input(FILE *fp)
{
	if (fp && fp != stdin)
		fclose(fp);
}
