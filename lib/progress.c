/* progress.c: see progress.h. */
#include <string.h>
#include <time.h>

#include "progress.h"
#include "banned.h"

/* How often the line is drawn again once shown. */
#define REDRAW 0.25

static void (*hook)(const struct be_progress *, void *);
static void *hook_arg;
static double hook_delay;

void
be_progress_hook(void (*fn)(const struct be_progress *, void *), void *arg,
    double delay)
{
	hook = fn;
	hook_arg = arg;
	hook_delay = delay > 0 ? delay : 0;
}

int
be_progress_on(void)
{
	return hook != NULL;
}

static double
since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) +
	    (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void
after(struct timespec *t, const struct timespec *from, double s)
{
	long ns = from->tv_nsec + (long)((s - (double)(long)s) * 1e9);

	t->tv_sec = from->tv_sec + (time_t)s + ns / 1000000000L;
	t->tv_nsec = ns % 1000000000L;
}

void
be_meter_start(struct be_meter *m, int kind, long long end)
{
	memset(m, 0, sizeof *m);
	m->kind = kind;
	m->end = end;
	m->pos = -1;
	if (kind == BE_PROGRESS_INDEX && end > 0)
		m->done = (unsigned long long)end;
	m->on = hook != NULL;
	m->countdown = 1;
	if (!m->on)
		return;
	clock_gettime(CLOCK_MONOTONIC, &m->t0);
	after(&m->next, &m->t0, hook_delay);
}

void
be_meter_poll(struct be_meter *m)
{
	struct be_progress p;
	struct timespec now;
	double el;

	m->countdown = BE_METER_EVERY;
	if (!m->on)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (now.tv_sec < m->next.tv_sec || (now.tv_sec == m->next.tv_sec &&
	    now.tv_nsec < m->next.tv_nsec))
		return;
	after(&m->next, &now, REDRAW);
	el = since(&m->t0, &now);
	memset(&p, 0, sizeof p);
	p.kind = m->kind;
	p.done = m->done;
	p.elapsed = el;
	p.rate = m->kind == BE_PROGRESS_INDEX || el <= 0 ? -1 :
	    (double)m->done / el;
	p.left = -1;
	if (m->end > 0 && m->pos > 0 && m->pos <= m->end && el > 0)
		p.left = el * (double)(m->end - m->pos) / (double)m->pos;
	m->shown = 1;
	hook(&p, hook_arg);
}

void
be_meter_end(struct be_meter *m)
{
	struct be_progress p;

	if (m->on && m->shown) {
		memset(&p, 0, sizeof p);
		p.kind = m->kind;
		p.done = m->done;
		p.rate = p.left = -1;
		p.end = 1;
		hook(&p, hook_arg);
	}
	m->on = m->shown = 0;
}
