/*
 * prog.h: the frame of a benut program.  This is the one module that
 * writes to stderr and decides exit statuses; cmd/ calls it, the rest of
 * the library never does.
 *
 * Every main runs: setlocale -> be_init(argv[0]) -> getopt_long loop ->
 * argc -= optind; argv += optind; -> checks -> work -> return be_finish(st).
 */
#ifndef BE_PROG_H
#define BE_PROG_H

#include <getopt.h>
#include <stdio.h>

#include "err.h"

/* Exit statuses, as grep and mblaze. */
enum { BE_OK = 0, BE_NONE = 1, BE_FAIL = 2 };

/* Long options every program has; put BE_LONGOPTS_STD in its table. */
enum { BE_OPT_HELP = 0x100, BE_OPT_VERSION, BE_OPT_FIRST_FREE };
/* The -s FILE / --store FILE option every program has. */
#define BE_LONGOPT_STORE { "store", required_argument, 0, 's' }

#define BE_LONGOPTS_STD \
	{ "help", no_argument, 0, BE_OPT_HELP }, \
	{ "version", no_argument, 0, BE_OPT_VERSION }

/* The program's name, from argv[0] without its directory. */
extern const char *be_progname;

/* Records the program's name; sets up nothing else. */
void be_init(const char *argv0);

/* "be-x: msg" on stderr. */
void be_warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* "be-x: file:line:col: msg" for a library error. */
void be_report(const struct be_err *e);

/*
 * Handles BE_OPT_HELP (prints usage to stdout, exits 0) and
 * BE_OPT_VERSION (prints "be-x (benut) VERSION", exits 0).  usage is the
 * text after "usage: ", which equals the SYNOPSIS of the man page.
 */
void be_std_option(int opt, const char *usage);

/* Prints "usage: USAGE" on stderr and exits 2. */
void be_usage(const char *usage) __attribute__((noreturn));

/*
 * Flushes and closes stdout; a write error (a full disk, a closed pipe
 * other than by SIGPIPE) is reported and turns status into BE_FAIL.
 * Returns the status to exit with.
 */
int be_finish(int status);

/* The store path: opt if not NULL, else $BENUT_STORE, else "benut.db". */
const char *be_store_path(const char *opt);

struct be_store;

/*
 * Opens the store at be_store_path(opt) in mode (BE_STORE_RDONLY or
 * BE_STORE_WRITE); when it cannot, reports why and returns NULL.
 */
struct be_store *be_open_store(const char *opt, int mode);

/*
 * Opens the input file path for reading; "-" is stdin.  NULL with e
 * filled ("path: cannot open: reason") when it cannot be opened.
 */
FILE *be_open_input(const char *path, struct be_err *e);

/* Closes fp unless it is stdin. */
void be_close_input(FILE *fp);

#endif
