#!/bin/sh
# be-agenda: the agenda of a meeting file and points, in every format.
. "${0%/*}/lib.sh"
plan 25
export BENUT_NOW=2026-11-23T12:00:00Z
M=$FIX/agenda/meeting.yaml
# A store with the seed.
new_store
sqlite3 "$BENUT_STORE" <"$FIX/agenda/seed.sql"

run be-agenda -m "$M" P-1 P-2
is_rc 0 "Markdown agenda"
golden agenda-nl.md
is "$(cat "$ERR")" "" "no warnings"

printf 'P-1\tgereed\t3\tvervoer\tTaxi komt te laat\n# comment\nP-2\tgereed\n' >recs
run_in recs be-agenda -m "$M"
is_rc 0 "points as records on stdin"
golden agenda-nl.md

run be-agenda -m "$M" -f txt P-1 P-2
is_rc 0 "plain text"
golden agenda-nl.txt
is "$(awk '{ if (length($0) > 72) print }' "$OUT")" "" "lines of at most 72 characters"

run be-agenda -m "$M" -f html P-1 P-2
is_rc 0 "HTML"
golden agenda-nl.html
ok "grep -qF '<blockquote>De taxi kwam niet. &lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;&#39;</blockquote>' '$OUT'" \
    "the quote's markup is escaped"
is "$(grep -c '<script' "$OUT")" 0 "no script element"
ok "grep -q '@media print' '$OUT' && grep -q '<html lang=\"nl\">' '$OUT'" "printable, Dutch"

run be-agenda -m "$M" -f yaml P-1 P-2
is_rc 0 "YAML"
golden agenda-nl.yaml

run be-agenda -m "$M" --lang en P-1 P-2
is_rc 0 "English"
golden agenda-en.md

run be-agenda -m "$M" -f ics P-1 P-2
is_rc 0 "iCalendar"
golden agenda.ics
is "$(tr -d '\r' <"$OUT" | grep -E '^(BEGIN|END|VERSION|PRODID|UID|DTSTAMP|DTSTART|DTEND|SUMMARY|LOCATION)[:;]' | grep -v '^DTSTART:' | grep -v 'BEGIN:\(DAYLIGHT\|STANDARD\)' | grep -v 'END:\(DAYLIGHT\|STANDARD\)')" \
"BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//benut//be-agenda 0.1.0//NL
BEGIN:VTIMEZONE
END:VTIMEZONE
BEGIN:VEVENT
UID:20261201-3a767350cc2c5eee@benut
DTSTAMP:20261123T120000Z
DTSTART;TZID=Europe/Amsterdam:20261201T133000
DTEND;TZID=Europe/Amsterdam:20261201T145000
SUMMARY:Overleg met de wethouder: Adviesraad Sociaal Domein Voorbeeldstad
LOCATION:Stadhuis\\, kamer 2.14
END:VEVENT
END:VCALENDAR" "required fields, escaped"
is "$(LC_ALL=C awk '{ sub(/\r$/, ""); if (length($0) > 75) print }' "$OUT")" "" \
    "lines folded at 75 octets"
is "$(grep -c "$(printf '[^\r]$')" "$OUT")" 0 "every line ends in CRLF"
# A strict reader, when installed (Debian: python3-icalendar).
if /usr/bin/python3 -c 'import icalendar' 2>/dev/null; then
	ok "/usr/bin/python3 '$FIX/agenda/icscheck.py' '$OUT' >ics.out" "icalendar reads it"
else
	pass "# SKIP python3-icalendar not installed"
fi

# Without items in the file the default items are used.
grep -v -e '^items:' -e '^  - ' -e '^    ' "$M" >plain.yaml
run be-agenda -m plain.yaml --lang en -f txt P-1
is_rc 0 "default items"
golden agenda-default-en.txt
