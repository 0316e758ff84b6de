/*
 * tap.h: a tiny TAP producer for the unit tests of lib/.
 *
 *	plan(3); ok(x == 1, "x is one"); is_str(a, "b", "a is b");
 *	return done();
 */
#ifndef BE_TAP_H
#define BE_TAP_H

#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

static __attribute__((unused)) void
plan(int n)
{
	printf("1..%d\n", n);
}

static __attribute__((unused)) int
ok(int cond, const char *name)
{
	tap_n++;
	printf("%s %d - %s\n", cond ? "ok" : "not ok", tap_n, name);
	if (!cond)
		tap_failed++;
	return cond;
}

static __attribute__((unused)) int
is_str(const char *got, const char *want, const char *name)
{
	int c = got && want ? strcmp(got, want) == 0 : got == want;

	if (!ok(c, name))
		printf("#   got:  '%s'\n#   want: '%s'\n", got ? got : "(null)",
		    want ? want : "(null)");
	return c;
}

static __attribute__((unused)) int
is_int(long long got, long long want, const char *name)
{
	int c = got == want;

	if (!ok(c, name))
		printf("#   got:  %lld\n#   want: %lld\n", got, want);
	return c;
}

static __attribute__((unused)) int
done(void)
{
	return tap_failed ? 1 : 0;
}

#endif
