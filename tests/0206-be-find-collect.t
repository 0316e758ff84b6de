#!/bin/sh
# be-find on a store made by be-collect (and tagged by be-tag): the same
# records, YAML that be-collect takes back, attributes from CSV columns.
. "${0%/*}/lib.sh"
plan 9
export BENUT_NOW=2026-03-01T10:00:00Z

be-collect "$FIX/find/verhalen.csv" >collected 2>/dev/null
run be-find
is "$RC:$(cat "$ERR")" "0:" "be-find on a collected store"
is "$(cat "$OUT")" "$(cat collected)" "the same records as be-collect printed"

be-find --yaml >all.yaml
run be-collect -f yaml all.yaml
is "$RC:$(cat "$OUT")$(cat "$ERR")" \
    "0:be-collect: all.yaml: 3 rows read, 0 new, 3 duplicates, 0 refused" \
    "--yaml goes back into be-collect, as duplicates"
is "$(q 'SELECT count(*) FROM story')" "3" "nothing new in the store"

run be-find -a wijk=NOORD
is "$RC:$(cut -f1 "$OUT" | tr '\n' ' ')$(cat "$ERR")" "0:S-1 S-3 " \
    "-a on a CSV column"
run be-find -q 'client NEAR(afspraak miste)' -g sudwest-fryslan
is "$RC:$(cat "$OUT" "$ERR")" "1:" "query and gemeente: none has both"
run be-find -q 'wachtlijst' -g sudwest-fryslan --count
is "$RC:$(cat "$OUT" "$ERR")" "0:1" "query and gemeente"

be-tag --new +vervoer S-1 >/dev/null 2>&1
run be-find --by tag
is "$RC:$(cat "$OUT" "$ERR")" "0:T-1	vervoer	1
-		2" "--by tag names themes as be-tag -l does"
run be-find -t "$(be-tag -l | cut -f1)"
is "$RC:$(cut -f1 "$OUT")$(cat "$ERR")" "0:S-1" "-t takes the ref be-tag -l prints"
done_testing
