#!/bin/sh
# be-tag -c: batch tagging, reruns, changed codebooks, hand tags, list,
# explain, dry run, limits and all-or-nothing batches.
. "${0%/*}/lib.sh"
plan 36
export BENUT_NOW=2026-03-01T10:00:00Z USER=coord

cp "$FIX"/tag/*.yaml .
new_store
run be-tag -c small.yaml --all
is "$RC:$(cat "$OUT"):$(cat "$ERR")" "0::be-tag: 0 stories: no change" "empty store"
q "INSERT INTO story (id, cid, told, text, added) VALUES
 (1, 'c1', '2026-01-05', 'De regiotaxi kwam weer te laat; wachten, wachten.', 'x'),
 (2, 'c2', '2026-01-06', 'Niets aan de hand.', 'x'),
 (3, 'c3', NULL, 'Taxi? Geen klacht!', 'x'),
 (4, 'c4', NULL, 'Het VERVOER naar de dagbesteding.', 'x')"
q "UPDATE story SET route = 'klachtencommissie' WHERE id = 4"
snap() { sqlite3 "$BENUT_STORE" .dump; }

run be-tag -c small.yaml S-1 S-2 S-3 S-4
is "$(cat "$OUT")" "S-1	vervoer,wachttijd
S-2	
S-3	
S-4	vervoer" "one record per story with its tags (routed stories too)"
is "$(cat "$ERR")" "be-tag: 4 stories: 3 tags added, 0 removed, 0 updated" "summary"
is "$(q "SELECT story_id, tag_id, origin, present, rule, matched, who, at FROM story_tag ORDER BY 1, 2")" \
"1|1|rule|1|\\b(regio)?taxi|regiotaxi||2026-03-01T10:00:00Z
1|2|rule|1|\\bwacht(en|lijst|tijd)|wachten||2026-03-01T10:00:00Z
4|1|rule|1|\\bvervoer|VERVOER||2026-03-01T10:00:00Z" "rule, pattern and matched words recorded"
is "$(q "SELECT name, length(hash), path FROM codebook")" "klein|64|small.yaml" "codebook name and hash"
is "$(q "SELECT name, ifnull(parent_id, '-'), colour FROM tag ORDER BY id")" \
"vervoer|-|#1f77b4
wachttijd|1|" "themes with parent and colour"

snap >before
printf 'S-1\tiets\nS-2\nS-3\nS-4\n' | be-tag -c small.yaml >"$OUT" 2>"$ERR"
is "$(cat "$ERR")" "be-tag: 4 stories: no change" "a rerun changes nothing and says so"
snap >after
ok 'cmp -s before after' "store unchanged by the rerun"

run be-tag --explain S-1
is "$(cat "$OUT")" "S-1	vervoer	rule	klein@$(q "SELECT substr(hash, 1, 12) FROM codebook")	\\\\b(regio)?taxi	regiotaxi	2026-03-01T10:00:00Z
S-1	wachttijd	rule	klein@$(q "SELECT substr(hash, 1, 12) FROM codebook")	\\\\bwacht(en|lijst|tijd)	wachten	2026-03-01T10:00:00Z" "explain shows rule and words"

# By hand.
export BENUT_NOW=2026-03-02T09:00:00Z
run be-tag +wachttijd -vervoer S-4 S-2 -u jan
is "$RC:$(cat "$OUT")" "0:S-4	wachttijd
S-2	wachttijd" "hand tags added and removed"
is "$(cat "$ERR")" "be-tag: 2 stories: 2 tags added, 2 removed, 0 updated" "hand summary"
run be-tag --explain S-4
is "$(cat "$OUT")" "S-4	vervoer	removed	jan			2026-03-02T09:00:00Z
S-4	wachttijd	hand	jan			2026-03-02T09:00:00Z" "who and when kept"
echo S-3 | be-tag +vervoer >"$OUT" 2>"$ERR"
is "$(cat "$OUT"):$(q "SELECT who FROM story_tag WHERE story_id = 3")" "S-3	vervoer:coord" "refs from stdin, who from USER"
run be-tag +nieuw S-1
must_fail 2 "be-tag: unknown tag 'nieuw'; see be-tag -l for the tags, or add --new to make it" "unknown tag refused"
run be-tag --new +nieuw S-1 S-99
must_fail 2 "be-tag: no story S-99" "unknown story refused"
is "$(q "SELECT count(*) FROM tag WHERE name = 'nieuw'")" "0" "nothing of a refused batch written"
run be-tag --new +nieuw S-1
is "$RC:$(cat "$OUT")" "0:S-1	nieuw,vervoer,wachttijd" "--new makes a tag"

# A changed codebook: rule tags follow, hand tags stay.
sed 's/regio)?taxi/regio)?taxibus/; s/- Ik fiets./- Ik fiets.\n        - De regiotaxi kwam./' small.yaml >changed.yaml
sed -i "s/'\\\\bvervoer'/'\\\\bvervoer'\n      - '\\\\bniets'/; s/De regiotaxi kwam te laat./De regiotaxibus kwam te laat./" changed.yaml
run be-tag --check changed.yaml
is "$RC" 0 "changed codebook passes"
run be-tag -n -c changed.yaml --all
is "$(cat "$OUT")" "S-1	-vervoer" "dry run shows the changes"
is "$(cat "$ERR")" "be-tag: 4 stories: would have 0 tags added, 1 removed, 1 updated; nothing written" "dry summary"
snap >after2
run be-tag -c changed.yaml --all
ok '! cmp -s after after2' "(store changed by hand before)"
is "$(cat "$OUT")" "S-1	nieuw,wachttijd
S-2	wachttijd
S-3	vervoer
S-4	wachttijd" "changed codebook applied; hand tags untouched"
is "$(q "SELECT story_id, tag_id, origin, present FROM story_tag ORDER BY 1, 2")" "1|2|rule|1
1|3|hand|1
2|1|hand|0
2|2|hand|1
3|1|hand|1
4|1|hand|0
4|2|hand|1" "a tag removed by hand is not put back by a rule"
is "$(q "SELECT count(*) FROM codebook")" "2" "each codebook version recorded"

run be-tag -l
is "$(cat "$OUT")" "T-3	nieuw	1		
T-1	vervoer	1		Taxi en vervoer
T-2	wachttijd	3	vervoer	" "list with counts"
run be-tag -c small.yaml --untagged
is "$RC:$(cat "$OUT")" "0:" "--untagged: every story has a tag"

# Limits: a rule that backtracks without end is an error, not "no match".
awk 'BEGIN { s = ""; for (i = 0; i < 50000; i++) s = s "a"; print s "b" }' >long.txt
q "INSERT INTO story (id, cid, text, added) VALUES (5, 'c5', readfile('long.txt'), 'x')" 2>/dev/null ||
q "INSERT INTO story (id, cid, text, added) VALUES (5, 'c5', '$(cat long.txt)', 'x')"
snap >before
run be-tag -c evil.yaml --all
must_fail 2 "be-tag: evil.yaml:6:13: theme 'gulzig': pattern hit the match limit on S-5; nothing written (use --skip-bad to skip such stories)" "limit reported by theme and story"
snap >after
ok 'cmp -s before after' "nothing written for that batch"
run be-tag -c evil.yaml --skip-bad --all
is "$RC" 2 "--skip-bad still exits 2"
is "$(cat "$ERR")" "be-tag: evil.yaml:6:13: theme 'gulzig': pattern hit the match limit on S-5; story skipped
be-tag: 4 stories, 1 skipped: 1 tag added, 0 removed, 0 updated" "skipped story reported"
is "$(q "SELECT count(*) FROM story_tag WHERE story_id = 5")" "0" "skipped story untouched"
is "$(q "SELECT name FROM codebook ORDER BY id DESC LIMIT 1")" "kwaad" "the good stories were written"

run be-tag -c small.yaml S-x
must_fail 2 "be-tag: argument 1: 'S-x' is not a story (S-n)" "bad ref"
run be-tag -l S-1
must_fail 2 "usage: $(be-tag --help | sed '1s/^usage: //')" "operands with -l are a usage error"

# kill -9 in the middle of a large batch: all or nothing.
q "WITH RECURSIVE n(i) AS (SELECT 10 UNION ALL SELECT i + 1 FROM n WHERE i < 150000)
 INSERT INTO story (id, cid, text, added) SELECT i, 'k' || i, 'De regiotaxi ' || i, 'x' FROM n"
before=$(q "SELECT count(*) FROM story_tag")
be-tag -c small.yaml --all >/dev/null 2>&1 &
pid=$!
sleep 0.3
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
is "$(q "PRAGMA integrity_check")" "ok" "store intact after kill -9"
after=$(q "SELECT count(*) FROM story_tag")
ok '[ "$after" = "$before" ] || [ "$after" = $((before + 149991)) ]' "tags all or nothing ($before -> $after)"
