#!/bin/sh
# Control characters: refused at intake with file:line:col, and never
# printed from stored text to a terminal.
. "${0%/*}/lib.sh"
plan 12

printf 'Datum,Verhaal\n2026-01-10,Goed.\n2026-01-11,Slecht\033[2J nieuws.\n' >esc.csv
run be-collect esc.csv
must_fail 2 "be-collect: esc.csv:3:18: control character U+001B; remove it from the file
be-collect: esc.csv: nothing written" "ESC in a CSV cell refused at its place"
run be-collect --skip-bad esc.csv
is "$RC:$(cat "$ERR")" "0:be-collect: esc.csv:3:18: control character U+001B; remove it from the file
be-collect: esc.csv: 2 rows read, 1 new, 0 duplicates, 1 refused; no column about use: quotable" "--skip-bad refuses only that row"

printf 'Datum,Verhaal\n2026-01-12,"Piep\302\233."\n' >c1.csv
run be-collect c1.csv
must_fail 2 "be-collect: c1.csv:2:17: control character U+009B; remove it from the file
be-collect: c1.csv: nothing written" "C1 control (CSI) in a quoted cell refused"

printf -- '---\nkind: story\nversion: 1\ntold: 2026-01-13\ntext: "Titel\\e]0;pwned\\a weg"\n' >esc.yaml
run be-collect esc.yaml
must_fail 2 "be-collect: esc.yaml:5:7: control character U+001B in a scalar; remove it
be-collect: esc.yaml: nothing written" "an escape in YAML refused"

printf -- '-\t2026-01-14\t\t\tBel\007 me\n' >bel.rec
run be-collect -f records bel.rec
must_fail 2 "be-collect: bel.rec:1: control character U+0007 in field 5; remove it
be-collect: bel.rec: nothing written" "BEL in a record refused"
is "$(q "SELECT count(*) FROM story")" 1 "only the good story stored"

cat >cb.yaml <<'CB'
kind: codebook
version: 1
name: cb
themes:
  - name: vervoer
    description: "Taxi\e[31m rood"
    match: ['\btaxi']
CB
run be-tag --check cb.yaml
must_fail 2 "be-tag: cb.yaml:6:18: control character U+001B in a scalar; remove it" "a codebook description with an escape refused"

# A store written before these rules: what it prints shows '?'.
q "UPDATE story SET text = 'Goed' || char(27) || '[2J' || char(155) || ' nieuws' || char(13) || '.', gemeente = 'Ut' || char(7) || 'recht' WHERE id = 1"
run be-find --text S-1
is "$RC:$(cat "$OUT")" "0:S-1  2026-01-10  Ut?recht
use: quote

Goed?[2J? nieuws?." "be-find -f text shows control characters as '?'"
run be-find S-1
is "$(cat "$OUT")" "$(printf 'S-1\t2026-01-10\t\tUt?recht\tGoed?[2J? nieuws .')" "records: '?'"
run be-find --yaml S-1
ok "! grep -q \"$(printf '\033')\" \"\$OUT\"" "YAML escapes them"
run be-find --json S-1
ok "! grep -q \"$(printf '\033')\" \"\$OUT\"" "JSON escapes them"
run be-collect -f records esc.rec
is "$RC" 2 "(a missing file is an error, never a crash)"
