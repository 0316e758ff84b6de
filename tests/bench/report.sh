#!/bin/sh
# tests/bench/report.sh: the signalenrapport (be-report) over a store of
# BENCH_ROWS stories tagged with the codebook, against the sqlite3 shell
# with the same GROUP BY typed by hand (stories per top-level theme and
# month over a year).  Prints the bench line (see run.sh).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
rows=${BENCH_ROWS:-100000}
dir=${BENCH_DIR:-$(mktemp -d)}
gen=${BENCH_GEN:-$top/../shared/bench/gen_stories.py}
reps=${REPS:-5}
export PATH="$top:$PATH" LC_ALL=C.UTF-8 TZ=UTC BENUT_STORE=$dir/report.db
export BENUT_NOW=2026-12-01T10:00:00Z
cd "$dir"
csv=${BENCH_CSV:-}
if [ -z "$csv" ]; then
	python3 "$gen" --rows "$rows" --out stories.csv
	csv=stories.csv
fi
be-collect --no-index "$csv" >/dev/null 2>&1
be-tag -c "$top/share/codebooks/sociaal-domein.yaml" --all >/dev/null 2>&1
be-find --count >/dev/null	# makes the date index

now() { date +%s%N; }
secs() {
	_t0=$(now); _i=0
	while [ $_i -lt "$reps" ]; do "$@" >/dev/null; _i=$((_i + 1)); done
	echo "$_t0 $(now) $reps" | awk '{ printf "%.4f", ($2 - $1) / 1e9 / $3 }'
}
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }

q="WITH RECURSIVE top(id, root) AS (
  SELECT id, id FROM tag WHERE parent_id IS NULL
  UNION SELECT t.id, top.root FROM tag t JOIN top ON t.parent_id = top.id)
SELECT r.name, substr(s.told, 1, 7), count(DISTINCT s.id)
FROM story s JOIN story_tag x ON x.story_id = s.id AND x.present = 1
JOIN top ON top.id = x.tag_id JOIN tag r ON r.id = top.root
WHERE s.told >= '2025-01-01' AND s.told < '2026-01-01'
GROUP BY r.name, substr(s.told, 1, 7)"
P="--since 2025 --until 2025 --per maand"
theirs=$(secs sqlite3 -batch "$BENUT_STORE" "$q")
for f in yaml html; do
	ours=$(secs be-report -n -f $f $P)
	r=$(rss be-report -n -f $f $P)
	echo "report-$f $ours $theirs $r" | awk -v rows="$rows" \
	    'BEGIN { OFS = "\t" } { print $1, rows, $2, "sqlite3-group-by", $3,
	    sprintf("%.2f", $2 > 0 ? $3 / $2 : 0), $4 }'
done
