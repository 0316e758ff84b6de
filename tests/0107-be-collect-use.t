#!/bin/sh
# be-collect: consent to use a story (quote, count only, no), apart from
# consent to be contacted.
. "${0%/*}/lib.sh"
plan 27
export BENUT_NOW=2026-11-23T12:00:00Z
H='Tijdstempel,Verhaal,Mag de raad uw verhaal gebruiken?,Toestemming,E-mail'
cat >forms.csv <<CSV
$H
20-11-2026 10:00:00,De taxi kwam een uur te laat.,Ja,Nee,a@example.nl
20-11-2026 11:00:00,Niemand belde terug over de Wmo.,Nee,Ja,b@example.nl
20-11-2026 12:00:00,De wachtlijst voor jeugdhulp is lang.,alleen tellen,Ja,c@example.nl
20-11-2026 13:00:00,De brief was onbegrijpelijk.,"Ja, maar niet citeren",,
20-11-2026 14:00:00,Het loket in de wijk is dicht.,,,
CSV
run be-collect forms.csv
is "$RC:$(cat "$ERR")" "0:be-collect: forms.csv: 5 rows read, 4 new, 0 duplicates, 0 refused, 1 said no to use; 2 count only, 1 not answered about use: quotable; delete the export, it holds contact data" \
    "summary counts the levels and who said no"
is "$(cut -f1 "$OUT" | tr '\n' ' ')" "S-1 S-2 S-3 S-4 " "four stories taken in"
is "$(q "SELECT id, use, consent, text FROM story ORDER BY id")" "1|quote|0|De taxi kwam een uur te laat.
2|count|1|De wachtlijst voor jeugdhulp is lang.
3|count|0|De brief was onbegrijpelijk.
4|quote|0|Het loket in de wijk is dicht." "levels stored; the teller who said no is not there"
is "$(q "SELECT story_id, email FROM person")" "2|c@example.nl" \
    "consent to be contacted stays its own column"
is "$(q "SELECT count(*) FROM story_attr")" 0 "the answer about use is no attribute"
is "$(q "SELECT count(*) FROM story_fts WHERE story_fts MATCH 'wmo'")" 0 \
    "nothing of the refused story in the index"

# be-find shows the level.
run be-find --yaml S-2
ok "grep -qx 'use: count' '$OUT'" "be-find --yaml"
run be-find --text S-2
ok "grep -qx 'use: count' '$OUT'" "be-find --text"
run be-find --json S-1
ok "grep -q '\"use\":\"quote\"' '$OUT'" "be-find --json"
run be-find --use count
is "$RC:$(cut -f1 "$OUT" | tr '\n' ' ')" "0:S-2 S-3 " "be-find --use count"
run be-find --by use
is "$RC:$(cat "$OUT")" "0:count	2
quote	2" "be-find --by use"
run be-find --use never
is "$RC:$(cat "$ERR")" "2:be-find: --use: give quote or count" "be-find --use: a bad level"

# The export again, with one answer changed to count only: the story is
# not added again and now may only be counted; a yes does not undo it.
sed 's/De taxi kwam een uur te laat\.,Ja/De taxi kwam een uur te laat.,alleen tellen/' forms.csv >again.csv
run be-collect again.csv
is "$RC:$(q "SELECT use FROM story WHERE id = 1")" "0:count" "a teller who allows less is heard"
run be-collect forms.csv
is "$(q "SELECT use FROM story WHERE id = 1"):$(q "SELECT count(*) FROM story")" "count:4" \
    "a yes later does not make it quotable again"

# Answers that are none of these.
cat >bad.csv <<CSV
$H
21-11-2026 10:00:00,Een nieuw verhaal.,Ja,,
21-11-2026 11:00:00,Nog een verhaal.,misschien,,
CSV
run be-collect bad.csv
must_fail 2 "be-collect: bad.csv:3:38: unknown answer in 'Mag de raad uw verhaal gebruiken?'; answer ja, nee or alleen tellen (see benut-formats(5))
be-collect: bad.csv: nothing written" "an unknown answer: file:line:col and the field"
is "$(q "SELECT count(*) FROM story")" 4 "nothing written"
run be-collect --skip-bad bad.csv
is "$RC:$(cat "$ERR")" "0:be-collect: bad.csv:3:38: unknown answer in 'Mag de raad uw verhaal gebruiken?'; answer ja, nee or alleen tellen (see benut-formats(5))
be-collect: bad.csv: 2 rows read, 1 new, 0 duplicates, 1 refused; delete the export, it holds contact data" "--skip-bad refuses the row"

