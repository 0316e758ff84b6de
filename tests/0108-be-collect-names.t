#!/bin/sh
# be-collect: names in the text and in name columns; the story text column
# chosen by its answers when no header names it.
. "${0%/*}/lib.sh"
plan 16

# A Google Forms export: the question as the header, a name column that
# is not called "Naam", no consent column.
cat >gf.csv <<'CSV'
Tijdstempel,Uw naam (niet verplicht),Wat wilt u de cliëntenraad vertellen?,Leeftijd,Opmerking
2026-01-02 10:00,Jos,"Mijn naam is Fatima el Amrani en de taxi van Valys kwam te laat in Zwolle.",45,geen
2026-01-03 11:00,Piet,Mevrouw Bos (81) belt de consulent Jansen. Bel 0601234567.,70,nee dank u
CSV
run be-collect gf.csv
is_rc 0 "the story text column is found by its answers"
is "$(cat "$ERR")" "be-collect: gf.csv: 2 rows read, 2 new, 0 duplicates, 0 refused; no column about use: quotable; redacted: 3 NAAM, 1 TELEFOON; story text from column 'Wat wilt u de cliëntenraad vertellen?'; delete the export, it holds contact data" "the summary names the column"
is "$(q "SELECT text FROM story ORDER BY id")" "Mijn naam is [NAAM] en de taxi van Valys kwam te laat in Zwolle.
Mevrouw [NAAM] (81) belt de consulent [NAAM]. Bel [TELEFOON]." "names and a 06 number redacted; places and services stay"
is "$(q "SELECT story_id, kind, n FROM story_redaction ORDER BY story_id, kind")" "1|NAAM|1
2|NAAM|2
2|TELEFOON|1" "names counted as kind NAAM"
is "$(q "SELECT group_concat(key) FROM (SELECT DISTINCT key FROM story_attr ORDER BY key)")" "Leeftijd,Opmerking" "the name column is no attribute"
is "$(q "SELECT count(*) FROM person")" 0 "no name kept without consent"

# With consent to be contacted, the name goes to the person table.
cat >ms.csv <<'CSV'
Naam respondent (optioneel),Voornaam,Verhaal,Toestemming
Ayşe Öztürk,Ayşe,"Ik ben Yusuf, de zoon van mevrouw Öztürk.",Ja
Kees de Vries,Kees,Geen naam hier.,Nee
CSV
run be-collect ms.csv
is_rc 0 "name columns with a consent column"
is "$(q "SELECT s.id, p.name FROM person p JOIN story s ON s.id = p.story_id ORDER BY s.id")" "3|Ayşe Öztürk Ayşe" "names kept apart only with consent"
is "$(q "SELECT count(*) FROM story_attr WHERE story_id IN (3, 4)")" 0 "never a story attribute"
is "$(q "SELECT text FROM story WHERE id = 3")" "Ik ben [NAAM], de zoon van mevrouw [NAAM]." "names in the text"

# Two columns of free text, equally long: refused, naming both.
cat >amb.csv <<'CSV'
Datum,Vraag een,Vraag twee
2026-01-02,"een twee drie vier vijf","zes zeven acht negen tien"
CSV
run be-collect amb.csv
is_rc 2 "two likely text columns are refused"
is "$(cat "$ERR")" "be-collect: amb.csv:1:1: columns 'Vraag twee' and 'Vraag een' both look like the story text; choose one with --text-column or -m
be-collect: amb.csv: nothing written" "the message names both and how to choose"
run be-collect -t 'Vraag een' amb.csv
is "$RC:$(q "SELECT text FROM story WHERE id = 5")" "0:een twee drie vier vijf" "-t chooses by header"
run be-collect --text-column 9 amb.csv
is "$RC:$(cat "$ERR")" "2:be-collect: amb.csv:1:1: no column '9' for the story text; give its header or its number
be-collect: amb.csv: nothing written" "an unknown column is refused"

# Short answers only: no story column.
printf 'Datum,Wijk\n2026-01-02,Noord\n' >short.csv
run be-collect short.csv
is "$RC:$(cat "$ERR")" "2:be-collect: short.csv:1:1: no story text column: name one 'Verhaal' or 'Story', or choose one with --text-column or -m
be-collect: short.csv: nothing written" "no free text: refused as before"

# More rows than the sample: all are taken in, in order.
{ echo 'Datum,Wat is er gebeurd?'; i=1; while [ $i -le 30 ]; do echo "2026-02-01,Dit is verhaal nummer $i van de reeks."; i=$((i + 1)); done; } >long.csv
run be-collect long.csv
is "$RC:$(q "SELECT count(*), min(text) = 'Dit is verhaal nummer 1 van de reeks.' FROM story WHERE text LIKE 'Dit is verhaal%'")" "0:30|1" "rows beyond the sample are read too"
done_testing
