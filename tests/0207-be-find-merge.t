#!/bin/sh
# Merging stores: be-find --yaml | be-collect -f yaml copies stories with
# their tags (rule and hand, with provenance); a second merge adds nothing;
# be-find's records are refs, never stories.
. "${0%/*}/lib.sh"
plan 17
export BENUT_NOW=2026-03-01T10:00:00Z
CB=$TOP/share/codebooks/sociaal-domein.yaml
A=$T/anna.db B=$T/bert.db

be-collect -s "$A" "$FIX/find/verhalen.csv" >/dev/null 2>&1
be-tag -s "$A" -c "$CB" --all >/dev/null 2>&1
be-tag -s "$A" -u anna +vervoer S-2 >/dev/null 2>&1
be-tag -s "$A" -u anna -vervoer S-1 >/dev/null 2>&1
be-point -s "$A" new "De regiotaxi komt te laat" S-1 S-2 >/dev/null 2>&1
be-point -s "$A" show P-1 | sed -e 's/^vraag:.*/vraag: Zorg dat de taxi op tijd komt./' \
    -e 's/^waarden:.*/waarden: [zelfstandigheid, regie]/' -e 's/^owner:.*/owner: [Anna, Bas]/' \
    -e 's/^  richting:.*/  richting: Meer mensen met de taxi./' | be-point -s "$A" update >/dev/null 2>&1
be-point -s "$A" state P-1 gereed >/dev/null 2>&1
printf 'Datum,Kanaal,Gemeente,Verhaal\n2026-02-12,Formulier,Súdwest-Fryslân,De wachtlijst voor huishoudelijke hulp is lang.\n2026-02-25,Gesprek,Zwolle,De wmo-taxi reed me naar de verkeerde dagbesteding.\n' >bert.csv
be-collect -s "$B" bert.csv >/dev/null 2>&1
BENUT_NOW=2026-03-02T09:00:00Z be-tag -s "$B" -u bert --new +mantelzorg S-1 S-2 >/dev/null 2>&1
BENUT_NOW=2026-03-02T09:00:00Z be-point -s "$B" new "Mantelzorgers lopen vast" S-2 >/dev/null 2>&1

