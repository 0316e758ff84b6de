#!/bin/sh
# The three example scripts, as a new user would run them (make demo).
. "${0%/*}/lib.sh"
export BENUT_SHARE=$TOP/share BENUT_NOW=2026-11-23T10:00:00Z USER=coordinator
plan 14

run sh "$TOP/examples/weekly-intake.sh"
is_rc 0 "weekly intake"
is "$(cat "$OUT")" "intake 2026-11-23: 13 new stories" "13 new stories" 
is "$(q "SELECT count(*) FROM story")" 13 "13 stories in the store"
is "$(q "SELECT count(DISTINCT story_id) FROM story_tag")" 13 "each one tagged"
run sh "$TOP/examples/weekly-intake.sh"
is "$(cat "$OUT") $RC" "intake 2026-11-23: 0 new stories 0" "a second run adds nothing"
is "$(q "SELECT count(*) FROM story")" 13 "still 13 stories"

run sh "$TOP/examples/batch-tagging.sh"
is_rc 0 "batch tagging"
is "$(q "SELECT t.name, x.origin, x.present FROM story_tag x JOIN tag t
    ON t.id = x.tag_id WHERE x.origin = 'hand' ORDER BY 1")" \
"taal|hand|1
werk-en-re-integratie|hand|0" "the fixes by hand are kept"
ok 'grep -q "^S-12	taal	hand	coordinator" "$OUT"' "--explain names who tagged by hand"

run sh "$TOP/examples/next-meeting.sh" out
is_rc 0 "next meeting"
is "$(tail -1 "$OUT")" "P-1	geagendeerd	3	vervoer	De regiotaxi komt te laat" \
    "the point is on the agenda"
ok 'grep -q "^## 5. De regiotaxi komt te laat (14.00)$" out/agenda.md' \
    "the agenda has the point at its time"
ok 'grep -q "^DTSTART;TZID=Europe/Amsterdam:20261201T133000" out/vergadering.ics' \
    "the calendar file starts the meeting at 13:30"
ok 'grep -q "Question to the municipality\|Ask of the municipality" out/agenda-en.txt' \
    "the English agenda"
done_testing
