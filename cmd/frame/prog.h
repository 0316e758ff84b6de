/*
 * prog.h: the frame of a benut program, linked into each binary beside
 * its main (cmd/frame/prog.c, no binary of its own; the library, lib/,
 * never prints and never exits).
 * This is the one module that writes messages to stderr; it decides no
 * exit: every helper returns a status, and only main returns it.
 *
 * Every main runs: setlocale -> be_init(argv[0]) -> getopt_long loop ->
 * argc -= optind; argv += optind; -> checks -> work -> return be_finish(st).
 *
 * Messages are English format strings, translated through gettext (domain
 * "benut", see po/README) where they are printed: be_warnx translates its
 * format, be_err_at and be_err_set (err.h) theirs.  The "be-x: file:line:
 * col: " prefix is the same in every language.
 */
#ifndef BE_PROG_H
#define BE_PROG_H

#include <getopt.h>
#include <stdio.h>

#include "err.h"

/* Exit statuses, as grep and mblaze. */
enum { BE_OK = 0, BE_NONE = 1, BE_FAIL = 2 };

/* Long options every program has; put BE_LONGOPTS_STD in its table. */
enum { BE_OPT_HELP = 0x100, BE_OPT_VERSION, BE_OPT_SHAREDIR,
	BE_OPT_FIRST_FREE };
/* The -s FILE / --store FILE option every program has. */
#define BE_LONGOPT_STORE { "store", required_argument, 0, 's' }

#define BE_LONGOPTS_STD \
	{ "help", no_argument, 0, BE_OPT_HELP }, \
	{ "version", no_argument, 0, BE_OPT_VERSION }, \
	{ "share-dir", no_argument, 0, BE_OPT_SHAREDIR }

/* The program's name, from argv[0] without its directory. */
extern const char *be_progname;

/*
 * Records the program's name and opens the message catalogue: the one
 * under $BENUT_LOCALEDIR, else the build tree's locale/ when the program
 * runs from the tree (the directory beside it), else the installed one
 * (LOCALEDIR).  Numbers stay in the C locale
 * (LC_NUMERIC), whatever the language of the messages.
 */
void be_init(const char *argv0);

/* "be-x: msg" on stderr; fmt is translated. */
void be_warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * "be-x: file:line:col: msg" for a library error.  An error of an operand
 * (be_loop names it "argv", its line the operand's place) is "be-x:
 * argument N: msg", N counted from the first operand as typed: a main
 * that hands be_loop the operands after a command word ("show") or a
 * title sets be_argbase to how many come before.
 */
void be_report(const struct be_err *e);
extern int be_argbase;

/*
 * The end of every option switch: 'default: return be_std_option(c,
 * usage);'.  BE_OPT_HELP prints "usage: USAGE" to stdout, BE_OPT_VERSION
 * "be-x (benut) VERSION", BE_OPT_SHAREDIR the directory of the shipped
 * maps, codebooks and meeting template; each returns be_finish(BE_OK).
 * Any other opt (an unknown option) prints the usage to stderr and returns
 * BE_FAIL.  usage is the text after "usage: ", which equals the SYNOPSIS
 * of the man page.
 */
int be_std_option(int opt, const char *usage)
    __attribute__((warn_unused_result));

/* Prints "usage: USAGE" on stderr and returns BE_FAIL, for main to return. */
int be_usage(const char *usage) __attribute__((warn_unused_result));

/*
 * Flushes and closes stdout; a write error (a full disk, a closed pipe
 * other than by SIGPIPE) is reported and turns status into BE_FAIL.
 * Returns the status to exit with.
 */
int be_finish(int status);

/* The store path: opt if not NULL, else $BENUT_STORE, else "benut.db". */
const char *be_store_path(const char *opt);

/* The shipped data: $BENUT_SHARE, else the installed share directory. */
const char *be_share_dir(void);

struct be_store;

/*
 * be_store_open with the program around it: opens the store at
 * be_store_path(opt) in mode (BE_STORE_RDONLY,
 * BE_STORE_UPDATE, or BE_STORE_WRITE, which only be-collect uses: the
 * others never create a store); when it cannot, reports why and returns
 * NULL.
 */
struct be_store *be_prog_store(const char *opt, int mode);

/*
 * Opens the input file path for reading; "-" is stdin.  NULL with e
 * filled ("cannot open 'path': reason") when it cannot be opened.
 */
FILE *be_open_input(const char *path, struct be_err *e);

/* Closes fp unless it is stdin. */
void be_close_input(FILE *fp);

/*
 * Opens path for writing personal data (a list of names and addresses):
 * created or truncated with mode 0600, also when it existed with another
 * mode; "-" is stdout.  NULL with e filled ("cannot write 'path':
 * reason").  Close with be_close_private, which reports a write error
 * (-1 with e).
 */
FILE *be_open_private(const char *path, struct be_err *e);
int be_close_private(FILE *fp, const char *path, struct be_err *e);

#endif
