/*
 * par.h: where benut works in threads, and the switch that turns them off.
 *
 * Two pipelines run in two threads, and nothing else does:
 *
 *	lib/collect.c	an intake: a reader thread parses, cleans, redacts
 *			and hashes; the caller's thread stores (run()).
 *	lib/tag.c	be_tag_all: a matcher thread evaluates the codebook
 *			on one batch of stories while the caller's thread
 *			reads the next and writes the last.
 *
 * Both give the same store and the same output with one thread:
 * BENUT_THREADS=1 in the environment runs each in the caller's thread
 * only (tests/0907-threads.t compares the two).  The store's connection
 * (lib/store.c) is used from the caller's thread only; the reader of an
 * intake only calls be_store_writeback (which asks the kernel to start
 * writing pages, through a descriptor of its own).  The store's other
 * speed machinery (a rollback journal for a first intake, see
 * be_store_begin) does not depend on threads.
 */
#ifndef BE_PAR_H
#define BE_PAR_H

/* The number of threads a pipeline may use: 1 when $BENUT_THREADS is
 * "1", else 2. */
int be_par_threads(void);

#endif
