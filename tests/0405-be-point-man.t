#!/bin/sh
# man/be-point.1: the SYNOPSIS is the usage, and the EXAMPLES run.
. "${0%/*}/lib.sh"
export BENUT_NOW=2026-11-23T10:00:00Z
plan $((4 + $(man_examples be-point.1)))

run be-point --help
mandoc -Tascii "$TOP/man/be-point.1" | col -b |
    sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' | sed '1d;$d;/^$/d;s/^ *//' >syn
is "$(sed 's/^usage: //;s/^ *//' "$OUT")" "$(cat syn)" "usage is the SYNOPSIS"
run be-point
must_fail 2 "$(sed 's/^/usage: /;2,$s/^usage: /       /' syn)" \
    "no command: usage on stderr"

new_store
sqlite3 -batch "$BENUT_STORE" <"$FIX/point/seed.sql"
n=$(man_examples be-point.1)
run_examples be-point.1 "$n"
is "$(tail -n 1 "$OUT")" "P-1	teruggekoppeld	De regiotaxi komt te laat" \
    "and end where they say"
is "$(q "SELECT vraag, answer FROM point")" \
    "Zorg dat de regiotaxi op tijd komt.|deels" "with the ask and the answer"
done_testing