# Headers.
printf 'Verhaal,Mogen wij uw verhaal gebruiken en contact met u opnemen?\nEen verhaal.,Ja\n' >both.csv
run be-collect both.csv
must_fail 2 "be-collect: both.csv:1:9: column 'Mogen wij uw verhaal gebruiken en contact met u opnemen?' asks leave to use the story and to contact the teller in one answer; map it with -m as use or consent
be-collect: both.csv: nothing written" "one question for use and contact is refused"
printf 'Verhaal,Gebruik,Mag de raad uw verhaal delen?\nEen verhaal.,Ja,Nee\n' >two.csv
run be-collect two.csv
must_fail 2 "be-collect: two.csv:1:17: second column about use 'Mag de raad uw verhaal delen?' (column 2 is one already); map one of them with -m
be-collect: two.csv: nothing written" "two columns about use are refused"
printf 'Verhaal,Hoe vaak gebruikt u de taxi?,Wat wilt u met ons delen?\nVerhaal over de taxi.,vaak,niets\n' >not.csv
run be-collect not.csv
is "$RC:$(q "SELECT key FROM story_attr ORDER BY key" | tr '\n' '|')" \
    "0:Hoe vaak gebruikt u de taxi?|Wat wilt u met ons delen?|" \
    "questions that do not ask leave stay attributes"
printf 'Story,May we use your story?\nAn English story.,"Yes, but do not quote me"\nAnother English story.,yes\n' >en.csv
run be-collect en.csv
is "$RC:$(q "SELECT use FROM story WHERE text LIKE '%English%' ORDER BY id" | tr '\n' ' ')" \
    "0:count quote " "English header and answers"
printf 'kind: map\nversion: 1\ncolumns:\n  Verhaal: text\n  Vraag 7: use\n' >map.yaml
printf 'Verhaal,Vraag 7\nMet een kaart ingelezen.,alleen tellen\n' >mapped.csv
run be-collect -m map.yaml mapped.csv
is "$RC:$(q "SELECT use FROM story WHERE text LIKE 'Met een kaart%'")" "0:count" \
    "a map names the column about use"

printf 'Verhaal,Wijk,Gebruik\nEen korte rij zonder antwoord.,Noord\n' >short.csv
run be-collect short.csv
is "$RC:$(cat "$ERR")" "0:be-collect: short.csv: 1 row read, 1 new, 0 duplicates, 0 refused; 1 not answered about use: quotable" \
    "a short row has no answer: quotable, and said"

# YAML story documents: the key use.
cat >stories.yaml <<YAML
kind: story
version: 1
use: count
text: Een verhaal in YAML dat alleen telt.
---
kind: story
version: 1
use: nee
text: Een verhaal in YAML dat niet gebruikt mag worden.
YAML
run be-collect stories.yaml
is "$RC:$(cat "$ERR")" "0:be-collect: stories.yaml: 2 rows read, 1 new, 0 duplicates, 0 refused, 1 said no to use; 1 count only" "YAML: use count and no"
printf 'kind: story\nversion: 1\nuse: soms\ntext: Nog een.\n' >bad.yaml
run be-collect bad.yaml
must_fail 2 "be-collect: bad.yaml:3:6: unknown answer in 'use'; use quote, count or no (or ja, nee, alleen tellen)
be-collect: bad.yaml: nothing written" "YAML: an unknown level"

# be-find --yaml into another store keeps the level.
be-find --yaml >all.yaml
run be-collect -s other.db all.yaml
is "$RC:$(sqlite3 other.db "SELECT use, count(*) FROM story GROUP BY use")" "0:count|6
quote|5" "levels travel with be-find --yaml"
run be-collect --use sometimes S-1
is "$RC:$(head -1 "$ERR")" "2:be-collect: use level must be quote, count or no" "a bad level"
done_testing
