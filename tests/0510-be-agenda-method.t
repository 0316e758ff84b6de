#!/bin/sh
# The whole method for two points: intake with a help request routed
# afterwards, the intern beraad (agenda and record), the overleg (agenda
# with the questions open, record), its outcome with a toezegging, the
# terugkoppeling with its recipients, and the next agenda with its
# actielijst.  Every document in every format is a golden file.
. "${0%/*}/lib.sh"
plan 94
F=$FIX/method
export BENUT_NOW=2026-11-09T10:00:00Z

# Verhalen ophalen: intake, and a help request found among the stories.
run be-collect "$F/intake.csv"
is_rc 0 "intake"
is "$(q "SELECT story_id, pass_on FROM person ORDER BY story_id")" "1|0
3|1
4|0
5|0" "the consent to pass contact data on is kept apart"
run be-find --route=open
is "$RC:$(cat "$OUT")" "1:" "nothing waits to be routed yet"
run be-tag --needs-route --note "vraagt om hulp" S-3
is_rc 0 "the help request waits to be routed"
is "$(cat "$OUT")" "$(printf 'S-3\topen\t2026-11-09\t')" "printed as a record"
run be-find --route=open
is "$(cut -f1 "$OUT")" "S-3" "be-find lists what waits"
run be-tag --route wijkteam -u "Bram Jansen" S-3
must_fail 2 "be-tag: 'S-3': say with --told how the teller was told where to go, or pass their data on with --pass-on" \
    "routing says how the teller was told"
run be-tag --route ombudsman --pass-on S-1
must_fail 2 "be-tag: 'S-1': the teller did not consent to passing on contact data; say with --told how they were told where to go" \
    "no contact data leaves without consent to pass it on"
is "$(q "SELECT route FROM story WHERE id = 1")" "" "and nothing is written"
be-find --route=open >waiting
run_in waiting be-tag --route "Sociaal wijkteam" --pass-on -u "Bram Jansen" \
    --note "gebeld op 9 november" --date 2026-11-09
is_rc 0 "routed from records on stdin, data passed on with consent"
is "$(cat "$OUT")" "$(printf 'S-3\trouted\twijkteam\t2026-11-09\tBram Jansen\tdoorgegeven\tKees Bos\tkees@example.org\t')" \
    "the record carries the contact data that was passed on"
is "$(q "SELECT story_id, state, dest, at, who, note, told, passed FROM story_route")" \
    "3|routed|wijkteam|2026-11-09|Bram Jansen|gebeld op 9 november||1" "stored"
run be-find --route=routed
is "$(cut -f1 "$OUT")" "S-3" "be-find lists what was routed"
run be-find --route=wijkteam
is "$(cut -f1 "$OUT")" "S-3" "and where to"
run be-find --yaml S-3
is "$(sed -n '/^routing:/,$p' "$OUT")" 'routing:
  state: routed
  to: wijkteam
  date: "2026-11-09"
  by: Bram Jansen
  note: gebeld op 9 november
  passed-on: ja' "the story shows how it was routed"
cp "$OUT" s3.yaml
run be-collect -f yaml s3.yaml
is "$RC:$(cat "$OUT"):$(cat "$ERR")" "0::be-collect: s3.yaml: 1 row read, 0 new, 1 duplicate, 0 refused" \
    "and that document is taken back (a duplicate)"
run be-find --json S-3
ok "grep -q '\"routing\":{\"state\":\"routed\",\"to\":\"wijkteam\",\"date\":\"2026-11-09\",\"by\":\"Bram Jansen\",\"note\":\"gebeld op 9 november\",\"told\":null,\"passed-on\":true}' '$OUT'" \
    "also in JSON"
run be-point new "Hulp" S-3
must_fail 2 "be-point: story S-3 belongs to the wijkteam and stays out of points" \
    "a routed story stays out of points"

# Van verhaal naar punt.
be-point new "De regiotaxi komt te laat" S-1 S-2 S-5 >/dev/null
be-point new "Lang wachten op een keukentafelgesprek" S-4 >/dev/null
run be-point update "$F/points.yaml"
is_rc 0 "the points are filled in"
is "$(q "SELECT group_concat(quote, ' | ') FROM point_story WHERE point_id = 1")" \
"De regiotaxi kwam twee uur te laat. Ik miste mijn afspraak in het ziekenhuis. | 1. De bus naar de dagbesteding komt niet. 2. Niemand belt terug | - Het loket in de wijk is dicht, dus ik moet met twee bussen naar het stadhuis." \
    "quotes are whole sentences, a bare number is none, the last needs no full stop"

