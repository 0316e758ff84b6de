#!/bin/sh
# be-agenda --record, outcome, action, show, -l and --report.
. "${0%/*}/lib.sh"
plan 28
export BENUT_NOW=2026-11-23T12:00:00Z
M=$FIX/agenda/meeting.yaml
new_store
sqlite3 "$BENUT_STORE" <"$FIX/agenda/seed.sql"

run be-agenda -l
is_rc 1 "-l with no meetings: nothing selected"

run be-agenda -m "$M" --record P-1 P-2
is_rc 0 "records"
is "$(cat "$OUT")" "M-1" "prints the meeting ref"
is "$(q "SELECT pos, title, start, point_id, actions FROM agenda_item ORDER BY pos")" \
"1|Opening en vaststellen agenda|13:30||0
2|Verslag en actielijst vorige vergadering|13:35||1
3|Mededelingen|13:45||0
4|Taxi komt te laat|13:55|1|0
5|Lang wachten op een keukentafelgesprek|14:15|2|0
6|Rondvraag|14:35||0
7|Sluiting|14:45||0" "agenda items with start times and points"
is "$(q "SELECT id, state FROM point WHERE id < 3")" "1|geagendeerd
2|geagendeerd" "points geagendeerd"
is "$(q "SELECT point_id, meeting_id FROM point_state WHERE state = 'geagendeerd' AND point_id < 3")" \
"1|1
2|1" "with the meeting in their history"
is "$(q 'SELECT doc FROM meeting')" "$(cat "$M")" "the meeting document is kept"

run be-agenda -m "$M" --record P-1 P-2
must_fail 2 "be-agenda: this meeting is already recorded as 'M-1'" "recording twice is refused"
is "$(q "SELECT count(*) FROM meeting")" 1 "and adds nothing"

run be-agenda -l
is_rc 0 "-l"
is "$(cat "$OUT")" "$(printf 'M-1\t2026-12-01\t13:30\tAdviesraad Sociaal Domein Voorbeeldstad\tOverleg met de wethouder')" "lists the meeting"

run be-agenda action M-1 4 "Anna de Vries" "Vervoerder om cijfers vragen" 2026-12-15
is_rc 0 "action"
is "$(cat "$OUT")" 1 "prints its number"
run be-agenda outcome M-1 4 "De wethouder praat met de vervoerder."
is_rc 0 "outcome of an item"
is "$(q "SELECT state FROM point WHERE id = 1")" ingebracht "its point is ingebracht"

run be-agenda show -f yaml M-1
is_rc 0 "show as YAML"
golden agenda-m1.yaml
# The coordinator fills in item 5 and applies the document.
sed -e '/^  - pos: 5$/,/^  - pos: 6$/ s/^    outcome:$/    outcome: De gemeente zoekt het uit./' \
    -e '/^  - pos: 5$/,/^  - pos: 6$/ s/^    actions:$/    actions:\n      - who: Bram Jansen\n        what: Termijnen opvragen/' \
    "$OUT" >m1.yaml
run_in m1.yaml be-agenda outcome
is_rc 0 "outcome from the edited YAML"
is "$(q "SELECT pos, who, what, due FROM action ORDER BY id")" \
"4|Anna de Vries|Vervoerder om cijfers vragen|2026-12-15
5|Bram Jansen|Termijnen opvragen|" "actions stored"
is "$(q "SELECT state FROM point WHERE id = 2")" ingebracht "second point ingebracht"
run be-agenda show -f yaml M-1
run_in "$OUT" be-agenda outcome
is "$(q "SELECT count(*) FROM action")" 2 "applying what show printed changes nothing"

# The next meeting shows the open actions and the points still waiting.
sed 's/2026-12-01/2027-01-12/' "$M" >next.yaml
run be-agenda -m next.yaml -f txt </dev/null
is_rc 0 "next agenda"
golden agenda-next.txt

# Terugkoppeling.
sqlite3 "$BENUT_STORE" "UPDATE point SET state = 'beantwoord', answer = 'deels', answer_text = 'Er komt een gesprek met de vervoerder.' WHERE id = 1"
run be-agenda --report M-1
is_rc 0 "report"
golden report-m1.md
# Members in the actions are named; tellers and their stories never.
ok "! grep -q -e 'moeder' -e 'script' -e 'S-[0-9]' -e 'P-[0-9]' -e 'M-[0-9]' '$OUT'" \
    "no quotes, no refs"
run be-agenda --report M-1 -f html --lang en
is_rc 0 "report in English HTML"
golden report-m1-en.html
