#!/bin/sh
# The agenda of the next meeting: pick a theme, make a point of a few of
# its stories, fill in the ask, and render the agenda in every format.
#
# usage: next-meeting.sh [output-folder]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-.}
mkdir -p "$out"

# 1. Which themes have enough stories for a point?
be-point suggest | cut -f2-4,8 | head -3

# 2. A point from the most recent stories about transport.
point=$(be-find -t vervoer --since 2026-10-01 | head -3 |
    be-point new "De regiotaxi komt te laat" | cut -f1)

# 3. The ask, the values and the first of Flyvbjerg's questions: edit the
#    YAML (be-point edit $point opens $EDITOR; here sed does the editing).
be-point show "$point" | sed \
    -e 's/^vraag:$/vraag: Zorg dat de regiotaxi op tijd komt en bel als hij later is./' \
    -e 's/^waarden:$/waarden:\n- zelfstandigheid\n- betrouwbaarheid/' \
    -e 's/^  richting:$/  richting: Steeds meer ritten worden gecombineerd, wachten wordt normaal./' |
    be-point update
be-point state "$point" gereed >/dev/null

# 4. The agenda: Markdown for the e-mail, HTML to print, iCalendar.
be-point -l --state gereed >"$out/points.txt"
be-agenda -m "$here/vergadering.yaml" <"$out/points.txt" >"$out/agenda.md"
be-agenda -m "$here/vergadering.yaml" -f html <"$out/points.txt" >"$out/agenda.html"
be-agenda -m "$here/vergadering.yaml" -f ics <"$out/points.txt" >"$out/vergadering.ics"
be-agenda -m "$here/vergadering.yaml" -f txt --lang en <"$out/points.txt" >"$out/agenda-en.txt"

# 5. Record the meeting: its points move to 'geagendeerd'.
be-agenda -m "$here/vergadering.yaml" --record <"$out/points.txt"
be-point -l --state geagendeerd
