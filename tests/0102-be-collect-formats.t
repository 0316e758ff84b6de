#!/bin/sh
# be-collect: CSV dialects and encodings, YAML stories, records, mappings,
# consent, routes, --skip-bad.
. "${0%/*}/lib.sh"
F=$FIX/collect
# last COLUMNS: of the stories of the last intake
last() { q "SELECT $1 FROM story WHERE source_id = (SELECT max(id) FROM source) ORDER BY id"; }
plan 28

run be-collect "$F/tab.tsv"
is "$RC:$(cat "$ERR")" "0:be-collect: $F/tab.tsv: 2 rows read, 2 new, 0 duplicates, 0 refused; no column about use: quotable; read as utf-8, delimiter TAB" "TAB"
run be-collect "$F/crlf.csv"
is "$(cat "$ERR")" "be-collect: $F/crlf.csv: 2 rows read, 0 new, 2 duplicates, 0 refused; no column about use: quotable; read as utf-8, delimiter ';'" "semicolon, CRLF (same stories)"
is "$(q "SELECT text FROM story WHERE id = 1")" "Het loket is dicht." "text of TAB file"
run be-collect "$F/bom.csv"
is "$(cat "$ERR")" "be-collect: $F/bom.csv: 1 row read, 1 new, 0 duplicates, 0 refused; no column about use: quotable; read as utf-8-bom, delimiter ','" "UTF-8 with BOM"
run be-collect "$F/utf16.csv"
is "$(cat "$ERR")" "be-collect: $F/utf16.csv: 1 row read, 1 new, 0 duplicates, 0 refused; no column about use: quotable; read as utf-16le, delimiter ';'" "UTF-16LE"
is "$(q "SELECT text FROM story WHERE id = 4")" "Zoë wacht op de taxi." "UTF-16 text"
run be-collect "$F/excel.csv"
is "$(cat "$ERR")" "be-collect: $F/excel.csv: 50 rows read, 50 new, 0 duplicates, 0 refused; no column about use: quotable; redacted: 4 POSTCODE, 4 ADRES, 3 BSN, 3 TELEFOON, 3 E-MAIL, 1 IBAN; read as windows-1252, delimiter ';'; delete the export, it holds contact data" "Windows-1252 from Excel"
is "$(q "SELECT count(*) FROM story WHERE gemeente = 'Súdwest-Fryslân'")" 3 "accents right from Windows-1252"
run be-collect -e utf-8 "$F/excel.csv"
is "$RC" 2 "forcing the wrong encoding fails"
run be-collect -d , "$F/crlf.csv"
is "$RC:$(tail -1 "$ERR")" "2:be-collect: $F/crlf.csv: nothing written" "forcing the wrong delimiter: no text column"

# YAML stories and records.
run be-collect "$F/stories.yaml"
is "$(cat "$OUT")" "$(printf 'S-55\t2026-02-02\tgesprek\tUtrecht\tMijn zoon wacht al acht maanden op jeugdzorg.…\nS-56\t2026-02-03\t\t\tDe respijtzorg gaf me even lucht.')" "YAML stories"
is "$(last "route, consent")" "clientondersteuner|
|1" "route and consent from YAML"
is "$(q "SELECT name FROM person")" "Truus Bakker" "person kept with consent"
run_in "$F/stories.rec" be-collect
is "$(cat "$ERR")" "be-collect: -: 2 rows read, 2 new, 0 duplicates, 0 refused; no column about use: quotable" "records on stdin"
is "$(last text | head -2)" "De thuiszorg komt steeds op andere tijden.
Soms helemaal niet." "record escapes undone"

# Consent and routes.
run be-collect "$F/consent.csv"
is "$(q "SELECT s.text, p.name, p.phone, p.address FROM person p JOIN story s ON s.id = p.story_id WHERE p.name <> 'Truus Bakker'")" "Ik wacht al een half jaar op een woning.|Piet Bos|06-11112222|Kerkstraat 1, 1234 AB Ergens" "identifying columns kept only with consent"
is "$(last consent)" "1
0
0" "consent stored"
run be-collect --purge-persons
is "$RC:$(cat "$ERR"):$(q "SELECT count(*) FROM person")" "0:be-collect: purged the identifying data of 2 stories:0" "purge"
run be-collect "$F/route.csv"
is "$(last "coalesce(route, '-')")" "klachtencommissie
bezwaar
-" "routes from a column"

# Mappings shipped.
for m in msforms:msforms googleforms:googleforms limesurvey:limesurvey kobo:kobotoolbox; do
	run be-collect -m "$TOP/share/maps/${m#*:}.yaml" "$F/${m%%:*}.csv"
	is "$RC:$(wc -l <"$OUT")" "0:2" "mapping ${m#*:}"
done
is "$(q "SELECT told, channel, gemeente FROM story WHERE channel = 'formulier' ORDER BY id")" "2026-02-02T10:15:03|formulier|Utrecht
2026-02-03T09:01:00|formulier|Zwolle
2026-02-02T10:15:03|formulier|Utrecht
2026-02-02T13:05:00|formulier|Almere
2026-02-02T10:15:03|formulier|Breda
|formulier|Tilburg
2026-02-02T10:15:03|formulier|Enschede
2026-02-03T08:00:00|formulier|Hengelo" "dates of each tool, default channel"
is "$(q "SELECT DISTINCT key FROM story_attr JOIN story ON story.id = story_id WHERE channel = 'formulier' ORDER BY key")" "Antwoord ID
ID
_id
_uuid" "tool metadata dropped, ids kept"
# Excel's sep= line; quotes inside unquoted fields (csv-spectrum).
run be-collect "$F/sep.csv"
is "$RC:$(cat "$ERR")" "0:be-collect: $F/sep.csv: 2 rows read, 2 new, 0 duplicates, 0 refused; no column about use: quotable; read as utf-8, delimiter ';'" "sep=; sets the delimiter, and the header follows"
is "$(last text)" 'Het loket, zegt men, gaat om 12 uur dicht.
Hij is 1,90 m lang en zei: ik wacht "al weken".' "a quote inside an unquoted field is a character"
run be-collect -d , "$F/sep.csv"
is "$RC:$(tail -1 "$ERR")" "2:be-collect: $F/sep.csv: nothing written" "a forced delimiter wins over sep="

done_testing
