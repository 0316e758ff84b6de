#!/bin/sh
# be-find on a store made by be-collect (and tagged by be-tag): the same
# records, YAML that be-collect takes back, attributes from CSV columns.
. "${0%/*}/lib.sh"
plan 19
export BENUT_NOW=2026-03-01T10:00:00Z

be-collect "$FIX/find/verhalen.csv" >collected 2>/dev/null
run be-find
is "$RC:$(cat "$ERR")" "0:" "be-find on a collected store"
is "$(cat "$OUT")" "$(cat collected)" "the same records as be-collect printed"

be-find --yaml >all.yaml
run be-collect -f yaml all.yaml
is "$RC:$(cat "$OUT")$(cat "$ERR")" \
    "0:be-collect: all.yaml: 3 rows read, 0 new, 3 duplicates, 0 refused" \
    "--yaml goes back into be-collect, as duplicates"
is "$(q 'SELECT count(*) FROM story')" "3" "nothing new in the store"

run be-find -a wijk=NOORD
is "$RC:$(cut -f1 "$OUT" | tr '\n' ' ')$(cat "$ERR")" "0:S-1 S-3 " \
    "-a on a CSV column"
run be-find -q 'client NEAR(afspraak miste)' -g sudwest-fryslan
is "$RC:$(cat "$OUT" "$ERR")" "1:" "query and gemeente: none has both"
run be-find -q 'wachtlijst' -g sudwest-fryslan --count
is "$RC:$(cat "$OUT" "$ERR")" "0:1" "query and gemeente"

be-tag --new +vervoer S-1 >/dev/null 2>&1
run be-find --by tag
is "$RC:$(cat "$OUT" "$ERR")" "0:T-1	vervoer	1
-		2" "--by tag names themes as be-tag -l does"
run be-find -t "$(be-tag -l | cut -f1)"
is "$RC:$(cut -f1 "$OUT")$(cat "$ERR")" "0:S-1" "-t takes the ref be-tag -l prints"

# --no-index leaves the search indexes to the next program that searches:
# the full-text index stale, and in a large intake (here: into a store
# without stories) the date index out.
N=$T/n.db
run be-collect --no-index -s "$N" "$FIX/find/verhalen.csv"
is "$RC:$(sqlite3 "$N" "SELECT count(*) FROM story; SELECT count(*) FROM meta WHERE key = 'fts_stale';
  SELECT count(*) FROM sqlite_master WHERE name = 'story_told'")" "0:3
1
0" "--no-index: stories in, full-text index stale, date index out"
chmod 0755 "$T"; chmod 0644 "$N"
if setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
	run setpriv --reuid=65534 --regid=65534 --clear-groups \
	    be-find -s "$N" --since 2026-01-01 --count
	is "$RC:$(cat "$OUT" "$ERR")" "0:$(be-find --since 2026-01-01 --count)" \
	    "a reader who may not write does without the date index"
	is "$(sqlite3 "$N" "SELECT count(*) FROM sqlite_master WHERE name = 'story_told'")" 0 \
	    "and leaves it out"
else
	skip 2 "setpriv cannot drop privileges here"
fi
run be-find -s "$N" --since 2026-01-01 --count
is "$RC:$(cat "$OUT" "$ERR")" "0:$(be-find --since 2026-01-01 --count)" \
    "be-find finds the same"
is "$(sqlite3 "$N" "SELECT count(*) FROM sqlite_master WHERE name = 'story_told';
  SELECT count(*) FROM meta WHERE key = 'fts_stale'")" "1
1" "and makes the date index again (the full-text index waits for a query)"
run be-find -s "$N" -q wachtlijst --count
is "$RC:$(cat "$OUT" "$ERR"):$(sqlite3 "$N" "SELECT count(*) FROM meta")" \
    "0:$(be-find -q wachtlijst --count):0" "a query makes the full-text index whole"
run be-collect -s "$T/m.db" "$FIX/find/verhalen.csv"
is "$(sqlite3 "$T/m.db" "SELECT count(*) FROM sqlite_master WHERE name = 'story_told'")" 1 \
    "without --no-index a large intake makes the date index again itself"

# A first intake makes the full-text index in one statement after the
# rows, with larger segments for the unit only; a later intake adds to it
# story by story.  Both give the index the stories' texts make.
fts_ok() {
	sqlite3 "$1" "INSERT INTO story_fts(story_fts, rank)
	  VALUES ('integrity-check', 1); SELECT k || '=' || v FROM story_fts_config
	  WHERE k IN ('hashsize', 'automerge') ORDER BY k"
}
is "$(fts_ok "$T/m.db")" "automerge=4
hashsize=1048576" "a first intake's full-text index is whole, the settings FTS5's defaults"
printf 'Datum,Kanaal,Gemeente,Verhaal\n2026-03-01,Balie,Utrecht,Geen rolstoelbus beschikbaar.\n' >later.csv
run be-collect -s "$T/m.db" later.csv
is "$RC:$(be-find -s "$T/m.db" -q rolstoelbus --count):$(be-find -s "$T/m.db" -q wachtlijst --count)" \
    "0:1:$(be-find -q wachtlijst --count)" "a later intake adds to the index"
is "$(fts_ok "$T/m.db")" "automerge=4
hashsize=1048576" "and keeps it whole"
done_testing
