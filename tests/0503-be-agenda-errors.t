#!/bin/sh
# be-agenda refuses bad meeting files, points and meetings, writing nothing.
. "${0%/*}/lib.sh"
plan 24
export BENUT_NOW=2026-11-23T12:00:00Z
M=$FIX/agenda/meeting.yaml
new_store
sqlite3 "$BENUT_STORE" <"$FIX/agenda/seed.sql"

bad() {	# bad NAME SED-SCRIPT WANT
	sed "$2" "$M" >"$1.yaml"
	run be-agenda -m "$1.yaml" P-1
	must_fail 2 "be-agenda: $1.yaml:$3" "$1 refused"
}
bad bad-date 's/^date: .*/date: 2026-02-30/' "5:7: 'date' must be a date YYYY-MM-DD"
bad bad-time 's/^start: .*/start: "25:00"/' "6:8: 'start' must be a time HH:MM or HH.MM"
bad bad-key 's/^place:/plaats:/' "7:1: unknown key 'plaats'"
bad bad-minutes 's/^    minutes: 10$/    minutes: tien/' "23:14: 'minutes' must be an integer"
bad bad-item 's/^  - points$/  - punten/' "30:5: an item must be a map with 'title' and 'minutes', or the word 'points'"
bad no-points '/^  - points$/d' "19:3: no 'points' among the items; add '- points' where the points go"
bad bad-kind 's/^kind: meeting/kind: agenda/' "1:7: kind is 'agenda', expected 'meeting'"
bad bad-type 's/^    type: informatie/    type: info/' "28:11: 'type' must be informatie, bespreking or besluitvorming"
bad bad-members 's/^members:/members: Anna/; /^  - [A-Z]/d' "10:10: 'members' must be a list"
bad long '/^point-minutes:/s/20/600/' " meeting runs past midnight; start earlier or give the items fewer minutes"

run be-agenda -m "$M" P-99
must_fail 2 "be-agenda: argument 1: no point P-99" "unknown point"
run be-agenda -m "$M" P-4
must_fail 2 "be-agenda: argument 1: 'P-4' is vervallen and cannot go on an agenda" "vervallen point"
run be-agenda -m "$M" P-1 P-1
must_fail 2 "be-agenda: argument 2: 'P-1' is given twice" "point twice"
run be-agenda -m "$M" S-1
must_fail 2 "be-agenda: argument 1: 'S-1' is not a point (P-n)" "not a point ref"
printf 'P-1\nP-77\n' >recs
run_in recs be-agenda -m "$M"
must_fail 2 "be-agenda: -:2: no point P-77" "unknown point on stdin, with its line"
run be-agenda -m "$M" --record P-1 P-3
must_fail 2 "be-agenda: warning: 'P-3' is still a concept
be-agenda: cannot go from 'concept' to 'geagendeerd'; next: gereed, vervallen" \
    "a concept cannot be recorded"
is "$(q "SELECT count(*) FROM meeting; SELECT count(*) FROM agenda_item; SELECT state FROM point WHERE id = 1")" \
"0
0
gereed" "nothing written"
run be-agenda show M-9
must_fail 2 "be-agenda: no meeting 'M-9'; list them with be-agenda -l" "unknown meeting"
run be-agenda --report M-9
must_fail 2 "be-agenda: no meeting 'M-9'; list them with be-agenda -l" "report of an unknown meeting"
run be-agenda -f pdf -m "$M"
must_fail 2 "be-agenda: unknown format 'pdf'; use md, txt, html, yaml or ics" "unknown format"
run be-agenda --report M-1 -f ics
must_fail 2 "be-agenda: a report is md, txt or html" "report format"

be-agenda -m "$M" --record P-1 >/dev/null 2>&1
run be-agenda outcome M-1 9 x
must_fail 2 "be-agenda: 'M-1' has no item 9" "outcome of an unknown item"
printf 'kind: agenda\nversion: 1\nmeeting: M-1\nitems:\n  - pos: 4\n    outcome: ja\n  - pos: 12\n' >o.yaml
run be-agenda outcome o.yaml
must_fail 2 "be-agenda: o.yaml:7:10: 'M-1' has no item 12" "edited agenda with an unknown item"
is "$(q "SELECT count(*) FROM agenda_item WHERE outcome IS NOT NULL; SELECT state FROM point WHERE id = 1")" "0
geagendeerd" "nothing of it written"
