#!/bin/sh
# tests/bench/find.sh: be-find on BENCH_ROWS stories against the tools a
# user would otherwise use: grep over the texts exported to a file, and
# the sqlite3 shell with the query written by hand.  Prints
#   name TAB rows TAB ours_s TAB theirs_name TAB theirs_s TAB ratio TAB rss_kb
# (see tests/bench/run.sh).  Each time is the mean of REPS runs.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
rows=${BENCH_ROWS:-100000}
dir=${BENCH_DIR:-$(mktemp -d)}
gen=${BENCH_GEN:-$top/tests/bench/gen_stories.py}
reps=${REPS:-5}
export PATH="$top:$PATH" LC_ALL=C.UTF-8 TZ=UTC
db=$dir/find.db
cd "$dir"

if [ -n "${BENCH_CSV:-}" ]; then ln -sf "$BENCH_CSV" stories.csv
else python3 "$gen" --rows "$rows" --out stories.csv; fi
# The store: made by benut (its schema), filled by the sqlite3 shell.
"$top/tests/unit/find.t" --seed "$db" </dev/null
sqlite3 -batch "$db" <<'SQL'
.mode csv
.import stories.csv raw
-- Tijdstempel is d-m-yyyy H:MM:SS.
INSERT INTO story (id, cid, told, channel, gemeente, text, added)
SELECT rowid, 'c' || rowid,
  printf('%04d-%02d-%02d',
    CAST(substr(rest, instr(rest, '-') + 1) AS INTEGER),
    CAST(rest AS INTEGER), CAST(Tijdstempel AS INTEGER)),
  lower(Kanaal), Gemeente, Verhaal, '2026-01-01T00:00:00Z'
FROM (SELECT rowid, *, substr(Tijdstempel, instr(Tijdstempel, '-') + 1)
  AS rest FROM raw);
DROP TABLE raw;
INSERT INTO tag (id, name, parent_id) VALUES
  (1, 'wachttijden', NULL), (2, 'wachtlijst', 1), (3, 'geldzaken', NULL);
INSERT INTO story_tag (story_id, tag_id, origin, at)
  SELECT id, 2, 'rule', '2026-01-01' FROM story WHERE text LIKE '%wachtlijst%';
INSERT INTO story_tag (story_id, tag_id, origin, at)
  SELECT id, 1, 'rule', '2026-01-01' FROM story
  WHERE text LIKE '%wacht%' AND text NOT LIKE '%wachtlijst%';
INSERT INTO story_tag (story_id, tag_id, origin, at)
  SELECT id, 3, 'rule', '2026-01-01' FROM story WHERE text LIKE '%schuld%';
SQL
sqlite3 -batch "$db" "SELECT replace(replace(text, char(10), ' '),
  char(13), ' ') FROM story" >texts.txt

now() { date +%s%N; }
# pair OURS THEIRS: the mean wall times of REPS runs of each, taken in
# turn (ours, theirs, ours, ...) so that a change of load on the machine
# falls on both; sets $ours and $theirs.  Each is a command line for sh,
# its output to /dev/null.
pair() {
	_a=0 _b=0 _i=0
	while [ $_i -lt "$reps" ]; do
		_t0=$(now); sh -c "$1" >/dev/null
		_t1=$(now); sh -c "$2" >/dev/null
		_t2=$(now)
		_a=$((_a + _t1 - _t0)) _b=$((_b + _t2 - _t1)) _i=$((_i + 1))
	done
	ours=$(echo "$_a $reps" | awk '{ printf "%.4f", $1 / 1e9 / $2 }')
	theirs=$(echo "$_b $reps" | awk '{ printf "%.4f", $1 / 1e9 / $2 }')
}
# sql NAME QUERY: the query a selection row compares with, on stderr.
sql() { printf 'bench: %s compares with: %s\n' "$1" "$2" | tr -s ' \n' ' ' >&2
	echo >&2; }
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
line() {	# name ours theirs_name theirs rss
	echo "$1 $2 $3 $4 $5" | awk -v rows="$rows" 'BEGIN { OFS = "\t" }
	  { r = ($2 > 0) ? $4 / $2 : 0; print $1, rows, $2, $3, $4,
	    sprintf("%.2f", r), $5 }'
}

# The first run builds nothing, but warms the page cache for both.
be-find -s "$db" -q wachtlijst --count >/dev/null
grep -ci wachtlijst texts.txt >/dev/null || true

