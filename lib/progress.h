/*
 * progress.h: how far a long run is, for a person who watches it.
 *
 * The library never prints: a meter counts the work and, once the run
 * has taken longer than a delay, hands a snapshot (struct be_progress) to
 * the one hook the program set, a few times a second and once more when
 * it ends.  cmd/frame/prog.c sets that hook when standard error is a terminal
 * (be_init) and draws the line there; without a hook (a pipe, a file, the
 * tests, a library user) a meter does nothing but count.
 *
 * A meter belongs to one thread: the one that stores or applies the
 * work, never a helper thread.  be_meter_tick costs an increment and a
 * compare; the clock is read every BE_METER_EVERY ticks.
 */
#ifndef BE_PROGRESS_H
#define BE_PROGRESS_H

#include <time.h>

enum {
	BE_PROGRESS_ROWS,	/* intake: rows of the input */
	BE_PROGRESS_STORIES,	/* tagging: stories */
	BE_PROGRESS_INDEX,	/* the full-text index rebuilt: done is the
				   number of stories (be_meter_start's end),
				   no rate */
};

/* What the hook is given.  A snapshot, valid during the call only. */
struct be_progress {
	int kind;		/* BE_PROGRESS_* */
	unsigned long long done;	/* rows or stories done */
	double rate;		/* done per second, < 0 when not known */
	double left;		/* seconds left (an estimate), < 0 when not
				   known */
	double elapsed;		/* seconds since the start */
	int end;		/* 1: the run is over, take the line away */
};

/*
 * Sets the hook that shows progress (NULL: none), called with arg, once
 * a run has taken delay seconds.  Call before any meter starts and before
 * threads: it is read without a lock.
 */
void be_progress_hook(void (*fn)(const struct be_progress *, void *),
    void *arg, double delay);

/* 1 when a hook is set: a caller may then spend a query on a total. */
int be_progress_on(void);

#define BE_METER_EVERY 64

/* A meter on the caller's stack; its members are the module's. */
struct be_meter {
	int on, shown, kind, countdown;
	unsigned long long done;
	long long pos, end;	/* how far through the input; end <= 0:
				   not known */
	struct timespec t0, next;
};

/*
 * Starts m for work of kind.  end is the size of the work in the units
 * pos is given in (bytes of the input, stories), or 0 when not known;
 * for BE_PROGRESS_INDEX the number of stories, shown as done.  Allocates
 * nothing.
 */
void be_meter_start(struct be_meter *m, int kind, long long end);

/* Looks at the clock; shows the line when it is time.  Call
 * be_meter_tick, which calls this every BE_METER_EVERY ticks. */
void be_meter_poll(struct be_meter *m);

/* One unit done; pos is how far through the input (or -1: not known,
 * keep the last). */
static inline void
be_meter_tick(struct be_meter *m, long long pos)
{
	m->done++;
	if (pos >= 0)
		m->pos = pos;
	if (m->on && --m->countdown <= 0)
		be_meter_poll(m);
}

/* Ends m: the line, if shown, is taken away.  Safe on a meter that never
 * showed and on one ended before. */
void be_meter_end(struct be_meter *m);

#endif
