#!/bin/sh
# The EXAMPLES of be-find(1) run as they are written there, each block as
# one script, against the stories of tests/fixtures/find/seed.sql.
. "${0%/*}/lib.sh"
. "$FIX/find/find.sh"
export BENUT_NOW=2026-11-23T12:00:00Z EDITOR=true
seed
n=$(man_examples be-find.1)
plan $((n + 1))
run_examples be-find.1 "$n"
ok "[ -s noord.yaml ] && grep -q '^kind: story' noord.yaml" \
    "the examples wrote their files"
done_testing
