#!/bin/sh
# be-find --csv: a CSV that Dutch Excel opens right by a double click
# (lib/csvw.h), checked byte for byte.
. "${0%/*}/lib.sh"
. "$FIX/find/find.sh"
plan 8
seed

# bytes FILE: the file as od shows it, one line, for an exact comparison.
bytes() { od -An -c "$1" | tr -s ' \n' '  '; }

run be-find --csv S-1 S-2 S-6 S-7
is_rc 0 "stories as CSV"
printf '\357\273\277Ref;Datum;Kanaal;Gemeente;Thema'"'"'s;Gebruik;Tekst\r\n' >want
printf 'S-1;2025-11-03;telefoon;Utrecht;bereikbaarheid, wachttijden;citeren;De Wachtlijst voor huishoudelijke hulp is al drie maanden. Niemand belt terug.\r\n' >>want
printf 'S-2;2025-12-15 14:30:00;formulier;S\303\272dwest-Frysl\303\242n;taxi-te-laat;citeren;De cli\303\253nt wacht op de taxi, die kwam een uur te laat naar het ziekenhuis.\r\n' >>want
printf 'S-6;2026-02-28;formulier;Utrecht;;citeren;Een klacht over \303\251\303\251n medewerker van het loket, die onvriendelijk was.\r\n' >>want
printf 'S-7;;bijeenkomst;;;citeren;"Tekst met een tab\tin het midden, ""aanhalingstekens"" en een backslash \\ erin.\nTweede regel."\r\n' >>want
is "$(bytes "$OUT")" "$(bytes want)" \
    "BOM, ';', CRLF, themes by name, a time after a space, Excel's quoting"
is "$(cat "$ERR")" "" "nothing on stderr"

run be-find --csv --by tag,month --since 2026
is_rc 0 "counts by theme and month as CSV"
printf '\357\273\277Thema;Maand;Aantal\r\nbereikbaarheid;2026-02;1\r\ngeldzaken;2026-01;1\r\nschulden;2026-01;1\r\nvervoer;2026-03;1\r\nwachttijden;2026-01;1\r\n;2026-01;1\r\n;2026-02;1\r\n' >want
is "$(bytes "$OUT")" "$(bytes want)" \
    "a column a key in Dutch, then Aantal; exact counts"

# A story that starts as a formula is defused.
q "UPDATE story SET text = '=HYPERLINK(\"http://x\")', use = 'count' WHERE id = 3"
run be-find --csv S-3
is "$(sed -n 2p "$OUT")" "$(printf 'S-3;2026-01-10;e-mail;Utrecht;;alleen tellen;"'"'"'=HYPERLINK(""http://x"")"\r')" \
    "a formula gets an apostrophe; a story to count only says so"

run be-find --csv --json
must_fail 2 "be-find: give one of --by, --count, --csv, --json, --text, --yaml
usage: $(be-find --help | sed 's/^usage: //')" "--csv goes with --by only"
run be-find --csv -q nergens
is "$RC:$(wc -c <"$OUT")" "1:0" "nothing selected: no file, status 1"
done_testing