# Intern beraad: values, the council's notes, the ask and the quotes.
export BENUT_NOW=2026-11-10T10:00:00Z
for f in md txt html yaml ics; do
	run be-agenda -m "$F/intern.yaml" -f $f P-1 P-2
	is "$RC:$(cat "$ERR")" "0:" "intern agenda as $f, no warning of concepts"
	golden method-intern.$f
done
run be-agenda -m "$F/intern.yaml" --record P-1 P-2
is "$RC:$(cat "$OUT")" "0:M-1" "the intern beraad is recorded"
is "$(q "SELECT id, state FROM point ORDER BY id")" "1|gereed
2|gereed" "its points are prepared: concept -> gereed, not geagendeerd"
is "$(q "SELECT state, at, meeting_id FROM point_state WHERE point_id = 1 ORDER BY id")" \
    "concept|2026-11-09|
gereed|2026-11-17|1" "dated with the meeting"
run be-agenda outcome M-1 2 "Goed voorbereid."
is "$(q "SELECT state FROM point WHERE id = 1")" "gereed" \
    "an outcome of the intern beraad raises nothing"

# Overleg: the four questions open, the council's notes only on request.
export BENUT_NOW=2026-11-24T10:00:00Z
for f in md txt html yaml ics; do
	run be-agenda -m "$F/overleg.yaml" -f $f P-1 P-2
	is "$RC:$(cat "$ERR")" "0:" "overleg agenda as $f"
	golden method-overleg.$f
done
ok "! grep -q -e 'P-[0-9]' -e 'M-[0-9]' -e 'S-[0-9]' -e 'boete' -e 'volle ritten' method-overleg.md 2>/dev/null; ! be-agenda -m '$F/overleg.yaml' P-1 P-2 | grep -q -e 'P-[0-9]' -e 'boete'" \
    "no refs and no notes for outsiders"
run be-agenda -m "$F/overleg.yaml" -f md --notes P-1 P-2
golden method-overleg-notes.md
run be-agenda -m "$F/overleg.yaml" -f html --lang en P-1 P-2
golden method-overleg-en.html
ok "grep -q '<blockquote lang=\"nl\">De regiotaxi' '$OUT'" \
    "English page, Dutch quotes marked as Dutch"
ok "! grep -q -e 'regiotaxi kwam' -e 'dagbesteding' '$GOLD/method-overleg.ics'" \
    "the calendar event carries no quotes"
uid=$(grep '^UID:' "$GOLD/method-overleg.ics")
run be-agenda -m "$F/overleg.yaml" --record P-1 P-2
is "$RC:$(cat "$OUT")" "0:M-2" "the overleg is recorded"
is "$(q "SELECT id, state FROM point ORDER BY id")" "1|geagendeerd
2|geagendeerd" "its points are geagendeerd"
run be-agenda show -f ics M-2
is "$(grep -e '^UID:' -e '^SEQUENCE:' "$OUT" | tr -d '\r')" "$(printf '%s\nSEQUENCE:1' "$uid" | tr -d '\r')" \
    "the recorded meeting: the same UID, a higher SEQUENCE"
cp "$BENUT_STORE" moved.db
sed 's/^start: .*/start: "19.30"/' "$F/overleg.yaml" >moved.yaml
run be-agenda -m moved.yaml -f ics P-1 P-2
is "$(grep -e '^UID:' -e '^SEQUENCE:' "$OUT")" "$(printf '%s\nSEQUENCE:0\r' "$uid")" \
    "a meeting file moved to 19.30: the same UID"
be-agenda -s moved.db -m moved.yaml --record P-1 P-2 >/dev/null 2>&1
run be-agenda -s moved.db show -f ics M-3
is "$(grep -e '^UID:' -e '^SEQUENCE:' -e '^DTSTART;' "$OUT" | tr -d '\r')" "$(printf '%s\nSEQUENCE:2\nDTSTART;TZID=Europe/Amsterdam:20261201T193000' "$uid" | tr -d '\r')" \
    "moved to 19.30: the same UID, SEQUENCE rises again"

# The outcome: what was said, a toezegging with its date, an answer.
export BENUT_NOW=2026-12-02T10:00:00Z
run be-agenda outcome M-2 3 "De wethouder zegt toe met de vervoerder te praten.
Hij komt er in januari op terug."
is_rc 0 "outcome of the first point"
run be-agenda action M-2 3 "wethouder" "Gesprek met de vervoerder over de wachttijd" 2026-12-20
is "$RC:$(cat "$OUT")" "0:1" "the toezegging as an action with its date"
run be-agenda action M-2 3 "Anja de Vries" "Cijfers van de vervoerder opvragen"
is "$RC:$(cat "$OUT")" "0:2" "and an action of a member"
run be-agenda outcome M-2 4 "De gemeente zoekt uit waarom het zo lang duurt."
is_rc 0 "outcome of the second point, no formal answer"
run be-point answer P-1 deels -m "De gemeente spreekt een wachttijd af, maar geeft geen cijfers."
is_rc 0 "the answer to the first point"
is "$(q "SELECT id, state FROM point ORDER BY id")" "1|beantwoord
2|ingebracht" "one answered, one raised"

