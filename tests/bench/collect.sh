#!/bin/sh
# tests/bench/collect.sh: be-collect --no-index (with redaction) against
# sqlite3's .import of the same CSV into a fresh database.
set -u
rows=${BENCH_ROWS:-100000}
dir=${BENCH_DIR:-$(mktemp -d)}
gen=${BENCH_GEN:-$(dirname "$0")/../../../shared/bench/gen_stories.py}
in=$dir/stories.csv
python3 "$gen" --rows "$rows" --out "$in" || exit 2
rm -f "$dir"/ours.db* "$dir"/theirs.db*

now() { date +%s.%N; }
t0=$(now)
/usr/bin/time -f %M -o "$dir/rss" be-collect --no-index -s "$dir/ours.db" "$in" \
    >/dev/null 2>"$dir/err" || { cat "$dir/err" >&2; exit 2; }
t1=$(now)
sqlite3 "$dir/theirs.db" -cmd ".import --csv $in stories" </dev/null || exit 2
t2=$(now)
awk -v r="$rows" -v a="$t0" -v b="$t1" -v c="$t2" -v rss="$(tail -1 "$dir/rss")" 'BEGIN {
	ours = b - a; theirs = c - b
	printf "be-collect --no-index\t%d\t%.3f\tsqlite3 .import\t%.3f\t%.2f\t%d\n",
	    r, ours, theirs, theirs / ours, rss }'
rm -f "$in" "$dir"/ours.db* "$dir"/theirs.db*
