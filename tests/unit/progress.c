/* Unit tests of lib/progress.c: the meter calls the hook only once the
 * delay is over, with the counts, an estimate when the end is known, and
 * once more at the end. */
#include <stdlib.h>

#include "progress.h"
#include "tap.h"

static int calls, ends;
static struct be_progress last;

static void
hook(const struct be_progress *p, void *arg)
{
	(void)arg;
	if (p->end)
		ends++;
	else
		calls++;
	last = *p;
}

int
main(void)
{
	struct be_meter m;
	int i;

	plan(11);
	be_meter_start(&m, BE_PROGRESS_ROWS, 100);
	for (i = 1; i <= 10; i++)
		be_meter_tick(&m, i);
	be_meter_end(&m);
	ok(!be_progress_on() && calls == 0 && ends == 0 && m.done == 10,
	    "no hook: counted, nothing shown");

	be_progress_hook(hook, NULL, 3600);
	be_meter_start(&m, BE_PROGRESS_ROWS, 100);
	for (i = 1; i <= 1000; i++)
		be_meter_tick(&m, i);
	be_meter_end(&m);
	ok(calls == 0 && ends == 0, "a run shorter than the delay: nothing");

	be_progress_hook(hook, NULL, 0);
	be_meter_start(&m, BE_PROGRESS_ROWS, 400);
	be_meter_tick(&m, 100);
	ok(calls == 1, "delay 0: shown at the first tick");
	ok(last.kind == BE_PROGRESS_ROWS && last.done == 1 && !last.end,
	    "kind and count");
	ok(last.left >= 0 && last.rate >= 0, "end known: rate and time left");
	for (i = 2; i <= BE_METER_EVERY; i++)
		be_meter_tick(&m, -1);
	ok(calls == 1, "the clock is not read at every tick");
	be_meter_end(&m);
	ok(ends == 1 && last.end, "the end takes the line away");
	be_meter_end(&m);
	ok(ends == 1, "ended twice: once");

	be_meter_start(&m, BE_PROGRESS_STORIES, 0);
	be_meter_tick(&m, 5);
	ok(calls == 2 && last.left < 0 && last.done == 1,
	    "end not known: no time left");
	be_meter_end(&m);
	be_meter_start(&m, BE_PROGRESS_INDEX, 42);
	be_meter_poll(&m);
	ok(calls == 3 && last.kind == BE_PROGRESS_INDEX && last.done == 42 &&
	    last.rate < 0, "the index: stories, no rate");
	be_meter_end(&m);
	be_progress_hook(NULL, NULL, 0);
	be_meter_start(&m, BE_PROGRESS_ROWS, 0);
	be_meter_tick(&m, 1);
	be_meter_end(&m);
	ok(calls == 3 && ends == 3, "hook taken away: nothing more");
	return done();
}
