#!/bin/sh
# tests/bench/collect.sh: be-collect --no-index (with redaction, NFC and
# de-duplication) against what a user would otherwise run on the same CSV:
# sqlite3's .import into a fresh database, and sqlite-utils insert --csv.
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
i=0
while [ $i -lt "$reps" ]; do
	timed ours /usr/bin/time -f %M -o "$dir/rss" \
	    be-collect --no-index -s "$dir/db.db" "$in"
	timed import sqlite3 "$dir/db.db" -cmd ".import --csv $in stories"
	[ -n "$su" ] && timed su sqlite-utils insert "$dir/db.db" stories "$in" --csv
	i=$((i + 1))
done
rss=$(tail -1 "$dir/rss")
line() {
	awk -v r="$rows" -v o="$(median ours)" -v t="$(median "$2")" -v n="$1" \
	    -v rss="$rss" 'BEGIN { printf "collect --no-index\t%d\t%.3f\t%s\t%.3f\t%.2f\t%d\n",
	    r, o, n, t, t / o, rss }'
}
line "sqlite3 .import" import
[ -n "$su" ] && line "sqlite-utils insert" su
rm -f "$dir"/db.db* "$dir"/*.t
[ -n "${BENCH_CSV:-}" ] || rm -f "$in"
