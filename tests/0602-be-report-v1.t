#!/bin/sh
# be-report on a store of schema version 1 (tests/fixtures/store/v1.sql):
# a preview only reads and asks for an upgrade; a report made migrates the
# store and is recorded.
. "${0%/*}/lib.sh"
plan 7
export BENUT_NOW=2026-12-01T10:00:00Z
sqlite3 "$BENUT_STORE" <"$FIX/store/v1.sql"
V=$(sed -n 's/^#define BE_STORE_VERSION //p' "$TOP/lib/store.h")

run be-report -n -f md
must_fail 2 "be-report: $BENUT_STORE: store has schema version 1, older than this program's $V; run a program that writes (be-collect) to upgrade it" \
    "a preview does not migrate"
is "$(q 'PRAGMA user_version')" 1 "the store is as it was"

run be-report -f yaml --until 2026-11
is_rc 0 "a report made migrates the store"
is "$(q 'PRAGMA user_version')" "$V" "to this program's version"
is "$(q 'SELECT made, since, until, per, stories FROM report')" \
    "2026-12-01T10:00:00Z|2026-10-01|2026-11-30|maand|16" "the report is recorded"
is "$(grep '^  total:' "$OUT" | head -3 | tr -d '\n')" \
    "  total: 6  total: 5  total: < 5" "its counts from the old store"
run be-report -n -f md --until 2026-11
is_rc 0 "and the next preview reads it"
done_testing
