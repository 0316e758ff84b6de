#!/bin/sh
# Every HTML file the programs write (the agenda, the terugkoppeling, the
# signalenrapport) passes the W3C Nu HTML checker, in one run; a browser
# prints the signalenrapport to PDF with a page for the opening and one a
# theme.  The checker is the jar that make deps put in tests/vnu
# ($BENUT_VNU); a missing one fails.
. "${0%/*}/lib.sh"
plan 8
export BENUT_NOW=2026-11-23T12:00:00Z
VNU=${BENUT_VNU:-$TOP/tests/vnu/node_modules/vnu-jar/build/dist/vnu.jar}
ok "[ -f '$VNU' ]" "the Nu HTML checker is there (make deps)"

# The agenda and the terugkoppeling, from be-agenda's fixtures.
new_store
sqlite3 "$BENUT_STORE" <"$FIX/agenda/seed.sql"
be-agenda -m "$FIX/agenda/meeting.yaml" -f html P-1 P-2 >agenda.html
be-agenda -m "$FIX/agenda/meeting.yaml" --record P-1 P-2 >/dev/null
sqlite3 "$BENUT_STORE" "UPDATE point SET state = 'beantwoord', answer = 'deels', answer_text = 'Er komt een gesprek.' WHERE id = 1"
be-agenda --report M-1 -f html >terugkoppeling.html
be-agenda --report M-1 -f html --lang en >report-back.html

# The signalenrapport, from be-report's.
export BENUT_STORE=$T/signalen.db BENUT_NOW=2026-12-01T10:00:00Z
new_store
sqlite3 "$BENUT_STORE" <"$FIX/report/seed.sql"
be-report -n --since 2026-09 --until 2026-11 >signalen.html
be-report -n --since 2025-01 --until 2026-11 --min-count 1 >signalen-kwartaal.html
: | be-report -n -s leeg.db >/dev/null 2>&1	# no store: no file
be-collect -s leeg.db /dev/null >/dev/null 2>&1
be-report -n -s leeg.db >signalen-leeg.html

ok "for f in *.html; do [ -s \$f ] || exit 1; done" "six HTML files written"
run java -jar "$VNU" --errors-only --also-check-svg agenda.html \
    terugkoppeling.html report-back.html signalen.html \
    signalen-kwartaal.html signalen-leeg.html
is_rc 0 "all pass the Nu HTML checker"
is "$(cat "$ERR")" "" "with no message"

# To PDF in a browser with no profile of its own: A4, the opening and a
# page for each of the four themes.
export HOME=$T/home
mkdir -p "$HOME"
run chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --user-data-dir="$T/chromium" --print-to-pdf="$T/signalen.pdf" \
    "file://$T/signalen.html"
is_rc 0 "chromium prints it"
pages=$(pdfinfo signalen.pdf | sed -n 's/^Pages: *//p')
is "$pages" 5 "five pages: the opening and four themes"
size=$(pdfinfo signalen.pdf | sed -n 's/^Page size: *//p')
ok "echo '$size' | grep -q '(A4)'" "on A4"
pdftotext signalen.pdf signalen.txt
ok "grep -q 'Verhalen over vervoer' signalen.txt && grep -q 'Wat de raad ermee deed' signalen.txt" \
    "the PDF has the text of the tables and the points"
done_testing