# Terugkoppeling, with the council's contact details.
for f in md txt html; do
	run be-agenda --report M-2 -f $f
	is_rc 0 "report as $f"
	golden method-report.$f
done
ok "! grep -q -e 'Anna Smit' -e 'Piet' -e 'anna@' -e 'P-[0-9]' -e 'M-[0-9]' -e 'regiotaxi kwam' '$GOLD/method-report.md'" \
    "the report names no teller, quotes no story, shows no ref"
run be-agenda --report M-1
must_fail 2 "be-agenda: 'M-1' is an intern beraad; the report back is of an overleg" \
    "no report back of an intern beraad"
run be-agenda --report M-2 --council nosuch.yaml
must_fail 2 "be-agenda: cannot open 'nosuch.yaml': No such file or directory" \
    "a missing council file"
printf 'kind: council\nversion: 1\nname: Cliëntenraad\nemail: raad@example.org\n' >council.yaml
run be-agenda --report M-2 -f txt --council council.yaml
ok "tail -3 '$OUT' | grep -q 'E-mail: raad@example.org' && ! grep -q 'Postbus' '$OUT'" \
    "--council: the council file's details instead"
run be-agenda recipients M-2
is_rc 0 "recipients"
is "$(cat "$OUT")" "$(printf 'S-1\tAnna Smit\tanna@example.org\t06-12345678\nS-5\tPiet Jansen\t\t030-1234567')" \
    "one line a person who consented to be contacted"
umask 022
run be-agenda recipients --csv -o ontvangers.csv M-2
is "$RC:$(cat "$OUT")" "0:" "recipients as CSV to a file"
is "$(stat -c %a ontvangers.csv)" 600 "the file is mode 0600"
is "$(tr -d '\r' <ontvangers.csv | sed '1s/^\xef\xbb\xbf//')" "naam;e-mail;telefoon
Anna Smit;anna@example.org;06-12345678
Piet Jansen;;030-1234567" "for a mail merge: name, e-mail, phone"
ok "head -c3 ontvangers.csv | od -An -tx1 | grep -q 'ef bb bf'" "written through csvw (BOM)"
run be-point state P-1 teruggekoppeld
is_rc 0 "answered point reported back"
run be-point state P-2 teruggekoppeld
is_rc 0 "a point without a formal answer reported back"

# An action done before the next meeting; the next agenda.
export BENUT_NOW=2027-01-05T10:00:00Z
be-agenda show -f yaml M-2 | sed '/^  - pos: 3$/,/^  - pos: 4$/ { /what: Gesprek/,/done:/ s/done:$/done: "2026-12-18"/ }' >m2.yaml
run_in m2.yaml be-agenda outcome
is_rc 0 "the toezegging is done"
for f in md txt html yaml ics; do
	run be-agenda -m "$F/next.yaml" -f $f P-1
	is "$RC:$(cat "$ERR")" "0:be-agenda: warning: 'P-1' was already reported back (teruggekoppeld)" \
	    "next agenda as $f: a point reported back is warned of"
	golden method-next.$f
done
ok "grep -q 'wethouder: Gesprek met de vervoerder over de wachttijd (uiterlijk zondag 20 december 2026; uit de vergadering van 1 december 2026; afgerond 18 december 2026)' '$GOLD/method-next.txt' || grep -q 'afgerond 18' '$GOLD/method-next.md'" \
    "the action done before the meeting shows as afgerond"
run be-agenda -m "$F/next.yaml" --record P-1
is "$RC:$(q "SELECT state FROM point WHERE id = 1")" "0:geagendeerd" \
    "the dialogue goes on: a reported point is geagendeerd again"

# A store of schema version 1 opens and migrates (use, then routing).
sqlite3 -batch old.db <"$FIX/store/v1.sql"
run be-find -s old.db --route=open
is "$RC:$(cat "$OUT" "$ERR")" "1:" "a version 1 store: nothing waits to be routed"
V=$(sed -n 's/^#define BE_STORE_VERSION //p' "$TOP/lib/store.h")
is "$(sqlite3 old.db 'PRAGMA user_version'):$(sqlite3 old.db 'SELECT count(*) FROM story_route')" \
    "$V:0" "migrated to the current version, with the routing table"
run be-tag -s old.db --needs-route S-1
is "$RC:$(sqlite3 old.db "SELECT route FROM story WHERE id = 1")" "0:te-routeren" \
    "and a story of it can be routed"
done_testing
