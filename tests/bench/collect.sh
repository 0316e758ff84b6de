#!/bin/sh
# tests/bench/collect.sh: be-collect --no-index (with redaction, NFC and
# de-duplication) against what a user would otherwise run on the same CSV:
# sqlite3's .import into a fresh database, and sqlite-utils insert --csv.
# Then the default intake, with the search index, against sqlite3's
# .import followed by an FTS5 table over the same text with the same
# tokenizer, built in one statement (the SQL goes to stderr).
# Each side runs REPS times, interleaved; the median counts.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
rows=${BENCH_ROWS:-100000}
dir=${BENCH_DIR:-$(mktemp -d)}
gen=${BENCH_GEN:-$top/tests/bench/gen_stories.py}
reps=${REPS:-3}
export PATH="$top:$PATH"
in=${BENCH_CSV:-}
if [ -z "$in" ]; then
	in=$dir/stories.csv
	python3 "$gen" --rows "$rows" --out "$in" || exit 2
fi

now() { date +%s.%N; }
# timed NAME CMD...: appends the wall time of CMD to $dir/NAME.t
timed() {
	_n=$1; shift
	rm -f "$dir"/db.db*
	_a=$(now)
	"$@" >/dev/null 2>"$dir/err" || { cat "$dir/err" >&2; exit 2; }
	echo "$_a $(now)" | awk '{ print $2 - $1 }' >>"$dir/$_n.t"
}
median() { sort -n "$dir/$1.t" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
su=
command -v sqlite-utils >/dev/null 2>&1 && su=1
rm -f "$dir"/*.t
fts="CREATE VIRTUAL TABLE stories_fts USING fts5(Verhaal,
  content='stories', tokenize='unicode61 remove_diacritics 2');
INSERT INTO stories_fts(stories_fts) VALUES ('rebuild');"
echo "bench: collect (with index) against sqlite3 .import, then: $fts" >&2
i=0
while [ $i -lt "$reps" ]; do
	timed ours /usr/bin/time -f %M -o "$dir/rss" \
	    be-collect --no-index -s "$dir/db.db" "$in"
	timed import sqlite3 "$dir/db.db" -cmd ".import --csv $in stories"
	[ -n "$su" ] && timed su sqlite-utils insert "$dir/db.db" stories "$in" --csv
	timed fts /usr/bin/time -f %M -o "$dir/rss-fts" \
	    be-collect -s "$dir/db.db" "$in"
	timed importfts sqlite3 "$dir/db.db" -cmd ".import --csv $in stories" "$fts"
	i=$((i + 1))
done
line() {
	awk -v r="$rows" -v o="$(median "$3")" -v t="$(median "$2")" -v n="$1" \
	    -v rss="$(tail -1 "$dir/$5")" -v m="$4" 'BEGIN {
	    printf "%s\t%d\t%.3f\t%s\t%.3f\t%.2f\t%d\n",
	    m, r, o, n, t, t / o, rss }'
}
line "sqlite3 .import" import ours "collect --no-index" rss
[ -n "$su" ] && line "sqlite-utils insert" su ours "collect --no-index" rss
line "sqlite3 .import + FTS5" importfts fts "collect (with index)" rss-fts
rm -f "$dir"/db.db* "$dir"/*.t
[ -n "${BENCH_CSV:-}" ] || rm -f "$in"
