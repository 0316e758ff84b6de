#!/bin/sh
# be-point new, -l and suggest on a seeded store.
. "${0%/*}/lib.sh"
export BENUT_NOW=2026-11-23T10:00:00Z
plan 26

run be-point update </dev/null
must_fail 2 "be-point: no store at '$BENUT_STORE'; check -s or BENUT_STORE (be-collect starts a store)" \
    "be-point creates no store"
new_store
sqlite3 -batch "$BENUT_STORE" <"$FIX/point/seed.sql"

run be-point -l
must_fail 1 "" "-l with no points: status 1"

run be-point -H suggest
is_rc 0 "suggest"
is "$(cat "$OUT")" "$(printf '%s\n' \
'#ref	theme	stories	recent	latest	channels	gemeenten	examples	open' \
'T-2	wachttijd	3	3	2026-11-20	3	2	S-5 S-2 S-4	' \
'T-1	vervoer	3	2	2026-11-02	3	2	S-1 S-2 S-3	' \
'T-3	communicatie	2	0	2026-05-05	2	2	S-6 S-10	')" \
    "themes with two stories or more, recent first, routed and removed tags left out"

run be-point suggest --since 2026-09-01 -n 1
is "$(cat "$OUT")" "T-2	wachttijd	3	3	2026-11-20	3	2	S-5 S-2 S-4	" \
    "--since and -n"

run be-point new "Taxi komt te laat" S-1 S-2 S-3 S-1
is_rc 0 "new"
is "$(cat "$OUT")" "P-1	concept	3	vervoer	Taxi komt te laat" \
    "prints the record, theme from the most common tag"
is "$(q "SELECT story_id, pos FROM point_story WHERE point_id = 1")" \
    "1|1
2|2
3|3" "stories in order, a repeated ref once"
is "$(q "SELECT quote FROM point_story WHERE story_id = 2")" \
    "Mijn moeder wacht vaak een uur op de regiotaxi! Niemand belt om te zeggen dat hij later komt." \
    "default quote: two sentences, white space made one"
is "$(q "SELECT quote FROM point_story WHERE story_id = 3")" \
    "Bij de Wmo-taxi moet je bijv. twee dagen van tevoren bellen. Dat past niet bij hoe het leven gaat." \
    "an abbreviation does not end a sentence"
is "$(q "SELECT state, at, note IS NULL FROM point_state")" \
    "concept|2026-11-23|1" "creation dated in the history"

printf 'S-4\tx\n# comment\nS-5\n' >in
run_in in be-point new -t wachten "Wachten op een beslissing"
is "$(cat "$OUT")" "P-2	concept	2	wachten	Wachten op een beslissing" \
    "refs from records on stdin, -t sets the theme"
is "$(q "SELECT quote, length(CAST(quote AS BLOB)) FROM point_story WHERE story_id = 5")" \
    "Sinds de herindicatie in het voorjaar heb ik minder uren hulp gekregen terwijl mijn situatie juist slechter is geworden, en toen ik belde om te vragen waarom dat zo was kreeg ik steeds iemand anders aan de lijn die van niets wist en die mij weer doorverbond met een afdeling waar niemand opnam…|296" \
    "a long sentence is cut at a word, under 300 bytes, marked with …"

run be-point new "Klacht" S-7
must_fail 2 "be-point: story S-7 belongs to the complaints committee and stays out of points" \
    "a routed story is refused"
run be-point new "Bezwaar" S-11
must_fail 2 "be-point: story S-11 belongs to bezwaar en beroep and stays out of points" \
    "a decision belongs to bezwaar en beroep"
run be-point new "Persoonlijk" S-1 S-12
must_fail 2 "be-point: story S-12 belongs to the cliëntondersteuner and stays out of points" \
    "a personal case belongs to the cliëntondersteuner"
run be-point new "Onbekend" S-1 S-99
must_fail 2 "be-point: no story S-99" "an unknown story is refused"
run be-point new "Punt" P-1
must_fail 2 "be-point: argument 3: 'P-1' is not a story (S-n)" "a point ref is refused"
run_in /dev/null be-point new "Leeg"
must_fail 2 "be-point: a point needs at least one story; give refs or records on standard input" \
    "no stories is refused"
run be-point new "Datum" --date 2026-02-30 S-1
must_fail 2 "be-point: bad date '2026-02-30': write YYYY-MM-DD" "a bad date is refused"
is "$(q "SELECT count(*) FROM point; SELECT count(*) FROM point_story")" \
    "2
5" "nothing written by the refusals"

run be-point -l
is "$(cat "$OUT")" "P-1	concept	3	vervoer	Taxi komt te laat
P-2	concept	2	wachten	Wachten op een beslissing" "-l lists the points"

run be-point suggest
is "$(cat "$OUT")" "T-2	wachttijd	3	3	2026-11-20	3	2	S-5 S-2 S-4	
T-3	communicatie	2	0	2026-05-05	2	2	S-6 S-10	
T-1	vervoer	3	2	2026-11-02	3	2	S-1 S-2 S-3	P-1" \
    "a theme with an open point is marked and goes last"

run be-point suggest --since 2027-01-01
must_fail 1 "" "suggest with nothing: status 1"

run be-point -l --state gereed
must_fail 1 "" "-l --state with none in it: status 1"

run be-point -l --state klaar
must_fail 2 "be-point: unknown state 'klaar'; states: concept, gereed, geagendeerd, ingebracht, beantwoord, teruggekoppeld, vervallen" \
    "an unknown state is refused"
done_testing
