#!/bin/sh
# be-point state and answer: the state machine, every move dated.
. "${0%/*}/lib.sh"
export BENUT_NOW=2026-11-23T10:00:00Z
plan 27

new_store
sqlite3 -batch "$BENUT_STORE" <"$FIX/point/seed.sql"
be-point new "Taxi komt te laat" S-1 S-2 >/dev/null
be-point new "Wachten" S-4 >/dev/null

run be-point state P-1 ingebracht
must_fail 2 "be-point: cannot go from 'concept' to 'ingebracht'; next: gereed, vervallen" \
    "an illegal move is refused with the next states"
run be-point state P-1 concept
must_fail 2 "be-point: P-1 is already 'concept'" "staying put is refused"
run be-point state P-1 klaar
must_fail 2 "be-point: unknown state 'klaar'; states: concept, gereed, geagendeerd, ingebracht, beantwoord, teruggekoppeld, vervallen" \
    "an unknown state is refused"
run be-point state P-9 gereed
must_fail 2 "be-point: no point P-9" "an unknown point is refused"
run be-point state S-1 gereed
must_fail 2 "be-point: argument 2: 'S-1' is not a point (P-n)" "a story ref is refused"
run be-point state P-1 gereed --date 2026-13-01
must_fail 2 "be-point: bad date '2026-13-01': write YYYY-MM-DD" "a bad date is refused"
is "$(q "SELECT count(*) FROM point_state WHERE point_id = 1")" "1" \
    "nothing recorded by the refusals"

run be-point state P-1 gereed --note "besproken met Anja"
is "$(cat "$OUT") $RC" "P-1	gereed	2	vervoer	Taxi komt te laat 0" \
    "concept -> gereed prints the record"
is "$(cat "$ERR")" "be-point: warning: 'P-1' is gereed without vraag and waarden; add them with be-point edit" \
    "gereed without an ask and values: warned, not refused"
run be-point state P-1 concept
is "$RC" 0 "gereed -> concept: back for more work"
sqlite3 "$BENUT_STORE" "UPDATE point SET vraag = 'Spreek een wachttijd af.' WHERE id = 1"
run be-point state --date 2026-11-24 P-1 gereed
is "$RC" 0 "and ready again, dated"
is "$(cat "$ERR")" "be-point: warning: 'P-1' is gereed without waarden; add them with be-point edit" \
    "with an ask, still warned of the values"
run be-point state P-1 geagendeerd --date 2026-12-01
is "$RC" 0 "gereed -> geagendeerd"
run be-point state P-1 beantwoord
must_fail 2 "be-point: cannot go from 'geagendeerd' to 'beantwoord'; next: ingebracht, gereed, vervallen" \
    "geagendeerd -> beantwoord is refused"
run be-point answer P-1 overgenomen -m "Ja"
must_fail 2 "be-point: P-1 is 'geagendeerd'; an answer is recorded for a point that is 'ingebracht'" \
    "answer before it is raised is refused"
run be-point state P-1 ingebracht --date 2026-12-01
is "$RC" 0 "geagendeerd -> ingebracht"
run be-point state P-1 beantwoord
must_fail 2 "be-point: P-1 has no answer; record it with 'be-point answer'" \
    "beantwoord needs an answer"
run be-point answer P-1 misschien -m "x"
must_fail 2 "be-point: unknown answer 'misschien'; answers: overgenomen, deels, afgewezen" \
    "an unknown answer is refused"
printf 'De gemeente spreekt de vervoerder aan.\nZe komt erop terug.\n\n' >ans
run_in ans be-point answer --date 2026-12-15 P-1 deels
is "$(cat "$OUT") $RC" "P-1	beantwoord	2	vervoer	Taxi komt te laat 0" \
    "answer from stdin moves to beantwoord"
is "$(q "SELECT answer, answer_text, answer_date FROM point WHERE id = 1")" \
    "deels|De gemeente spreekt de vervoerder aan.
Ze komt erop terug.|2026-12-15" "the answer is stored"
run be-point answer P-1 overgenomen -m "Toch wel"
must_fail 2 "be-point: P-1 is already answered; change the answer with 'be-point edit'" \
    "a second answer is refused"
run be-point state P-1 teruggekoppeld
is "$RC" 0 "beantwoord -> teruggekoppeld"
run be-point state P-1 vervallen
must_fail 2 "be-point: cannot go from 'teruggekoppeld' to 'vervallen'; next: geagendeerd" \
    "teruggekoppeld only goes on to a next agenda"
is "$(q "SELECT state, at, coalesce(note, '') FROM point_state WHERE point_id = 1 ORDER BY id")" \
    "concept|2026-11-23|
gereed|2026-11-23|besproken met Anja
concept|2026-11-23|
gereed|2026-11-24|
geagendeerd|2026-12-01|
ingebracht|2026-12-01|
beantwoord|2026-12-15|
teruggekoppeld|2026-11-23|" "every move dated in the history"

run be-point state P-2 vervallen
is "$RC" 0 "concept -> vervallen"
run be-point state P-2 concept
must_fail 2 "be-point: cannot go from 'vervallen' to 'concept'; next: none" \
    "vervallen is final"
run be-point -l --status vervallen
is "$(cat "$OUT")" "P-2	vervallen	1	wachttijd	Wachten" "--status is --state"
done_testing
