#!/bin/sh
# be-point --check-names: words in the quotes of points that look like
# names, to check by hand before a document leaves the council.
. "${0%/*}/lib.sh"
plan 6

printf 'Datum,Verhaal\n2026-01-02,"Gisteren belde Karin nog, maar de taxi van Valys kwam niet. Mijn zoon Daan was boos op het UWV in Zwolle."\n2026-01-03,"Ik sprak met Bakker van de Wmo in Den Haag, in maart."\n2026-01-04,De bus kwam niet.\n' >q.csv
be-collect q.csv >/dev/null 2>&1
be-point new Taxi S-1 S-2 >/dev/null
be-point new Bus S-3 >/dev/null

run be-point --check-names P-1
is "$RC:$(cat "$OUT")" "$(printf '0:P-1\tS-1\tKarin\nP-1\tS-2\tBakker')" "the words that look like names, by point and story"
is "$(cat "$ERR")" "" "nothing on stderr"
run be-point --check-names P-2
is "$RC:$(cat "$OUT")" "1:" "none: exit 1, as a selector"
be-point -l >points
run_in points be-point --check-names
is "$RC:$(cat "$OUT")" "$(printf '0:P-1\tS-1\tKarin\nP-1\tS-2\tBakker')" "points as records on standard input"
run be-point --check-names P-9
is "$RC:$(cat "$ERR")" "2:be-point: no point P-9" "an unknown point"
run be-point --check-names -l
is_rc 2 "not with -l"
done_testing