tags() { sqlite3 -batch "$1" "SELECT s.told, t.name, st.origin, st.present,
  coalesce(c.name, '-'), coalesce(st.rule, '-'), coalesce(st.matched, '-'),
  coalesce(st.who, '-'), st.at FROM story_tag st JOIN story s ON s.id = st.story_id
  JOIN tag t ON t.id = st.tag_id LEFT JOIN codebook c ON c.id = st.codebook_id
  ORDER BY s.told, t.name"; }

be-find -s "$A" --yaml >anna.yaml
run be-collect -s "$B" -f yaml anna.yaml
is "$RC:$(cat "$OUT")" "0:S-3	2026-01-05	Telefoon	Utrecht	De taxi kwam een uur te laat, de…
S-4	2026-02-20	E-mail	Utrecht	Niemand neemt de telefoon op bij het wijkteam;…" \
    "the stories new to the other store"
is "$(cat "$ERR")" "be-collect: anna.yaml: 3 rows read, 2 new, 1 duplicate, 0 refused; 5 tags and 1 point added" \
    "tags counted"
is "$(tags "$B")" "2026-01-05|vervoer|hand|0|-|-|-|anna|2026-03-01T10:00:00Z
2026-02-12|huishoudelijke-hulp|rule|1|sociaal-domein|\\bhuishoudelijke hulp\\w*|huishoudelijke hulp|-|2026-03-01T10:00:00Z
2026-02-12|mantelzorg|hand|1|-|-|-|bert|2026-03-02T09:00:00Z
2026-02-12|vervoer|hand|1|-|-|-|anna|2026-03-01T10:00:00Z
2026-02-12|wachttijden|rule|1|sociaal-domein|\\bwacht(en|lijst(en)?|tijd(en)?)\\b|wachtlijst|-|2026-03-01T10:00:00Z
2026-02-20|bereikbaarheid|rule|1|sociaal-domein|\\b(neemt|nam|namen)\\b[^.;!?]{0,30}\\btelefoon (niet )?op\\b|\\bniemand (neemt|nam)\\b[^.;!?]{0,20}\\bop\\b|Niemand neemt de telefoon op|-|2026-03-01T10:00:00Z
2026-02-25|mantelzorg|hand|1|-|-|-|bert|2026-03-02T09:00:00Z" \
    "rule and hand tags with their provenance, also on a duplicate; one taken off stays off"
is "$(sqlite3 "$B" "SELECT name, hash = '$(sqlite3 "$A" 'SELECT hash FROM codebook')' FROM codebook")" \
    "sociaal-domein|1" "the codebook named with its hash"

run be-collect -s "$B" -f yaml anna.yaml
is "$RC:$(cat "$OUT")$(cat "$ERR")" \
    "0:be-collect: anna.yaml: 3 rows read, 0 new, 3 duplicates, 0 refused" \
    "a second merge adds nothing"
is "$(sqlite3 "$B" 'SELECT count(*) FROM story_tag')" 7 "no tag twice"
points() { sqlite3 -batch "$1" "SELECT p.guid, p.title, p.state, s.told, ps.pos,
  (SELECT group_concat(state || '@' || at, ' ') FROM point_state WHERE point_id = p.id)
  FROM point p JOIN point_story ps ON ps.point_id = p.id JOIN story s ON s.id = ps.story_id
  ORDER BY p.guid, s.told"; }
GA=$(sqlite3 "$A" 'SELECT guid FROM point')
is "$(points "$B" | grep "^$GA")" "$GA|De regiotaxi komt te laat|gereed|2026-01-05|1|concept@2026-03-01 gereed@2026-03-01
$GA|De regiotaxi komt te laat|gereed|2026-02-12|2|concept@2026-03-01 gereed@2026-03-01" \
    "the point came along with its global id, its stories and its history"
show() { be-point -s "$1" show "$(sqlite3 "$1" "SELECT 'P-' || id FROM point WHERE guid = '$GA'")" |
    grep -v '^ref:\|^- ref:\|^  quote:'; }
is "$(show "$B" | grep -c "^vraag: Zorg\|^- regie\|^  richting: Meer\|^- Bas\|^waarden:.*regie\|^owner:.*Bas"):$(show "$B" | md5sum)" "4:$(show "$A" | md5sum)" "with its ask, owners, values and notes"
is "$(echo "$GA" | grep -c '^[0-9a-f]\{8\}-[0-9a-f]\{4\}-4[0-9a-f]\{3\}-[89ab][0-9a-f]\{3\}-[0-9a-f]\{12\}$')" 1 \
    "a global id is a UUID"

# And back: the other store's own tags come to the first.
be-find -s "$B" --yaml | be-collect -s "$A" -f yaml >/dev/null 2>"$ERR"
is "$(cat "$ERR")" "be-collect: -: 4 rows read, 1 new, 3 duplicates, 0 refused; 2 tags and 1 point added" \
    "merging back brings bert's tags and point"
is "$(tags "$A" | md5sum)" "$(tags "$B" | md5sum)" "both stores now hold the same tags"
is "$(points "$A" | md5sum):$(sqlite3 "$A" 'SELECT count(*) FROM point')" \
    "$(points "$B" | md5sum):2" "and the same points, each once"

# be-find's records are refs with a preview: never stories.
be-find -s "$A" >records
run be-collect -s "$B" records
must_fail 2 "be-collect: records:1:1: a record with a story ref is a ref, not a story; to copy stories use be-find --yaml | be-collect -f yaml
be-collect: records: nothing written" "records of be-find are refused as stories"
is "$(sqlite3 "$B" 'SELECT count(*) FROM story')" 4 "nothing taken in"

printf -- '---\nkind: story\nversion: 1\ntext: Iets.\ntags:\n  - theme: Vervoer\n    origin: rule\n    at: 2026-03-01T10:00:00Z\n' >bad.yaml
run be-collect -s "$B" bad.yaml
must_fail 2 "be-collect: bad.yaml:6:12: theme name must be lower case letters, digits, '-' or '_'
be-collect: bad.yaml: nothing written" "a bad tag refuses the document"
# A store of schema version 1 gets global ids for its points when it is
# upgraded, and they travel.
sqlite3 v1.db <"$FIX/store/v1.sql"
printf 'Datum,Verhaal\n2026-03-01,Een nieuw verhaal.\n' | be-collect -s v1.db >/dev/null 2>&1
is "$(sqlite3 v1.db "SELECT count(*), count(DISTINCT guid), sum(guid GLOB '*-4*') FROM point")" "1|1|1" \
    "an upgraded store gives its points a global id"
run sh -c 'be-find -s v1.db --yaml | be-collect -s v1copy.db -f yaml'
is "$RC:$(sqlite3 v1copy.db 'SELECT guid FROM point')" "0:$(sqlite3 v1.db 'SELECT guid FROM point')" \
    "and they travel"
done_testing
