#!/bin/sh
# be-collect: intake of a CSV export, records, summary, what is stored.
. "${0%/*}/lib.sh"
F=$FIX/collect
plan 24

run be-collect "$F/basic.csv"
is_rc 0 "intake succeeds"
is "$(cat "$OUT")" "$(printf 'S-1\t2026-02-02\tTelefoon\tUtrecht\tDe regiotaxi kwam een uur te laat, ik…
S-2\t2026-02-02\tFormulier\tZwolle\tBel me op [TELEFOON] of mail [E-MAIL]. Het…
S-3\t2026-02-03\tE-mail\tAmsterdam\tMijn aanvraag voor een scootmobiel ligt al drie…')" "one record per new story"
is "$(cat "$ERR")" "be-collect: $F/basic.csv: 3 rows read, 3 new, 0 duplicates, 0 refused; no column about use: quotable; redacted: 1 TELEFOON, 1 E-MAIL; delete the export, it holds contact data" "summary line"
is "$(q "SELECT told, channel, gemeente, consent IS NULL FROM story ORDER BY id")" "2026-02-02T10:15:03|Telefoon|Utrecht|1
2026-02-02|Formulier|Zwolle|1
2026-02-03|E-mail|Amsterdam|1" "dates in ISO, fields mapped"
is "$(q "SELECT story_id, key, value FROM story_attr ORDER BY story_id, key")" "1|Regeling|Wmo;Jeugd
1|Wijk|Noord
2|Regeling|Participatie
3|Wijk|Zuid" "other columns are attributes, multi-select kept whole, empty cells not stored"
is "$(q "SELECT text FROM story WHERE id = 2")" "Bel me op [TELEFOON] of mail [E-MAIL].
Het loket is maar twee ochtenden open." "text redacted, quoted newline kept"
is "$(q "SELECT story_id, kind, n FROM story_redaction ORDER BY kind")" "2|E-MAIL|1
2|TELEFOON|1" "redaction counts per story"
is "$(q "SELECT count(*) FROM person") $(q "SELECT count(*) FROM story WHERE text LIKE '%Jansen%'")" "0 0" "names dropped without a consent column"
is "$(q "SELECT path, format, encoding, delimiter, rows_read, rows_new, rows_dup, rows_refused, length(hash) FROM source")" "$F/basic.csv|csv|utf-8|,|3|3|0|0|32" "source recorded"

run be-collect "$F/basic.csv"
is_rc 0 "re-import succeeds"
is "$(cat "$OUT")" "" "re-import prints nothing"
is "$(cat "$ERR")" "be-collect: $F/basic.csv: 3 rows read, 0 new, 3 duplicates, 0 refused; no column about use: quotable; delete the export, it holds contact data" "summary says duplicates"
is "$(q "SELECT count(*) FROM story")" 3 "re-import adds nothing"

# An export that grew: the old rows and two new ones.
{ cat "$F/basic.csv"; printf '2026-02-04 08:00,,,Breda,Brief,,,De huur is verhoogd.\n2026-02-05,,,Breda,Brief,,,Het CJG hielp snel.\n'; } >grown.csv
run be-collect grown.csv
is "$(cat "$OUT")" "$(printf 'S-4\t2026-02-04\tBrief\tBreda\tDe huur is verhoogd.\nS-5\t2026-02-05\tBrief\tBreda\tHet CJG hielp snel.')" "grown export adds only the new rows"
is "$(cat "$ERR")" "be-collect: grown.csv: 5 rows read, 2 new, 3 duplicates, 0 refused; no column about use: quotable; delete the export, it holds contact data" "grown summary"

printf 'Datum,Verhaal\n2026-03-01,Nieuw verhaal.\n' >new.csv
run be-collect -n new.csv
is_rc 0 "dry run succeeds"
is "$(cat "$OUT")" "$(printf -- '-\t2026-03-01\t\t\tNieuw verhaal.')" "dry run shows the new story with ref -"
is "$(cat "$ERR")" "be-collect: new.csv: 1 row read, 1 new, 0 duplicates, 0 refused; no column about use: quotable; dry run, nothing written" "dry run summary"
is "$(q "SELECT count(*) FROM story"):$(q "SELECT count(*) FROM source")" "5:3" "dry run writes nothing"

# NFC: a decomposed é is the same story.
run be-collect "$F/nfc.csv"
is "$(cat "$ERR")" "be-collect: $F/nfc.csv: 2 rows read, 1 new, 1 duplicate, 0 refused; no column about use: quotable" "NFC and white space do not make a new story"
is "$(q "SELECT hex(text) FROM story WHERE id = 6")" "$(printf 'Caf\303\251 is dicht.' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" "stored in NFC"

# Stdin, and '-'.
printf 'Datum,Verhaal\n2026-03-02,Via stdin.\n' | be-collect >"$OUT" 2>"$ERR"; RC=$?
is "$RC:$(cat "$ERR")" "0:be-collect: -: 1 row read, 1 new, 0 duplicates, 0 refused; no column about use: quotable" "reads stdin without operands"
printf 'Datum,Verhaal\n2026-03-03,Via min.\n' | be-collect - >"$OUT" 2>"$ERR"; RC=$?
is "$RC:$(cat "$OUT")" "$(printf '0:S-8\t2026-03-03\t\t\tVia min.')" "'-' is stdin"
is "$(q "SELECT count(*) FROM story_fts WHERE story_fts MATCH 'stdin'")" 1 "the full-text index follows"
done_testing
