#!/bin/sh
# be-report: the signalenrapport in every format, small counts hidden, the
# report recorded and what is new since, its errors.
. "${0%/*}/lib.sh"
plan 50
export BENUT_NOW=2026-12-01T10:00:00Z
# A store (be-collect makes it from nothing), then the seed.
new_store
sqlite3 "$BENUT_STORE" <"$FIX/report/seed.sql"
P="--since 2026-09 --until 2026-11"

run be-report -n -f md $P
is_rc 0 "Markdown"
golden signalen.md
is "$(cat "$ERR")" "" "nothing on stderr"
is "$(q "SELECT count(*) FROM report")" 0 "-n records nothing"

run be-report -n -f yaml $P
is_rc 0 "YAML"
golden signalen.yaml
ok "python3 -c 'import sys, yaml; d = yaml.safe_load(open(sys.argv[1]));
assert d[\"kind\"] == \"signalenrapport\" and len(d[\"themes\"]) == 4' '$OUT'" \
    "the YAML reads back"

run be-report -n -f csv $P
is_rc 0 "CSV"
golden signalen.csv
ok "head -c 3 '$OUT' | od -An -c | grep -q '357 273 277'" "the CSV starts with a BOM"

run be-report -n $P
is_rc 0 "HTML by default"
golden signalen.html
ok "! grep -q '<script>' '$OUT' && grep -qF '&lt;script&gt;alert(1)&lt;/script&gt; &quot;Echt&quot; &amp; &#39;nooit&#39;' '$OUT'" \
    "a quote's markup is escaped"
ok "! grep -Eq '\\b[SPMRT]-[0-9]+' '$OUT' '$GOLD/signalen.md' '$GOLD/signalen.csv'" \
    "no refs in the HTML, the Markdown or the CSV"
ok "! grep -Eq '<(script|link|img|iframe)|src=|href=' '$OUT'" \
    "no script and no external file"
is "$(grep -c '<svg ' "$OUT"):$(grep -c '<section class="theme">' "$OUT")" "4:4" \
    "a chart for each theme"

# What is hidden: vervoer has 6, 2, 7 (the 6 hidden so that 15 - 7 does
# not give the 2 away); wmo-voorzieningen 3, 6, 0 (the 0 hidden too);
# taal 2 in all.
is "$(sed -n '/^## vervoer/,/^## /p' "$GOLD/signalen.md" | grep '^| [a-z]*ber\|^| Totaal')" \
"| september 2026 | < 5 |
| oktober 2026 | < 5 |
| november 2026 | 7 |
| Totaal | 15 |" "a small count is '< 5', and one more when the total would tell"
run be-report -n -f md --min-count 1 $P
is "$(sed -n '/^## vervoer/,/^## /p' "$OUT" | grep '^| [a-z]*ber')" \
"| september 2026 | 6 |
| oktober 2026 | 2 |
| november 2026 | 7 |" "--min-count 1 hides nothing"
ok "! grep -q 'kleiner dan' '$OUT'" "and says nothing about hiding"
run be-report -n -f csv --min-count 3 $P
is "$(grep '^taal' "$OUT")" "$(printf 'taal;0;< 3;0;< 3\r')" "--min-count 3"

# Quotes: from the theme's stories of the period, those chosen on a point
# first; a routed story is never quoted; a small theme has none.
run be-report -n -f md --min-count 1 --since 2026-11-06 --until 2026-11-07
is "$(grep -c '^>' "$OUT"):$(grep -c 'Uw klacht' "$OUT")" "1:0" \
    "no quote of a routed story"
is "$(sed -n '/^## taal/,$p' "$GOLD/signalen.md" | grep -c '^>')" 0 \
    "no quotes for a theme of fewer than 5 stories"
run be-report -n -f yaml --min-count 1 --since 2026-09-01 --until 2026-09-01
is "$(grep -c 'quotes:' "$OUT"):$(grep -A1 '^  total:' "$OUT" | head -1)" \
    "0:  total: 1" "a story that may only be counted is counted, not quoted"
run be-report -n -f yaml --min-count 1 --since 2026-10-02 --until 2026-10-02
is "$(grep -c 'quotes:' "$OUT"):$(grep -c 'Mijn dochter' "$OUT")" "0:0" \
    "not even with a quote chosen on a point"
run be-report -n -f md --quotes 1 $P
is "$(grep -c '^>' "$OUT")" 3 "--quotes 1: one a theme (of three big ones)"
run be-report -n -f md --quotes 0 $P
ok "! grep -q 'Wat mensen vertellen' '$OUT'" "--quotes 0: none"

# Points: those that went to the municipality; a concept or a dropped one
# is not shown.
ok "grep -q 'Taxi komt te laat' '$GOLD/signalen.md' && ! grep -q 'Chauffeurs helpen niet\\|Tolk bij' '$GOLD/signalen.md'" \
    "points from geagendeerd on"

# Per quarter, and by itself over more than twelve months.
run be-report -n -f csv --per kwartaal $P
is "$(head -1 "$OUT")" "$(printf '\357\273\277Thema;3e kwartaal 2026;4e kwartaal 2026;Totaal\r')" \
    "--per kwartaal"
run be-report -n -f yaml --since 2025-09 --until 2026-11
is "$(grep -c '^  - period: 20..-K' "$OUT"):$(grep '^per:' "$OUT")" "24:per: kwartaal" \
    "more than twelve months: per quarter"

# Since a meeting (M-1 on 2026-10-01) and the default period.
run be-report -n -f yaml --since-meeting M-1 --until 2026-11
is "$(grep '^since:\|^until:' "$OUT")" 'since: "2026-10-01"
until: "2026-11-30"' "--since-meeting"
run be-report -n -f yaml
is "$(grep '^since:\|^until:\|^per:' "$OUT")" 'since: "2026-08-01"
until: "2026-12-01"
per: maand' "by default from the first month told to today"

# Recorded, and what is new since.
BENUT_NOW=2026-10-15T09:00:00Z run be-report -f md --since 2026-09 --until 2026-10
is_rc 0 "a report made"
is "$(q "SELECT made, since, until, per, stories FROM report")" \
    "2026-10-15T09:00:00Z|2026-09-01|2026-10-31|maand|26" "it is recorded"
ok "! grep -q 'Nieuw sinds' '$OUT'" "the first report has nothing new since"
run be-report -f md $P
is_rc 0 "the next report"
golden signalen-next.md
is "$(q "SELECT count(*) FROM report")" 2 "recorded too"
run be-report -l -H
is "$(cat "$OUT")" "#ref	made	since	until	per	stories
R-1	2026-10-15T09:00:00Z	2026-09-01	2026-10-31	maand	26
R-2	2026-12-01T10:00:00Z	2026-09-01	2026-11-30	maand	40" "-l lists the reports made"

# Errors.
usage=$(be-report --help | sed 's/^usage: //')
run be-report --since 2026-13
must_fail 2 "be-report: --since: bad date '2026-13'; write YYYY-MM-DD (or YYYY-MM, YYYY)" \
    "a bad date"
run be-report --since 2026-11 --until 2026-10
must_fail 2 "be-report: --since 2026-11-01 is after --until 2026-10-31" \
    "since after until"
run be-report --since-meeting M-9
must_fail 2 "be-report: no meeting M-9" "an unknown meeting"
run be-report --since 2026 --since-meeting M-1
must_fail 2 "be-report: --since and --since-meeting exclude each other
usage: $usage" "--since and --since-meeting"
run be-report --per week
must_fail 2 "be-report: --per: 'week' is neither maand nor kwartaal
usage: $usage" "a bad --per"
run be-report --min-count 0
must_fail 2 "be-report: --min-count: '0' is not a number from 1 to 1000
usage: $usage" "a bad --min-count"
run be-report -s nergens.db
must_fail 2 "be-report: no store here (./nergens.db); use -s or BENUT_STORE" \
    "no store"
ok "[ ! -e nergens.db ]" "and none made"
run be-report S-1
must_fail 2 "be-report: no operands are taken
usage: $usage" "an operand"
be-collect -s leeg.db /dev/null >/dev/null 2>&1
run be-report -n -f md -s leeg.db --until 2026-11
is_rc 0 "a store with no stories: a report all the same"
is "$(sed -n '3p;7p;11p' "$OUT")" "1 november 2026 tot en met 30 november 2026
In deze periode kreeg de raad 0 verhalen.
In deze periode zijn er geen verhalen met een thema." "that says so"
synopsis=$(mandoc -Tascii "$TOP/man/be-report.1" | col -b |
    sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' | sed '1d;$d' | tr -s ' \n\t' '   ')
is "$(echo $synopsis)" "$(echo $usage)" "usage is the SYNOPSIS of the man page"
done_testing
