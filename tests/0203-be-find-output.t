#!/bin/sh
# be-find: --count, --json and counts --by.
. "${0%/*}/lib.sh"
. "$FIX/find/find.sh"
plan 22
seed

run be-find --count
is "$RC:$(cat "$OUT" "$ERR")" "0:8" "--count: all"
run be-find --count -t vervoer
is "$RC:$(cat "$OUT" "$ERR")" "0:2" "--count: a theme"
run be-find --count -t digitalisering
is "$RC:$(cat "$OUT" "$ERR")" "1:0" "--count: none, 0 and status 1"

run be-find --json S-6 S-1 S-7
is_rc 0 "--json"
golden find-json
is "$(python3 -c 'import json,sys
for l in sys.stdin: json.loads(l)
print("valid")' <"$OUT")" "valid" "--json: each line is JSON"

run be-find --yaml S-7 S-4 S-1
is_rc 0 "--yaml"
golden find-yaml
run be-find --text S-7 S-1
is_rc 0 "--text"
golden find-text

run be-find --by tag -H
is_rc 0 "--by tag"
golden find-by-tag
# A theme's count is what -t selects: vervoer counts its child's story.
is "$(grep '	vervoer	' "$OUT")" "T-3	vervoer	$(be-find -t vervoer --count)" \
    "--by tag agrees with -t --count"
run be-find --by tag,month -H
is_rc 0 "--by tag,month"
golden find-by-tag-month
run be-find --by month --since 2026
is "$RC:$(cat "$OUT" "$ERR")" "0:2026-01	2
2026-02	2
2026-03	1" "--by month of a selection"
run be-find --by wijk -H
is "$RC:$(cat "$OUT" "$ERR")" "0:#wijk	count
Noord	3
Oost	1
Zuid	1
	3" "--by an attribute: folded groups, no value last"
run be-find --by channel,year -c telefoon
is "$RC:$(cat "$OUT" "$ERR")" "0:Telefoon	2025	1
Telefoon	2026	2" "--by channel,year: spellings grouped"
run be-find --by gemeente -t wachttijden
is "$RC:$(cat "$OUT" "$ERR")" "0:Amersfoort	1
Utrecht	1" "--by gemeente"
run be-find --by tag -t digitalisering
is "$RC:$(cat "$OUT" "$ERR")" "1:" "--by of nothing: status 1, no output"
run be-find --by tag,month,year
must_fail 2 "be-find: --by: give one or two keys, as tag,month" "--by three keys"
run be-find --by ,month
must_fail 2 "be-find: --by: give one or two keys, as tag,month" "--by an empty key"
done_testing
