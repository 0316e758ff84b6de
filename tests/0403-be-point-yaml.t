#!/bin/sh
# be-point show and update: the YAML round trip and its refusals.
. "${0%/*}/lib.sh"
export BENUT_NOW=2026-11-23T10:00:00Z
plan 38

new_store
sqlite3 -batch "$BENUT_STORE" <"$FIX/point/seed.sql"
be-point new "Taxi komt te laat" S-1 S-2 S-3 >/dev/null
be-point new "Wachten" S-4 >/dev/null

run be-point show P-1
is_rc 0 "show"
golden point-show-new.yaml
cp "$OUT" p1.yaml

snap() { q "SELECT * FROM point; SELECT * FROM point_value;
    SELECT * FROM point_story; SELECT * FROM point_state"; }
snap >before
run be-point update p1.yaml
is "$(cat "$OUT")$(cat "$ERR") $RC" " 0" "update of what show printed: no output"
snap >after
ok 'cmp -s before after' "and no change in the store, not even its time"
export BENUT_NOW=2026-11-24T08:00:00Z
run be-point show P-1
ok 'cmp -s p1.yaml "$OUT"' "show again: byte-identical"

sed 's/^vraag:$/vraag: Zorg dat de taxi op tijd komt./' p1.yaml >p1v.yaml
run be-point update p1v.yaml
is "$(cat "$OUT") $RC" "P-1	concept	3	vervoer	Taxi komt te laat 0" \
    "an edit of vraag prints the record of the changed point"
be-point show P-1 >p1v.out
ok 'cmp -s p1v.yaml p1v.out' "show gives back the edit"
sed 's/^vraag: .*/vraag: Zorg dat de taxi op tijd komt!/' p1v.out >p1w.yaml
run_in p1w.yaml be-point update
is "$(cat "$OUT") $RC" "P-1	concept	3	vervoer	Taxi komt te laat 0" \
    "an edit read from standard input: the record, status 0"
be-point update p1v.yaml >/dev/null
is "$(diff p1.yaml p1v.out)" "13c13
< vraag:
---
> vraag: Zorg dat de taxi op tijd komt." "only vraag changed"
is "$(q "SELECT updated FROM point WHERE id = 1")" "2026-11-24T08:00:00Z" \
    "the time of the change is kept"

run be-point update "$FIX/point/p1-full.yaml"
is "$(cat "$OUT") $RC" 'P-1	gereed	2	vervoer	Taxi komt te laat: "altijd" 0' \
    "every field at once, and a move through 'state:'"
run be-point show P-1
golden point-show-full.yaml
ok 'diff "$FIX/point/p1-full.yaml" "$OUT" | grep -q "^> - state: gereed"' \
    "the full document round-trips, history added"
is "$(q "SELECT owner FROM point WHERE id = 1")" "Anja de Vries
José Ëlberg" "owners stored one a line"
is "$(q "SELECT group_concat(value, '|') FROM (SELECT value FROM point_value WHERE point_id = 1 ORDER BY pos)")" \
    "zelfstandigheid|yes|# geen commentaar" "values in order, quoted ones as strings"
is "$(q "SELECT group_concat(story_id) FROM (SELECT story_id FROM point_story WHERE point_id = 1 ORDER BY pos)")" \
    "3,1" "stories replaced, in their new order"
is "$(q "SELECT state, at FROM point_state WHERE point_id = 1 ORDER BY id")" \
    "concept|2026-11-23
gereed|2026-11-24" "the move through 'state:' is dated today"

sed "s/^title: .*/title: 'Taxi komt te laat: \"altijd\"'/" "$GOLD/point-show-full.yaml" >single.yaml
run be-point update single.yaml
is "$(cat "$OUT")$(cat "$ERR") $RC" " 0" "another quoting of the same string is no change"

# A quote left empty gets the default quote again.
be-point show P-1 | sed 's/^  quote: Dat past.*/  quote:/' >noq.yaml
run be-point update noq.yaml
is "$(q "SELECT quote FROM point_story WHERE point_id = 1 AND story_id = 3")" \
    "Bij de Wmo-taxi moet je bijv. twee dagen van tevoren bellen. Dat past niet bij hoe het leven gaat." \
    "an empty quote becomes the default quote"

be-point show P-1 P-2 >two.yaml
snap >before
refuse() {	# refuse NAME SED-SCRIPT MESSAGE
	sed "$2" two.yaml >"$1.yaml"
	run be-point update "$1.yaml"
	must_fail 2 "be-point: $1.yaml:$3" "refused: $1"
}
refuse unknown-key 's/^theme: vervoer/thema: vervoer/' \
    "6:1: unknown key 'thema'"
refuse wrong-kind '0,/^kind: point/s//kind: story/' \
    "2:7: kind is 'story', expected 'point'"
refuse wrong-version '0,/^version: 1/s//version: 2/' \
    "3:10: unsupported version '2'; this program reads version 1"
refuse no-story 's/^- ref: S-1$/- ref: S-99/' \
    "25:8: no story S-99"
refuse routed-story 's/^- ref: S-1$/- ref: S-7/' \
    "25:8: story S-7 belongs to the complaints committee and stays out of points"
refuse bad-story-ref 's/^- ref: S-1$/- ref: verhaal 1/' \
    "25:8: 'ref' must be a story ref such as S-12"
refuse bad-state 's/^state: gereed/state: klaar/' \
    "8:8: unknown state 'klaar'; states: concept, gereed, geagendeerd, ingebracht, beantwoord, teruggekoppeld, vervallen"
refuse bad-move 's/^state: gereed/state: beantwoord/' \
    "8:8: cannot go from 'gereed' to 'beantwoord'; next: geagendeerd, concept, vervallen"
refuse bad-advies 's/^advies: ongevraagd/advies: misschien/' \
    "10:9: 'advies' must be 'gevraagd' or 'ongevraagd'"
refuse bad-uitkomst '0,/^  uitkomst:$/s//  uitkomst: ja/' \
    "38:13: 'uitkomst' must be overgenomen, deels or afgewezen"
refuse no-point 's/^ref: P-2/ref: P-9/' \
    "50:6: no point P-9"
refuse twice 's/^ref: P-2/ref: P-1/' \
    "50:6: P-1 is in the input twice"
refuse history '0,/^  date: "2026-11-23"/s//  date: "2026-11-01"/' \
    "43:1: history is read-only; change the state with 'state:' or be-point state"
refuse second-doc-bad '$s/^  date: "2026-11-23"/  date: "2026-11-01"/' \
    "80:1: history is read-only; change the state with 'state:' or be-point state"
snap >after
ok 'cmp -s before after' "nothing changed by any refusal (all or nothing)"

sed 's/^vraag:$/vraag: Sneller beslissen./' two.yaml >both.yaml
run be-point update both.yaml
is "$(cat "$OUT") $RC" "P-2	concept	1	wachttijd	Wachten 0" \
    "several documents: only the changed point is printed"

be-point show P-2 | sed 's/^state: concept/state: gereed/' >move.yaml
run be-point update move.yaml
is "$(cat "$OUT") $RC" "P-2	gereed	1	wachttijd	Wachten 0" "a document moves a point"
run be-point update move.yaml
is "$(cat "$OUT")$(cat "$ERR") $RC" " 0" \
    "the same document again: accepted, nothing changes"
is "$(q "SELECT count(*) FROM point_state WHERE point_id = 2")" 2 \
    "one move in the history"
done_testing
