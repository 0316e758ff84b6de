#!/bin/sh
# be-report on a store of schema version 1 (tests/fixtures/store/v1.sql):
# the store is migrated, a preview records nothing, a report made is
# recorded.
. "${0%/*}/lib.sh"
plan 8
export BENUT_NOW=2026-12-01T10:00:00Z
sqlite3 "$BENUT_STORE" <"$FIX/store/v1.sql"
V=$(sed -n 's/^#define BE_STORE_VERSION //p' "$TOP/lib/store.h")

run be-report -n -f md --until 2026-11
is_rc 0 "a preview reads the store"
is "$(q 'PRAGMA user_version'):$(q 'SELECT count(*) FROM report')" "$V:0" \
    "migrated as any program that opens it migrates it, and nothing recorded"

run be-report -f yaml --until 2026-11
is_rc 0 "a report made"
is "$(q 'SELECT made, since, until, per, stories FROM report')" \
    "2026-12-01T10:00:00Z|2026-10-01|2026-11-30|maand|15" "the report is recorded"
is "$(grep '^  total:' "$OUT" | head -3 | tr -d '\n')" \
    "  total: 5  total: < 5  total: < 5" "its counts from the old store"
run be-report -n -f md --until 2026-11 --min-count 1
is_rc 0 "and the next preview reads it"
is "$(q "SELECT use FROM story WHERE text LIKE '%jeugd-GGZ%'")" count \
    "S-16 (\"alleen tellen\") may only be counted since the migration"
ok "grep -q '^> ' '$OUT' && ! grep -q 'jeugd-GGZ' '$OUT'" \
    "and is never quoted, with every count shown"
done_testing
