#!/bin/sh
# Merging stores carries a story's routing (be-tag --needs-route/--route):
# to whom, when, by whom, how the teller was told, the note, passed-on; it
# is added only where the receiving story has none, and never twice.
. "${0%/*}/lib.sh"
plan 8
export BENUT_NOW=2026-03-01T10:00:00Z
A=$T/anna.db B=$T/bert.db

be-collect -s "$A" "$FIX/find/verhalen.csv" >/dev/null 2>&1
be-tag -s "$A" -u anna --needs-route --note "vraagt om hulp" S-2 >/dev/null 2>&1
be-tag -s "$A" -u anna --route wijkteam --told "telefonisch doorverwezen" \
    --date 2026-02-27 --note "belt terug" S-3 >/dev/null 2>&1
printf 'Datum,Kanaal,Gemeente,Verhaal\n2026-02-25,Gesprek,Zwolle,De wmo-taxi reed me naar de verkeerde dagbesteding.\n' >bert.csv
be-collect -s "$B" bert.csv >/dev/null 2>&1

routing() { be-find -s "$1" "$2" --yaml | sed -n '/^routing:/,/^---/p'; }
routes() { sqlite3 -batch "$1" "SELECT s.told, s.route, r.state, coalesce(r.dest, '-'),
  r.at, r.who, coalesce(r.note, '-'), coalesce(r.told, '-'), r.passed FROM story_route r
  JOIN story s ON s.id = r.story_id ORDER BY s.told"; }

be-find -s "$A" --yaml | be-collect -s "$B" -f yaml >/dev/null 2>&1
run be-find -s "$B" --route=routed
is "$RC:$(cat "$OUT")" "0:S-4	2026-02-20	E-mail	Utrecht	Niemand neemt de telefoon op bij het wijkteam;…" \
    "the routed story is routed in the other store"
is "$(routing "$B" --route=routed)" "routing:
  state: routed
  to: wijkteam
  date: \"2026-02-27\"
  by: anna
  note: belt terug
  told: telefonisch doorverwezen
  passed-on: nee" "with the same details"
is "$(routing "$B" --route=routed)" "$(routing "$A" --route=routed)" "as in the first store"
is "$(routing "$B" --route=open)" "$(routing "$A" --route=open)" "a waiting story still waits"
is "$(routes "$B")" "2026-02-12|te-routeren|open|-|2026-03-01|anna|vraagt om hulp|-|0
2026-02-20|wijkteam|routed|wijkteam|2026-02-27|anna|belt terug|telefonisch doorverwezen|0" \
    "the routing in the store"

# A second merge adds nothing; a routing the other store made stays.
BENUT_NOW=2026-03-05T10:00:00Z be-tag -s "$B" -u bert --route ombudsman \
    --told "per brief" S-3 >/dev/null 2>&1
be-find -s "$A" --yaml | sed 's/belt terug/iets anders/' | be-collect -s "$B" -f yaml >/dev/null 2>&1
is "$(routes "$B")" "2026-02-12|ombudsman|routed|ombudsman|2026-03-05|bert|-|per brief|0
2026-02-20|wijkteam|routed|wijkteam|2026-02-27|anna|belt terug|telefonisch doorverwezen|0" \
    "a second merge adds nothing and changes nothing"
is "$(sqlite3 "$B" 'SELECT count(*) FROM person')" 0 "no contact data travels"

# A routing that cannot be read is refused with its story.
be-find -s "$A" --route=routed --yaml | sed 's/^  state: routed/  state: weg/' >bad.yaml
run be-collect -s "$B" -f yaml bad.yaml
must_fail 2 "be-collect: bad.yaml:20:10: unknown state of a routing; use open or routed
be-collect: bad.yaml: nothing written" "an unknown state of a routing"
