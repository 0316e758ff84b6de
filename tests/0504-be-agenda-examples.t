#!/bin/sh
# The EXAMPLES of be-agenda(1) run as they are written there.
. "${0%/*}/lib.sh"
export BENUT_NOW=2026-11-23T12:00:00Z EDITOR=true
new_store
sqlite3 "$BENUT_STORE" <"$FIX/agenda/seed.sql"
cp "$TOP/share/meetings/vergadering.yaml" "$TOP/share/meetings/intern-beraad.yaml" \
    "$TOP/share/raad.yaml" .
n=$(man_examples be-agenda.1)
plan $((n + 1))
run_examples be-agenda.1 "$n"
ok "grep -q 'Taxi komt te laat' agenda.html && grep -q BEGIN:VEVENT overleg.ics && grep -q 'Postbus 100' terugkoppeling.html && [ \"\$(stat -c %a ontvangers.csv)\" = 600 ]" \
    "the examples wrote their files"