q='-q wachtlijst --count'
pair "be-find -s $db $q" "grep -ci wachtlijst texts.txt || true"
line find-fts-count "$ours" grep-ci "$theirs" "$(rss be-find -s "$db" $q)"

pair "be-find -s $db -q 'wacht* NOT lijst' --count" \
    "grep -i wacht texts.txt | grep -vci lijst || true"
line find-fts-prefix-not "$ours" grep-pipe "$theirs" \
    "$(rss be-find -s "$db" -q 'wacht* NOT lijst' --count)"

# The selection rows: be-find against the SQL a user would type into the
# sqlite3 shell for the same answer, the themes below a theme included
# (a recursive CTE, as be-find selects them).
d="WITH RECURSIVE d(id) AS (SELECT id FROM tag WHERE name = 'wachttijden'
  UNION SELECT t.id FROM tag t JOIN d ON t.parent_id = d.id)"
tagged="s.id IN (SELECT st.story_id FROM story_tag st JOIN d
  ON st.tag_id = d.id WHERE st.present = 1)"

sq="$d SELECT count(*) FROM story s WHERE s.told >= '2024-06-01'
  AND $tagged"
sql find-tag-since-count "$sq"
pair "be-find -s $db -t wachttijden --since 2024-06-01 --count" \
    "sqlite3 -batch $db \"$sq\""
line find-tag-since-count "$ours" sqlite3 "$theirs" \
    "$(rss be-find -s "$db" -t wachttijden --since 2024-06-01 --count)"

sq="$d SELECT 'S-' || s.id, substr(s.told, 1, 10), s.channel, s.gemeente,
  s.text FROM story s WHERE s.told >= '2024-06-01' AND $tagged
  ORDER BY s.id"
sql find-tag-since "$sq"
pair "be-find -s $db -t wachttijden --since 2024-06-01" \
    "sqlite3 -batch -separator '	' $db \"$sq\""
line find-tag-since "$ours" sqlite3 "$theirs" \
    "$(rss be-find -s "$db" -t wachttijden --since 2024-06-01)"

sq="$d SELECT 'S-' || s.id, substr(s.told, 1, 10), s.channel, s.gemeente,
  s.text FROM story s WHERE s.id IN (SELECT rowid FROM story_fts
  WHERE story_fts MATCH 'wachtlijst') AND $tagged ORDER BY s.id"
sql find-fts-tag "$sq"
pair "be-find -s $db -q wachtlijst -t wachttijden" \
    "sqlite3 -batch -separator '	' $db \"$sq\""
line find-fts-tag "$ours" sqlite3 "$theirs" \
    "$(rss be-find -s "$db" -q wachtlijst -t wachttijden)"

sq="SELECT count(*) FROM story WHERE lower(channel) = 'telefoon'
  AND lower(gemeente) = 'utrecht'"
sql find-channel-gemeente "$sq"
pair "be-find -s $db -c telefoon -g utrecht --count" "sqlite3 -batch $db \"$sq\""
line find-channel-gemeente "$ours" sqlite3 "$theirs" \
    "$(rss be-find -s "$db" -c telefoon -g utrecht --count)"

# be-find counts a story under its themes and the themes above them, once
# each, and the stories without a theme apart: the same here.
sq="WITH RECURSIVE up(tid, anc) AS (SELECT id, id FROM tag
  UNION SELECT up.tid, t.parent_id FROM up JOIN tag t ON t.id = up.anc
  WHERE t.parent_id IS NOT NULL)
  SELECT a.name, substr(s.told, 1, 7), count(DISTINCT s.id) FROM story s
  LEFT JOIN story_tag st ON st.story_id = s.id AND st.present = 1
  LEFT JOIN up ON up.tid = st.tag_id LEFT JOIN tag a ON a.id = up.anc
  GROUP BY 1, 2 ORDER BY a.name IS NULL, 1, 2"
sql find-by-tag-month "$sq"
pair "be-find -s $db --by tag,month" "sqlite3 -batch $db \"$sq\""
line find-by-tag-month "$ours" sqlite3 "$theirs" \
    "$(rss be-find -s "$db" --by tag,month)"

sq="SELECT 'S-' || id, told, channel, gemeente, text FROM story ORDER BY id"
sql find-all-records "$sq"
pair "be-find -s $db" "sqlite3 -batch -separator '	' $db \"$sq\""
line find-all-records "$ours" sqlite3 "$theirs" "$(rss be-find -s "$db")"
