#!/bin/sh
# tests/bench/agenda.sh: the agenda of a meeting with three points, each
# made from the stories of a theme, on a store of BENCH_ROWS stories,
# against what a user would otherwise do: the sqlite3 shell fetching the
# same points' asks and story texts.  Prints the bench line (run.sh).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
rows=${BENCH_ROWS:-100000}
dir=${BENCH_DIR:-$(mktemp -d)}
gen=${BENCH_GEN:-$top/tests/bench/gen_stories.py}
reps=${REPS:-5}
export PATH="$top:$PATH" LC_ALL=C.UTF-8 TZ=UTC BENUT_STORE=$dir/agenda.db
cd "$dir"
csv=${BENCH_CSV:-}
if [ -z "$csv" ]; then
	python3 "$gen" --rows "$rows" --out stories.csv
	csv=stories.csv
fi
be-collect --no-index "$csv" >/dev/null 2>&1
be-tag -c "$top/share/codebooks/sociaal-domein.yaml" --all >/dev/null 2>&1
for t in vervoer wachttijden bejegening; do
	be-find -t "$t" | head -5 | be-point new "Punt over $t" >/dev/null
	be-point state "P-$(be-point -l | wc -l)" gereed >/dev/null
done
meeting=$top/share/meetings/vergadering.yaml

now() { date +%s%N; }
secs() {
	_t0=$(now); _i=0
	while [ $_i -lt "$reps" ]; do "$@" >/dev/null; _i=$((_i + 1)); done
	echo "$_t0 $(now) $reps" | awk '{ printf "%.4f", ($2 - $1) / 1e9 / $3 }'
}
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }

q="SELECT p.id, p.title, p.vraag, s.id, substr(s.text, 1, 300)
  FROM point p JOIN point_story ps ON ps.point_id = p.id
  JOIN story s ON s.id = ps.story_id WHERE p.state = 'gereed'
  ORDER BY p.id, ps.pos"
for f in md html ics; do
	ours=$(secs be-agenda -m "$meeting" -f $f P-1 P-2 P-3)
	theirs=$(secs sqlite3 -batch "$BENUT_STORE" "$q")
	r=$(rss be-agenda -m "$meeting" -f $f P-1 P-2 P-3)
	echo "agenda-$f $ours $theirs $r" | awk -v rows="$rows" \
	    'BEGIN { OFS = "\t" } { print $1, rows, $2, "sqlite3-query", $3,
	    sprintf("%.2f", $2 > 0 ? $3 / $2 : 0), $4 }'
done
